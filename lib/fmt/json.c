/* json.c - one JSON array of the items, pretty-printed as jq prints
 * it (two spaces a level, "key": value), each item an object of the
 * columns in their order: strings and numbers as they are, a column the
 * item lacks as null.  The array is written as the items come; only its
 * closing bracket waits for the end. */
#include <config.h>

#include "writer.h"

#include "json.h"

static int indent(struct art_buf *b, int depth)
{
	if (art_buf_reserve(b, 1 + 2 * (size_t)depth) != 0)
		return -1;
	b->p[b->len++] = '\n';
	memset(b->p + b->len, ' ', 2 * (size_t)depth);
	b->len += 2 * (size_t)depth;
	return 0;
}

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

int art_json_put_pretty(struct art_buf *b, art_str raw, int depth)
{
	const char *p = raw.p, *end = p + raw.n;
	int rc = 0;
	while ((p = skip_ws(p, end)) < end) {
		char c = *p++;
		switch (c) {
		case '{':
		case '[': {
			const char *next = skip_ws(p, end);
			if (next < end && *next == (c == '{' ? '}' : ']')) {
				rc |= art_buf_putc(b, c) | art_buf_putc(b, *next);
				p = next + 1;
			} else {
				rc |= art_buf_putc(b, c) | indent(b, ++depth);
			}
			break;
		}
		case '}':
		case ']':
			rc |= indent(b, --depth) | art_buf_putc(b, c);
			break;
		case ',':
			rc |= art_buf_putc(b, ',') | indent(b, depth);
			break;
		case ':':
			rc |= art_buf_append(b, ": ", 2);
			break;
		case '"': {
			const char *s = p - 1;
			while (p < end && *p != '"')
				p += (*p == '\\' && p + 1 < end) ? 2 : 1;
			p += p < end;
			rc |= art_buf_append(b, s, (size_t)(p - s));
			break;
		}
		default: {
			const char *s = p - 1;
			while (p < end && !strchr(" \t\n\r,:]}", *p))
				p++;
			rc |= art_buf_append(b, s, (size_t)(p - s));
		}
		}
	}
	return rc ? -1 : 0;
}

static int put_value(struct art_buf *b, const struct art_cell *c)
{
	switch (c->kind) {
	case ART_CELL_MISSING:
		return art_buf_append(b, "null", 4);
	case ART_CELL_STRING:
		return art_json_put_string(b, c->text);
	case ART_CELL_STRINGS: {
		if (c->nitems == 0)
			return art_buf_append(b, "[]", 2);
		int rc = art_buf_putc(b, '[');
		for (size_t i = 0; i < c->nitems; i++) {
			rc |= (i ? art_buf_putc(b, ',') : 0) | indent(b, 3);
			rc |= art_json_put_string(b, c->items[i]);
		}
		return rc | indent(b, 2) | art_buf_putc(b, ']');
	}
	case ART_CELL_JSON:
		return art_json_put_pretty(b, c->text, 2);
	default:
		return art_buf_append(b, c->text.p, c->text.n);
	}
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	(void)err;
	struct art_buf *b = &w->out->buf;
	art_writer_cells(w, item);
	int rc = art_buf_append(b, w->written ? ",\n  {" : "[\n  {", 5);
	for (size_t i = 0; i < w->cols.n; i++) {
		rc |= (i ? art_buf_putc(b, ',') : 0) | indent(b, 2);
		rc |= art_json_put_string(b, w->cols.col[i].name) | art_buf_append(b, ": ", 2);
		rc |= put_value(b, &w->cells[i]);
	}
	rc |= w->cols.n ? indent(b, 1) : 0;
	rc |= art_buf_putc(b, '}');
	art_out_ready(w->out);
	return rc ? ART_FAIL : ART_OK;
}

static int finish(struct art_writer *w)
{
	return w->written ? art_buf_append(&w->out->buf, "\n]\n", 3)
	                  : art_buf_append(&w->out->buf, "[]\n", 3);
}

/* Only the first item is written otherwise: it opens the array. */
static bool forkable(const struct art_writer *w)
{
	return w->written > 0;
}

const struct art_writer_class art_json_writer = {
    .name = "json",
    .tag_sep = "",
    .put = put,
    .finish = finish,
    .forkable = forkable,
};
