/* fold.h - the one case fold of art: every "ignore case" (art-filter -i,
 * art-tags -i, art-sort -f) compares text through it.
 *
 * Unicode simple case folding (CaseFolding.txt, statuses C and S), as
 * libutf8proc gives it: É and é, Σ, σ and ς, K (KELVIN SIGN), K and k are
 * each one.  A character whose full folding is longer (ß, ﬁ) stays one
 * character: what its simple folding says, usually itself.  The fold does
 * not depend on the locale.
 */
#ifndef ART_FOLD_H
#define ART_FOLD_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/* The simple case folding of the code point CP. */
uint32_t art_fold_cp(uint32_t cp);
/* Append S to OUT with every character folded and bytes that are not
 * UTF-8 replaced by U+FFFD.  OUT grows by at most 3 bytes a byte of S.
 * 0, or -1 when out of memory. */
ART_MUST_CHECK int art_fold(struct art_buf *out, art_str s);
/* Equal once folded; bytes that are not UTF-8 must be equal as bytes. */
bool art_str_eq_fold(art_str a, art_str b);

#endif
