/* listing.h - records from the text of a saved "Tagged articles" page.
 *
 * Feed the page line by line; a record comes out when its
 * "N likes · M min read" line has been read.  A record starts at a date
 * line ("Apr 20, 2026 · Category") and takes the non-blank line before it
 * as its source, so page headers, "Load more" and other site text between
 * records are passed over, and a broken record never takes its neighbours
 * with it: the next date line starts afresh.  See art(7) for the layout.
 */
#ifndef ART_LISTING_H
#define ART_LISTING_H

#include <stdbool.h>

#include "buf.h"
#include "record.h"
#include "tags/tags.h"

struct art_listing {
	struct art_tagger *tagger; /* not owned */
	struct art_tagsplit split;
	int state;
	struct art_buf win[2]; /* the last two non-blank lines, win[1] newest */
	unsigned long win_line[2];
	int nwin;
	struct art_buf source, category, title, summary, tagline;
	char date[10];
	unsigned long start_line;
	unsigned long held_line; /* of a summary shaped like a likes line */
	bool blank;              /* the last line was blank */
	bool lost;               /* a record was reported broken; its likes line may follow */
	bool pending;            /* a second error found on the same line */
	struct art_error pending_err;
	struct art_record rec;
};

void art_listing_init(struct art_listing *l, struct art_tagger *tagger);
void art_listing_free(struct art_listing *l);
/* Feed the line numbered LINENO.  Returns ART_OK with *rec set (valid
 * until the next call), ART_BAD with *err set, ART_FAIL with *err set when
 * out of memory, or ART_MORE: no record yet.
 * White space at either end of a line (space, tab, U+00A0, U+202F,
 * U+3000) is no part of it. */
ART_MUST_CHECK int art_listing_feed(struct art_listing *l, art_str line, unsigned long lineno,
                                    const struct art_record **rec, struct art_error *err);
/* An error left over from the last feed, if any (ART_BAD): its line and
 * message into *err, whose file is the caller's to set; else ART_OK. */
ART_MUST_CHECK int art_listing_pending(struct art_listing *l, struct art_error *err);
/* The input ended (or a line could not be read): abandon what is open.
 * ART_BAD when a record was cut off, else ART_OK. */
ART_MUST_CHECK int art_listing_break(struct art_listing *l, struct art_error *err);
/* LINE without the white space at either end that art_listing_feed
 * ignores. */
art_str art_listing_trim(art_str line);
/* Forget any record that is open, saying nothing: a new file begins, or
 * the input failed and has been reported. */
void art_listing_reset(struct art_listing *l);
/* "N likes · M min read" (or "1 like"; counts as "1,234", "1.2k", "12K"):
 * 0, or -1 when LINE is not one; -2 when it is one but a number is too
 * large. */
ART_MUST_CHECK int art_listing_parse_stats(art_str line, int64_t *likes, int64_t *minutes);

#endif
