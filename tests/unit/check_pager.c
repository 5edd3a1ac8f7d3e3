#include <config.h>

#include "unit.h"

/* What a pager says about N records in a row: s skip, t take, . done. */
static const char *steps(uint64_t per_page, uint64_t page, int n)
{
	static char out[64];
	struct art_pager p;
	art_pager_init(&p, per_page, page);
	int i = 0;
	for (; i < n; i++) {
		if (art_pager_done(&p)) {
			out[i] = '.';
			ck_assert_int_eq(art_pager_step(&p), ART_PAGE_DONE);
			continue;
		}
		out[i] = art_pager_step(&p) == ART_PAGE_TAKE ? 't' : 's';
	}
	out[i] = '\0';
	return out;
}

START_TEST(a_page_is_taken_and_then_reading_stops)
{
	ck_assert_str_eq(steps(3, 1, 8), "ttt.....");
	ck_assert_str_eq(steps(3, 2, 8), "sssttt..");
	ck_assert_str_eq(steps(3, 3, 8), "sssssstt"); /* the last page, short */
	ck_assert_str_eq(steps(3, 4, 8), "ssssssss"); /* past the end: nothing */
	ck_assert_str_eq(steps(1, 1, 3), "t..");
	ck_assert_str_eq(steps(1, 3, 3), "sst");
	ck_assert_str_eq(steps(10, 1, 3), "ttt");
}
END_TEST

START_TEST(huge_numbers_do_not_wrap_around)
{
	ck_assert_str_eq(steps(UINT64_MAX, 1, 4), "tttt");
	ck_assert_str_eq(steps(UINT64_MAX, 2, 4), "ssss");
	ck_assert_str_eq(steps(2, UINT64_MAX, 4), "ssss");
	ck_assert_str_eq(steps(UINT64_C(1) << 32, UINT64_C(1) << 32, 4), "ssss");
	struct art_pager p;
	art_pager_init(&p, UINT64_MAX, UINT64_MAX);
	ck_assert_uint_eq(p.first, UINT64_MAX);
	ck_assert(!art_pager_done(&p));
}
END_TEST

START_TEST(pages_are_counted_up)
{
	ck_assert_uint_eq(art_pages(0, 10), 0);
	ck_assert_uint_eq(art_pages(1, 10), 1);
	ck_assert_uint_eq(art_pages(10, 10), 1);
	ck_assert_uint_eq(art_pages(11, 10), 2);
	ck_assert_uint_eq(art_pages(43, 5), 9);
	ck_assert_uint_eq(art_pages(UINT64_MAX, 1), UINT64_MAX);
	ck_assert_uint_eq(art_pages(UINT64_MAX, UINT64_MAX), 1);
	struct art_buf b = {0};
	ck_assert_int_eq(art_pages_json(&b, 43, 5), 0);
	ck_assert_str_view(art_buf_str(&b), "{\"total\":43,\"per_page\":5,\"pages\":9}\n");
	b.len = 0;
	ck_assert_int_eq(art_pages_json(&b, 0, 10), 0);
	ck_assert_str_view(art_buf_str(&b), "{\"total\":0,\"per_page\":10,\"pages\":0}\n");
	art_buf_free(&b);
}
END_TEST

START_TEST(page_files_are_named_to_sort)
{
	ck_assert_int_eq(art_page_digits(0), 4);
	ck_assert_int_eq(art_page_digits(9999), 4);
	ck_assert_int_eq(art_page_digits(10000), 5);
	ck_assert_int_eq(art_page_digits(123456), 6);
	ck_assert_int_eq(art_page_digits(UINT64_MAX), 20);
	struct art_buf b = {0};
	ck_assert_int_eq(art_page_file_name(&b, "out/kafka", 1, 4), 0);
	ck_assert_str_eq(b.p, "out/kafka-0001.ndjson");
	ck_assert_int_eq(art_page_file_name(&b, "p", 42, 4), 0);
	ck_assert_str_eq(b.p, "p-0042.ndjson");
	ck_assert_int_eq(art_page_file_name(&b, "p", 12345, 4), 0);
	ck_assert_str_eq(b.p, "p-12345.ndjson");
	ck_assert_int_eq(art_page_file_name(&b, "p", 42, 6), 0);
	ck_assert_str_eq(b.p, "p-000042.ndjson");
	ck_assert_uint_eq(b.len, strlen(b.p));
	art_buf_free(&b);
}
END_TEST

static Suite *pager_suite(void)
{
	Suite *s = suite_create("pager");
	TCase *tc = tcase_create("pager");
	tcase_add_test(tc, a_page_is_taken_and_then_reading_stops);
	tcase_add_test(tc, huge_numbers_do_not_wrap_around);
	tcase_add_test(tc, pages_are_counted_up);
	tcase_add_test(tc, page_files_are_named_to_sort);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(pager_suite)
