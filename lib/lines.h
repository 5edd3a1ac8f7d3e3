/* lines.h - a line reader over a file descriptor, in large blocks.
 *
 * Lines end at LF, CRLF or a lone CR; the end is not part of the line.  A
 * UTF-8 byte order mark at the start of a line is dropped (pages pasted
 * together may each carry one).  Memory stays bounded: a line longer than
 * the reader's max (ART_LINE_MAX unless the caller sets another) is skipped
 * whole and reported as ART_BAD.  The buffer starts at 1 MiB
 * and grows only for a longer line that is allowed.
 *
 * What is read is decoded first, as the first bytes of the input call for:
 * gzip data is inflated (zlib; members one after another, as gzip(1) reads
 * them) and UTF-16 with a byte order mark becomes UTF-8 (a lone surrogate
 * as U+FFFD), so that every reader sees UTF-8 text.
 */
#ifndef ART_LINES_H
#define ART_LINES_H

#include <stdbool.h>

#include "buf.h"
#include "status.h"

#define ART_LINE_MAX (1u << 20) /* 1 MiB: a line of listing text */
/* A line of NDJSON: room for any record made of listing lines, each field
 * of which may grow sixfold by escaping (and the tag line more, split into
 * one-byte tags), so that what art-parse writes every command reads. */
#define ART_JSON_LINE_MAX (1u << 26) /* 64 MiB */
#define ART_READ_BLOCK    (1u << 17)

struct art_lines {
	int fd;
	bool owns_fd;
	bool eof;
	bool skipping; /* inside an over-long line, dropping bytes until its end */
	int err;       /* errno of a failed read */
	unsigned long lineno;
	size_t max; /* the longest line handed out */
	char *buf;
	size_t cap, start, end;
	bool sniffed;            /* the input's first bytes have been looked at */
	struct art_decoder *dec; /* gzip or UTF-16 to decode, else NULL */
	const char *why;         /* with err EILSEQ: what was wrong with the data */
};

/* Open PATH for reading ("-" means standard input).  -1 with errno set. */
ART_MUST_CHECK int art_lines_open(struct art_lines *l, const char *path);
/* Read from an fd the caller keeps open. */
void art_lines_init_fd(struct art_lines *l, int fd);
/* The next line into *line, valid until the next call: ART_OK; ART_EOF;
 * ART_BAD for a line longer than the max, skipped (its number counted);
 * ART_FAIL when reading failed, with errno in l->err. */
ART_MUST_CHECK int art_lines_next(struct art_lines *l, art_str *line);
void art_lines_close(struct art_lines *l);
/* The bytes after the last line handed out, whatever they hold, up to the
 * end of what is buffered (reading more when nothing is): for a reader of
 * its own, such as art_jarray.  Returns ART_OK with *chunk, ART_EOF or
 * ART_FAIL.  Line numbers are the caller's to count from here. */
ART_MUST_CHECK int art_lines_chunk(struct art_lines *l, art_str *chunk);
/* The first byte of the input that is not white space (space, tab, CR,
 * LF, a UTF-8 byte order mark), looked at without taking it; -1 at the
 * end of the input, or when there is none among the first block's bytes
 * or the input cannot be read (the line reader then says why). */
int art_lines_peek(struct art_lines *l);
/* What the input was decoded from: "gzip", "UTF-16LE", "UTF-16BE", or NULL. */
const char *art_lines_encoding(const struct art_lines *l);

#endif
