#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "unit.h"

static struct art_lines lines;

/* Read from a temporary file holding N bytes of DATA. */
static void open_bytes(const char *data, size_t n)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	fflush(f);
	rewind(f);
	art_lines_init_fd(&lines, dup(fileno(f)));
	lines.owns_fd = true;
	fclose(f);
}

static void expect_line(const char *text, size_t n)
{
	art_str l;
	ck_assert_int_eq(art_lines_next(&lines, &l), ART_OK);
	ck_assert_uint_eq(l.n, n);
	ck_assert(memcmp(l.p, text, n) == 0);
}

static void expect_end(void)
{
	art_str l;
	ck_assert_int_eq(art_lines_next(&lines, &l), ART_EOF);
	art_lines_close(&lines);
}

START_TEST(every_line_end_is_one)
{
	open_bytes("lf\ncrlf\r\ncr\rlast", 16);
	expect_line("lf", 2);
	expect_line("crlf", 4);
	expect_line("cr", 2);
	expect_line("last", 4);
	ck_assert_uint_eq(lines.lineno, 4);
	expect_end();
}
END_TEST

START_TEST(blank_lines_count)
{
	open_bytes("\n\r\n\na\n", 6);
	expect_line("", 0);
	expect_line("", 0);
	expect_line("", 0);
	expect_line("a", 1);
	expect_end();
}
END_TEST

START_TEST(a_byte_order_mark_is_dropped)
{
	open_bytes("\xEF\xBB\xBFone\n\xEF\xBB\xBFtwo\n", 14);
	expect_line("one", 3);
	expect_line("two", 3);
	expect_end();
}
END_TEST

START_TEST(nul_bytes_are_kept)
{
	open_bytes("a\0b\n", 4);
	expect_line("a\0b", 3);
	expect_end();
}
END_TEST

START_TEST(an_empty_file_has_no_lines)
{
	open_bytes("", 0);
	expect_end();
}
END_TEST

START_TEST(crlf_split_across_blocks_is_one_end)
{
	size_t n = ART_READ_BLOCK + 3;
	char *data = malloc(n);
	memset(data, 'x', n);
	data[ART_READ_BLOCK - 1] = '\r';
	data[ART_READ_BLOCK] = '\n';
	open_bytes(data, n);
	expect_line(data, ART_READ_BLOCK - 1);
	expect_line("xx", 2);
	expect_end();
	free(data);
}
END_TEST

START_TEST(an_over_long_line_is_skipped_whole)
{
	size_t n = ART_LINE_MAX * 3 + 10;
	char *data = malloc(n);
	memset(data, 'y', n);
	memcpy(data, "ok\n", 3);
	memcpy(data + n - 6, "\nnext\n", 6);
	open_bytes(data, n);
	art_str l;
	expect_line("ok", 2);
	ck_assert_int_eq(art_lines_next(&lines, &l), ART_BAD);
	ck_assert_uint_eq(lines.lineno, 2);
	expect_line("next", 4);
	ck_assert_uint_eq(lines.lineno, 3);
	expect_end();
	free(data);
}
END_TEST

START_TEST(a_reader_may_allow_longer_lines)
{
	/* past the first buffer, up to the reader's own max */
	size_t n = ART_LINE_MAX * 3;
	char *data = malloc(n + 8);
	memset(data, 'z', n);
	memcpy(data + n, "\nnext\n", 6);
	open_bytes(data, n + 6);
	lines.max = ART_JSON_LINE_MAX;
	art_str l;
	ck_assert_int_eq(art_lines_next(&lines, &l), ART_OK);
	ck_assert_uint_eq(l.n, n);
	ck_assert(l.p[0] == 'z' && l.p[n - 1] == 'z');
	expect_line("next", 4);
	expect_end();
	/* and a smaller max skips more */
	open_bytes("short\nmuch too long\nok\n", 23);
	lines.max = 8;
	expect_line("short", 5);
	ck_assert_int_eq(art_lines_next(&lines, &l), ART_BAD);
	expect_line("ok", 2);
	expect_end();
	free(data);
}
END_TEST

START_TEST(a_missing_file_fails_with_errno)
{
	ck_assert_int_eq(art_lines_open(&lines, "/nonexistent/file"), -1);
}
END_TEST

static Suite *lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *tc = tcase_create("lines");
	tcase_add_test(tc, every_line_end_is_one);
	tcase_add_test(tc, blank_lines_count);
	tcase_add_test(tc, a_byte_order_mark_is_dropped);
	tcase_add_test(tc, nul_bytes_are_kept);
	tcase_add_test(tc, an_empty_file_has_no_lines);
	tcase_add_test(tc, crlf_split_across_blocks_is_one_end);
	tcase_add_test(tc, an_over_long_line_is_skipped_whole);
	tcase_add_test(tc, a_reader_may_allow_longer_lines);
	tcase_add_test(tc, a_missing_file_fails_with_errno);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(lines_suite)
