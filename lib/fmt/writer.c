#include <config.h>

#include "writer.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "json.h"

static const struct art_writer_class *const classes[ART_NFORMATS] = {
    [ART_FMT_TABLE] = &art_table_writer, [ART_FMT_CSV] = &art_csv_writer,
    [ART_FMT_TSV] = &art_tsv_writer,     [ART_FMT_MARKDOWN] = &art_markdown_writer,
    [ART_FMT_HTML] = &art_html_writer,   [ART_FMT_LISTING] = &art_listing_writer,
    [ART_FMT_JSON] = &art_json_writer,   [ART_FMT_RAW] = &art_raw_writer,
};

const struct art_writer_class *art_writer_class(enum art_format f)
{
	return classes[f];
}

int art_writer_init(struct art_writer *w, enum art_format f, const struct art_fmt_options *opt,
                    struct art_out *out, struct art_error *err)
{
	memset(w, 0, sizeof *w);
	w->cls = classes[f];
	w->opt = *opt;
	w->out = out;
	const char *sep = opt->tag_sep ? opt->tag_sep : w->cls->tag_sep;
	w->tag_sep = (art_str){sep, strlen(sep)};
	return w->cls->init ? w->cls->init(w, err) : 0;
}

static int failed(struct art_writer *w, struct art_error *err)
{
	int e = w->err ? w->err : ENOMEM;
	if (e == ENOMEM)
		art_error_set(err, 0, "out of memory");
	else
		art_error_set(err, 0, "temporary file: %s", strerror(e));
	return ART_FAIL;
}

/* A format of a line per item begins: the byte order mark, the names. */
static int start_lines(struct art_writer *w)
{
	if (w->opt.bom && art_buf_append(&w->out->buf, "\xEF\xBB\xBF", 3) != 0)
		return -1;
	if (w->opt.no_header || w->cols.n == 0)
		return 0;
	art_writer_names(w);
	return w->cls->put_row(w);
}

/* The columns are known now: from ITEM, or from the field list. */
static int start(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	int rc = 0;
	if (item)
		rc = art_columns_init(&w->cols, item, w->opt.fields, err);
	else if (w->opt.fields)
		rc = art_columns_from_list(&w->cols, w->opt.fields, err);
	else if (w->cls->header_always) /* a reader of the file sees what it would hold */
		rc = art_columns_of_records(&w->cols, err);
	if (rc != 0) {
		err->line = 0;
		return ART_FAIL;
	}
	w->started = true;
	w->row = calloc(w->cols.n ? w->cols.n : 1, sizeof *w->row);
	w->cells = calloc(w->cols.n ? w->cols.n : 1, sizeof *w->cells);
	if (!w->row || !w->cells)
		return failed(w, err);
	if (w->cls->start ? w->cls->start(w) != 0 : w->cls->put_row && start_lines(w) != 0)
		return failed(w, err);
	return ART_OK;
}

int art_writer_put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	if (!w->started) {
		int rc = start(w, item, err);
		if (rc != ART_OK)
			return rc;
	}
	if (w->cls->records_only && !item->rec) {
		struct art_record r;
		struct art_error why = {.msg = "not a record"};
		if (item->obj) {
			int bad = art_record_from_json(&r, item->obj, &why);
			assert(bad != 0); /* called again only for its message */
			(void)bad;
		}
		art_error_set(err, item->line, "not a record (%s)", why.msg);
		return ART_BAD;
	}
	int rc;
	if (w->cls->put)
		rc = w->cls->put(w, item, err);
	else
		rc = art_writer_row(w, item) != 0 || w->cls->put_row(w) != 0 ? ART_FAIL : ART_OK;
	if (rc == ART_OK)
		w->written++;
	else if (rc != ART_BAD)
		return failed(w, err);
	return rc;
}

int art_writer_finish(struct art_writer *w, struct art_error *err)
{
	if (!w->started) {
		int rc = start(w, NULL, err);
		if (rc != ART_OK)
			return rc;
	}
	if (w->cls->finish && w->cls->finish(w) != 0)
		return failed(w, err);
	art_out_ready(w->out);
	return ART_OK;
}

void art_writer_free(struct art_writer *w)
{
	if (w->cls && w->cls->free)
		w->cls->free(w);
	if (!w->forked)
		art_columns_free(&w->cols);
	free(w->row);
	free(w->cells);
	w->cells = NULL;
	art_buf_free(&w->scratch);
	w->row = NULL;
}

bool art_writer_started(const struct art_writer *w)
{
	return w->started;
}

bool art_writer_forkable(const struct art_writer *w)
{
	return w->started && w->cls->forkable && w->cls->forkable(w);
}

int art_writer_fork(struct art_writer *copy, const struct art_writer *w, struct art_out *out)
{
	assert(art_writer_forkable(w));
	memset(copy, 0, sizeof *copy);
	copy->cls = w->cls;
	copy->opt = w->opt;
	copy->tag_sep = w->tag_sep;
	copy->out = out;
	copy->cols = w->cols; /* read only, by both */
	copy->forked = true;
	copy->started = true;
	copy->written = w->written;
	copy->row = calloc(w->cols.n ? w->cols.n : 1, sizeof *copy->row);
	copy->cells = calloc(w->cols.n ? w->cols.n : 1, sizeof *copy->cells);
	if (!copy->row || !copy->cells || (w->cls->fork && w->cls->fork(copy, w) != 0)) {
		art_writer_free(copy);
		return -1;
	}
	return 0;
}

void art_writer_cells(struct art_writer *w, const struct art_item *item)
{
	for (size_t i = 0; i < w->cols.n; i++)
		art_cell_get(&w->cols, i, item, &w->cells[i]);
}

/* Room a cell's text may take in scratch: a list joined, or a text with a
 * NUL byte, which becomes U+FFFD (three bytes). */
static size_t scratch_room(const struct art_cell *c, art_str sep)
{
	size_t need = 0;
	if (c->kind == ART_CELL_STRINGS) {
		for (size_t j = 0; j < c->nitems; j++)
			need += 3 * c->items[j].n + sep.n;
		return need;
	}
	art_str text = art_cell_plain(c);
	return text.n && memchr(text.p, '\0', text.n) ? 3 * text.n : 0;
}

int art_writer_row(struct art_writer *w, const struct art_item *item)
{
	/* texts made here go to scratch, sized first so that it never moves */
	size_t need = 0;
	for (size_t i = 0; i < w->cols.n; i++) {
		art_cell_get(&w->cols, i, item, &w->cells[i]);
		need += scratch_room(&w->cells[i], w->tag_sep);
	}
	w->scratch.len = 0;
	if (art_buf_reserve(&w->scratch, need) != 0)
		return -1;
	for (size_t i = 0; i < w->cols.n; i++) {
		struct art_cell *c = &w->cells[i];
		if (!scratch_room(c, w->tag_sep)) { /* the text as it is */
			w->row[i] = art_cell_plain(c);
			continue;
		}
		size_t at = w->scratch.len;
		if (art_cell_text(c, w->tag_sep, &w->scratch) != 0)
			return -1;
		w->row[i] = (art_str){w->scratch.p + at, w->scratch.len - at};
	}
	return 0;
}

void art_writer_names(struct art_writer *w)
{
	for (size_t i = 0; i < w->cols.n; i++)
		w->row[i] = w->cols.col[i].name;
}

int art_writer_put_line(struct art_writer *w, char sep,
                        int (*put_cell)(struct art_writer *w, struct art_buf *b, art_str cell))
{
	struct art_buf *b = &w->out->buf;
	int rc = 0;
	for (size_t i = 0; i < w->cols.n; i++) {
		if (i)
			rc |= art_buf_putc(b, sep);
		rc |= put_cell(w, b, w->row[i]);
	}
	rc |= w->opt.crlf ? art_buf_append(b, "\r\n", 2) : art_buf_putc(b, '\n');
	art_out_ready(w->out);
	return rc ? -1 : 0;
}
