/* svg.c - the pictures of the HTML report (svg.h). */
#include <config.h>

#include "svg.h"

#include <inttypes.h>
#include <stdio.h>

#include "utf8.h"
#include "writer.h"

#define WIDTH      520 /* of every picture, in its own units (pixels at 100%) */
#define FONT       14  /* the size of its text */
#define LINE       18  /* the height of a line of text */
#define LABEL_MAX  200 /* the widest a label may be before it wraps */
#define BAR_LINES  3   /* lines a bar chart's label may wrap into */
#define HEAT_LINES 2   /* lines a heatmap's label may wrap into */
#define AXIS       22  /* room under a plot for its period labels */

/* Advance widths of ASCII 0x20-0x7E in thousandths of an em, those of a
 * common sans-serif face (Arial's; DejaVu's, wider, are met by the margin
 * in art_svg_text_width). */
static const unsigned short ascii_width[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,  278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,  611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,  500, 334, 260, 334, 584};

static double char_em(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return ascii_width[cp - 0x20] / 1000.0;
	int w = art_utf8_char_width(cp);
	return w == 0 ? 0 : w == 2 ? 1.0 : 0.7;
}

double art_svg_text_width(art_str s, double font_px)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	double em = 0;
	while (p < end) {
		uint32_t cp;
		size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
		em += n ? char_em(cp) : 1.0; /* a broken byte shows as U+FFFD */
		p += n ? n : 1;
	}
	return em * font_px * 1.15;
}

int art_svg_month(art_str d)
{
	if (d.n < 7 || d.p[4] != '-')
		return -1;
	int v[6];
	for (int i = 0; i < 7; i++) {
		if (i == 4)
			continue;
		if (d.p[i] < '0' || d.p[i] > '9')
			return -1;
		v[i < 4 ? i : i - 1] = d.p[i] - '0';
	}
	int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month = v[4] * 10 + v[5];
	return month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
}

struct art_periods art_svg_periods(int lo, int hi, size_t max_months)
{
	if ((size_t)(hi - lo + 1) <= max_months)
		return (struct art_periods){lo, (size_t)(hi - lo + 1), false};
	int first = lo / 12, last = hi / 12;
	if (last - first >= 100)
		first = last - 99;
	return (struct art_periods){first, (size_t)(last - first + 1), true};
}

long art_svg_period_of(const struct art_periods *p, int month)
{
	long i = (long)(p->years ? month / 12 : month) - p->first;
	return i >= 0 && (size_t)i < p->n ? i : -1;
}

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "Apr 2026" or "2026": the name of period I. */
static int put_period(struct art_buf *b, const struct art_periods *p, size_t i)
{
	int v = p->first + (int)i;
	if (p->years)
		return art_buf_printf(b, "%04d", v);
	return art_buf_printf(b, "%s %04d", month_names[v % 12], v / 12);
}

static int put_lit(struct art_buf *b, const char *s)
{
	return art_buf_append(b, s, strlen(s));
}

/* S as SVG text, isolated from what is drawn around it. */
static int put_isolated(struct art_buf *b, art_str s)
{
	return put_lit(b, "\xE2\x81\xA8") | art_html_put_text(b, s) | put_lit(b, "\xE2\x81\xA9");
}

/* Where the next line of S starts, when lines are at most MAX_PX wide: the
 * last space that fits, else the last character that does (always at
 * least one character, so that the wrapping ends). */
static size_t line_end(art_str s, double max_px)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t at = 0, space = 0;
	double em = 0, max_em = max_px / (FONT * 1.15);
	while (at < s.n) {
		uint32_t cp;
		size_t n = art_utf8_decode(p + at, s.n - at, &cp);
		em += n ? char_em(cp) : 1.0;
		if (em > max_em && at > 0)
			return space ? space : at;
		at += n ? n : 1;
		if (cp == ' ')
			space = at;
	}
	return at;
}

/* The lines S wraps into at MAX_PX, at most MAXLINES (the last cut with
 * "…" when S is longer): their starts and lengths. */
static size_t wrap(art_str s, double max_px, size_t maxlines, art_str *lines, bool *cut)
{
	size_t n = 0;
	*cut = false;
	while (s.n && n < maxlines) {
		size_t end = line_end(s, max_px);
		if (end < s.n && n + 1 == maxlines) /* room for the "…" */
			end = line_end(s, max_px - FONT);
		lines[n++] = (art_str){s.p, end};
		s.p += end;
		s.n -= end;
	}
	*cut = s.n > 0;
	return n ? n : 1;
}

/* The width of the label column: the widest label, up to LABEL_MAX. */
static double label_room(const art_str *labels, size_t n, size_t stride)
{
	double widest = 0;
	for (size_t i = 0; i < n; i++) {
		const art_str *l = (const art_str *)((const char *)labels + i * stride);
		double w = art_svg_text_width(*l, FONT);
		widest = w > widest ? w : widest;
	}
	widest += 1; /* so that the widest label fits whatever the rounding */
	return widest < LABEL_MAX ? widest : LABEL_MAX;
}

/* LABEL at X, Y (the first line's baseline), wrapped into at most
 * MAXLINES lines of MAX_PX; returns the lines drawn in *lines. */
static int put_label(struct art_buf *b, art_str label, double x, double y, double max_px,
                     size_t maxlines, size_t *nlines)
{
	art_str lines[BAR_LINES];
	bool cut;
	*nlines = wrap(label, max_px, maxlines, lines, &cut);
	int rc = art_buf_printf(b, "<text x=\"%.0f\" y=\"%.0f\">", x, y);
	for (size_t i = 0; i < *nlines; i++) {
		rc |= art_buf_printf(b, "<tspan x=\"%.0f\" dy=\"%d\">", x, i ? LINE : 0);
		rc |= put_isolated(b, lines[i]);
		rc |= put_lit(b, i + 1 == *nlines && cut ? "\xE2\x80\xA6</tspan>" : "</tspan>");
	}
	return rc | put_lit(b, "</text>");
}

int art_svg_bar_chart(struct art_buf *b, const struct art_svg_bar *bars, size_t n, const char *what)
{
	if (n == 0)
		return 0;
	char digits[24];
	double count_w = snprintf(digits, sizeof digits, "%" PRIu64, bars[0].count) * 9.0 + 8;
	double label_w = label_room(&bars[0].label, n, sizeof *bars);
	double bar_x = label_w + 12, bar_room = WIDTH - bar_x - count_w;
	struct art_buf rows = {0};
	double y = 0;
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t lines;
		double len = bar_room * (double)bars[i].count / (double)bars[0].count;
		rc |= put_lit(&rows, "<g><title>") | art_html_put_text(&rows, bars[i].label);
		rc |= art_buf_printf(&rows, ": %" PRIu64 " %s%s</title>", bars[i].count, what,
		                     bars[i].count == 1 ? "" : "s");
		rc |= put_label(&rows, bars[i].label, 0, y + 15, label_w, BAR_LINES, &lines);
		rc |= art_buf_printf(&rows,
		                     "<rect class=\"bar\" x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" "
		                     "height=\"16\" rx=\"2\"/><text class=\"count\" x=\"%.1f\" "
		                     "y=\"%.0f\">%" PRIu64 "</text></g>\n",
		                     bar_x, y + 3, len < 1 ? 1 : len,
		                     bar_x + (len < 1 ? 1 : len) + 6, y + 15, bars[i].count);
		y += (double)lines * LINE + 8;
	}
	rc |=
	    art_buf_printf(b,
	                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
	                   "viewBox=\"0 0 %d %.0f\" role=\"img\" aria-label=\"Bar chart: ",
	                   WIDTH, y, WIDTH, y);
	rc |= art_buf_printf(b, "%zu bars, the longest %" PRIu64 " %s%s\">\n", n, bars[0].count,
	                     what, bars[0].count == 1 ? "" : "s");
	rc |= art_buf_append(b, rows.p, rows.len) | put_lit(b, "</svg>\n");
	art_buf_free(&rows);
	return rc;
}

/* The period labels under a plot from X0, a period STEP wide, none closer
 * than 44 units to the one before: years, or the first month of each. */
static int put_axis(struct art_buf *b, const struct art_periods *p, double x0, double step,
                    double y)
{
	int rc = art_buf_printf(b,
	                        "<line class=\"axis\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%d\" "
	                        "y2=\"%.0f\"/>\n",
	                        x0, y, WIDTH, y);
	double last = -1e9;
	for (size_t i = 0; i < p->n; i++) {
		int v = p->first + (int)i;
		double x = x0 + step * (double)i;
		bool mark = p->years || i == 0 || v % 12 == 0;
		if (!mark || x - last < 44 || x + 40 > WIDTH)
			continue;
		last = x;
		rc |= art_buf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.0f\">", x, y + 16);
		rc |= p->years || i != 0 ? art_buf_printf(b, "%04d", p->years ? v : v / 12)
		                         : put_period(b, p, i);
		rc |= put_lit(b, "</text>\n");
	}
	return rc;
}

int art_svg_timeline(struct art_buf *b, const struct art_periods *p, const uint64_t *count)
{
	uint64_t most = 1;
	for (size_t i = 0; i < p->n; i++)
		most = count[i] > most ? count[i] : most;
	char digits[24];
	double left = snprintf(digits, sizeof digits, "%" PRIu64, most) * 9.0 + 10;
	const double top = 10, plot = 120, step = (WIDTH - left) / (double)p->n;
	int rc =
	    art_buf_printf(b,
	                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	                   "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	                   "aria-label=\"Articles per %s, %zu %ss, at most %" PRIu64 "\">\n",
	                   WIDTH, top + plot + AXIS, WIDTH, top + plot + AXIS,
	                   p->years ? "year" : "month", p->n, p->years ? "year" : "month", most);
	rc |=
	    art_buf_printf(b,
	                   "<text class=\"tick\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%" PRIu64
	                   "</text><line class=\"grid\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%d\" "
	                   "y2=\"%.0f\"/>\n",
	                   left - 6, top + 5, most, left, top, WIDTH, top);
	for (size_t i = 0; i < p->n; i++) {
		if (count[i] == 0)
			continue;
		double h = plot * (double)count[i] / (double)most, w = step > 3 ? step * 0.8 : step;
		rc |= art_buf_printf(b,
		                     "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
		                     "height=\"%.2f\"><title>",
		                     left + step * (double)i, top + plot - h, w, h);
		rc |= put_period(b, p, i);
		rc |= art_buf_printf(b, ": %" PRIu64 " article%s</title></rect>\n", count[i],
		                     count[i] == 1 ? "" : "s");
	}
	return rc | put_axis(b, p, left, step, top + plot) | put_lit(b, "</svg>\n");
}

int art_svg_heatmap(struct art_buf *b, const art_str *labels, size_t n, const struct art_periods *p,
                    const uint64_t *count)
{
	if (n == 0 || p->n == 0)
		return 0;
	uint64_t most = 1;
	for (size_t i = 0; i < n * p->n; i++)
		most = count[i] > most ? count[i] : most;
	double label_w = label_room(labels, n, sizeof *labels);
	double left = label_w + 12, step = (WIDTH - left) / (double)p->n, y = 0;
	struct art_buf rows = {0};
	int rc = 0;
	for (size_t r = 0; r < n; r++) {
		size_t lines;
		rc |= put_lit(&rows, "<g class=\"label\"><title>") |
		      art_html_put_text(&rows, labels[r]);
		rc |= put_lit(&rows, "</title>");
		rc |= put_label(&rows, labels[r], 0, y + 15, label_w, HEAT_LINES, &lines);
		rc |= put_lit(&rows, "</g>\n");
		double h = (double)lines * LINE + 4;
		for (size_t i = 0; i < p->n; i++) {
			uint64_t c = count[r * p->n + i];
			rc |= art_buf_printf(
			    &rows,
			    "<rect class=\"%s\" x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" "
			    "height=\"%.0f\" fill-opacity=\"%.2f\"><title>",
			    c ? "heat" : "heat0", left + step * (double)i, y,
			    step > 3 ? step - 1 : step, h,
			    c ? 0.15 + 0.85 * (double)c / (double)most : 1.0);
			rc |= art_html_put_text(&rows, labels[r]) | put_lit(&rows, ", ");
			rc |= put_period(&rows, p, i);
			rc |= art_buf_printf(&rows, ": %" PRIu64 "</title></rect>\n", c);
		}
		y += h + 2;
	}
	rc |= art_buf_printf(b,
	                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	                     "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" role=\"img\" "
	                     "aria-label=\"Heatmap: %zu tags by %s, %zu %ss\">\n",
	                     WIDTH, y + AXIS, WIDTH, y + AXIS, n, p->years ? "year" : "month", p->n,
	                     p->years ? "year" : "month");
	rc |= art_buf_append(b, rows.p, rows.len);
	rc |= put_axis(b, p, left, step, y) | put_lit(b, "</svg>\n");
	art_buf_free(&rows);
	return rc;
}
