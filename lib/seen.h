/* seen.h - the state file of art-filter --unseen: the identities earlier
 * runs of a job have written, each with the time it was first seen.
 *
 * The file is NDJSON, written by art-filter and readable by people and jq
 * (art(7) describes it):
 *
 *   {"art_unseen":1,"keys":["source","date","title"]}
 *   {"first_seen":"2026-12-03T06:00:00Z","id":"8c1d53f0b2a9e471","key":{...}}
 *
 * A run opens the file and locks it for its whole length (a second run of
 * the same job waits), reads its identities into a struct art_unique, adds
 * the identities it writes, and at the end writes a new file: the header,
 * the entries kept (all, or those seen within --forget), then its own.
 * That file replaces the old one only when the run succeeded (cli does
 * this: see cli_open_side), so a failed run changes nothing.
 *
 * A missing file is an empty one; while it is being made, its directory is
 * locked instead (flock on the directory), so two first runs also queue.
 */
#ifndef ART_SEEN_H
#define ART_SEEN_H

#include <stdint.h>

#include "output.h"
#include "record.h"
#include "fmt/spool.h"
#include "unique.h"

struct art_seen_range {
	size_t off, len;
};

struct art_seen {
	const char *path;
	int fd;          /* the file, locked; -1 when there was none */
	int dirfd;       /* its directory, locked while there is no file */
	const char *map; /* the file's bytes */
	size_t size;
	struct art_seen_range *kept; /* the entries to write again */
	size_t nkept, kcap;
	size_t nread, nforgotten; /* entries read, and dropped by --forget */
	struct art_spool added;   /* the entries of this run */
	size_t nadded;
	int64_t cutoff; /* entries first seen before this are forgotten */
	char now[21];   /* the time of this run, as entries show it */
	struct art_buf line;
};

/* A time as entries show it ("2026-12-03T06:00:00Z", UTC) in OUT, and the
 * other way: -1 when TEXT is not one. */
void art_seen_time_format(int64_t t, char out[21]);
int art_seen_time_parse(art_str text, int64_t *t);
/* A duration of --forget: a whole number followed by h (hours), d (days)
 * or w (weeks), in seconds.  -1 when S is not one. */
int art_seen_duration(const char *s, int64_t *seconds);

/* Open, lock and read the state file PATH for a run at time NOW that
 * tells records apart by ID, forgetting the entries first seen more than
 * FORGET seconds before NOW (FORGET < 0: none).  The identities go into U,
 * as known ones.  ART_OK, or ART_FAIL with ERR (a system error, or a file
 * that is not a state file, or one of other keys: ERR says where). */
int art_seen_open(struct art_seen *s, const char *path, const struct art_identity *id, int64_t now,
                  int64_t forget, struct art_unique *u, struct art_error *err);
/* Add an entry for the record R, whose identity is H, written by the run.
 * -1 with ERR when out of memory or the temporary file failed. */
int art_seen_add(struct art_seen *s, const struct art_identity *id, uint64_t h,
                 const struct art_record *r, struct art_error *err);
/* Write the new file to OUT (opened on its path by the caller, see
 * cli_open_side; art_out_close moves it into place).  -1 with ERR. */
int art_seen_write(struct art_seen *s, const struct art_identity *id, struct art_out *out,
                   struct art_error *err);
/* Unmap and close; the lock goes with the file.  Call it after OUT was
 * moved into place. */
void art_seen_close(struct art_seen *s);

#endif
