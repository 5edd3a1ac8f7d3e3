#include <config.h>

#include "utf8.h"

#include <stdbool.h>

static int cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t art_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || !cont(p[1]))
			return 0;
		*cp = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || !cont(p[1]) || !cont(p[2]))
			return 0;
		if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
			return 0; /* overlong, or a UTF-16 surrogate */
		*cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3]))
			return 0;
		if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
			return 0; /* overlong, or above U+10FFFF */
		*cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		      ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		return 4;
	}
	return 0;
}

size_t art_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

struct width_range {
	uint32_t lo, hi;
};

#include "utf8_width.h"

static bool in_table(uint32_t cp, const struct width_range *t, size_t n)
{
	if (cp < t[0].lo || cp > t[n - 1].hi)
		return false;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
}

int art_utf8_char_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
		return -1;
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (cp >= 0x1100 && in_table(cp, double_width, sizeof double_width / sizeof *double_width))
		return 2;
	return 1;
}

size_t art_utf8_width(art_str s)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	size_t w = 0;
	while (p < end) {
		if (*p < 0x80) {
			w++;
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			w++;
			p++;
			continue;
		}
		int cw = art_utf8_char_width(cp);
		w += cw < 0 ? 1 : (size_t)cw;
		p += n;
	}
	return w;
}

/* The character at *P as it is shown: its bytes (or a stand-in) in OUT/N,
 * its width returned. */
static size_t shown_char(const char **p, const char *end, const char *control, const char **out,
                         size_t *n)
{
	const unsigned char *u = (const unsigned char *)*p;
	uint32_t cp;
	size_t len = *u < 0x80 ? (cp = *u, 1) : art_utf8_decode(u, (size_t)(end - *p), &cp);
	if (len == 0) {
		*out = "\xEF\xBF\xBD";
		*n = 3;
		*p += 1;
		return 1;
	}
	int w = art_utf8_char_width(cp);
	*p += len;
	if (w < 0) {
		*out = control;
		*n = 1;
		return 1;
	}
	*out = (const char *)u;
	*n = len;
	return (size_t)w;
}

int art_utf8_fit(struct art_buf *b, art_str s, size_t width, char control, size_t *shown)
{
	size_t full = art_utf8_width(s);
	size_t room = full <= width ? full : width ? width - 1 : 0;
	/* worst case: each byte a replacement character, then the ellipsis */
	if (art_buf_reserve(b, 3 * s.n + 3) != 0)
		return -1;
	const char *p = s.p, *end = p + s.n;
	size_t used = 0;
	while (p < end) {
		const char *save = p, *bytes;
		size_t n, w = shown_char(&p, end, &control, &bytes, &n);
		if (used + w > room) {
			p = save;
			break;
		}
		memcpy(b->p + b->len, bytes, n);
		b->len += n;
		used += w;
	}
	if (p < end && width) {
		memcpy(b->p + b->len, "\xE2\x80\xA6", 3); /* … */
		b->len += 3;
		used++;
	}
	*shown = used;
	return 0;
}
