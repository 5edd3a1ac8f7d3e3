#include <config.h>

#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int art_buf_reserve(struct art_buf *b, size_t extra)
{
	if (b->cap - b->len >= extra)
		return 0;
	if (extra > SIZE_MAX / 2 - b->len)
		return -1;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < extra)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int art_buf_append(struct art_buf *b, const void *p, size_t n)
{
	if (art_buf_reserve(b, n) != 0)
		return -1;
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	return 0;
}

int art_buf_putc(struct art_buf *b, char c)
{
	if (b->len == b->cap && art_buf_reserve(b, 1) != 0)
		return -1;
	b->p[b->len++] = c;
	return 0;
}

int art_buf_printf(struct art_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || art_buf_reserve(b, (size_t)n + 1) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void art_buf_free(struct art_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int art_str_cmp(art_str a, art_str b)
{
	size_t n = a.n < b.n ? a.n : b.n;
	int c = n ? memcmp(a.p, b.p, n) : 0;
	if (c != 0)
		return c;
	return (a.n > b.n) - (a.n < b.n);
}
