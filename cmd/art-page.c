/* art-page - one page of records, the number of pages, or every page to
 * its own file. */
#include <config.h>

#include <errno.h>
#include <stdio.h>

#include "cli.h"

static const struct cli_command command = {
    .name = "art-page",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Write one page of the records, unchanged.",
    .options = "  -n, --per-page=N     N records to a page (default 10)\n"
               "  -p, --page=K         write page K, from 1 (default 1)\n"
               "      --pages          write {\"total\":N,\"per_page\":n,\"pages\":M} instead\n"
               "      --split=PREFIX   write every page to its own file, PREFIX-0001.ndjson,\n"
               "                       PREFIX-0002.ndjson, ..., each written atomically\n"
               "\nExit status is 0 when a record was written, 1 when the page is past the\n"
               "end of the input, 2 on error.\n\n",
};

enum { OPT_PAGES = CLI_OPT_LOCAL, OPT_SPLIT };

static const struct option long_options[] = {
    {"per-page", required_argument, NULL, 'n'},
    {"page", required_argument, NULL, 'p'},
    {"pages", no_argument, NULL, OPT_PAGES},
    {"split", required_argument, NULL, OPT_SPLIT},
    CLI_LONG_OPTIONS,
};

struct settings {
	uint64_t per_page, page;
	bool page_given, pages;
	const char *split;
};

static void parse_options(int argc, char **argv, struct settings *set)
{
	set->per_page = 10;
	set->page = 1;
	int opt;
	while ((opt = getopt_long(argc, argv, "n:p:" CLI_SHORT_OPTIONS, long_options, NULL)) !=
	       -1) {
		switch (opt) {
		case 'n':
			set->per_page = cli_number("--per-page", optarg, 1, UINT64_MAX);
			break;
		case 'p':
			set->page = cli_number("--page", optarg, 1, UINT64_MAX);
			set->page_given = true;
			break;
		case OPT_PAGES:
			set->pages = true;
			break;
		case OPT_SPLIT:
			if (!*optarg)
				cli_usage_error("--split needs a non-empty PREFIX");
			set->split = optarg;
			break;
		default:
			cli_common_option(opt, optarg);
		}
	}
	cli_exclusive(set->pages ? "pages" : NULL, set->split ? "split" : NULL);
	if (set->page_given && (set->pages || set->split))
		cli_usage_error("--page cannot be used with %s",
		                set->pages ? "--pages" : "--split");
	if (set->split && cli.output)
		cli_usage_error("--split writes files of its own: -o cannot be used with it");
}

static uint64_t count_records(struct art_input *in)
{
	struct art_item item;
	uint64_t n = 0;
	while (cli_next(in, &item))
		n++;
	return n;
}

static void name_page(struct art_buf *name, const char *prefix, uint64_t page, int digits)
{
	if (art_page_file_name(name, prefix, page, digits) != 0)
		cli_fatal("out of memory");
}

/* Every page to its own file; the number of pages. */
static uint64_t split_pages(struct art_input *in, const struct settings *set)
{
	struct art_buf names[2] = {{0}, {0}}; /* the file open now stays named */
	struct art_item item;
	uint64_t n = 0, page = 0;
	while (cli_next(in, &item)) {
		if (n++ % set->per_page == 0) {
			struct art_buf *name = &names[++page % 2];
			name_page(name, set->split, page, ART_PAGE_DIGITS);
			cli_switch_output(name->p);
		}
		cli_put_item(&item);
	}
	cli_switch_output(NULL);
	/* past 9999 pages, give every name as many digits as the last: the
	 * files wait to be moved into place at the end, so only their names
	 * change */
	int digits = art_page_digits(page);
	for (uint64_t p = 1; digits > ART_PAGE_DIGITS && p <= page && p <= cli.pending.n; p++) {
		name_page(&names[0], set->split, p, digits);
		if (art_commit_retarget(&cli.pending, p - 1, names[0].p) != 0)
			cli_fatal("out of memory");
	}
	art_buf_free(&names[0]);
	art_buf_free(&names[1]);
	return page;
}

static uint64_t one_page(struct art_input *in, const struct settings *set)
{
	struct art_pager pager;
	art_pager_init(&pager, set->per_page, set->page);
	struct art_item item;
	uint64_t taken = 0;
	/* stop as soon as the page is complete: the rest is never read */
	while (!art_pager_done(&pager) && cli_next(in, &item)) {
		if (art_pager_step(&pager) == ART_PAGE_TAKE) {
			cli_put_item(&item);
			taken++;
		}
	}
	return taken;
}

int main(int argc, char **argv)
{
	cli_init(&command, argc, argv);
	struct settings set = {0};
	parse_options(argc, argv, &set);
	cli_open_output();

	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), ART_INPUT_RECORDS, NULL) !=
	    0)
		cli_fatal("out of memory");
	bool wrote = true;
	if (set.pages) {
		if (art_pages_json(&cli.out.buf, count_records(&in), set.per_page) != 0)
			cli_fatal("out of memory");
		cli_wrote();
	} else if (set.split) {
		wrote = split_pages(&in, &set) > 0;
	} else {
		wrote = one_page(&in, &set) > 0;
	}
	art_input_free(&in);
	return cli_finish_found(wrote);
}
