/* tags.h - splitting a listing's tag line, which runs its tags together
 * with no separator ("Backend EngineeringJMQKafka").
 *
 * The splitter finds the places where a cut is plausible (a change of
 * case, the edge of a word of the record's title or summary, the edge of a
 * known tag), scores every way of cutting the line at them, and keeps the
 * best.  The score weighs the kind of each cut, whether a tag's words occur
 * in the record's title or summary, known tags (a user's lexicon, and tags
 * learned from earlier records), that tags come in ascending byte order,
 * and how many tags the recent records had.  Scores are whole tenths, so a
 * tie is exact: it goes to fewer tags, then to cuts further right.  The
 * weights are listed in art-parse(1).  A line made only of known tags, in
 * ascending byte order and in exactly one way, is taken as those tags
 * without the search.
 *
 * A tagger learns as it splits, so use one per stream of records.  Its
 * memory stays bounded (learned tags are aged out, the tag counts come from
 * a window of recent records).  The tags returned are views into LINE.
 */
#ifndef ART_TAGS_H
#define ART_TAGS_H

#include <stdbool.h>

#include "buf.h"
#include "record.h"

struct art_tagger;

struct art_tagsplit {
	art_str *tags;
	size_t n, cap;
	struct art_buf explain; /* filled when explaining is on */
};

enum art_tag_kind {
	ART_TAG_LEXICON, /* given by the user: strongly preferred, never forgotten */
	ART_TAG_LEARNED, /* seen as a tag before: preferred, aged out when memory is full */
};

/* NULL when out of memory. */
ART_MUST_CHECK struct art_tagger *art_tagger_new(void);
void art_tagger_free(struct art_tagger *t);

/* Make TAG (trimmed of blanks; an empty one is ignored) known.  -1 when out
 * of memory. */
ART_MUST_CHECK int art_tagger_add(struct art_tagger *t, art_str tag, enum art_tag_kind kind);
/* Add every line of the file PATH ("-" is standard input) as a lexicon
 * entry; blank lines are skipped.  ART_OK, or ART_FAIL with *err set (errnum
 * and the system's reason for a file that cannot be read). */
ART_MUST_CHECK int art_tagger_load(struct art_tagger *t, const char *path, struct art_error *err);
/* From now on (HOLD true), a split learns nothing until
 * art_tagger_learn: a writer that checks that a record reads back learns
 * only from the records it keeps, as their reader will.  The next split
 * forgets what the last one would have learned. */
void art_tagger_hold(struct art_tagger *t, bool hold);
/* Learn what the last split held back (nothing when there is none).  -1
 * when out of memory. */
ART_MUST_CHECK int art_tagger_learn(struct art_tagger *t);
/* From now on, fill each split's explain buffer with the ways weighed and
 * why the winner won (the format is described in art-parse(1)). */
void art_tagger_explain(struct art_tagger *t, bool on);

/* Cut LINE into tags, using TITLE and SUMMARY as context, and learn from
 * the result.  -1 when out of memory. */
ART_MUST_CHECK int art_tags_split(struct art_tagger *t, art_str line, art_str title,
                                  art_str summary, struct art_tagsplit *split);
void art_tagsplit_free(struct art_tagsplit *s);

#endif
