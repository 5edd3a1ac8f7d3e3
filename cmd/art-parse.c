/* art-parse - saved listing pages in, NDJSON records out. */
#include <config.h>

#include "cli.h"

static const struct cli_command command = {
	.name = "art-parse",
	.synopsis = "[OPTION]... [FILE]...",
	.purpose = "Turn saved \"Tagged articles\" pages into NDJSON records, one per line.",
	.options = "",
};

static const struct option long_options[] = {CLI_LONG_OPTIONS};

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	int opt;
	while ((opt = getopt_long(argc, argv, CLI_SHORT_OPTIONS, long_options, NULL)) != -1)
		cli_common_option(opt, optarg);
	cli_open_output();

	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), ART_INPUT_RECORDS, NULL) != 0)
		cli_fatal("out of memory");
	struct art_item item;
	while (cli_next(&in, &item))
		cli_put_item(&item);
	art_input_free(&in);
	return cli_finish();
}
