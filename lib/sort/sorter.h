/* sort/sorter.h - the sorter's insides, seen only by lib/sort/.
 *
 * keys.c     the keys: parsing them, comparing them, the blob a record is
 *            kept as and its 8-byte prefix; sorting the entries in memory
 * runs.c     sorted runs written to temporary files when the budget is
 *            reached (spilling), and runs of one level merged into one
 * merge.c    the sources of a merge (runs, memory, sorted inputs) and the
 *            merge itself, the final one included
 * sorter.c   the sorter: records in, lines out
 * The memory budget (sizes, cgroup limits) is lib/budget.c.
 */
#ifndef ART_SORT_SORTER_H
#define ART_SORT_SORTER_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "sort.h"

/* A record is kept as a blob: [u32 size][u32 line length][keys][line]. */
#define BLOB_HEAD 8

static inline uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

struct ent {
	uint64_t prefix;
	const unsigned char *blob;
};

struct run {
	int fd;
	int level; /* 0 for a run of records from memory, n+1 for a merge of level-n runs */
};

enum { SRC_RUN, SRC_MEM, SRC_INPUT };

struct src {
	int kind;
	const unsigned char *cur; /* the current blob; NULL when done */
	/* SRC_RUN */
	int fd;
	unsigned char *buf;
	size_t cap, pos, end;
	/* SRC_MEM */
	size_t i;
	/* SRC_INPUT */
	art_sort_source_fn *next;
	void *ctx;
	struct art_buf blob[2];
	int which;
	bool reported;
};

struct merge {
	struct src *src;
	size_t nsrc;
	size_t *heap;
	size_t nheap;
	bool started;
};

struct input {
	art_sort_source_fn *next;
	void *ctx;
};

struct art_sorter {
	struct art_sort_spec spec;
	uint64_t budget;
	char *tmpdir;
	/* records in memory */
	unsigned char **chunks;
	size_t *chunk_sizes;
	size_t nchunks, cur, used, chunk;
	struct ent *ents;
	size_t n, cap;
	uint64_t held;
	struct art_buf line; /* the blob being made */
	/* runs on disk, oldest first */
	struct run *runs;
	size_t nruns, runs_cap, written;
	/* sorted sources */
	struct input *inputs;
	size_t ninputs;
	/* the final merge */
	bool finishing;
	struct merge final;
	struct art_error *pending;
	size_t npending, next_pending;
};

#define RUN_READ_BLOCK  (1u << 16)
#define RUN_WRITE_BLOCK (1u << 18)
#define FINAL_FANIN     (4 * ART_SORT_FANIN)

struct run_writer {
	int fd;
	struct art_buf buf;
};

/* keys.c */
struct art_sort_spec sort_normalized(const struct art_sort_spec *spec);
/* ITEM's blob in B: the head, the keys, the line as it was read. */
int sort_make_blob(const struct art_sort_spec *sp, const struct art_item *item, struct art_buf *b);
art_str sort_blob_line(const unsigned char *b);
/* <0, 0, >0 as blob A sorts before, with, or after blob B. */
int sort_blob_cmp(const struct art_sort_spec *sp, const unsigned char *a, const unsigned char *b);
uint64_t sort_prefix(const struct art_sort_spec *sp, const unsigned char *keys);
/* The records in memory sorted: ART_OK, or ART_FAIL when out of memory. */
int sort_memory(struct art_sorter *s, struct art_error *err);

/* runs.c */
int sort_run_create(struct art_sorter *s, int *fd, struct art_error *err);
int sort_run_put(struct art_sorter *s, struct run_writer *w, const unsigned char *blob,
                 struct art_error *err);
int sort_run_close(struct art_sorter *s, struct run_writer *w, struct art_error *err);
/* The records in memory sorted into a new run, merging runs as they add up. */
int sort_spill(struct art_sorter *s, struct art_error *err);

/* merge.c */
void sort_src_close(struct src *x);
struct src sort_run_src(const struct run *r);
int sort_merge_init(struct art_sorter *s, struct merge *m, struct src *src, size_t nsrc,
                    struct art_error *err);
void sort_merge_free(struct merge *m);
int sort_merge_next(struct art_sorter *s, struct merge *m, const unsigned char **blob,
                    struct art_error *err);
int sort_merge_to_run(struct art_sorter *s, struct src *src, size_t nsrc, int *fd,
                      struct art_error *err);
int sort_finish(struct art_sorter *s, struct art_error *err);

/* sorter.c: what every part reports failures with */
int sort_oom(struct art_error *err);
int sort_sys_fail(struct art_sorter *s, struct art_error *err, const char *what, int errnum);

#endif
