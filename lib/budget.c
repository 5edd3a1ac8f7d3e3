#include <config.h>

#include "budget.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

/* The number in the file PATH ("max", or no such file: UINT64_MAX). */
static uint64_t read_limit(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return UINT64_MAX;
	unsigned long long v;
	int got = fscanf(f, "%llu", &v);
	fclose(f);
	return got == 1 ? (uint64_t)v : UINT64_MAX;
}

/* The least limit in the files NAME of GROUP ("/a/b", cut in place) and
 * its parents up to the root, under the directory DIR. */
static uint64_t group_limit(const char *dir, char *group, const char *name)
{
	uint64_t limit = UINT64_MAX;
	char path[4096 + 256];
	for (;;) {
		snprintf(path, sizeof path, "%s%s/%s", dir, group, name);
		uint64_t v = read_limit(path);
		limit = v < limit ? v : limit;
		if (*group == '\0') /* that was the root */
			return limit;
		*strrchr(group, '/') = '\0';
	}
}

/* Does the list of controllers C ("cpu,memory") name memory? */
static bool has_memory(const char *c, size_t n)
{
	for (const char *end = c + n; c < end;) {
		size_t len = strcspn(c, ",");
		if (len > (size_t)(end - c))
			len = (size_t)(end - c);
		if (len == 6 && memcmp(c, "memory", 6) == 0)
			return true;
		c += len + 1;
	}
	return false;
}

uint64_t art_sort_cgroup_limit(const char *fs, const char *self)
{
	char line[4096], dir[4096];
	uint64_t limit = UINT64_MAX;
	FILE *f = fopen(self, "r");
	if (!f)
		return limit;
	/* a line is ID:CONTROLLERS:/GROUP; cgroup v2 has "0::" */
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *c = strchr(line, ':'), *g = c ? strchr(c + 1, ':') : NULL;
		if (!g || g[1] != '/')
			continue;
		uint64_t v = UINT64_MAX;
		if (strncmp(line, "0::", 3) == 0) {
			v = group_limit(fs, g + 1, "memory.max");
		} else if (has_memory(c + 1, (size_t)(g - c - 1))) {
			snprintf(dir, sizeof dir, "%s/memory", fs);
			v = group_limit(dir, g + 1, "memory.limit_in_bytes");
		}
		limit = v < limit ? v : limit;
	}
	fclose(f);
	return limit;
}

/* The memory this process may use: the machine's, or its control group's
 * limit when that is less (a container's memory is not the host's). */
static uint64_t physical_memory(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	uint64_t mem = pages > 0 && psz > 0 ? (uint64_t)pages * (uint64_t)psz
	                                    : UINT64_C(1) << 30; /* unknown: a small machine */
	uint64_t group = art_sort_cgroup_limit("/sys/fs/cgroup", "/proc/self/cgroup");
	return group < mem ? group : mem;
}

int art_sort_parse_size(const char *s, uint64_t *bytes)
{
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	uint64_t mult = 1024;
	if (*end) {
		if (end[1])
			return -1;
		switch (*end) {
		case 'b':
			mult = 1;
			break;
		case 'k':
		case 'K':
			break;
		case 'm':
		case 'M':
			mult = UINT64_C(1) << 20;
			break;
		case 'g':
		case 'G':
			mult = UINT64_C(1) << 30;
			break;
		case 't':
		case 'T':
			mult = UINT64_C(1) << 40;
			break;
		case '%':
			if (v > 100)
				return -1;
			*bytes = physical_memory() / 100 * v;
			return 0;
		default:
			return -1;
		}
	}
	if (v > UINT64_MAX / mult)
		return -1;
	*bytes = v * mult;
	return 0;
}

uint64_t art_sort_default_size(void)
{
	uint64_t size = physical_memory() / 4;
	long avail = sysconf(_SC_AVPHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
	if (avail > 0 && psz > 0 && (uint64_t)avail * (uint64_t)psz / 2 < size)
		size = (uint64_t)avail * (uint64_t)psz / 2;
	const int limits[] = {RLIMIT_AS, RLIMIT_DATA};
	for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
		struct rlimit rl;
		if (getrlimit(limits[i], &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
		    (uint64_t)rl.rlim_cur / 2 < size)
			size = (uint64_t)rl.rlim_cur / 2;
	}
	const uint64_t floor = UINT64_C(8) << 20;
	return size < floor ? floor : size;
}
