#include <config.h>

#include "output.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + sizeof ".tmpXXXXXX" + 1;
	char *t = malloc(n);
	if (t)
		snprintf(t, n, "%.*s.%s.tmpXXXXXX", (int)dir, path, path + dir);
	return t;
}

int art_out_open(struct art_out *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->fd = STDOUT_FILENO;
	if (art_buf_reserve(&o->buf, 2 * ART_OUT_BLOCK) != 0)
		return errno = ENOMEM, -1;
	if (!path || strcmp(path, "-") == 0)
		return 0;
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		/* nothing to replace: renaming over /dev/null would be a disaster */
		o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (o->fd < 0)
			return -1;
		o->close_fd = true;
		return 0;
	}
	struct stat lst;
	if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
		o->path = realpath(path, NULL);
	else
		o->path = strdup(path);
	char *tmp = o->path ? temp_name(o->path) : NULL;
	if (!tmp)
		return errno = ENOMEM, -1;
	o->tmp = tmp; /* before it exists, so that a signal handler sees it */
	o->fd = mkstemp(tmp);
	if (o->fd < 0) {
		int e = errno;
		o->tmp = NULL;
		free(tmp);
		return errno = e, -1;
	}
	o->replaces = exists;
	mode_t mode;
	if (exists) {
		mode = st.st_mode & 07777; /* the file keeps its permissions */
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask; /* as a file made by '>' would be */
	}
	fchmod(o->fd, mode);
	return 0;
}

int art_write_all(int fd, const void *p, size_t n)
{
	const char *at = p;
	while (n > 0) {
		ssize_t w = write(fd, at, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		at += w;
		n -= (size_t)w;
	}
	return 0;
}

static int write_all(struct art_out *o, const char *p, size_t n)
{
	if (art_write_all(o->fd, p, n) != 0) {
		o->err = errno;
		return -1;
	}
	return 0;
}

int art_out_flush(struct art_out *o)
{
	if (o->err) {
		o->buf.len = 0;
		return -1;
	}
	int rc = write_all(o, o->buf.p, o->buf.len);
	o->buf.len = 0;
	return rc;
}

int art_out_ready(struct art_out *o)
{
	if (o->err)
		return (o->buf.len = 0), -1;
	if (o->hold)
		return 0;
	size_t enough = o->line_buffered ? 1 : ART_OUT_BLOCK;
	return o->buf.len >= enough ? art_out_flush(o) : 0;
}

/* Forget the temporary file's name: first for a signal handler, then for good. */
static void drop_tmp(struct art_out *o)
{
	char *tmp = o->tmp;
	o->tmp = NULL;
	free(tmp);
}

/* Flush, sync and close the temporary file: 0, or -1 with o->err (and the
 * file removed). */
static int finish_tmp(struct art_out *o, int rc)
{
	if (rc == 0 && fsync(o->fd) != 0 && errno != EINVAL)
		o->err = errno, rc = -1;
	if (close(o->fd) != 0 && rc == 0)
		o->err = errno, rc = -1;
	if (rc != 0) {
		unlink(o->tmp);
		drop_tmp(o);
	}
	return rc;
}

int art_out_close(struct art_out *o)
{
	int rc = art_out_flush(o);
	if (o->tmp) {
		rc = finish_tmp(o, rc);
		if (rc == 0 && rename(o->tmp, o->path) != 0) {
			o->err = errno, rc = -1;
			unlink(o->tmp);
		}
		if (o->tmp)
			drop_tmp(o);
	} else if (o->close_fd) {
		if (close(o->fd) != 0 && rc == 0)
			o->err = errno, rc = -1;
		o->close_fd = false;
	}
	free(o->path);
	o->path = NULL;
	art_buf_free(&o->buf);
	return rc;
}

void art_out_abort(struct art_out *o)
{
	if (o->tmp) {
		close(o->fd);
		unlink(o->tmp);
		drop_tmp(o);
	} else if (o->close_fd) {
		close(o->fd);
		o->close_fd = false;
	}
	free(o->path);
	o->path = NULL;
	art_buf_free(&o->buf);
}

/* Room for one more file in C: 0, or -1 when out of memory. */
static int commit_grow(struct art_commit *c)
{
	/* two arrays of one capacity: PATH grows to what TMP has */
	size_t cap = c->cap;
	if (art_grow(&c->tmp, &cap, c->n + 1, sizeof *c->tmp, 8) != 0)
		return -1;
	char **path = art_reallocarray(c->path, cap, sizeof *path);
	if (!path)
		return -1;
	c->path = path;
	c->cap = cap;
	return 0;
}

int art_out_close_into(struct art_out *o, struct art_commit *c)
{
	if (!o->tmp)
		return art_out_close(o);
	int rc = art_out_flush(o);
	if (rc == 0 && commit_grow(c) != 0)
		o->err = ENOMEM, rc = -1;
	if (finish_tmp(o, rc) != 0) {
		free(o->path);
		o->path = NULL;
		art_buf_free(&o->buf);
		return -1;
	}
	/* the names change hands: a signal handler sees the file in one of
	 * the two places at every moment */
	c->tmp[c->n] = o->tmp;
	c->path[c->n] = o->path;
	c->n++;
	o->tmp = NULL;
	o->path = NULL;
	art_buf_free(&o->buf);
	return 0;
}

int art_commit_apply(struct art_commit *c, const char **failed)
{
	size_t i = 0;
	for (; i < c->n; i++)
		if (rename(c->tmp[i], c->path[i]) != 0)
			break;
	if (i == c->n) {
		art_commit_free(c);
		return 0;
	}
	int e = errno;
	*failed = c->path[i];
	/* the files before it are in place: forget them, and remove the rest */
	for (size_t k = 0; k < i; k++) {
		free(c->tmp[k]);
		free(c->path[k]);
	}
	memmove(c->tmp, c->tmp + i, (c->n - i) * sizeof *c->tmp);
	memmove(c->path, c->path + i, (c->n - i) * sizeof *c->path);
	c->n -= i;
	errno = e;
	return -1;
}

int art_commit_retarget(struct art_commit *c, size_t i, const char *path)
{
	assert(i < c->n);
	char *p = strdup(path);
	if (!p)
		return -1;
	free(c->path[i]);
	c->path[i] = p;
	return 0;
}

void art_commit_discard(struct art_commit *c)
{
	for (size_t i = 0; i < c->n; i++)
		unlink(c->tmp[i]);
	art_commit_free(c);
}

void art_commit_free(struct art_commit *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->tmp[i]);
		free(c->path[i]);
	}
	free(c->tmp);
	free(c->path);
	*c = (struct art_commit){0};
}
