#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "unit.h"

START_TEST(times_as_entries_show_them)
{
	char text[21];
	art_seen_time_format(0, text);
	ck_assert_str_eq(text, "1970-01-01T00:00:00Z");
	art_seen_time_format(1764745200, text);
	ck_assert_str_eq(text, "2025-12-03T07:00:00Z");
	int64_t t;
	ck_assert_int_eq(art_seen_time_parse(S("2025-12-03T07:00:00Z"), &t), 0);
	ck_assert_int_eq(t, 1764745200);
	ck_assert_int_eq(art_seen_time_parse(S("2024-02-29T23:59:59Z"), &t), 0);
	ck_assert_int_eq(t, 1709251199);
	ck_assert_int_eq(art_seen_time_parse(S("1969-12-31T23:59:59Z"), &t), 0);
	ck_assert_int_eq(t, -1);
	const char *bad[] = {"2023-02-29T00:00:00Z", "2025-12-03 07:00:00Z",
	                     "2025-12-03T24:00:00Z", "2025-12-03T07:60:00Z",
	                     "2025-12-03T07:00:00",  "2025-12-03T07:00:00+01",
	                     "2025-12-3T07:00:00Z",  ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(art_seen_time_parse((art_str){bad[i], strlen(bad[i])}, &t) == -1,
		              "%s taken", bad[i]);
}
END_TEST

START_TEST(durations_in_hours_days_weeks)
{
	int64_t s;
	ck_assert_int_eq(art_seen_duration("36h", &s), 0);
	ck_assert_int_eq(s, 36 * 3600);
	ck_assert_int_eq(art_seen_duration("180d", &s), 0);
	ck_assert_int_eq(s, 180 * 86400);
	ck_assert_int_eq(art_seen_duration("2w", &s), 0);
	ck_assert_int_eq(s, 14 * 86400);
	ck_assert_int_eq(art_seen_duration("0d", &s), 0);
	ck_assert_int_eq(s, 0);
	const char *bad[] = {"180", "d", "-1d", "1.5d", "10m", "1dd", " 1d", "99999999999999999w"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(art_seen_duration(bad[i], &s) == -1, "%s taken", bad[i]);
}
END_TEST

static char dir[64];
static char path[96];

static void make_dir(void)
{
	snprintf(dir, sizeof dir, "%s/check_seen.XXXXXX", P_tmpdir);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/state", dir);
}

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
}

static void write_file(const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static char *read_file(void)
{
	static char text[4096];
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Write the state of S to PATH, as art-filter does at the end of a run. */
static void write_state(struct art_seen *s, const struct art_identity *id)
{
	struct art_out out;
	struct art_error err = {0};
	ck_assert_int_eq(art_out_open(&out, path), 0);
	ck_assert_int_eq(art_seen_write(s, id, &out, &err), 0);
	ck_assert_int_eq(art_out_close(&out), 0);
	art_seen_close(s);
}

#define HEADER "{\"art_unseen\":1,\"keys\":[\"source\",\"date\",\"title\"]}\n"
#define NOW    1764745200 /* 2025-12-03T07:00:00Z */

START_TEST(a_missing_file_is_made_with_what_a_run_wrote)
{
	make_dir();
	struct art_identity id;
	art_identity_default(&id);
	struct art_unique u;
	art_unique_init(&u, ART_KEEP_FIRST, 1 << 20);
	struct art_seen s;
	struct art_error err = {0};
	ck_assert_int_eq(art_seen_open(&s, path, &id, NOW, -1, &u, &err), ART_OK);
	ck_assert_int_eq(s.fd, -1);
	ck_assert_int_ge(s.dirfd, 0); /* the directory is locked until the file is made */
	struct art_record r = {
	    .source = S("JD Tech"), .date = S("2024-05-29"), .title = S("A \"B\"")};
	uint64_t h = art_identity_hash(&id, &r);
	ck_assert_int_eq(art_unique_offer(&u, h, (art_str){0}, &err), 1);
	ck_assert_int_eq(art_seen_add(&s, &id, h, &r, &err), 0);
	write_state(&s, &id);
	char want[512];
	snprintf(want, sizeof want,
	         HEADER
	         "{\"first_seen\":\"2025-12-03T07:00:00Z\",\"id\":\"%016llx\",\"key\":"
	         "{\"source\":\"JD Tech\",\"date\":\"2024-05-29\",\"title\":\"A \\\"B\\\"\"}}\n",
	         (unsigned long long)h);
	ck_assert_str_eq(read_file(), want);

	/* read again: the identity is known */
	art_unique_free(&u);
	art_unique_init(&u, ART_KEEP_FIRST, 1 << 20);
	ck_assert_int_eq(art_seen_open(&s, path, &id, NOW + 60, -1, &u, &err), ART_OK);
	ck_assert_uint_eq(s.nread, 1);
	ck_assert_int_eq(art_unique_offer(&u, h, (art_str){0}, &err), 0);
	write_state(&s, &id);
	ck_assert_str_eq(read_file(), want);
	art_unique_free(&u);
	remove_dir();
}
END_TEST

START_TEST(entries_first_seen_too_long_ago_are_forgotten)
{
	make_dir();
	/* an entry as art-filter writes it, one reformatted by a person (keys
	 * in another order, spaces), and one that is old */
	write_file(
	    HEADER
	    "{\"first_seen\":\"2025-12-01T07:00:00Z\",\"id\":\"00000000000000a1\",\"key\":{}}\n"
	    "{ \"id\": \"00000000000000A2\", \"first_seen\": \"2025-11-01T07:00:00Z\" }\n"
	    "\n"
	    "{\"first_seen\":\"2025-06-01T06:59:59Z\",\"id\":\"00000000000000a3\",\"key\":{}}\n"
	    "{\"first_seen\":\"2025-12-02T07:00:00Z\",\"id\":\"00000000000000a4\",\"key\":{}}");
	struct art_identity id;
	art_identity_default(&id);
	struct art_unique u;
	art_unique_init(&u, ART_KEEP_FIRST, 1 << 20);
	struct art_seen s;
	struct art_error err = {0};
	ck_assert_int_eq(art_seen_open(&s, path, &id, NOW, 185 * 86400, &u, &err), ART_OK);
	ck_assert_uint_eq(s.nread, 4);
	ck_assert_uint_eq(s.nforgotten, 1);
	ck_assert_int_eq(art_unique_offer(&u, 0xa1, (art_str){0}, &err), 0);
	ck_assert_int_eq(art_unique_offer(&u, 0xa2, (art_str){0}, &err), 0);
	ck_assert_int_eq(art_unique_offer(&u, 0xa3, (art_str){0}, &err), 1); /* forgotten */
	ck_assert_int_eq(art_unique_offer(&u, 0xa4, (art_str){0}, &err), 0);
	write_state(&s, &id); /* blank lines go, a last line gets its newline */
	ck_assert_str_eq(
	    read_file(), HEADER
	    "{\"first_seen\":\"2025-12-01T07:00:00Z\",\"id\":\"00000000000000a1\",\"key\":{}}\n"
	    "{ \"id\": \"00000000000000A2\", \"first_seen\": \"2025-11-01T07:00:00Z\" }\n"
	    "{\"first_seen\":\"2025-12-02T07:00:00Z\",\"id\":\"00000000000000a4\",\"key\":{}}\n");
	art_unique_free(&u);
	remove_dir();
}
END_TEST

/* The error of opening PATH holding TEXT with the keys KEYS. */
static struct art_error open_error(const char *text, const char *keys)
{
	write_file(text);
	struct art_identity id;
	art_identity_parse(&id, keys);
	struct art_unique u;
	art_unique_init(&u, ART_KEEP_FIRST, 1 << 20);
	struct art_seen s;
	struct art_error err = {0};
	ck_assert_int_eq(art_seen_open(&s, path, &id, NOW, -1, &u, &err), ART_FAIL);
	art_seen_close(&s);
	art_unique_free(&u);
	return err;
}

START_TEST(what_is_no_state_file_is_refused)
{
	make_dir();
	struct art_error e = open_error("<html>report</html>\n", "source,date,title");
	ck_assert_str_eq(e.file, path);
	ck_assert_uint_eq(e.line, 1);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a state file of art-filter --unseen"));
	e = open_error("{\"art_unseen\":2,\"keys\":[\"title\"]}\n", "title");
	ck_assert_str_eq(e.msg, "a state file of another version of art-filter");
	e = open_error(HEADER, "title");
	ck_assert_str_eq(e.msg, "its identities are of the keys [\"source\",\"date\",\"title\"], "
	                        "not [\"title\"]");
	e = open_error(HEADER "{\"first_seen\":\"2025-12-01T07:00:00Z\",\"id\":\"a1\"}\n",
	               "source,date,title");
	ck_assert_uint_eq(e.line, 2);
	ck_assert_ptr_nonnull(strstr(e.msg, "not an entry"));
	e = open_error(HEADER "\n\n{\"first_seen\":\"yesterday\",\"id\":\"00000000000000a1\"}\n",
	               "source,date,title");
	ck_assert_uint_eq(e.line, 4);
	remove_dir();
}
END_TEST

static Suite *seen_suite(void)
{
	Suite *s = suite_create("seen");
	TCase *tc = tcase_create("seen");
	tcase_add_test(tc, times_as_entries_show_them);
	tcase_add_test(tc, durations_in_hours_days_weeks);
	tcase_add_test(tc, a_missing_file_is_made_with_what_a_run_wrote);
	tcase_add_test(tc, entries_first_seen_too_long_ago_are_forgotten);
	tcase_add_test(tc, what_is_no_state_file_is_refused);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(seen_suite)
