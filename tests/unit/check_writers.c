#include <config.h>

#include <stdio.h>
#include <unistd.h>

#include "unit.h"

static struct art_buf b;

static void reset(void)
{
	b.len = 0;
}

/* ---- each format's escaping, one cell at a time ---- */

static art_str csv(const char *cell, char delimiter, bool safe)
{
	struct art_csv_style st = {delimiter, safe};
	reset();
	ck_assert_int_eq(art_csv_put_cell(&b, (art_str){cell, strlen(cell)}, &st), 0);
	return art_buf_str(&b);
}

START_TEST(csv_quotes_only_what_needs_it)
{
	ck_assert_str_view(csv("plain text", 0, false), "plain text");
	ck_assert_str_view(csv("", 0, false), "");
	ck_assert_str_view(csv("a, b", 0, false), "\"a, b\"");
	ck_assert_str_view(csv("say \"hi\"", 0, false), "\"say \"\"hi\"\"\"");
	ck_assert_str_view(csv("two\nlines", 0, false), "\"two\nlines\"");
	ck_assert_str_view(csv("cr\r\nlf", 0, false), "\"cr\r\nlf\"");
	ck_assert_str_view(csv("a|b <&> \\ \t", 0, false), "a|b <&> \\ \t");
	ck_assert_str_view(csv("\xE6\x95\xB0\xE6\x8D\xAE, \xF0\x9F\x9A\x80", 0, false),
	                   "\"\xE6\x95\xB0\xE6\x8D\xAE, \xF0\x9F\x9A\x80\"");
	/* another delimiter: it is quoted, the comma no longer */
	ck_assert_str_view(csv("a;b", ';', false), "\"a;b\"");
	ck_assert_str_view(csv("a,b", ';', false), "a,b");
	ck_assert_str_view(csv("a\tb", '\t', false), "\"a\tb\"");
}
END_TEST

START_TEST(csv_safe_defuses_formulas)
{
	ck_assert_str_view(csv("=SUM(A1)", 0, true), "'=SUM(A1)");
	ck_assert_str_view(csv("+1", 0, true), "'+1");
	ck_assert_str_view(csv("-1", 0, true), "'-1");
	ck_assert_str_view(csv("@cmd", 0, true), "'@cmd");
	ck_assert_str_view(csv("\tx", 0, true), "'\tx");
	ck_assert_str_view(csv("\rx", 0, true), "\"'\rx\"");
	ck_assert_str_view(csv("=HYPERLINK(\"u\",\"x\")", 0, true),
	                   "\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\"");
	ck_assert_str_view(csv("a=b", 0, true), "a=b");
	ck_assert_str_view(csv("", 0, true), "");
	/* after leading spaces too, as spreadsheets skip them (OWASP) */
	ck_assert_str_view(csv(" =1+1", 0, true), "' =1+1");
	ck_assert_str_view(csv("   @x", 0, true), "'   @x");
	ck_assert_str_view(csv("  ", 0, true), "  ");
	ck_assert_str_view(csv(" a -b", 0, true), " a -b");
	ck_assert(!art_csv_risky((art_str){"\0=x", 3}));
	ck_assert_str_view(csv("=x", 0, false), "=x");
}
END_TEST

static art_str tsv(const char *cell, bool safe)
{
	reset();
	ck_assert_int_eq(art_tsv_put_cell(&b, (art_str){cell, strlen(cell)}, safe), 0);
	return art_buf_str(&b);
}

START_TEST(tsv_escapes_tabs_line_ends_and_backslashes)
{
	ck_assert_str_view(tsv("plain, \"quoted\" | <&>", false), "plain, \"quoted\" | <&>");
	ck_assert_str_view(tsv("a\tb\nc\rd\\e", false), "a\\tb\\nc\\rd\\\\e");
	ck_assert_str_view(tsv("\\t", false), "\\\\t");
	ck_assert_str_view(tsv("=1", true), "'=1");
	ck_assert_str_view(tsv("\tx", true), "'\\tx");
}
END_TEST

static art_str md(const char *cell)
{
	reset();
	ck_assert_int_eq(art_markdown_put_cell(&b, (art_str){cell, strlen(cell)}), 0);
	return art_buf_str(&b);
}

START_TEST(markdown_escapes_pipes_and_markup)
{
	ck_assert_str_view(md("plain, \"text\" = ok"), "plain, \"text\" = ok");
	ck_assert_str_view(md("a|b"), "a\\|b");
	ck_assert_str_view(md("<script>&amp;"), "\\<script\\>\\&amp;");
	ck_assert_str_view(md("*em* _u_ `code` [l](x) ~~s~~ \\"),
	                   "\\*em\\* \\_u\\_ \\`code\\` \\[l\\](x) \\~\\~s\\~\\~ \\\\");
	ck_assert_str_view(md("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
	ck_assert_str_view(md("\xE6\x95\xB0 \xF0\x9F\x9A\x80"), "\xE6\x95\xB0 \xF0\x9F\x9A\x80");
}
END_TEST

static art_str html(const char *text, size_t n)
{
	reset();
	ck_assert_int_eq(art_html_put_text(&b, (art_str){text, n}), 0);
	return art_buf_str(&b);
}
#define HTML(lit) html((lit), sizeof(lit) - 1)

START_TEST(html_escapes_markup_and_controls)
{
	ck_assert_str_view(HTML("<a href=\"x\">Tom's & Jerry's</a>"),
	                   "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;");
	ck_assert_str_view(HTML("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
	ck_assert_str_view(HTML("nul\0esc\x1b del\x7f c1\xC2\x85"),
	                   "nul\xEF\xBF\xBD"
	                   "esc\xEF\xBF\xBD del\xEF\xBF\xBD c1\xEF\xBF\xBD");
	ck_assert_str_view(
	    HTML("bad \xFF\xC3 ok \xC3\xA9 \xE6\x95\xB0 \xF0\x9F\x9A\x80"),
	    "bad \xEF\xBF\xBD\xEF\xBF\xBD ok \xC3\xA9 \xE6\x95\xB0 \xF0\x9F\x9A\x80");
}
END_TEST

START_TEST(listing_records_read_back)
{
	art_str tags[] = {S("Backend Engineering"), S("JMQ"), S("Kafka")};
	struct art_record r = {S("JD Retail"),
	                       S("2026-01-13"),
	                       S("Backend Development"),
	                       S("Deep Dive"),
	                       S("Two\nlines"),
	                       tags,
	                       3,
	                       1,
	                       16};
	const char *why = "unset";
	reset();
	ck_assert_int_eq(art_listing_put_record(&b, &r, &why), 0);
	ck_assert_ptr_null(why);
	ck_assert_str_view(art_buf_str(&b),
	                   "JD Retail\nJD Retail\nJan 13, 2026 \xC2\xB7 Backend "
	                   "Development\n\nDeep Dive\n\nTwo lines\n\nBackend "
	                   "EngineeringJMQKafka\n1 like \xC2\xB7 16 min read\nDeep Dive\n");
	/* what the listing cannot hold is refused */
	r.title = S("  ");
	reset();
	ck_assert_int_eq(art_listing_put_record(&b, &r, &why), 1);
	ck_assert_str_eq(why, "its title is blank");
	ck_assert_uint_eq(b.len, 0);
	r.title = S("t");
	r.ntags = 0;
	ck_assert_int_eq(art_listing_put_record(&b, &r, &why), 1);
	ck_assert_str_eq(why, "it has no tags");
	reset();
	ck_assert_int_eq(art_listing_put_header(&b, 1), 0);
	ck_assert_str_view(art_buf_str(&b), "Tagged articles\n1 article\nPage 1 of 1\n");
	reset();
	ck_assert_int_eq(art_listing_put_header(&b, 0), 0);
	ck_assert_str_view(art_buf_str(&b), "Tagged articles\n0 articles\nPage 1 of 1\n");
}
END_TEST

START_TEST(json_is_indented_as_jq_does)
{
	reset();
	ck_assert_int_eq(
	    art_json_put_pretty(&b, S("{\"a\":[1, {\"b\" : \"x,]}\\\"\"}],\"e\":{},\"f\":[ ]}"), 1),
	    0);
	ck_assert_str_view(art_buf_str(&b),
	                   "{\n    \"a\": [\n      1,\n      {\n        \"b\": "
	                   "\"x,]}\\\"\"\n      }\n    ],\n    \"e\": {},\n    \"f\": "
	                   "[]\n  }");
	reset();
	ck_assert_int_eq(art_json_put_pretty(&b, S("-1.5e3"), 0), 0);
	ck_assert_str_view(art_buf_str(&b), "-1.5e3");
}
END_TEST

/* ---- whole writers, through an art_out into a file ---- */

static struct art_jobject obj;
static struct art_record rec;

static char *run_writer(enum art_format f, const struct art_fmt_options *opt,
                        const char *const *lines, size_t n, int *bad)
{
	char path[] = "/tmp/check_writers.XXXXXX";
	struct art_error error;
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct art_out out;
	struct art_writer w;
	struct art_error e;
	ck_assert_int_eq(art_out_open(&out, path), 0);
	ck_assert_int_eq(art_writer_init(&w, f, opt, &out, &error), 0);
	*bad = 0;
	for (size_t i = 0; i < n; i++) {
		struct art_item it = {.file = "t", .line = i + 1};
		const char *l = lines[i];
		ck_assert_int_eq(art_json_parse(&obj, (art_str){l, strlen(l)}, &error), 0);
		it.obj = &obj;
		it.json = (art_str){l, strlen(l)};
		it.rec = art_record_from_json(&rec, &obj, &error) == 0 ? &rec : NULL;
		int rc = art_writer_put(&w, &it, &e);
		ck_assert_int_ne(rc, ART_FAIL);
		*bad += rc == ART_BAD;
	}
	ck_assert_int_eq(art_writer_finish(&w, &e), ART_OK);
	art_writer_free(&w);
	ck_assert_int_eq(art_out_close(&out), 0);
	FILE *fp = fopen(path, "rb");
	char *text = calloc(1, 1 << 16);
	fread(text, 1, (1 << 16) - 1, fp);
	fclose(fp);
	unlink(path);
	return text;
}

static const char *const records[] = {
    "{\"source\":\"=JD\",\"date\":\"2026-01-13\",\"category\":\"A|B\",\"title\":\"Say \\\"hi\\\", "
    "x\",\"summary\":\"one\\ntwo\",\"tags\":[\"Kafka\",\"<&>\"],\"likes\":1,\"read_minutes\":16}",
    "{\"source\":\"\xE9\x98\xBF\xE9\x87\x8C\",\"date\":\"2025-02-03\",\"category\":\"DB\","
    "\"title\":\"t\",\"summary\":\"s\",\"tags\":[\"Kafka\"],\"likes\":0,\"read_minutes\":5}",
};

START_TEST(csv_writer_writes_header_and_rows)
{
	int bad;
	struct art_fmt_options o = {.fields = "source,title,summary,tags,likes"};
	char *t = run_writer(ART_FMT_CSV, &o, records, 2, &bad);
	ck_assert_str_eq(t, "source,title,summary,tags,likes\n"
	                    "=JD,\"Say \"\"hi\"\", x\",\"one\ntwo\",Kafka;<&>,1\n"
	                    "\xE9\x98\xBF\xE9\x87\x8C,t,s,Kafka,0\n");
	free(t);
	o = (struct art_fmt_options){.fields = "source,tags",
	                             .crlf = true,
	                             .bom = true,
	                             .no_header = true,
	                             .safe = true,
	                             .tag_sep = "|",
	                             .delimiter = ';'};
	t = run_writer(ART_FMT_CSV, &o, records, 2, &bad);
	ck_assert_str_eq(t, "\xEF\xBB\xBF'=JD;Kafka|<&>\r\n\xE9\x98\xBF\xE9\x87\x8C;Kafka\r\n");
	free(t);
	/* one empty column still makes a line a reader sees */
	const char *empty[] = {"{\"a\":\"\"}"};
	o = (struct art_fmt_options){0};
	t = run_writer(ART_FMT_CSV, &o, empty, 1, &bad);
	ck_assert_str_eq(t, "a\n\"\"\n");
	free(t);
	/* no input: the header of the record keys, or of the fields asked for */
	t = run_writer(ART_FMT_CSV, &o, NULL, 0, &bad);
	ck_assert_str_eq(t, "source,date,category,title,summary,tags,likes,read_minutes\n");
	free(t);
	t = run_writer(ART_FMT_TSV, &o, NULL, 0, &bad);
	ck_assert_str_eq(t, "source\tdate\tcategory\ttitle\tsummary\ttags\tlikes\tread_minutes\n");
	free(t);
	t = run_writer(ART_FMT_MARKDOWN, &o, NULL, 0, &bad);
	ck_assert_str_eq(t, ""); /* not a spreadsheet's file: nothing */
	free(t);
	/* a NUL byte ("\u0000") is never written in a text format: U+FFFD */
	const char *nul[] = {"{\"a\":\"x\\u0000y\",\"b\":[\"\\u0000\",\"z\"]}"};
	t = run_writer(ART_FMT_CSV, &o, nul, 1, &bad);
	ck_assert_str_eq(t, "a,b\nx\xEF\xBF\xBDy,\xEF\xBF\xBD;z\n");
	free(t);
	t = run_writer(ART_FMT_MARKDOWN, &o, nul, 1, &bad);
	ck_assert_ptr_nonnull(strstr(t, "x\xEF\xBF\xBDy"));
	free(t);
	o.fields = "date,title";
	t = run_writer(ART_FMT_CSV, &o, NULL, 0, &bad);
	ck_assert_str_eq(t, "date,title\n");
	free(t);
}
END_TEST

START_TEST(tsv_and_markdown_writers)
{
	int bad;
	struct art_fmt_options o = {.fields = "title,summary,tags,likes"};
	char *t = run_writer(ART_FMT_TSV, &o, records, 1, &bad);
	ck_assert_str_eq(t,
	                 "title\tsummary\ttags\tlikes\nSay \"hi\", x\tone\\ntwo\tKafka;<&>\t1\n");
	free(t);
	o.fields = "category,tags,likes";
	t = run_writer(ART_FMT_MARKDOWN, &o, records, 2, &bad);
	ck_assert_str_eq(t, "| category | tags | likes |\n| --- | --- | ---: |\n"
	                    "| A\\|B | Kafka, \\<\\&\\> | 1 |\n| DB | Kafka | 0 |\n");
	free(t);
}
END_TEST

START_TEST(table_writer_aligns_and_fits)
{
	int bad;
	struct art_fmt_options o = {.fields = "source,title,likes", .width = 100};
	char *t = run_writer(ART_FMT_TABLE, &o, records, 2, &bad);
	ck_assert_str_eq(t, "source  title        likes\n"
	                    "=JD     Say \"hi\", x      1\n"
	                    "\xE9\x98\xBF\xE9\x87\x8C    t                0\n");
	free(t);
	/* 16 columns, no header: "source" (4) and "likes" (1) keep theirs, the
	 * title gets the 7 left */
	o.width = 16;
	o.no_header = true;
	t = run_writer(ART_FMT_TABLE, &o, records, 2, &bad);
	ck_assert_str_eq(t, "=JD   Say \"h\xE2\x80\xA6  1\n"
	                    "\xE9\x98\xBF\xE9\x87\x8C  t        0\n");
	free(t);
	/* a window of one row: the widths come from the header and the first */
	o = (struct art_fmt_options){.fields = "source,summary", .window = 1, .width = 100};
	t = run_writer(ART_FMT_TABLE, &o, records, 2, &bad);
	ck_assert_str_eq(t, "source  summary\n=JD     one two\n\xE9\x98\xBF\xE9\x87\x8C    s\n");
	free(t);
	/* too wide: the summary gives up room before the title, the date none */
	const char *wide[] = {"{\"title\":\"Kafka in production\",\"summary\":\"a long summary "
	                      "here\",\"date\":\"2026-01-13\"}"};
	o = (struct art_fmt_options){
	    .fields = "summary,title,date", .width = 40, .no_header = true};
	t = run_writer(ART_FMT_TABLE, &o, wide, 1, &bad);
	ck_assert_str_eq(t, "a long\xE2\x80\xA6  Kafka in production  2026-01-13\n");
	free(t);
	/* narrower than a floor of 6 each: then down to one column */
	o.width = 20;
	t = run_writer(ART_FMT_TABLE, &o, wide, 1, &bad);
	ck_assert_str_eq(t, "\xE2\x80\xA6  Kafk\xE2\x80\xA6  2026-01-13\n");
	free(t);
	/* with colour the header is bold */
	o = (struct art_fmt_options){.fields = "date", .color = true};
	t = run_writer(ART_FMT_TABLE, &o, wide, 1, &bad);
	ck_assert_str_eq(t, "\033[1mdate\033[0m\n2026-01-13\n");
	free(t);
}
END_TEST

START_TEST(html_writer_counts_charts_and_escapes)
{
	int bad;
	struct art_fmt_options o = {.spool_limit = 64};
	char *t = run_writer(ART_FMT_HTML, &o, records, 2, &bad);
	ck_assert_ptr_nonnull(strstr(t, "<!DOCTYPE html>\n<html lang=\"en\">"));
	ck_assert_ptr_null(strstr(t, "<script"));
	ck_assert_ptr_nonnull(
	    strstr(t, "<strong>2</strong> articles &middot; <time datetime=\"2025-02-03\">Feb 3, "
	              "2025</time> &ndash; <time datetime=\"2026-01-13\">Jan 13, 2026</time> "
	              "&middot; <strong>2</strong> sources &middot; <strong>2</strong> tags"));
	/* the tag chart: labels isolated, bars as long as their counts */
	ck_assert_ptr_nonnull(strstr(t, "<g><title>Kafka: 2 articles</title><text x=\"0\" "
	                                "y=\"15\"><tspan x=\"0\" dy=\"0\">\u2068Kafka\u2069"));
	ck_assert_ptr_nonnull(strstr(t, "width=\"448.8\" height=\"16\""));
	ck_assert_ptr_nonnull(strstr(t, "\u2068&lt;&amp;&gt;\u2069"));
	ck_assert_ptr_nonnull(strstr(t, "width=\"224.4\" height=\"16\""));
	ck_assert_ptr_nonnull(
	    strstr(t, "<p class=\"meta\"><bdi class=\"source\">=JD</bdi> &middot; "
	              "<time datetime=\"2026-01-13\">Jan 13, 2026</time> &middot; "
	              "<bdi class=\"category\">A|B</bdi></p>\n"
	              "<h2 dir=\"auto\">Say &quot;hi&quot;, x</h2>\n<p class=\"summary\" "
	              "dir=\"auto\">one\ntwo</p>\n<ul class=\"tags\"><li dir=\"auto\">Kafka</li>"
	              "<li dir=\"auto\">&lt;&amp;&gt;</li></ul>\n"
	              "<p class=\"meta\">1 like &middot; 16 min read</p>\n</li>"));
	ck_assert_ptr_nonnull(strstr(t, "</ol>\n</main>\n</body>\n</html>\n"));
	free(t);
	/* objects: a table; a later object that is no record is fine */
	const char *objs[] = {"{\"tag\":\"<b>\",\"count\":3}", "{\"count\":1}"};
	o.fields = NULL;
	t = run_writer(ART_FMT_HTML, &o, objs, 2, &bad);
	ck_assert_int_eq(bad, 0);
	ck_assert_ptr_nonnull(strstr(t, "<strong>2</strong> rows</p>"));
	ck_assert_ptr_nonnull(
	    strstr(t, "<tr><th dir=\"auto\">tag</th><th dir=\"auto\">count</th></tr>"));
	ck_assert_ptr_nonnull(strstr(t, "<tr><td dir=\"auto\">&lt;b&gt;</td><td class=\"num\" "
	                                "dir=\"auto\">3</td></tr>\n<tr><td dir=\"auto\"></td><td "
	                                "class=\"num\" dir=\"auto\">1</td></tr>"));
	free(t);
	/* records first: a later object that is no record is skipped */
	const char *mixed[] = {records[0], "{\"count\":1}"};
	t = run_writer(ART_FMT_HTML, &o, mixed, 2, &bad);
	ck_assert_int_eq(bad, 1);
	ck_assert_ptr_nonnull(strstr(t, "<strong>1</strong> article &middot;"));
	free(t);
}
END_TEST

START_TEST(listing_writer_counts_what_it_wrote)
{
	int bad;
	const char *lines[] = {
	    "{\"source\":\"=JD\",\"date\":\"2026-01-13\",\"category\":\"A|B\",\"title\":\"Say "
	    "\\\"hi\\\", x\",\"summary\":\"one\\ntwo\",\"tags\":[\"Redis\",\"Kafka\"],\"likes\":1,"
	    "\"read_minutes\":16}",
	    "{\"source\":\"x\",\"date\":\"2025-02-03\",\"category\":\"DB\",\"title\":\"\","
	    "\"summary\":\"s\",\"tags\":[\"K\"],\"likes\":0,\"read_minutes\":5}",
	    records[1]};
	struct art_fmt_options o = {.spool_limit = 16};
	char *t = run_writer(ART_FMT_LISTING, &o, lines, 3, &bad);
	ck_assert_int_eq(bad, 1);
	ck_assert(strncmp(t, "Tagged articles\n2 articles\nPage 1 of 1\n=JD\n=JD\n", 45) == 0);
	ck_assert_ptr_nonnull(strstr(t, "\nKafkaRedis\n")); /* the site's order */
	ck_assert_ptr_nonnull(strstr(t, "\n0 likes \xC2\xB7 5 min read\nt\n"));
	ck_assert_ptr_null(strstr(t, "\nx\n"));
	free(t);
}
END_TEST

/* A record that would read back otherwise is skipped: tags that would be
 * one ("<&>Kafka": no cut after '>'), a source shaped like a date line. */
START_TEST(listing_writer_writes_only_what_reads_back)
{
	int bad;
	const char *lines[] = {
	    records[0],
	    "{\"source\":\"Jan 9, 2023 \xC2\xB7 x\",\"date\":\"2025-02-03\",\"category\":\"DB\","
	    "\"title\":\"t\",\"summary\":\"s\",\"tags\":[\"Kafka\"],\"likes\":0,"
	    "\"read_minutes\":5}",
	    records[1]};
	char *t = run_writer(ART_FMT_LISTING, &(struct art_fmt_options){0}, lines, 3, &bad);
	ck_assert_int_eq(bad, 2);
	ck_assert(strncmp(t, "Tagged articles\n1 article\nPage 1 of 1\n\xE9\x98\xBF", 41) == 0);
	ck_assert_ptr_null(strstr(t, "Kafka<&>"));
	ck_assert_ptr_null(strstr(t, "<&>Kafka"));
	free(t);
}
END_TEST

START_TEST(json_writer_writes_one_array)
{
	int bad;
	struct art_fmt_options o = {.fields = "title,tags,likes"};
	char *t = run_writer(ART_FMT_JSON, &o, records, 2, &bad);
	ck_assert_str_eq(t, "[\n  {\n    \"title\": \"Say \\\"hi\\\", x\",\n    \"tags\": [\n"
	                    "      \"Kafka\",\n      \"<&>\"\n    ],\n    \"likes\": 1\n  },\n"
	                    "  {\n    \"title\": \"t\",\n    \"tags\": [\n      \"Kafka\"\n    ],\n"
	                    "    \"likes\": 0\n  }\n]\n");
	free(t);
	o.fields = NULL;
	t = run_writer(ART_FMT_JSON, &o, NULL, 0, &bad);
	ck_assert_str_eq(t, "[]\n");
	free(t);
	const char *objs[] = {"{\"a\":{\"b\":[1,2]},\"c\":null}", "{\"c\":\"x\"}"};
	t = run_writer(ART_FMT_JSON, &o, objs, 2, &bad);
	ck_assert_str_eq(
	    t, "[\n  {\n    \"a\": {\n      \"b\": [\n        1,\n        2\n      ]\n"
	       "    },\n    \"c\": null\n  },\n  {\n    \"a\": null,\n    \"c\": \"x\"\n  }\n]\n");
	free(t);
}
END_TEST

START_TEST(raw_writer_prints_jq_outputs)
{
	int bad;
	struct art_fmt_options o = {.expr = "\"\\(.date) \\(.title)\", .likes, .tags"};
	char *t = run_writer(ART_FMT_RAW, &o, records, 2, &bad);
	ck_assert_str_eq(t, "2026-01-13 Say \"hi\", x\n1\n[\"Kafka\",\"<&>\"]\n"
	                    "2025-02-03 t\n0\n[\"Kafka\"]\n");
	free(t);
	o.expr = ".title | ltrimstr(\"S\") + (.x // \"\")";
	t = run_writer(ART_FMT_RAW, &o, records, 1, &bad);
	ck_assert_int_eq(bad, 1); /* a string has no .x */
	ck_assert_str_eq(t, "");
	free(t);
	struct art_error error;
	struct art_writer w;
	o.expr = ".[";
	ck_assert_int_eq(art_writer_init(&w, ART_FMT_RAW, &o, NULL, &error), -1);
	ck_assert_ptr_nonnull(strstr(error.msg, "syntax error"));
}
END_TEST

START_TEST(a_bad_field_list_stops_the_writer)
{
	struct art_error error;
	struct art_writer w;
	struct art_error e;
	struct art_fmt_options o = {.fields = "title,title"};
	ck_assert_int_eq(art_writer_init(&w, ART_FMT_CSV, &o, NULL, &error), 0);
	const char *l = records[0];
	ck_assert_int_eq(art_json_parse(&obj, (art_str){l, strlen(l)}, &error), 0);
	struct art_item it = {.obj = &obj, .json = {l, strlen(l)}, .file = "t", .line = 1};
	it.rec = art_record_from_json(&rec, &obj, &error) == 0 ? &rec : NULL;
	ck_assert_int_eq(art_writer_put(&w, &it, &e), ART_FAIL);
	ck_assert_str_eq(e.msg, "field \"title\" given twice");
	art_writer_free(&w);
}
END_TEST

/* ---- forks: the writing of items in other threads ---- */

/* Line L (numbered I) of NDJSON through W. */
static int put_json(struct art_writer *w, const char *l, size_t i)
{
	struct art_error e;
	struct art_item it = {.file = "t", .line = i + 1, .json = {l, strlen(l)}, .obj = &obj};
	ck_assert_int_eq(art_json_parse(&obj, it.json, &e), 0);
	it.rec = art_record_from_json(&rec, &obj, &e) == 0 ? &rec : NULL;
	int rc = art_writer_put(w, &it, &e);
	ck_assert_int_ne(rc, ART_FAIL);
	return rc;
}

/* LINES through one writer, and through a writer until it may be forked,
 * the rest through a fork into an output of its own: the same bytes.
 * Returns the item at which the fork took over (N when it never could). */
static size_t forked_same(enum art_format f, const struct art_fmt_options *opt,
                          const char *const *lines, size_t n)
{
	struct art_out one = {.hold = true}, main = {.hold = true}, side = {.hold = true};
	struct art_writer w, m, fork;
	struct art_error e;
	ck_assert_int_eq(art_writer_init(&w, f, opt, &one, &e), 0);
	for (size_t i = 0; i < n; i++)
		put_json(&w, lines[i], i);
	ck_assert_int_eq(art_writer_finish(&w, &e), ART_OK);

	ck_assert_int_eq(art_writer_init(&m, f, opt, &main, &e), 0);
	size_t i = 0;
	while (i < n && !art_writer_forkable(&m))
		put_json(&m, lines[i], i), i++;
	size_t took = i;
	if (i < n) {
		ck_assert_int_eq(art_writer_fork(&fork, &m, &side), 0);
		for (; i < n; i++)
			put_json(&fork, lines[i], i);
		art_writer_free(&fork);
		ck_assert(art_writer_forkable(&m)); /* it stays so */
		ck_assert_int_eq(art_buf_append(&main.buf, side.buf.p, side.buf.len), 0);
	}
	ck_assert_int_eq(art_writer_finish(&m, &e), ART_OK);
	ck_assert_uint_eq(main.buf.len, one.buf.len);
	ck_assert(memcmp(main.buf.p, one.buf.p, one.buf.len) == 0);
	art_writer_free(&w);
	art_writer_free(&m);
	art_buf_free(&one.buf);
	art_buf_free(&main.buf);
	art_buf_free(&side.buf);
	return took;
}

START_TEST(a_fork_writes_what_the_writer_would)
{
	const char *lines[8];
	for (size_t i = 0; i < 8; i++)
		lines[i] = records[i % 2];
	struct art_fmt_options o = {0};
	/* from the first item: the header is out */
	ck_assert_uint_eq(forked_same(ART_FMT_CSV, &o, lines, 8), 1);
	ck_assert_uint_eq(forked_same(ART_FMT_TSV, &o, lines, 8), 1);
	ck_assert_uint_eq(forked_same(ART_FMT_MARKDOWN, &o, lines, 8), 1);
	o.expr = ".tags[] | ascii_downcase";
	ck_assert_uint_eq(forked_same(ART_FMT_RAW, &o, lines, 8), 1);
	o = (struct art_fmt_options){.fields = "title,tags", .bom = true, .crlf = true};
	ck_assert_uint_eq(forked_same(ART_FMT_CSV, &o, lines, 8), 1);
	/* JSON once its array is open */
	o = (struct art_fmt_options){0};
	ck_assert_uint_eq(forked_same(ART_FMT_JSON, &o, lines, 8), 1);
	/* the table once its widths are fixed: a window of 3 rows */
	o = (struct art_fmt_options){.window = 3, .width = 60};
	ck_assert_uint_eq(forked_same(ART_FMT_TABLE, &o, lines, 8), 3);
	o.no_header = true;
	ck_assert_uint_eq(forked_same(ART_FMT_TABLE, &o, lines, 8), 3);
	/* the page and the listing see every record before they write */
	o = (struct art_fmt_options){0};
	ck_assert_uint_eq(forked_same(ART_FMT_HTML, &o, lines, 8), 8);
	ck_assert_uint_eq(forked_same(ART_FMT_LISTING, &o, lines, 8), 8);
}
END_TEST

static Suite *writers_suite(void)
{
	Suite *s = suite_create("writers");
	TCase *tc = tcase_create("escaping");
	tcase_add_test(tc, csv_quotes_only_what_needs_it);
	tcase_add_test(tc, csv_safe_defuses_formulas);
	tcase_add_test(tc, tsv_escapes_tabs_line_ends_and_backslashes);
	tcase_add_test(tc, markdown_escapes_pipes_and_markup);
	tcase_add_test(tc, html_escapes_markup_and_controls);
	tcase_add_test(tc, listing_records_read_back);
	tcase_add_test(tc, json_is_indented_as_jq_does);
	suite_add_tcase(s, tc);
	tc = tcase_create("writers");
	tcase_add_test(tc, csv_writer_writes_header_and_rows);
	tcase_add_test(tc, tsv_and_markdown_writers);
	tcase_add_test(tc, table_writer_aligns_and_fits);
	tcase_add_test(tc, html_writer_counts_charts_and_escapes);
	tcase_add_test(tc, listing_writer_counts_what_it_wrote);
	tcase_add_test(tc, listing_writer_writes_only_what_reads_back);
	tcase_add_test(tc, json_writer_writes_one_array);
	tcase_add_test(tc, raw_writer_prints_jq_outputs);
	tcase_add_test(tc, a_bad_field_list_stops_the_writer);
	tcase_add_test(tc, a_fork_writes_what_the_writer_would);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(writers_suite)
