#include <config.h>

#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const long_months[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return mdays[m - 1] + (m == 2 && is_leap(y));
}

static bool valid_day(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days_in_month(y, m);
}

/* Every name of a month starts with its three-letter one, which tells the
 * month; the rest of the word may then only complete that month's name. */
static int month_of(art_str w)
{
	if (w.n < 3)
		return 0;
	for (int i = 0; i < 12; i++) {
		if (memcmp(w.p, months[i], 3) != 0)
			continue;
		if (w.n == 3 || art_str_eq_cstr(w, long_months[i]) ||
		    (i == 8 && art_str_eq_cstr(w, "Sept")))
			return i + 1;
		return 0;
	}
	return 0;
}

/* Read 1..max decimal digits at *i; -1 when there are none or too many. */
static int digits(art_str s, size_t *i, int max)
{
	int v = 0, k = 0;
	while (*i < s.n && s.p[*i] >= '0' && s.p[*i] <= '9') {
		if (++k > max)
			return -1;
		v = v * 10 + (s.p[*i] - '0');
		(*i)++;
	}
	return k ? v : -1;
}

int art_date_from_listing(art_str s, char out[10])
{
	size_t i = 0;
	while (i < s.n && s.p[i] != ' ')
		i++;
	int m = month_of((art_str){s.p, i});
	if (!m || i >= s.n)
		return -1;
	i++;
	int d = digits(s, &i, 2);
	if (d < 0 || i + 2 > s.n || s.p[i] != ',' || s.p[i + 1] != ' ')
		return -1;
	i += 2;
	size_t y0 = i;
	int y = digits(s, &i, 4);
	if (y < 0 || i != s.n || i - y0 != 4 || !valid_day(y, m, d))
		return -1;
	const int parts[3][2] = {{y / 100, y % 100}, {0, m}, {0, d}};
	char *o = out;
	for (int i = 0; i < 3; i++) {
		if (i == 0) {
			*o++ = (char)('0' + parts[0][0] / 10);
			*o++ = (char)('0' + parts[0][0] % 10);
		} else {
			*o++ = '-';
		}
		*o++ = (char)('0' + parts[i][1] / 10);
		*o++ = (char)('0' + parts[i][1] % 10);
	}
	return 0;
}

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

bool art_date_is_iso(art_str s)
{
	if (s.n != 10 || s.p[4] != '-' || s.p[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s.p[i] < '0' || s.p[i] > '9'))
			return false;
	return valid_day(two(s.p) * 100 + two(s.p + 2), two(s.p + 5), two(s.p + 8));
}

int art_date_to_listing(art_str iso, char out[16])
{
	if (!art_date_is_iso(iso))
		return -1;
	int y = two(iso.p) * 100 + two(iso.p + 2);
	return snprintf(out, 16, "%s %d, %04d", months[two(iso.p + 5) - 1], two(iso.p + 8), y);
}

/* Days from 1970-01-01 to Y-M-D, and back (the proleptic Gregorian
 * calendar; H. Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Y (1 to 9999), M and D as YYYY-MM-DD. */
static void put_iso(int y, int m, int d, char out[10])
{
	const int v[8] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10,
	                  m / 10,   m % 10,       d / 10,      d % 10};
	static const int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
	for (int i = 0; i < 8; i++)
		out[at[i]] = (char)('0' + v[i]);
	out[4] = out[7] = '-';
}

/* A whole number of at most 6 digits spanning all of S, or -1. */
static long small_number(art_str s)
{
	size_t i = 0;
	int v = s.n <= 6 ? digits(s, &i, 6) : -1;
	return v >= 0 && i == s.n ? v : -1;
}

int art_date_bound(const char *arg, bool last, const char today[10], char out[10])
{
	art_str s = {arg, strlen(arg)};
	if (art_date_is_iso(s)) {
		memcpy(out, arg, 10);
		return 0;
	}
	int y = two(today) * 100 + two(today + 2), m = two(today + 5), d = two(today + 8);
	long back = -1;
	if (art_str_eq_cstr(s, "today"))
		back = 0;
	else if (art_str_eq_cstr(s, "yesterday"))
		back = 1;
	else if (s.n >= 2 && (s.p[s.n - 1] == 'd' || s.p[s.n - 1] == 'w') &&
	         (back = small_number((art_str){s.p, s.n - 1})) >= 0)
		back *= s.p[s.n - 1] == 'w' ? 7 : 1;
	if (back >= 0) {
		civil_from_days(days_from_civil(y, m, d) - back, &y, &m, &d);
		if (y < 1)
			return -1;
		put_iso(y, m, d, out);
		return 0;
	}
	/* YYYY-MM or YYYY: its first day, or its last */
	size_t i = 0;
	y = digits(s, &i, 4);
	if (y < 1 || i != 4)
		return -1;
	m = last ? 12 : 1;
	if (i < s.n) {
		if (s.p[i++] != '-' || s.n != 7 || (m = digits(s, &i, 2)) < 1 || m > 12 || i != 7)
			return -1;
	}
	put_iso(y, m, last ? days_in_month(y, m) : 1, out);
	return 0;
}

int art_date_today(char out[10], const char *pinned)
{
	if (pinned) {
		art_str p = {pinned, strlen(pinned)};
		if (!art_date_is_iso(p))
			return -1;
		memcpy(out, pinned, 10);
		return 0;
	}
	time_t now = time(NULL);
	struct tm tm;
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return -1;
	put_iso(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
	return 0;
}
