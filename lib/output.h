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
};

/* PATH NULL or "-" means standard output.  A PATH that names something
 * other than a regular file (/dev/null, a FIFO, a terminal) is written to
 * directly; a symbolic link is followed, so the file it points to is
 * replaced, keeping its permissions.  -1 with errno set. */
int art_out_open(struct art_out *o, const char *path);
/* Write the buffer out when it holds a block or more.  -1 after a failure. */
int art_out_ready(struct art_out *o);
int art_out_flush(struct art_out *o);
/* Flush and close; with -o, move the file into place.  -1 with o->err. */
int art_out_close(struct art_out *o);
/* Give up: remove the temporary file and leave FILE as it was. */
void art_out_abort(struct art_out *o);

#endif
