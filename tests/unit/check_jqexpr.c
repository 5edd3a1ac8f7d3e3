#include <config.h>

#include "unit.h"

static struct art_error error;
static art_str tags[2];

static struct art_record sample(void)
{
	tags[0] = S("Kafka");
	tags[1] = S("caf\xC3\xA9 \"quoted\"");
	return (struct art_record){.source = S("JD Tech"),
	                           .date = S("2024-05-29"),
	                           .category = S("Backend Development"),
	                           .title = S("Queues"),
	                           .summary = S("line\nbreak"),
	                           .tags = tags,
	                           .ntags = 2,
	                           .likes = 3,
	                           .read_minutes = 12};
}

static int store(void *ctx, jv v)
{
	jv s = jv_dump_string(v, 0);
	snprintf(ctx, 512, "%s", jv_string_value(s));
	jv_free(s);
	return 1; /* the first is enough */
}

/* The first output of EXPR on the sample record, as compact JSON. */
static char *first_output(const char *expr)
{
	static char out[512];
	struct art_jq *q = art_jq_compile(expr, &error);
	ck_assert_msg(q != NULL, "%s: %s", expr, error.msg);
	struct art_record r = sample();
	out[0] = '\0';
	ck_assert_int_eq(art_jq_each(q, art_record_to_jv(&r), store, out, &error), 0);
	art_jq_free(q);
	return out;
}

START_TEST(a_record_becomes_its_eight_keys)
{
	ck_assert_str_eq(first_output("keys_unsorted | join(\",\")"),
	                 "\"source,date,category,title,summary,tags,likes,read_minutes\"");
	ck_assert_str_eq(first_output(".source"), "\"JD Tech\"");
	ck_assert_str_eq(first_output(".date"), "\"2024-05-29\"");
	ck_assert_str_eq(first_output(".summary"), "\"line\\nbreak\"");
	ck_assert_str_eq(first_output(".tags"), "[\"Kafka\",\"caf\xC3\xA9 \\\"quoted\\\"\"]");
	ck_assert_str_eq(first_output(".likes + .read_minutes"), "15");
	ck_assert_str_eq(first_output(".likes | type"), "\"number\"");
}
END_TEST

START_TEST(an_object_that_is_no_record_is_parsed_from_its_line)
{
	const char *line = "{\"tag\":\"Kafka\",\"count\":3}";
	struct art_jobject o = {0};
	ck_assert_int_eq(art_json_parse(&o, (art_str){line, strlen(line)}, &error), 0);
	struct art_item item = {.rec = NULL, .obj = &o};
	struct art_jq *q = art_jq_compile(".count > 2 and .tag == \"Kafka\"", &error);
	ck_assert_ptr_nonnull(q);
	ck_assert_int_eq(art_jq_select(q, art_item_to_jv(&item), &error), 1);
	/* a record from listing text is its eight keys */
	struct art_record r = sample();
	struct art_item rec_item = {.rec = &r};
	ck_assert_int_eq(art_jq_select(q, art_item_to_jv(&rec_item), &error), 0);
	art_jq_free(q);
	art_jobject_free(&o);
}
END_TEST

static int select_on_sample(const char *expr)
{
	struct art_jq *q = art_jq_compile(expr, &error);
	ck_assert_msg(q != NULL, "%s: %s", expr, error.msg);
	struct art_record r = sample();
	int rc = art_jq_select(q, art_record_to_jv(&r), &error);
	art_jq_free(q);
	return rc;
}

START_TEST(select_keeps_unless_the_first_output_is_false_or_null)
{
	ck_assert_int_eq(select_on_sample("true"), 1);
	ck_assert_int_eq(select_on_sample("0"), 1);
	ck_assert_int_eq(select_on_sample("\"\""), 1);
	ck_assert_int_eq(select_on_sample("[]"), 1);
	ck_assert_int_eq(select_on_sample("false"), 0);
	ck_assert_int_eq(select_on_sample("null"), 0);
	ck_assert_int_eq(select_on_sample(".missing"), 0);
	ck_assert_int_eq(select_on_sample("empty"), 0);
	ck_assert_int_eq(select_on_sample("(false, true)"), 0);
	ck_assert_int_eq(select_on_sample("(true, false)"), 1);
	ck_assert_int_eq(select_on_sample(".tags | any(. == \"Kafka\")"), 1);
	ck_assert_int_eq(select_on_sample(".tags | any(. == \"Redis\")"), 0);
	/* only the first output is wanted: an error after it is never met */
	ck_assert_int_eq(select_on_sample("(true, error(\"later\"))"), 1);
}
END_TEST

static int count_outputs(void *ctx, jv v)
{
	int *n = ctx;
	jv_free(v);
	return ++*n == 100; /* stop at 100 */
}

START_TEST(each_sees_every_output_until_told_to_stop)
{
	struct art_jq *q = art_jq_compile(".tags[], .source", &error);
	struct art_record r = sample();
	int n = 0;
	ck_assert_int_eq(art_jq_each(q, art_record_to_jv(&r), count_outputs, &n, &error), 0);
	ck_assert_int_eq(n, 3);
	art_jq_free(q);
	q = art_jq_compile("range(1000000)", &error);
	n = 0;
	ck_assert_int_eq(art_jq_each(q, art_record_to_jv(&r), count_outputs, &n, &error), 0);
	ck_assert_int_eq(n, 100);
	/* a compiled expression runs again and again */
	for (int i = 0; i < 3; i++) {
		n = 0;
		ck_assert_int_eq(art_jq_each(q, art_record_to_jv(&r), count_outputs, &n, &error),
		                 0);
		ck_assert_int_eq(n, 100);
	}
	art_jq_free(q);
}
END_TEST

START_TEST(compile_errors_are_one_line_of_jq_text)
{
	ck_assert_ptr_null(art_jq_compile(".foo | bar", &error));
	ck_assert_str_eq(error.msg,
	                 "jq: error: bar/0 is not defined at <top-level>, line 1: .foo | bar");
	ck_assert_ptr_null(art_jq_compile(".a[", &error));
	ck_assert_msg(strncmp(error.msg, "jq: error: syntax error", 23) == 0, "%s", error.msg);
	ck_assert_msg(strchr(error.msg, '\n') == NULL && strstr(error.msg, "compile error") == NULL,
	              "%s", error.msg);
	/* several errors are kept, one after another */
	ck_assert_ptr_null(art_jq_compile("$x + $y", &error));
	ck_assert_msg(strstr(error.msg, "$x is not defined") &&
	                  strstr(error.msg, "; jq: error: $y is not defined"),
	              "%s", error.msg);
}
END_TEST

START_TEST(runtime_errors_come_back_as_text)
{
	ck_assert_int_eq(select_on_sample(".title.x"), -1);
	ck_assert_str_eq(error.msg, "Cannot index string with string \"x\"");
	ck_assert_int_eq(select_on_sample("error(\"boom\")"), -1);
	ck_assert_str_eq(error.msg, "boom");
	ck_assert_int_eq(select_on_sample("error({a: 1})"), -1);
	ck_assert_str_eq(error.msg, "{\"a\":1} (not a string)");
}
END_TEST

/* Whether EXPR compiles to the native evaluator. */
static bool native(const char *expr)
{
	struct art_jq *q = art_jq_compile(expr, &error);
	ck_assert_msg(q != NULL, "%s: %s", expr, error.msg);
	bool is = art_jq_is_native(q);
	art_jq_free(q);
	return is;
}

START_TEST(the_common_expressions_run_natively)
{
	ck_assert(native(".read_minutes > 15 and any(.tags[]; . == \"Kafka\")"));
	ck_assert(native(".tags | index(\"Kafka\")"));
	ck_assert(native("select(.title | test(\"Kafka|Flink\")) | \"\\(.date): \\(.title)\""));
	ck_assert(native("if .likes > 10 then .title elif .missing then 1 else empty end"));
	ck_assert(native(".missing // .tags[-1] | ascii_downcase | startswith(\"k\")"));
	/* outside the subset: arithmetic, regex syntax, variables, objects */
	ck_assert(!native(".likes + 1"));
	ck_assert(!native(".title | test(\"^K\")"));
	ck_assert(!native(".tags as $t | $t"));
	ck_assert(!native("{title}"));
	ck_assert(!native(".tags[]?"));
	/* jq forks a condition of several outputs in its own way */
	ck_assert(!native(".tags | any(length > 3, . == \"x\")"));
}
END_TEST

/* The native select answer on the sample, and what libjq says. */
static void same_select(const char *expr, int expected)
{
	struct art_jq *q = art_jq_compile(expr, &error);
	ck_assert_msg(q != NULL, "%s: %s", expr, error.msg);
	struct art_record r = sample();
	struct art_error err2;
	ck_assert_int_eq(art_jq_select_record(q, &r, &error), expected);
	ck_assert_int_eq(art_jq_select(q, art_record_to_jv(&r), &err2), expected);
	if (expected < 0)
		ck_assert_str_eq(error.msg, err2.msg);
	art_jq_free(q);
}

START_TEST(native_answers_are_jqs)
{
	same_select(".tags | index(\"Kafka\")", 1); /* 0 is a number: true */
	same_select(".tags | index(\"Kafka\") == 0", 1);
	same_select(".tags | index(\"nothing\")", 0);
	same_select(".likes < .read_minutes and .date > \"2024\"", 1);
	same_select(
	    "null < false and false < true and true < 0 and 0 < \"\" and \"\" < [] and [] < .", 1);
	same_select(".tags[1] | contains(\"quoted\")", 1);
	same_select("any(.tags[]; . == \"kafka\")", 0);
	same_select("empty", 0);
	/* an error is left to libjq, which says what it says */
	same_select(".title | startswith(1)", -1);
	same_select(".likes | ascii_downcase", -1);
}
END_TEST

static Suite *jqexpr_suite(void)
{
	Suite *s = suite_create("jqexpr");
	TCase *tc = tcase_create("jqexpr");
	tcase_add_test(tc, a_record_becomes_its_eight_keys);
	tcase_add_test(tc, an_object_that_is_no_record_is_parsed_from_its_line);
	tcase_add_test(tc, select_keeps_unless_the_first_output_is_false_or_null);
	tcase_add_test(tc, each_sees_every_output_until_told_to_stop);
	tcase_add_test(tc, compile_errors_are_one_line_of_jq_text);
	tcase_add_test(tc, runtime_errors_come_back_as_text);
	tcase_add_test(tc, the_common_expressions_run_natively);
	tcase_add_test(tc, native_answers_are_jqs);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(jqexpr_suite)
