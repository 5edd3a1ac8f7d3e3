#include <config.h>

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

/* The bytes written so far to the temporary file behind O (-o FILE). */
static off_t written(const struct art_out *o)
{
	struct stat st;
	ck_assert_int_eq(stat(o->tmp, &st), 0);
	return st.st_size;
}

static void write_two_lines(bool line_buffered, off_t after_first, off_t after_second)
{
	char path[] = "/tmp/check_output.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct art_out out;
	ck_assert_int_eq(art_out_open(&out, path), 0);
	out.line_buffered = line_buffered;
	ck_assert_int_eq(art_buf_append(&out.buf, "one\n", 4), 0);
	ck_assert_int_eq(art_out_ready(&out), 0);
	ck_assert_int_eq(written(&out), after_first);
	ck_assert_int_eq(art_buf_append(&out.buf, "two\n", 4), 0);
	ck_assert_int_eq(art_out_ready(&out), 0);
	ck_assert_int_eq(written(&out), after_second);
	ck_assert_int_eq(art_out_close(&out), 0);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_size, 8);
	unlink(path);
}

START_TEST(a_block_at_a_time_by_default)
{
	write_two_lines(false, 0, 0);
}
END_TEST

START_TEST(line_buffered_writes_each_line_at_once)
{
	write_two_lines(true, 4, 8);
}
END_TEST

static Suite *output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("output");
	tcase_add_test(tc, a_block_at_a_time_by_default);
	tcase_add_test(tc, line_buffered_writes_each_line_at_once);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(output_suite)
