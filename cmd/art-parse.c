/* art-parse - saved listing pages in, NDJSON records out. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

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

/* -j: lines of NDJSON parsed and written in other threads, each with a
 * record of its own.  (Listing text is read here: its tag splitter learns
 * from every record it reads, in order.) */
static int parse_block(void *arg, struct art_block *b)
{
	struct art_input *in = arg;
	for (size_t i = 0; i < b->nlines; i++) {
		struct art_item item;
		struct art_error err;
		if (art_input_parse(in, b, i, &item, &err) != ART_OK) {
			if (art_block_note(b, CLI_NOTE_BAD, &err) != 0)
				return -1;
			continue;
		}
		b->items++;
		if (art_item_put(&b->out, &item) != 0)
			return -1;
	}
	return 0;
}

static void read_threaded(struct art_input *in, size_t n)
{
	struct art_input *readers = calloc(n, sizeof *readers);
	void **args = calloc(n, sizeof *args);
	if (!readers || !args)
		cli_fatal("out of memory");
	for (size_t i = 0; i < n; i++) {
		if (art_input_init(&readers[i], NULL, 0, ART_INPUT_RECORDS, in->tagger) != 0)
			cli_fatal("out of memory");
		args[i] = &readers[i];
	}
	const struct cli_threads threads = {
	    .work = parse_block, .workers = args, .nworkers = n, .item = take};
	cli_read_threaded(in, &threads);
	for (size_t i = 0; i < n; i++)
		art_input_free(&readers[i]);
	free(readers);
	free(args);
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
	size_t jobs = cli_jobs();
	if (jobs > 1) {
		read_threaded(&in, jobs);
	} else {
		struct art_item item;
		while (cli_next(&in, &item))
			take(&item);
	}
	art_input_free(&in);
	art_tagger_free(tagger);
	return cli_finish();
}
