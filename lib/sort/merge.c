#include <config.h>

#include "sorter.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void sort_src_close(struct src *x)
{
	if (x->kind == SRC_RUN && x->fd >= 0) {
		close(x->fd);
		x->fd = -1;
	}
	free(x->buf);
	x->buf = NULL;
	art_buf_free(&x->blob[0]);
	art_buf_free(&x->blob[1]);
	x->cur = NULL;
}

/* Make NEED bytes of a run readable at x->buf + x->pos, or as many as are
 * left. */
static int run_fill(struct art_sorter *s, struct src *x, size_t need, struct art_error *err)
{
	if (x->end - x->pos >= need)
		return ART_OK;
	memmove(x->buf, x->buf + x->pos, x->end - x->pos);
	x->end -= x->pos;
	x->pos = 0;
	if (need > x->cap) {
		unsigned char *b = art_reallocarray(x->buf, need, 1);
		if (!b)
			return sort_oom(err);
		x->buf = b;
		x->cap = need;
	}
	while (x->end < need) {
		ssize_t r = read(x->fd, x->buf + x->end, x->cap - x->end);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return sort_sys_fail(s, err, "cannot read a temporary file", errno);
		}
		if (r == 0)
			break;
		x->end += (size_t)r;
	}
	return ART_OK;
}

static int run_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	if (x->cur)
		x->pos += get32(x->cur);
	x->cur = NULL;
	int rc = run_fill(s, x, 4, err);
	if (rc != ART_OK)
		return rc;
	if (x->end == x->pos) {
		sort_src_close(x);
		return ART_OK;
	}
	uint32_t size = x->end - x->pos >= 4 ? get32(x->buf + x->pos) : 0;
	if (size >= BLOB_HEAD && (rc = run_fill(s, x, size, err)) != ART_OK)
		return rc;
	if (size < BLOB_HEAD || x->end - x->pos < size)
		return sort_sys_fail(s, err, "a temporary file was cut short", EIO);
	x->cur = x->buf + x->pos;
	return ART_OK;
}

static void order_words(const struct art_sort_spec *sp, char *out, size_t outsz)
{
	size_t n = 0;
	for (size_t i = 0; i < sp->nkeys && n < outsz; i++)
		n += (size_t)snprintf(out + n, outsz - n, "%s%.*s%s", i ? "," : "",
		                      (int)sp->key[i].name.n, sp->key[i].name.p,
		                      sp->key[i].desc ? ":desc" : "");
}

static int report_disorder(struct art_sorter *s, const struct art_item *item, struct art_error *err)
{
	struct art_error *p = art_reallocarray(s->pending, s->npending + 1, sizeof *p);
	if (!p)
		return sort_oom(err);
	s->pending = p;
	char order[120];
	order_words(&s->spec, order, sizeof order);
	p[s->npending].file = item->file;
	art_error_set(&p[s->npending], item->line, "out of order by %s", order);
	s->npending++;
	return ART_OK;
}

static int input_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	struct art_item item = {0}; /* a source may set only what it knows */
	if (x->next(x->ctx, &item) != ART_OK) {
		sort_src_close(x);
		return ART_OK;
	}
	struct art_buf *b = &x->blob[x->which ^ 1];
	if (sort_make_blob(&s->spec, &item, b) != 0)
		return sort_oom(err);
	const unsigned char *blob = (const unsigned char *)b->p;
	if (x->cur && !x->reported && sort_blob_cmp(&s->spec, blob, x->cur) < 0) {
		x->reported = true;
		if (report_disorder(s, &item, err) != ART_OK)
			return ART_FAIL;
	}
	x->which ^= 1;
	x->cur = blob;
	return ART_OK;
}

static int src_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	switch (x->kind) {
	case SRC_RUN:
		return run_advance(s, x, err);
	case SRC_MEM:
		x->i++;
		x->cur = x->i < s->n ? s->ents[x->i].blob : NULL;
		return ART_OK;
	default:
		return input_advance(s, x, err);
	}
}

struct src sort_run_src(const struct run *r)
{
	return (struct src){.kind = SRC_RUN, .fd = r->fd};
}

static bool src_less(const struct art_sorter *s, const struct merge *m, size_t i, size_t j)
{
	int c = sort_blob_cmp(&s->spec, m->src[i].cur, m->src[j].cur);
	return c < 0 || (c == 0 && i < j);
}

static void sift_down(const struct art_sorter *s, struct merge *m, size_t at)
{
	for (;;) {
		size_t l = 2 * at + 1, best = at;
		if (l < m->nheap && src_less(s, m, m->heap[l], m->heap[best]))
			best = l;
		if (l + 1 < m->nheap && src_less(s, m, m->heap[l + 1], m->heap[best]))
			best = l + 1;
		if (best == at)
			return;
		size_t t = m->heap[at];
		m->heap[at] = m->heap[best];
		m->heap[best] = t;
		at = best;
	}
}

/* Take over the NSRC sources at SRC (and the array) and read the first
 * blob of each. */
int sort_merge_init(struct art_sorter *s, struct merge *m, struct src *src, size_t nsrc,
                    struct art_error *err)
{
	memset(m, 0, sizeof *m);
	m->src = src;
	m->nsrc = nsrc;
	m->heap = malloc((nsrc ? nsrc : 1) * sizeof *m->heap);
	if (!m->heap)
		return sort_oom(err);
	for (size_t i = 0; i < nsrc; i++) {
		struct src *x = &src[i];
		if (x->kind == SRC_RUN) {
			x->buf = malloc(RUN_READ_BLOCK);
			if (!x->buf)
				return sort_oom(err);
			x->cap = RUN_READ_BLOCK;
			if (lseek(x->fd, 0, SEEK_SET) < 0)
				return sort_sys_fail(s, err, "cannot read a temporary file", errno);
		}
		if (x->kind == SRC_MEM) {
			x->cur = s->n ? s->ents[0].blob : NULL;
		} else {
			int rc = src_advance(s, x, err);
			if (rc != ART_OK)
				return rc;
		}
		if (x->cur)
			m->heap[m->nheap++] = i;
	}
	for (size_t i = m->nheap / 2; i-- > 0;)
		sift_down(s, m, i);
	return ART_OK;
}

void sort_merge_free(struct merge *m)
{
	for (size_t i = 0; i < m->nsrc; i++)
		sort_src_close(&m->src[i]);
	free(m->src);
	free(m->heap);
	memset(m, 0, sizeof *m);
}

/* The smallest blob, or ART_EOF; the source it came from moves on at the
 * next call. */
int sort_merge_next(struct art_sorter *s, struct merge *m, const unsigned char **blob,
                    struct art_error *err)
{
	if (m->started && m->nheap) {
		struct src *top = &m->src[m->heap[0]];
		int rc = src_advance(s, top, err);
		if (rc != ART_OK)
			return rc;
		if (!top->cur)
			m->heap[0] = m->heap[--m->nheap];
		sift_down(s, m, 0);
	}
	m->started = true;
	if (!m->nheap)
		return ART_EOF;
	*blob = m->src[m->heap[0]].cur;
	return ART_OK;
}

/* Merge the NSRC sources at SRC (taking them over) into a new run file. */
int sort_merge_to_run(struct art_sorter *s, struct src *src, size_t nsrc, int *fd,
                      struct art_error *err)
{
	struct merge m;
	struct run_writer w = {-1, {0}};
	int rc = sort_merge_init(s, &m, src, nsrc, err);
	if (rc == ART_OK)
		rc = sort_run_create(s, &w.fd, err);
	const unsigned char *blob;
	while (rc == ART_OK && (rc = sort_merge_next(s, &m, &blob, err)) == ART_OK)
		rc = sort_run_put(s, &w, blob, err);
	if (rc == ART_EOF)
		rc = sort_run_close(s, &w, err);
	sort_merge_free(&m);
	art_buf_free(&w.buf);
	if (rc != ART_OK && w.fd >= 0)
		close(w.fd);
	*fd = w.fd;
	return rc;
}

/* Sort what is in memory and set up the final merge of everything, first
 * merging groups of sources while there are too many to merge at once. */
int sort_finish(struct art_sorter *s, struct art_error *err)
{
	int rc = sort_memory(s, err);
	if (rc != ART_OK)
		return rc;
	size_t n = s->nruns + (s->n > 0) + s->ninputs, k = 0;
	struct src *src = calloc(n ? n : 1, sizeof *src);
	if (!src)
		return sort_oom(err);
	for (size_t i = 0; i < s->nruns; i++)
		src[k++] = sort_run_src(&s->runs[i]);
	s->nruns = 0;
	if (s->n)
		src[k++] = (struct src){.kind = SRC_MEM};
	for (size_t i = 0; i < s->ninputs; i++)
		src[k++] = (struct src){
		    .kind = SRC_INPUT, .next = s->inputs[i].next, .ctx = s->inputs[i].ctx};
	while (n > FINAL_FANIN) {
		size_t groups = (n + ART_SORT_FANIN - 1) / ART_SORT_FANIN;
		for (size_t g = 0; g < groups && rc == ART_OK; g++) {
			size_t first = g * ART_SORT_FANIN;
			size_t len = n - first < ART_SORT_FANIN ? n - first : ART_SORT_FANIN;
			struct src *group = malloc(len * sizeof *group);
			if (!group) {
				rc = sort_oom(err);
				break;
			}
			memcpy(group, src + first, len * sizeof *group);
			for (size_t i = first; i < first + len; i++)
				src[i] = (struct src){.kind = SRC_RUN, .fd = -1};
			int fd;
			if ((rc = sort_merge_to_run(s, group, len, &fd, err)) == ART_OK)
				src[g].fd = fd; /* g <= first: that slot is free */
		}
		if (rc != ART_OK) {
			for (size_t i = 0; i < n; i++)
				sort_src_close(&src[i]);
			free(src);
			return rc;
		}
		n = groups;
	}
	return sort_merge_init(s, &s->final, src, n, err);
}
