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

static int is_wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || c == 0x231A || c == 0x231B || c == 0x2329 ||
	       c == 0x232A || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	       (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

static int is_zero_width(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 && c <= 0xFE0F) ||
	       (c >= 0xFE20 && c <= 0xFE2F);
}

static int is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/* The next character of S at *I, made safe: its bytes (in OUT) and cells. */
static size_t next_char(art_str s, size_t *i, char out[4], size_t *cells)
{
	uint32_t c;
	size_t n = art_utf8_decode((const unsigned char *)s.p + *i, s.n - *i, &c);
	if (n == 0) {
		n = 1;
		c = 0xFFFD;
	}
	*i += n;
	if (is_control(c))
		c = '?';
	*cells = is_zero_width(c) ? 0 : is_wide(c) ? 2 : 1;
	return art_utf8_encode(c, out);
}

size_t art_text_width(art_str s)
{
	size_t w = 0, cells;
	char out[4];
	for (size_t i = 0; i < s.n;) {
		next_char(s, &i, out, &cells);
		w += cells;
	}
	return w;
}

int art_chart_put_text(struct art_buf *b, art_str s, size_t width, int pad)
{
	size_t total = art_text_width(s), room = total > width ? (width ? width - 1 : 0) : width;
	size_t used = 0, cells;
	char out[4];
	int rc = 0;
	for (size_t i = 0; i < s.n;) {
		size_t n = next_char(s, &i, out, &cells);
		if (used + cells > room)
			break;
		rc |= art_buf_append(b, out, n);
		used += cells;
	}
	if (total > width && width) {
		rc |= art_buf_append(b, "\xE2\x80\xA6", 3);
		used++;
	}
	while (pad && used < width) {
		rc |= art_buf_putc(b, ' ');
		used++;
	}
	return rc ? -1 : 0;
}

void art_chart_layout(struct art_chart *c, size_t width, size_t label_w, int64_t max)
{
	char digits[24];
	c->max = max > 0 ? max : 1;
	c->count_w = (size_t)snprintf(digits, sizeof digits, "%lld", (long long)c->max);
	size_t avail = width > c->count_w + 2 ? width - c->count_w - 2 : 0;
	c->label_w = label_w < avail / 2 ? label_w : avail / 2;
	c->bar_w = avail - c->label_w;
	if (c->bar_w < 1)
		c->bar_w = 1;
}

int art_chart_put(struct art_buf *b, const struct art_chart *c, art_str label, int64_t count)
{
	int rc = art_chart_put_text(b, label, c->label_w, 1);
	rc |= art_buf_printf(b, " %*lld ", (int)c->count_w, (long long)count);
	double share = count > 0 ? (double)count / (double)c->max : 0;
	long long eighths = (long long)(share * (double)c->bar_w * 8 + 0.5);
	if (eighths == 0 && count > 0)
		eighths = 1;
	if (eighths > (long long)c->bar_w * 8)
		eighths = (long long)c->bar_w * 8;
	for (long long i = 0; i < eighths / 8; i++)
		rc |= art_buf_append(b, "\xE2\x96\x88", 3); /* U+2588 FULL BLOCK */
	if (eighths % 8) {
		char part[4];
		size_t n =
		    art_utf8_encode(0x2590 - (uint32_t)(eighths % 8), part); /* U+2589..258F */
		rc |= art_buf_append(b, part, n);
	}
	rc |= art_buf_putc(b, '\n');
	return rc ? -1 : 0;
}
