#include <config.h>

#include "unit.h"

static struct art_filter f;
static struct art_error error;
static art_str tags[4];

/* Kafka article: JD Tech, 2024-05-29, Backend Development, 12 min, 3 likes. */
static struct art_record kafka(void)
{
	tags[0] = S("Backend Engineering");
	tags[1] = S("Kafka");
	tags[2] = S("caching");
	return (struct art_record){.source = S("JD Tech"),
	                           .date = S("2024-05-29"),
	                           .category = S("Backend Development"),
	                           .title = S("Handling High-Concurrency Scenarios"),
	                           .summary = S("How Kafka queues absorb peaks"),
	                           .tags = tags,
	                           .ntags = 3,
	                           .likes = 3,
	                           .read_minutes = 12};
}

static int match(void)
{
	struct art_record r = kafka();
	ck_assert_int_eq(art_filter_compile(&f, &error), 0);
	int m = art_filter_match(&f, &(struct art_item){.rec = &r}, &error);
	art_filter_free(&f);
	return m;
}

static void setup(void)
{
	art_filter_init(&f);
}

START_TEST(no_test_keeps_everything)
{
	ck_assert_int_eq(match(), 1);
	f.invert = true;
	ck_assert_int_eq(match(), 0);
}
END_TEST

START_TEST(tags_all_any_and_none)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "caching"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Redis"), 0);
	ck_assert_int_eq(match(), 0); /* every one of them */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "kafka"), 0);
	ck_assert_int_eq(match(), 0); /* exact */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafk"), 0);
	ck_assert_int_eq(match(), 0); /* whole tags only */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_ANY_TAG, "Redis"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_ANY_TAG, "Kafka"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_ANY_TAG, "Redis"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_ANY_TAG, "Go"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_NOT_TAG, "Redis"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_NOT_TAG, "Redis"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_NOT_TAG, "caching"), 0);
	ck_assert_int_eq(match(), 0);
}
END_TEST

START_TEST(ignore_case_applies_to_tags_sources_categories_and_regexes)
{
	f.icase = true;
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "KAFKA"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "jd tech"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_CATEGORY, "backend DEVELOPMENT"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "^handling"), 0);
	ck_assert_int_eq(match(), 1);
	f.icase = true;
	ck_assert_int_eq(art_filter_add(&f, ART_FL_NOT_TAG, "CACHING"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "jd tech"), 0);
	ck_assert_int_eq(match(), 0); /* without -i */
	/* the one fold of fold.h, whatever the locale: K (KELVIN SIGN) is k */
	f.icase = true;
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG,
	                                "\xE2\x84\xAA"
	                                "afka"),
	                 0);
	ck_assert_int_eq(match(), 1);
}
END_TEST

START_TEST(sources_and_categories_are_any_of)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "JD Tech"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "JD"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "Meituan"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "JD Tech"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_CATEGORY, "Databases"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "JD Tech"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_CATEGORY, "Databases"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_CATEGORY, "Backend Development"), 0);
	ck_assert_int_eq(match(), 1);
}
END_TEST

START_TEST(dates_are_inclusive_bounds)
{
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-05-29", "2024-06-15"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-05-30", "2024-06-15"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-05-29", "2024-06-15"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-05-28", "2024-06-15"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-01-01", "2024-06-15"), 0);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-12-31", "2024-06-15"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-13-01", "2024-06-15"), -1);
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2023-02-29", "2024-06-15"), -1);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-5-29", "2024-06-15"), -1);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "the day before", "2024-06-15"), -1);
	/* a month or a year: from its first day, to its last */
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-05", "2024-06-15"), 0);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-05", "2024-06-15"), 0);
	ck_assert(memcmp(f.since, "2024-05-01", 10) == 0 && memcmp(f.until, "2024-05-31", 10) == 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_set_date(&f, 'u', "2024-05-29x", "2024-06-15"), -1);
}
END_TEST

START_TEST(numbers_are_inclusive_bounds)
{
	f.min_read = 12;
	f.max_read = 12;
	f.min_likes = 3;
	ck_assert_int_eq(match(), 1);
	f.min_read = 13;
	ck_assert_int_eq(match(), 0);
	f.max_read = 11;
	ck_assert_int_eq(match(), 0);
	f.min_likes = 4;
	ck_assert_int_eq(match(), 0);
	f.min_likes = 0;
	f.max_read = 0;
	ck_assert_int_eq(match(), 0);
}
END_TEST

START_TEST(regexes_match_the_title_or_the_summary)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Concurrency"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "queues? absorb"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "(Kafka|Pulsar)"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "^Handling"), 0);
	ck_assert_int_eq(match(), 1); /* every one of them */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Redis"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "concurrency"), 0);
	ck_assert_int_eq(match(), 0);
	/* categories and tags are not searched */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Backend"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Scenarios$"), 0);
	ck_assert_int_eq(match(), 1);
}
END_TEST

START_TEST(regexes_see_the_whole_string)
{
	/* a NUL byte in a title does not end it */
	struct art_record r = kafka();
	r.title = (art_str){"a\0b Kafka", 9};
	r.summary = S("");
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Kafka$"), 0);
	ck_assert_int_eq(art_filter_compile(&f, &error), 0);
	ck_assert_int_eq(art_filter_match(&f, &(struct art_item){.rec = &r}, &error), 1);
	art_filter_free(&f);
}
END_TEST

START_TEST(regexes_see_nothing_past_the_string)
{
	/* Record strings are slices of a line, with no NUL after them: here the
	 * title ends at the end of its allocation, and the bytes of a longer
	 * string follow the summary. */
	struct art_record r = kafka();
	char *title = malloc(5);
	memcpy(title, "Kafka", 5);
	r.title = (art_str){title, 5};
	r.summary = (art_str){"Redis streams", 5};
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "^Kafka$"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "^Redis$"), 0);
	ck_assert_int_eq(art_filter_compile(&f, &error), 0);
	ck_assert_int_eq(art_filter_match(&f, &(struct art_item){.rec = &r}, &error), 1);
	art_filter_free(&f);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "streams"), 0);
	ck_assert_int_eq(art_filter_compile(&f, &error), 0);
	ck_assert_int_eq(art_filter_match(&f, &(struct art_item){.rec = &r}, &error), 0);
	art_filter_free(&f);
	free(title);
}
END_TEST

START_TEST(bad_regexes_are_reported)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "ok"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "x("), 0);
	ck_assert_int_eq(art_filter_compile(&f, &error), -1);
	ck_assert_msg(strncmp(error.msg, "invalid regular expression 'x(': ", 33) == 0, "%s",
	              error.msg);
	art_filter_free(&f);
}
END_TEST

START_TEST(jq_expressions_select)
{
	ck_assert_int_eq(
	    art_filter_add(&f, ART_FL_JQ, ".read_minutes > 10 and (.tags | any(. == \"Kafka\"))"),
	    0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".read_minutes > 15"), 0);
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".nothing"), 0);
	ck_assert_int_eq(match(), 0); /* null */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".likes"), 0);
	ck_assert_int_eq(match(), 1); /* 3 */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, "empty"), 0);
	ck_assert_int_eq(match(), 0); /* no output */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, "true"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, "false"), 0);
	ck_assert_int_eq(match(), 0); /* both */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, "true"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".source == \"JD Tech\""), 0);
	f.invert = true;
	ck_assert_int_eq(match(), 0);
}
END_TEST

START_TEST(jq_errors_are_reported)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".title | bogus"), 0);
	ck_assert_int_eq(art_filter_compile(&f, &error), -1);
	ck_assert_msg(strstr(error.msg, "bogus/0 is not defined") != NULL, "%s", error.msg);
	ck_assert_msg(strchr(error.msg, '\n') == NULL, "%s", error.msg);
	art_filter_free(&f);
	/* at run time: neither kept nor dropped, even inverted */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".title.x"), 0);
	f.invert = true;
	ck_assert_int_eq(match(), -1);
	ck_assert_msg(strstr(error.msg, "Cannot index string") != NULL, "%s", error.msg);
}
END_TEST

START_TEST(cheap_tests_run_before_jq)
{
	/* a record the other tests drop never reaches the expression */
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, "error(\"should not run\")"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Redis"), 0);
	ck_assert_int_eq(match(), 0);
}
END_TEST

START_TEST(tests_combine_with_and)
{
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "JD Tech"), 0);
	ck_assert_int_eq(art_filter_set_date(&f, 's', "2024-01-01", "2024-06-15"), 0);
	f.min_read = 10;
	ck_assert_int_eq(art_filter_add(&f, ART_FL_REGEX, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_JQ, ".likes == 3"), 0);
	ck_assert_int_eq(match(), 1);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "Meituan"), 0);
	f.min_read = 10;
	ck_assert_int_eq(match(), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_TAG, "Kafka"), 0);
	ck_assert_int_eq(art_filter_add(&f, ART_FL_SOURCE, "Meituan"), 0);
	f.invert = true;
	ck_assert_int_eq(match(), 1);
}
END_TEST

static Suite *filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("filter");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, no_test_keeps_everything);
	tcase_add_test(tc, tags_all_any_and_none);
	tcase_add_test(tc, ignore_case_applies_to_tags_sources_categories_and_regexes);
	tcase_add_test(tc, sources_and_categories_are_any_of);
	tcase_add_test(tc, dates_are_inclusive_bounds);
	tcase_add_test(tc, numbers_are_inclusive_bounds);
	tcase_add_test(tc, regexes_match_the_title_or_the_summary);
	tcase_add_test(tc, regexes_see_the_whole_string);
	tcase_add_test(tc, regexes_see_nothing_past_the_string);
	tcase_add_test(tc, bad_regexes_are_reported);
	tcase_add_test(tc, jq_expressions_select);
	tcase_add_test(tc, jq_errors_are_reported);
	tcase_add_test(tc, cheap_tests_run_before_jq);
	tcase_add_test(tc, tests_combine_with_and);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(filter_suite)
