#include <config.h>

#include "unit.h"

static struct art_jobject obj;
static struct art_error error;

static int parse(const char *s)
{
	return art_json_parse(&obj, (art_str){s, strlen(s)}, &error);
}

static const char *record_line =
    "{\"source\":\"JD Tech\",\"date\":\"2026-01-13\",\"category\":\"Backend Development\","
    "\"title\":\"Deep Dive\",\"summary\":\"Kafka \\u2014 \\\"JMQ\\\"\",\"tags\":[\"Backend "
    "Engineering\",\"JMQ\",\"Kafka\"],\"likes\":3,\"read_minutes\":16}";

START_TEST(a_record_line_is_read)
{
	struct art_record r;
	ck_assert_int_eq(parse(record_line), 0);
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), 0);
	ck_assert_str_view(r.source, "JD Tech");
	ck_assert_str_view(r.date, "2026-01-13");
	ck_assert_str_view(r.summary, "Kafka \xE2\x80\x94 \"JMQ\"");
	ck_assert_uint_eq(r.ntags, 3);
	ck_assert_str_view(r.tags[0], "Backend Engineering");
	ck_assert_str_view(r.tags[2], "Kafka");
	ck_assert_int_eq(r.likes, 3);
	ck_assert_int_eq(r.read_minutes, 16);
}
END_TEST

START_TEST(written_records_read_back_the_same)
{
	struct art_record r;
	struct art_buf out = {0};
	ck_assert_int_eq(parse(record_line), 0);
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), 0);
	ck_assert_int_eq(art_json_put_record(&out, &r), 0);
	const char *expect =
	    "{\"source\":\"JD Tech\",\"date\":\"2026-01-13\",\"category\":\"Backend Development\","
	    "\"title\":\"Deep Dive\",\"summary\":\"Kafka \xE2\x80\x94 "
	    "\\\"JMQ\\\"\",\"tags\":[\"Backend "
	    "Engineering\",\"JMQ\",\"Kafka\"],\"likes\":3,\"read_minutes\":16}\n";
	ck_assert_str_view(art_buf_str(&out), expect);
	art_buf_free(&out);
}
END_TEST

START_TEST(awkward_characters_are_escaped)
{
	struct art_buf out = {0};
	ck_assert_int_eq(art_json_put_string(&out, (art_str){"a\"b\\c\n\t\r\x01\x1f\x7f/\0z", 14}),
	                 0);
	ck_assert_str_view(art_buf_str(&out),
	                   "\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f\x7f/\\u0000z\"");
	out.len = 0;
	/* valid UTF-8 stays as it is; bytes that are not UTF-8 become U+FFFD */
	ck_assert_int_eq(
	    art_json_put_string(
	        &out, S("caf\xC3\xA9 \xE2\x80\x91 \xF0\x9F\x98\x80 \xFF \xC3 \xED\xA0\x80")),
	    0);
	ck_assert_str_view(art_buf_str(&out),
	                   "\"caf\xC3\xA9 \xE2\x80\x91 \xF0\x9F\x98\x80 \xEF\xBF\xBD \xEF\xBF\xBD "
	                   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
	art_buf_free(&out);
}
END_TEST

START_TEST(escapes_decode)
{
	ck_assert_int_eq(parse("{\"k\":\"\\u00e9\\ud83d\\ude00\\n\\/\\u0000x\\ud800\"}"), 0);
	const struct art_jfield *f = art_jobject_get(&obj, "k");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->str.n, 2 + 4 + 1 + 1 + 1 + 1 + 3);
	ck_assert(memcmp(f->str.p, "\xC3\xA9\xF0\x9F\x98\x80\n/\0x\xEF\xBF\xBD", f->str.n) == 0);
}
END_TEST

START_TEST(any_flat_object_is_read)
{
	ck_assert_int_eq(
	    parse(" {\"tag\":\"Kafka\",\"count\":3,\"ok\":true,\"n\":null,\"x\":{\"a\":[1,2]}} "),
	    0);
	ck_assert_uint_eq(obj.nfields, 5);
	ck_assert_int_eq(obj.fields[1].type, ART_J_NUMBER);
	ck_assert_str_view(obj.fields[1].raw, "3");
	ck_assert_int_eq(obj.fields[2].type, ART_J_TRUE);
	ck_assert_int_eq(obj.fields[3].type, ART_J_NULL);
	ck_assert_int_eq(obj.fields[4].type, ART_J_OBJECT);
	ck_assert_str_view(obj.fields[4].raw, "{\"a\":[1,2]}");
	struct art_record r;
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), -1);
	ck_assert_str_eq(error.msg, "missing key \"source\"");
}
END_TEST

START_TEST(broken_json_is_refused_with_a_column)
{
	const char *bad[][2] = {
	    {"", "column 1: not a JSON object"},
	    {"[1]", "column 1: not a JSON object"},
	    {"{\"a\" 1}", "column 6: expected ':'"},
	    {"{\"a\":1,}", "column 8: expected a key"},
	    {"{\"a\":1}x", "column 8: text after the object"},
	    {"{\"a\":01}", "column 7: expected ',' or '}'"},
	    {"{\"a\":\"x\ty\"}", "column 8: control character in string"},
	    {"{\"a\":\"\\q\"}", "column 9: bad escape '\\q'"},
	    {"{\"a\":tru}", "column 6: unexpected character 't'"},
	    {"{\"a\":1,\"a\":2}", "column 8: duplicate key \"a\""},
	    {"{\"a\":\"x", "column 8: unterminated string"},
	    {"{\"a\":-}", "column 7: bad number"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(parse(bad[i][0]) == -1, "accepted %s", bad[i][0]);
		ck_assert_str_eq(error.msg, bad[i][1]);
	}
}
END_TEST

START_TEST(deep_nesting_is_refused_not_followed)
{
	char line[400];
	strcpy(line, "{\"a\":");
	for (int i = 0; i < 100; i++)
		strcat(line, "[");
	ck_assert_int_eq(parse(line), -1);
	ck_assert_ptr_nonnull(strstr(error.msg, "nested deeper than"));
}
END_TEST

START_TEST(record_keys_must_have_their_types)
{
	struct art_record r;
	const char *lines[][2] = {
	    {"{\"source\":1}", "\"source\" must be a string"},
	    {"{\"tags\":[\"a\",1]}", "\"tags\" must be an array of strings"},
	    {"{\"likes\":-1}", "\"likes\": -1 is not a whole number from 0 to 2^53"},
	    {"{\"likes\":1.5}", "\"likes\": 1.5 is not a whole number from 0 to 2^53"},
	    {"{\"read_minutes\":99999999999999999999}",
	     "\"read_minutes\": 99999999999999999999 is not a whole number from 0 to 2^53"},
	    {"{\"date\":\"2025-02-30\"}", "\"date\": \"2025-02-30\" is not a YYYY-MM-DD date"},
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		ck_assert_int_eq(parse(lines[i][0]), 0);
		ck_assert_int_eq(art_record_from_json(&r, &obj, &error), -1);
		ck_assert_str_eq(error.msg, lines[i][1]);
	}
}
END_TEST

/* Bytes next to the special ones, and the special ones, at every offset
 * from the start of a string: plain runs are skipped a word at a time. */
static const struct {
	const char *in, *out, *back; /* written as OUT, read back as BACK */
} near_special[] = {
    {"\"", "\\\"", "\""},
    {"\\", "\\\\", "\\"},
    {"\n", "\\n", "\n"},
    {"\x01", "\\u0001", "\x01"},
    {"\x1f", "\\u001f", "\x1f"},
    {"\xC3\xA9", "\xC3\xA9", "\xC3\xA9"},
    {"\xFF", "\xEF\xBF\xBD", "\xEF\xBF\xBD"},
    {"\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBD"},
    {" ", " ", " "},
    {"!", "!", "!"},
    {"#", "#", "#"},
    {"[", "[", "["},
    {"]", "]", "]"},
    {"\x7f", "\x7f", "\x7f"},
    {"~", "~", "~"},
};

START_TEST(the_writer_sees_special_bytes_at_every_offset)
{
	struct art_buf out = {0};
	char in[64], expect[128];
	for (size_t c = 0; c < sizeof near_special / sizeof *near_special; c++) {
		for (int at = 0; at < 20; at++) {
			snprintf(in, sizeof in, "%.*s%sbcdefghijklmnop", at, "aaaaaaaaaaaaaaaaaaaa",
			         near_special[c].in);
			snprintf(expect, sizeof expect, "\"%.*s%sbcdefghijklmnop\"", at,
			         "aaaaaaaaaaaaaaaaaaaa", near_special[c].out);
			out.len = 0;
			ck_assert_int_eq(art_json_put_string(&out, (art_str){in, strlen(in)}), 0);
			ck_assert_str_view(art_buf_str(&out), expect);
		}
	}
	art_buf_free(&out);
}
END_TEST

/* What the writer writes reads back as plain (copied as it is), wherever
 * the special byte falls. */
START_TEST(the_reader_sees_special_bytes_at_every_offset)
{
	struct art_buf line = {0};
	char in[64], back[64];
	for (size_t c = 0; c < sizeof near_special / sizeof *near_special; c++) {
		for (int at = 0; at < 20; at++) {
			snprintf(in, sizeof in, "%.*s%sbcdefghijklmnop", at, "aaaaaaaaaaaaaaaaaaaa",
			         near_special[c].in);
			snprintf(back, sizeof back, "%.*s%sbcdefghijklmnop", at,
			         "aaaaaaaaaaaaaaaaaaaa", near_special[c].back);
			line.len = 0;
			ck_assert_int_eq(art_buf_append(&line, "{\"k\":", 5), 0);
			ck_assert_int_eq(art_json_put_string(&line, (art_str){in, strlen(in)}), 0);
			ck_assert_int_eq(art_buf_putc(&line, '}'), 0);
			ck_assert_int_eq(art_json_parse(&obj, art_buf_str(&line), &error), 0);
			ck_assert_str_view(obj.fields[0].str, back);
			ck_assert(obj.plain);
		}
	}
	art_buf_free(&line);
}
END_TEST

/* An object is written out as it was read: its text from '{' to '}', the
 * same bytes when they are valid UTF-8 on one line, else with the line
 * breaks left out and bytes that are not UTF-8 as U+FFFD. */
static void check_put_object(const char *line, const char *want, bool plain)
{
	struct art_buf out = {0};
	ck_assert_int_eq(parse(line), 0);
	ck_assert_msg(obj.plain == plain, "%s", line);
	ck_assert_int_eq(art_json_put_object(&out, &obj), 0);
	ck_assert_int_eq(art_buf_putc(&out, '\0'), 0);
	ck_assert_str_eq(out.p, want);
	art_buf_free(&out);
}

START_TEST(objects_are_written_as_they_were_read)
{
	static const char *const plain[] = {
	    "{\"k\":\"a/b\"}",
	    "{\"k\":\"a\\/b\",\"x\":\"\\u00e9\\u001F\"}",
	    "{\"k\":\"\xC3\xA9\xE2\x80\x94\",\"n\":[\"x\",{\"y\":[1,2.5e3,null]}],\"m\":12}",
	    "{ \"k\" :\t\"x\" }",
	    "{\"k\":\"\\ud83d\\ude00\"}",
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
		char want[256];
		snprintf(want, sizeof want, "%s\n", plain[i]);
		check_put_object(plain[i], want, true);
	}
	check_put_object("  {\"k\":1}\t", "{\"k\":1}\n", true);
	check_put_object("{\"k\":\"\xFF\",\"\xED\xA0\x80\":0}",
	                 "{\"k\":\"\xEF\xBF\xBD\",\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\":0}\n",
	                 false);
	/* lone surrogates, which jq refuses, become U+FFFD; a pair stays */
	check_put_object("{\"k\":\"\\ud800 \\udc00\\ud800\\\\ud800\\ud83d\\ude00\\ud83dA\"}",
	                 "{\"k\":\"\\ufffd \\ufffd\\ufffd\\\\ud800\\ud83d\\ude00\\ufffdA\"}\n",
	                 false);
	check_put_object("{\"k\":\r\n[1,\n2],\n\"s\":\"a b\"}", "{\"k\":[1,2],\"s\":\"a b\"}\n",
	                 false);
}
END_TEST

/* A record passes through whole: its key order, extra keys and nested
 * values; each member's place is known (art-tags --explode replaces one). */
START_TEST(records_keep_their_keys_and_order)
{
	struct art_record r;
	const char *line = "{\"file\":\"page.txt\",\"date\":\"2026-01-13\",\"source\":\"JD Tech\","
	                   "\"category\":\"B\",\"title\":\"T\",\"summary\":\"S\",\"tags\":[\"a\"],"
	                   "\"likes\":3,\"read_minutes\":16,\"meta\":{\"seen\":[true,false]}}";
	char want[512];
	snprintf(want, sizeof want, "%s\n", line);
	check_put_object(line, want, true);
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), 0);
	ck_assert_str_view(r.source, "JD Tech");
	ck_assert_uint_eq(obj.nfields, 10);
	const struct art_jfield *tags = art_jobject_get(&obj, "tags");
	ck_assert_ptr_nonnull(tags);
	ck_assert(strncmp(tags->at, "\"tags\":[\"a\"]", 12) == 0);
	ck_assert(obj.fields[0].at == obj.text.p + 1);
	ck_assert_uint_eq(obj.text.n, strlen(line));
}
END_TEST

/* Keys that start in the record's order and then leave it: the record is
 * still read, and a key repeated after the ordered ones is still found. */
START_TEST(record_keys_leaving_their_order)
{
	struct art_record r;
	ck_assert_int_eq(
	    parse("{\"source\":\"S\",\"date\":\"2024-01-02\",\"tags\":[\"t\"],\"likes\":1,"
	          "\"summary\":\"U\",\"title\":\"T\",\"read_minutes\":2,\"category\":\"C\"}"),
	    0);
	ck_assert_uint_eq(obj.in_order, 2);
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), 0);
	ck_assert_str_view(r.source, "S");
	ck_assert_str_view(r.category, "C");
	ck_assert_str_view(r.title, "T");
	ck_assert_str_view(r.summary, "U");
	ck_assert_uint_eq(r.ntags, 1);
	ck_assert_int_eq(r.likes, 1);
	ck_assert_int_eq(r.read_minutes, 2);
	ck_assert(obj.plain);

	ck_assert_int_eq(parse("{\"source\":\"a\",\"date\":\"b\",\"source\":\"c\"}"), -1);
	ck_assert_str_eq(error.msg, "column 26: duplicate key \"source\"");
	ck_assert_int_eq(parse("{\"x\":1,\"source\":\"a\",\"source\":\"c\"}"), -1);
	ck_assert_str_eq(error.msg, "column 21: duplicate key \"source\"");
}
END_TEST

/* A line that leaves the writer's layout at any key is read as well, by
 * the general parser, with the same fields; an error is reported the same
 * wherever it is found. */
START_TEST(lines_leaving_the_written_layout_read_the_same)
{
	const char *written =
	    "{\"source\":\"S\",\"date\":\"2024-01-02\",\"category\":\"C\","
	    "\"title\":\"T\",\"summary\":\"U\",\"tags\":[\"a\",\"b\"],\"likes\":1,"
	    "\"read_minutes\":2}";
	struct art_record want, got;
	ck_assert_int_eq(parse(written), 0);
	ck_assert_int_eq(art_record_from_json(&want, &obj, &error), 0);
	ck_assert(obj.plain);
	static char copies[ART_NFIELDS][512]; /* the records' views point into them */
	for (size_t k = 0; k < ART_NFIELDS; k++) {
		/* a space after the K-th colon */
		const char *colon = written;
		for (size_t n = 0; n <= k; n++)
			colon = strchr(colon + 1, ':');
		while (colon[-1] != '"')
			colon = strchr(colon + 1, ':');
		int at = (int)(colon - written) + 1;
		snprintf(copies[k], sizeof copies[k], "%.*s %s", at, written, written + at);
		ck_assert_int_eq(parse(copies[k]), 0);
		ck_assert_int_eq(art_record_from_json(&got, &obj, &error), 0);
		ck_assert_msg(obj.plain, "%s", copies[k]);
		ck_assert(obj.text.p == copies[k] && obj.text.n == strlen(copies[k]));
		ck_assert(art_str_eq(got.source, want.source) && art_str_eq(got.date, want.date) &&
		          art_str_eq(got.category, want.category) &&
		          art_str_eq(got.title, want.title) &&
		          art_str_eq(got.summary, want.summary) && got.ntags == 2 &&
		          art_str_eq(got.tags[1], want.tags[1]) && got.likes == 1 &&
		          got.read_minutes == 2);
	}
	ck_assert_int_eq(parse("{\"source\":\"S\",\"date\":\"2024-01-02\",\"category\":\"C\","
	                       "\"title\":\"T\",\"summary\":\"a\\qb\"}"),
	                 -1);
	ck_assert_str_eq(error.msg, "column 76: bad escape '\\q'");
	ck_assert_int_eq(parse("{\"source\":\"S\",\"date\":\"2024-01-02\",\"source\":\"C\"}"), -1);
	ck_assert_str_eq(error.msg, "column 35: duplicate key \"source\"");
}
END_TEST

START_TEST(numbers_are_written_whole)
{
	art_str tags[] = {S("a"), S("b")};
	struct art_record r = {S("s"), S("2024-01-02"), S("c"), S("t"), S(""), tags, 2, 0, 0};
	struct art_buf out = {0};
	int64_t values[][2] = {{0, 7}, {9007199254740992, 10}, {-12, 1000}};
	const char *expect[] = {"\"likes\":0,\"read_minutes\":7}\n",
	                        "\"likes\":9007199254740992,\"read_minutes\":10}\n",
	                        "\"likes\":-12,\"read_minutes\":1000}\n"};
	for (size_t i = 0; i < 3; i++) {
		r.likes = values[i][0];
		r.read_minutes = values[i][1];
		out.len = 0;
		ck_assert_int_eq(art_json_put_record(&out, &r), 0);
		art_str tail = {out.p + out.len - strlen(expect[i]), strlen(expect[i])};
		ck_assert_str_view(tail, expect[i]);
	}
	char num[ART_JSON_INT_MAX];
	ck_assert_str_view(((art_str){num, art_json_int(num, INT64_MIN)}), "-9223372036854775808");
	ck_assert_str_view(((art_str){num, art_json_int(num, INT64_MAX)}), "9223372036854775807");
	ck_assert_str_view(((art_str){num, art_json_int(num, 0)}), "0");
	const char *head = "{\"source\":\"s\",\"date\":\"2024-01-02\",\"category\":\"c\","
	                   "\"title\":\"t\",\"summary\":\"\",\"tags\":[\"a\",\"b\"],";
	ck_assert(strncmp(out.p, head, strlen(head)) == 0);
	art_buf_free(&out);
}
END_TEST

START_TEST(duplicate_keys_are_found_among_many)
{
	/* past the first few keys a hash table finds them: a line of many
	 * keys costs its length, not its length squared */
	struct art_buf line = {0};
	ck_assert_int_eq(art_buf_putc(&line, '{'), 0);
	for (int i = 0; i < 50000; i++)
		ck_assert_int_eq(art_buf_printf(&line, "%s\"k%d\":%d", i ? "," : "", i, i), 0);
	size_t open = line.len;
	ck_assert_int_eq(art_buf_putc(&line, '}'), 0);
	ck_assert_int_eq(art_json_parse(&obj, art_buf_str(&line), &error), 0);
	ck_assert_uint_eq(obj.nfields, 50000);
	ck_assert_str_view(art_jobject_get(&obj, "k49999")->raw, "49999");
	line.len = open;
	ck_assert_int_eq(art_buf_printf(&line, ",\"k31337\":0}"), 0);
	ck_assert_int_eq(art_json_parse(&obj, art_buf_str(&line), &error), -1);
	ck_assert_ptr_nonnull(strstr(error.msg, ": duplicate key \"k31337\""));
	/* the table of one line is not that of the next */
	ck_assert_int_eq(parse("{\"k1\":1,\"k2\":2}"), 0);
	line.len = 0;
	ck_assert_int_eq(art_buf_putc(&line, '{'), 0);
	for (int i = 0; i < 40; i++)
		ck_assert_int_eq(art_buf_printf(&line, "%s\"j%d\":0", i ? "," : "", i), 0);
	ck_assert_int_eq(art_buf_printf(&line, ",\"k31337\":0,\"j39\":1}"), 0);
	ck_assert_int_eq(art_json_parse(&obj, art_buf_str(&line), &error), -1);
	ck_assert_ptr_nonnull(strstr(error.msg, ": duplicate key \"j39\""));
	/* the same key written two ways is the same key */
	ck_assert_int_eq(parse("{\"title\":1,\"titl\\u0065\":2}"), -1);
	ck_assert_str_eq(error.msg, "column 12: duplicate key \"title\"");
	art_buf_free(&line);
}
END_TEST

START_TEST(input_bytes_in_messages_are_shown_safely)
{
	const char *bad[][2] = {
	    {"{\"a\":\x01}", "column 6: unexpected character '\\x01'"},
	    {"{\"a\":\xC3\xA9}", "column 6: unexpected character '\xC3\xA9'"},
	    {"{\"a\":\"\\\x1B\"}", "column 9: bad escape '\\\\x1B'"},
	    {"{\"\\u001b[2J\":1,\"\\u001b[2J\":2}", "column 16: duplicate key \"\\x1B[2J\""},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(parse(bad[i][0]) == -1, "accepted %s", bad[i][0]);
		ck_assert_str_eq(error.msg, bad[i][1]);
	}
	/* long text is cut at a character boundary, within the space given */
	char shown[ART_EXCERPT_SIZE], text[256], want[256];
	strcpy(text, "");
	for (int i = 0; i < 40; i++)
		strcat(text, "\xC3\xA9");
	strcpy(want, "");
	for (int i = 0; i < 30; i++)
		strcat(want, "\xC3\xA9");
	strcat(want, "...");
	ck_assert_str_eq(art_excerpt(shown, (art_str){text, strlen(text)}), want);
	memset(text, 'a', 59);
	strcpy(text + 59, "\xC3\xA9");
	memcpy(want, text, 59);
	strcpy(want + 59, "...");
	ck_assert_str_eq(art_excerpt(shown, (art_str){text, strlen(text)}), want);
	memset(text, 1, 100);
	strcpy(want, "");
	for (int i = 0; i < 31; i++)
		strcat(want, "\\x01");
	strcat(want, "...");
	ck_assert_str_eq(art_excerpt(shown, (art_str){text, 100}), want);
	ck_assert_str_eq(art_excerpt(shown, S("")), "");

	struct art_record r;
	ck_assert_int_eq(parse("{\"date\":\"\\u001b[2J\xFF\"}"), 0);
	ck_assert_int_eq(art_record_from_json(&r, &obj, &error), -1);
	ck_assert_str_eq(error.msg, "\"date\": \"\\x1B[2J\\xFF\" is not a YYYY-MM-DD date");
}
END_TEST

START_TEST(an_empty_view_is_an_empty_string)
{
	/* a view of a buffer that never held anything, or a zeroed one */
	struct art_buf out = {0}, never = {0};
	ck_assert_ptr_nonnull(art_buf_str(&never).p);
	ck_assert_int_eq(art_json_put_string(&out, (art_str){NULL, 0}), 0);
	ck_assert_str_view(art_buf_str(&out), "\"\"");
	art_buf_free(&out);
	/* no tags, in an object that has never held a string array */
	struct art_jobject fresh = {0};
	struct art_record r;
	const char *line =
	    "{\"source\":\"s\",\"date\":\"2025-01-01\",\"category\":\"c\",\"title\":\"t\","
	    "\"summary\":\"s\",\"tags\":[],\"likes\":0,\"read_minutes\":1}";
	ck_assert_int_eq(art_json_parse(&fresh, (art_str){line, strlen(line)}, &error), 0);
	ck_assert_int_eq(art_record_from_json(&r, &fresh, &error), 0);
	ck_assert_uint_eq(r.ntags, 0);
	art_jobject_free(&fresh);
}
END_TEST

static Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("json");
	tcase_add_test(tc, a_record_line_is_read);
	tcase_add_test(tc, written_records_read_back_the_same);
	tcase_add_test(tc, awkward_characters_are_escaped);
	tcase_add_test(tc, escapes_decode);
	tcase_add_test(tc, any_flat_object_is_read);
	tcase_add_test(tc, broken_json_is_refused_with_a_column);
	tcase_add_test(tc, deep_nesting_is_refused_not_followed);
	tcase_add_test(tc, record_keys_must_have_their_types);
	tcase_add_test(tc, the_writer_sees_special_bytes_at_every_offset);
	tcase_add_test(tc, numbers_are_written_whole);
	tcase_add_test(tc, record_keys_leaving_their_order);
	tcase_add_test(tc, lines_leaving_the_written_layout_read_the_same);
	tcase_add_test(tc, the_reader_sees_special_bytes_at_every_offset);
	tcase_add_test(tc, objects_are_written_as_they_were_read);
	tcase_add_test(tc, records_keep_their_keys_and_order);
	tcase_add_test(tc, duplicate_keys_are_found_among_many);
	tcase_add_test(tc, an_empty_view_is_an_empty_string);
	tcase_add_test(tc, input_bytes_in_messages_are_shown_safely);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(json_suite)
