#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "unit.h"

/* Copy the spool into a file through an art_out and read the file back. */
static char *copied(struct art_spool *s, size_t *len)
{
	char path[] = "/tmp/check_spool.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct art_out out;
	ck_assert_int_eq(art_out_open(&out, path), 0);
	ck_assert_int_eq(art_buf_append(&out.buf, "top\n", 4), 0);
	ck_assert_int_eq(art_spool_copy(s, &out), 0);
	ck_assert_int_eq(art_out_close(&out), 0);
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	char *text = malloc(1 << 20);
	*len = fread(text, 1, 1 << 20, f);
	fclose(f);
	unlink(path);
	return text;
}

START_TEST(small_spools_stay_in_memory)
{
	struct art_spool s;
	art_spool_init(&s, 1024);
	ck_assert_int_eq(art_buf_append(&s.buf, "one\ntwo\n", 8), 0);
	ck_assert_int_eq(art_spool_settle(&s), 0);
	ck_assert_int_eq(s.fd, -1);
	size_t n;
	char *text = copied(&s, &n);
	ck_assert_uint_eq(n, 12);
	ck_assert(memcmp(text, "top\none\ntwo\n", 12) == 0);
	ck_assert_uint_eq(s.buf.len, 0);
	free(text);
	art_spool_free(&s);
}
END_TEST

START_TEST(large_spools_go_to_a_file_and_come_back_whole)
{
	struct art_spool s;
	art_spool_init(&s, 100);
	for (int i = 0; i < 20000; i++) {
		ck_assert_int_eq(art_buf_printf(&s.buf, "line %05d\n", i), 0);
		ck_assert_int_eq(art_spool_settle(&s), 0);
		ck_assert_uint_le(s.buf.len, 100);
	}
	ck_assert_int_ge(s.fd, 0);
	size_t n;
	char *text = copied(&s, &n);
	ck_assert_uint_eq(n, 4 + 20000 * 11);
	ck_assert(memcmp(text + 4, "line 00000\n", 11) == 0);
	ck_assert(memcmp(text + n - 11, "line 19999\n", 11) == 0);
	free(text);
	/* once copied the spool is empty and may be used again */
	ck_assert_int_eq(art_buf_append(&s.buf, "again\n", 6), 0);
	text = copied(&s, &n);
	ck_assert_uint_eq(n, 10);
	free(text);
	art_spool_free(&s);
}
END_TEST

START_TEST(bytes_are_read_back_where_they_are)
{
	struct art_spool s;
	struct art_buf scratch = {0};
	art_str got;
	art_spool_init(&s, 100);
	for (int i = 0; i < 1000; i++) {
		ck_assert_uint_eq(art_spool_size(&s), (uint64_t)i * 11);
		ck_assert_int_eq(art_buf_printf(&s.buf, "line %05d\n", i), 0);
		ck_assert_int_eq(art_spool_settle(&s), 0);
	}
	ck_assert_int_eq(art_buf_printf(&s.buf, "line %05d\n", 1000), 0);
	ck_assert_int_eq(art_spool_settle(&s), 0);
	ck_assert_uint_gt(s.in_file, 0);     /* some in the file ... */
	ck_assert_uint_eq(s.buf.len, 11);    /* ... the last one in memory */
	for (int i = 1000; i >= 0; i -= 5) { /* in any order */
		ck_assert_int_eq(art_spool_read(&s, (uint64_t)i * 11, 11, &scratch, &got), 0);
		char want[16];
		snprintf(want, sizeof want, "line %05d\n", i);
		ck_assert_str_view(got, want);
	}
	art_buf_free(&scratch);
	art_spool_free(&s);
}
END_TEST

START_TEST(a_temporary_directory_that_fails_is_reported)
{
	struct art_spool s;
	setenv("TMPDIR", "/nonexistent/dir", 1);
	art_spool_init(&s, 4);
	ck_assert_int_eq(art_buf_append(&s.buf, "more than four", 14), 0);
	ck_assert_int_eq(art_spool_settle(&s), -1);
	ck_assert_int_ne(s.err, 0);
	ck_assert_int_eq(art_spool_settle(&s), -1); /* and stays failed */
	unsetenv("TMPDIR");
	art_spool_free(&s);
}
END_TEST

static Suite *spool_suite(void)
{
	Suite *s = suite_create("spool");
	TCase *tc = tcase_create("spool");
	tcase_add_test(tc, small_spools_stay_in_memory);
	tcase_add_test(tc, large_spools_go_to_a_file_and_come_back_whole);
	tcase_add_test(tc, bytes_are_read_back_where_they_are);
	tcase_add_test(tc, a_temporary_directory_that_fails_is_reported);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(spool_suite)
