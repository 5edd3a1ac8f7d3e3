#include <config.h>

#include "unit.h"

START_TEST(listing_dates_become_iso)
{
	char out[10];
	ck_assert_int_eq(art_date_from_listing(S("Apr 20, 2026"), out), 0);
	ck_assert_str_view(((art_str){out, 10}), "2026-04-20");
	ck_assert_int_eq(art_date_from_listing(S("Jan 3, 2025"), out), 0);
	ck_assert_str_view(((art_str){out, 10}), "2025-01-03");
	ck_assert_int_eq(art_date_from_listing(S("September 30, 2024"), out), 0);
	ck_assert_str_view(((art_str){out, 10}), "2024-09-30");
	ck_assert_int_eq(art_date_from_listing(S("Sept 1, 2024"), out), 0);
	ck_assert_str_view(((art_str){out, 10}), "2024-09-01");
	ck_assert_int_eq(art_date_from_listing(S("Feb 29, 2024"), out), 0);
	ck_assert_str_view(((art_str){out, 10}), "2024-02-29");
}
END_TEST

START_TEST(impossible_listing_dates_are_refused)
{
	char out[10];
	const char *bad[] = {
	    "Feb 30, 2025", "Feb 29, 2025",  "Apr 31, 2026",  "Jan 0, 2026",   "Foo 1, 2026",
	    "Apr 20 2026",  "Apr 20, 26",    "Apr 20, 20266", "Apr 123, 2026", "",
	    "Apr",          "Apr 20, 2026x", "apr 20, 2026",  "Feb 29, 1900"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(art_date_from_listing((art_str){bad[i], strlen(bad[i])}, out) == -1,
		              "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(art_date_from_listing(S("Feb 29, 2000"), out), 0);
}
END_TEST

START_TEST(iso_dates_are_checked)
{
	ck_assert(art_date_is_iso(S("2026-04-20")));
	ck_assert(art_date_is_iso(S("2024-02-29")));
	ck_assert(!art_date_is_iso(S("2025-02-29")));
	ck_assert(!art_date_is_iso(S("2026-13-01")));
	ck_assert(!art_date_is_iso(S("2026-4-20")));
	ck_assert(!art_date_is_iso(S("2026-04-20T00")));
	ck_assert(!art_date_is_iso(S("20260420")));
	ck_assert(!art_date_is_iso(S("0000-01-01")));
}
END_TEST

START_TEST(iso_dates_print_as_the_listing_does)
{
	char out[16];
	ck_assert_int_eq(art_date_to_listing(S("2026-04-20"), out), 12);
	ck_assert_str_eq(out, "Apr 20, 2026");
	ck_assert_int_eq(art_date_to_listing(S("2025-01-03"), out), 11);
	ck_assert_str_eq(out, "Jan 3, 2025");
	ck_assert_int_eq(art_date_to_listing(S("2025-02-30"), out), -1);
}
END_TEST

START_TEST(month_names_short_long_and_sept_only)
{
	static const char *const names[12][2] = {
	    {"Jan", "January"},   {"Feb", "February"}, {"Mar", "March"},    {"Apr", "April"},
	    {"May", "May"},       {"Jun", "June"},     {"Jul", "July"},     {"Aug", "August"},
	    {"Sep", "September"}, {"Oct", "October"},  {"Nov", "November"}, {"Dec", "December"},
	};
	char line[40], out[10], expect[11];
	for (int m = 0; m < 12; m++) {
		snprintf(expect, sizeof expect, "2024-%02d-01", m + 1);
		for (int form = 0; form < 2; form++) {
			snprintf(line, sizeof line, "%s 1, 2024", names[m][form]);
			ck_assert_int_eq(art_date_from_listing((art_str){line, strlen(line)}, out),
			                 0);
			ck_assert_str_view(((art_str){out, 10}), expect);
		}
	}
	const char *bad[] = {"Janu 1, 2024", "Septe 1, 2024", "Sep. 1, 2024",  "Ma 1, 2024",
	                     "Mayo 1, 2024", "Octt 1, 2024",  "Junee 1, 2024", "Decembers 1, 2024",
	                     "Augt 1, 2024", "Nov, 1, 2024",  "J 1, 2024"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(art_date_from_listing((art_str){bad[i], strlen(bad[i])}, out) == -1,
		              "accepted \"%s\"", bad[i]);
}
END_TEST

static const char *bound(const char *arg, bool last, const char *today)
{
	static char out[11];
	memset(out, 0, sizeof out);
	if (art_date_bound(arg, last, today, out) != 0)
		return "refused";
	return out;
}

START_TEST(dates_people_write)
{
	const char *today = "2024-03-01";
	ck_assert_str_eq(bound("2024-01-15", false, today), "2024-01-15");
	ck_assert_str_eq(bound("2024-01-15", true, today), "2024-01-15");
	ck_assert_str_eq(bound("2024-02", false, today), "2024-02-01");
	ck_assert_str_eq(bound("2024-02", true, today), "2024-02-29"); /* a leap year */
	ck_assert_str_eq(bound("2023-02", true, today), "2023-02-28");
	ck_assert_str_eq(bound("2024-12", true, today), "2024-12-31");
	ck_assert_str_eq(bound("2023", false, today), "2023-01-01");
	ck_assert_str_eq(bound("2023", true, today), "2023-12-31");
	ck_assert_str_eq(bound("today", false, today), "2024-03-01");
	ck_assert_str_eq(bound("yesterday", true, today), "2024-02-29");
	ck_assert_str_eq(bound("0d", false, today), "2024-03-01");
	ck_assert_str_eq(bound("1d", false, today), "2024-02-29");
	ck_assert_str_eq(bound("30d", false, today), "2024-01-31");
	ck_assert_str_eq(bound("1w", false, today), "2024-02-23");
	ck_assert_str_eq(bound("52w", false, today), "2023-03-03");
	ck_assert_str_eq(bound("366d", false, "2025-01-01"), "2024-01-01");
	ck_assert_str_eq(bound("1d", false, "2000-01-01"), "1999-12-31");
	const char *bad[] = {"",      "2024-13",    "2024-00", "2024-1",   "202",   "0000",
	                     "12345", "2024-02-30", "d",       "-1d",      "1.5d",  "7 days",
	                     "1y",    "Today",      "7D",      "1234567d", "2024-", "2024-01-"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(strcmp(bound(bad[i], false, today), "refused") == 0, "took '%s'",
		              bad[i]);
	ck_assert_str_eq(bound("999999d", false, "9999-12-31"), "7262-02-03");
	ck_assert_str_eq(bound("999999w", false, today), "refused"); /* before year 1 */
}
END_TEST

START_TEST(today_is_local_or_pinned)
{
	char out[10];
	ck_assert_int_eq(art_date_today(out, "2024-02-29"), 0);
	ck_assert(memcmp(out, "2024-02-29", 10) == 0);
	ck_assert_int_eq(art_date_today(out, "2023-02-29"), -1);
	ck_assert_int_eq(art_date_today(out, "yesterday"), -1);
	ck_assert_int_eq(art_date_today(out, NULL), 0);
	ck_assert(art_date_is_iso((art_str){out, 10}));
}
END_TEST

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, listing_dates_become_iso);
	tcase_add_test(tc, impossible_listing_dates_are_refused);
	tcase_add_test(tc, iso_dates_are_checked);
	tcase_add_test(tc, iso_dates_print_as_the_listing_does);
	tcase_add_test(tc, month_names_short_long_and_sept_only);
	tcase_add_test(tc, dates_people_write);
	tcase_add_test(tc, today_is_local_or_pinned);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(date_suite)
