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

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, listing_dates_become_iso);
	tcase_add_test(tc, impossible_listing_dates_are_refused);
	tcase_add_test(tc, iso_dates_are_checked);
	tcase_add_test(tc, iso_dates_print_as_the_listing_does);
	tcase_add_test(tc, month_names_short_long_and_sept_only);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(date_suite)
