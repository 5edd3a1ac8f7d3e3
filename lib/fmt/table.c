/* table.c - aligned columns for a terminal.
 *
 * Widths are display columns (utf8.h): CJK and emoji count two, combining
 * marks none, a grapheme cluster is never cut.  The first rows (a window
 * of opt.window, the header among them) are kept and measured; the
 * columns then get their widths, shrunk to fit opt.width when they are too
 * wide together (fit, below), and every row after the window is written
 * at once in those widths.  A cell wider than its column is cut and ends
 * in "…".  Numbers are aligned right, the rest left; columns are two
 * spaces apart.  Control characters show as spaces, so no cell can move
 * the cursor or break a line; with opt.color the header is bold.
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

#define FLOOR 6 /* a column cut to make room keeps this much, while it can */

enum { NEVER_CUT = -1, TITLE_RANK = 5 };

/* The order in which columns give up room: the lowest rank first.  Date,
 * likes, read time and other numbers are never cut; the title gives up
 * room last, so that it takes whatever the others leave. */
static int rank(const struct art_column *c)
{
	switch (c->field) {
	case ART_F_DATE:
	case ART_F_LIKES:
	case ART_F_READ_MINUTES:
		return NEVER_CUT;
	case ART_F_SUMMARY:
		return 0;
	case ART_F_TAGS:
		return 1;
	case ART_F_CATEGORY:
		return 2;
	case ART_F_SOURCE:
		return 3;
	case ART_F_TITLE:
		return TITLE_RANK;
	default:
		return c->numeric ? NEVER_CUT : 4;
	}
}

/* Take up to NEED columns from the columns of rank R, the widest first,
 * none below FLOOR (or its own width, when narrower).  Returns what is
 * still needed. */
static size_t shrink_rank(const struct art_columns *cols, size_t *width, int r, size_t floor,
                          size_t need)
{
	while (need) {
		size_t widest = SIZE_MAX;
		for (size_t i = 0; i < cols->n; i++)
			if (rank(&cols->col[i]) == r && width[i] > floor &&
			    (widest == SIZE_MAX || width[i] > width[widest]))
				widest = i;
		if (widest == SIZE_MAX)
			return need;
		width[widest]--;
		need--;
	}
	return 0;
}

/* Shrink the natural widths to fit LIMIT columns, gaps included: columns
 * give up room in the order of their rank, first down to FLOOR each, then,
 * when that is not enough, down to one column.  Columns that are never
 * cut keep their width even when the line is then too wide. */
static void fit(const struct art_columns *cols, size_t *width, size_t limit)
{
	size_t n = cols->n, total = GAP * (n ? n - 1 : 0);
	for (size_t i = 0; i < n; i++)
		total += width[i];
	if (limit == 0 || total <= limit)
		return;
	size_t need = total - limit;
	for (size_t floor = FLOOR; need && floor; floor = floor > 1 ? 1 : 0)
		for (int r = 0; r <= TITLE_RANK && need; r++)
			need = shrink_rank(cols, width, r, floor, need);
}

static size_t limit_of(const struct art_writer *w)
{
	return w->opt.width ? w->opt.width : SIZE_MAX;
}

#define BOLD  "\033[1m"
#define RESET "\033[0m"

/* One line of the table from CELLS, each cut to its column; HEAD: the
 * line of column names. */
static int put_line(struct art_writer *w, const art_str *cells, bool head)
{
	struct table *t = w->state;
	struct art_buf *b = &w->out->buf;
	size_t start = b->len;
	for (size_t i = 0; i < w->cols.n; i++) {
		size_t shown, pad;
		t->cell.len = 0;
		bool bold = head && w->opt.color;
		if (art_utf8_fit(&t->cell, cells[i], t->width[i], ' ', &shown) != 0 ||
		    art_buf_reserve(b, t->cell.len + t->width[i] + GAP + 8) != 0)
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
		if (bold && art_buf_append(b, BOLD, strlen(BOLD)) != 0)
			return -1;
		memcpy(b->p + b->len, t->cell.p, t->cell.len);
		b->len += t->cell.len;
		if (bold && art_buf_append(b, RESET, strlen(RESET)) != 0)
			return -1;
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
	/* a row of N ends is one element */
	if (art_grow(&t->ends, &t->cap, t->nrows + 1, n * sizeof *t->ends, 64) != 0)
		return -1;
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
	fit(&w->cols, t->width, w->opt.width);
	t->fixed = true;
	bool header = !w->opt.no_header;
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t i = 0; i < n; i++) {
			size_t end = t->ends[r * n + i];
			w->row[i] = (art_str){t->kept.p + at, end - at};
			at = end;
		}
		if (put_line(w, w->row, header && r == 0) != 0)
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
		return put_line(w, w->row, false) ? ART_FAIL : ART_OK;
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

/* Once the widths are fixed, each row is written at once, in them. */
static bool forkable(const struct art_writer *w)
{
	const struct table *t = w->state;
	return t && t->fixed;
}

static int fork_table(struct art_writer *copy, const struct art_writer *w)
{
	const struct table *t = w->state;
	struct table *c = calloc(1, sizeof *c);
	if (!c)
		return -1;
	copy->state = c;
	c->fixed = true;
	c->width = calloc(w->cols.n ? w->cols.n : 1, sizeof *c->width);
	if (!c->width)
		return -1;
	if (w->cols.n)
		memcpy(c->width, t->width, w->cols.n * sizeof *c->width);
	return 0;
}

const struct art_writer_class art_table_writer = {
    .name = "table",
    .tag_sep = ", ",
    .start = start,
    .put = put,
    .finish = finish,
    .free = table_free,
    .forkable = forkable,
    .fork = fork_table,
};
