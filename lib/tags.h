/* tags.h - splitting a listing's tag line, which runs its tags together
 * with no separator ("Backend EngineeringJMQKafka").
 *
 * A tagger holds what is known about tags: entries of a user's lexicon and
 * tags learned from the records read so far.  art_tags_split cuts a line
 * into tags, using the record's title and summary as context.  The tags
 * returned are views into LINE.
 */
#ifndef ART_TAGS_H
#define ART_TAGS_H

#include "buf.h"

struct art_tagger;

struct art_tagsplit {
	art_str *tags;
	size_t n, cap;
	struct art_buf explain; /* filled when explaining is on */
};

struct art_tagger *art_tagger_new(void);
void art_tagger_free(struct art_tagger *t);

int art_tags_split(struct art_tagger *t, art_str line, art_str title, art_str summary,
		   struct art_tagsplit *split);
void art_tagsplit_free(struct art_tagsplit *s);

#endif
