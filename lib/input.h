/* input.h - records from a list of files, in either form.
 *
 * The one reader every command uses.  It opens each file in turn ("-" and
 * an empty list mean standard input; gzip and UTF-16 are decoded, see
 * lines.h), tells listing text from NDJSON by the first non-blank
 * character ('{' means NDJSON, '[' a JSON array of records, as art-fmt
 * --json writes, read element by element), and hands out records, or
 * with ART_INPUT_OBJECTS any flat JSON object (art-fmt also formats the
 * output of art-tags).  A bad record comes back as ART_BAD with its place;
 * a file that cannot be opened or read comes back as ART_FAIL with errnum
 * set, and the next call moves on to the next file.  A file with content
 * that gives no record, good or bad, comes back as ART_NO_RECORDS once it
 * ends, with a hint of what it looks like (HTML, a PDF, UTF-16 ...); a file
 * that is empty or only white space is no records, and no error.
 */
#ifndef ART_INPUT_H
#define ART_INPUT_H

#include "jarray.h"
#include "json.h"
#include "lines.h"
#include "listing.h"
#include "parallel.h"
#include "record.h"

enum art_input_mode {
	ART_INPUT_RECORDS, /* every item is a record; other objects are bad */
	ART_INPUT_OBJECTS, /* any JSON object; rec is set when it is a record */
};

struct art_item {
	const struct art_record *rec;  /* NULL for an object that is no record */
	const struct art_jobject *obj; /* NULL for a record from listing text */
	art_str json;                  /* the NDJSON line the item came from */
	art_str explain;               /* how its tags were split, when the tagger explains */
	const char *file;
	unsigned long line;
};

struct art_input {
	char *const *files;
	size_t nfiles, next;
	enum art_input_mode mode;
	const char *file;
	int kind; /* of the open file: unknown, listing or NDJSON */
	struct art_lines lines;
	struct art_listing listing;
	struct art_jarray array; /* a file that is a JSON array */
	struct art_jobject obj;
	struct art_record rec;
	struct art_tagger *tagger;
	bool own_tagger;
	bool content; /* some file so far had more than white space */
	/* of the file open now */
	bool file_content;
	unsigned long file_items, file_bad;
	const char *file_hint; /* what its start looks like, when not text */
	int held;              /* what the line reader said that art_input_fill did not */
};

/* TAGGER may be NULL for the default one.  -1 when out of memory. */
ART_MUST_CHECK int art_input_init(struct art_input *in, char *const *files, size_t nfiles,
                                  enum art_input_mode mode, struct art_tagger *tagger);
/* ART_OK with *item; ART_BAD, ART_FAIL or ART_NO_RECORDS with *err; or
 * ART_EOF at the end of the last file. */
ART_MUST_CHECK int art_input_next(struct art_input *in, struct art_item *item,
                                  struct art_error *err);
void art_input_free(struct art_input *in);
/* For readers that parse in other threads (parallel.h): while the open
 * file is NDJSON, append its next lines (blank ones left out) to B until
 * it holds BYTES or more.  ART_OK when B is full; ART_EOF when the lines
 * stopped for anything else (not NDJSON, a line too long, the end of the
 * file, an error): art_input_next then goes on from there, saying what
 * it is.  ART_FAIL when out of memory. */
ART_MUST_CHECK int art_input_fill(struct art_input *in, struct art_block *b, size_t bytes);
/* Line I of a block art_input_fill filled, as art_input_next would hand
 * it out (ART_OK with *item, or ART_BAD with *err), parsed with IN's own
 * record: a worker's IN (art_input_init with no files, never read) lets
 * each thread parse its own lines. */
ART_MUST_CHECK int art_input_parse(struct art_input *in, const struct art_block *b, size_t i,
                                   struct art_item *item, struct art_error *err);
/* ITEM as one line of NDJSON, as it was read: an object's own text (see
 * art_json_put_raw), a record from listing text as art_json_put_record
 * writes it.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_item_put(struct art_buf *b, const struct art_item *item);

#endif
