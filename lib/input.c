#include <config.h>

#include "input.h"

#include <errno.h>
#include <stdio.h>

enum { KIND_CLOSED, KIND_UNKNOWN, KIND_LISTING, KIND_NDJSON };

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
	art_jobject_free(&in->obj);
	if (in->own_tagger)
		art_tagger_free(in->tagger);
}

static int system_error(struct art_input *in, int errnum, struct art_error *err)
{
	err->file = in->file;
	err->line = 0;
	err->errnum = errnum;
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
	if (art_json_parse(&in->obj, line, err->msg, sizeof err->msg) != 0)
		return ART_BAD;
	item->obj = &in->obj;
	item->json = line;
	item->explain = (art_str){0};
	item->rec = &in->rec;
	item->canonical = false;
	char msg[sizeof err->msg];
	if (art_record_from_json(&in->rec, &in->obj, msg, sizeof msg) != 0) {
		if (in->mode == ART_INPUT_RECORDS) {
			memcpy(err->msg, msg, sizeof msg);
			return ART_BAD;
		}
		item->rec = NULL;
		return ART_OK;
	}
	item->canonical = art_json_canonical_record(&in->obj);
	return ART_OK;
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
	size_t i = 0;
	while (i < line.n && (line.p[i] == ' ' || line.p[i] == '\t'))
		i++;
	if (in->kind == KIND_UNKNOWN) {
		if (i == line.n)
			return ART_EOF;
		in->kind = line.p[i] == '{' ? KIND_NDJSON : KIND_LISTING;
		if (in->kind == KIND_LISTING) {
			/* read under the NDJSON limit until now */
			in->lines.max = ART_LINE_MAX;
			if (line.n > ART_LINE_MAX)
				return too_long(in, err);
		}
	}
	if (in->kind == KIND_NDJSON) {
		if (i == line.n)
			return ART_EOF;
		return parse_json_line(in, line, item, err);
	}
	const struct art_record *rec;
	switch (art_listing_feed(&in->listing, line, in->lines.lineno, &rec, err)) {
	case ART_LISTING_RECORD:
		item->rec = rec;
		item->obj = NULL;
		item->json = (art_str){0};
		item->canonical = false;
		item->explain = art_buf_str(&in->listing.split.explain);
		item->line = in->listing.start_line;
		return ART_OK;
	case ART_LISTING_BAD:
		return ART_BAD;
	}
	return ART_EOF; /* nothing to hand out for this line */
}

static int next_from_file(struct art_input *in, struct art_item *item, struct art_error *err)
{
	for (;;) {
		if (in->kind == KIND_LISTING && art_listing_pending(&in->listing, err))
			return ART_BAD;
		art_str line;
		int rc = art_lines_next(&in->lines, &line);
		if (rc == ART_LINES_EOF) {
			int cut = in->kind == KIND_LISTING && art_listing_break(&in->listing, err);
			close_file(in);
			return cut ? ART_BAD : ART_EOF;
		}
		if (rc == ART_LINES_ERROR) {
			int errnum = in->lines.err;
			art_listing_break(&in->listing, err);
			close_file(in);
			return system_error(in, errnum, err);
		}
		if (rc == ART_LINES_TOO_LONG) {
			if (in->kind == KIND_LISTING && art_listing_break(&in->listing, err)) {
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
		if (rc != ART_EOF)
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
			art_listing_break(&in->listing, err);
		}
		err->file = in->file;
		err->errnum = 0;
		item->file = in->file;
		int rc = next_from_file(in, item, err);
		if (rc != ART_EOF)
			return rc;
	}
}

int art_item_put(struct art_buf *b, const struct art_item *item)
{
	if (!item->canonical)
		return art_json_put_record(b, item->rec);
	return art_buf_append(b, item->json.p, item->json.n) != 0 || art_buf_putc(b, '\n') != 0 ? -1
	                                                                                        : 0;
}
