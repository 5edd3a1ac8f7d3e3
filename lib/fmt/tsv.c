/* tsv.c - tab-separated values: a header line, a line per item, and in
 * a field a tab, line feed, carriage return and backslash written as \t,
 * \n, \r and \\, so every line is one item and every tab a separator. */
#include <config.h>

#include "writer.h"

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
		case '\t':
			*o++ = '\\';
			*o++ = 't';
			break;
		case '\n':
			*o++ = '\\';
			*o++ = 'n';
			break;
		case '\r':
			*o++ = '\\';
			*o++ = 'r';
			break;
		case '\\':
			*o++ = '\\';
			*o++ = '\\';
			break;
		default:
			*o++ = c;
		}
	}
	b->len = (size_t)(o - b->p);
	return 0;
}

static int put_cell(struct art_writer *w, struct art_buf *b, art_str cell)
{
	return art_tsv_put_cell(b, cell, w->opt.safe);
}

static int put_row(struct art_writer *w)
{
	return art_writer_put_line(w, '\t', put_cell);
}

const struct art_writer_class art_tsv_writer = {
    .name = "tsv",
    .tag_sep = ";",
    .header_always = true,
    .put_row = put_row,
    .forkable = art_writer_started,
};
