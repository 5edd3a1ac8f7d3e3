#include <config.h>

#include "unit.h"

#include "jarray.h"

/* Feed TEXT in pieces of STEP bytes; every element and report, one a line:
 * "LINE element" or "LINE ! message". */
static void scan(const char *text, size_t step, size_t max, struct art_buf *got)
{
	struct art_jarray a = {0};
	art_jarray_init(&a, 1, max);
	size_t n = strlen(text);
	struct art_error err;
	got->len = 0;
	art_str elem;
	unsigned long line;
	for (size_t at = 0;; at += step) {
		bool end = at >= n;
		if (!end)
			art_jarray_feed(&a, (art_str){text + at, at + step < n ? step : n - at});
		if (end) {
			if (art_jarray_end(&a, &err) == ART_BAD)
				ck_assert_int_eq(
				    art_buf_printf(got, "%lu ! %s\n", err.line, err.msg), 0);
			break;
		}
		int rc;
		while ((rc = art_jarray_next(&a, &elem, &line, &err)) != ART_MORE) {
			ck_assert_int_ge(rc, 0);
			if (rc == ART_OK)
				ck_assert_int_eq(
				    art_buf_printf(got, "%lu %.*s\n", line, (int)elem.n, elem.p),
				    0);
			else
				ck_assert_int_eq(
				    art_buf_printf(got, "%lu ! %s\n", err.line, err.msg), 0);
		}
	}
	ck_assert_int_eq(art_buf_putc(got, '\0'), 0);
	art_jarray_free(&a);
}

/* The same result fed whole, a byte at a time, and in odd pieces. */
static void expect(const char *text, size_t max, const char *want)
{
	struct art_buf got = {0};
	size_t steps[] = {strlen(text) + 1, 1, 2, 3, 7};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		scan(text, steps[i], max, &got);
		ck_assert_msg(strcmp(got.p, want) == 0, "step %zu: got\n%s\nexpected\n%s", steps[i],
		              got.p, want);
	}
	art_buf_free(&got);
}

START_TEST(elements_come_out_whole_with_their_lines)
{
	expect("[{\"a\":1},{\"b\":[1,{\"c\":\"]}\"}]}]", 100,
	       "1 {\"a\":1}\n1 {\"b\":[1,{\"c\":\"]}\"}]}\n");
	expect("[\n  {\n    \"a\": \"x\\\"y\"\n  },\n  2,\n  \"s,]\"\n]\n", 100,
	       "2 {\"a\":\"x\\\"y\"}\n5 2\n6 \"s,]\"\n");
	expect("[1]\n[]\n[true ,null]", 100, "1 1\n3 true\n3 null\n");
}
END_TEST

START_TEST(what_is_no_array_is_reported_and_passed_over)
{
	expect("{\"a\":1}\n[2]", 100, "1 ! expected a JSON array, not '{'\n2 2\n");
	expect("[1 2]", 100, "1 1\n1 ! expected ',' or ']' after an array element, not '2'\n1 2\n");
	expect("[{\"a\":", 100, "1 ! array element cut off by the end of the input\n");
	expect("[1,", 100, "1 1\n1 ! JSON array not closed by the end of the input\n");
}
END_TEST

START_TEST(an_element_too_long_is_skipped)
{
	expect("[\"0123456789\",1]", 8, "1 ! array element longer than 8 bytes skipped\n1 1\n");
}
END_TEST

static Suite *jarray_suite(void)
{
	Suite *s = suite_create("jarray");
	TCase *tc = tcase_create("jarray");
	tcase_add_test(tc, elements_come_out_whole_with_their_lines);
	tcase_add_test(tc, what_is_no_array_is_reported_and_passed_over);
	tcase_add_test(tc, an_element_too_long_is_skipped);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(jarray_suite)
