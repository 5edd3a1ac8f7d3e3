/* table.c - aligned columns for a terminal.
 *
 * Widths are display columns (utf8.h): CJK and emoji count two, combining
 * marks none.  The first rows (a window of opt.window, the header among
 * them) are kept and measured; the columns then get their widths, shrunk
 * to fit opt.width when they are too wide together (the narrow ones keep
 * theirs, the wide ones share the rest), and every row after the window is
 * written at once in those widths.  A cell wider than its column is cut
 * and ends in "…".  Numbers are aligned right, the rest left; columns are
 * two spaces apart.  Control characters show as spaces, so no cell can
 * move the cursor or break a line.
 */
#include <config.h>

#include "writer.h"

#include <stdint.h>
#include <stdlib.h>

#include "utf8.h"

#define GAP 2

struct table {
	size_t *width; /* natural widths while measuring, then the columns' */
	bool fixed;
	struct art_buf kept; /* the window's cells, already cut to opt.width */
	size_t *ends;        /* where each kept cell ends in kept */
	size_t nrows, cap;
	struct art_buf cell;
};

/* Shrink the natural widths NAT to fit LIMIT columns, gaps included: a
 * column narrower than an even share keeps its width, the others split
 * what is left evenly (none narrower than one column). */
static void fit(size_t *nat, size_t n, size_t limit)
{
	size_t total = GAP * (n ? n - 1 : 0);
	for (size_t i = 0; i < n; i++)
		total += nat[i];
	if (limit == 0 || total <= limit || n == 0)
		return;
	size_t budget = limit > GAP * (n - 1) ? limit - GAP * (n - 1) : 0;
	size_t left = n;
	bool *done = calloc(n, sizeof *done);
	if (!done)
		return;
	for (bool changed = true; changed && left;) {
		changed = false;
		for (size_t i = 0; i < n; i++) {
			if (!done[i] && nat[i] <= budget / left) {
				done[i] = changed = true;
				budget -= nat[i];
				left--;
			}
		}
	}
	size_t share = left ? budget / left : 0, extra = left ? budget % left : 0;
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		nat[i] = share + (extra ? 1 : 0);
		if (extra)
			extra--;
		if (nat[i] == 0)
			nat[i] = 1;
	}
	free(done);
}

static size_t limit_of(const struct art_writer *w)
{
	return w->opt.width ? w->opt.width : SIZE_MAX;
}

/* One line of the table from CELLS, each cut to its column. */
static int put_line(struct art_writer *w, const art_str *cells)
{
	struct table *t = w->state;
	struct art_buf *b = &w->out->buf;
	size_t start = b->len;
	for (size_t i = 0; i < w->cols.n; i++) {
		size_t shown, pad;
		t->cell.len = 0;
		if (art_utf8_fit(&t->cell, cells[i], t->width[i], ' ', &shown) != 0 ||
		    art_buf_reserve(b, t->cell.len + t->width[i] + GAP) != 0)
			return -1;
		pad = t->width[i] > shown ? t->width[i] - shown : 0;
		if (i) {
			memset(b->p + b->len, ' ', GAP);
			b->len += GAP;
		}
		if (w->cols.col[i].numeric) {
			memset(b->p + b->len, ' ', pad);
			b->len += pad;
		}
		memcpy(b->p + b->len, t->cell.p, t->cell.len);
		b->len += t->cell.len;
		if (!w->cols.col[i].numeric) {
			memset(b->p + b->len, ' ', pad);
			b->len += pad;
		}
	}
	while (b->len > start && b->p[b->len - 1] == ' ')
		b->len--;
	int rc = art_buf_putc(b, '\n');
	art_out_ready(w->out);
	return rc;
}

/* Keep the row in w->row, measured, for the window. */
static int keep(struct art_writer *w)
{
	struct table *t = w->state;
	size_t n = w->cols.n;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		size_t *ends = realloc(t->ends, cap * n * sizeof *ends);
		if (!ends)
			return -1;
		t->ends = ends;
		t->cap = cap;
	}
	for (size_t i = 0; i < n; i++) {
		size_t shown;
		if (art_utf8_fit(&t->kept, w->row[i], limit_of(w), ' ', &shown) != 0)
			return -1;
		t->ends[t->nrows * n + i] = t->kept.len;
		if (shown > t->width[i])
			t->width[i] = shown;
	}
	t->nrows++;
	return 0;
}

/* The window is full, or the input ended: fix the widths, write it out. */
static int release(struct art_writer *w)
{
	struct table *t = w->state;
	size_t n = w->cols.n, at = 0;
	fit(t->width, n, w->opt.width);
	t->fixed = true;
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < n; i++) {
			size_t end = t->ends[r * n + i];
			w->row[i] = (art_str){t->kept.p + at, end - at};
			at = end;
		}
		if (put_line(w, w->row) != 0)
			return -1;
	}
	art_buf_free(&t->kept);
	free(t->ends);
	t->ends = NULL;
	t->nrows = t->cap = 0;
	return 0;
}

static int start(struct art_writer *w)
{
	struct table *t = calloc(1, sizeof *t);
	if (!t)
		return -1;
	w->state = t;
	t->width = calloc(w->cols.n ? w->cols.n : 1, sizeof *t->width);
	if (!t->width)
		return -1;
	if (w->opt.no_header || w->cols.n == 0)
		return 0;
	art_writer_names(w);
	return keep(w);
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	(void)err;
	struct table *t = w->state;
	if (art_writer_row(w, item) != 0)
		return ART_FAIL;
	if (t->fixed)
		return put_line(w, w->row) ? ART_FAIL : ART_OK;
	if (keep(w) != 0)
		return ART_FAIL;
	size_t window = w->opt.window ? w->opt.window : ART_TABLE_WINDOW;
	size_t header = !w->opt.no_header && w->cols.n;
	if (t->nrows - header >= window && release(w) != 0)
		return ART_FAIL;
	return ART_OK;
}

static int finish(struct art_writer *w)
{
	struct table *t = w->state;
	return t && !t->fixed && w->cols.n ? release(w) : 0;
}

static void table_free(struct art_writer *w)
{
	struct table *t = w->state;
	if (!t)
		return;
	free(t->width);
	free(t->ends);
	art_buf_free(&t->kept);
	art_buf_free(&t->cell);
	free(t);
	w->state = NULL;
}

const struct art_writer_class art_table_writer = {
    .name = "table",
    .tag_sep = ", ",
    .start = start,
    .put = put,
    .finish = finish,
    .free = table_free,
};
