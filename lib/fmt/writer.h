/* writer.h - items out in one of the formats of art-fmt.
 *
 * Every format is a writer with the same steps: art_writer_init with the
 * options, art_writer_put for each item, art_writer_finish at the end.  The
 * columns (columns.h) are set from the first item, or from the field list
 * when no item came; the text formats see an item as a row of cells as
 * text (art_writer_row).  One file per format holds its writer and its
 * escaping, in lib/fmt/: csv.c, tsv.c, table.c, markdown.c, html.c,
 * listing.c, json.c, raw.c.
 *
 * Writers append to an art_out and call art_out_ready; those that must
 * see everything before they write (the HTML page's counts, the listing's
 * header) keep the rest in a spool (spool.h), and the table keeps a
 * bounded window of rows to measure its columns.
 *
 * Items can be written in several threads (art-fmt -j): once what a
 * writer appends for an item depends on that item alone (CSV once its
 * header is out, the table once its widths are fixed), art_writer_fork
 * makes a copy for another thread that appends those same bytes to an
 * output of its own; the thread that reads puts the pieces together in
 * input order.  Formats that see every item before they write (HTML,
 * listing) are never forked.
 */
#ifndef ART_WRITER_H
#define ART_WRITER_H

#include <stdbool.h>

#include "columns.h"
#include "input.h"
#include "output.h"
#include "record.h"

#define ART_TABLE_WINDOW 1000 /* rows a table measures before it writes */

enum art_format {
	ART_FMT_TABLE,
	ART_FMT_CSV,
	ART_FMT_TSV,
	ART_FMT_MARKDOWN,
	ART_FMT_HTML,
	ART_FMT_LISTING,
	ART_FMT_JSON,
	ART_FMT_RAW,
	ART_NFORMATS
};

struct art_fmt_options {
	const char *fields;  /* -f LIST, or NULL for all */
	const char *tag_sep; /* joins a list in a cell; NULL: the format's own */
	char delimiter;      /* CSV; 0 means ',' */
	bool no_header;      /* CSV, TSV, table */
	bool crlf;           /* CSV, TSV: lines end in CRLF */
	bool bom;            /* CSV, TSV: a UTF-8 byte order mark first */
	bool safe;           /* CSV, TSV: defuse cells a spreadsheet would run */
	unsigned width;      /* table: display columns to fit; 0 means no limit */
	bool color;          /* table: the header in bold (escape sequences) */
	const char *title;   /* HTML: the report's title; NULL for the default */
	size_t window;       /* table: rows measured first; 0: ART_TABLE_WINDOW */
	size_t spool_limit;  /* HTML, listing: bytes kept in memory; 0 the default */
	const char *expr;    /* raw: the jq expression */
};

struct art_writer;

struct art_writer_class {
	const char *name;
	const char *tag_sep; /* the default */
	bool records_only;   /* needs records: other objects are bad */
	bool header_always;  /* with no item, the record keys' header (CSV, TSV) */
	int (*init)(struct art_writer *w, struct art_error *err);
	int (*start)(struct art_writer *w); /* the columns are known */
	int (*put)(struct art_writer *w, const struct art_item *item, struct art_error *err);
	/* A format of a line per item (CSV, TSV, markdown) gives this instead
	 * of put: write w->row, the item's cells as text, as one line.  With
	 * no start of its own such a format begins with a byte order mark
	 * (bom) and the line of column names (unless no_header). */
	int (*put_row)(struct art_writer *w);
	int (*finish)(struct art_writer *w);
	void (*free)(struct art_writer *w);
	/* Whether W, started, appends for an item what depends on that item
	 * alone, from now on; NULL: never. */
	bool (*forkable)(const struct art_writer *w);
	/* The format's own state of COPY, a fork of W (NULL: none).  0, or -1
	 * when out of memory. */
	int (*fork)(struct art_writer *copy, const struct art_writer *w);
};

struct art_writer {
	const struct art_writer_class *cls;
	struct art_fmt_options opt;
	art_str tag_sep;
	struct art_out *out;
	struct art_columns cols;
	bool started;
	unsigned long written;  /* items written */
	struct art_cell *cells; /* art_writer_cells: the item's cells */
	art_str *row;           /* art_writer_row: the same as text */
	struct art_buf scratch;
	void *state; /* the format's own */
	int err;     /* errno of a failure of the format's own (its spool) */
	bool forked; /* made by art_writer_fork: the columns are the original's */
};

extern const struct art_writer_class art_csv_writer, art_tsv_writer, art_table_writer,
    art_markdown_writer, art_html_writer, art_listing_writer, art_json_writer, art_raw_writer;

/* The writer class of a format. */
const struct art_writer_class *art_writer_class(enum art_format f);

/* 0, or -1 with ERR set (a jq expression that does not compile, or no
 * memory). */
ART_MUST_CHECK int art_writer_init(struct art_writer *w, enum art_format f,
                                   const struct art_fmt_options *opt, struct art_out *out,
                                   struct art_error *err);
/* ART_OK; ART_BAD when the item was skipped (ERR says why: not a record,
 * cannot be written in this format, the jq expression failed on it);
 * ART_FAIL when writing cannot go on (ERR says why: an unknown field, no
 * memory, the spool's file failed). */
ART_MUST_CHECK int art_writer_put(struct art_writer *w, const struct art_item *item,
                                  struct art_error *err);
/* Write what was held back.  ART_OK, or ART_FAIL with ERR set. */
ART_MUST_CHECK int art_writer_finish(struct art_writer *w, struct art_error *err);
void art_writer_free(struct art_writer *w);

/* Whether W can be forked now: it has started, and what it appends for
 * an item will depend on that item alone (for JSON, once an item is
 * written; for the table, once its widths are fixed).  It stays so. */
bool art_writer_forkable(const struct art_writer *w);
/* COPY: a writer for another thread that appends to OUT what W would
 * append for each item, given the same items (W forkable).  W must not
 * change while COPY is made; afterwards each goes its own way, and COPY
 * is freed before W.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_writer_fork(struct art_writer *copy, const struct art_writer *w,
                                   struct art_out *out);
/* For the forkable formats: from the start (CSV, TSV, markdown, jq). */
bool art_writer_started(const struct art_writer *w);

/* Fill w->cells with ITEM's cells, valid while the item is. */
void art_writer_cells(struct art_writer *w, const struct art_item *item);
/* Fill w->cells and w->row with ITEM's cells as text (lists joined with w->tag_sep),
 * valid until the next call.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_writer_row(struct art_writer *w, const struct art_item *item);
/* Fill w->row with the column names. */
void art_writer_names(struct art_writer *w);
/* Write w->row as one line: the cells, each written by PUT_CELL, SEP
 * between them, and the line end ("\r\n" with crlf).  0, or -1 when out of
 * memory. */
ART_MUST_CHECK int art_writer_put_line(struct art_writer *w, char sep,
                                       int (*put_cell)(struct art_writer *w, struct art_buf *b,
                                                       art_str cell));

/* The escaping of each format, one cell or text at a time, appended to B
 * (0, or -1 when out of memory). */
struct art_csv_style {
	char delimiter;
	bool safe;
};
/* A cell a spreadsheet would run as a formula (OWASP's CSV injection
 * guidance): it begins with = + - @, a tab or a carriage return, also
 * after spaces (--safe prefixes an apostrophe). */
bool art_csv_risky(art_str cell);
ART_MUST_CHECK int art_csv_put_cell(struct art_buf *b, art_str cell,
                                    const struct art_csv_style *style);
ART_MUST_CHECK int art_tsv_put_cell(struct art_buf *b, art_str cell, bool safe);
ART_MUST_CHECK int art_markdown_put_cell(struct art_buf *b, art_str cell);
ART_MUST_CHECK int art_html_put_text(struct art_buf *b, art_str text);
/* A record as the listing prints it, without the page header.  -1 when
 * out of memory; 1 (nothing appended) when the record cannot be written
 * as a listing, with WHY set. */
ART_MUST_CHECK int art_listing_put_record(struct art_buf *b, const struct art_record *r,
                                          const char **why);
/* A listing page's header for COUNT records. */
ART_MUST_CHECK int art_listing_put_header(struct art_buf *b, unsigned long count);
/* Valid JSON text RAW again, indented as jq does, nested DEPTH levels. */
ART_MUST_CHECK int art_json_put_pretty(struct art_buf *b, art_str raw, int depth);

#endif
