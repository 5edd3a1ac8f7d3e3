/* art-sort - order records by keys, in bounded memory. */
#include <config.h>

#include <stdlib.h>

#include "cli.h"

static const struct cli_command command = {
    .name = "art-sort",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Write the records sorted by keys (by date when none is given), stably.",
    .options = "  -k, --key=KEY        sort by KEY, a key of the records: date, title,\n"
               "                       source, category, summary, likes, read_minutes, tags\n"
               "                       (the number of tags) or any other; KEY:desc sorts\n"
               "                       descending; repeatable, or a comma-separated list,\n"
               "                       the first key first\n"
               "  -r, --reverse        every key in the other direction\n"
               "  -f, --ignore-case    compare strings by their Unicode case folding\n"
               "  -m, --merge          the inputs are sorted already: merge them in one pass\n"
               "  -S, --buffer-size=SIZE\n"
               "                       hold at most SIZE of records in memory, then sort\n"
               "                       through temporary files; SIZE is a number with a\n"
               "                       suffix b, K, M, G, T (K when none) or % of memory\n"
               "  -T, --temporary-directory=DIR\n"
               "                       put temporary files in DIR, not $TMPDIR or /tmp\n\n",
};

static const struct option long_options[] = {
    {"key", required_argument, NULL, 'k'},
    {"reverse", no_argument, NULL, 'r'},
    {"ignore-case", no_argument, NULL, 'f'},
    {"merge", no_argument, NULL, 'm'},
    {"buffer-size", required_argument, NULL, 'S'},
    {"temporary-directory", required_argument, NULL, 'T'},
    CLI_LONG_OPTIONS,
};

struct settings {
	struct art_sort_spec spec;
	uint64_t budget;
	bool budget_given;
	const char *tmpdir;
	bool merge;
};

static void parse_options(int argc, char **argv, struct settings *set)
{
	const char *env = getenv("TMPDIR");
	set->tmpdir = env && *env ? env : "/tmp";
	struct art_error err;
	int opt;
	while ((opt = getopt_long(argc, argv, "k:rfmS:T:" CLI_SHORT_OPTIONS, long_options, NULL)) !=
	       -1) {
		switch (opt) {
		case 'k':
			if (art_sort_add_keys(&set->spec, optarg, &err) != 0)
				cli_usage_error("-k: %s", err.msg);
			break;
		case 'f':
			set->spec.fold = true;
			break;
		case 'r':
			set->spec.reverse = true;
			break;
		case 'm':
			set->merge = true;
			break;
		case 'S':
			if (art_sort_parse_size(optarg, &set->budget) != 0)
				cli_usage_error("invalid size for --buffer-size: '%s'", optarg);
			set->budget_given = true;
			break;
		case 'T':
			set->tmpdir = optarg;
			break;
		default:
			cli_common_option(opt, optarg);
		}
	}
	if (!set->budget_given)
		set->budget = art_sort_default_size();
}

static int next_record(void *ctx, struct art_item *item)
{
	return cli_next(ctx, item) ? ART_OK : ART_EOF;
}

/* -m: one reader per file, each a sorted source. */
static struct art_input *merge_sources(struct art_sorter *s, char **files, size_t nfiles)
{
	size_t n = nfiles ? nfiles : 1;
	struct art_input *in = calloc(n, sizeof *in);
	if (!in)
		cli_fatal("out of memory");
	for (size_t i = 0; i < n; i++)
		if (art_input_init(&in[i], files + i, nfiles ? 1 : 0, ART_INPUT_RECORDS, NULL) !=
		        0 ||
		    art_sorter_add_source(s, next_record, &in[i]) != 0)
			cli_fatal("out of memory");
	return in;
}

/* Read every record (or, with -m, set up the sources); the readers. */
static struct art_input *read_inputs(struct art_sorter *s, const struct settings *set, char **files,
                                     size_t nfiles)
{
	if (set->merge)
		return merge_sources(s, files, nfiles);
	struct art_input *in = calloc(1, sizeof *in);
	if (!in || art_input_init(in, files, nfiles, ART_INPUT_RECORDS, NULL) != 0)
		cli_fatal("out of memory");
	struct art_item item;
	struct art_error err;
	while (cli_next(in, &item))
		if (art_sorter_add(s, &item, &err) != ART_OK)
			cli_fatal("%s", err.msg);
	return in;
}

static void write_sorted(struct art_sorter *s)
{
	art_str line;
	struct art_error err;
	int rc;
	while (!cli.out.err && (rc = art_sorter_next(s, &line, &err)) != ART_EOF) {
		if (rc == ART_FAIL)
			cli_fatal("%s", err.msg);
		if (rc == ART_BAD) {
			cli_input_error(&err);
			continue;
		}
		/* the line is the record as it was read */
		if (art_buf_append(&cli.out.buf, line.p, line.n) != 0)
			cli_fatal("out of memory");
		cli_wrote();
	}
}

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	struct settings set = {0};
	parse_options(argc, argv, &set);
	cli_open_output();

	struct art_sorter *s = art_sorter_new(&set.spec, set.budget, set.tmpdir);
	if (!s)
		cli_fatal("out of memory");
	size_t nfiles = (size_t)(argc - optind);
	size_t ninputs = set.merge && nfiles ? nfiles : 1;
	struct art_input *in = read_inputs(s, &set, argv + optind, nfiles);
	write_sorted(s);
	art_sorter_free(s);
	for (size_t i = 0; i < ninputs; i++)
		art_input_free(&in[i]);
	free(in);
	return cli_finish();
}
