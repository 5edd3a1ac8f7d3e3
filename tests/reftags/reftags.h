/* reftags.h - the reference tag splitter: the rules of lib/tags/ (its
 * README, tagger.h and art-parse(1) give them) written plainly, with
 * no speed tricks, for the differential checks (tests/reftags/refdiff,
 * tests/fuzz/fuzz_tags.c): the fast splitter must cut every line as this
 * one does.  It learns known tags and tag counts as it splits, as the fast
 * one does, so one reference tagger follows one stream of records.  Out of
 * memory aborts: it is a test helper.
 */
#ifndef REFTAGS_H
#define REFTAGS_H

#include <stddef.h>

struct ref_tagger;

struct ref_tag {
	size_t off, n; /* the tag is LINE[off, off + n) */
};

/* Tags in a split, at most (a run of known tags may have 32). */
enum { REF_TAGS_MAX = 33 };

struct ref_tagger *ref_tagger_new(void);
void ref_tagger_free(struct ref_tagger *t);
/* A lexicon entry, as art_tagger_add takes one (trimmed; empty: none). */
void ref_tagger_lexicon(struct ref_tagger *t, const char *tag, size_t n);
/* Cut LINE[0, n) into tags, with the record's title and summary as
 * context, and learn from the result.  Returns the number of tags. */
size_t ref_split(struct ref_tagger *t, const char *line, size_t n, const char *title,
                 size_t title_n, const char *summary, size_t summary_n,
                 struct ref_tag tags[REF_TAGS_MAX]);

#endif
