/* chart.h - horizontal bar charts for a terminal.
 *
 * One line per bar: a label in a column of its own (cut with an ellipsis
 * when too wide), the count right-aligned, and a bar of block characters
 * drawn to an eighth of a cell, the longest bar filling the width.  Labels
 * are made safe for a terminal: control characters become '?', bytes that
 * are not UTF-8 U+FFFD.  With colour the bars are drawn in cyan; no
 * other escape sequence is written.
 */
#ifndef ART_CHART_H
#define ART_CHART_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/* The width to draw in: COLUMNS when it is a whole number from 1 to
 * 100000, else TERM_COLS when above 0, else 80.  TERM_COLS is what the
 * caller would use without COLUMNS: the terminal's width, or where that is
 * unknown a width of its own (cli_display_width's fallback). */
size_t art_chart_width(const char *columns, int term_cols);

struct art_chart {
	size_t label_w; /* cells for labels */
	size_t count_w; /* digits of the largest count */
	size_t bar_w;   /* cells of the longest bar */
	int64_t max;
	bool color; /* the bars coloured (set after art_chart_layout) */
};

/* Lay out a chart WIDTH cells wide for labels up to LABEL_W cells and
 * counts up to MAX (above 0).  Labels take at most half of what the counts
 * leave; the bars take the rest, at least one cell. */
void art_chart_layout(struct art_chart *c, size_t width, size_t label_w, int64_t max);
/* One bar: label, count, bar, newline.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_chart_put(struct art_buf *b, const struct art_chart *c, art_str label,
                                 int64_t count);

#endif
