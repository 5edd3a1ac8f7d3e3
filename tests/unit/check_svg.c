#include <config.h>

#include "unit.h"

#include "fmt/svg.h"

START_TEST(text_width_is_estimated_generously)
{
	double i = art_svg_text_width(S("iiii"), 14), m = art_svg_text_width(S("MMMM"), 14);
	ck_assert(i < m);
	/* M is 0.833 em in the table, and 15% is added */
	ck_assert(m > 4 * 0.833 * 14 && m < 4 * 0.833 * 14 * 1.2);
	/* a wide character is a full em, a combining mark nothing */
	ck_assert(art_svg_text_width(S("\xE6\x95\xB0"), 14) >= 14);
	ck_assert(art_svg_text_width(S("e\xCC\x81"), 14) == art_svg_text_width(S("e"), 14));
	ck_assert(art_svg_text_width(S(""), 14) == 0);
}
END_TEST

START_TEST(months_and_periods)
{
	ck_assert_int_eq(art_svg_month(S("2026-04-20")), 2026 * 12 + 3);
	ck_assert_int_eq(art_svg_month(S("2026-04")), 2026 * 12 + 3);
	ck_assert_int_eq(art_svg_month(S("2026-13")), -1);
	ck_assert_int_eq(art_svg_month(S("20x6-01")), -1);
	ck_assert_int_eq(art_svg_month(S("2026")), -1);
	/* up to the limit by month, then by year, at most 100 years */
	struct art_periods p = art_svg_periods(2024 * 12, 2024 * 12 + 11, 12);
	ck_assert(!p.years);
	ck_assert_uint_eq(p.n, 12);
	ck_assert_int_eq(art_svg_period_of(&p, 2024 * 12 + 5), 5);
	ck_assert_int_eq(art_svg_period_of(&p, 2025 * 12), -1);
	p = art_svg_periods(2024 * 12, 2025 * 12, 12);
	ck_assert(p.years);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_int_eq(art_svg_period_of(&p, 2025 * 12 + 7), 1);
	p = art_svg_periods(1 * 12, 9999 * 12, 120);
	ck_assert_uint_eq(p.n, 100);
	ck_assert_int_eq(p.first, 9900);
	ck_assert_int_eq(art_svg_period_of(&p, 1 * 12), -1);
}
END_TEST

START_TEST(long_labels_wrap_and_keep_their_title)
{
	struct art_buf b = {0};
	struct art_svg_bar bars[] = {
	    {S("Distributed Transaction Management and Then Some More Words"), 3},
	    {S("Go"), 1},
	};
	ck_assert_int_eq(art_svg_bar_chart(&b, bars, 2, "article"), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_ptr_nonnull(strstr(b.p, "<title>Distributed Transaction Management and Then "
	                                  "Some More Words: 3 articles</title>"));
	ck_assert_ptr_nonnull(strstr(b.p, "<tspan x=\"0\" dy=\"18\">"));
	ck_assert_ptr_nonnull(strstr(b.p, "<title>Go: 1 article</title>"));
	ck_assert_ptr_null(strstr(b.p, "<script"));
	art_buf_free(&b);
}
END_TEST

static Suite *svg_suite(void)
{
	Suite *s = suite_create("svg");
	TCase *tc = tcase_create("svg");
	tcase_add_test(tc, text_width_is_estimated_generously);
	tcase_add_test(tc, months_and_periods);
	tcase_add_test(tc, long_labels_wrap_and_keep_their_title);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(svg_suite)
