/* art-fmt - records (or any flat JSON objects) out as CSV, TSV, a table,
 * markdown, an HTML report, listing text, a JSON array, or jq's text. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "fmt/writer.h"

static const struct cli_command command = {
    .name = "art-fmt",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Format records, or any flat JSON objects, for people and for other programs.",
    .options =
        "Formats (one; the default is --table):\n"
        "      --table          aligned columns, cut to fit a terminal\n"
        "      --csv            CSV (RFC 4180) with a header line\n"
        "      --tsv            tab-separated values, tabs and line ends escaped\n"
        "      --markdown       a GitHub-flavoured markdown table\n"
        "      --html           one self-contained HTML report: counts, charts, records\n"
        "      --listing        the listing text art-parse reads\n"
        "      --json           one JSON array, pretty-printed\n"
        "  -r, --raw=EXPR       the outputs of a jq expression, strings as text, one a line\n"
        "\n"
        "  -f, --fields=LIST    the columns, comma-separated, in this order\n"
        "      --tag-sep=STR    join tags with STR (CSV and TSV ';', table and markdown ', ')\n"
        "  -d, --delimiter=CHAR CSV: separate fields with CHAR (or '\\t') instead of ','\n"
        "      --crlf           CSV, TSV: end lines with CR LF\n"
        "      --bom            CSV, TSV: begin with a UTF-8 byte order mark\n"
        "      --no-header      CSV, TSV, table: no line of column names\n"
        "      --safe           CSV, TSV: put ' before a cell that begins with = + - @,\n"
        "                       tab or CR (after spaces too), so a spreadsheet does not\n"
        "                       run it\n"
        "      --excel          --csv --bom --crlf --safe: CSV for a spreadsheet\n"
        "      --width=N        table: fit N display columns (also when not a terminal)\n"
        "      --color[=WHEN]   table: bold header; WHEN is auto (the default: a terminal\n"
        "                       and no NO_COLOR), always (no WHEN) or never\n"
        "      --title=TEXT     HTML: the report's title (default Articles, or Report)\n"
        "  -j, --jobs=N         format records in N threads (default: the CPUs this\n"
        "                       process may use; 1 for one); the output is the same\n"
        "                       (--html and --listing use one: they see every record\n"
        "                       before they write)\n"
        "\n"
        "The columns are the record keys, or the keys of the first object.  On a\n"
        "terminal the table fits its width (COLUMNS wins over the terminal's size):\n"
        "summary, tags, category, source and then title give up room, in that order;\n"
        "date, likes and read time are never cut.  Not on a terminal, no cell is cut\n"
        "unless --width is given.\n\n",
};

enum {
	OPT_TABLE = CLI_OPT_LOCAL,
	OPT_CSV,
	OPT_TSV,
	OPT_MARKDOWN,
	OPT_HTML,
	OPT_LISTING,
	OPT_JSON,
	OPT_TAG_SEP,
	OPT_CRLF,
	OPT_BOM,
	OPT_NO_HEADER,
	OPT_SAFE,
	OPT_WIDTH,
	OPT_COLOR,
	OPT_TITLE,
	OPT_EXCEL,
};

static const struct option long_options[] = {
    {"table", no_argument, NULL, OPT_TABLE},
    {"csv", no_argument, NULL, OPT_CSV},
    {"tsv", no_argument, NULL, OPT_TSV},
    {"markdown", no_argument, NULL, OPT_MARKDOWN},
    {"html", no_argument, NULL, OPT_HTML},
    {"listing", no_argument, NULL, OPT_LISTING},
    {"json", no_argument, NULL, OPT_JSON},
    {"raw", required_argument, NULL, 'r'},
    {"fields", required_argument, NULL, 'f'},
    {"tag-sep", required_argument, NULL, OPT_TAG_SEP},
    {"delimiter", required_argument, NULL, 'd'},
    {"crlf", no_argument, NULL, OPT_CRLF},
    {"bom", no_argument, NULL, OPT_BOM},
    {"no-header", no_argument, NULL, OPT_NO_HEADER},
    {"safe", no_argument, NULL, OPT_SAFE},
    {"width", required_argument, NULL, OPT_WIDTH},
    {"color", optional_argument, NULL, OPT_COLOR},
    {"title", required_argument, NULL, OPT_TITLE},
    {"excel", no_argument, NULL, OPT_EXCEL},
    {"jobs", required_argument, NULL, 'j'},
    CLI_LONG_OPTIONS,
};

#define FMT(f)      (1u << (f))
#define SPREADSHEET (FMT(ART_FMT_CSV) | FMT(ART_FMT_TSV))

/* The options that suit only some formats, and which. */
enum {
	L_FIELDS,
	L_TAG_SEP,
	L_DELIMITER,
	L_CRLF,
	L_BOM,
	L_NO_HEADER,
	L_SAFE,
	L_WIDTH,
	L_COLOR,
	L_TITLE,
	L_COUNT
};
static const struct {
	const char *name;
	unsigned formats;
} limited[L_COUNT] = {
    [L_FIELDS] = {"--fields", ~(FMT(ART_FMT_LISTING) | FMT(ART_FMT_RAW))},
    [L_TAG_SEP] = {"--tag-sep", SPREADSHEET | FMT(ART_FMT_TABLE) | FMT(ART_FMT_MARKDOWN)},
    [L_DELIMITER] = {"--delimiter", FMT(ART_FMT_CSV)},
    [L_CRLF] = {"--crlf", SPREADSHEET},
    [L_BOM] = {"--bom", SPREADSHEET},
    [L_NO_HEADER] = {"--no-header", SPREADSHEET | FMT(ART_FMT_TABLE)},
    [L_SAFE] = {"--safe", SPREADSHEET},
    [L_WIDTH] = {"--width", FMT(ART_FMT_TABLE)},
    [L_COLOR] = {"--color", FMT(ART_FMT_TABLE)},
    [L_TITLE] = {"--title", FMT(ART_FMT_HTML)},
};

static const char *const format_options[ART_NFORMATS] = {
    "--table", "--csv", "--tsv", "--markdown", "--html", "--listing", "--json", "--raw",
};

static enum art_format format = ART_FMT_TABLE;
static bool format_given;
static bool given[L_COUNT];
static const char *color_when = "auto";

static void set_format(enum art_format f)
{
	if (format_given && format != f)
		cli_usage_error("%s and %s: give one format", format_options[format],
		                format_options[f]);
	format = f;
	format_given = true;
}

static char delimiter(const char *arg)
{
	if (strcmp(arg, "\\t") == 0)
		return '\t';
	if (strlen(arg) != 1 || (unsigned char)arg[0] >= 0x80)
		cli_usage_error("--delimiter: '%s' is not one ASCII character", arg);
	if (strchr("\"\r\n", arg[0]))
		cli_usage_error("--delimiter: a quote or a line end cannot separate fields");
	return arg[0];
}

static void parse_options(int argc, char **argv, struct art_fmt_options *o)
{
	int opt;
	while ((opt = getopt_long(argc, argv, "r:f:d:j:" CLI_SHORT_OPTIONS, long_options, NULL)) !=
	       -1) {
		switch (opt) {
		case OPT_TABLE ... OPT_JSON: {
			static const enum art_format f[] = {
			    ART_FMT_TABLE, ART_FMT_CSV,     ART_FMT_TSV, ART_FMT_MARKDOWN,
			    ART_FMT_HTML,  ART_FMT_LISTING, ART_FMT_JSON};
			set_format(f[opt - OPT_TABLE]);
			break;
		}
		case 'r':
			set_format(ART_FMT_RAW);
			o->expr = optarg;
			break;
		case 'f':
			o->fields = optarg;
			given[L_FIELDS] = true;
			break;
		case OPT_TAG_SEP:
			o->tag_sep = optarg;
			given[L_TAG_SEP] = true;
			break;
		case 'd':
			o->delimiter = delimiter(optarg);
			given[L_DELIMITER] = true;
			break;
		case OPT_CRLF:
			o->crlf = given[L_CRLF] = true;
			break;
		case OPT_BOM:
			o->bom = given[L_BOM] = true;
			break;
		case OPT_NO_HEADER:
			o->no_header = given[L_NO_HEADER] = true;
			break;
		case OPT_SAFE:
			o->safe = given[L_SAFE] = true;
			break;
		case OPT_WIDTH:
			o->width = (unsigned)cli_width_option(optarg);
			given[L_WIDTH] = true;
			break;
		case OPT_COLOR:
			color_when = optarg;
			given[L_COLOR] = true;
			break;
		case OPT_TITLE:
			o->title = optarg;
			given[L_TITLE] = true;
			break;
		case OPT_EXCEL: /* what a spreadsheet opens as it is, and cannot be made to run */
			set_format(ART_FMT_CSV);
			o->bom = o->crlf = o->safe = true;
			break;
		case 'j':
			cli_jobs_option(optarg);
			break;
		default:
			cli_common_option(opt, optarg);
		}
	}
	for (int i = 0; i < L_COUNT; i++)
		if (given[i] && !(limited[i].formats & FMT(format)))
			cli_usage_error("%s does not apply to %s", limited[i].name,
			                format_options[format]);
	o->color = cli_color(color_when);
	if (format == ART_FMT_TABLE && !given[L_WIDTH])
		o->width = (unsigned)cli_terminal_width();
}

static struct art_writer writer;

/* An item read by this thread: written, or skipped with the reason. */
static void take(const struct art_item *item)
{
	struct art_error err;
	switch (art_writer_put(&writer, item, &err)) {
	case ART_BAD:
		err.file = item->file;
		if (cli_bad_is_fatal()) /* let the jq state go first */
			art_writer_free(&writer);
		cli_reject(&err);
		break;
	case ART_FAIL:
		cli_fatal("%s", err.msg);
	}
}

/* -j: each thread writes with a fork of the writer (art_writer_fork),
 * made on its first block, into the block's output.  Blocks go to the
 * threads only once the writer is forkable, and the writer is not
 * changed while they are out (cli_read takes every block back before
 * this thread reads an item), so a fork made late is made from the
 * writer as it was when its block was handed in. */
struct fork {
	struct art_writer w;
	struct art_out out; /* held: its bytes go to the block's output */
	bool made;
};

static void *new_fork(void)
{
	struct fork *f = calloc(1, sizeof *f);
	if (!f)
		cli_fatal("out of memory");
	f->out.hold = true;
	return f;
}

static bool forkable(void)
{
	return art_writer_forkable(&writer);
}

static int put_forked(void *worker, const struct art_item *item, struct art_buf *out,
                      struct art_error *err)
{
	struct fork *f = worker;
	if (!f->made && art_writer_fork(&f->w, &writer, &f->out) != 0)
		return -1;
	f->made = true;
	f->out.buf = *out; /* the writer appends to the block's output */
	int rc = art_writer_put(&f->w, item, err);
	*out = f->out.buf;
	f->out.buf = (struct art_buf){0};
	return rc == ART_FAIL ? -1 : rc;
}

/* -j, an exit for a bad record: jq's state goes first, as with one thread. */
static void abort_writer(void)
{
	art_writer_free(&writer);
}

static void end_fork(void *worker)
{
	struct fork *f = worker;
	if (f->made)
		art_writer_free(&f->w);
	free(f);
}

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	struct art_fmt_options opt = {0};
	parse_options(argc, argv, &opt);

	struct art_error why;
	if (art_writer_init(&writer, format, &opt, &cli.out, &why) != 0)
		cli_usage_error("%s: %s", format_options[format], why.msg);
	cli_open_output();
	struct art_input in;
	enum art_input_mode mode = writer.cls->records_only ? ART_INPUT_RECORDS : ART_INPUT_OBJECTS;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), mode, NULL) != 0)
		cli_fatal("out of memory");
	const struct cli_threads threads = {
	    .item = take,
	    .mode = mode,
	    .new_worker = new_fork,
	    .work = writer.cls->forkable ? put_forked : NULL,
	    .end_worker = end_fork,
	    .ready = forkable,
	    .abort = abort_writer,
	};
	cli_read(&in, &threads);
	struct art_error err;
	if (art_writer_finish(&writer, &err) != ART_OK)
		cli_fatal("%s", err.msg);
	art_writer_free(&writer);
	art_input_free(&in);
	return cli_finish();
}
