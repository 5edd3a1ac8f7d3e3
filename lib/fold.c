#include <config.h>

#include "fold.h"

#include <utf8proc.h>

#include "utf8.h"

uint32_t art_fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	/* utf8proc gives the full folding; where that is one character it is
	 * the simple one too */
	utf8proc_int32_t seq[4];
	int boundclass = 0;
	utf8proc_ssize_t n =
	    utf8proc_decompose_char((utf8proc_int32_t)cp, seq, 4, UTF8PROC_CASEFOLD, &boundclass);
	if (n == 1)
		return (uint32_t)seq[0];
	/* a longer full folding (ß, ẞ, ᾈ, İ): the simple one is the lower
	 * case, where there is one, but for the Turkic dotted capital I,
	 * which simple folding leaves alone */
	return cp == 0x130 ? cp : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

int art_fold(struct art_buf *out, art_str s)
{
	/* an invalid byte becomes three; no folding more than triples a character */
	if (art_buf_reserve(out, s.n * 3) != 0)
		return -1;
	char *o = out->p + out->len;
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	while (p < end) {
		if (*p < 0x80) {
			*o++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			p++;
			continue;
		}
		uint32_t f = art_fold_cp(cp);
		if (f == cp) {
			memcpy(o, p, n);
			o += n;
		} else {
			o += art_utf8_encode(f, o);
		}
		p += n;
	}
	out->len = (size_t)(o - out->p);
	return 0;
}

/* The next character of S at *I, folded; a byte that is not UTF-8 maps to
 * a value no character has. */
static uint32_t next_folded(art_str s, size_t *i)
{
	unsigned char c = (unsigned char)s.p[*i];
	if (c < 0x80) {
		(*i)++;
		return c >= 'A' && c <= 'Z' ? c + 32u : c;
	}
	uint32_t cp;
	size_t n = art_utf8_decode((const unsigned char *)s.p + *i, s.n - *i, &cp);
	if (n == 0) {
		(*i)++;
		return 0x110000u + c;
	}
	*i += n;
	return art_fold_cp(cp);
}

bool art_str_eq_fold(art_str a, art_str b)
{
	size_t i = 0, j = 0;
	while (i < a.n && j < b.n)
		if (next_folded(a, &i) != next_folded(b, &j))
			return false;
	return i == a.n && j == b.n;
}
