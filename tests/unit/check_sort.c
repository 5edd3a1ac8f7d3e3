#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

#define N 3000

/* A record added as an item of its own (no line read: it is written). */
static int add_record(struct art_sorter *s, const struct art_record *r, struct art_error *err)
{
	struct art_item item = {.rec = r};
	return art_sorter_add(s, &item, err);
}

static struct art_record recs[N];
static struct art_item items[N]; /* items[i].rec is &recs[i] */
static char text[N][2][48];      /* each record's title and summary */
static char dates[N][11];
static art_str tagpool[4];
static struct art_error err;
static char tmpdir[64];

static const char *const sources[] = {"Alibaba", "JD Tech", "Meituan",
                                      "Ctrip",   "21CTO",   "caf\xC3\xA9"};

/* Records with few distinct values per key, so that ties are many. */
static void make_records(void)
{
	uint64_t x = 12345;
	tagpool[0] = S("Kafka");
	tagpool[1] = S("Go");
	tagpool[2] = S("Redis");
	tagpool[3] = S("caching");
	for (int i = 0; i < N; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		uint32_t r = (uint32_t)(x >> 33);
		const char *src = sources[r % 6];
		snprintf(dates[i], sizeof dates[i], "20%02u-%02u-01", 20 + (r >> 3) % 4,
		         1 + (r >> 5) % 3);
		snprintf(text[i][0], sizeof text[0][0], "Title %u", (r >> 7) % 50);
		snprintf(text[i][1], sizeof text[0][1], "summary of record %d", i);
		recs[i] =
		    (struct art_record){.source = {src, strlen(src)},
		                        .date = {dates[i], 10},
		                        .category = (r >> 13) % 2 ? S("Databases") : S("Backend"),
		                        .title = {text[i][0], strlen(text[i][0])},
		                        .summary = {text[i][1], strlen(text[i][1])},
		                        .tags = tagpool,
		                        .ntags = (r >> 15) % 5,
		                        .likes = (r >> 18) % 4 * 5,
		                        .read_minutes = (r >> 21) % 12};
		items[i] = (struct art_item){.rec = &recs[i]};
	}
}

/* A spec of KEYS as -k takes them (NULL: none), every key the other way
 * when REVERSE. */
static struct art_sort_spec spec_of(const char *keys, bool reverse)
{
	struct art_sort_spec sp = {.reverse = reverse};
	struct art_error why;
	if (keys)
		ck_assert_msg(art_sort_add_keys(&sp, keys, &why) == 0, "%s", why.msg);
	return sp;
}

static void setup(void)
{
	make_records();
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/check_sort.XXXXXX", t && *t ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static int entries_in(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void teardown(void)
{
	ck_assert_int_eq(entries_in(tmpdir), 0); /* no temporary file left behind */
	rmdir(tmpdir);
}

/* The expected order: by the keys, then by GROUP (a source's number when
 * merging, else 0), then by input order. */
static const struct art_sort_spec *oracle_spec;
static size_t oracle_groups;
static int oracle_cmp(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = art_sort_compare(oracle_spec, &items[i], &items[j]);
	if (c)
		return c;
	if (i % oracle_groups != j % oracle_groups)
		return i % oracle_groups < j % oracle_groups ? -1 : 1;
	return (i > j) - (i < j);
}

static void expected(const struct art_sort_spec *spec, size_t groups, struct art_buf *out)
{
	static size_t idx[N];
	for (size_t i = 0; i < N; i++)
		idx[i] = i;
	oracle_spec = spec;
	oracle_groups = groups;
	qsort(idx, N, sizeof *idx, oracle_cmp);
	out->len = 0;
	for (size_t i = 0; i < N; i++)
		ck_assert_int_eq(art_item_put(out, &items[idx[i]]), 0);
}

static void drain(struct art_sorter *s, struct art_buf *out)
{
	art_str line;
	int rc;
	out->len = 0;
	while ((rc = art_sorter_next(s, &line, &err)) == ART_OK)
		ck_assert_int_eq(art_buf_append(out, line.p, line.n), 0);
	ck_assert_msg(rc == ART_EOF, "%d: %s", rc, err.msg);
}

/* Sort every record with BUDGET bytes; returns the number of runs. */
static size_t check_sort(const struct art_sort_spec *spec, uint64_t budget)
{
	struct art_buf want = {0}, got = {0};
	expected(spec, 1, &want);
	struct art_sorter *s = art_sorter_new(spec, budget, tmpdir);
	for (size_t i = 0; i < N; i++)
		ck_assert_int_eq(add_record(s, &recs[i], &err), ART_OK);
	drain(s, &got);
	size_t runs = art_sorter_runs(s);
	art_sorter_free(s);
	ck_assert_uint_eq(got.len, want.len);
	ck_assert_msg(memcmp(got.p, want.p, want.len) == 0, "order differs with budget %llu",
	              (unsigned long long)budget);
	art_buf_free(&want);
	art_buf_free(&got);
	return runs;
}

START_TEST(keys_are_read_as_k_takes_them)
{
	struct art_sort_spec sp = spec_of("likes:desc,date", false);
	ck_assert_uint_eq(sp.nkeys, 2);
	ck_assert_str_view(sp.key[0].name, "likes");
	ck_assert_int_eq(sp.key[0].field, ART_F_LIKES);
	ck_assert(sp.key[0].desc);
	ck_assert_str_view(sp.key[1].name, "date");
	ck_assert(!sp.key[1].desc);
	struct art_error why;
	ck_assert_int_eq(art_sort_add_keys(&sp, "url:asc", &why), 0);
	ck_assert_int_eq(sp.key[2].field, -1); /* an extra key */
	ck_assert(!sp.key[2].desc);
	ck_assert_int_eq(art_sort_add_keys(&sp, "title:up", &why), -1);
	ck_assert_str_eq(why.msg, "unknown order 'up' for key 'title' (asc or desc)");
	ck_assert_int_eq(art_sort_add_keys(&sp, "date,,likes", &why), -1);
	ck_assert_str_eq(why.msg, "empty key name in 'date,,likes'");
	ck_assert_int_eq(art_sort_add_keys(&sp, ":desc", &why), -1);
	for (size_t i = sp.nkeys; i < ART_SORT_MAX_KEYS; i++)
		ck_assert_int_eq(art_sort_add_keys(&sp, "date", &why), 0);
	ck_assert_int_eq(art_sort_add_keys(&sp, "date", &why), -1);
	ck_assert_str_eq(why.msg, "more than 16 keys");
}
END_TEST

static int cmp_records(const char *keys, bool reverse, const struct art_record *a,
                       const struct art_record *b)
{
	struct art_sort_spec sp = spec_of(keys, reverse);
	return art_sort_compare(&sp, &(struct art_item){.rec = a}, &(struct art_item){.rec = b});
}

START_TEST(strings_compare_by_bytes_and_numbers_as_numbers)
{
	struct art_record a = {.title = S("Zebra"), .date = S("2024-01-02"), .likes = 9},
	                  b = {.title = S("apple"), .date = S("2024-01-02"), .likes = 10},
	                  c = {.title = S("caf\xC3\xA9"), .date = S("2023-12-31"), .likes = 10};
	ck_assert_int_lt(cmp_records("title", false, &a, &b), 0); /* 'Z' < 'a' */
	ck_assert_int_gt(cmp_records("title", false, &c, &b), 0);
	struct art_record d = {.title = S("caf")};
	ck_assert_int_lt(cmp_records("title", false, &d, &c), 0); /* a prefix first */
	ck_assert_int_lt(cmp_records("likes", false, &a, &b), 0); /* 9 < 10 */
	ck_assert_int_eq(cmp_records("likes", false, &b, &c), 0);
	ck_assert_int_gt(cmp_records(NULL, false, &a, &c), 0); /* by date */
	ck_assert_int_eq(cmp_records(NULL, false, &a, &b), 0);
	ck_assert_int_lt(cmp_records("date,likes", false, &a, &b), 0);
	ck_assert_int_gt(cmp_records("date,likes", true, &a, &b), 0);
	ck_assert_int_lt(cmp_records("date,likes", true, &a, &c), 0);
	/* each key its own way; -r turns every one */
	ck_assert_int_gt(cmp_records("date,likes:desc", false, &a, &b), 0);
	ck_assert_int_gt(cmp_records("date:desc,likes", false, &c, &a), 0);
	ck_assert_int_lt(cmp_records("date:desc,likes", true, &c, &a), 0);
	ck_assert_int_lt(cmp_records("date,likes:desc", true, &a, &b), 0);
	art_str t3[3] = {S("a"), S("b"), S("c")};
	struct art_record e = {.tags = t3, .ntags = 3}, f = {.tags = t3, .ntags = 2};
	ck_assert_int_gt(cmp_records("tags", false, &e, &f), 0);
	/* folded: the same fold as every -i */
	struct art_record g = {.title = S("\xC3\x89"
	                                  "clair")},
	                  h = {.title = S("\xC3\xA9"
	                                  "clair")},
	                  k = {.title = S("KAFKA")}, l = {.title = S("Kafka")};
	ck_assert_int_ne(cmp_records("title", false, &g, &h), 0);
	ck_assert_int_ne(cmp_records("title", false, &k, &l), 0);
	struct art_sort_spec fold = spec_of("title", false);
	fold.fold = true;
	ck_assert_int_eq(
	    art_sort_compare(&fold, &(struct art_item){.rec = &g}, &(struct art_item){.rec = &h}),
	    0);
	ck_assert_int_eq(
	    art_sort_compare(&fold, &(struct art_item){.rec = &k}, &(struct art_item){.rec = &l}),
	    0);
}
END_TEST

/* Extra keys compare as their values are: numbers as numbers, before
 * strings, before other JSON; a record without the key comes last either
 * way. */
START_TEST(extra_keys_compare_by_their_values)
{
	static const char *const values[] = {
	    "\"x\":-2.5e1,",     "\"x\":3,",
	    "\"x\":10,",         "\"x\":\"10 tips\",",
	    "\"x\":\"9 tips\",", "\"x\":\"Banana\",",
	    "\"x\":\"apple\",",  "\"x\":[1],",
	    "\"x\":false,",      "",
	};
	enum { M = sizeof values / sizeof *values };
	static struct art_jobject objs[M];
	static struct art_record rs[M];
	static char lines[M][256];
	struct art_item it[M];
	struct art_error why;
	for (size_t i = 0; i < M; i++) {
		snprintf(lines[i], sizeof lines[i],
		         "{%s\"source\":\"S\",\"date\":\"2024-01-01\",\"category\":\"C\",\"title\":"
		         "\"T\",\"summary\":\"\",\"tags\":[],\"likes\":0,\"read_minutes\":0}",
		         values[i]);
		ck_assert_int_eq(
		    art_json_parse(&objs[i], (art_str){lines[i], strlen(lines[i])}, &why), 0);
		ck_assert_int_eq(art_record_from_json(&rs[i], &objs[i], &why), 0);
		it[i] = (struct art_item){.rec = &rs[i], .obj = &objs[i]};
	}
	struct art_sort_spec up = spec_of("x", false), down = spec_of("x:desc", false),
	                     reversed = spec_of("x", true);
	for (size_t i = 0; i + 1 < M; i++) {
		/* values[] is in ascending order, the missing key last */
		ck_assert_msg(art_sort_compare(&up, &it[i], &it[i + 1]) < 0, "%zu", i);
		if (i + 2 < M) {
			ck_assert_msg(art_sort_compare(&down, &it[i], &it[i + 1]) > 0, "%zu", i);
			ck_assert_msg(art_sort_compare(&reversed, &it[i], &it[i + 1]) > 0, "%zu",
			              i);
		} else { /* the record without "x" */
			ck_assert(art_sort_compare(&down, &it[i], &it[i + 1]) < 0);
			ck_assert(art_sort_compare(&reversed, &it[i], &it[i + 1]) < 0);
		}
	}
	ck_assert_int_eq(art_sort_compare(&up, &it[M - 1], &it[M - 1]), 0);
	/* a sorter puts them so, from any order, through runs on disk */
	struct art_sorter *s = art_sorter_new(&down, 1, tmpdir);
	for (size_t i = 0; i < M; i++)
		ck_assert_int_eq(art_sorter_add(s, &it[(i * 7) % M], &err), ART_OK);
	art_str line;
	for (size_t i = M - 1; i-- > 0;) {
		ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_OK);
		ck_assert_uint_eq(line.n, strlen(lines[i]) + 1);
		ck_assert(memcmp(line.p, lines[i], line.n - 1) == 0);
	}
	ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_OK);
	ck_assert(memcmp(line.p, lines[M - 1], line.n - 1) == 0); /* missing: last */
	ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_EOF);
	art_sorter_free(s);
	for (size_t i = 0; i < M; i++)
		art_jobject_free(&objs[i]);
}
END_TEST

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* A control group's limit is the least on the way to the root. */
START_TEST(a_control_groups_memory_limit)
{
	char fs[] = "/tmp/check_sort.XXXXXX", self[600], dir[600];
	ck_assert_ptr_nonnull(mkdtemp(fs));
	snprintf(self, sizeof self, "%s/self", fs);
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), UINT64_MAX); /* no such files */
	write_file(fs, "self", "1:name=systemd:/x\n0::/a/b\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), UINT64_MAX); /* no memory.max */
	snprintf(dir, sizeof dir, "%s/a", fs);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/a/b", fs);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	write_file(dir, "memory.max", "max\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), UINT64_MAX);
	snprintf(dir, sizeof dir, "%s/a", fs);
	write_file(dir, "memory.max", "536870912\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), 536870912);
	snprintf(dir, sizeof dir, "%s/a/b", fs);
	write_file(dir, "memory.max", "1048576\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), 1048576);
	/* cgroup v1, the memory controller alone or with others */
	snprintf(dir, sizeof dir, "%s/memory", fs);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/memory/c", fs);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	write_file(dir, "memory.limit_in_bytes", "2097152\n");
	write_file(fs, "self", "4:memory:/c\n0::/\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), 2097152);
	write_file(fs, "self", "4:cpu,memory:/c\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), 2097152);
	write_file(fs, "self", "4:cpu,memoryx:/c\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), UINT64_MAX);
	snprintf(dir, sizeof dir, "%s/memory", fs);
	write_file(dir, "memory.limit_in_bytes", "1048576\n");
	write_file(fs, "self", "4:memory:/c\n");
	ck_assert_uint_eq(art_sort_cgroup_limit(fs, self), 1048576);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -r '%s'", fs);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(sizes_read_as_sort_reads_them)
{
	uint64_t v;
	ck_assert_int_eq(art_sort_parse_size("1", &v), 0);
	ck_assert_uint_eq(v, 1024);
	ck_assert_int_eq(art_sort_parse_size("10b", &v), 0);
	ck_assert_uint_eq(v, 10);
	ck_assert_int_eq(art_sort_parse_size("2K", &v), 0);
	ck_assert_uint_eq(v, 2048);
	ck_assert_int_eq(art_sort_parse_size("2k", &v), 0);
	ck_assert_uint_eq(v, 2048);
	ck_assert_int_eq(art_sort_parse_size("3M", &v), 0);
	ck_assert_uint_eq(v, 3u << 20);
	ck_assert_int_eq(art_sort_parse_size("1G", &v), 0);
	ck_assert_uint_eq(v, 1u << 30);
	ck_assert_int_eq(art_sort_parse_size("2T", &v), 0);
	ck_assert_uint_eq(v, UINT64_C(2) << 40);
	ck_assert_int_eq(art_sort_parse_size("0b", &v), 0);
	ck_assert_uint_eq(v, 0);
	ck_assert_int_eq(art_sort_parse_size("50%", &v), 0);
	ck_assert_uint_gt(v, 0);
	uint64_t all;
	ck_assert_int_eq(art_sort_parse_size("100%", &all), 0);
	ck_assert_uint_le(v, all);
	const char *bad[] = {"",
	                     "x",
	                     "-1",
	                     "+1",
	                     " 1",
	                     "1 ",
	                     "1KB",
	                     "1Q",
	                     "101%",
	                     "1.5M",
	                     "99999999999999999999",
	                     "18014398509481984K",
	                     "M"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(art_sort_parse_size(bad[i], &v) == -1, "took '%s'", bad[i]);
	ck_assert_uint_ge(art_sort_default_size(), 8u << 20);
}
END_TEST

START_TEST(in_memory_sorts_are_stable)
{
	struct art_sort_spec specs[] = {
	    spec_of(NULL, false),
	    spec_of("source,likes", false),
	    spec_of("tags", true),
	    spec_of("title,category,read_minutes", false),
	    spec_of("date,date", true),
	    spec_of("source:desc,likes,title:desc", false),
	    spec_of("likes:desc,url,source", true), /* url: missing everywhere */
	};
	for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
		ck_assert_uint_eq(check_sort(&specs[i], 64u << 20), 0);
}
END_TEST

START_TEST(small_budgets_spill_runs_and_merge_them)
{
	struct art_sort_spec spec = spec_of("source,read_minutes", false);
	/* a few records a run: generations of merged runs */
	ck_assert_uint_gt(check_sort(&spec, 4096), 2 * ART_SORT_FANIN);
	spec.reverse = true;
	ck_assert_uint_gt(check_sort(&spec, 2048), 2 * ART_SORT_FANIN);
	/* one record a run; the last one stays in memory */
	struct art_sort_spec likes = spec_of("likes", false);
	ck_assert_uint_eq(check_sort(&likes, 1), N - 1);
	struct art_sort_spec mixed = spec_of("read_minutes:desc,source", false);
	mixed.fold = true;
	ck_assert_uint_gt(check_sort(&mixed, 4096), 2 * ART_SORT_FANIN);
	/* a few runs, merged with what is still in memory */
	ck_assert_uint_ge(check_sort(&likes, 200u << 10), 2);
}
END_TEST

START_TEST(nothing_in_nothing_out)
{
	struct art_sort_spec spec = {.nkeys = 0};
	struct art_sorter *s = art_sorter_new(&spec, 1024, tmpdir);
	art_str line;
	ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_EOF);
	ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_EOF);
	art_sorter_free(s);
}
END_TEST

struct fake {
	size_t group, ngroups, at;
	const char *file;
	bool backwards;
};

/* The records of one group (i % ngroups == group), in sorted order, or in
 * reverse when BACKWARDS. */
static size_t sorted_idx[N];
static int fake_next(void *ctx, struct art_item *item)
{
	struct fake *f = ctx;
	for (; f->at < N; f->at++) {
		size_t i = sorted_idx[f->backwards ? N - 1 - f->at : f->at];
		if (i % f->ngroups == f->group) {
			f->at++;
			*item = (struct art_item){.rec = &recs[i]};
			item->file = f->file;
			item->line = f->at;
			return ART_OK;
		}
	}
	return ART_EOF;
}

static void check_merge(size_t ngroups)
{
	struct art_sort_spec spec = spec_of("read_minutes,title", false);
	for (size_t i = 0; i < N; i++)
		sorted_idx[i] = i;
	oracle_spec = &spec;
	oracle_groups = 1;
	qsort(sorted_idx, N, sizeof *sorted_idx, oracle_cmp);
	struct fake *fakes = calloc(ngroups, sizeof *fakes);
	struct art_sorter *s = art_sorter_new(&spec, 1024, tmpdir);
	for (size_t g = 0; g < ngroups; g++) {
		fakes[g] = (struct fake){.group = g, .ngroups = ngroups, .file = "part"};
		ck_assert_int_eq(art_sorter_add_source(s, fake_next, &fakes[g]), 0);
	}
	struct art_buf want = {0}, got = {0};
	expected(&spec, ngroups, &want);
	drain(s, &got);
	art_sorter_free(s);
	free(fakes);
	ck_assert_uint_eq(got.len, want.len);
	ck_assert(memcmp(got.p, want.p, want.len) == 0);
	art_buf_free(&want);
	art_buf_free(&got);
}

START_TEST(sorted_sources_merge_in_one_pass)
{
	check_merge(1);
	check_merge(3);
	check_merge(300); /* more than can be merged at once */
}
END_TEST

START_TEST(a_source_out_of_order_is_reported_once)
{
	struct art_sort_spec spec = spec_of("read_minutes", false);
	for (size_t i = 0; i < N; i++)
		sorted_idx[i] = i;
	oracle_spec = &spec;
	oracle_groups = 1;
	qsort(sorted_idx, N, sizeof *sorted_idx, oracle_cmp);
	struct fake good = {.group = 0, .ngroups = 2, .file = "good"};
	struct fake bad = {.group = 1, .ngroups = 2, .file = "bad", .backwards = true};
	struct art_sorter *s = art_sorter_new(&spec, 1024, tmpdir);
	ck_assert_int_eq(art_sorter_add_source(s, fake_next, &good), 0);
	ck_assert_int_eq(art_sorter_add_source(s, fake_next, &bad), 0);
	art_str line;
	int rc, lines = 0, bads = 0;
	while ((rc = art_sorter_next(s, &line, &err)) != ART_EOF) {
		if (rc == ART_BAD) {
			bads++;
			ck_assert_str_eq(err.file, "bad");
			ck_assert_str_eq(err.msg, "out of order by read_minutes");
			continue;
		}
		ck_assert_int_eq(rc, ART_OK);
		ck_assert(line.n > 0 && line.p[line.n - 1] == '\n');
		lines++;
	}
	ck_assert_int_eq(bads, 1);
	ck_assert_int_eq(lines, N); /* nothing lost */
	art_sorter_free(s);
}
END_TEST

START_TEST(a_temporary_directory_that_fails_is_reported)
{
	struct art_sort_spec spec = {.nkeys = 0};
	struct art_sorter *s = art_sorter_new(&spec, 1, "/nonexistent/dir");
	ck_assert_int_eq(add_record(s, &recs[0], &err), ART_OK);
	ck_assert_int_eq(add_record(s, &recs[1], &err), ART_FAIL);
	ck_assert_str_eq(err.msg, "cannot create a temporary file in /nonexistent/dir: "
	                          "No such file or directory");
	art_sorter_free(s);
}
END_TEST

START_TEST(runs_never_show_in_the_directory)
{
	struct art_sort_spec spec = {.nkeys = 0};
	struct art_sorter *s = art_sorter_new(&spec, 1024, tmpdir);
	for (size_t i = 0; i < N; i++)
		add_record(s, &recs[i], &err);
	ck_assert_uint_gt(art_sorter_runs(s), 100);
	ck_assert_int_eq(entries_in(tmpdir), 0);
	art_str line;
	ck_assert_int_eq(art_sorter_next(s, &line, &err), ART_OK);
	ck_assert_int_eq(entries_in(tmpdir), 0);
	art_sorter_free(s); /* half read: nothing left either (teardown checks) */
}
END_TEST

static Suite *sort_suite(void)
{
	Suite *s = suite_create("sort");
	TCase *tc = tcase_create("sort");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, keys_are_read_as_k_takes_them);
	tcase_add_test(tc, strings_compare_by_bytes_and_numbers_as_numbers);
	tcase_add_test(tc, extra_keys_compare_by_their_values);
	tcase_add_test(tc, sizes_read_as_sort_reads_them);
	tcase_add_test(tc, in_memory_sorts_are_stable);
	tcase_add_test(tc, small_budgets_spill_runs_and_merge_them);
	tcase_add_test(tc, nothing_in_nothing_out);
	tcase_add_test(tc, sorted_sources_merge_in_one_pass);
	tcase_add_test(tc, a_source_out_of_order_is_reported_once);
	tcase_add_test(tc, a_temporary_directory_that_fails_is_reported);
	tcase_add_test(tc, runs_never_show_in_the_directory);
	tcase_add_test(tc, a_control_groups_memory_limit);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(sort_suite)
