/* art-filter - keep the records that match every test given. */
#include <config.h>

#include <locale.h>
#include <stdint.h>

#include "cli.h"

static const struct cli_command command = {
    .name = "art-filter",
    .synopsis = "[OPTION]... [FILE]...",
    .purpose = "Write the records that pass every test given, unchanged.",
    .options = "  -t, --tag=TAG        has tag TAG (repeatable: every one of them)\n"
               "      --any-tag=TAG    has at least one of the TAGs given (repeatable)\n"
               "      --not-tag=TAG    has none of the TAGs given (repeatable)\n"
               "  -s, --source=TEXT    the source is TEXT (repeatable: any of them)\n"
               "  -c, --category=TEXT  the category is TEXT (repeatable: any of them)\n"
               "  -i, --ignore-case    ignore case in tags, sources, categories and -g\n"
               "      --since=DATE     dated DATE (YYYY-MM-DD) or later\n"
               "      --until=DATE     dated DATE or earlier\n"
               "  -g, --grep=REGEX     the title or the summary matches the POSIX extended\n"
               "                       regular expression REGEX (repeatable: all of them)\n"
               "      --min-read=N     read_minutes is at least N\n"
               "      --max-read=N     read_minutes is at most N\n"
               "      --min-likes=N    likes is at least N\n"
               "  -e, --jq=EXPR        the jq expression EXPR selects the record: its first\n"
               "                       output is neither false nor null (repeatable)\n"
               "  -v, --invert         write the records that do not pass\n"
               "  -u, --unique         drop a record whose source, date and title equal\n"
               "                       those of a record written before\n"
               "\nExit status is 0 when a record was written, 1 when none was, 2 on error.\n\n",
};

enum {
	OPT_ANY_TAG = CLI_OPT_LOCAL,
	OPT_NOT_TAG,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_MIN_READ,
	OPT_MAX_READ,
	OPT_MIN_LIKES,
};

static const struct option long_options[] = {
    {"tag", required_argument, NULL, 't'},
    {"any-tag", required_argument, NULL, OPT_ANY_TAG},
    {"not-tag", required_argument, NULL, OPT_NOT_TAG},
    {"source", required_argument, NULL, 's'},
    {"category", required_argument, NULL, 'c'},
    {"ignore-case", no_argument, NULL, 'i'},
    {"since", required_argument, NULL, OPT_SINCE},
    {"until", required_argument, NULL, OPT_UNTIL},
    {"grep", required_argument, NULL, 'g'},
    {"min-read", required_argument, NULL, OPT_MIN_READ},
    {"max-read", required_argument, NULL, OPT_MAX_READ},
    {"min-likes", required_argument, NULL, OPT_MIN_LIKES},
    {"jq", required_argument, NULL, 'e'},
    {"invert", no_argument, NULL, 'v'},
    {"unique", no_argument, NULL, 'u'},
    CLI_LONG_OPTIONS,
};

static void add(struct art_filter *f, enum art_filter_list which, const char *text)
{
	if (art_filter_add(f, which, text) != 0)
		cli_fatal("out of memory");
}

static void set_date(struct art_filter *f, int which, const char *date)
{
	if (art_filter_set_date(f, which, date) != 0)
		cli_usage_error("invalid date for %s: '%s' (expected a real day as YYYY-MM-DD)",
		                which == 's' ? "--since" : "--until", date);
}

static int64_t number(const char *option, const char *arg)
{
	return (int64_t)cli_number(option, arg, 0, INT64_MAX);
}

static bool parse_options(int argc, char **argv, struct art_filter *f)
{
	bool unique = false;
	int opt;
	while ((opt = getopt_long(argc, argv, "t:s:c:ig:e:vu" CLI_SHORT_OPTIONS, long_options,
	                          NULL)) != -1) {
		switch (opt) {
		case 't':
			add(f, ART_FL_TAG, optarg);
			break;
		case OPT_ANY_TAG:
			add(f, ART_FL_ANY_TAG, optarg);
			break;
		case OPT_NOT_TAG:
			add(f, ART_FL_NOT_TAG, optarg);
			break;
		case 's':
			add(f, ART_FL_SOURCE, optarg);
			break;
		case 'c':
			add(f, ART_FL_CATEGORY, optarg);
			break;
		case 'g':
			add(f, ART_FL_REGEX, optarg);
			break;
		case 'e':
			add(f, ART_FL_JQ, optarg);
			break;
		case 'i':
			f->icase = true;
			break;
		case OPT_SINCE:
			set_date(f, 's', optarg);
			break;
		case OPT_UNTIL:
			set_date(f, 'u', optarg);
			break;
		case OPT_MIN_READ:
			f->min_read = number("--min-read", optarg);
			break;
		case OPT_MAX_READ:
			f->max_read = number("--max-read", optarg);
			break;
		case OPT_MIN_LIKES:
			f->min_likes = number("--min-likes", optarg);
			break;
		case 'v':
			f->invert = true;
			break;
		case 'u':
			unique = true;
			break;
		default:
			cli_common_option(opt, optarg);
		}
	}
	return unique;
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, ""); /* -i and -g follow the locale's characters, as grep does */
	cli_init(&command, argc, argv);
	struct art_filter f;
	art_filter_init(&f);
	bool unique = parse_options(argc, argv, &f);
	char msg[1024]; /* jq echoes the expression in its messages */
	if (art_filter_compile(&f, msg, sizeof msg) != 0)
		cli_fatal("%s", msg);
	cli_open_output();

	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), ART_INPUT_RECORDS, NULL) !=
	    0)
		cli_fatal("out of memory");
	struct art_hashset seen = {0};
	struct art_item item;
	bool wrote = false;
	while (cli_next(&in, &item)) {
		int keep = art_filter_match(&f, item.rec, msg, sizeof msg);
		if (keep < 0) {
			struct art_error err = {.file = item.file};
			art_error_set(&err, item.line, "jq: %s", msg);
			cli_input_error(&err);
			continue;
		}
		if (keep && unique && (keep = art_unique_first(&seen, item.rec)) < 0)
			cli_fatal("out of memory");
		if (keep) {
			cli_put_item(&item);
			wrote = true;
		}
	}
	art_input_free(&in);
	art_hashset_free(&seen);
	art_filter_free(&f);
	return cli_finish_found(wrote);
}
