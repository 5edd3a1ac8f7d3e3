#include <config.h>

#include "unit.h"

START_TEST(the_width_comes_from_columns_then_the_terminal)
{
	ck_assert_uint_eq(art_chart_width("120", 100), 120);
	ck_assert_uint_eq(art_chart_width(NULL, 100), 100);
	ck_assert_uint_eq(art_chart_width(NULL, 0), 80);
	ck_assert_uint_eq(art_chart_width("", 0), 80);
	ck_assert_uint_eq(art_chart_width("0", 0), 80);
	ck_assert_uint_eq(art_chart_width("-40", 50), 50);
	ck_assert_uint_eq(art_chart_width("40x", 0), 80);
	ck_assert_uint_eq(art_chart_width(" 40", 0), 80);
	ck_assert_uint_eq(art_chart_width("99999999999999999999", 0), 80);
}
END_TEST

START_TEST(labels_are_cut_padded_and_made_safe)
{
	struct art_chart c;
	art_chart_layout(&c, 40, 8, 9);
	ck_assert_uint_eq(c.label_w, 8);
	struct art_buf b = {0};
	ck_assert_int_eq(art_chart_put(&b, &c, S("Kafka"), 0), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("Backend Engineering"), 0), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("数据库优化"), 0), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("a\x1b[31m"), 0), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("tab\t\xff"), 0), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_str_eq(b.p, "Kafka    0 \n"
	                      "Backend… 0 \n"
	                      "数据库…  0 \n"
	                      "a?[31m   0 \n"
	                      "tab?\xef\xbf\xbd    0 \n");
	art_buf_free(&b);
	/* no room for labels: none */
	art_chart_layout(&c, 3, 10, 5);
	b = (struct art_buf){0};
	ck_assert_int_eq(art_chart_put(&b, &c, S("Kafka"), 0), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_str_eq(b.p, " 0 \n");
	art_buf_free(&b);
}
END_TEST

START_TEST(bars_are_drawn_in_eighths_of_a_cell)
{
	struct art_chart c;
	art_chart_layout(&c, 40, 5, 16);
	ck_assert_uint_eq(c.count_w, 2);
	ck_assert_uint_eq(c.label_w, 5);
	ck_assert_uint_eq(c.bar_w, 31);
	struct art_buf b = {0};
	ck_assert_int_eq(art_chart_put(&b, &c, S("Kafka"), 16), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("Go"), 1), 0);
	ck_assert_int_eq(art_chart_put(&b, &c, S("Rust"), 8), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	/* 31 cells for 16: 1 is 31/16 cells = 15.5 eighths, rounded to 16 */
	ck_assert_str_eq(b.p, "Kafka 16 ███████████████████████████████\n"
	                      "Go     1 ██\n"
	                      "Rust   8 ███████████████▌\n");
	art_buf_free(&b);

	/* a count too small for an eighth still shows one */
	art_chart_layout(&c, 20, 2, 1000000);
	b = (struct art_buf){0};
	ck_assert_int_eq(art_chart_put(&b, &c, S("a"), 1), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_str_eq(b.p, "a        1 ▏\n");
	art_buf_free(&b);

	/* with colour, the bar alone is cyan */
	art_chart_layout(&c, 12, 2, 2);
	c.color = true;
	b = (struct art_buf){0};
	ck_assert_int_eq(art_chart_put(&b, &c, S("a"), 1), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_str_eq(b.p, "a  1 \033[36m███▌\033[0m\n");
	art_buf_free(&b);
}
END_TEST

START_TEST(labels_take_at_most_half_of_the_room)
{
	struct art_chart c;
	art_chart_layout(&c, 80, 60, 5);
	ck_assert_uint_eq(c.label_w, 38);
	ck_assert_uint_eq(c.bar_w, 39);
	art_chart_layout(&c, 3, 10, 5);
	ck_assert_uint_eq(c.label_w, 0);
	ck_assert_uint_eq(c.bar_w, 1);
}
END_TEST

static Suite *chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");
	tcase_add_test(tc, the_width_comes_from_columns_then_the_terminal);
	tcase_add_test(tc, labels_are_cut_padded_and_made_safe);
	tcase_add_test(tc, bars_are_drawn_in_eighths_of_a_cell);
	tcase_add_test(tc, labels_take_at_most_half_of_the_room);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(chart_suite)
