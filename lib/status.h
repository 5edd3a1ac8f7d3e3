/* status.h - what a fallible call of libart returns, and its error.
 *
 * Every reader and parser returns enum art_status; the message, and where
 * it applies, travels in struct art_error for the command to print.  The
 * library never prints.
 */
#ifndef ART_STATUS_H
#define ART_STATUS_H

/* ART_OK: done, or a record (a line, an element) handed out.
 * ART_EOF: the input is at its end.
 * ART_BAD: one record (line, element) was bad and skipped, the error says
 * which; reading may go on.
 * ART_FAIL: the current file cannot be read further (I/O error, an
 * unopenable file, memory); the next file may.
 * ART_NO_RECORDS: a file that was not empty gave no record at all (the
 * error, about the whole file, says what it looked like); reading goes on
 * with the next file.
 * ART_MORE: nothing yet: the text fed so far holds no whole record (line,
 * element); feed more. */
enum art_status {
	ART_OK = 0,
	ART_EOF = 1,
	ART_BAD = 2,
	ART_FAIL = 3,
	ART_NO_RECORDS = 4,
	ART_MORE = 5,
};

/* The room for a message, its NUL included: longer ones are cut.  jq's
 * messages quote the expression, hence the size. */
#define ART_ERROR_SIZE 1024

struct art_error {
	const char *file;   /* "-" is shown as "(standard input)" by commands */
	unsigned long line; /* 0 when the error is about the whole file */
	int errnum;         /* errno for system errors, else 0 */
	char msg[ART_ERROR_SIZE];
};

/* The message from FMT, about LINE (0: the whole file); errnum cleared,
 * the file left as it is. */
void art_error_set(struct art_error *e, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The message from FMT alone: where it applies (file, line) and errnum
 * stay as the caller set them.  For parsers and compilers, whose caller
 * knows the place. */
void art_error_msg(struct art_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
