#include <config.h>

#include "unit.h"

START_TEST(strings_are_counted_and_sorted)
{
	struct art_tally t = {0};
	const char *words[] = {"Kafka", "Go", "Kafka", "ci/cd", "Go", "Kafka", "Redis", ""};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		ck_assert_int_eq(art_tally_add(&t, (art_str){words[i], strlen(words[i])}), 0);
	ck_assert_uint_eq(t.n, 5);
	ck_assert_uint_eq(t.total, 8);
	size_t n;
	struct art_tally_entry *v = art_tally_sorted(&t, &n);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_view(v[0].key, "Kafka");
	ck_assert_uint_eq(v[0].count, 3);
	ck_assert_str_view(v[1].key, "Go");
	ck_assert_uint_eq(v[1].count, 2);
	/* equal counts in byte order: "" < "Redis" < "ci/cd" */
	ck_assert_str_view(v[2].key, "");
	ck_assert_str_view(v[3].key, "Redis");
	ck_assert_str_view(v[4].key, "ci/cd");
	free(v);
	art_tally_free(&t);
}
END_TEST

START_TEST(many_strings_keep_their_counts)
{
	struct art_tally t = {0};
	char key[16];
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 5000; i++) {
			int n = snprintf(key, sizeof key, "tag%d", i);
			if (round < 2 || i % 2 == 0)
				ck_assert_int_eq(art_tally_add(&t, (art_str){key, (size_t)n}), 0);
		}
	ck_assert_uint_eq(t.n, 5000);
	size_t n;
	struct art_tally_entry *v = art_tally_sorted(&t, &n);
	ck_assert_uint_eq(n, 5000);
	ck_assert_uint_eq(v[0].count, 3);
	ck_assert_str_view(v[0].key, "tag0");
	ck_assert_uint_eq(v[2499].count, 3);
	ck_assert_uint_eq(v[2500].count, 2);
	free(v);
	art_tally_free(&t);
	ck_assert_ptr_null(art_tally_sorted(&t, &n));
	ck_assert_uint_eq(n, 0);
}
END_TEST

static Suite *tally_suite(void)
{
	Suite *s = suite_create("tally");
	TCase *tc = tcase_create("tally");
	tcase_add_test(tc, strings_are_counted_and_sorted);
	tcase_add_test(tc, many_strings_keep_their_counts);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(tally_suite)
