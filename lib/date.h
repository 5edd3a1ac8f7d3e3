/* date.h - the two date forms of art: the listing's "Apr 20, 2026" and the
 * record's ISO "2026-04-20", both checked against the calendar; and the
 * dates people write in --since and --until ("2024-01", "7d", "today"). */
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

/* The day a date as people write it stands for, as YYYY-MM-DD at OUT:
 * YYYY-MM-DD itself; YYYY-MM or YYYY, its first day, or when LAST its last
 * (--since takes a month or a year from its start, --until to its end);
 * "today", "yesterday", Nd or Nw (N days or weeks before TODAY, a
 * YYYY-MM-DD date; N up to 999999).  0, or -1 when ARG is none of these. */
ART_MUST_CHECK int art_date_bound(const char *arg, bool last, const char today[10], char out[10]);
/* Today's date in local time (TZ), as YYYY-MM-DD, or PINNED when it is
 * not NULL (for tests: ART_TODAY).  0, or -1 when PINNED is no real day
 * or the clock cannot be read. */
ART_MUST_CHECK int art_date_today(char out[10], const char *pinned);

#endif
