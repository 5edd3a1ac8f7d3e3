/* art-filter - keep the records that match every test given. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

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
               "      --since=DATE     dated DATE or later; DATE is YYYY-MM-DD, YYYY-MM or\n"
               "                       YYYY (from its first day), today, yesterday, Nd or\n"
               "                       Nw (N days or weeks ago), in local time\n"
               "      --until=DATE     dated DATE or earlier (a month or year: to its end)\n"
               "  -g, --grep=REGEX     the title or the summary matches the POSIX extended\n"
               "                       regular expression REGEX (repeatable: all of them)\n"
               "      --min-read=N     read_minutes is at least N\n"
               "      --max-read=N     read_minutes is at most N\n"
               "      --min-likes=N    likes is at least N\n"
               "  -e, --jq=EXPR        the jq expression EXPR selects the record: its first\n"
               "                       output is neither false nor null (repeatable)\n"
               "  -v, --invert         write the records that do not pass\n"
               "  -u, --unique         write one copy of each record: drop a record whose\n"
               "                       source, date and title are those of another\n"
               "      --unique-by=KEYS one copy of each record, told apart by the top-level\n"
               "                       keys KEYS (comma-separated; source,date,title)\n"
               "      --keep=WHICH     the copy to write: first (the default) or last (in\n"
               "                       the place of the first; records are held till the end)\n"
               "  -S, --buffer-size=SIZE\n"
               "                       with --keep=last, hold at most SIZE of records in\n"
               "                       memory, then in a temporary file; SIZE as art-sort -S\n"
               "      --unseen=FILE    write only records no earlier run with the state\n"
               "                       FILE wrote (one copy each), and add them to FILE\n"
               "      --forget=AGE     drop from STATE what was first seen more than AGE ago:\n"
               "                       a number and h, d or w (hours, days, weeks): 180d\n"
               "  -j, --jobs=N         test records in N threads (default: the CPUs this\n"
               "                       process may use; 1 for one); the output is the same"
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
	OPT_UNIQUE_BY,
	OPT_KEEP,
	OPT_UNSEEN,
	OPT_FORGET,
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
    {"unique-by", required_argument, NULL, OPT_UNIQUE_BY},
    {"keep", required_argument, NULL, OPT_KEEP},
    {"buffer-size", required_argument, NULL, 'S'},
    {"unseen", required_argument, NULL, OPT_UNSEEN},
    {"forget", required_argument, NULL, OPT_FORGET},
    {"jobs", required_argument, NULL, 'j'},
    CLI_LONG_OPTIONS,
};

static void add(struct art_filter *f, enum art_filter_list which, const char *text)
{
	if (art_filter_add(f, which, text) != 0)
		cli_fatal("out of memory");
}

static void set_date(struct art_filter *f, int which, const char *date)
{
	static char today[10];
	if (!today[0] && art_date_today(today, getenv("ART_TODAY")) != 0)
		cli_usage_error("ART_TODAY is not a YYYY-MM-DD day: '%s'", getenv("ART_TODAY"));
	if (art_filter_set_date(f, which, date, today) != 0)
		cli_usage_error("invalid date for %s: '%s' (expected YYYY-MM-DD, YYYY-MM, YYYY, "
		                "today, yesterday, Nd or Nw)",
		                which == 's' ? "--since" : "--until", date);
}

static int64_t number(const char *option, const char *arg)
{
	return (int64_t)cli_number(option, arg, 0, INT64_MAX);
}

/* What to do with copies of a record. */
struct dedup {
	bool unique;
	struct art_identity id;
	enum art_keep keep;
	uint64_t budget;
	const char *budget_arg, *unseen, *forget_arg;
	int64_t forget; /* seconds, or -1 */
};

static void set_keys(struct dedup *d, const char *list)
{
	if (art_identity_parse(&d->id, list) != 0)
		cli_usage_error("invalid keys for --unique-by: '%s' (expected names separated by "
		                "commas, each once, at most %d)",
		                list, ART_IDENTITY_MAX_KEYS);
}

static void set_keep(struct dedup *d, const char *which)
{
	if (strcmp(which, "first") == 0)
		d->keep = ART_KEEP_FIRST;
	else if (strcmp(which, "last") == 0)
		d->keep = ART_KEEP_LAST;
	else
		cli_usage_error("invalid value for --keep: '%s' (expected first or last)", which);
}

/* What the options left to check once all were read. */
static void settle_dedup(struct dedup *d)
{
	if (d->budget_arg && d->keep != ART_KEEP_LAST)
		cli_usage_error("--buffer-size is for --keep=last");
	if (d->unseen && strcmp(d->unseen, "-") == 0)
		cli_usage_error("--unseen needs a file, not standard output");
	if (d->forget_arg && !d->unseen)
		cli_usage_error("--forget is for --unseen");
	if (d->budget_arg && art_sort_parse_size(d->budget_arg, &d->budget) != 0)
		cli_usage_error("invalid size for --buffer-size: '%s'", d->budget_arg);
	if (!d->budget_arg)
		d->budget = art_sort_default_size();
	d->forget = -1;
	if (d->forget_arg && art_seen_duration(d->forget_arg, &d->forget) != 0)
		cli_usage_error("invalid age for --forget: '%s' (expected a number and h, d or "
		                "w: 36h, 180d, 26w)",
		                d->forget_arg);
}

static void parse_options(int argc, char **argv, struct art_filter *f, struct dedup *d)
{
	art_identity_default(&d->id);
	int opt;
	while ((opt = getopt_long(argc, argv, "t:s:c:ig:e:vuS:j:" CLI_SHORT_OPTIONS, long_options,
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
			d->unique = true;
			break;
		case OPT_UNIQUE_BY:
			set_keys(d, optarg);
			d->unique = true;
			break;
		case OPT_KEEP:
			set_keep(d, optarg);
			d->unique = true;
			break;
		case 'S':
			d->budget_arg = optarg;
			break;
		case OPT_UNSEEN:
			d->unseen = optarg;
			d->unique = true;
			break;
		case OPT_FORGET:
			d->forget_arg = optarg;
			break;
		case 'j':
			cli_jobs_option(optarg);
			break;
		default:
			cli_common_option(opt, optarg);
		}
	}
	settle_dedup(d);
}

static struct dedup dd;
static struct art_unique uniq;
static struct art_seen seen;
static struct art_out seen_out;
static struct art_buf line;

/* Open, lock and read STATE, and open its new version beside it. */
static void open_state(void)
{
	struct art_error err = {0};
	if (art_seen_open(&seen, dd.unseen, &dd.id, (int64_t)time(NULL), dd.forget, &uniq, &err) !=
	    ART_OK)
		cli_input_fatal(&err);
	cli_open_side(&seen_out, dd.unseen);
}

/* A record that passed: written now, dropped, or held (--keep=last).
 * True when written. */
static bool pass(const struct art_item *item)
{
	if (!dd.unique) {
		cli_put_item(item);
		return true;
	}
	struct art_error err; /* lib sets it when it fails */
	uint64_t h = art_identity_hash(&dd.id, item->rec);
	art_buf_clear(&line);
	if (dd.keep == ART_KEEP_LAST && art_item_put(&line, item) != 0)
		cli_fatal("out of memory");
	int added = art_unique_offer(&uniq, h, art_buf_str(&line), &err);
	if (added < 0)
		cli_fatal("%s", err.msg);
	if (added && dd.unseen && art_seen_add(&seen, &dd.id, h, item->rec, &err) != 0)
		cli_fatal("%s: %s", dd.unseen, err.msg);
	if (added && dd.keep == ART_KEEP_FIRST)
		cli_put_item(item);
	return added && dd.keep == ART_KEEP_FIRST;
}

/* --keep=last: the records held, each where its first copy stood. */
static bool write_held(void)
{
	struct art_error err = {0};
	art_str held;
	bool wrote = false;
	int rc;
	while (!cli.out.err && (rc = art_unique_next(&uniq, &held, &err)) == ART_OK) {
		if (art_buf_append(&cli.out.buf, held.p, held.n) != 0)
			cli_fatal("out of memory");
		cli_wrote();
		wrote = true;
	}
	if (!cli.out.err && rc == ART_FAIL)
		cli_fatal("%s", err.msg);
	return wrote;
}

static struct art_filter filter;
static bool wrote;

/* One record read: tested, and written when it passes. */
static void take(const struct art_item *item)
{
	struct art_error jq;
	int keep = art_filter_match(&filter, item, &jq);
	if (keep < 0) {
		struct art_error err = {.file = item->file};
		art_error_set(&err, item->line, "jq: %s", jq.msg);
		if (cli_bad_is_fatal()) /* let the jq state go first */
			art_filter_free(&filter);
		cli_reject(&err);
		return;
	}
	if (keep && pass(item))
		wrote = true;
}

/* -j: each thread tests with a filter of its own (its jq programs and
 * regular expressions compiled for it). */
static void *new_worker(void)
{
	struct art_filter *f = malloc(sizeof *f);
	if (!f || art_filter_copy(f, &filter) != 0)
		cli_fatal("out of memory");
	struct art_error jq;
	if (art_filter_compile(f, &jq) != 0)
		cli_fatal("%s", jq.msg);
	return f;
}

static int test(void *worker, const struct art_item *item, struct art_buf *out,
                struct art_error *err)
{
	struct art_error jq;
	int keep = art_filter_match(worker, item, &jq);
	if (keep < 0) {
		art_error_set(err, item->line, "jq: %s", jq.msg);
		return ART_BAD;
	}
	return keep ? art_item_put(out, item) : 0;
}

static void block_written(const struct art_block *b)
{
	if (b->out.len)
		wrote = true;
}

static void end_worker(void *worker)
{
	art_filter_free(worker);
	free(worker);
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, ""); /* -i and -g follow the locale's characters, as grep does */
	cli_init(&command, argc, argv);
	art_filter_init(&filter);
	parse_options(argc, argv, &filter, &dd);
	struct art_error jq;
	if (art_filter_compile(&filter, &jq) != 0)
		cli_fatal("%s", jq.msg);
	art_unique_init(&uniq, dd.keep, dd.budget);
	if (dd.unseen)
		open_state();
	cli_open_output();

	struct art_input in;
	if (art_input_init(&in, argv + optind, (size_t)(argc - optind), ART_INPUT_RECORDS, NULL) !=
	    0)
		cli_fatal("out of memory");
	/* copies are told apart in input order, by this thread only */
	const struct cli_threads threads = {
	    .item = take,
	    .mode = ART_INPUT_RECORDS,
	    .new_worker = new_worker,
	    .work = dd.unique ? NULL : test,
	    .block = block_written,
	    .end_worker = end_worker,
	};
	cli_read(&in, &threads);
	if (dd.keep == ART_KEEP_LAST && write_held())
		wrote = true;
	struct art_error err = {0};
	if (dd.unseen && art_seen_write(&seen, &dd.id, &seen_out, &err) != 0)
		cli_fatal("%s: %s", dd.unseen, err.msg);
	int status = cli_finish_found(wrote);
	if (dd.unseen)
		art_seen_close(&seen);
	art_input_free(&in);
	art_unique_free(&uniq);
	art_buf_free(&line);
	art_filter_free(&filter);
	return status;
}
