/* tsv_out.c - tab-separated values: a header line, a line per item, and in
 * a field a tab, line feed, carriage return and backslash written as \t,
 * \n, \r and \\, so every line is one item and every tab a separator. */
#include <config.h>

#include "writer.h"

#define UTF8_BOM "\xEF\xBB\xBF"

int art_tsv_put_cell(struct art_buf *b, art_str cell, bool safe)
{
	/* worst case: every byte escaped, and the apostrophe */
	if (art_buf_reserve(b, 2 * cell.n + 1) != 0)
		return -1;
	char *o = b->p + b->len;
	if (safe && art_csv_risky(cell))
		*o++ = '\'';
	for (size_t i = 0; i < cell.n; i++) {
		char c = cell.p[i];
		switch (c) {
		case '\t': *o++ = '\\'; *o++ = 't'; break;
		case '\n': *o++ = '\\'; *o++ = 'n'; break;
		case '\r': *o++ = '\\'; *o++ = 'r'; break;
		case '\\': *o++ = '\\'; *o++ = '\\'; break;
		default: *o++ = c;
		}
	}
	b->len = (size_t)(o - b->p);
	return 0;
}

static int put_row(struct art_writer *w)
{
	struct art_buf *b = &w->out->buf;
	int rc = 0;
	for (size_t i = 0; i < w->cols.n; i++) {
		if (i)
			rc |= art_buf_putc(b, '\t');
		rc |= art_tsv_put_cell(b, w->row[i], w->opt.safe);
	}
	rc |= w->opt.crlf ? art_buf_append(b, "\r\n", 2) : art_buf_putc(b, '\n');
	art_out_ready(w->out);
	return rc ? -1 : 0;
}

static int start(struct art_writer *w)
{
	if (w->opt.bom && art_buf_append(&w->out->buf, UTF8_BOM, 3) != 0)
		return -1;
	if (w->opt.no_header || w->cols.n == 0)
		return 0;
	art_writer_names(w);
	return put_row(w);
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	(void)err;
	if (art_writer_row(w, item) != 0 || put_row(w) != 0)
		return ART_FAIL;
	return ART_OK;
}

const struct art_writer_class art_tsv_writer = {
	.name = "tsv",
	.tag_sep = ";",
	.start = start,
	.put = put,
};
