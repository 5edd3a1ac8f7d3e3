#include <config.h>

#include "cli.h"

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct cli cli;

static volatile sig_atomic_t dying;

void cli_init(const struct cli_command *cmd, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli.cmd = cmd;
	cli.status = ART_EXIT_OK;
	cli.max_errors = ULONG_MAX;
}

static void print_help(void)
{
	printf("Usage: %s %s\n%s\n\n", cli.cmd->name, cli.cmd->synopsis, cli.cmd->purpose);
	printf("With no FILE, or when FILE is -, read standard input.  Input is listing\n"
	       "text or NDJSON records, told apart by the first non-blank character.\n\n");
	fputs(cli.cmd->options, stdout);
	fputs("  -o, --output=FILE    write to FILE, replacing it only once all is written\n"
	      "  -q, --quiet          no message per bad record: only their count at the end\n"
	      "      --max-errors=N   the (N+1)th bad record or input is an error (exit 2)\n"
	      "      --strict         the first bad record is an error: --max-errors=0\n"
	      "      --line-buffered  write each record or row out at once\n"
	      "  -h, --help           display this help and exit\n"
	      "  -V, --version        output version information and exit\n",
	      stdout);
	printf("\nSee %s(1) and art(7).\n", cli.cmd->name);
}

static noreturn void exit_after_stdout(void)
{
	if (fclose(stdout) != 0) {
		fprintf(stderr, "%s: write error: %s\n", cli.cmd->name, strerror(errno));
		exit(ART_EXIT_FAILURE);
	}
	exit(ART_EXIT_OK);
}

void cli_common_option(int opt, const char *arg)
{
	switch (opt) {
	case 'h':
		print_help();
		exit_after_stdout();
	case 'V':
		printf("%s (%s) %s\n", cli.cmd->name, PACKAGE_NAME, PACKAGE_VERSION);
		exit_after_stdout();
	case 'o':
		cli.output = arg;
		break;
	case 'q':
		cli.quiet = true;
		break;
	case CLI_OPT_STRICT:
		cli.max_errors = 0;
		break;
	case CLI_OPT_MAX_ERRORS:
		cli.max_errors = (unsigned long)cli_number("--max-errors", arg, 0, ULONG_MAX);
		break;
	case CLI_OPT_LINE_BUFFERED:
		cli.line_buffered = true;
		break;
	default: /* getopt_long has said what was wrong */
		fprintf(stderr, "Try '%s --help' for more information.\n", cli.cmd->name);
		exit(ART_EXIT_FAILURE);
	}
}

static void vreport(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", cli.cmd->name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* The read loop's threads while they run (-j). */
static struct {
	struct art_pool *pool;
	const struct cli_threads *t;
	struct worker *workers; /* defined below */
	size_t n;
} running;
static void stop_threads(void);

/* Exit 2, leaving the side file (cli_open_side) as it was. */
static noreturn void exit_failed(void)
{
	stop_threads();
	if (cli.side)
		art_out_abort(cli.side);
	exit(ART_EXIT_FAILURE);
}

void cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", cli.cmd->name);
	exit(ART_EXIT_FAILURE);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	cli.status = ART_EXIT_FAILURE;
}

static void drop_outputs(void);
static void report_skipped(void);

/* Exit 2 after the message: the outputs dropped, the count said. */
static noreturn void die(void)
{
	drop_outputs();
	report_skipped();
	exit_failed();
}

void cli_fatal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	die();
}

/* "art-CMD: FILE:LINE: what is wrong", or "FILE: ..." for a whole file. */
static void report_at(const struct art_error *err)
{
	if (err->line)
		fprintf(stderr, "%s: %s:%lu: %s\n", cli.cmd->name, cli_file_name(err->file),
		        err->line, err->msg);
	else
		fprintf(stderr, "%s: %s: %s\n", cli.cmd->name, cli_file_name(err->file), err->msg);
}

const char *cli_file_name(const char *file)
{
	return strcmp(file, "-") == 0 ? "(standard input)" : file;
}

/* One message about a bad record or input: the first CLI_MESSAGES_MAX are
 * shown, then a line saying the rest are not; none with -q.  Fatal once
 * more than --max-errors were found. */
static void report_bad(const char *what, const struct art_error *err)
{
	if (cli_bad_is_fatal()) {
		report_at(err);
		die();
	}
	if (cli.quiet || cli.shown > CLI_MESSAGES_MAX)
		return;
	if (cli.shown++ == CLI_MESSAGES_MAX) {
		fprintf(stderr, "%s: further bad %s are not shown\n", cli.cmd->name, what);
		return;
	}
	report_at(err);
}

void cli_bad_record(const struct art_error *err)
{
	report_bad("records", err);
	cli.skipped++;
}

void cli_reject(const struct art_error *err)
{
	assert(cli.records > 0); /* only what cli_next handed out */
	cli.records--;
	cli_bad_record(err);
}

bool cli_bad_is_fatal(void)
{
	return cli.skipped + cli.skipped_in >= cli.max_errors;
}

static void skip_input(const struct art_error *err)
{
	report_bad("records and inputs", err);
	cli.skipped_in++;
}

void cli_input_error(const struct art_error *err)
{
	report_at(err);
	cli.status = ART_EXIT_FAILURE;
}

void cli_input_fatal(const struct art_error *err)
{
	cli_input_error(err);
	drop_outputs();
	report_skipped();
	exit_failed();
}

bool cli_whole_number(const char *arg, uint64_t *v)
{
	char *end;
	if (*arg < '0' || *arg > '9')
		return false;
	errno = 0;
	unsigned long long n = strtoull(arg, &end, 10);
	if (*end || errno == ERANGE)
		return false;
	*v = n;
	return true;
}

uint64_t cli_number(const char *option, const char *arg, uint64_t min, uint64_t max)
{
	uint64_t v;
	if (!cli_whole_number(arg, &v))
		cli_usage_error("invalid number for %s: '%s'", option, arg);
	if (v < min && max == UINT64_MAX)
		cli_usage_error("%s must be at least %" PRIu64 ": '%s'", option, min, arg);
	if (v < min || v > max)
		cli_usage_error("%s must be from %" PRIu64 " to %" PRIu64 ": '%s'", option, min,
		                max, arg);
	return v;
}

void cli_exclusive(const char *a, const char *b)
{
	if (a && b)
		cli_usage_error("--%s and --%s cannot be used together", a, b);
}

static bool on_terminal(void)
{
	return !cli.output && isatty(STDOUT_FILENO);
}

/* The terminal's own width, or 0 when it is not known. */
static int terminal_columns(void)
{
	struct winsize ws;
	return on_terminal() && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}

size_t cli_display_width(size_t fallback)
{
	int term = terminal_columns();
	return art_chart_width(getenv("COLUMNS"), term > 0 ? term : (int)fallback);
}

size_t cli_terminal_width(void)
{
	/* a terminal of unknown size is taken to be 80 columns wide */
	return on_terminal() ? art_chart_width(getenv("COLUMNS"), terminal_columns()) : 0;
}

size_t cli_width_option(const char *arg)
{
	return (size_t)cli_number("--width", arg, 1, 100000);
}

bool cli_color(const char *when)
{
	if (!when || strcmp(when, "always") == 0)
		return true;
	if (strcmp(when, "never") == 0)
		return false;
	if (strcmp(when, "auto") != 0)
		cli_usage_error("invalid --color '%s': use auto, always or never", when);
	const char *no_color = getenv("NO_COLOR");
	return on_terminal() && !(no_color && *no_color);
}

static void remove_temp_and_die(int sig)
{
	if (!dying) {
		dying = 1;
		char *tmp = cli.out.tmp, *side = cli.side ? cli.side->tmp : NULL;
		if (tmp)
			unlink(tmp);
		if (side)
			unlink(side);
		for (size_t i = 0; i < cli.pending.n; i++)
			unlink(cli.pending.tmp[i]);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* An interrupted run removes its temporary files.  A signal ignored on
 * entry (nohup, a background job) stays ignored. */
static void remove_temp_on_signals(void)
{
	struct sigaction sa = {.sa_handler = remove_temp_and_die}, old;
	sigemptyset(&sa.sa_mask);
	int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

void cli_open_output(void)
{
	/* Over a file size limit a write fails (EFBIG) instead of killing us. */
	signal(SIGXFSZ, SIG_IGN);
	if (cli.output && strcmp(cli.output, "-") != 0)
		remove_temp_on_signals();
	if (art_out_open(&cli.out, cli.output) != 0)
		cli_fatal("%s: %s", cli.output, strerror(errno));
	cli.out.line_buffered = cli.line_buffered;
}

void cli_open_side(struct art_out *side, const char *path)
{
	signal(SIGXFSZ, SIG_IGN);
	remove_temp_on_signals();
	if (art_out_open(side, path) != 0)
		cli_fatal("%s: %s", path, strerror(errno));
	cli.side = side;
}

/* The side file follows the output: into place when all went well. */
static void finish_side(void)
{
	struct art_out *side = cli.side;
	if (!side)
		return;
	cli.side = NULL;
	if (cli.status == ART_EXIT_FAILURE) {
		art_out_abort(side);
		return;
	}
	const char *path = side->path ? cli_file_name(side->path) : "(standard output)";
	char name[4096];
	snprintf(name, sizeof name, "%s", path); /* art_out_close frees side->path */
	if (art_out_close(side) != 0)
		cli_error("%s: %s", name, strerror(side->err));
}

void cli_switch_output(const char *path)
{
	if (art_out_close_into(&cli.out, &cli.pending) != 0) {
		if (cli.out.err == EPIPE)
			exit_failed();
		cli_fatal("%s: %s", cli.output ? cli.output : "write error", strerror(cli.out.err));
	}
	cli.output = path;
	cli_open_output();
}

bool cli_next(struct art_input *in, struct art_item *item)
{
	struct art_error err;
	while (!cli.out.err) {
		int rc = art_input_next(in, item, &err);
		cli.content |= in->content;
		switch (rc) {
		case ART_OK:
			cli.records++;
			return true;
		case ART_EOF:
			return false;
		case ART_BAD:
			cli_bad_record(&err);
			break;
		case ART_NO_RECORDS:
			skip_input(&err);
			break;
		case ART_FAIL:
			cli_input_error(&err);
			break;
		}
	}
	return false;
}

void cli_wrote(void)
{
	art_out_ready(&cli.out);
}

void cli_put_record(const struct art_record *r)
{
	if (art_json_put_record(&cli.out.buf, r) != 0)
		cli_fatal("out of memory");
	art_out_ready(&cli.out);
}

void cli_put_item(const struct art_item *item)
{
	if (art_item_put(&cli.out.buf, item) != 0)
		cli_fatal("out of memory");
	art_out_ready(&cli.out);
}

/* Remove every file this run was writing, and say that what they would
 * have replaced is as it was. */
static void drop_outputs(void)
{
	bool replaced = cli.out.replaces;
	const char *target = cli.out.tmp ? cli.output : NULL;
	/* standard output, a device or a pipe has what was written so far,
	 * as it would have from a stream: only files are held back */
	if (target)
		art_out_abort(&cli.out);
	else if (art_out_close(&cli.out) != 0 && cli.out.err != EPIPE)
		fprintf(stderr, "%s: %s: %s\n", cli.cmd->name,
		        cli.output ? cli.output : "write error", strerror(cli.out.err));
	size_t held = cli.pending.n;
	art_commit_discard(&cli.pending);
	if (held) /* art-page --split: the pages so far, and the one open */
		fprintf(
		    stderr,
		    "%s: %zu files not written; the files they would replace are as they were\n",
		    cli.cmd->name, held + (target != NULL));
	else if (target)
		fprintf(stderr, "%s: %s %s\n", cli.cmd->name, target,
		        replaced ? "left as it was" : "not written");
}

/* The count that ends every run with bad records or inputs. */
static void report_skipped(void)
{
	unsigned long r = cli.skipped, i = cli.skipped_in;
	if (r && i)
		fprintf(stderr, "%s: %lu record%s and %lu input%s skipped\n", cli.cmd->name, r,
		        r == 1 ? "" : "s", i, i == 1 ? "" : "s");
	else if (r || i)
		fprintf(stderr, "%s: %lu %s%s skipped\n", cli.cmd->name, r + i,
		        r ? "record" : "input", r + i == 1 ? "" : "s");
}

/* Move the outputs into place: 0, or -1 having said why. */
static int commit_outputs(void)
{
	int rc = 0;
	if (art_out_close(&cli.out) != 0) {
		if (cli.out.err == EPIPE)
			exit_failed(); /* the reader went away: nothing to say */
		cli_error("%s: %s", cli.output ? cli.output : "write error", strerror(cli.out.err));
		rc = -1;
	}
	const char *failed;
	if (rc == 0 && art_commit_apply(&cli.pending, &failed) != 0) {
		cli_error("%s: %s", failed, strerror(errno));
		rc = -1;
	}
	art_commit_discard(&cli.pending); /* what is left after a failure */
	art_commit_free(&cli.pending);
	return rc;
}

int cli_finish(void)
{
	/* inputs with content and not one record: a report of nothing must
	 * not look like a success */
	if (cli.status != ART_EXIT_FAILURE && cli.content && cli.records == 0)
		cli_error(cli.skipped ? "no good records in the input" : "no records in the input");
	bool failed;
	if (cli.status == ART_EXIT_FAILURE) {
		drop_outputs();
		failed = true;
	} else {
		failed = commit_outputs() != 0;
	}
	report_skipped();
	/* What a command printed with stdio: a closed stdout (EBADF) is an
	 * error only when something was to go there; a failure of cli.out has
	 * been reported above. */
	bool pending = __fpending(stdout) != 0, had_error = ferror(stdout) != 0;
	int e = fclose(stdout) != 0 ? errno : 0;
	if (!failed && e != EPIPE && (had_error || (e && (pending || e != EBADF)))) {
		if (e)
			cli_error("write error: %s", strerror(e));
		else
			cli_error("write error");
	}
	finish_side();
	return cli.status;
}

int cli_finish_found(bool found)
{
	int status = cli_finish();
	return status == ART_EXIT_OK && !found ? ART_EXIT_NOTHING : status;
}

size_t cli_jobs(void)
{
	return cli.jobs ? cli.jobs : art_cpus_available();
}

void cli_jobs_option(const char *arg)
{
	cli.jobs = (size_t)cli_number("--jobs", arg, 1, CLI_JOBS_MAX);
}

enum { NOTE_BAD, NOTE_REJECT };

/* A block's output, and its notes where they belong in it: what one
 * thread would have written and said. */
static void put_block(const struct art_block *b)
{
	if (b->status != 0)
		cli_fatal("out of memory");
	cli.records += b->items;
	size_t at = 0;
	for (size_t i = 0; i <= b->nnotes && !cli.out.err; i++) {
		size_t end = i < b->nnotes ? b->notes[i].at : b->out.len;
		if (end > at && art_buf_append(&cli.out.buf, b->out.p + at, end - at) != 0)
			cli_fatal("out of memory");
		art_out_ready(&cli.out);
		at = end;
		if (i == b->nnotes)
			break;
		if (b->notes[i].kind == NOTE_REJECT)
			cli_reject(&b->notes[i].err);
		else
			cli_bad_record(&b->notes[i].err);
	}
}

/* A worker thread's own reader (for its records) and the command's state. */
struct worker {
	struct art_input in;
	const struct cli_threads *t;
	void *state;
};

static int work_block(void *arg, struct art_block *b)
{
	struct worker *w = arg;
	for (size_t i = 0; i < b->nlines; i++) {
		struct art_item item;
		struct art_error err;
		if (art_input_parse(&w->in, b, i, &item, &err) != ART_OK) {
			if (art_block_note(b, NOTE_BAD, &err) != 0)
				return -1;
			continue;
		}
		b->items++;
		int rc = w->t->work(w->state, &item, &b->out, &err);
		if (rc == ART_BAD) {
			err.file = item.file;
			err.line = item.line;
			err.errnum = 0;
			if (art_block_note(b, NOTE_REJECT, &err) != 0)
				return -1;
		} else if (rc != 0) {
			return -1;
		}
	}
	return 0;
}

/* Take the oldest block back, when there is one in flight. */
static bool take_block(struct art_pool *pool, const struct cli_threads *t)
{
	struct art_block *b = art_pool_take(pool);
	if (!b)
		return false;
	put_block(b);
	if (t->block)
		t->block(b);
	art_pool_release(pool);
	return true;
}

/* A block read before the workers may have it: its lines worked on here,
 * as cli_next and ITEM would have, through PARSER (a reader of no file). */
static void work_here(struct art_input *parser, const struct art_block *b,
                      const struct cli_threads *t)
{
	for (size_t i = 0; i < b->nlines && !cli.out.err; i++) {
		struct art_item item;
		struct art_error err;
		if (art_input_parse(parser, b, i, &item, &err) != ART_OK) {
			cli_bad_record(&err);
			continue;
		}
		cli.records++;
		t->item(&item);
	}
}

/* An exit for an error while threads run: they end first, and the
 * command frees its states (jq's, which a leak checker would report as
 * lost), as at the end of a run. */
static void stop_threads(void)
{
	struct art_pool *pool = running.pool;
	if (!pool)
		return;
	running.pool = NULL;
	art_pool_stop(pool);
	for (size_t i = 0; i < running.n; i++)
		if (running.t->end_worker)
			running.t->end_worker(running.workers[i].state);
	if (running.t->abort)
		running.t->abort();
}

static void read_threaded(struct art_input *in, const struct cli_threads *t, size_t n)
{
	struct worker *workers = calloc(n, sizeof *workers);
	void **args = calloc(n, sizeof *args);
	if (!workers || !args)
		cli_fatal("out of memory");
	for (size_t i = 0; i < n; i++) {
		if (art_input_init(&workers[i].in, NULL, 0, t->mode, in->tagger) != 0)
			cli_fatal("out of memory");
		workers[i].t = t;
		workers[i].state = t->new_worker();
		args[i] = &workers[i];
	}
	struct art_pool pool;
	struct art_error err = {0};
	if (art_pool_start(&pool, n, work_block, args, &err) != 0)
		cli_fatal("%s", err.msg);
	running.t = t;
	running.workers = workers;
	running.n = n;
	running.pool = &pool;
	struct art_input parser;
	if (art_input_init(&parser, NULL, 0, t->mode, in->tagger) != 0)
		cli_fatal("out of memory");
	struct art_item item;
	while (!cli.out.err) {
		struct art_block *b = art_pool_free_block(&pool);
		if (!b) { /* all in flight: the oldest first */
			take_block(&pool, t);
			continue;
		}
		int rc = art_input_fill(in, b, ART_BLOCK_BYTES);
		if (rc == ART_FAIL)
			cli_fatal("out of memory");
		if (b->nlines && t->ready && !t->ready())
			work_here(&parser, b, t); /* nothing is in flight: ready never was */
		else if (b->nlines)
			art_pool_hand_in(&pool);
		if (rc == ART_OK)
			continue;
		/* not lines of NDJSON: what comes next is read here, once all
		 * before it is out */
		while (take_block(&pool, t))
			;
		if (!cli_next(in, &item))
			break;
		t->item(&item);
	}
	while (take_block(&pool, t))
		;
	running.pool = NULL;
	art_pool_stop(&pool);
	art_input_free(&parser);
	for (size_t i = 0; i < n; i++) {
		if (t->end_worker)
			t->end_worker(workers[i].state);
		art_input_free(&workers[i].in);
	}
	free(workers);
	free(args);
}

void cli_read(struct art_input *in, const struct cli_threads *t)
{
	size_t jobs = cli_jobs();
	if (jobs > 1 && t->work) {
		read_threaded(in, t, jobs);
		return;
	}
	struct art_item item;
	while (cli_next(in, &item))
		t->item(&item);
}
