#include <config.h>

#include "parallel.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

void art_block_clear(struct art_block *b)
{
	b->file = NULL;
	art_buf_clear(&b->text);
	b->nlines = 0;
	art_buf_clear(&b->out);
	b->nnotes = 0;
	b->items = 0;
	b->status = 0;
}

int art_block_add_line(struct art_block *b, art_str line, unsigned long lineno)
{
	if (art_grow(&b->lines, &b->cap_lines, b->nlines + 1, sizeof *b->lines, 1024) != 0)
		return -1;
	b->lines[b->nlines++] = (struct art_block_line){b->text.len, line.n, lineno};
	return art_buf_append(&b->text, line.p, line.n);
}

int art_block_note(struct art_block *b, int kind, const struct art_error *err)
{
	if (art_grow(&b->notes, &b->cap_notes, b->nnotes + 1, sizeof *b->notes, 8) != 0)
		return -1;
	b->notes[b->nnotes++] = (struct art_block_note){b->out.len, kind, *err};
	return 0;
}

void art_block_free(struct art_block *b)
{
	art_buf_free(&b->text);
	art_buf_free(&b->out);
	free(b->lines);
	free(b->notes);
	memset(b, 0, sizeof *b);
}

/* A worker: the oldest block handed in and not yet given to a worker,
 * until the pool stops. */
static void *worker_main(void *arg)
{
	struct art_pool *p = arg;
	pthread_mutex_lock(&p->mu);
	size_t self = p->started++;
	for (;;) {
		while (p->next == p->handed && !p->stopping)
			pthread_cond_wait(&p->work_ready, &p->mu);
		if (p->next == p->handed)
			break; /* stopping, and nothing left */
		size_t slot = p->next++ % p->nslots;
		pthread_mutex_unlock(&p->mu);
		struct art_block *b = &p->blocks[slot];
		b->status = p->work(p->workers[self], b);
		pthread_mutex_lock(&p->mu);
		p->done[slot] = true;
		pthread_cond_broadcast(&p->work_done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void free_pool(struct art_pool *p)
{
	for (size_t i = 0; p->blocks && i < p->nslots; i++)
		art_block_free(&p->blocks[i]);
	free(p->blocks);
	free(p->done);
	free(p->threads);
	pthread_cond_destroy(&p->work_ready);
	pthread_cond_destroy(&p->work_done);
	pthread_mutex_destroy(&p->mu);
}

int art_pool_start(struct art_pool *p, size_t nthreads, art_pool_work work, void *const *workers,
                   struct art_error *err)
{
	memset(p, 0, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_ready, NULL);
	pthread_cond_init(&p->work_done, NULL);
	p->nthreads = nthreads ? nthreads : 1;
	p->nslots = 2 * p->nthreads + 2;
	p->work = work;
	p->workers = workers;
	p->blocks = calloc(p->nslots, sizeof *p->blocks);
	p->done = calloc(p->nslots, sizeof *p->done);
	p->threads = calloc(p->nthreads, sizeof *p->threads);
	if (!p->blocks || !p->done || !p->threads) {
		free_pool(p);
		art_error_set(err, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < p->nthreads; i++) {
		int rc = pthread_create(&p->threads[i], NULL, worker_main, p);
		if (rc != 0) {
			p->nthreads = i;
			art_pool_stop(p);
			art_error_set(err, 0, "cannot start a thread: %s", strerror(rc));
			return -1;
		}
	}
	return 0;
}

struct art_block *art_pool_free_block(struct art_pool *p)
{
	/* only this thread changes handed and taken */
	if (p->handed - p->taken == p->nslots)
		return NULL;
	struct art_block *b = &p->blocks[p->handed % p->nslots];
	art_block_clear(b);
	return b;
}

void art_pool_hand_in(struct art_pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->handed++;
	pthread_cond_signal(&p->work_ready);
	pthread_mutex_unlock(&p->mu);
}

struct art_block *art_pool_take(struct art_pool *p)
{
	if (p->taken == p->handed)
		return NULL;
	size_t slot = p->taken % p->nslots;
	pthread_mutex_lock(&p->mu);
	while (!p->done[slot])
		pthread_cond_wait(&p->work_done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	return &p->blocks[slot];
}

void art_pool_release(struct art_pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->done[p->taken++ % p->nslots] = false;
	pthread_mutex_unlock(&p->mu);
}

void art_pool_stop(struct art_pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->stopping = true;
	pthread_cond_broadcast(&p->work_ready);
	pthread_mutex_unlock(&p->mu);
	for (size_t i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	free_pool(p);
	memset(p, 0, sizeof *p);
}

/* The CPU time a cgroup v2 directory allows ("max" or "QUOTA PERIOD" in
 * cpu.max), in CPUs rounded up; 0 when it sets no limit. */
static size_t cgroup2_limit(const char *dir)
{
	char path[4096];
	snprintf(path, sizeof path, "/sys/fs/cgroup%s/cpu.max", dir);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	long long quota, period;
	int n = fscanf(f, "%lld %lld", &quota, &period);
	fclose(f);
	if (n != 2 || quota <= 0 || period <= 0)
		return 0; /* "max", or unreadable */
	return (size_t)((quota + period - 1) / period);
}

/* The same for cgroup v1's cpu.cfs_quota_us and cpu.cfs_period_us. */
static size_t cgroup1_limit(const char *dir)
{
	static const char *const mounts[] = {"/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/cpu"};
	for (size_t i = 0; i < sizeof mounts / sizeof *mounts; i++) {
		char path[4096];
		long long quota = 0, period = 0;
		snprintf(path, sizeof path, "%s%s/cpu.cfs_quota_us", mounts[i], dir);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		int n = fscanf(f, "%lld", &quota);
		fclose(f);
		snprintf(path, sizeof path, "%s%s/cpu.cfs_period_us", mounts[i], dir);
		if (n != 1 || quota <= 0 || !(f = fopen(path, "r")))
			return 0;
		n = fscanf(f, "%lld", &period);
		fclose(f);
		return n == 1 && period > 0 ? (size_t)((quota + period - 1) / period) : 0;
	}
	return 0;
}

/* The smallest limit of the process's cgroup and of those above it
 * (a parent's quota holds for its children too); 0 for none. */
static size_t cgroup_limit(void)
{
	FILE *f = fopen("/proc/self/cgroup", "r");
	if (!f)
		return 0;
	char line[4096];
	size_t best = 0;
	while (fgets(line, sizeof line, f)) {
		char *path = strchr(line, ':');
		path = path ? strchr(path + 1, ':') : NULL;
		if (!path)
			continue;
		bool v2 = strncmp(line, "0::", 3) == 0;
		bool cpu = strstr(line, ":cpu,") || strstr(line, ",cpu:") || strstr(line, ":cpu:");
		if (!v2 && !cpu)
			continue;
		char *dir = path + 1;
		dir[strcspn(dir, "\n")] = '\0';
		for (;;) {
			size_t n = v2 ? cgroup2_limit(dir) : cgroup1_limit(dir);
			if (n && (!best || n < best))
				best = n;
			char *slash = strrchr(dir, '/');
			if (!slash || slash == dir)
				break;
			*slash = '\0';
		}
		size_t n = v2 ? cgroup2_limit("") : cgroup1_limit("");
		if (n && (!best || n < best))
			best = n;
	}
	fclose(f);
	return best;
}

size_t art_cpus_available(void)
{
	size_t n = 1;
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		n = (size_t)CPU_COUNT(&set);
	size_t quota = cgroup_limit();
	if (quota && quota < n)
		n = quota;
	return n;
}
