/* utf8.h - decoding UTF-8 one character at a time, strictly (no overlong
 * forms, no surrogates, nothing above U+10FFFF), the width of text on a
 * terminal, and text fitted to a number of columns.
 *
 * Widths and grapheme clusters come from libutf8proc (the library tmux
 * draws with), not from wcwidth(3), so they do not depend on the locale.
 * Text is measured a grapheme cluster at a time, as a terminal that draws
 * clusters shows it: a letter and its combining marks, a ZWJ emoji
 * sequence or a flag each take the width of one character (CJK, and emoji
 * shown as emoji, 2; combining marks and format characters alone 0;
 * everything else 1), and a cluster is never cut in two. */
#ifndef ART_UTF8_H
#define ART_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Length (1-4) of the valid character at P (N bytes available) and its code
 * point in *cp; 0 when the bytes there are not valid UTF-8. */
size_t art_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);
/* Encode CP (a valid scalar value) at OUT; returns the length, 1-4. */
size_t art_utf8_encode(uint32_t cp, char out[4]);

/* Append S with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD (so OUT grows by at most 3 bytes a byte of S).  0, or -1 when out
 * of memory. */
ART_MUST_CHECK int art_utf8_append_valid(struct art_buf *out, art_str s);

/* The display width of CP: 0, 1 or 2; -1 for a control character (C0,
 * DEL, C1, and the line and paragraph separators U+2028 and U+2029). */
int art_utf8_char_width(uint32_t cp);
/* The display width of S, counting control characters and bytes that are
 * not UTF-8 as one column each (as art_utf8_fit shows them). */
size_t art_utf8_width(art_str s);
/* Append S as shown in at most WIDTH columns: bytes that are not UTF-8 as
 * U+FFFD, control characters as the character CONTROL (so that nothing
 * moves the cursor), and, when S is wider than WIDTH, cut to end in "…"
 * (nothing at all when WIDTH is 0).  A grapheme cluster is kept whole.  *shown is set to the
 * columns appended.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_utf8_fit(struct art_buf *b, art_str s, size_t width, char control,
                                size_t *shown);

#endif
