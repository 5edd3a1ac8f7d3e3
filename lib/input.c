#include <config.h>

#include "input.h"

#include <errno.h>
#include <stdio.h>

#include "utf8.h"

/* How much of a file's start is looked at to say what it is. */
#define SNIFF_BYTES 4096

enum { KIND_CLOSED, KIND_UNKNOWN, KIND_LISTING, KIND_NDJSON, KIND_ARRAY };

static const char *const stdin_only[] = {"-"};

int art_input_init(struct art_input *in, char *const *files, size_t nfiles,
                   enum art_input_mode mode, struct art_tagger *tagger)
{
	memset(in, 0, sizeof *in);
	if (nfiles == 0) {
		files = (char *const *)stdin_only;
		nfiles = 1;
	}
	in->files = files;
	in->nfiles = nfiles;
	in->mode = mode;
	in->tagger = tagger;
	if (!tagger) {
		in->tagger = art_tagger_new();
		in->own_tagger = true;
		if (!in->tagger)
			return -1;
	}
	art_listing_init(&in->listing, in->tagger);
	return 0;
}

void art_input_free(struct art_input *in)
{
	if (in->kind != KIND_CLOSED)
		art_lines_close(&in->lines);
	art_listing_free(&in->listing);
	art_jarray_free(&in->array);
	art_jobject_free(&in->obj);
	if (in->own_tagger)
		art_tagger_free(in->tagger);
}

static int system_error(struct art_input *in, int errnum, struct art_error *err)
{
	err->file = in->file;
	err->line = 0;
	err->errnum = errnum;
	if (errnum == EILSEQ && in->lines.why) /* data that could not be decoded */
		snprintf(err->msg, sizeof err->msg, "%s", in->lines.why);
	else
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errnum));
	return ART_FAIL;
}

static void close_file(struct art_input *in)
{
	art_lines_close(&in->lines);
	in->kind = KIND_CLOSED;
}

static int parse_json_line(struct art_input *in, art_str line, struct art_item *item,
                           struct art_error *err)
{
	if (art_json_parse(&in->obj, line, err) != 0)
		return ART_BAD;
	item->obj = &in->obj;
	item->json = line;
	item->explain = (art_str){0};
	item->rec = &in->rec;
	struct art_error why;
	if (art_record_from_json(&in->rec, &in->obj, &why) != 0) {
		if (in->mode == ART_INPUT_RECORDS) {
			memcpy(err->msg, why.msg, sizeof why.msg);
			return ART_BAD;
		}
		item->rec = NULL;
		return ART_OK;
	}
	return ART_OK;
}

/* What the start of a file that gave no record looked like, for the
 * message: the bytes a file begins with tell most formats apart.  (gzip
 * and UTF-16 with a byte order mark were decoded: these are their text.) */
static const char *what_it_looks_like(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	p += i, n -= i;
	if (n >= 4 && ((p[0] && !p[1] && p[2] && !p[3]) || (!p[0] && p[1] && !p[2] && p[3])))
		return "it looks like UTF-16 text with no byte order mark: convert it to UTF-8, "
		       "as with iconv -f UTF-16LE -t UTF-8";
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "it is a PDF: save the page's text instead";
	if (n >= 1 && p[0] == '<')
		return "it looks like HTML: save the page's text (select all, copy, and paste "
		       "into a text file), not the page";
	if (memchr(p, 0, n))
		return "it looks like binary data";
	for (size_t k = 0; k < n;) {
		uint32_t cp;
		size_t len = art_utf8_decode(p + k, n - k, &cp);
		if (len == 0)
			return n - k >= 4
			           ? "it is not UTF-8 text: convert it to UTF-8, as with iconv"
			           : NULL; /* a character cut by the end of the sample */
		k += len;
	}
	return NULL;
}

static int no_records(struct art_input *in, struct art_error *err)
{
	err->file = in->file;
	err->line = 0;
	err->errnum = 0;
	const char *hint = in->file_hint;
	snprintf(err->msg, sizeof err->msg,
	         "no records (not a saved \"Tagged articles\" page or NDJSON)%s%s",
	         hint ? "; " : "", hint ? hint : "");
	return ART_NO_RECORDS;
}

/* The next element of the JSON array the open file is. */
static int next_from_array(struct art_input *in, struct art_item *item, struct art_error *err)
{
	for (;;) {
		art_str elem, chunk;
		unsigned long line;
		int rc = art_jarray_next(&in->array, &elem, &line, err);
		if (rc < 0)
			return system_error(in, ENOMEM, err);
		if (rc != ART_MORE)
			in->content = in->file_content = true;
		if (rc == ART_OK) {
			item->line = err->line = line;
			return parse_json_line(in, elem, item, err);
		}
		if (rc == ART_BAD)
			return ART_BAD;
		switch (art_lines_chunk(&in->lines, &chunk)) {
		case ART_OK:
			art_jarray_feed(&in->array, chunk);
			continue;
		case ART_EOF:
			rc = art_jarray_end(&in->array, err);
			close_file(in);
			return rc == ART_BAD ? ART_BAD : ART_EOF;
		default:
			close_file(in);
			in->file_content = false; /* said: it could not be read */
			return system_error(in, in->lines.err, err);
		}
	}
}

static int too_long(struct art_input *in, struct art_error *err)
{
	art_error_set(err, in->lines.lineno, "line longer than %zu bytes skipped", in->lines.max);
	return ART_BAD;
}

/* One line of the open file: a record, an error, or nothing yet. */
static int take_line(struct art_input *in, art_str line, struct art_item *item,
                     struct art_error *err)
{
	art_str text = art_listing_trim(line);
	if (in->kind == KIND_UNKNOWN) {
		if (text.n == 0)
			return ART_MORE;
		/* the first line with content: the file's start tells its kind,
		 * and what it looks like should it give no record */
		in->content = in->file_content = true;
		size_t sample = in->lines.end < SNIFF_BYTES ? in->lines.end : SNIFF_BYTES;
		in->file_hint = what_it_looks_like((const unsigned char *)in->lines.buf, sample);
		in->kind = text.p[0] == '{' ? KIND_NDJSON : KIND_LISTING;
		if (in->kind == KIND_LISTING) {
			/* read under the NDJSON limit until now */
			in->lines.max = ART_LINE_MAX;
			if (line.n > ART_LINE_MAX)
				return too_long(in, err);
		}
	}
	if (in->kind == KIND_NDJSON) {
		if (text.n == 0)
			return ART_MORE;
		return parse_json_line(in, line, item, err);
	}
	const struct art_record *rec;
	switch (art_listing_feed(&in->listing, line, in->lines.lineno, &rec, err)) {
	case ART_OK:
		item->rec = rec;
		item->obj = NULL;
		item->json = (art_str){0};
		item->explain = art_buf_str(&in->listing.split.explain);
		item->line = in->listing.start_line;
		return ART_OK;
	case ART_BAD:
		return ART_BAD;
	case ART_FAIL:
		art_listing_reset(&in->listing);
		close_file(in);
		return ART_FAIL;
	}
	return ART_MORE; /* nothing to hand out for this line */
}

/* A file that begins with '[' is a JSON array, read in pieces of any size
 * (it may be one line of any length); its content and kind are known at
 * once. */
static bool starts_array(struct art_input *in)
{
	if (art_lines_peek(&in->lines) != '[')
		return false;
	in->kind = KIND_ARRAY; /* its content is its elements: "[]" is none */
	art_jarray_init(&in->array, 1, ART_JSON_LINE_MAX);
	return true;
}

static int next_from_file(struct art_input *in, struct art_item *item, struct art_error *err)
{
	if (in->kind == KIND_UNKNOWN && in->lines.lineno == 0)
		starts_array(in);
	if (in->kind == KIND_ARRAY)
		return next_from_array(in, item, err);
	for (;;) {
		if (in->kind == KIND_LISTING && art_listing_pending(&in->listing, err) == ART_BAD)
			return ART_BAD;
		art_str line;
		int rc = in->held;
		in->held = ART_OK;
		if (rc == ART_OK)
			rc = art_lines_next(&in->lines, &line);
		if (rc == ART_EOF) {
			bool cut = in->kind == KIND_LISTING &&
			           art_listing_break(&in->listing, err) == ART_BAD;
			if (cut)
				return ART_BAD; /* the next call comes here again, with nothing open
				                 */
			close_file(in);
			return ART_EOF;
		}
		if (rc == ART_FAIL) {
			int errnum = in->lines.err;
			art_listing_reset(&in->listing);
			close_file(in);
			in->file_content = false; /* said: it could not be read */
			return system_error(in, errnum, err);
		}
		if (rc == ART_BAD) {
			if (in->kind == KIND_LISTING &&
			    art_listing_break(&in->listing, err) == ART_BAD) {
				/* the record it was part of is lost with it: one report */
				size_t n = strlen(err->msg);
				snprintf(err->msg + n, sizeof err->msg - n,
				         " (line %lu is longer than %zu bytes)", in->lines.lineno,
				         in->lines.max);
				return ART_BAD;
			}
			return too_long(in, err);
		}
		item->line = in->lines.lineno;
		err->line = in->lines.lineno;
		rc = take_line(in, line, item, err);
		if (rc != ART_MORE)
			return rc;
	}
}

int art_input_next(struct art_input *in, struct art_item *item, struct art_error *err)
{
	for (;;) {
		if (in->kind == KIND_CLOSED) {
			if (in->next == in->nfiles)
				return ART_EOF;
			in->file = in->files[in->next++];
			if (art_lines_open(&in->lines, in->file) != 0)
				return system_error(in, errno, err);
			in->kind = KIND_UNKNOWN;
			in->lines.max = ART_JSON_LINE_MAX; /* until the kind is known */
			art_listing_reset(&in->listing);
			in->file_content = false;
			in->file_items = in->file_bad = 0;
			in->file_hint = NULL;
		}
		err->file = in->file;
		err->errnum = 0;
		item->file = in->file;
		int rc = next_from_file(in, item, err);
		in->file_items += rc == ART_OK;
		in->file_bad += rc == ART_BAD;
		if (rc != ART_EOF)
			return rc;
		/* a file with content, none of it a record, nor a bad one */
		if (in->file_content && in->file_items == 0 && in->file_bad == 0)
			return no_records(in, err);
	}
}

int art_input_fill(struct art_input *in, struct art_block *b, size_t bytes)
{
	if (in->kind != KIND_NDJSON || in->held != ART_OK)
		return ART_EOF;
	b->file = in->file;
	while (b->text.len < bytes) {
		art_str line;
		int rc = art_lines_next(&in->lines, &line);
		if (rc != ART_OK) {
			in->held = rc; /* for art_input_next to say */
			return ART_EOF;
		}
		if (art_listing_trim(line).n == 0)
			continue; /* blank lines between records are no records */
		if (art_block_add_line(b, line, in->lines.lineno) != 0)
			return ART_FAIL;
	}
	return ART_OK;
}

int art_input_parse(struct art_input *in, const struct art_block *b, size_t i,
                    struct art_item *item, struct art_error *err)
{
	err->file = item->file = b->file;
	err->errnum = 0;
	err->line = item->line = b->lines[i].lineno;
	return parse_json_line(in, art_block_line(b, i), item, err);
}

int art_item_put(struct art_buf *b, const struct art_item *item)
{
	return item->obj ? art_json_put_object(b, item->obj) : art_json_put_record(b, item->rec);
}
