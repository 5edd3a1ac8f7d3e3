/* date.h - the two date forms of art: the listing's "Apr 20, 2026" and the
 * record's ISO "2026-04-20".  Both are checked against the calendar. */
#ifndef ART_DATE_H
#define ART_DATE_H

#include <stdbool.h>

#include "buf.h"

/* Parse a listing date ("Apr 20, 2026", "April 20, 2026", "Sept 3, 2024")
 * into out[0..9] as YYYY-MM-DD.  Returns 0, or -1 when S is no real date. */
ART_MUST_CHECK int art_date_from_listing(art_str s, char out[10]);
/* Write a YYYY-MM-DD date as the listing prints it ("Apr 20, 2026").
 * Returns the length written (at most 12) or -1 when ISO is not a date. */
ART_MUST_CHECK int art_date_to_listing(art_str iso, char out[16]);
/* True when S is YYYY-MM-DD and a real day. */
bool art_date_is_iso(art_str s);

#endif
