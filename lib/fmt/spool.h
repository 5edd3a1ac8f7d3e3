/* spool.h - bytes kept back to be written later: in memory up to a limit,
 * beyond it in a temporary file (unlinked at once, in $TMPDIR or /tmp).
 *
 * For writers that must see every record before their first byte (a count
 * at the top of the page): the records go to a spool, the top is written,
 * then the spool is copied out.  Memory stays bounded by the limit.  Also
 * for what art-filter holds until the end: the last copy of each record
 * (--keep=last, read back out of order) and the entries of --unseen.
 */
#ifndef ART_SPOOL_H
#define ART_SPOOL_H

#include <stdint.h>

#include "buf.h"
#include "output.h"

#define ART_SPOOL_LIMIT (4u << 20) /* 4 MiB */

struct art_spool {
	struct art_buf buf; /* append here, then call art_spool_settle */
	size_t limit;
	int fd;           /* the temporary file, -1 while everything is in memory */
	int err;          /* errno of the first failure */
	uint64_t in_file; /* bytes moved to the file; buf holds those after them */
};

void art_spool_init(struct art_spool *s, size_t limit);
/* Move the buffer to the file once it holds more than the limit.  0, or -1
 * with s->err set (after which the spool drops everything). */
ART_MUST_CHECK int art_spool_settle(struct art_spool *s);
/* Everything spooled, appended to OUT in blocks (art_out_ready after
 * each); the spool is empty afterwards.  0, or -1 with s->err set. */
ART_MUST_CHECK int art_spool_copy(struct art_spool *s, struct art_out *out);
/* For spools read out of order (art-filter --keep=last): the offset the
 * next byte appended will have, and N bytes from offset OFF (appended
 * together, with a settle after them) in *OUT, valid until the next call.
 * 0, or -1 with s->err set. */
static inline uint64_t art_spool_size(const struct art_spool *s)
{
	return s->in_file + s->buf.len;
}
ART_MUST_CHECK int art_spool_read(struct art_spool *s, uint64_t off, size_t n,
                                  struct art_buf *scratch, art_str *out);
void art_spool_free(struct art_spool *s);

#endif
