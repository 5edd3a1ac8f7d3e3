/* fuzz_tags - the tag splitter on any bytes.
 *
 * The input's lines are taken three at a time: a tag line, the record's
 * title and its summary, all split by one tagger (which learns from what
 * it has seen).  A line that starts with '@' instead gives the tagger a
 * lexicon entry (a '?' before everything is skipped: it once turned
 * explaining on).  The tags must be pieces of the tag line, not empty, in
 * order and not overlapping.  And the input is split twice, by two
 * taggers: one quiet, whose search keeps one split per state and tries
 * every split when the points are few (search.c: tags_search_few,
 * search_best), one explaining, whose search keeps the five best per state
 * (tags_search); any split where they disagree aborts.  The quiet
 * tagger's splits are also those of the reference splitter
 * (tests/reftags/), fed the same lines: a tag that differs aborts.
 */
#include <config.h>

#include "fuzz.h"
#include "../reftags/reftags.h"

static art_str next_line(const char **p, const char *end)
{
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	art_str line = {*p, (size_t)((nl ? nl : end) - *p)};
	*p = nl ? nl + 1 : end;
	return line;
}

/* Does SPLIT hold the tags the reference REF finds in LINE? */
static bool as_reference(struct ref_tagger *ref, const struct art_tagsplit *split, art_str line,
                         art_str title, art_str summary)
{
	struct ref_tag tags[REF_TAGS_MAX];
	size_t n = ref_split(ref, line.p, line.n, title.p, title.n, summary.p, summary.n, tags);
	bool same = n == split->n;
	for (size_t i = 0; i < n && same; i++)
		same = split->tags[i].p == line.p + tags[i].off && split->tags[i].n == tags[i].n;
	if (!same) {
		fprintf(stderr, "tags of \"%.*s\":\n  libart:   ", (int)line.n, line.p);
		for (size_t i = 0; i < split->n; i++)
			fprintf(stderr, "[%.*s]", (int)split->tags[i].n, split->tags[i].p);
		fputs("\n  reference: ", stderr);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "[%.*s]", (int)tags[i].n, line.p + tags[i].off);
		fputc('\n', stderr);
	}
	return same;
}

/* Split every record of the input; with REF (the quiet run), check each
 * split against the reference. */
static void split_all(const uint8_t *data, size_t size, bool explain, struct art_buf *result)
{
	struct art_tagger *t = art_tagger_new();
	FUZZ_CHECK(t != NULL);
	struct ref_tagger *ref = explain ? NULL : ref_tagger_new();
	struct art_tagsplit split = {0};
	const char *p = (const char *)data, *end = p + size;
	art_tagger_explain(t, explain);
	if (p < end && *p == '?')
		p++;
	while (p < end) {
		if (*p == '@') {
			p++;
			art_str entry = next_line(&p, end);
			FUZZ_CHECK(art_tagger_add(t, entry, ART_TAG_LEXICON) == 0);
			if (ref)
				ref_tagger_lexicon(ref, entry.p, entry.n);
			continue;
		}
		art_str tagline = next_line(&p, end);
		art_str title = next_line(&p, end);
		art_str summary = next_line(&p, end);
		FUZZ_CHECK(art_tags_split(t, tagline, title, summary, &split) == 0);
		FUZZ_CHECK(!ref || as_reference(ref, &split, tagline, title, summary));
		const char *at = tagline.p;
		for (size_t i = 0; i < split.n; i++) {
			art_str tag = split.tags[i];
			FUZZ_CHECK(tag.n > 0);
			FUZZ_CHECK(fuzz_inside(tag, tagline.p, tagline.n));
			FUZZ_CHECK(tag.p >= at);
			at = tag.p + tag.n;
			FUZZ_CHECK(art_buf_printf(result, "%zu+%zu ", (size_t)(tag.p - tagline.p),
			                          tag.n) == 0);
		}
		FUZZ_CHECK(art_buf_putc(result, '\n') == 0);
	}
	art_tagsplit_free(&split);
	art_tagger_free(t);
	ref_tagger_free(ref);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct art_buf a = {0}, b = {0};
	split_all(data, size, false, &a);
	split_all(data, size, true, &b);
	FUZZ_CHECK(art_str_eq(art_buf_str(&a), art_buf_str(&b)));
	art_buf_free(&a);
	art_buf_free(&b);
	return 0;
}
