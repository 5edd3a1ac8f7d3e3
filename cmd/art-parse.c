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
               "      --explain-tags   tell on standard error how each tag line was split\n",
};

static const struct option long_options[] = {
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"explain-tags", no_argument, NULL, OPT_EXPLAIN_TAGS},
    CLI_LONG_OPTIONS,
};

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	struct art_tagger *tagger = art_tagger_new();
	if (!tagger)
		cli_fatal("out of memory");
	struct art_error err;
	int opt;
	while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS, long_options, NULL)) != -1) {
		if (opt == OPT_LEXICON && art_tagger_load(tagger, optarg, &err) != ART_OK) {
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
	struct art_item item;
	while (cli_next(&in, &item)) {
		if (item.explain.n)
			fprintf(stderr, "%s: %s:%lu: %.*s", command.name, cli_file_name(item.file),
			        item.line, (int)item.explain.n, item.explain.p);
		cli_put_item(&item);
	}
	art_input_free(&in);
	art_tagger_free(tagger);
	return cli_finish();
}
