#include <config.h>

#include "jarray.h"

#include <assert.h>
#include <stdio.h>

enum {
	OUTSIDE, /* between arrays: white space, or '[' */
	JUNK,    /* text outside any array, reported: skipped to its line's end */
	OPEN,    /* after '[' or ',': an element, or ']' */
	ELEMENT, /* inside an element */
	AFTER,   /* after an element: ',' or ']' */
};

void art_jarray_init(struct art_jarray *a, unsigned long line, size_t max)
{
	struct art_buf elem = a->elem; /* kept from an array read before */
	*a = (struct art_jarray){.state = OUTSIDE, .line = line, .max = max, .elem = elem};
}

void art_jarray_free(struct art_jarray *a)
{
	art_buf_free(&a->elem);
}

void art_jarray_feed(struct art_jarray *a, art_str text)
{
	assert(a->pos == a->in.n); /* the text before is used up */
	a->in = text;
	a->pos = 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int bad(struct art_error *err, unsigned long line, const char *what, char c)
{
	if (c >= 0x21 && c < 0x7f)
		art_error_set(err, line, "%s, not '%c'", what, c);
	else
		art_error_set(err, line, "%s, not byte \\x%02X", what, (unsigned char)c);
	return ART_BAD;
}

/* The element ends here: hand it out, or report it too long. */
static int emit(struct art_jarray *a, art_str *elem, unsigned long *line, struct art_error *err)
{
	*line = a->elem_line;
	if (a->too_long) {
		art_error_set(err, a->elem_line, "array element longer than %zu bytes skipped",
		              a->max);
		return ART_BAD;
	}
	*elem = art_buf_str(&a->elem);
	return ART_OK;
}

/* Keep byte C of the element: 0, or -1 when out of memory.  White space
 * between tokens is left out: an element of a pretty array becomes one
 * compact NDJSON line, which is what commands that pass records through
 * write (a compact array's elements are copied byte for byte). */
static int keep(struct art_jarray *a, char c)
{
	if (!a->in_string && is_space(c))
		return 0;
	if (a->elem.len >= a->max) {
		a->too_long = true;
		return 0;
	}
	return art_buf_putc(&a->elem, c == '\n' || c == '\r' ? ' ' : c);
}

enum { KEPT, ENDS_WITH, ENDS_BEFORE };

/* Byte C inside an element: KEPT as part of it, the last byte of it
 * (ENDS_WITH: its closing bracket), or no part of it (ENDS_BEFORE: the
 * ',', ']' or white space after a bare value); -1 when out of memory. */
static int in_element(struct art_jarray *a, char c)
{
	if (a->in_string) {
		if (a->escaped)
			a->escaped = false;
		else if (c == '\\')
			a->escaped = true;
		else if (c == '"')
			a->in_string = false;
	} else if (c == '"') {
		a->in_string = true;
	} else if (c == '{' || c == '[') {
		a->depth++;
	} else if (c == '}' || c == ']') {
		if (a->depth == 0)
			return ENDS_BEFORE;
		if (--a->depth == 0)
			return keep(a, c) != 0 ? -1 : ENDS_WITH;
	} else if (a->depth == 0 && (c == ',' || is_space(c))) {
		return ENDS_BEFORE;
	}
	return keep(a, c) != 0 ? -1 : KEPT;
}

static void start_element(struct art_jarray *a)
{
	a->state = ELEMENT;
	a->elem.len = 0;
	a->elem_line = a->line;
	a->depth = 0;
	a->in_string = a->escaped = a->too_long = false;
}

int art_jarray_next(struct art_jarray *a, art_str *elem, unsigned long *line, struct art_error *err)
{
	while (a->pos < a->in.n) {
		char c = a->in.p[a->pos];
		if (a->state == ELEMENT) {
			int r = in_element(a, c);
			if (r < 0)
				return -1;
			if (r != ENDS_BEFORE) {
				a->pos++;
				a->line += c == '\n';
			}
			if (r == KEPT)
				continue;
			a->state = AFTER; /* what ended it is read there */
			return emit(a, elem, line, err);
		}
		a->pos++;
		if (c == '\n') {
			a->line++;
			if (a->state == JUNK)
				a->state = OUTSIDE;
			continue;
		}
		if (is_space(c) || a->state == JUNK)
			continue;
		switch (a->state) {
		case OUTSIDE:
			if (c == '[') {
				a->state = OPEN;
				continue;
			}
			a->state = JUNK;
			return bad(err, a->line, "expected a JSON array", c);
		case OPEN:
			if (c == ']' || c == ',') { /* an empty array; a stray comma */
				a->state = c == ']' ? OUTSIDE : OPEN;
				continue;
			}
			break;
		case AFTER:
			if (c == ',' || c == ']') {
				a->state = c == ',' ? OPEN : OUTSIDE;
				continue;
			}
			a->pos--;
			start_element(a);
			return bad(err, a->line, "expected ',' or ']' after an array element", c);
		}
		a->pos--; /* the element's first byte */
		start_element(a);
	}
	return ART_MORE;
}

int art_jarray_end(struct art_jarray *a, struct art_error *err)
{
	switch (a->state) {
	case ELEMENT:
		art_error_set(err, a->elem_line, "array element cut off by the end of the input");
		a->state = OUTSIDE;
		return ART_BAD;
	case OPEN:
	case AFTER:
		art_error_set(err, a->line, "JSON array not closed by the end of the input");
		a->state = OUTSIDE;
		return ART_BAD;
	}
	return ART_OK;
}
