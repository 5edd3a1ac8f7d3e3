#include <config.h>

#include "unit.h"

/* A record with tags given as one string, '|' between them ("" for none). */
struct rec {
	struct art_record r;
	art_str tags[64];
};

static void make(struct rec *x, const char *date, const char *source, const char *tags)
{
	memset(x, 0, sizeof *x);
	x->r.source = (art_str){source, strlen(source)};
	x->r.date = (art_str){date, strlen(date)};
	x->r.category = S("Backend Development");
	x->r.title = S("A title");
	x->r.summary = S("A summary");
	x->r.tags = x->tags;
	x->r.likes = 2;
	x->r.read_minutes = 7;
	for (const char *p = tags; *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		x->tags[x->r.ntags++] = (art_str){p, n};
		p += n + (bar != NULL);
	}
}

static void add(struct art_tagcount *tc, const char *date, const char *source, const char *tags)
{
	struct rec x;
	make(&x, date, source, tags);
	ck_assert_int_eq(art_tagcount_add_record(tc, &x.r), 0);
}

/* Every row after finishing, as NDJSON, in a NUL-terminated buffer. */
static char *rows(struct art_tagcount *tc, enum art_tagcount_order order, size_t top)
{
	struct art_buf b = {0};
	ck_assert_int_eq(art_tagcount_finish(tc, order, top), 0);
	for (size_t i = 0; i < art_tagcount_nrows(tc); i++)
		ck_assert_int_eq(art_tagcount_put_row(&b, tc, i), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	return b.p;
}

#define ck_rows(tc, order, top, expected)                                                          \
	do {                                                                                       \
		char *got_ = rows((tc), (order), (top));                                           \
		ck_assert_str_eq(got_, (expected));                                                \
		free(got_);                                                                        \
	} while (0)

START_TEST(tags_are_counted_once_a_record_most_frequent_first)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "Kafka|JMQ|Kafka");
	add(tc, "2024-03-02", "A", "Go|Kafka");
	add(tc, "2025-01-02", "B", "ci/cd|Go|JMQ");
	add(tc, "2025-01-02", "B", "");
	add(tc, "2025-01-02", "B", "kafka");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tag\":\"Go\",\"count\":2}\n"
	        "{\"tag\":\"JMQ\",\"count\":2}\n"
	        "{\"tag\":\"Kafka\",\"count\":2}\n"
	        "{\"tag\":\"ci/cd\",\"count\":1}\n"
	        "{\"tag\":\"kafka\",\"count\":1}\n");
	struct art_tagrow row;
	art_tagcount_row(tc, 2, &row);
	ck_assert_str_view(row.tags[0], "Kafka");
	ck_assert_int_eq(row.ntags, 1);
	ck_assert_int_eq(row.count, 2);
	art_tagcount_free(tc);
}
END_TEST

START_TEST(top_keeps_the_first_rows)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "b|a|c");
	add(tc, "2024-01-02", "A", "c");
	ck_rows(tc, ART_TC_BY_COUNT, 2,
	        "{\"tag\":\"c\",\"count\":2}\n{\"tag\":\"a\",\"count\":1}\n");
	art_tagcount_free(tc);
	tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "b|a");
	ck_rows(tc, ART_TC_BY_COUNT, 0, "");
	art_tagcount_free(tc);
}
END_TEST

START_TEST(many_tags_keep_their_counts)
{
	/* past the first sizes of the table, and an empty tag among them */
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	static char names[5000][8];
	struct rec x;
	make(&x, "2024-01-02", "A", "");
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 5000; i++) {
			if (round == 2 && i % 2)
				continue;
			int n = snprintf(names[i], sizeof names[i], "tag%d", i);
			x.tags[0] = (art_str){names[i], (size_t)n};
			x.tags[1] = S("");
			x.r.ntags = i == 0 ? 2 : 1;
			ck_assert_int_eq(art_tagcount_add_record(tc, &x.r), 0);
		}
	ck_assert_int_eq(art_tagcount_finish(tc, ART_TC_BY_COUNT, SIZE_MAX), 0);
	ck_assert_uint_eq(art_tagcount_nrows(tc), 5001);
	struct art_tagrow row;
	/* equal counts in byte order: "" < "tag0" */
	art_tagcount_row(tc, 0, &row);
	ck_assert_str_view(row.tags[0], "");
	ck_assert_int_eq(row.count, 3);
	art_tagcount_row(tc, 1, &row);
	ck_assert_str_view(row.tags[0], "tag0");
	ck_assert_int_eq(row.count, 3);
	art_tagcount_row(tc, 2500, &row);
	ck_assert_int_eq(row.count, 3);
	art_tagcount_row(tc, 2501, &row);
	ck_assert_int_eq(row.count, 2);
	art_tagcount_row(tc, 5000, &row);
	ck_assert_str_view(row.tags[0], "tag999");
	ck_assert_int_eq(row.count, 2);
	art_tagcount_free(tc);
}
END_TEST

START_TEST(the_lexicon_order_is_byte_order)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "ci/cd|Go|B-PaaS");
	add(tc, "2024-01-02", "A", "Go");
	ck_rows(tc, ART_TC_BY_NAME, SIZE_MAX,
	        "{\"tag\":\"B-PaaS\",\"count\":1}\n"
	        "{\"tag\":\"Go\",\"count\":2}\n"
	        "{\"tag\":\"ci/cd\",\"count\":1}\n");
	art_tagcount_free(tc);
}
END_TEST

START_TEST(groups_come_in_order_of_their_value)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_YEAR, false);
	add(tc, "2025-01-02", "A", "Kafka|Go");
	add(tc, "2024-12-31", "B", "Kafka");
	add(tc, "2025-06-02", "A", "Go");
	add(tc, "2024-01-01", "A", "Kafka|Rust");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"year\":\"2024\",\"tag\":\"Kafka\",\"count\":2}\n"
	        "{\"year\":\"2024\",\"tag\":\"Rust\",\"count\":1}\n"
	        "{\"year\":\"2025\",\"tag\":\"Go\",\"count\":2}\n"
	        "{\"year\":\"2025\",\"tag\":\"Kafka\",\"count\":1}\n");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_MONTH, false);
	add(tc, "2025-01-02", "A", "Kafka|Go");
	add(tc, "2024-12-31", "B", "Kafka|Go");
	add(tc, "2025-01-22", "A", "Go");
	ck_rows(tc, ART_TC_BY_COUNT, 1,
	        "{\"month\":\"2024-12\",\"tag\":\"Go\",\"count\":1}\n"
	        "{\"month\":\"2025-01\",\"tag\":\"Go\",\"count\":2}\n");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_SOURCE, false);
	add(tc, "2025-01-02", "JD Retail", "Kafka");
	add(tc, "2025-01-02", "Huolala", "Kafka");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"source\":\"Huolala\",\"tag\":\"Kafka\",\"count\":1}\n"
	        "{\"source\":\"JD Retail\",\"tag\":\"Kafka\",\"count\":1}\n");
	art_tagcount_free(tc);

	ck_assert_int_eq(art_tagcount_group_lookup("category"), ART_TC_CATEGORY);
	ck_assert_int_eq(art_tagcount_group_lookup("date"), -1);
	ck_assert_str_eq(art_tagcount_group_name(ART_TC_MONTH), "month");
}
END_TEST

START_TEST(pairs_are_in_byte_order_most_frequent_first)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_PAIRS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "Kafka|Backend Engineering|JMQ");
	add(tc, "2024-01-02", "A", "Kafka|Backend Engineering");
	add(tc, "2024-01-02", "A", "Kafka");
	add(tc, "2024-01-02", "A", "Kafka|Kafka");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tags\":[\"Backend Engineering\",\"Kafka\"],\"count\":2}\n"
	        "{\"tags\":[\"Backend Engineering\",\"JMQ\"],\"count\":1}\n"
	        "{\"tags\":[\"JMQ\",\"Kafka\"],\"count\":1}\n");
	struct art_tagrow row;
	art_tagcount_row(tc, 0, &row);
	ck_assert_int_eq(row.ntags, 2);
	ck_assert_str_view(row.tags[0], "Backend Engineering");
	ck_assert_str_view(row.tags[1], "Kafka");
	art_tagcount_free(tc);
}
END_TEST

START_TEST(case_variants_count_as_one_shown_as_the_most_common)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, true);
	add(tc, "2024-01-02", "A", "kafka|KAFKA");
	add(tc, "2024-01-02", "A", "Kafka");
	add(tc, "2024-01-02", "A", "Kafka|Go");
	add(tc, "2024-01-02", "A", "kafka");
	add(tc, "2024-01-02", "A", "GO");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tag\":\"Kafka\",\"count\":4,\"spellings\":{\"Kafka\":2,\"kafka\":2}}\n"
	        "{\"tag\":\"GO\",\"count\":2,\"spellings\":{\"GO\":1,\"Go\":1}}\n");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, true);
	add(tc, "2024-01-02", "A", "Über|go");
	add(tc, "2024-01-02", "A", "über");
	add(tc, "2024-01-02", "A", "über");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tag\":\"über\",\"count\":3,\"spellings\":{\"Über\":1,\"über\":2}}\n"
	        "{\"tag\":\"go\",\"count\":1}\n");
	art_tagcount_free(tc);
}
END_TEST

START_TEST(folded_pairs_and_groups)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_PAIRS, ART_TC_SOURCE, true);
	add(tc, "2024-01-02", "A", "b|A");
	add(tc, "2024-01-02", "A", "a|B");
	add(tc, "2024-01-02", "A", "a|b");
	add(tc, "2024-01-02", "A", "a|A");
	/* a and b are shown as their spellings, in the byte order of those */
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tags\":[\"a\",\"b\"],\"count\":3,\"spellings\":{\"A\":1,\"B\":1,\"a\":2,\"b\":"
	        "2}}\n");
	art_tagcount_free(tc);

	/* groups are not folded; a tag is spelled alike in every group, as it is
	 * most often spelled over all, and a row whose only spelling is another
	 * says so */
	tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_SOURCE, true);
	add(tc, "2024-01-02", "Src", "Go");
	add(tc, "2024-01-02", "src", "go");
	add(tc, "2024-01-02", "Src", "go");
	add(tc, "2024-01-02", "Src", "Kafka");
	add(tc, "2024-01-02", "src", "Kafka");
	add(tc, "2024-01-02", "src", "kafka");
	ck_rows(
	    tc, ART_TC_BY_COUNT, SIZE_MAX,
	    "{\"source\":\"Src\",\"tag\":\"go\",\"count\":2,\"spellings\":{\"Go\":1,\"go\":1}}\n"
	    "{\"source\":\"Src\",\"tag\":\"Kafka\",\"count\":1}\n"
	    "{\"source\":\"src\",\"tag\":\"Kafka\",\"count\":2,\"spellings\":{\"Kafka\":1,"
	    "\"kafka\":1}}\n"
	    "{\"source\":\"src\",\"tag\":\"go\",\"count\":1}\n");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_YEAR, true);
	add(tc, "2024-01-02", "A", "Kafka");
	add(tc, "2024-01-02", "A", "Kafka");
	add(tc, "2025-01-02", "A", "kafka");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"year\":\"2024\",\"tag\":\"Kafka\",\"count\":2}\n"
	        "{\"year\":\"2025\",\"tag\":\"Kafka\",\"count\":1,\"spellings\":{\"kafka\":1}}\n");
	art_tagcount_free(tc);
}
END_TEST

START_TEST(bytes_that_are_not_utf8_count_as_the_replacement_character)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	add(tc, "2024-01-02", "A", "a\xff|a\xfe");
	add(tc, "2024-01-02", "A", "a\xef\xbf\xbd");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX, "{\"tag\":\"a\xef\xbf\xbd\",\"count\":2}\n");
	art_tagcount_free(tc);
}
END_TEST

/* ---- merging ---------------------------------------------------------- */

static struct art_jobject obj;
static struct art_error error;

static int merge_line(struct art_tagcount *tc, const char *line)
{
	ck_assert_int_eq(art_json_parse(&obj, (art_str){line, strlen(line)}, &error), 0);
	error.msg[0] = '\0';
	return art_tagcount_add_json(tc, &obj, &error);
}

/* Feed every line of TEXT to TC. */
static void merge_text(struct art_tagcount *tc, char *text)
{
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		ck_assert_msg(merge_line(tc, line) == 0, "%s: %s", line, error.msg);
}

/* Records made up from I: tags from a small set in varied case. */
static void made_up(struct rec *x, unsigned i, char *mem)
{
	static const char *const tags[] = {"Kafka", "kafka", "KAFKA", "Go",   "go",    "Rust",
	                                   "JMQ",   "jmq",   "Über",  "über", "ci/cd", "CI/CD"};
	const size_t nt = sizeof tags / sizeof *tags;
	static const char *const sources[] = {"JD Retail", "Huolala", "jd retail"};
	char *p = mem;
	*p = '\0';
	unsigned seed = i * 2654435761u;
	int n = (int)(seed >> 28) % 5;
	for (int t = 0; t < n; t++) {
		seed = seed * 1103515245u + 12345u;
		p += sprintf(p, "%s%s", t ? "|" : "", tags[(seed >> 16) % nt]);
	}
	char *date = p + 1;
	sprintf(date, "%04u-%02u-01", 2020 + i % 5, 1 + i % 12);
	make(x, date, sources[i % 3], mem);
}

static const struct {
	enum art_tagcount_mode mode;
	enum art_tagcount_group group;
	bool fold;
} setups[] = {
    {ART_TC_TAGS, ART_TC_SOURCE, false},  {ART_TC_TAGS, ART_TC_SOURCE, true},
    {ART_TC_GROUPS, ART_TC_YEAR, false},  {ART_TC_GROUPS, ART_TC_MONTH, true},
    {ART_TC_GROUPS, ART_TC_SOURCE, true}, {ART_TC_GROUPS, ART_TC_CATEGORY, false},
    {ART_TC_PAIRS, ART_TC_SOURCE, false}, {ART_TC_PAIRS, ART_TC_SOURCE, true},
};

/* Counting everything at once equals counting in parts and merging the
 * parts' output, in any number of parts. */
START_TEST(merged_parts_equal_the_whole)
{
	const unsigned nrec = 600;
	for (size_t s = 0; s < sizeof setups / sizeof *setups; s++) {
		for (unsigned parts = 1; parts <= 7; parts += 3) {
			struct art_tagcount *whole =
			    art_tagcount_new(setups[s].mode, setups[s].group, setups[s].fold);
			struct art_tagcount *merged =
			    art_tagcount_new(setups[s].mode, setups[s].group, setups[s].fold);
			for (unsigned part = 0; part < parts; part++) {
				struct art_tagcount *tc = art_tagcount_new(
				    setups[s].mode, setups[s].group, setups[s].fold);
				for (unsigned i = part; i < nrec; i += parts) {
					struct rec x;
					char mem[256];
					made_up(&x, i, mem);
					ck_assert_int_eq(art_tagcount_add_record(tc, &x.r), 0);
					ck_assert_int_eq(art_tagcount_add_record(whole, &x.r), 0);
				}
				char *out = rows(tc, ART_TC_BY_COUNT, SIZE_MAX);
				merge_text(merged, out);
				free(out);
				art_tagcount_free(tc);
			}
			char *a = rows(whole, ART_TC_BY_COUNT, SIZE_MAX);
			char *b = rows(merged, ART_TC_BY_COUNT, SIZE_MAX);
			ck_assert_msg(strcmp(a, b) == 0, "setup %zu, %u parts:\n%s\n---\n%s", s,
			              parts, a, b);
			ck_assert_msg(strlen(a) > 100, "setup %zu counted too little", s);
			free(a);
			free(b);
			art_tagcount_free(whole);
			art_tagcount_free(merged);
		}
	}
}
END_TEST

START_TEST(merging_adds_equal_keys)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_PAIRS, ART_TC_SOURCE, false);
	char text[] = "{\"tags\":[\"a\",\"b\"],\"count\":2}\n"
	              "{\"tags\":[\"b\",\"a\"],\"count\":3}\n"
	              "{\"count\":1,\"tags\":[\"a\",\"c\"],\"extra\":true}\n";
	merge_text(tc, text);
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tags\":[\"a\",\"b\"],\"count\":5}\n{\"tags\":[\"a\",\"c\"],\"count\":1}\n");
	art_tagcount_free(tc);
}
END_TEST

static void expect_bad(struct art_tagcount *tc, const char *line, const char *msg)
{
	ck_assert_msg(merge_line(tc, line) == ART_BAD, "accepted %s", line);
	ck_assert_str_eq(error.msg, msg);
}

START_TEST(rows_that_are_no_output_are_refused)
{
	struct art_tagcount *tc = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
	expect_bad(tc, "{\"count\":1}", "missing key \"tag\"");
	expect_bad(tc, "{\"tag\":1,\"count\":1}", "\"tag\" must be a string");
	expect_bad(tc, "{\"tag\":\"a\"}", "missing key \"count\"");
	expect_bad(tc, "{\"tag\":\"a\",\"count\":0}",
	           "\"count\" must be a whole number from 1 to 2^53");
	expect_bad(tc, "{\"tag\":\"a\",\"count\":1.5}",
	           "\"count\" must be a whole number from 1 to 2^53");
	expect_bad(tc, "{\"tag\":\"a\",\"count\":\"3\"}",
	           "\"count\" must be a whole number from 1 to 2^53");
	expect_bad(tc, "{\"tag\":\"a\",\"count\":1,\"spellings\":{\"A\":1}}",
	           "\"spellings\" come from counting with case ignored");
	ck_assert_int_eq(merge_line(tc, "{\"tag\":\"a\",\"count\":9007199254740990}"), 0);
	expect_bad(tc, "{\"tag\":\"a\",\"count\":3}", "the count would exceed 2^53");
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX, "{\"tag\":\"a\",\"count\":9007199254740990}\n");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_GROUPS, ART_TC_YEAR, false);
	expect_bad(tc, "{\"month\":\"2024-01\",\"tag\":\"a\",\"count\":1}", "missing key \"year\"");
	art_tagcount_free(tc);

	tc = art_tagcount_new(ART_TC_PAIRS, ART_TC_SOURCE, true);
	expect_bad(tc, "{\"tags\":[\"a\"],\"count\":1}",
	           "\"tags\" must be an array of two strings");
	expect_bad(tc, "{\"tags\":[\"a\",\"b\",\"c\"],\"count\":1}",
	           "\"tags\" must be an array of two strings");
	expect_bad(tc, "{\"tag\":\"a\",\"count\":1}", "missing key \"tags\"");
	expect_bad(tc, "{\"tags\":[\"a\",\"A\"],\"count\":1}",
	           "\"tags\" must be two different tags");
	expect_bad(tc, "{\"tags\":[\"a\",\"b\"],\"count\":2,\"spellings\":{\"a\":2,\"b\":1}}",
	           "\"spellings\" do not add up to \"count\"");
	expect_bad(tc,
	           "{\"tags\":[\"a\",\"b\"],\"count\":2,\"spellings\":{\"a\":2,\"b\":2,\"c\":1}}",
	           "\"spellings\": \"c\" is no spelling of the row's tag");
	expect_bad(tc, "{\"tags\":[\"a\",\"b\"],\"count\":2,\"spellings\":[\"a\"]}",
	           "\"spellings\" must be an object of counts");
	expect_bad(tc, "{\"tags\":[\"a\",\"b\"],\"count\":2,\"spellings\":{\"a\":2,\"b\":true}}",
	           "a count in \"spellings\" must be a whole number from 1 to 2^53");
	ck_assert_int_eq(
	    merge_line(
	        tc, "{\"tags\":[\"b\",\"a\"],\"count\":2,\"spellings\":{\"a\":1,\"A\":1,\"b\":2}}"),
	    0);
	/* nothing of the refused rows was counted */
	ck_rows(tc, ART_TC_BY_COUNT, SIZE_MAX,
	        "{\"tags\":[\"A\",\"b\"],\"count\":2,\"spellings\":{\"A\":1,\"a\":1,\"b\":2}}\n");
	art_tagcount_free(tc);
}
END_TEST

/* ---- one record's tags, and the long form ----------------------------- */

START_TEST(a_tagset_keeps_the_first_of_equal_tags)
{
	struct art_tagset set = {0};
	struct rec x;
	make(&x, "2024-01-01", "A", "Kafka|kafka|Go|Kafka");
	ck_assert_int_eq(art_tagset_fill(&set, &x.r, false), 0);
	ck_assert_int_eq(set.n, 3);
	ck_assert_str_view(set.shown[1], "kafka");
	ck_assert_int_eq(art_tagset_fill(&set, &x.r, true), 0);
	ck_assert_int_eq(set.n, 2);
	ck_assert_str_view(set.shown[0], "Kafka");
	ck_assert_str_view(set.keys[0], "kafka");
	ck_assert_str_view(set.shown[1], "Go");
	ck_assert_str_view(set.keys[1], "go");

	/* many tags take another way to the same result */
	char many[400] = "";
	for (int i = 0; i < 40; i++)
		sprintf(many + strlen(many), "%sT%d", i ? "|" : "", i % 25);
	make(&x, "2024-01-01", "A", many);
	ck_assert_int_eq(x.r.ntags, 40);
	ck_assert_int_eq(art_tagset_fill(&set, &x.r, true), 0);
	ck_assert_int_eq(set.n, 25);
	for (int i = 0; i < 25; i++) {
		char want[8];
		sprintf(want, "T%d", i);
		ck_assert_str_view(set.shown[i], want);
	}
	art_tagset_free(&set);
}
END_TEST

START_TEST(exploding_gives_a_line_per_tag)
{
	struct art_tagset set = {0};
	struct art_buf b = {0};
	struct rec x;
	make(&x, "2024-01-01", "A \"quoted\" source", "Kafka|Go|Kafka");
	ck_assert_int_eq(art_put_exploded(&b, &x.r, NULL, &set), 0);
	make(&x, "2024-01-01", "A", "");
	ck_assert_int_eq(art_put_exploded(&b, &x.r, NULL, &set), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_str_eq(b.p, "{\"source\":\"A \\\"quoted\\\" "
	                      "source\",\"date\":\"2024-01-01\",\"category\":\"Backend "
	                      "Development\",\"title\":\"A title\",\"summary\":\"A "
	                      "summary\",\"tag\":\"Kafka\",\"likes\":2,\"read_minutes\":7}\n"
	                      "{\"source\":\"A \\\"quoted\\\" "
	                      "source\",\"date\":\"2024-01-01\",\"category\":\"Backend "
	                      "Development\",\"title\":\"A title\",\"summary\":\"A "
	                      "summary\",\"tag\":\"Go\",\"likes\":2,\"read_minutes\":7}\n");
	art_buf_free(&b);
	art_tagset_free(&set);
}
END_TEST

START_TEST(tags_made_valid_and_folded)
{
	struct art_buf b = {0};
	ck_assert_int_eq(art_tag_fold(&b, S("ÜBER \xc3"), false), 0);
	ck_assert_str_view(art_buf_str(&b), "ÜBER \xef\xbf\xbd");
	b.len = 0;
	ck_assert_int_eq(art_tag_fold(&b, S("ÜBER \xc3 \xE2\x84\xAA"), true), 0);
	ck_assert_str_view(art_buf_str(&b), "über \xef\xbf\xbd k");
	art_buf_free(&b);
}
END_TEST

static void teardown(void)
{
	art_jobject_free(&obj);
}

static Suite *tagcount_suite(void)
{
	Suite *s = suite_create("tagcount");
	TCase *tc = tcase_create("counting");
	tcase_add_test(tc, tags_are_counted_once_a_record_most_frequent_first);
	tcase_add_test(tc, top_keeps_the_first_rows);
	tcase_add_test(tc, many_tags_keep_their_counts);
	tcase_add_test(tc, the_lexicon_order_is_byte_order);
	tcase_add_test(tc, groups_come_in_order_of_their_value);
	tcase_add_test(tc, pairs_are_in_byte_order_most_frequent_first);
	tcase_add_test(tc, case_variants_count_as_one_shown_as_the_most_common);
	tcase_add_test(tc, folded_pairs_and_groups);
	tcase_add_test(tc, bytes_that_are_not_utf8_count_as_the_replacement_character);
	suite_add_tcase(s, tc);
	tc = tcase_create("merging");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, merged_parts_equal_the_whole);
	tcase_add_test(tc, merging_adds_equal_keys);
	tcase_add_test(tc, rows_that_are_no_output_are_refused);
	suite_add_tcase(s, tc);
	tc = tcase_create("records");
	tcase_add_test(tc, a_tagset_keeps_the_first_of_equal_tags);
	tcase_add_test(tc, exploding_gives_a_line_per_tag);
	tcase_add_test(tc, tags_made_valid_and_folded);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(tagcount_suite)
