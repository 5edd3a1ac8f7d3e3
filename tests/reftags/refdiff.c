/* refdiff - the tag splitter of libart against the reference splitter.
 *
 *   refdiff [-l LEXICON]... [-R LEXICON]... FILE...
 *
 * Reads the listing FILEs as art-parse does (one tagger for all, with the
 * lexicons given) and splits the tag line of each record a second time
 * with the reference splitter (reftags.c), which is given the same lexicon
 * entries and learns as it goes.  Every record whose tags differ is
 * reported on standard error, with both splits.  Standard output gets the
 * count of records compared and of those that differ.
 * Exit status: 0 all the same, 1 a difference, 2 a usage or input error
 * (or no record at all: a check that compares nothing proves nothing).
 * -R gives a lexicon to the reference alone: the splits then differ, which
 * shows that the check can fail.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "art.h"
#include "reftags.h"

static void usage(void)
{
	fputs("Usage: refdiff [-l LEXICON]... [-R LEXICON]... FILE...\n", stderr);
	exit(2);
}

/* Each line of PATH a lexicon entry of the reference, and of FAST unless
 * it is NULL. */
static void load_lexicon(struct art_tagger *fast, struct ref_tagger *ref, const char *path)
{
	struct art_lines lines;
	if (art_lines_open(&lines, path) != 0) {
		perror(path);
		exit(2);
	}
	art_str line;
	int rc;
	while ((rc = art_lines_next(&lines, &line)) == ART_OK) {
		if (fast && art_tagger_add(fast, line, ART_TAG_LEXICON) != 0)
			abort();
		ref_tagger_lexicon(ref, line.p, line.n);
	}
	if (rc != ART_EOF) {
		fprintf(stderr, "refdiff: %s: cannot be read\n", path);
		exit(2);
	}
	art_lines_close(&lines);
}

static void put_tags(const char *label, const struct art_record *r, const char *line,
                     const struct ref_tag *tags, size_t n)
{
	fprintf(stderr, "  %s:", label);
	if (r)
		for (size_t i = 0; i < r->ntags; i++)
			fprintf(stderr, "%s%.*s", i ? " | " : " ", (int)r->tags[i].n, r->tags[i].p);
	else
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "%s%.*s", i ? " | " : " ", (int)tags[i].n,
			        line + tags[i].off);
	fputc('\n', stderr);
}

/* Are the tags of R those of the reference, piece for piece of LINE? */
static bool same_tags(const struct art_record *r, art_str line, const struct ref_tag *tags,
                      size_t n)
{
	if (r->ntags != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (r->tags[i].p != line.p + tags[i].off || r->tags[i].n != tags[i].n)
			return false;
	return true;
}

int main(int argc, char **argv)
{
	struct art_tagger *fast = art_tagger_new();
	struct ref_tagger *ref = ref_tagger_new();
	if (!fast)
		abort();
	int opt;
	while ((opt = getopt(argc, argv, "l:R:")) != -1) {
		if (opt != 'l' && opt != 'R')
			usage();
		load_lexicon(opt == 'l' ? fast : NULL, ref, optarg);
	}
	if (optind == argc)
		usage();
	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), ART_INPUT_RECORDS, fast) !=
	    0)
		abort();
	unsigned long records = 0, differ = 0;
	int status = 0;
	for (;;) {
		struct art_item item;
		struct art_error err = {0};
		int rc = art_input_next(&in, &item, &err);
		if (rc == ART_EOF)
			break;
		if (rc == ART_FAIL) {
			fprintf(stderr, "refdiff: %s: %s\n", err.file ? err.file : "-", err.msg);
			status = 2;
		}
		if (rc != ART_OK || item.obj) /* bad records say nothing of tags */
			continue;
		art_str line = art_buf_str(&in.listing.tagline);
		art_str title = item.rec->title, summary = item.rec->summary;
		struct ref_tag tags[REF_TAGS_MAX];
		size_t n =
		    ref_split(ref, line.p, line.n, title.p, title.n, summary.p, summary.n, tags);
		records++;
		if (same_tags(item.rec, line, tags, n))
			continue;
		differ++;
		fprintf(stderr, "refdiff: %s:%lu: \"%.*s\" split differently\n", item.file,
		        item.line, (int)line.n, line.p);
		put_tags("libart", item.rec, NULL, NULL, 0);
		put_tags("reference", NULL, line.p, tags, n);
	}
	printf("%lu records, %lu split differently\n", records, differ);
	art_input_free(&in);
	art_tagger_free(fast);
	ref_tagger_free(ref);
	if (status == 0 && records == 0) {
		fputs("refdiff: no records\n", stderr);
		status = 2;
	}
	return status ? status : differ ? 1 : 0;
}
