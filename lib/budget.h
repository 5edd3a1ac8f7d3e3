/* budget.h - how much memory a command that holds records back may use:
 * art-sort, and art-filter --keep=last (-S SIZE).
 *
 * A size is given as sort(1) takes it, or chosen from what the machine,
 * the control group (a container's memory is not the host's) and the
 * rlimits allow.
 */
#ifndef ART_BUDGET_H
#define ART_BUDGET_H

#include <stdint.h>

#include "buf.h"

/* A memory size as sort(1) takes it: a number with an optional suffix,
 * b (bytes), K, M, G, T (powers of 1024; no suffix means K), or % (of
 * physical memory).  0, or -1 when S is no size. */
ART_MUST_CHECK int art_sort_parse_size(const char *s, uint64_t *bytes);
/* The budget when none is given: a quarter of physical memory (or of the
 * control group's memory limit, when that is less), but no more than half
 * of what is free now, nor half of a memory rlimit. */
uint64_t art_sort_default_size(void);
/* The memory limit of this process's control group, under the cgroup file
 * system FS (/sys/fs/cgroup) as the file SELF (/proc/self/cgroup) names
 * it: the least memory.max (cgroup v2) or memory.limit_in_bytes (v1) of
 * the group and its parents; UINT64_MAX when there is none. */
uint64_t art_sort_cgroup_limit(const char *fs, const char *self);

#endif
