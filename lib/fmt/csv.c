/* csv.c - CSV as RFC 4180 has it, quoted by libcsv: a header line, a
 * line per item; a field holding the delimiter, a quote or a line end is
 * quoted, its quotes doubled, its line ends kept inside the quotes. */
#include <config.h>

#include "writer.h"

#include <assert.h>
#include <csv.h>
#include <stdlib.h>

bool art_csv_risky(art_str cell)
{
	/* spreadsheets skip leading spaces before they look for a formula */
	size_t i = 0;
	while (i < cell.n && cell.p[i] == ' ')
		i++;
	return i < cell.n && cell.p[i] != '\0' && strchr("=+-@\t\r", cell.p[i]);
}

/* memchr looks at many bytes at a time: four passes at most beat one
 * pass a byte at a time, and the delimiter (the likeliest) ends most. */
static bool needs_quotes(art_str cell, char delimiter)
{
	return cell.n && (memchr(cell.p, delimiter, cell.n) || memchr(cell.p, '"', cell.n) ||
	                  memchr(cell.p, '\n', cell.n) || memchr(cell.p, '\r', cell.n));
}

int art_csv_put_cell(struct art_buf *b, art_str cell, const struct art_csv_style *style)
{
	char delimiter = style->delimiter ? style->delimiter : ',';
	bool prefix = style->safe && art_csv_risky(cell);
	if (!needs_quotes(cell, delimiter))
		return (prefix && art_buf_putc(b, '\'') != 0) ? -1
		                                              : art_buf_append(b, cell.p, cell.n);
	/* quoted: at most every byte doubled, and the two quotes */
	size_t room = 2 * cell.n + 3;
	if (art_buf_reserve(b, room) != 0)
		return -1;
	char *at = b->p + b->len;
	size_t n = csv_write(at + prefix, room - prefix, cell.p, cell.n);
	assert(n + prefix <= room); /* csv_write cuts what does not fit */
	if (prefix) {               /* the apostrophe goes inside the quotes */
		at[0] = '"';
		at[1] = '\'';
	}
	b->len += n + prefix;
	return 0;
}

static int put_cell(struct art_writer *w, struct art_buf *b, art_str cell)
{
	struct art_csv_style style = {w->opt.delimiter, w->opt.safe};
	return art_csv_put_cell(b, cell, &style);
}

static int put_row(struct art_writer *w)
{
	/* one empty cell, unquoted, would make a blank line */
	if (w->cols.n == 1 && w->row[0].n == 0 && art_buf_append(&w->out->buf, "\"\"", 2) != 0)
		return -1;
	return art_writer_put_line(w, w->opt.delimiter ? w->opt.delimiter : ',', put_cell);
}

const struct art_writer_class art_csv_writer = {
    .name = "csv",
    .tag_sep = ";",
    .header_always = true,
    .put_row = put_row,
    .forkable = art_writer_started,
};
