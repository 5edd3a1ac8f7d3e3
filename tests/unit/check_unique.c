#include <config.h>

#include <stdio.h>

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
	uint64_t h = art_id_hash(s, strlen(s), 0);
	ck_assert(h == art_id_hash(s, strlen(s), 0));
	char t[64];
	for (size_t i = 0; i < strlen(s); i++) {
		strcpy(t, s);
		t[i] ^= 1;
		ck_assert_msg(art_id_hash(t, strlen(t), 0) != h,
		              "flipping byte %zu changed nothing", i);
	}
	/* zero bytes at the end still count, through the length */
	ck_assert(art_id_hash("ab", 2, 0) != art_id_hash("ab\0", 3, 0));
	ck_assert(art_id_hash("", 0, 0) != art_id_hash("\0", 1, 0));
	ck_assert(art_id_hash("", 0, 0) != art_id_hash("", 0, 1));
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

START_TEST(identity_keys_are_named_and_checked)
{
	struct art_identity id;
	art_identity_default(&id);
	struct art_record a = rec("JD Tech", "2024-05-29", "Caching", "one summary");
	/* the default keys give the hash -u always gave */
	ck_assert(art_identity_hash(&id, &a) == art_record_identity(&a));
	ck_assert_int_eq(art_identity_parse(&id, "title"), 0);
	ck_assert_uint_eq(id.nkeys, 1);
	struct art_record b = rec("Other", "2020-01-01", "Caching", "");
	ck_assert(art_identity_hash(&id, &a) == art_identity_hash(&id, &b));
	ck_assert_int_eq(art_identity_parse(&id, "likes,tags,url"), 0);
	ck_assert_int_eq(id.key[0].field, ART_F_LIKES);
	ck_assert_int_eq(id.key[2].field, -1); /* a key records do not hold: missing */
	ck_assert_int_eq(art_identity_parse(&id, ""), -1);
	ck_assert_int_eq(art_identity_parse(&id, "title,"), -1);
	ck_assert_int_eq(art_identity_parse(&id, "title,,date"), -1);
	ck_assert_int_eq(art_identity_parse(&id, "title,date,title"), -1);
	ck_assert_int_eq(art_identity_parse(&id, "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p"), 0);
	ck_assert_int_eq(art_identity_parse(&id, "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q"), -1);
}
END_TEST

START_TEST(identity_values_of_every_type)
{
	art_str tags1[] = {S("Go"), S("Kafka")}, tags2[] = {S("GoKafka")};
	struct art_record a = rec("s", "2024-01-01", "t", ""), b = a;
	a.tags = tags1, a.ntags = 2, a.likes = 12;
	b.tags = tags2, b.ntags = 1, b.likes = 12;
	struct art_identity id;
	art_identity_parse(&id, "tags");
	ck_assert(art_identity_hash(&id, &a) != art_identity_hash(&id, &b));
	art_identity_parse(&id, "likes");
	ck_assert(art_identity_hash(&id, &a) == art_identity_hash(&id, &b));
	/* the number 12 is not the string "12", and a missing key is not "" */
	struct art_record c = rec("12", "", "", "");
	struct art_identity by_likes, by_source, by_url, by_category;
	art_identity_parse(&by_likes, "likes");
	art_identity_parse(&by_source, "source");
	art_identity_parse(&by_url, "url");
	art_identity_parse(&by_category, "category");
	ck_assert(art_identity_hash(&by_likes, &a) != art_identity_hash(&by_source, &c));
	ck_assert(art_identity_hash(&by_url, &a) != art_identity_hash(&by_category, &a));

	struct art_buf out = {0};
	art_identity_parse(&id, "title,tags,url,likes");
	ck_assert_int_eq(art_identity_put_names(&out, &id), 0);
	ck_assert_str_view(art_buf_str(&out), "[\"title\",\"tags\",\"url\",\"likes\"]");
	art_buf_clear(&out);
	a.title = S("say \"hi\"");
	ck_assert_int_eq(art_identity_put_values(&out, &id, &a), 0);
	ck_assert_str_view(
	    art_buf_str(&out),
	    "{\"title\":\"say \\\"hi\\\"\",\"tags\":[\"Go\",\"Kafka\"],\"likes\":12}");
	art_buf_free(&out);
}
END_TEST

START_TEST(a_set_with_values_keeps_the_first_value)
{
	struct art_hashset s = {0};
	uint32_t old = 0;
	ck_assert_int_eq(art_hashset_put(&s, 7, 100, &old), 1);
	ck_assert_int_eq(art_hashset_put(&s, 7, 200, &old), 0);
	ck_assert_uint_eq(old, 100);
	for (uint32_t i = 1; i <= 50000; i++)
		ck_assert_int_eq(art_hashset_put(&s, i * 0x9E3779B97F4A7C15ULL, i, &old), 1);
	for (uint32_t i = 1; i <= 50000; i++) {
		ck_assert_int_eq(art_hashset_put(&s, i * 0x9E3779B97F4A7C15ULL, 0, &old), 0);
		ck_assert_uint_eq(old, i);
	}
	ck_assert_int_eq(art_hashset_put(&s, 7, 0, &old), 0);
	ck_assert_uint_eq(old, 100);
	art_hashset_free(&s);
}
END_TEST

/* Offer "id:copy" lines for the ids in IDS (one character each), keeping
 * KEEP, with BUDGET bytes in memory; the lines that come out, joined. */
static void offer_all(enum art_keep keep, uint64_t budget, const char *ids, const char *known,
                      struct art_buf *got)
{
	struct art_unique u;
	struct art_error err = {0};
	art_unique_init(&u, keep, budget);
	for (const char *k = known; *k; k++)
		ck_assert_int_ge(art_unique_known(&u, (uint64_t)*k), 0);
	char line[64];
	for (size_t i = 0; ids[i]; i++) {
		int n = snprintf(line, sizeof line, "%c%zu ", ids[i], i);
		int added =
		    art_unique_offer(&u, (uint64_t)ids[i], (art_str){line, (size_t)n}, &err);
		ck_assert_int_ge(added, 0);
		if (keep == ART_KEEP_FIRST && added)
			ck_assert_int_eq(art_buf_append(got, line, (size_t)n), 0);
	}
	art_str held;
	int rc;
	while ((rc = art_unique_next(&u, &held, &err)) == ART_OK)
		ck_assert_int_eq(art_buf_append(got, held.p, held.n), 0);
	ck_assert_int_eq(rc, ART_EOF);
	art_unique_free(&u);
}

START_TEST(one_copy_each_first_or_last_in_the_place_of_the_first)
{
	struct art_buf got = {0};
	offer_all(ART_KEEP_FIRST, 1 << 20, "abacbca", "", &got);
	ck_assert_str_view(art_buf_str(&got), "a0 b1 c3 ");
	art_buf_clear(&got);
	offer_all(ART_KEEP_LAST, 1 << 20, "abacbca", "", &got);
	ck_assert_str_view(art_buf_str(&got), "a6 b4 c5 ");
	/* identities known from an earlier run never come out */
	art_buf_clear(&got);
	offer_all(ART_KEEP_FIRST, 1 << 20, "abacbca", "b", &got);
	ck_assert_str_view(art_buf_str(&got), "a0 c3 ");
	art_buf_clear(&got);
	offer_all(ART_KEEP_LAST, 1 << 20, "abacbca", "bx", &got);
	ck_assert_str_view(art_buf_str(&got), "a6 c5 ");
	/* a budget of 5 bytes: the lines go through the temporary file */
	art_buf_clear(&got);
	offer_all(ART_KEEP_LAST, 5, "abacbcadd", "", &got);
	ck_assert_str_view(art_buf_str(&got), "a6 b4 c5 d8 ");
	art_buf_free(&got);
}
END_TEST

START_TEST(holding_many_records_in_a_small_budget)
{
	struct art_unique u;
	struct art_error err = {0};
	art_unique_init(&u, ART_KEEP_LAST, 4096);
	char line[64];
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 20000; i++) {
			int n = snprintf(line, sizeof line, "%d/%d\n", i, round);
			ck_assert_int_eq(
			    art_unique_offer(&u, (uint64_t)i + 1, (art_str){line, (size_t)n}, &err),
			    round == 0);
		}
	ck_assert_uint_gt(u.lines.in_file, 0);
	art_str held;
	for (int i = 0; i < 20000; i++) {
		ck_assert_int_eq(art_unique_next(&u, &held, &err), ART_OK);
		int n = snprintf(line, sizeof line, "%d/2\n", i);
		ck_assert(art_str_eq(held, (art_str){line, (size_t)n}));
	}
	ck_assert_int_eq(art_unique_next(&u, &held, &err), ART_EOF);
	art_unique_free(&u);
}
END_TEST

static Suite *unique_suite(void)
{
	Suite *s = suite_create("unique");
	TCase *tc = tcase_create("unique");
	tcase_set_timeout(tc, 60); /* hundreds of thousands of hashes, under sanitizers */
	tcase_add_test(tc, hashes_depend_on_every_byte_and_the_length);
	tcase_add_test(tc, identity_is_source_date_and_title);
	tcase_add_test(tc, a_set_tells_new_from_seen);
	tcase_add_test(tc, similar_records_do_not_collide);
	tcase_add_test(tc, identity_keys_are_named_and_checked);
	tcase_add_test(tc, identity_values_of_every_type);
	tcase_add_test(tc, a_set_with_values_keeps_the_first_value);
	tcase_add_test(tc, one_copy_each_first_or_last_in_the_place_of_the_first);
	tcase_add_test(tc, holding_many_records_in_a_small_budget);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(unique_suite)
