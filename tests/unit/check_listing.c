#include <config.h>

#include "unit.h"

#define DOT "\xC2\xB7"

static struct art_tagger *tagger;
static struct art_listing listing;
static struct art_buf got; /* one line per result: "R title" or "E line: message" */

/* Feed TEXT line by line and note every record and error. */
static void feed(const char *text)
{
	art_listing_init(&listing, tagger);
	got.len = 0;
	unsigned long lineno = 0;
	const char *p = text;
	struct art_error err;
	const struct art_record *rec;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int rc = art_listing_feed(&listing, (art_str){p, n}, ++lineno, &rec, &err);
		if (rc == ART_OK)
			ck_assert_int_eq(
			    art_buf_printf(&got, "R %.*s|%.*s|%.*s|%lld|%lld\n", (int)rec->source.n,
			                   rec->source.p, (int)rec->date.n, rec->date.p,
			                   (int)rec->title.n, rec->title.p, (long long)rec->likes,
			                   (long long)rec->read_minutes),
			    0);
		if (rc == ART_BAD)
			ck_assert_int_eq(art_buf_printf(&got, "E %lu: %s\n", err.line, err.msg), 0);
		if (art_listing_pending(&listing, &err) == ART_BAD)
			ck_assert_int_eq(art_buf_printf(&got, "E %lu: %s\n", err.line, err.msg), 0);
		if (!nl)
			break;
		p = nl + 1;
	}
	if (art_listing_break(&listing, &err) == ART_BAD)
		ck_assert_int_eq(art_buf_printf(&got, "E %lu: %s\n", err.line, err.msg), 0);
	ck_assert_int_eq(art_buf_putc(&got, '\0'), 0);
	art_listing_free(&listing);
}

#define RECORD(src, date, title, tags, stats)                                                      \
	src "\n" src "\n" date " " DOT " Backend Development\n\n" title "\n\nA summary.\n\n" tags  \
	    "\n" stats "\n" title "\n"

START_TEST(a_page_gives_its_records)
{
	feed("Tagged articles\n46 articles\nPage 1 of 1\n" RECORD(
	    "JD Tech", "Jan 13, 2026", "Deep Dive", "Backend EngineeringJMQKafka",
	    "0 likes " DOT " 16 min read")
	         RECORD("Huolala", "Dec 2, 2025", "Lalamove", "AI automationBackend Engineering",
	                "1 like " DOT " 9 min read"));
	ck_assert_str_eq(got.p, "R JD Tech|2026-01-13|Deep Dive|0|16\n"
	                        "R Huolala|2025-12-02|Lalamove|1|9\n");
}
END_TEST

START_TEST(site_text_between_records_is_passed_over)
{
	feed("Home\nLoad more\n" RECORD(
	    "A", "Jan 1, 2026", "T1", "Go",
	    "2 likes " DOT
	    " 1 min read") "Load more\nAbout us\nPrivacy\n" RECORD("B", "Jan 2, 2026", "T2", "Go",
	                                                           "3 likes " DOT
	                                                           " 2 min read") "Next page\n");
	ck_assert_str_eq(got.p, "R A|2026-01-01|T1|2|1\nR B|2026-01-02|T2|3|2\n");
}
END_TEST

START_TEST(a_source_printed_once_is_enough)
{
	feed("Solo\nJan 5, 2026 " DOT " Cat\nTitle\nSum\nTags\n0 likes " DOT " 3 min read\nTitle");
	ck_assert_str_eq(got.p, "R Solo|2026-01-05|Title|0|3\n");
}
END_TEST

START_TEST(a_cut_record_does_not_take_its_neighbours)
{
	feed(RECORD("A", "Jan 1, 2026", "T1", "Go",
	            "0 likes " DOT
	            " 1 min read") "B\nB\nJan 2, 2026 " DOT
	                           " Cat\n\nCut title\n" RECORD("C", "Jan 3, 2026", "T3", "Go",
	                                                        "0 likes " DOT " 3 min read"));
	ck_assert_str_eq(got.p, "R A|2026-01-01|T1|0|1\n"
	                        "E 12: record cut off before its summary\n"
	                        "R C|2026-01-03|T3|0|3\n");
}
END_TEST

START_TEST(nonsense_dates_and_numbers_are_reported)
{
	feed(RECORD("A", "Feb 30, 2025", "T1", "Go", "0 likes " DOT " 1 min read")
	         RECORD("B", "Jan 2, 2026", "T2", "Go", "-1 likes " DOT " 1 min read")
	             RECORD("C", "Jan 3, 2026", "T3", "Go",
	                    "0 likes " DOT " 99999999999999999999 min read")
	                 RECORD("D", "Jan 4, 2026", "T4", "Go", "5 likes " DOT " 4 min read"));
	ck_assert_str_eq(
	    got.p,
	    "E 3: not a date: \"Feb 30, 2025\"\n"
	    "E 21: expected \"N likes \xC2\xB7 M min read\": \"-1 likes \xC2\xB7 1 min read\"\n"
	    "E 32: number out of range: \"0 likes \xC2\xB7 99999999999999999999 min read\"\n"
	    "R D|2026-01-04|T4|5|4\n");
}
END_TEST

START_TEST(a_second_error_on_one_line_keeps_the_callers_file)
{
	/* a record cut short by a date line that is no date: two reports, the
	 * second handed out later, with the file the caller set */
	feed(RECORD("A", "Jan 1, 2026", "T1", "Go",
	            "0 likes " DOT
	            " 1 min read") "B\nB\nJan 2, 2026 " DOT
	                           " Cat\n\nCut title\n" RECORD("C", "Feb 30, 2025", "T3", "Go",
	                                                        "0 likes " DOT " 3 min read"));
	ck_assert_str_eq(got.p, "R A|2026-01-01|T1|0|1\n"
	                        "E 12: record cut off before its summary\n"
	                        "E 19: not a date: \"Feb 30, 2025\"\n");
	art_listing_init(&listing, tagger);
	const struct art_record *rec;
	struct art_error err = {.file = "page.txt"};
	/* a record cut off after its summary by one whose date is no date */
	const char *lines[] = {"B", "Jan 2, 2026 " DOT " Cat", "", "T", "", "S", "C"};
	for (unsigned long i = 0; i < sizeof lines / sizeof *lines; i++)
		ck_assert_int_eq(art_listing_feed(&listing, (art_str){lines[i], strlen(lines[i])},
		                                  i + 1, &rec, &err),
		                 ART_MORE);
	ck_assert_int_eq(art_listing_feed(&listing, S("Feb 30, 2025 " DOT " Cat"), 8, &rec, &err),
	                 ART_BAD);
	err.file = "page.txt";
	ck_assert_int_eq(art_listing_pending(&listing, &err), ART_BAD);
	ck_assert_str_eq(err.file, "page.txt");
	ck_assert_uint_eq(err.line, 8);
	art_listing_free(&listing);
}
END_TEST

START_TEST(input_bytes_in_messages_are_shown_safely)
{
	feed(RECORD("A", "Jan 1, 2026", "T1", "Go", "0 likes " DOT " 1\x1B[2J min read")
	         RECORD("B", "Jan 2, 2026", "T2", "Go", "\xFF likes " DOT " 1 min read"));
	ck_assert_str_eq(got.p, "E 10: expected \"N likes \xC2\xB7 M min read\": \"0 likes "
	                        "\xC2\xB7 1\\x1B[2J min read\"\n"
	                        "E 21: expected \"N likes \xC2\xB7 M min read\": \"\\xFF likes "
	                        "\xC2\xB7 1 min read\"\n");
}
END_TEST

START_TEST(a_record_whose_date_line_is_broken_is_reported_at_its_likes)
{
	/* no date line, so nothing to start the record: its likes line,
	 * which no site text looks like, says that one was lost */
	feed(RECORD("A", "Jan 1, 2026", "T1", "Go", "0 likes " DOT " 1 min read")
	         RECORD("B", "Jan 2,\x01 2026", "T2", "Go", "2 likes " DOT " 2 min read")
	             RECORD("C", "Jan 3, 2026", "T3", "Go", "3 likes " DOT " 3 min read"));
	ck_assert_str_eq(got.p, "R A|2026-01-01|T1|0|1\n"
	                        "E 21: likes and read time of a record with no date line: \"2 "
	                        "likes \xC2\xB7 2 min read\"\n"
	                        "R C|2026-01-03|T3|3|3\n");
	/* a record already reported is not reported again at its likes */
	feed(RECORD("A", "Feb 30, 2026", "T1", "Go",
	            "0 likes " DOT " 1 min read") "B\nB\nJan 2, 2026 " DOT
	                                          " Cat\n\nT2\n\nS\n\nGo\nGo again\n2 likes " DOT
	                                          " 2 min read\n");
	ck_assert_str_eq(got.p, "E 3: not a date: \"Feb 30, 2026\"\n"
	                        "E 21: expected \"N likes \xC2\xB7 M min read\": \"Go again\"\n");
}
END_TEST

START_TEST(a_record_cut_at_the_end_is_reported)
{
	feed(RECORD("A", "Jan 1, 2026", "T1", "Go",
	            "0 likes " DOT " 1 min read") "B\nB\nJan 2, 2026 " DOT " C\n\nT2\n\nSum");
	ck_assert_str_eq(got.p,
	                 "R A|2026-01-01|T1|0|1\nE 12: record cut off before its tag line\n");
}
END_TEST

START_TEST(the_closing_title_may_be_missing)
{
	feed("A\nA\nJan 1, 2026 " DOT " C\nT1\nS\nGo\n0 likes " DOT
	     " 1 min read\n" RECORD("B", "Jan 2, 2026", "T2", "Go", "0 likes " DOT " 2 min read"));
	ck_assert_str_eq(got.p, "R A|2026-01-01|T1|0|1\nR B|2026-01-02|T2|0|2\n");
}
END_TEST

START_TEST(a_title_with_a_middle_dot_is_no_date_line)
{
	feed("A\nA\nJan 1, 2026 " DOT " C\n\nJava 21 " DOT
	     " What changed\n\nSum\n\nJava\n0 likes " DOT " 4 min read\nJava 21 " DOT
	     " What changed\n");
	ck_assert_str_eq(got.p, "R A|2026-01-01|Java 21 " DOT " What changed|0|4\n");
}
END_TEST

START_TEST(a_record_missing_lines_is_reported_at_its_stats)
{
	feed("A\nA\nJan 1, 2026 " DOT " C\n\nT1\n\nGo\n0 likes " DOT " 4 min read\nT1\n" RECORD(
	    "B", "Jan 2, 2026", "T2", "Go", "0 likes " DOT " 2 min read"));
	ck_assert_str_eq(got.p, "E 8: record lacks its summary or its tag line: \"0 likes " DOT
	                        " 4 min read\"\nR B|2026-01-02|T2|0|2\n");
}
END_TEST

START_TEST(stats_lines_are_parsed)
{
	int64_t l, m;
	ck_assert_int_eq(art_listing_parse_stats(S("0 likes " DOT " 7 min read"), &l, &m), 0);
	ck_assert_int_eq(l, 0);
	ck_assert_int_eq(m, 7);
	ck_assert_int_eq(art_listing_parse_stats(S("1 like " DOT " 12 min read"), &l, &m), 0);
	ck_assert_int_eq(l, 1);
	ck_assert_int_eq(art_listing_parse_stats(S("1 like " DOT " 12 min read "), &l, &m), -1);
	ck_assert_int_eq(art_listing_parse_stats(S("x likes " DOT " 1 min read"), &l, &m), -1);
	ck_assert_int_eq(
	    art_listing_parse_stats(S("9007199254740993 likes " DOT " 1 min read"), &l, &m), -2);
}
END_TEST

static void setup(void)
{
	tagger = art_tagger_new();
}
static void teardown(void)
{
	art_tagger_free(tagger);
}

static Suite *listing_suite(void)
{
	Suite *s = suite_create("listing");
	TCase *tc = tcase_create("listing");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_page_gives_its_records);
	tcase_add_test(tc, site_text_between_records_is_passed_over);
	tcase_add_test(tc, a_source_printed_once_is_enough);
	tcase_add_test(tc, a_cut_record_does_not_take_its_neighbours);
	tcase_add_test(tc, nonsense_dates_and_numbers_are_reported);
	tcase_add_test(tc, a_second_error_on_one_line_keeps_the_callers_file);
	tcase_add_test(tc, input_bytes_in_messages_are_shown_safely);
	tcase_add_test(tc, a_record_whose_date_line_is_broken_is_reported_at_its_likes);
	tcase_add_test(tc, a_record_cut_at_the_end_is_reported);
	tcase_add_test(tc, the_closing_title_may_be_missing);
	tcase_add_test(tc, a_title_with_a_middle_dot_is_no_date_line);
	tcase_add_test(tc, a_record_missing_lines_is_reported_at_its_stats);
	tcase_add_test(tc, stats_lines_are_parsed);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(listing_suite)
