/* art-parse - saved listing pages in, NDJSON records out. */
#include <config.h>

#include <stdio.h>

#include "cli.h"

enum { OPT_LEXICON = CLI_OPT_LOCAL, OPT_EXPLAIN_TAGS };

static const struct cli_command command = {
    .name = "art-parse",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Turn saved \"Tagged articles\" pages into NDJSON records, one per line.",
    .options = "      --lexicon=FILE   prefer the tags listed in FILE, one per line\n"
               "      --explain-tags   tell on standard error how each tag line was split\n"
               "  -j, --jobs=N         read NDJSON in N threads (default: the CPUs this\n"
               "                       process may use; 1 for one); the output is the same\n",
};

static const struct option long_options[] = {
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"explain-tags", no_argument, NULL, OPT_EXPLAIN_TAGS},
    {"jobs", required_argument, NULL, 'j'},
    CLI_LONG_OPTIONS,
};

/* A record read by this thread: written, with how its tags were split. */
static void take(const struct art_item *item)
{
	if (item->explain.n)
		fprintf(stderr, "%s: %s:%lu: %.*s", command.name, cli_file_name(item->file),
		        item->line, (int)item->explain.n, item->explain.p);
	cli_put_item(item);
}

/* -j: lines of NDJSON parsed and written in other threads.  (Listing text
 * is read here: its tag splitter learns from every record it reads, in
 * order.) */
static void *no_state(void)
{
	return NULL;
}

static int put(void *worker, const struct art_item *item, struct art_buf *out,
               struct art_error *err)
{
	(void)worker;
	(void)err;
	return art_item_put(out, item);
}

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	struct art_tagger *tagger = art_tagger_new();
	if (!tagger)
		cli_fatal("out of memory");
	struct art_error err;
	int opt;
	while ((opt = getopt_long(argc, argv, "j:" CLI_SHORT_OPTIONS, long_options, NULL)) != -1) {
		if (opt == 'j') {
			cli_jobs_option(optarg);
		} else if (opt == OPT_LEXICON && art_tagger_load(tagger, optarg, &err) != ART_OK) {
			if (err.line)
				cli_fatal("%s:%lu: %s", cli_file_name(optarg), err.line, err.msg);
			cli_fatal("%s: %s", cli_file_name(optarg), err.msg);
		} else if (opt == OPT_EXPLAIN_TAGS) {
			art_tagger_explain(tagger, true);
		} else if (opt != OPT_LEXICON) {
			cli_common_option(opt, optarg);
		}
	}
	cli_open_output();

	struct art_input in;
	size_t nfiles = (size_t)(argc - optind);
	if (art_input_init(&in, argv + optind, nfiles, ART_INPUT_RECORDS, tagger) != 0)
		cli_fatal("out of memory");
	const struct cli_threads threads = {
	    .item = take, .mode = ART_INPUT_RECORDS, .new_worker = no_state, .work = put};
	cli_read(&in, &threads);
	art_input_free(&in);
	art_tagger_free(tagger);
	return cli_finish();
}
