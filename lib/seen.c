#include <config.h>

#include "seen.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "json.h"

/* ---- times and durations ---- */

void art_seen_time_format(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm) || strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20)
		snprintf(out, 21, "1970-01-01T00:00:00Z"); /* beyond year 9999 */
}

/* Days from 1970-01-01 to the day Y-M-D of the proleptic Gregorian
 * calendar (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* The number of the N digits at P, or -1. */
static int digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

int art_seen_time_parse(art_str text, int64_t *t)
{
	const char *p = text.p;
	if (text.n != 20 || !art_date_is_iso((art_str){p, 10}) || p[10] != 'T' || p[13] != ':' ||
	    p[16] != ':' || p[19] != 'Z')
		return -1;
	int h = digits(p + 11, 2), m = digits(p + 14, 2), s = digits(p + 17, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60)
		return -1;
	int64_t day =
	    days_from_civil(digits(p, 4), (unsigned)digits(p + 5, 2), (unsigned)digits(p + 8, 2));
	*t = day * 86400 + h * 3600 + m * 60 + s;
	return 0;
}

int art_seen_duration(const char *s, int64_t *seconds)
{
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	char *end;
	unsigned long long n = strtoull(s, &end, 10);
	int64_t unit = *end == 'h' ? 3600 : *end == 'd' ? 86400 : *end == 'w' ? 7 * 86400 : 0;
	if (errno || !unit || end[1] || n > (unsigned long long)(INT64_MAX / unit))
		return -1;
	*seconds = (int64_t)n * unit;
	return 0;
}

/* ---- locking ---- */

static int sys_fail(struct art_error *err, const char *what)
{
	err->errnum = errno;
	art_error_set(err, 0, "%s%s", what, strerror(errno));
	return ART_FAIL;
}

/* Lock the state file; when there is none, its directory (until the run
 * that holds it has made the file).  A file replaced while we waited (the
 * run before us wrote a new one) is opened again. */
static int lock(struct art_seen *s, struct art_error *err)
{
	for (;;) {
		int fd = open(s->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd >= 0) {
			struct stat held, now;
			if (flock(fd, LOCK_EX) != 0 || fstat(fd, &held) != 0) {
				sys_fail(err, "");
				close(fd);
				return ART_FAIL;
			}
			if (!S_ISREG(held.st_mode)) {
				close(fd);
				errno = S_ISDIR(held.st_mode) ? EISDIR : EINVAL;
				return sys_fail(err, "");
			}
			if (stat(s->path, &now) == 0 && now.st_dev == held.st_dev &&
			    now.st_ino == held.st_ino) {
				s->fd = fd;
				return ART_OK;
			}
			close(fd);
			continue;
		}
		if (errno != ENOENT)
			return sys_fail(err, "");
		const char *slash = strrchr(s->path, '/');
		char dir[4096];
		snprintf(dir, sizeof dir, "%.*s",
		         slash ? (int)(slash - s->path) + (slash == s->path) : 1,
		         slash ? s->path : ".");
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd < 0)
			return sys_fail(err, "its directory: ");
		if (flock(dfd, LOCK_EX) != 0) {
			sys_fail(err, "its directory: ");
			close(dfd);
			return ART_FAIL;
		}
		if (access(s->path, F_OK) != 0 && errno == ENOENT) {
			s->dirfd = dfd;
			return ART_OK;
		}
		close(dfd); /* made while we waited */
	}
}

/* ---- reading ---- */

static int bad(struct art_error *err, unsigned long line, const char *what)
{
	art_error_set(err, line, "%s", what);
	return ART_FAIL;
}

static bool same_keys(const struct art_jobject *o, const struct art_jfield *keys,
                      const struct art_identity *id)
{
	if (keys->type != ART_J_ARRAY || !keys->strings || keys->nitems != id->nkeys)
		return false;
	for (size_t i = 0; i < id->nkeys; i++)
		if (!art_str_eq(o->items[keys->item0 + i], id->key[i].name))
			return false;
	return true;
}

static int read_header(struct art_seen *s, art_str line, const struct art_identity *id,
                       struct art_error *err)
{
	struct art_jobject o = {0};
	struct art_error ignored; /* what is wrong is said otherwise */
	const struct art_jfield *version = NULL, *keys = NULL;
	if (art_json_parse(&o, line, &ignored) == 0) {
		version = art_jobject_get(&o, "art_unseen");
		keys = art_jobject_get(&o, "keys");
	}
	int rc = ART_OK;
	if (!version || !keys) {
		rc = bad(err, 1,
		         "not a state file of art-filter --unseen "
		         "(its first line is no {\"art_unseen\":1,\"keys\":[...]})");
	} else if (!art_str_eq(version->raw, ART_STR("1"))) {
		rc = bad(err, 1, "a state file of another version of art-filter");
	} else if (!same_keys(&o, keys, id)) {
		struct art_buf want = {0};
		art_identity_put_names(&want, id);
		art_error_set(err, 1, "its identities are of the keys %.*s, not %.*s",
		              (int)(keys->raw.n < 80 ? keys->raw.n : 80), keys->raw.p,
		              (int)want.len, want.p ? want.p : "");
		art_buf_free(&want);
		rc = ART_FAIL;
	}
	art_jobject_free(&o);
	(void)s;
	return rc;
}

static int hex_id(art_str text, uint64_t *h)
{
	if (text.n != 16)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < 16; i++) {
		char c = text.p[i];
		int d = c >= '0' && c <= '9'   ? c - '0'
		        : c >= 'a' && c <= 'f' ? c - 'a' + 10
		        : c >= 'A' && c <= 'F' ? c - 'A' + 10
		                               : -1;
		if (d < 0)
			return -1;
		v = v << 4 | (uint64_t)d;
	}
	*h = v;
	return 0;
}

#define FAST_HEAD "{\"first_seen\":\""
#define FAST_ID   "\",\"id\":\""
#define FAST_SIZE (sizeof FAST_HEAD - 1 + 20 + sizeof FAST_ID - 1 + 16 + 1)

/* An entry's time and identity.  Lines as art-filter writes them are read
 * in place; any other JSON object (a person's edit, jq's output) is parsed. */
static int read_entry(struct art_seen *s, art_str line, int64_t *t, uint64_t *h)
{
	const size_t head = sizeof FAST_HEAD - 1, at_id = head + 20 + sizeof FAST_ID - 1;
	if (line.n >= FAST_SIZE && memcmp(line.p, FAST_HEAD, head) == 0 &&
	    memcmp(line.p + head + 20, FAST_ID, sizeof FAST_ID - 1) == 0 &&
	    line.p[at_id + 16] == '"')
		return art_seen_time_parse((art_str){line.p + head, 20}, t) == 0 &&
		               hex_id((art_str){line.p + at_id, 16}, h) == 0
		           ? 0
		           : -1;
	struct art_jobject o = {0};
	struct art_error ignored; /* what is wrong is said otherwise */
	int rc = -1;
	if (art_json_parse(&o, line, &ignored) == 0) {
		const struct art_jfield *first = art_jobject_get(&o, "first_seen"),
		                        *id = art_jobject_get(&o, "id");
		if (first && id && first->type == ART_J_STRING && id->type == ART_J_STRING &&
		    art_seen_time_parse(first->str, t) == 0 && hex_id(id->str, h) == 0)
			rc = 0;
	}
	art_jobject_free(&o);
	(void)s;
	return rc;
}

/* Keep the entry at [OFF, OFF+LEN) for the new file, joined to the range
 * before it when they touch. */
static int keep(struct art_seen *s, size_t off, size_t len)
{
	if (s->nkept && s->kept[s->nkept - 1].off + s->kept[s->nkept - 1].len == off) {
		s->kept[s->nkept - 1].len += len;
		return 0;
	}
	if (art_grow(&s->kept, &s->kcap, s->nkept + 1, sizeof *s->kept, 16) != 0)
		return -1;
	s->kept[s->nkept++] = (struct art_seen_range){off, len};
	return 0;
}

/* How many entries the file holds, from the length of its first lines,
 * so that the set is made big enough at once. */
static size_t entries_estimate(const struct art_seen *s)
{
	size_t sample = s->size < (64u << 10) ? s->size : 64u << 10, lines = 0;
	for (const char *p = s->map, *end = p + sample; (p = memchr(p, '\n', (size_t)(end - p)));
	     p++)
		lines++;
	return lines ? s->size / (sample / lines) + lines : 0;
}

static int read_entries(struct art_seen *s, const struct art_identity *id, struct art_unique *u,
                        struct art_error *err)
{
	if (art_unique_reserve(u, entries_estimate(s)) != 0) {
		errno = ENOMEM;
		return sys_fail(err, "");
	}
	unsigned long lineno = 0;
	for (size_t off = 0; off < s->size;) {
		const char *p = s->map + off, *nl = memchr(p, '\n', s->size - off);
		size_t len = nl ? (size_t)(nl - p) : s->size - off, next = off + len + (nl != NULL);
		art_str line = {p, len};
		lineno++;
		if (lineno == 1) {
			if (read_header(s, line, id, err) != ART_OK)
				return ART_FAIL;
		} else if (len > 0) {
			int64_t t;
			uint64_t h;
			if (read_entry(s, line, &t, &h) != 0)
				return bad(err, lineno,
				           "not an entry {\"first_seen\":\"YYYY-MM-DDTHH:MM:SSZ\","
				           "\"id\":\"16 hex digits\",...}");
			if (t < s->cutoff) {
				s->nforgotten++;
			} else if (keep(s, off, next - off) != 0 || art_unique_known(u, h) < 0) {
				errno = ENOMEM;
				return sys_fail(err, "");
			}
			s->nread++;
		}
		off = next;
	}
	return ART_OK;
}

int art_seen_open(struct art_seen *s, const char *path, const struct art_identity *id, int64_t now,
                  int64_t forget, struct art_unique *u, struct art_error *err)
{
	memset(s, 0, sizeof *s);
	err->file = path;
	s->path = path;
	s->fd = s->dirfd = -1;
	s->cutoff = forget < 0 ? INT64_MIN : now - forget;
	art_seen_time_format(now, s->now);
	art_spool_init(&s->added, ART_SPOOL_LIMIT);
	if (lock(s, err) != ART_OK || s->fd < 0)
		return s->fd < 0 && s->dirfd >= 0 ? ART_OK : ART_FAIL;
	struct stat st;
	if (fstat(s->fd, &st) != 0)
		return sys_fail(err, "");
	if (st.st_size == 0)
		return ART_OK;
	s->size = (size_t)st.st_size;
	void *map = mmap(NULL, s->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, s->fd, 0);
	if (map == MAP_FAILED) {
		s->size = 0;
		return sys_fail(err, "");
	}
	s->map = map;
	return read_entries(s, id, u, err);
}

/* ---- writing ---- */

int art_seen_add(struct art_seen *s, const struct art_identity *id, uint64_t h,
                 const struct art_record *r, struct art_error *err)
{
	struct art_buf *b = &s->added.buf;
	if (art_buf_printf(b, FAST_HEAD "%s" FAST_ID "%016" PRIx64 "\",\"key\":", s->now, h) != 0 ||
	    art_identity_put_values(b, id, r) != 0 || art_buf_append(b, "}\n", 2) != 0) {
		errno = ENOMEM;
		return sys_fail(err, "");
	}
	if (art_spool_settle(&s->added) != 0) {
		errno = s->added.err;
		return sys_fail(err, "temporary file: ");
	}
	s->nadded++;
	return 0;
}

static int put(struct art_out *out, const char *p, size_t n);

/* N bytes of the old file from OFF to OUT, copied by the kernel when it
 * can (a clone on file systems that share blocks). */
static int copy(struct art_seen *s, size_t off, size_t n, struct art_out *out)
{
	if (art_out_flush(out) != 0)
		return errno = out->err, -1;
	loff_t from = (loff_t)off;
	while (n) {
		ssize_t k = copy_file_range(s->fd, &from, out->fd, NULL, n, 0);
		if (k <= 0)
			break;
		n -= (size_t)k;
	}
	return n ? put(out, s->map + from, n) : 0;
}

static int put(struct art_out *out, const char *p, size_t n)
{
	while (n) {
		size_t k = n < ART_OUT_BLOCK ? n : ART_OUT_BLOCK;
		if (art_buf_append(&out->buf, p, k) != 0)
			return errno = ENOMEM, -1;
		if (art_out_ready(out) != 0)
			return errno = out->err, -1;
		p += k;
		n -= k;
	}
	return 0;
}

int art_seen_write(struct art_seen *s, const struct art_identity *id, struct art_out *out,
                   struct art_error *err)
{
	struct art_buf *b = &s->line;
	art_buf_clear(b);
	if (art_buf_append(b, "{\"art_unseen\":1,\"keys\":", 23) != 0 ||
	    art_identity_put_names(b, id) != 0 || art_buf_append(b, "}\n", 2) != 0) {
		errno = ENOMEM;
		return sys_fail(err, "");
	}
	if (put(out, b->p, b->len) != 0)
		return sys_fail(err, "");
	for (size_t i = 0; i < s->nkept; i++) {
		struct art_seen_range k = s->kept[i];
		if (copy(s, k.off, k.len, out) != 0)
			return sys_fail(err, "");
		if (s->map[k.off + k.len - 1] != '\n' && put(out, "\n", 1) != 0)
			return sys_fail(err, "");
	}
	if (art_spool_copy(&s->added, out) != 0) {
		errno = s->added.err;
		return sys_fail(err, "temporary file: ");
	}
	if (out->err) {
		errno = out->err;
		return sys_fail(err, "");
	}
	return 0;
}

void art_seen_close(struct art_seen *s)
{
	if (s->map)
		munmap((void *)s->map, s->size);
	if (s->fd >= 0)
		close(s->fd);
	if (s->dirfd >= 0)
		close(s->dirfd);
	free(s->kept);
	art_spool_free(&s->added);
	art_buf_free(&s->line);
	memset(s, 0, sizeof *s);
	s->fd = s->dirfd = -1;
}
