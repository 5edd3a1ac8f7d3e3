#include <config.h>

#include "chart.h"

#include <stdio.h>
#include <stdlib.h>

#include "utf8.h"

size_t art_chart_width(const char *columns, int term_cols)
{
	if (columns && *columns >= '0' && *columns <= '9') {
		char *end;
		unsigned long n = strtoul(columns, &end, 10);
		if (*end == '\0' && n > 0 && n <= 100000)
			return n;
	}
	return term_cols > 0 ? (size_t)term_cols : 80;
}

void art_chart_layout(struct art_chart *c, size_t width, size_t label_w, int64_t max)
{
	char digits[24];
	c->max = max > 0 ? max : 1;
	c->count_w = (size_t)snprintf(digits, sizeof digits, "%lld", (long long)c->max);
	size_t avail = width > c->count_w + 2 ? width - c->count_w - 2 : 0;
	c->label_w = label_w < avail / 2 ? label_w : avail / 2;
	c->bar_w = avail - c->label_w;
	c->color = false;
	if (c->bar_w < 1)
		c->bar_w = 1;
}

int art_chart_put(struct art_buf *b, const struct art_chart *c, art_str label, int64_t count)
{
	size_t shown;
	int rc = art_utf8_fit(b, label, c->label_w, '?', &shown);
	for (; shown < c->label_w; shown++)
		rc |= art_buf_putc(b, ' ');
	rc |= art_buf_printf(b, " %*lld ", (int)c->count_w, (long long)count);
	double share = count > 0 ? (double)count / (double)c->max : 0;
	long long eighths = (long long)(share * (double)c->bar_w * 8 + 0.5);
	if (eighths == 0 && count > 0)
		eighths = 1;
	if (eighths > (long long)c->bar_w * 8)
		eighths = (long long)c->bar_w * 8;
	if (c->color)
		rc |= art_buf_append(b, "\033[36m", 5);
	for (long long i = 0; i < eighths / 8; i++)
		rc |= art_buf_append(b, "\xE2\x96\x88", 3); /* U+2588 FULL BLOCK */
	if (eighths % 8) {
		char part[4];
		size_t n =
		    art_utf8_encode(0x2590 - (uint32_t)(eighths % 8), part); /* U+2589..258F */
		rc |= art_buf_append(b, part, n);
	}
	if (c->color)
		rc |= art_buf_append(b, "\033[0m", 4);
	rc |= art_buf_putc(b, '\n');
	return rc ? -1 : 0;
}
