/* markdown.c - a GitHub-flavoured markdown table: a header row, the
 * delimiter row (numbers aligned right), a row per item.  In a cell the
 * characters markdown would act on are backslash-escaped, so the text
 * shows as it is: pipes, which would end the cell, and \ ` * _ [ ] < > & ~,
 * which would make emphasis, code, links, HTML or entities; line ends
 * become <br>, the one way to break a line in a cell. */
#include <config.h>

#include "writer.h"

int art_markdown_put_cell(struct art_buf *b, art_str cell)
{
	/* worst case: every byte a line end, as "<br>" */
	if (art_buf_reserve(b, 4 * cell.n) != 0)
		return -1;
	char *o = b->p + b->len;
	for (size_t i = 0; i < cell.n; i++) {
		char c = cell.p[i];
		switch (c) {
		case '\\':
		case '|':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '<':
		case '>':
		case '&':
		case '~':
			*o++ = '\\';
			*o++ = c;
			break;
		case '\r':
			if (i + 1 < cell.n && cell.p[i + 1] == '\n')
				i++;
			/* fall through */
		case '\n':
			memcpy(o, "<br>", 4);
			o += 4;
			break;
		default:
			*o++ = c;
		}
	}
	b->len = (size_t)(o - b->p);
	return 0;
}

static int put_row(struct art_writer *w)
{
	struct art_buf *b = &w->out->buf;
	int rc = art_buf_putc(b, '|');
	for (size_t i = 0; i < w->cols.n; i++) {
		rc |= art_buf_putc(b, ' ');
		rc |= art_markdown_put_cell(b, w->row[i]);
		rc |= art_buf_append(b, " |", 2);
	}
	rc |= art_buf_putc(b, '\n');
	art_out_ready(w->out);
	return rc ? -1 : 0;
}

static int start(struct art_writer *w)
{
	if (w->cols.n == 0)
		return 0;
	art_writer_names(w);
	if (put_row(w) != 0)
		return -1;
	struct art_buf *b = &w->out->buf;
	int rc = art_buf_putc(b, '|');
	for (size_t i = 0; i < w->cols.n; i++)
		rc |= w->cols.col[i].numeric ? art_buf_append(b, " ---: |", 7)
		                             : art_buf_append(b, " --- |", 6);
	return rc | art_buf_putc(b, '\n');
}

const struct art_writer_class art_markdown_writer = {
    .name = "markdown",
    .tag_sep = ", ",
    .start = start,
    .put_row = put_row,
    .forkable = art_writer_started,
};
