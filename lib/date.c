#include <config.h>

#include "date.h"

#include <stdio.h>

static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const long_months[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid_day(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && is_leap(y));
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
