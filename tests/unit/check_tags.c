#include <config.h>

#include "unit.h"

static struct art_tagger *tagger;
static struct art_tagsplit split;

/* Split LINE (with no context) and compare with the tags joined by '|'. */
static void expect_split(const char *line, const char *joined)
{
	ck_assert_int_eq(art_tags_split(tagger, (art_str){line, strlen(line)}, S(""), S(""), &split), 0);
	struct art_buf b = {0};
	for (size_t i = 0; i < split.n; i++)
		art_buf_printf(&b, "%s%.*s", i ? "|" : "", (int)split.tags[i].n, split.tags[i].p);
	art_buf_putc(&b, '\0');
	ck_assert_msg(strcmp(b.p, joined) == 0, "\"%s\" split as \"%s\", expected \"%s\"", line, b.p, joined);
	art_buf_free(&b);
}

START_TEST(case_changes_split_tags)
{
	expect_split("Backend EngineeringJMQKafka", "Backend Engineering|JMQ|Kafka");
	expect_split("AI automationBackend EngineeringJava", "AI automation|Backend Engineering|Java");
	expect_split("Backend EngineeringBilibiliKV", "Backend Engineering|Bilibili|KV");
}
END_TEST

START_TEST(a_line_of_one_tag_is_one_tag)
{
	expect_split("Kafka", "Kafka");
	expect_split("", "");
}
END_TEST

static void setup(void) { tagger = art_tagger_new(); }
static void teardown(void)
{
	art_tagsplit_free(&split);
	art_tagger_free(tagger);
}

static Suite *tags_suite(void)
{
	Suite *s = suite_create("tags");
	TCase *tc = tcase_create("tags");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, case_changes_split_tags);
	tcase_add_test(tc, a_line_of_one_tag_is_one_tag);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(tags_suite)
