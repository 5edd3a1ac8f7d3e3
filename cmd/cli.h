/* cli.h - what every art command shares.
 *
 * Its name in messages, the options all commands take (-o, -q, --strict,
 * --line-buffered, -h, -V), the one way to report a bad record or a failed
 * file, the read loop's step, the writing of records, and the exit status
 * at the end.  Messages look like "art-parse: FILE:LINE: what is wrong".
 */
#ifndef ART_CLI_H
#define ART_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdnoreturn.h>

#include "art.h"

enum art_exit {
	ART_EXIT_OK = 0,      /* done, and (for filters) something was written */
	ART_EXIT_NOTHING = 1, /* filters and pages: no record matched */
	ART_EXIT_FAILURE = 2, /* an error, or input with content and no records */
};

/* Bad records and inputs are reported one message each up to this many a
 * run; the count at the end says how many there were. */
#define CLI_MESSAGES_MAX 20

struct cli_command {
	const char *name;     /* "art-parse" */
	const char *synopsis; /* "[OPTION]... [FILE]..." */
	const char *purpose;  /* one sentence for --help */
	const char *options;  /* the command's own option lines for --help */
};

struct cli {
	const struct cli_command *cmd;
	const char *output;       /* -o FILE */
	unsigned long max_errors; /* bad records and inputs allowed; --strict: 0 */
	bool quiet;               /* -q: only the count at the end */
	bool line_buffered;       /* --line-buffered: each record or row written out at once */
	unsigned long skipped;    /* bad records */
	unsigned long skipped_in; /* inputs with content and no records */
	unsigned long shown;      /* messages about either, so far */
	unsigned long records;    /* records handed out and not rejected */
	bool content;             /* some input had content */
	int status;
	struct art_out out;
	struct art_out *side;      /* a second file written, see cli_open_side */
	struct art_commit pending; /* files written, to move into place at the end */
	size_t jobs;               /* -j N; 0: as many as the CPUs we may use */
};
extern struct cli cli;

enum {
	CLI_OPT_STRICT = 0x100,
	CLI_OPT_MAX_ERRORS,
	CLI_OPT_LINE_BUFFERED,
	CLI_OPT_LOCAL = 0x200 /* first free code */
};

/* clang-format off */
#define CLI_SHORT_OPTIONS "ho:qV"
#define CLI_LONG_OPTIONS \
	{"help", no_argument, NULL, 'h'}, \
	{"output", required_argument, NULL, 'o'}, \
	{"quiet", no_argument, NULL, 'q'}, \
	{"strict", no_argument, NULL, CLI_OPT_STRICT}, \
	{"max-errors", required_argument, NULL, CLI_OPT_MAX_ERRORS}, \
	{"line-buffered", no_argument, NULL, CLI_OPT_LINE_BUFFERED}, \
	{"version", no_argument, NULL, 'V'}, \
	{NULL, 0, NULL, 0}
/* clang-format on */

void cli_init(const struct cli_command *cmd, int argc, char **argv);
/* Options every command takes; any other code is a usage error. */
void cli_common_option(int opt, const char *arg);
noreturn void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report and remember failure (exit 2 at the end). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report, drop the -o files (leaving what they replace as it was), exit 2
 * now. */
noreturn void cli_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* FILE as messages show it: "-" is "(standard input)". */
const char *cli_file_name(const char *file);
/* Report a bad record the reader found and count it (the first
 * CLI_MESSAGES_MAX reports are shown, none with -q); fatal past
 * --max-errors (--strict: the first). */
void cli_bad_record(const struct art_error *err);
/* The same for a record cli_next handed out that the command could not
 * use (a jq error, say): it no longer counts as read. */
void cli_reject(const struct art_error *err);
/* Whether one more bad record ends the run (for a command that frees what
 * it holds first). */
bool cli_bad_is_fatal(void);
/* Report an error about one place of the input ("FILE:LINE: msg", or
 * "FILE: msg" when the line is 0) and remember failure. */
void cli_input_error(const struct art_error *err);
/* The same, then drop the -o file and exit 2 now, as cli_fatal does. */
noreturn void cli_input_fatal(const struct art_error *err);
/* ARG as a whole number: decimal digits only, at most UINT64_MAX.  True
 * with *v set, or false. */
bool cli_whole_number(const char *arg, uint64_t *v);
/* The value of a numeric option: a decimal number from MIN to MAX, or a
 * usage error naming OPTION ("--per-page"). */
uint64_t cli_number(const char *option, const char *arg, uint64_t min, uint64_t max);
/* A usage error when both of the long options named A and B ("pages",
 * "split") were given; each is NULL when it was not. */
void cli_exclusive(const char *a, const char *b);
/* The display columns to fit: COLUMNS when it is a whole number above 0,
 * else the terminal's width when standard output is a terminal (and no -o
 * was given), else FALLBACK. */
size_t cli_display_width(size_t fallback);
/* The columns of the terminal that standard output is (no -o given):
 * COLUMNS when it is a whole number above 0, else the terminal's own
 * width (80 when unknown); 0 when standard output is not a terminal. */
size_t cli_terminal_width(void);
/* The value of --width N: 1 to 100000 display columns, or a usage error. */
size_t cli_width_option(const char *arg);
/* Whether to colour, by --color WHEN: "always" (or no WHEN), "never", or
 * "auto": standard output is a terminal (no -o) and NO_COLOR is not set
 * to a non-empty value.  Anything else is a usage error. */
bool cli_color(const char *when);

/* -j N, --jobs=N: the threads of a command that reads with several. */
#define CLI_JOBS_MAX 1024
void cli_jobs_option(const char *arg);
/* The threads to use: -j N, else the CPUs this process may run on (its
 * affinity and cgroup CPU quota, art_cpus_available). */
size_t cli_jobs(void);

/* The read loop, in one thread or several.  ITEM gets every item read in
 * this thread, in its turn.  With -j above 1 and WORK given, the lines of
 * NDJSON files go in blocks to other threads (parallel.h), each with a
 * state of its own (NEW_WORKER makes one, or ends the run): WORK turns the
 * item of a line into what one thread would append to the output (OUT),
 * or returns ART_BAD with ERR's message said as cli_reject says it (-1
 * when out of memory).  Everything else (listing text, JSON arrays, the
 * first record of each file, the files' errors) goes to ITEM here.  The
 * blocks come back in input order: their output is written, their bad
 * lines said as cli_next says them, and BLOCK (when given) sees each;
 * END_WORKER (when given) sees each worker's state at the end, in order,
 * then frees it.  When READY is given, blocks go to other threads only
 * once it says yes (it must stay so): until then, this thread parses a
 * block's lines itself and gives each item to ITEM, as one thread does. */
struct cli_threads {
	void (*item)(const struct art_item *item);
	enum art_input_mode mode; /* of the workers' reading, as IN's */
	void *(*new_worker)(void);
	int (*work)(void *worker, const struct art_item *item, struct art_buf *out,
	            struct art_error *err);
	void (*block)(const struct art_block *b);
	void (*end_worker)(void *worker);
	bool (*ready)(void);
	/* when given, called on an exit for an error while threads run, after
	 * they ended and END_WORKER saw each state: free what a leak checker
	 * would report (jq's state) */
	void (*abort)(void);
};
void cli_read(struct art_input *in, const struct cli_threads *threads);

/* Open standard output or -o FILE. */
void cli_open_output(void);
/* Open PATH as a second output, SIDE, beside the -o file or standard
 * output (art-filter --unseen writes its STATE so).  It follows the
 * output: cli_finish moves it into place after the output, and only when
 * the run has not failed (status 0 or 1); a fatal error or a signal
 * removes its temporary file and leaves PATH as it was. */
void cli_open_side(struct art_out *side, const char *path);
/* For commands that write several files: finish the output open now
 * (moving its file into place; fatal when that fails) and open PATH
 * (NULL for standard output) as cli_open_output does.  PATH must stay
 * valid while it is the output. */
void cli_switch_output(const char *path);
/* The read loop's step: the next item, or false when the input is done or
 * the output failed.  Bad records and unreadable files are reported here. */
bool cli_next(struct art_input *in, struct art_item *item);
/* Append a record to the output. */
void cli_put_record(const struct art_record *r);
/* Append an item as it was read (art_item_put): the way to pass records
 * through unchanged, with their key order, extra keys and nested values. */
void cli_put_item(const struct art_item *item);
/* Hand what was appended to cli.out.buf over to the output. */
void cli_wrote(void);
/* Close the output and return the exit status: 2 after an error, or when
 * the inputs had content but gave no record, and then the -o files are
 * dropped and what they would have replaced is left as it was. */
int cli_finish(void);
/* The same for commands that can find nothing (filters, pages): exit
 * status 1 when FOUND is false and all went well. */
int cli_finish_found(bool found);

#endif
