#include <config.h>

#include "spool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void art_spool_init(struct art_spool *s, size_t limit)
{
	memset(s, 0, sizeof *s);
	s->limit = limit;
	s->fd = -1;
}

static int fail(struct art_spool *s, int errnum)
{
	if (!s->err)
		s->err = errnum;
	s->buf.len = 0;
	return -1;
}

static int open_file(struct art_spool *s)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	struct art_buf name = {0};
	if (art_buf_printf(&name, "%s/art-spool.XXXXXX", dir) != 0)
		return fail(s, ENOMEM);
	s->fd = mkstemp(name.p);
	int e = errno;
	if (s->fd >= 0)
		unlink(name.p);
	art_buf_free(&name);
	return s->fd < 0 ? fail(s, e) : 0;
}

static int write_all(struct art_spool *s)
{
	if (art_write_all(s->fd, s->buf.p, s->buf.len) != 0)
		return fail(s, errno);
	s->in_file += s->buf.len;
	s->buf.len = 0;
	return 0;
}

int art_spool_settle(struct art_spool *s)
{
	if (s->err)
		return fail(s, s->err);
	if (s->buf.len <= s->limit)
		return 0;
	if (s->fd < 0 && open_file(s) != 0)
		return -1;
	return write_all(s);
}

int art_spool_copy(struct art_spool *s, struct art_out *out)
{
	if (s->err)
		return fail(s, s->err);
	if (s->fd < 0) {
		if (art_buf_append(&out->buf, s->buf.p, s->buf.len) != 0)
			return fail(s, ENOMEM);
		s->buf.len = 0;
		art_out_ready(out);
		return 0;
	}
	if (write_all(s) != 0)
		return -1;
	if (lseek(s->fd, 0, SEEK_SET) < 0)
		return fail(s, errno);
	for (;;) {
		if (art_buf_reserve(&out->buf, ART_OUT_BLOCK) != 0)
			return fail(s, ENOMEM);
		ssize_t r = read(s->fd, out->buf.p + out->buf.len, ART_OUT_BLOCK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return fail(s, errno);
		if (r == 0)
			break;
		out->buf.len += (size_t)r;
		if (art_out_ready(out) != 0)
			break;
	}
	if (ftruncate(s->fd, 0) != 0 || lseek(s->fd, 0, SEEK_SET) < 0)
		return fail(s, errno);
	s->in_file = 0;
	return 0;
}

int art_spool_read(struct art_spool *s, uint64_t off, size_t n, struct art_buf *scratch,
                   art_str *out)
{
	if (s->err)
		return fail(s, s->err);
	if (off >= s->in_file) { /* a settle moves the whole buffer: all of it is here */
		*out = (art_str){s->buf.p + (off - s->in_file), n};
		return 0;
	}
	if (art_buf_reserve(scratch, n) != 0)
		return fail(s, ENOMEM);
	size_t got = 0;
	while (got < n) {
		ssize_t r = pread(s->fd, scratch->p + got, n - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return fail(s, r < 0 ? errno : EIO);
		got += (size_t)r;
	}
	*out = (art_str){scratch->p, n};
	return 0;
}

void art_spool_free(struct art_spool *s)
{
	if (s->fd >= 0)
		close(s->fd);
	art_buf_free(&s->buf);
	s->fd = -1;
}
