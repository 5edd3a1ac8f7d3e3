/* svg.h - the pictures of the HTML report: inline SVG drawn from counts,
 * with no script and no font of their own.
 *
 * A browser lays out SVG text but cannot wrap it, and without a script no
 * one can ask it how wide a text was drawn.  So the width of a label is
 * estimated from its characters (art_svg_text_width: the advance widths of
 * a common sans-serif face for ASCII, a full em for wide characters, on
 * the generous side) and a label longer than its room is wrapped on
 * spaces into lines; the full label is always in the shape's <title>.
 * Every text is isolated (U+2068 ... U+2069), so that a right-to-left
 * label cannot reorder what is drawn around it.  Colours come from the
 * page's stylesheet (classes bar, heat, axis), so the pictures follow its
 * light, dark and print schemes.
 */
#ifndef ART_SVG_H
#define ART_SVG_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/* The estimated width, in pixels, of S drawn at FONT_PX. */
double art_svg_text_width(art_str s, double font_px);

/* Periods of time that counts are kept by: months, or years when the
 * months are too many to draw.  A month is year * 12 + month - 1. */
struct art_periods {
	int first;  /* the first month or year */
	size_t n;   /* how many */
	bool years; /* periods are years, not months */
};

/* The month of an ISO date or of "YYYY-MM", or -1. */
int art_svg_month(art_str date);
/* The periods for months LO to HI: months when there are at most
 * MAX_MONTHS of them, else years (at most 100, the latest). */
struct art_periods art_svg_periods(int lo, int hi, size_t max_months);
/* The period MONTH falls in, or -1 when it falls in none. */
long art_svg_period_of(const struct art_periods *p, int month);

/* One bar of a bar chart. */
struct art_svg_bar {
	art_str label;
	uint64_t count;
};
/* A horizontal bar chart: each bar's label (wrapped when long), the bar,
 * and its count, the longest bar first.  WHAT is what is counted, in the
 * singular ("article"). */
int art_svg_bar_chart(struct art_buf *b, const struct art_svg_bar *bars, size_t n,
                      const char *what);
/* A column for each period, COUNT[i] high: the articles of each month or
 * year, from the first to the last, none left out. */
int art_svg_timeline(struct art_buf *b, const struct art_periods *p, const uint64_t *count);
/* A row for each of the N labels and a cell for each period, shaded by
 * COUNT[row * p->n + period]. */
int art_svg_heatmap(struct art_buf *b, const art_str *labels, size_t n, const struct art_periods *p,
                    const uint64_t *count);

#endif
