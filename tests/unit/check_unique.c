#include <config.h>

#include "unit.h"

static struct art_record rec(const char *source, const char *date, const char *title,
                             const char *summary)
{
	return (struct art_record){.source = {source, strlen(source)},
	                           .date = {date, strlen(date)},
	                           .title = {title, strlen(title)},
	                           .summary = {summary, strlen(summary)}};
}

START_TEST(hashes_depend_on_every_byte_and_the_length)
{
	const char *s = "The quick brown fox jumps over the lazy dog";
	uint64_t h = art_hash(s, strlen(s), 0);
	ck_assert(h == art_hash(s, strlen(s), 0));
	char t[64];
	for (size_t i = 0; i < strlen(s); i++) {
		strcpy(t, s);
		t[i] ^= 1;
		ck_assert_msg(art_hash(t, strlen(t), 0) != h, "flipping byte %zu changed nothing",
		              i);
	}
	/* zero bytes at the end still count, through the length */
	ck_assert(art_hash("ab", 2, 0) != art_hash("ab\0", 3, 0));
	ck_assert(art_hash("", 0, 0) != art_hash("\0", 1, 0));
	ck_assert(art_hash("", 0, 0) != art_hash("", 0, 1));
}
END_TEST

START_TEST(identity_is_source_date_and_title)
{
	struct art_record a = rec("JD Tech", "2024-05-29", "Caching", "one summary");
	struct art_record b = rec("JD Tech", "2024-05-29", "Caching", "another summary");
	ck_assert(art_record_identity(&a) == art_record_identity(&b));
	struct art_record c = rec("JD Tech", "2024-05-30", "Caching", "one summary");
	ck_assert(art_record_identity(&a) != art_record_identity(&c));
	/* where one field ends and the next begins matters */
	struct art_record d = rec("ab", "2024-05-29", "c", "");
	struct art_record e = rec("a", "2024-05-29", "bc", "");
	ck_assert(art_record_identity(&d) != art_record_identity(&e));
	struct art_record f = rec("JD Tech2024-05-29", "", "Caching", "");
	ck_assert(art_record_identity(&a) != art_record_identity(&f));
}
END_TEST

START_TEST(a_set_tells_new_from_seen)
{
	struct art_hashset s = {0};
	ck_assert_int_eq(art_hashset_add(&s, 42), 1);
	ck_assert_int_eq(art_hashset_add(&s, 42), 0);
	ck_assert_int_eq(art_hashset_add(&s, 0), 1); /* 0 can be added too (it is kept as 1) */
	ck_assert_int_eq(art_hashset_add(&s, 0), 0);
	ck_assert_uint_eq(s.n, 2);
	/* growing keeps everything */
	for (uint64_t i = 1; i <= 100000; i++)
		ck_assert_int_eq(art_hashset_add(&s, i * 0x9E3779B97F4A7C15ULL), 1);
	for (uint64_t i = 1; i <= 100000; i++)
		ck_assert_int_eq(art_hashset_add(&s, i * 0x9E3779B97F4A7C15ULL), 0);
	ck_assert_uint_eq(s.n, 100002);
	ck_assert_uint_ge(s.cap, 2 * s.n);
	art_hashset_free(&s);
	ck_assert_uint_eq(s.n, 0);
}
END_TEST

START_TEST(similar_records_do_not_collide)
{
	/* 200,000 identities differing in a counter, as titles of a feed do */
	struct art_hashset s = {0};
	char title[64];
	for (int i = 0; i < 200000; i++) {
		snprintf(title, sizeof title, "Article number %d", i);
		struct art_record r = rec("Source", "2024-01-01", title, "");
		ck_assert_int_eq(art_unique_first(&s, &r), 1);
	}
	struct art_record again = rec("Source", "2024-01-01", "Article number 777", "");
	ck_assert_int_eq(art_unique_first(&s, &again), 0);
	art_hashset_free(&s);
}
END_TEST

static Suite *unique_suite(void)
{
	Suite *s = suite_create("unique");
	TCase *tc = tcase_create("unique");
	tcase_add_test(tc, hashes_depend_on_every_byte_and_the_length);
	tcase_add_test(tc, identity_is_source_date_and_title);
	tcase_add_test(tc, a_set_tells_new_from_seen);
	tcase_add_test(tc, similar_records_do_not_collide);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(unique_suite)
