/* output.h - where a command writes: standard output, or with -o FILE a
 * temporary file beside FILE that replaces it only when everything was
 * written, so a reader of FILE never sees half of it.
 *
 * Bytes go into one large buffer that is written out with write(2).  The
 * first failed write is kept in err (EPIPE when the reader went away) and
 * everything after it is dropped; commands stop reading once it is set.
 */
#ifndef ART_OUTPUT_H
#define ART_OUTPUT_H

#include <stdbool.h>

#include "buf.h"

#define ART_OUT_BLOCK (1u << 16)

struct art_out {
	int fd;
	int err;
	struct art_buf buf; /* append here, then call art_out_ready */
	char *path;         /* -o FILE */
	char *tmp;          /* the temporary file while it exists */
	bool close_fd;      /* -o names no regular file: fd is it, to close */
	bool replaces;      /* FILE existed: the run would replace it */
	bool line_buffered; /* art_out_ready writes out whatever it holds */
	bool hold;          /* never written out: buf is a thread's share of the
	                     * output, which another thread writes (parallel.h) */
};

/* Files written in full that wait to replace their targets: a command that
 * writes several (art-page --split) moves them all into place at the end of
 * a run that succeeded, or removes them all, so that a failed run replaces
 * nothing.  The names are plain arrays so that a signal handler may unlink
 * the temporary files. */
struct art_commit {
	char **tmp, **path;
	size_t n, cap;
};

/* All N bytes at P to the descriptor FD, however many writes that takes
 * (an interrupted one is tried again): the one write loop of libart.  0, or
 * -1 with errno set. */
ART_MUST_CHECK int art_write_all(int fd, const void *p, size_t n);

/* PATH NULL or "-" means standard output.  A PATH that names something
 * other than a regular file (/dev/null, a FIFO, a terminal) is written to
 * directly; a symbolic link is followed, so the file it points to is
 * replaced, keeping its permissions.  -1 with errno set. */
ART_MUST_CHECK int art_out_open(struct art_out *o, const char *path);
/* Write the buffer out when it holds a block or more, or, when
 * line_buffered (set after art_out_open), anything: callers call it after
 * each record or row, so that a reader down a pipe sees each at once.  -1
 * after a failure, which stays in o->err: callers may look there instead,
 * once a loop. */
int art_out_ready(struct art_out *o);
ART_MUST_CHECK int art_out_flush(struct art_out *o);
/* Flush and close; with -o, move the file into place.  -1 with o->err. */
ART_MUST_CHECK int art_out_close(struct art_out *o);
/* Give up: remove the temporary file and leave FILE as it was. */
void art_out_abort(struct art_out *o);
/* Flush and close, and with -o hand the written file to C instead of
 * moving it into place.  -1 with o->err. */
ART_MUST_CHECK int art_out_close_into(struct art_out *o, struct art_commit *c);
/* Move every file of C into place, in order; -1 with errno and *FAILED
 * (the target that could not be replaced) at the first failure, after
 * which the files not yet moved are removed. */
ART_MUST_CHECK int art_commit_apply(struct art_commit *c, const char **failed);
/* File I of C (in the order written) is to replace PATH instead.  0, or -1
 * when out of memory. */
ART_MUST_CHECK int art_commit_retarget(struct art_commit *c, size_t i, const char *path);
/* Remove every file of C, replacing nothing. */
void art_commit_discard(struct art_commit *c);
void art_commit_free(struct art_commit *c);

#endif
