#include <config.h>

#include "buf.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void *art_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	size_t bytes = n * size;
	return realloc(p, bytes ? bytes : 1); /* realloc(p, 0) may free P */
}

int art_grow_slow(void *arrayp, size_t *cap, size_t need, size_t size, size_t first)
{
	assert(first > 0);
	size_t n = *cap ? *cap : first;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	void *p;
	memcpy(&p, arrayp, sizeof p); /* the array's pointer, whatever its type */
	p = art_reallocarray(p, n, size);
	if (!p)
		return -1;
	memcpy(arrayp, &p, sizeof p);
	*cap = n;
	return 0;
}

int art_buf_reserve(struct art_buf *b, size_t extra)
{
	if (b->cap - b->len >= extra)
		return 0;
	if (extra > SIZE_MAX - b->len)
		return -1;
	return art_grow(&b->p, &b->cap, b->len + extra, 1, 256);
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

int art_buf_append_text(struct art_buf *b, art_str s)
{
	const char *nul = s.n ? memchr(s.p, '\0', s.n) : NULL;
	if (!nul)
		return art_buf_append(b, s.p, s.n);
	if (art_buf_reserve(b, 3 * s.n) != 0)
		return -1;
	for (const char *p = s.p, *end = s.p + s.n; p < end;) {
		nul = memchr(p, '\0', (size_t)(end - p));
		size_t n = (size_t)((nul ? nul : end) - p);
		memcpy(b->p + b->len, p, n);
		b->len += n;
		p += n;
		if (nul) {
			memcpy(b->p + b->len, "\xEF\xBF\xBD", 3);
			b->len += 3;
			p++;
		}
	}
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
