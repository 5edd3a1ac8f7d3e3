/* parallel.h - blocks of input lines worked on by several threads, and
 * taken back in the order they were read.
 *
 * One thread reads: it fills a block with whole lines (art_input_fill)
 * and hands it in.  Worker threads each turn a block into its results:
 * output bytes and notes about what could not be used, each note at the
 * place of the output where it belongs.  The reading thread takes the
 * blocks back in the order it handed them in, writes their output and
 * says their notes, so that what comes out is what one thread would have
 * written, in the same order.  A fixed number of blocks is in flight: the
 * reader waits for the oldest when all are taken, so memory stays bounded.
 *
 * The number of threads to use by default is the number of CPUs the
 * process may run on: its CPU affinity, and a cgroup's CPU quota.
 */
#ifndef ART_PARALLEL_H
#define ART_PARALLEL_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "record.h"

/* Lines of input a block holds: about this many bytes (a longer line
 * makes a block of its own). */
#define ART_BLOCK_BYTES (256u << 10)

struct art_block_line {
	size_t off, len;      /* in the block's text */
	unsigned long lineno; /* in its file */
};

/* Something a worker could not use, said by the reading thread once the
 * output written before it is out. */
struct art_block_note {
	size_t at; /* the length of the block's output when it was made */
	int kind;  /* the command's: which report to make */
	struct art_error err;
};

struct art_block {
	/* filled by the reader */
	const char *file;
	struct art_buf text;
	struct art_block_line *lines;
	size_t nlines, cap_lines;
	/* filled by the worker */
	struct art_buf out;
	struct art_block_note *notes;
	size_t nnotes, cap_notes;
	unsigned long items; /* lines that were records (or objects) */
	int status;          /* 0, or -1 when the worker ran out of memory */
};

/* Empty the block for the next use, keeping its memory. */
void art_block_clear(struct art_block *b);
/* Append a line of FILE's line LINENO.  -1 when out of memory. */
ART_MUST_CHECK int art_block_add_line(struct art_block *b, art_str line, unsigned long lineno);
static inline art_str art_block_line(const struct art_block *b, size_t i)
{
	return (art_str){b->text.p + b->lines[i].off, b->lines[i].len};
}
/* Note ERR of kind KIND at the end of the output so far.  -1 when out of
 * memory. */
ART_MUST_CHECK int art_block_note(struct art_block *b, int kind, const struct art_error *err);
void art_block_free(struct art_block *b);

/* A worker's work on one block: 0, or -1 when out of memory.  WORKER is
 * that thread's own state. */
typedef int (*art_pool_work)(void *worker, struct art_block *b);

struct art_pool {
	pthread_mutex_t mu;
	pthread_cond_t work_ready, work_done;
	pthread_t *threads;
	size_t nthreads, started;
	art_pool_work work;
	void *const *workers;
	struct art_block *blocks;
	bool *done;
	size_t nslots;
	uint64_t handed, next, taken; /* blocks handed in, given to a worker, taken back */
	bool stopping;
};

/* Start NTHREADS workers (at least 1), the i-th calling WORK with
 * WORKERS[i]; blocks in flight: twice as many plus two.  0, or -1 with
 * ERR's message set. */
ART_MUST_CHECK int art_pool_start(struct art_pool *p, size_t nthreads, art_pool_work work,
                                  void *const *workers, struct art_error *err);
/* The block to fill next, empty; NULL when every block is in flight
 * (take the oldest back first). */
struct art_block *art_pool_free_block(struct art_pool *p);
/* Hand in the block art_pool_free_block returned. */
void art_pool_hand_in(struct art_pool *p);
/* The oldest block handed in, once it is worked on (waiting for it);
 * NULL when none is in flight.  Give it back with art_pool_release. */
struct art_block *art_pool_take(struct art_pool *p);
void art_pool_release(struct art_pool *p);
/* Stop the workers (blocks in flight are finished first) and free all. */
void art_pool_stop(struct art_pool *p);

/* The CPUs this process may use: those of its affinity mask, fewer when
 * a cgroup's CPU quota (cgroup v2 cpu.max, or v1 cpu.cfs_quota_us) allows
 * less time; at least 1. */
size_t art_cpus_available(void);

#endif
