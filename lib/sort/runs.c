#include <config.h>

#include "sorter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "output.h"

int sort_run_create(struct art_sorter *s, int *fd, struct art_error *err)
{
	size_t n = strlen(s->tmpdir) + sizeof "/art-sort.XXXXXX";
	char *path = malloc(n);
	if (!path)
		return sort_oom(err);
	snprintf(path, n, "%s/art-sort.XXXXXX", s->tmpdir);
	*fd = mkstemp(path);
	int e = errno;
	if (*fd >= 0)
		unlink(path); /* gone when the last descriptor closes, however we end */
	free(path);
	return *fd < 0 ? sort_sys_fail(s, err, "cannot create a temporary file", e) : ART_OK;
}

int sort_run_put(struct art_sorter *s, struct run_writer *w, const unsigned char *blob,
                 struct art_error *err)
{
	if (art_buf_append(&w->buf, blob, get32(blob)) != 0)
		return sort_oom(err);
	if (w->buf.len >= RUN_WRITE_BLOCK) {
		if (art_write_all(w->fd, w->buf.p, w->buf.len) != 0)
			return sort_sys_fail(s, err, "cannot write a temporary file", errno);
		w->buf.len = 0;
	}
	return ART_OK;
}

int sort_run_close(struct art_sorter *s, struct run_writer *w, struct art_error *err)
{
	int rc = ART_OK;
	if (art_write_all(w->fd, w->buf.p, w->buf.len) != 0)
		rc = sort_sys_fail(s, err, "cannot write a temporary file", errno);
	art_buf_free(&w->buf);
	return rc;
}

static int push_run(struct art_sorter *s, int fd, int level, struct art_error *err)
{
	if (art_grow(&s->runs, &s->runs_cap, s->nruns + 1, sizeof *s->runs, 16) != 0)
		return sort_oom(err);
	s->runs[s->nruns++] = (struct run){fd, level};
	return ART_OK;
}

/* While the last ART_SORT_FANIN runs are of one level, merge them into one
 * run of the next. */
static int cascade(struct art_sorter *s, struct art_error *err)
{
	while (s->nruns >= ART_SORT_FANIN &&
	       s->runs[s->nruns - ART_SORT_FANIN].level == s->runs[s->nruns - 1].level) {
		size_t first = s->nruns - ART_SORT_FANIN;
		struct src *src = calloc(ART_SORT_FANIN, sizeof *src);
		if (!src)
			return sort_oom(err);
		for (size_t i = 0; i < ART_SORT_FANIN; i++)
			src[i] = sort_run_src(&s->runs[first + i]);
		int level = s->runs[first].level + 1, fd;
		s->nruns = first; /* the merge owns their descriptors now */
		int rc = sort_merge_to_run(s, src, ART_SORT_FANIN, &fd, err);
		if (rc != ART_OK)
			return rc;
		if ((rc = push_run(s, fd, level, err)) != ART_OK) {
			close(fd);
			return rc;
		}
	}
	return ART_OK;
}

int sort_spill(struct art_sorter *s, struct art_error *err)
{
	int rc = sort_memory(s, err);
	struct run_writer w = {-1, {0}};
	if (rc == ART_OK)
		rc = sort_run_create(s, &w.fd, err);
	for (size_t i = 0; rc == ART_OK && i < s->n; i++)
		rc = sort_run_put(s, &w, s->ents[i].blob, err);
	if (rc == ART_OK)
		rc = sort_run_close(s, &w, err);
	if (rc == ART_OK)
		rc = push_run(s, w.fd, 0, err);
	if (rc != ART_OK) {
		art_buf_free(&w.buf);
		if (w.fd >= 0)
			close(w.fd);
		return rc;
	}
	s->written++;
	s->n = 0;
	s->cur = s->used = 0;
	s->held = 0;
	return cascade(s, err);
}
