/* art-tags - what the articles are about: tag counts, per group, pairs,
 * the long form, the lexicon, a chart; and merging of partial counts. */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fmt/chart.h"
#include "cli.h"
#include "tagcount.h"
#include "utf8.h"

static const struct cli_command command = {
    .name = "art-tags",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Count the tags of records: one {\"tag\":..,\"count\":N} object per distinct tag,\n"
               "most frequent first.",
    .options = "      --by=FIELD       count per source, category, year or month\n"
               "      --pairs          count pairs of tags that occur on the same record\n"
               "      --top=N          only the first N rows (of each group with --by)\n"
               "  -i, --ignore-case    tags that differ only in case count as one\n"
               "      --merge          the input is art-tags output of the same options:\n"
               "                       add up its counts\n"
               "      --chart          draw a bar chart instead of writing NDJSON\n"
               "      --width=N        the chart: N display columns wide (else COLUMNS, the\n"
               "                       terminal's width, or 80)\n"
               "      --color[=WHEN]   the chart: coloured bars, bold group names; WHEN is\n"
               "                       auto (the default: a terminal and no NO_COLOR),\n"
               "                       always (no WHEN) or never\n"
               "      --explode        one record per tag, with \"tag\" in place of \"tags\"\n"
               "      --lexicon        the distinct tags, one a line, in byte order\n"
               "  -j, --jobs=N         count in N threads (default: the CPUs this process\n"
               "                       may use; 1 for one); the output is the same\n",
};

enum {
	OPT_BY = CLI_OPT_LOCAL,
	OPT_PAIRS,
	OPT_TOP,
	OPT_MERGE,
	OPT_CHART,
	OPT_EXPLODE,
	OPT_LEXICON,
	OPT_WIDTH,
	OPT_COLOR
};

static const struct option long_options[] = {
    {"by", required_argument, NULL, OPT_BY},       {"pairs", no_argument, NULL, OPT_PAIRS},
    {"top", required_argument, NULL, OPT_TOP},     {"ignore-case", no_argument, NULL, 'i'},
    {"merge", no_argument, NULL, OPT_MERGE},       {"chart", no_argument, NULL, OPT_CHART},
    {"explode", no_argument, NULL, OPT_EXPLODE},   {"lexicon", no_argument, NULL, OPT_LEXICON},
    {"width", required_argument, NULL, OPT_WIDTH}, {"color", optional_argument, NULL, OPT_COLOR},
    {"jobs", required_argument, NULL, 'j'},        CLI_LONG_OPTIONS,
};

static struct {
	enum art_tagcount_mode mode;
	enum art_tagcount_group group;
	size_t top, width;
	bool fold, merge, chart, explode, lexicon;
	const char *color;
	const char *given[OPT_COLOR - OPT_BY + 1]; /* the local options used, by name */
} opt = {.top = SIZE_MAX, .color = "auto"};

/* Two options that cannot go together, or none. */
static void check_combinations(void)
{
	static const int rules[][2] = {
	    {OPT_BY, OPT_PAIRS},        {OPT_EXPLODE, OPT_BY},    {OPT_EXPLODE, OPT_PAIRS},
	    {OPT_EXPLODE, OPT_TOP},     {OPT_EXPLODE, OPT_MERGE}, {OPT_EXPLODE, OPT_CHART},
	    {OPT_EXPLODE, OPT_LEXICON}, {OPT_LEXICON, OPT_BY},    {OPT_LEXICON, OPT_PAIRS},
	    {OPT_LEXICON, OPT_TOP},     {OPT_LEXICON, OPT_MERGE}, {OPT_LEXICON, OPT_CHART},
	};
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		cli_exclusive(opt.given[rules[i][0] - OPT_BY], opt.given[rules[i][1] - OPT_BY]);
	for (int o = OPT_WIDTH; o <= OPT_COLOR; o++)
		if (opt.given[o - OPT_BY] && !opt.chart)
			cli_usage_error("--%s applies only to --chart", opt.given[o - OPT_BY]);
	cli_exclusive(opt.explode ? "explode" : NULL, opt.fold ? "ignore-case" : NULL);
}

static void parse_options(int argc, char **argv)
{
	int o, index;
	while ((o = getopt_long(argc, argv, "ij:" CLI_SHORT_OPTIONS, long_options, &index)) != -1) {
		if (o >= OPT_BY && o <= OPT_COLOR)
			opt.given[o - OPT_BY] = long_options[index].name;
		switch (o) {
		case OPT_BY: {
			int g = art_tagcount_group_lookup(optarg);
			if (g < 0)
				cli_usage_error(
				    "invalid --by '%s': use source, category, year or month",
				    optarg);
			opt.mode = ART_TC_GROUPS;
			opt.group = (enum art_tagcount_group)g;
			break;
		}
		case OPT_PAIRS:
			opt.mode = ART_TC_PAIRS;
			break;
		case OPT_TOP:
			opt.top = (size_t)cli_number("--top", optarg, 0, SIZE_MAX);
			break;
		case 'i':
			opt.fold = true;
			break;
		case OPT_MERGE:
			opt.merge = true;
			break;
		case OPT_CHART:
			opt.chart = true;
			break;
		case OPT_EXPLODE:
			opt.explode = true;
			break;
		case OPT_LEXICON:
			opt.lexicon = true;
			break;
		case OPT_WIDTH:
			opt.width = cli_width_option(optarg);
			break;
		case OPT_COLOR:
			opt.color = optarg;
			break;
		case 'j':
			cli_jobs_option(optarg);
			break;
		default:
			cli_common_option(o, optarg);
		}
	}
	check_combinations();
}

static struct art_tagcount *counts; /* NULL with --explode */
static struct art_tagset exploded;

/* One item counted into TC, or its tags written to OUT (--explode): 0,
 * ART_BAD with ERR's message set, or -1 when out of memory. */
static int take_into(struct art_tagcount *tc, struct art_tagset *set, struct art_buf *out,
                     const struct art_item *item, struct art_error *err)
{
	if (opt.explode)
		return art_put_exploded(out, item->rec, item->obj, set);
	if (!opt.merge)
		return art_tagcount_add_record(tc, item->rec);
	if (item->obj)
		return art_tagcount_add_json(tc, item->obj, err);
	art_error_msg(err, "listing text, not art-tags output");
	return ART_BAD;
}

/* An item read by this thread. */
static void take(const struct art_item *item)
{
	struct art_error err;
	int rc = take_into(counts, &exploded, &cli.out.buf, item, &err);
	if (rc == ART_BAD) {
		err.file = item->file;
		err.line = item->line;
		err.errnum = 0;
		cli_reject(&err);
	} else if (rc != 0) {
		cli_fatal("out of memory");
	}
	cli_wrote();
}

/* -j: each thread counts into a counter of its own, added to the others'
 * at the end (counts are sums: the order they are added in changes
 * nothing, spellings included, see tagcount.h). */
struct worker {
	struct art_tagcount *tc;
	struct art_tagset set;
};

static void *new_worker(void)
{
	struct worker *w = calloc(1, sizeof *w);
	if (!w || (!opt.explode && !(w->tc = art_tagcount_new(opt.mode, opt.group, opt.fold))))
		cli_fatal("out of memory");
	return w;
}

static int count_in(void *worker, const struct art_item *item, struct art_buf *out,
                    struct art_error *err)
{
	struct worker *w = worker;
	return take_into(w->tc, &w->set, out, item, err);
}

/* Add PART's counts to TC, as --merge adds a counter's rows. */
static void add_counts(struct art_tagcount *tc, struct art_tagcount *part)
{
	if (art_tagcount_finish(part, ART_TC_BY_NAME, SIZE_MAX) != 0)
		cli_fatal("out of memory");
	struct art_buf row = {0};
	struct art_jobject obj = {0};
	struct art_error err;
	for (size_t i = 0; i < art_tagcount_nrows(part); i++) {
		art_buf_clear(&row);
		if (art_tagcount_put_row(&row, part, i) != 0)
			cli_fatal("out of memory");
		art_str line = {row.p, row.len - 1}; /* without its newline */
		if (art_json_parse(&obj, line, &err) != 0 ||
		    art_tagcount_add_json(tc, &obj, &err) != 0)
			cli_fatal("adding up the threads' counts: %s", err.msg);
	}
	art_jobject_free(&obj);
	art_buf_free(&row);
}

static void end_worker(void *worker)
{
	struct worker *w = worker;
	if (w->tc) {
		add_counts(counts, w->tc);
		art_tagcount_free(w->tc);
	}
	art_tagset_free(&w->set);
	free(w);
}

static void write_rows(struct art_tagcount *tc)
{
	size_t n = art_tagcount_nrows(tc);
	struct art_tagrow row;
	for (size_t i = 0; i < n && !cli.out.err; i++) {
		int rc = 0;
		if (opt.lexicon) {
			art_tagcount_row(tc, i, &row);
			if (row.tags[0].n && !memchr(row.tags[0].p, '\n', row.tags[0].n) &&
			    !memchr(row.tags[0].p, '\r', row.tags[0].n)) {
				rc |= art_buf_append(&cli.out.buf, row.tags[0].p, row.tags[0].n);
				rc |= art_buf_putc(&cli.out.buf, '\n');
			}
		} else {
			rc = art_tagcount_put_row(&cli.out.buf, tc, i);
		}
		if (rc != 0)
			cli_fatal("out of memory");
		cli_wrote();
	}
}

/* A row's label: the tag, or the pair as "A + B" (in BUF). */
static art_str label(struct art_buf *buf, const struct art_tagrow *row)
{
	buf->len = 0;
	if (art_buf_append(buf, row->tags[0].p, row->tags[0].n) != 0 ||
	    (row->ntags == 2 && (art_buf_append(buf, " + ", 3) != 0 ||
	                         art_buf_append(buf, row->tags[1].p, row->tags[1].n) != 0)))
		cli_fatal("out of memory");
	return art_buf_str(buf);
}

static void draw_chart(struct art_tagcount *tc)
{
	size_t n = art_tagcount_nrows(tc), widest = 0, indent = opt.mode == ART_TC_GROUPS ? 2 : 0;
	int64_t max = 0;
	struct art_buf buf = {0};
	struct art_tagrow row;
	for (size_t i = 0; i < n; i++) {
		art_tagcount_row(tc, i, &row);
		size_t w = art_utf8_width(label(&buf, &row));
		widest = w > widest ? w : widest;
		max = row.count > max ? row.count : max;
	}
	struct art_chart c;
	size_t width = opt.width ? opt.width : cli_display_width(80);
	art_chart_layout(&c, width > indent ? width - indent : 1, widest, max);
	c.color = cli_color(opt.color);
	for (size_t i = 0; i < n && !cli.out.err; i++) {
		art_tagcount_row(tc, i, &row);
		struct art_tagrow prev;
		if (indent && (i == 0 || (art_tagcount_row(tc, i - 1, &prev),
		                          !art_str_eq(prev.group, row.group)))) {
			size_t shown;
			if (art_buf_append(&cli.out.buf, "\033[1m", c.color ? 4 : 0) ||
			    art_utf8_fit(&cli.out.buf, row.group,
			                 c.label_w + c.count_w + c.bar_w + 2, '?', &shown) ||
			    art_buf_append(&cli.out.buf, "\033[0m", c.color ? 4 : 0) ||
			    art_buf_putc(&cli.out.buf, '\n'))
				cli_fatal("out of memory");
		}
		if (art_buf_append(&cli.out.buf, "  ", indent) != 0 ||
		    art_chart_put(&cli.out.buf, &c, label(&buf, &row), row.count) != 0)
			cli_fatal("out of memory");
		cli_wrote();
	}
	art_buf_free(&buf);
}

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	parse_options(argc, argv);
	cli_open_output();

	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind),
	                   opt.merge ? ART_INPUT_OBJECTS : ART_INPUT_RECORDS, NULL) != 0)
		cli_fatal("out of memory");
	if (!opt.explode && !(counts = art_tagcount_new(opt.mode, opt.group, opt.fold)))
		cli_fatal("out of memory");
	const struct cli_threads threads = {
	    .item = take,
	    .mode = opt.merge ? ART_INPUT_OBJECTS : ART_INPUT_RECORDS,
	    .new_worker = new_worker,
	    .work = count_in,
	    .end_worker = end_worker,
	};
	cli_read(&in, &threads);
	art_tagset_free(&exploded);
	if (counts) {
		if (art_tagcount_finish(counts, opt.lexicon ? ART_TC_BY_NAME : ART_TC_BY_COUNT,
		                        opt.top))
			cli_fatal("out of memory");
		if (opt.chart)
			draw_chart(counts);
		else
			write_rows(counts);
		art_tagcount_free(counts);
	}
	art_input_free(&in);
	return cli_finish();
}
