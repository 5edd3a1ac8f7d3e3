#include <config.h>

#include "utf8.h"

#include <assert.h>
#include <stdbool.h>
#include <utf8proc.h>

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

int art_utf8_append_valid(struct art_buf *out, art_str s)
{
	if (art_buf_reserve(out, s.n * 3) != 0)
		return -1;
	char *o = out->p + out->len;
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	while (p < end) {
		uint32_t cp;
		size_t n = *p < 0x80 ? 1 : art_utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			p++;
		} else {
			memcpy(o, p, n);
			o += n;
			p += n;
		}
	}
	out->len = (size_t)(o - out->p);
	return 0;
}

int art_utf8_char_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
		return -1;
	if (cp < 0x300)
		return 1;
	return utf8proc_charwidth((utf8proc_int32_t)cp);
}

enum shown_as { AS_ITSELF, AS_CONTROL, AS_REPLACEMENT };

struct cluster {
	size_t len;   /* bytes */
	size_t width; /* columns */
	enum shown_as as;
};

static bool regional_indicator(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* The grapheme cluster at P, as a terminal that draws clusters (tmux,
 * with the same library) shows it: as wide as its widest character, two
 * columns when an emoji presentation selector (U+FE0F) or a second
 * regional indicator (a flag) makes it an emoji.  A control character or
 * a byte that is not UTF-8 is a cluster of its own, one column wide. */
static struct cluster next_cluster(const unsigned char *p, const unsigned char *end)
{
	if (*p < 0x80 && (p + 1 == end || p[1] < 0x80))
		return (struct cluster){1, 1, *p < 0x20 || *p == 0x7F ? AS_CONTROL : AS_ITSELF};
	uint32_t cp;
	size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
	if (n == 0)
		return (struct cluster){1, 1, AS_REPLACEMENT};
	int w = art_utf8_char_width(cp);
	if (w < 0)
		return (struct cluster){n, 1, AS_CONTROL};
	struct cluster c = {n, (size_t)w, AS_ITSELF};
	utf8proc_int32_t state = 0;
	for (const unsigned char *q = p + n; q < end; q += n) {
		uint32_t next;
		n = art_utf8_decode(q, (size_t)(end - q), &next);
		if (n == 0 || art_utf8_char_width(next) < 0 ||
		    utf8proc_grapheme_break_stateful((utf8proc_int32_t)cp, (utf8proc_int32_t)next,
		                                     &state))
			break;
		w = art_utf8_char_width(next);
		if ((size_t)w > c.width)
			c.width = (size_t)w;
		if (next == 0xFE0F || (regional_indicator(cp) && regional_indicator(next)))
			c.width = 2;
		c.len += n;
		cp = next;
	}
	return c;
}

/* A printable ASCII character that no mark or joiner after it extends:
 * most of the text, one column wide and shown as it is. */
static bool plain_ascii(const unsigned char *p, const unsigned char *end)
{
	return *p >= 0x20 && *p < 0x7F && (p + 1 == end || p[1] < 0x80);
}

size_t art_utf8_width(art_str s)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	size_t w = 0;
	while (p < end) {
		if (plain_ascii(p, end)) {
			w++;
			p++;
			continue;
		}
		struct cluster c = next_cluster(p, end);
		w += c.width;
		p += c.len;
	}
	return w;
}

int art_utf8_fit(struct art_buf *b, art_str s, size_t width, char control, size_t *shown)
{
	/* worst case: each byte a replacement character, then the ellipsis */
	if (art_buf_reserve(b, 3 * s.n + 3) != 0)
		return -1;
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	size_t start = b->len, used = 0;
	/* where to cut back to, should the text not fit: the last point with
	 * room left for the ellipsis (so the text is measured only as far as
	 * it is shown, not to its end) */
	size_t cut_len = b->len, cut_used = 0;
	while (p < end) {
		struct cluster c =
		    plain_ascii(p, end) ? (struct cluster){1, 1, AS_ITSELF} : next_cluster(p, end);
		if (used + c.width > width)
			break;
		if (c.as == AS_ITSELF) {
			memcpy(b->p + b->len, p, c.len);
			b->len += c.len;
		} else if (c.as == AS_CONTROL) {
			b->p[b->len++] = control;
		} else {
			memcpy(b->p + b->len, "\xEF\xBF\xBD", 3);
			b->len += 3;
		}
		used += c.width;
		p += c.len;
		if (used < width) {
			cut_len = b->len;
			cut_used = used;
		}
	}
	if (p < end && width) {
		b->len = cut_len;
		memcpy(b->p + b->len, "\xE2\x80\xA6", 3); /* … */
		b->len += 3;
		used = cut_used + 1;
	} else if (p < end) {
		b->len = start;
		used = 0;
	}
	assert(b->len - start <= 3 * s.n + 3);
	*shown = used;
	return 0;
}
