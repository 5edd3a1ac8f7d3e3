#include <config.h>

#include "sort.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "fold.h"
#include "json.h"
#include "output.h"

/* ---- keys ---- */

int art_sort_add_keys(struct art_sort_spec *spec, const char *list, char *err, size_t errsz)
{
	for (const char *p = list;;) {
		size_t n = strcspn(p, ",");
		art_str name = {p, n}, dir = {"", 0};
		const char *colon = memchr(p, ':', n);
		if (colon) {
			name.n = (size_t)(colon - p);
			dir = (art_str){colon + 1, n - name.n - 1};
		}
		if (name.n == 0) {
			snprintf(err, errsz, "empty key name in '%s'", list);
			return -1;
		}
		if (colon && !art_str_eq_cstr(dir, "desc") && !art_str_eq_cstr(dir, "asc")) {
			snprintf(err, errsz, "unknown order '%.*s' for key '%.*s' (asc or desc)",
			         (int)dir.n, dir.p, (int)name.n, name.p);
			return -1;
		}
		if (spec->nkeys == ART_SORT_MAX_KEYS) {
			snprintf(err, errsz, "more than %d keys", ART_SORT_MAX_KEYS);
			return -1;
		}
		spec->key[spec->nkeys++] = (struct art_sort_key){
		    name, art_field_lookup(name), colon && art_str_eq_cstr(dir, "desc")};
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

/* What a key's value is, in the order the classes sort. */
enum { CLS_NUMBER, CLS_STRING, CLS_JSON, CLS_MISSING };

static int sign(int c)
{
	return (c > 0) - (c < 0);
}

static struct art_sort_spec normalized(const struct art_sort_spec *spec)
{
	struct art_sort_spec sp = *spec;
	if (sp.nkeys == 0) {
		sp.key[0] = (struct art_sort_key){ART_STR("date"), ART_F_DATE, false};
		sp.nkeys = 1;
	}
	for (size_t i = 0; i < sp.nkeys; i++)
		sp.key[i].desc ^= sp.reverse;
	sp.reverse = false;
	return sp;
}

/* A JSON number's text as a double.  -0 is 0. */
static double json_number(art_str raw)
{
	char small[64];
	char *text = raw.n < sizeof small ? small : malloc(raw.n + 1);
	if (!text)
		return 0; /* out of memory: no order is wrong */
	memcpy(text, raw.p, raw.n);
	text[raw.n] = '\0';
	double d = strtod(text, NULL) + 0.0;
	if (text != small)
		free(text);
	return d;
}

static const struct art_jfield *find_key(const struct art_jobject *o, art_str name)
{
	for (size_t i = 0; o && i < o->nfields; i++)
		if (art_str_eq(o->fields[i].key, name))
			return &o->fields[i];
	return NULL;
}

/* Keys are encoded one after another: a class byte, then a number's
 * double (8 bytes) or a string's [u32 length][bytes] (folded when the spec
 * folds), nothing for a missing key.  Packed without padding, read with
 * memcpy. */
static int put_number(struct art_buf *b, double d)
{
	char c = CLS_NUMBER;
	return art_buf_append(b, &c, 1) | art_buf_append(b, &d, 8);
}

static int put_text(struct art_buf *b, int cls, art_str s, bool fold)
{
	char c = (char)cls;
	uint32_t n = (uint32_t)s.n;
	if (art_buf_append(b, &c, 1) != 0 || art_buf_append(b, &n, 4) != 0)
		return -1;
	size_t at = b->len;
	if (!fold)
		return art_buf_append(b, s.p, s.n);
	if (art_fold(b, s) != 0)
		return -1;
	n = (uint32_t)(b->len - at);
	memcpy(b->p + at - 4, &n, 4);
	return 0;
}

static int put_field(struct art_buf *b, const struct art_record *r, int field, bool fold)
{
	switch (field) {
	case ART_F_TAGS:
		return put_number(b, (double)r->ntags);
	case ART_F_LIKES:
		return put_number(b, (double)r->likes);
	case ART_F_READ_MINUTES:
		return put_number(b, (double)r->read_minutes);
	default: {
		const art_str *s[] = {&r->source, &r->date, &r->category, &r->title, &r->summary};
		return put_text(b, CLS_STRING, *s[field], fold);
	}
	}
}

static int put_extra(struct art_buf *b, const struct art_jfield *f, bool fold)
{
	if (!f) {
		char c = CLS_MISSING;
		return art_buf_append(b, &c, 1);
	}
	switch (f->type) {
	case ART_J_NUMBER:
		return put_number(b, json_number(f->raw));
	case ART_J_STRING:
		return put_text(b, CLS_STRING, f->str, fold);
	default:
		return put_text(b, CLS_JSON, f->raw, false);
	}
}

/* Append the encoded keys of ITEM to B.  0, or -1 when out of memory. */
static int encode_keys(const struct art_sort_spec *sp, const struct art_item *item,
                       struct art_buf *b)
{
	for (size_t i = 0; i < sp->nkeys; i++) {
		const struct art_sort_key *k = &sp->key[i];
		int rc = k->field >= 0 ? put_field(b, item->rec, k->field, sp->fold)
		                       : put_extra(b, find_key(item->obj, k->name), sp->fold);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static int cmp_double(double x, double y)
{
	return (x > y) - (x < y);
}

/* Compare two runs of encoded keys. */
static int keys_cmp(const struct art_sort_spec *sp, const unsigned char *a, const unsigned char *b)
{
	for (size_t i = 0; i < sp->nkeys; i++) {
		int ca = *a++, cb = *b++, c;
		if (ca != cb) {
			if (ca == CLS_MISSING || cb == CLS_MISSING)
				return ca == CLS_MISSING ? 1 : -1; /* last either way */
			return sp->key[i].desc ? cb - ca : ca - cb;
		}
		if (ca == CLS_MISSING)
			continue;
		if (ca == CLS_NUMBER) {
			double x, y;
			memcpy(&x, a, 8);
			memcpy(&y, b, 8);
			c = cmp_double(x, y);
			a += 8;
			b += 8;
		} else {
			uint32_t la = get32(a), lb = get32(b);
			c = sign(art_str_cmp((art_str){(const char *)a + 4, la},
			                     (art_str){(const char *)b + 4, lb}));
			a += 4 + la;
			b += 4 + lb;
		}
		if (c)
			return sp->key[i].desc ? -c : c;
	}
	return 0;
}

int art_sort_compare(const struct art_sort_spec *spec, const struct art_item *a,
                     const struct art_item *b)
{
	struct art_sort_spec sp = normalized(spec);
	struct art_buf ka = {0}, kb = {0};
	int c = 0;
	if (encode_keys(&sp, a, &ka) == 0 && encode_keys(&sp, b, &kb) == 0)
		c = keys_cmp(&sp, (const unsigned char *)ka.p, (const unsigned char *)kb.p);
	art_buf_free(&ka);
	art_buf_free(&kb);
	return c;
}

/* ---- sizes ---- */

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

/* ---- blobs: [u32 size][u32 line length][keys][line] ---- */

#define BLOB_HEAD 8

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static art_str blob_line(const unsigned char *b)
{
	uint32_t size = get32(b), n = get32(b + 4);
	return (art_str){(const char *)b + size - n, n};
}

/* ITEM's blob in B: the head, the keys, the line as it was read. */
static int make_blob(const struct art_sort_spec *sp, const struct art_item *item, struct art_buf *b)
{
	b->len = 0;
	if (art_buf_reserve(b, BLOB_HEAD) != 0)
		return -1;
	b->len = BLOB_HEAD;
	if (encode_keys(sp, item, b) != 0)
		return -1;
	size_t keys_end = b->len;
	if (art_item_put(b, item) != 0 || b->len > UINT32_MAX)
		return -1;
	put32((unsigned char *)b->p, (uint32_t)b->len);
	put32((unsigned char *)b->p + 4, (uint32_t)(b->len - keys_end));
	return 0;
}

static int blob_cmp(const struct art_sort_spec *sp, const unsigned char *a, const unsigned char *b)
{
	return keys_cmp(sp, a + BLOB_HEAD, b + BLOB_HEAD);
}

static bool is_number_field(int field)
{
	return field >= 0 && art_fields[field].type != ART_FT_STRING; /* tags: their number */
}

/* The first key as an unsigned number that orders as the key does, in its
 * direction: a number's bits made to order as unsigned, a date's eight
 * digits YYYYMMDD (the whole date, where "YYYY-MM-" would leave the
 * records of a month to the full comparison), another string's first
 * bytes.  A key of the record is always there and always of one class,
 * so all 64 bits are its own; any other key may be of any class or
 * missing: its class goes in the top bits, and a missing key above all. */
static uint64_t prefix_of(const struct art_sort_spec *sp, const unsigned char *keys)
{
	const struct art_sort_key *k = &sp->key[0];
	int cls = keys[0];
	if (cls == CLS_MISSING)
		return UINT64_MAX;
	uint64_t v = 0;
	if (cls == CLS_NUMBER) {
		memcpy(&v, keys + 1, 8);
		v = v >> 63 ? ~v : v | UINT64_C(1) << 63;
	} else {
		static const unsigned char date_digits[8] = {0, 1, 2, 3, 5, 6, 8, 9};
		uint32_t n = get32(keys + 1);
		bool date = k->field == ART_F_DATE && n == 10;
		for (size_t i = 0; i < 8; i++) {
			size_t at = date ? date_digits[i] : i;
			v = v << 8 | (at < n ? keys[5 + at] : 0);
		}
	}
	if (k->field >= 0)
		return k->desc ? ~v : v;
	uint64_t q = (uint64_t)cls << 61 | v >> 3;
	return k->desc ? (UINT64_C(1) << 63) - 1 - q : q;
}

/* Whether equal prefixes mean equal keys: one key of the record, a number
 * or the date. */
static bool prefix_is_whole(const struct art_sort_spec *sp)
{
	int field = sp->key[0].field;
	return sp->nkeys == 1 && (is_number_field(field) || field == ART_F_DATE);
}

/* ---- the sorter ---- */

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

static int oom(struct art_error *err)
{
	err->file = NULL;
	art_error_set(err, 0, "out of memory");
	return ART_FAIL;
}

static int sys_fail(struct art_sorter *s, struct art_error *err, const char *what, int errnum)
{
	err->file = NULL;
	art_error_set(err, 0, "%s in %s: %s", what, s->tmpdir, strerror(errnum));
	err->errnum = errnum;
	return ART_FAIL;
}

struct art_sorter *art_sorter_new(const struct art_sort_spec *spec, uint64_t budget,
                                  const char *tmpdir)
{
	struct art_sorter *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->spec = normalized(spec);
	s->budget = budget;
	s->tmpdir = strdup(tmpdir);
	uint64_t chunk = budget / 16;
	s->chunk = chunk < 4096 ? 4096 : chunk > (1u << 20) ? (1u << 20) : (size_t)chunk;
	if (!s->tmpdir) {
		free(s);
		return NULL;
	}
	return s;
}

size_t art_sorter_runs(const struct art_sorter *s)
{
	return s->written;
}

int art_sorter_add_source(struct art_sorter *s, art_sort_source_fn *next, void *ctx)
{
	struct input *in = art_reallocarray(s->inputs, s->ninputs + 1, sizeof *in);
	if (!in)
		return -1;
	s->inputs = in;
	in[s->ninputs++] = (struct input){next, ctx};
	return 0;
}

/* Stable merge sort of N entries, with room for N/2 in TMP. */
static void sort_ents(const struct art_sort_spec *sp, struct ent *a, struct ent *tmp, size_t n)
{
	bool whole = prefix_is_whole(sp);
#define ENT_LESS(x, y)                                                                             \
	((x).prefix != (y).prefix ? (x).prefix < (y).prefix                                        \
	                          : !whole && blob_cmp(sp, (x).blob, (y).blob) < 0)
	if (n <= 12) {
		for (size_t i = 1; i < n; i++) {
			struct ent e = a[i];
			size_t j = i;
			for (; j > 0 && ENT_LESS(e, a[j - 1]); j--)
				a[j] = a[j - 1];
			a[j] = e;
		}
		return;
	}
	size_t h = n / 2;
	sort_ents(sp, a, tmp, h);
	sort_ents(sp, a + h, tmp, n - h);
	if (!ENT_LESS(a[h], a[h - 1]))
		return; /* already in order */
	memcpy(tmp, a, h * sizeof *tmp);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		a[k++] = ENT_LESS(a[j], tmp[i]) ? a[j++] : tmp[i++];
	while (i < h)
		a[k++] = tmp[i++];
#undef ENT_LESS
}

static int sort_memory(struct art_sorter *s, struct art_error *err)
{
	if (s->n < 2)
		return ART_OK;
	struct ent *tmp = malloc((s->n / 2 + 1) * sizeof *tmp);
	if (!tmp)
		return oom(err);
	sort_ents(&s->spec, s->ents, tmp, s->n);
	free(tmp);
	return ART_OK;
}

/* ---- run files ---- */

static int run_create(struct art_sorter *s, int *fd, struct art_error *err)
{
	size_t n = strlen(s->tmpdir) + sizeof "/art-sort.XXXXXX";
	char *path = malloc(n);
	if (!path)
		return oom(err);
	snprintf(path, n, "%s/art-sort.XXXXXX", s->tmpdir);
	*fd = mkstemp(path);
	int e = errno;
	if (*fd >= 0)
		unlink(path); /* gone when the last descriptor closes, however we end */
	free(path);
	return *fd < 0 ? sys_fail(s, err, "cannot create a temporary file", e) : ART_OK;
}

struct run_writer {
	int fd;
	struct art_buf buf;
};

static int run_put(struct art_sorter *s, struct run_writer *w, const unsigned char *blob,
                   struct art_error *err)
{
	if (art_buf_append(&w->buf, blob, get32(blob)) != 0)
		return oom(err);
	if (w->buf.len >= RUN_WRITE_BLOCK) {
		if (art_write_all(w->fd, w->buf.p, w->buf.len) != 0)
			return sys_fail(s, err, "cannot write a temporary file", errno);
		w->buf.len = 0;
	}
	return ART_OK;
}

static int run_close_writer(struct art_sorter *s, struct run_writer *w, struct art_error *err)
{
	int rc = ART_OK;
	if (art_write_all(w->fd, w->buf.p, w->buf.len) != 0)
		rc = sys_fail(s, err, "cannot write a temporary file", errno);
	art_buf_free(&w->buf);
	return rc;
}

static int push_run(struct art_sorter *s, int fd, int level, struct art_error *err)
{
	if (art_grow(&s->runs, &s->runs_cap, s->nruns + 1, sizeof *s->runs, 16) != 0)
		return oom(err);
	s->runs[s->nruns++] = (struct run){fd, level};
	return ART_OK;
}

/* ---- merge sources ---- */

static void src_close(struct src *x)
{
	if (x->kind == SRC_RUN && x->fd >= 0) {
		close(x->fd);
		x->fd = -1;
	}
	free(x->buf);
	x->buf = NULL;
	art_buf_free(&x->blob[0]);
	art_buf_free(&x->blob[1]);
	x->cur = NULL;
}

/* Make NEED bytes of a run readable at x->buf + x->pos, or as many as are
 * left. */
static int run_fill(struct art_sorter *s, struct src *x, size_t need, struct art_error *err)
{
	if (x->end - x->pos >= need)
		return ART_OK;
	memmove(x->buf, x->buf + x->pos, x->end - x->pos);
	x->end -= x->pos;
	x->pos = 0;
	if (need > x->cap) {
		unsigned char *b = art_reallocarray(x->buf, need, 1);
		if (!b)
			return oom(err);
		x->buf = b;
		x->cap = need;
	}
	while (x->end < need) {
		ssize_t r = read(x->fd, x->buf + x->end, x->cap - x->end);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return sys_fail(s, err, "cannot read a temporary file", errno);
		}
		if (r == 0)
			break;
		x->end += (size_t)r;
	}
	return ART_OK;
}

static int run_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	if (x->cur)
		x->pos += get32(x->cur);
	x->cur = NULL;
	int rc = run_fill(s, x, 4, err);
	if (rc != ART_OK)
		return rc;
	if (x->end == x->pos) {
		src_close(x);
		return ART_OK;
	}
	uint32_t size = x->end - x->pos >= 4 ? get32(x->buf + x->pos) : 0;
	if (size >= BLOB_HEAD && (rc = run_fill(s, x, size, err)) != ART_OK)
		return rc;
	if (size < BLOB_HEAD || x->end - x->pos < size)
		return sys_fail(s, err, "a temporary file was cut short", EIO);
	x->cur = x->buf + x->pos;
	return ART_OK;
}

static void order_words(const struct art_sort_spec *sp, char *out, size_t outsz)
{
	size_t n = 0;
	for (size_t i = 0; i < sp->nkeys && n < outsz; i++)
		n += (size_t)snprintf(out + n, outsz - n, "%s%.*s%s", i ? "," : "",
		                      (int)sp->key[i].name.n, sp->key[i].name.p,
		                      sp->key[i].desc ? ":desc" : "");
}

static int report_disorder(struct art_sorter *s, const struct art_item *item, struct art_error *err)
{
	struct art_error *p = art_reallocarray(s->pending, s->npending + 1, sizeof *p);
	if (!p)
		return oom(err);
	s->pending = p;
	char order[120];
	order_words(&s->spec, order, sizeof order);
	p[s->npending].file = item->file;
	art_error_set(&p[s->npending], item->line, "out of order by %s", order);
	s->npending++;
	return ART_OK;
}

static int input_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	struct art_item item = {0}; /* a source may set only what it knows */
	if (x->next(x->ctx, &item) != ART_OK) {
		src_close(x);
		return ART_OK;
	}
	struct art_buf *b = &x->blob[x->which ^ 1];
	if (make_blob(&s->spec, &item, b) != 0)
		return oom(err);
	const unsigned char *blob = (const unsigned char *)b->p;
	if (x->cur && !x->reported && blob_cmp(&s->spec, blob, x->cur) < 0) {
		x->reported = true;
		if (report_disorder(s, &item, err) != ART_OK)
			return ART_FAIL;
	}
	x->which ^= 1;
	x->cur = blob;
	return ART_OK;
}

static int src_advance(struct art_sorter *s, struct src *x, struct art_error *err)
{
	switch (x->kind) {
	case SRC_RUN:
		return run_advance(s, x, err);
	case SRC_MEM:
		x->i++;
		x->cur = x->i < s->n ? s->ents[x->i].blob : NULL;
		return ART_OK;
	default:
		return input_advance(s, x, err);
	}
}

static struct src run_src(const struct run *r)
{
	return (struct src){.kind = SRC_RUN, .fd = r->fd};
}

/* ---- merging ---- */

static bool src_less(const struct art_sorter *s, const struct merge *m, size_t i, size_t j)
{
	int c = blob_cmp(&s->spec, m->src[i].cur, m->src[j].cur);
	return c < 0 || (c == 0 && i < j);
}

static void sift_down(const struct art_sorter *s, struct merge *m, size_t at)
{
	for (;;) {
		size_t l = 2 * at + 1, best = at;
		if (l < m->nheap && src_less(s, m, m->heap[l], m->heap[best]))
			best = l;
		if (l + 1 < m->nheap && src_less(s, m, m->heap[l + 1], m->heap[best]))
			best = l + 1;
		if (best == at)
			return;
		size_t t = m->heap[at];
		m->heap[at] = m->heap[best];
		m->heap[best] = t;
		at = best;
	}
}

/* Take over the NSRC sources at SRC (and the array) and read the first
 * blob of each. */
static int merge_init(struct art_sorter *s, struct merge *m, struct src *src, size_t nsrc,
                      struct art_error *err)
{
	memset(m, 0, sizeof *m);
	m->src = src;
	m->nsrc = nsrc;
	m->heap = malloc((nsrc ? nsrc : 1) * sizeof *m->heap);
	if (!m->heap)
		return oom(err);
	for (size_t i = 0; i < nsrc; i++) {
		struct src *x = &src[i];
		if (x->kind == SRC_RUN) {
			x->buf = malloc(RUN_READ_BLOCK);
			if (!x->buf)
				return oom(err);
			x->cap = RUN_READ_BLOCK;
			if (lseek(x->fd, 0, SEEK_SET) < 0)
				return sys_fail(s, err, "cannot read a temporary file", errno);
		}
		if (x->kind == SRC_MEM) {
			x->cur = s->n ? s->ents[0].blob : NULL;
		} else {
			int rc = src_advance(s, x, err);
			if (rc != ART_OK)
				return rc;
		}
		if (x->cur)
			m->heap[m->nheap++] = i;
	}
	for (size_t i = m->nheap / 2; i-- > 0;)
		sift_down(s, m, i);
	return ART_OK;
}

static void merge_free(struct merge *m)
{
	for (size_t i = 0; i < m->nsrc; i++)
		src_close(&m->src[i]);
	free(m->src);
	free(m->heap);
	memset(m, 0, sizeof *m);
}

/* The smallest blob, or ART_EOF; the source it came from moves on at the
 * next call. */
static int merge_next(struct art_sorter *s, struct merge *m, const unsigned char **blob,
                      struct art_error *err)
{
	if (m->started && m->nheap) {
		struct src *top = &m->src[m->heap[0]];
		int rc = src_advance(s, top, err);
		if (rc != ART_OK)
			return rc;
		if (!top->cur)
			m->heap[0] = m->heap[--m->nheap];
		sift_down(s, m, 0);
	}
	m->started = true;
	if (!m->nheap)
		return ART_EOF;
	*blob = m->src[m->heap[0]].cur;
	return ART_OK;
}

/* Merge the NSRC sources at SRC (taking them over) into a new run file. */
static int merge_to_run(struct art_sorter *s, struct src *src, size_t nsrc, int *fd,
                        struct art_error *err)
{
	struct merge m;
	struct run_writer w = {-1, {0}};
	int rc = merge_init(s, &m, src, nsrc, err);
	if (rc == ART_OK)
		rc = run_create(s, &w.fd, err);
	const unsigned char *blob;
	while (rc == ART_OK && (rc = merge_next(s, &m, &blob, err)) == ART_OK)
		rc = run_put(s, &w, blob, err);
	if (rc == ART_EOF)
		rc = run_close_writer(s, &w, err);
	merge_free(&m);
	art_buf_free(&w.buf);
	if (rc != ART_OK && w.fd >= 0)
		close(w.fd);
	*fd = w.fd;
	return rc;
}

/* While the last ART_SORT_FANIN runs are of one level, merge them into one
 * run of the next. */
static int cascade(struct art_sorter *s, struct art_error *err)
{
	while (s->nruns >= ART_SORT_FANIN &&
	       s->runs[s->nruns - ART_SORT_FANIN].level == s->runs[s->nruns - 1].level) {
		size_t first = s->nruns - ART_SORT_FANIN;
		struct src *src = calloc(ART_SORT_FANIN, sizeof *src);
		if (!src)
			return oom(err);
		for (size_t i = 0; i < ART_SORT_FANIN; i++)
			src[i] = run_src(&s->runs[first + i]);
		int level = s->runs[first].level + 1, fd;
		s->nruns = first; /* the merge owns their descriptors now */
		int rc = merge_to_run(s, src, ART_SORT_FANIN, &fd, err);
		if (rc != ART_OK)
			return rc;
		if ((rc = push_run(s, fd, level, err)) != ART_OK) {
			close(fd);
			return rc;
		}
	}
	return ART_OK;
}

static int spill(struct art_sorter *s, struct art_error *err)
{
	int rc = sort_memory(s, err);
	struct run_writer w = {-1, {0}};
	if (rc == ART_OK)
		rc = run_create(s, &w.fd, err);
	for (size_t i = 0; rc == ART_OK && i < s->n; i++)
		rc = run_put(s, &w, s->ents[i].blob, err);
	if (rc == ART_OK)
		rc = run_close_writer(s, &w, err);
	if (rc == ART_OK)
		rc = push_run(s, w.fd, 0, err);
	if (rc != ART_OK) {
		art_buf_free(&w.buf);
		if (w.fd >= 0)
			close(w.fd);
		return rc;
	}
	s->written++;
	s->n = 0;
	s->cur = s->used = 0;
	s->held = 0;
	return cascade(s, err);
}

static unsigned char *alloc_blob(struct art_sorter *s, size_t size)
{
	while (s->cur < s->nchunks) {
		if (s->chunk_sizes[s->cur] - s->used >= size) {
			unsigned char *p = s->chunks[s->cur] + s->used;
			s->used += size;
			return p;
		}
		s->cur++;
		s->used = 0;
	}
	size_t n = size > s->chunk ? size : s->chunk;
	unsigned char **c = art_reallocarray(s->chunks, s->nchunks + 1, sizeof *c);
	if (!c)
		return NULL;
	s->chunks = c;
	size_t *cs = art_reallocarray(s->chunk_sizes, s->nchunks + 1, sizeof *cs);
	if (!cs)
		return NULL;
	s->chunk_sizes = cs;
	if (!(c[s->nchunks] = malloc(n)))
		return NULL;
	cs[s->nchunks] = n;
	s->cur = s->nchunks++;
	s->used = size;
	return c[s->cur];
}

int art_sorter_add(struct art_sorter *s, const struct art_item *item, struct art_error *err)
{
	if (make_blob(&s->spec, item, &s->line) != 0)
		return oom(err);
	size_t size = s->line.len;
	uint64_t cost = size + 2 * sizeof(struct ent); /* the entry, and room to sort it */
	if (s->n && s->held + cost > s->budget) {
		int rc = spill(s, err);
		if (rc != ART_OK)
			return rc;
	}
	if (s->n == s->cap) {
		/* by half, not double: the budget counts two entries per record */
		size_t cap = s->cap ? s->cap + s->cap / 2 : 1024;
		struct ent *e = art_reallocarray(s->ents, cap, sizeof *e);
		if (!e)
			return oom(err);
		s->ents = e;
		s->cap = cap;
	}
	unsigned char *blob = alloc_blob(s, size);
	if (!blob)
		return oom(err);
	memcpy(blob, s->line.p, size);
	s->ents[s->n++] = (struct ent){prefix_of(&s->spec, blob + BLOB_HEAD), blob};
	s->held += cost;
	return ART_OK;
}

/* Sort what is in memory and set up the final merge of everything, first
 * merging groups of sources while there are too many to merge at once. */
static int finish(struct art_sorter *s, struct art_error *err)
{
	int rc = sort_memory(s, err);
	if (rc != ART_OK)
		return rc;
	size_t n = s->nruns + (s->n > 0) + s->ninputs, k = 0;
	struct src *src = calloc(n ? n : 1, sizeof *src);
	if (!src)
		return oom(err);
	for (size_t i = 0; i < s->nruns; i++)
		src[k++] = run_src(&s->runs[i]);
	s->nruns = 0;
	if (s->n)
		src[k++] = (struct src){.kind = SRC_MEM};
	for (size_t i = 0; i < s->ninputs; i++)
		src[k++] = (struct src){
		    .kind = SRC_INPUT, .next = s->inputs[i].next, .ctx = s->inputs[i].ctx};
	while (n > FINAL_FANIN) {
		size_t groups = (n + ART_SORT_FANIN - 1) / ART_SORT_FANIN;
		for (size_t g = 0; g < groups && rc == ART_OK; g++) {
			size_t first = g * ART_SORT_FANIN;
			size_t len = n - first < ART_SORT_FANIN ? n - first : ART_SORT_FANIN;
			struct src *group = malloc(len * sizeof *group);
			if (!group) {
				rc = oom(err);
				break;
			}
			memcpy(group, src + first, len * sizeof *group);
			for (size_t i = first; i < first + len; i++)
				src[i] = (struct src){.kind = SRC_RUN, .fd = -1};
			int fd;
			if ((rc = merge_to_run(s, group, len, &fd, err)) == ART_OK)
				src[g].fd = fd; /* g <= first: that slot is free */
		}
		if (rc != ART_OK) {
			for (size_t i = 0; i < n; i++)
				src_close(&src[i]);
			free(src);
			return rc;
		}
		n = groups;
	}
	return merge_init(s, &s->final, src, n, err);
}

int art_sorter_next(struct art_sorter *s, art_str *line, struct art_error *err)
{
	if (!s->finishing) {
		s->finishing = true;
		int rc = finish(s, err);
		if (rc != ART_OK)
			return rc;
	}
	const unsigned char *blob;
	int rc = ART_OK;
	if (s->next_pending == s->npending)
		rc = merge_next(s, &s->final, &blob, err);
	if (rc == ART_FAIL)
		return rc;
	if (s->next_pending < s->npending) {
		/* a source found out of order: say so before going on; the blob
		 * in hand stays current, merge_next gives it again */
		*err = s->pending[s->next_pending++];
		if (rc == ART_OK)
			s->final.started = false;
		return ART_BAD;
	}
	if (rc == ART_EOF)
		return ART_EOF;
	*line = blob_line(blob);
	return ART_OK;
}

void art_sorter_free(struct art_sorter *s)
{
	if (!s)
		return;
	merge_free(&s->final);
	for (size_t i = 0; i < s->nruns; i++)
		close(s->runs[i].fd);
	free(s->runs);
	for (size_t i = 0; i < s->nchunks; i++)
		free(s->chunks[i]);
	free(s->chunks);
	free(s->chunk_sizes);
	free(s->ents);
	art_buf_free(&s->line);
	free(s->inputs);
	free(s->pending);
	free(s->tmpdir);
	free(s);
}
