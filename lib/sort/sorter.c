#include <config.h>

#include "sorter.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int sort_oom(struct art_error *err)
{
	err->file = NULL;
	art_error_set(err, 0, "out of memory");
	return ART_FAIL;
}

int sort_sys_fail(struct art_sorter *s, struct art_error *err, const char *what, int errnum)
{
	err->file = NULL;
	art_error_set(err, 0, "%s in %s: %s", what, s->tmpdir, strerror(errnum));
	err->errnum = errnum;
	return ART_FAIL;
}

struct art_sorter *art_sorter_new(const struct art_sort_spec *spec, uint64_t budget,
                                  const char *tmpdir)
{
	struct art_sorter *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->spec = sort_normalized(spec);
	s->budget = budget;
	s->tmpdir = strdup(tmpdir);
	uint64_t chunk = budget / 16;
	s->chunk = chunk < 4096 ? 4096 : chunk > (1u << 20) ? (1u << 20) : (size_t)chunk;
	if (!s->tmpdir) {
		free(s);
		return NULL;
	}
	return s;
}

size_t art_sorter_runs(const struct art_sorter *s)
{
	return s->written;
}

int art_sorter_add_source(struct art_sorter *s, art_sort_source_fn *next, void *ctx)
{
	struct input *in = art_reallocarray(s->inputs, s->ninputs + 1, sizeof *in);
	if (!in)
		return -1;
	s->inputs = in;
	in[s->ninputs++] = (struct input){next, ctx};
	return 0;
}

static unsigned char *alloc_blob(struct art_sorter *s, size_t size)
{
	while (s->cur < s->nchunks) {
		if (s->chunk_sizes[s->cur] - s->used >= size) {
			unsigned char *p = s->chunks[s->cur] + s->used;
			s->used += size;
			return p;
		}
		s->cur++;
		s->used = 0;
	}
	size_t n = size > s->chunk ? size : s->chunk;
	unsigned char **c = art_reallocarray(s->chunks, s->nchunks + 1, sizeof *c);
	if (!c)
		return NULL;
	s->chunks = c;
	size_t *cs = art_reallocarray(s->chunk_sizes, s->nchunks + 1, sizeof *cs);
	if (!cs)
		return NULL;
	s->chunk_sizes = cs;
	if (!(c[s->nchunks] = malloc(n)))
		return NULL;
	cs[s->nchunks] = n;
	s->cur = s->nchunks++;
	s->used = size;
	return c[s->cur];
}

int art_sorter_add(struct art_sorter *s, const struct art_item *item, struct art_error *err)
{
	if (sort_make_blob(&s->spec, item, &s->line) != 0)
		return sort_oom(err);
	size_t size = s->line.len;
	uint64_t cost = size + 2 * sizeof(struct ent); /* the entry, and room to sort it */
	if (s->n && s->held + cost > s->budget) {
		int rc = sort_spill(s, err);
		if (rc != ART_OK)
			return rc;
	}
	if (s->n == s->cap) {
		/* by half, not double: the budget counts two entries per record */
		size_t cap = s->cap ? s->cap + s->cap / 2 : 1024;
		struct ent *e = art_reallocarray(s->ents, cap, sizeof *e);
		if (!e)
			return sort_oom(err);
		s->ents = e;
		s->cap = cap;
	}
	unsigned char *blob = alloc_blob(s, size);
	if (!blob)
		return sort_oom(err);
	memcpy(blob, s->line.p, size);
	s->ents[s->n++] = (struct ent){sort_prefix(&s->spec, blob + BLOB_HEAD), blob};
	s->held += cost;
	return ART_OK;
}

int art_sorter_next(struct art_sorter *s, art_str *line, struct art_error *err)
{
	if (!s->finishing) {
		s->finishing = true;
		int rc = sort_finish(s, err);
		if (rc != ART_OK)
			return rc;
	}
	const unsigned char *blob;
	int rc = ART_OK;
	if (s->next_pending == s->npending)
		rc = sort_merge_next(s, &s->final, &blob, err);
	if (rc == ART_FAIL)
		return rc;
	if (s->next_pending < s->npending) {
		/* a source found out of order: say so before going on; the blob
		 * in hand stays current, merge_next gives it again */
		*err = s->pending[s->next_pending++];
		if (rc == ART_OK)
			s->final.started = false;
		return ART_BAD;
	}
	if (rc == ART_EOF)
		return ART_EOF;
	*line = sort_blob_line(blob);
	return ART_OK;
}

void art_sorter_free(struct art_sorter *s)
{
	if (!s)
		return;
	sort_merge_free(&s->final);
	for (size_t i = 0; i < s->nruns; i++)
		close(s->runs[i].fd);
	free(s->runs);
	for (size_t i = 0; i < s->nchunks; i++)
		free(s->chunks[i]);
	free(s->chunks);
	free(s->chunk_sizes);
	free(s->ents);
	art_buf_free(&s->line);
	free(s->inputs);
	free(s->pending);
	free(s->tmpdir);
	free(s);
}
