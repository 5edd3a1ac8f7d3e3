/* html.c - one self-contained HTML5 page: inline CSS, no scripts (its
 * Content-Security-Policy allows none), every text escaped.
 *
 * Records are listed as the site shows them: source, date and category,
 * the title, the summary, the tags as labels, likes and read time (or the
 * chosen fields, in their order).  Other objects become a table.  At the
 * top: how many records and distinct tags, and a bar chart of the ten most
 * common tags in inline SVG.  The top needs every record counted, so the
 * list goes to a spool (memory, then a temporary file) and the tags to a
 * tag counter (memory bounded by the distinct tags).
 */
#include <config.h>

#include "writer.h"

#include <inttypes.h>
#include <stdlib.h>

#include "date.h"
#include "spool.h"
#include "tagcount.h"
#include "utf8.h"

#define CHART_BARS  10
#define CHART_LABEL 28 /* display columns of a tag's name in the chart */

struct html {
	struct art_spool list;
	struct art_tagcount *tags;
	bool records;
	struct art_buf label;
};

int art_html_put_text(struct art_buf *b, art_str text)
{
	/* worst case: every byte "&quot;" or a replacement character */
	if (art_buf_reserve(b, 6 * text.n) != 0)
		return -1;
	char *o = b->p + b->len;
	const unsigned char *p = (const unsigned char *)text.p, *end = p + text.n;
	while (p < end) {
		unsigned char c = *p;
		const char *e = NULL;
		switch (c) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		case '\'':
			e = "&#39;";
			break;
		}
		if (e) {
			size_t n = strlen(e);
			memcpy(o, e, n);
			o += n;
			p++;
			continue;
		}
		if (c >= 0x20 && c < 0x7F) {
			*o++ = (char)*p++;
			continue;
		}
		uint32_t cp = 0;
		size_t n = c < 0x80 ? 1 : art_utf8_decode(p, (size_t)(end - p), &cp);
		if (c == '\t' || c == '\n' || c == '\r') {
			*o++ = (char)c;
		} else if (c < 0x80 || n == 0 || (cp >= 0x80 && cp < 0xA0)) {
			/* no control character (nor a broken byte) in an HTML text */
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(o, p, n);
			o += n;
		}
		p += n ? n : 1;
	}
	b->len = (size_t)(o - b->p);
	return 0;
}

static const char style[] =
    "body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
    "color:#1f2328;background:#fff;max-width:56rem;margin:2rem auto;padding:0 1rem}\n"
    "h1{font-size:1.5rem;margin:0}\n"
    ".counts{color:#59636e;margin:.25rem 0 1.5rem}\n"
    ".counts strong{color:#1f2328}\n"
    "figure{margin:0 0 2rem}\n"
    "figcaption{font-weight:600;margin-bottom:.5rem}\n"
    "svg{max-width:100%;height:auto}\n"
    "svg text{font:13px system-ui,sans-serif;fill:#1f2328}\n"
    "svg rect{fill:#0969da}\n"
    "ol.records{list-style:none;margin:0;padding:0}\n"
    "ol.records>li{border-top:1px solid #d1d9e0;padding:1rem 0}\n"
    ".meta{color:#59636e;font-size:.875rem;margin:0}\n"
    "h2{font-size:1.125rem;line-height:1.35;margin:.25rem 0}\n"
    ".summary{margin:.25rem 0 .5rem}\n"
    "ul.tags{list-style:none;display:flex;flex-wrap:wrap;gap:.375rem;margin:0 0 .5rem;"
    "padding:0}\n"
    "ul.tags li{background:#ddf4ff;color:#0550ae;border-radius:1rem;padding:0 .625rem;"
    "font-size:.8125rem}\n"
    "table{border-collapse:collapse}\n"
    "th,td{border:1px solid #d1d9e0;padding:.25rem .5rem;text-align:left;vertical-align:top}\n"
    "td.num{text-align:right}\n";

static int put_lit(struct art_buf *b, const char *s)
{
	return art_buf_append(b, s, strlen(s));
}

static int put_count(struct art_buf *b, uint64_t n, const char *one, const char *many)
{
	return art_buf_printf(b, "<strong>%" PRIu64 "</strong> %s", n, n == 1 ? one : many);
}

static bool is_meta(int field)
{
	return field == ART_F_SOURCE || field == ART_F_DATE || field == ART_F_CATEGORY ||
	       field == ART_F_LIKES || field == ART_F_READ_MINUTES;
}

static int put_meta(struct art_buf *b, const struct art_record *r, int field)
{
	char listing[16];
	switch (field) {
	case ART_F_SOURCE:
		return put_lit(b, "<span class=\"source\">") | art_html_put_text(b, r->source) |
		       put_lit(b, "</span>");
	case ART_F_DATE:
		if (art_date_to_listing(r->date, listing) < 0)
			return art_html_put_text(b, r->date);
		return put_lit(b, "<time datetime=\"") | art_html_put_text(b, r->date) |
		       art_buf_printf(b, "\">%s</time>", listing);
	case ART_F_CATEGORY:
		return put_lit(b, "<span class=\"category\">") | art_html_put_text(b, r->category) |
		       put_lit(b, "</span>");
	case ART_F_LIKES:
		return art_buf_printf(b, "%" PRId64 " like%s", r->likes, r->likes == 1 ? "" : "s");
	default:
		return art_buf_printf(b, "%" PRId64 " min read", r->read_minutes);
	}
}

/* A record as the site shows it: runs of short fields on one line. */
static int put_card(struct art_writer *w, struct art_buf *b, const struct art_record *r)
{
	int rc = put_lit(b, "<li>\n");
	bool meta = false;
	for (size_t i = 0; i < w->cols.n; i++) {
		int f = w->cols.col[i].field;
		if (is_meta(f)) {
			rc |= put_lit(b, meta ? " &middot; " : "<p class=\"meta\">");
			meta = true;
			rc |= put_meta(b, r, f);
			continue;
		}
		if (meta)
			rc |= put_lit(b, "</p>\n");
		meta = false;
		if (f == ART_F_TITLE) {
			rc |= put_lit(b, "<h2>") | art_html_put_text(b, r->title) |
			      put_lit(b, "</h2>\n");
		} else if (f == ART_F_SUMMARY) {
			rc |= put_lit(b, "<p class=\"summary\">") |
			      art_html_put_text(b, r->summary) | put_lit(b, "</p>\n");
		} else if (f == ART_F_TAGS && r->ntags) {
			rc |= put_lit(b, "<ul class=\"tags\">");
			for (size_t t = 0; t < r->ntags; t++)
				rc |= put_lit(b, "<li>") | art_html_put_text(b, r->tags[t]) |
				      put_lit(b, "</li>");
			rc |= put_lit(b, "</ul>\n");
		}
	}
	if (meta)
		rc |= put_lit(b, "</p>\n");
	return rc | put_lit(b, "</li>\n");
}

static int put_row(struct art_writer *w, struct art_buf *b, bool head)
{
	int rc = put_lit(b, "<tr>");
	for (size_t i = 0; i < w->cols.n; i++) {
		rc |= put_lit(b, head                     ? "<th>"
		                 : w->cols.col[i].numeric ? "<td class=\"num\">"
		                                          : "<td>");
		rc |= art_html_put_text(b, w->row[i]);
		rc |= put_lit(b, head ? "</th>" : "</td>");
	}
	return rc | put_lit(b, "</tr>\n");
}

static int start(struct art_writer *w)
{
	struct html *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	w->state = h;
	art_spool_init(&h->list, w->opt.spool_limit ? w->opt.spool_limit : ART_SPOOL_LIMIT);
	h->records = w->cols.records || w->cols.n == 0;
	if (h->records) {
		h->tags = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
		return h->tags ? put_lit(&h->list.buf, "<ol class=\"records\">\n") : -1;
	}
	art_writer_names(w);
	return put_lit(&h->list.buf, "<table>\n<thead>\n") | put_row(w, &h->list.buf, true) |
	       put_lit(&h->list.buf, "</thead>\n<tbody>\n");
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	struct html *h = w->state;
	struct art_buf *b = &h->list.buf;
	if (h->records) {
		const struct art_record *r = item->rec;
		if (!r) {
			struct art_record ignored;
			char why[200];
			art_record_from_json(&ignored, item->obj, why, sizeof why);
			art_error_set(err, item->line, "not a record (%s)", why);
			return ART_BAD;
		}
		if (art_tagcount_add_record(h->tags, r) != 0 || put_card(w, b, r) != 0)
			return ART_FAIL;
	} else if (art_writer_row(w, item) != 0 || put_row(w, b, false) != 0) {
		return ART_FAIL;
	}
	if (art_spool_settle(&h->list) != 0) {
		w->err = h->list.err;
		return ART_FAIL;
	}
	return ART_OK;
}

/* A horizontal bar for each of the most common tags, with its count. */
static int put_chart(struct html *h, struct art_buf *b)
{
	size_t n = art_tagcount_nrows(h->tags);
	if (n == 0)
		return 0;
	if (n > CHART_BARS)
		n = CHART_BARS;
	struct art_tagrow top[CHART_BARS];
	for (size_t i = 0; i < n; i++)
		art_tagcount_row(h->tags, i, &top[i]);
	const unsigned row = 24, label = 200, bar = 380, height = (unsigned)n * row + 4;
	int rc =
	    art_buf_printf(b,
	                   "<figure>\n<figcaption>The most common tags</figcaption>\n"
	                   "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"%u\" "
	                   "viewBox=\"0 0 640 %u\" role=\"img\" aria-label=\"Bar chart of the %zu "
	                   "most common tags and how many records have each\">\n",
	                   height, height, n);
	for (size_t i = 0; i < n; i++) {
		unsigned y = (unsigned)i * row + 4;
		uint64_t count = (uint64_t)top[i].count, most = (uint64_t)top[0].count;
		unsigned len = (unsigned)((count * bar + most / 2) / most);
		size_t shown;
		h->label.len = 0;
		rc |= art_utf8_fit(&h->label, top[i].tags[0], CHART_LABEL, ' ', &shown);
		rc |= art_buf_printf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", label - 8,
		                     y + 14);
		rc |= art_html_put_text(b, art_buf_str(&h->label));
		rc |= art_buf_printf(b,
		                     "</text><rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"18\"/>"
		                     "<text x=\"%u\" y=\"%u\">%" PRIu64 "</text>\n",
		                     label, y, len ? len : 1, label + (len ? len : 1) + 6, y + 14,
		                     count);
	}
	return rc | put_lit(b, "</svg>\n</figure>\n");
}

static int finish(struct art_writer *w)
{
	struct html *h = w->state;
	struct art_buf *b = &w->out->buf;
	const char *given = w->opt.title ? w->opt.title : h->records ? "Articles" : "Report";
	art_str title = {given, strlen(given)};
	int rc =
	    put_lit(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	               "'none'; style-src 'unsafe-inline'\">\n<meta name=\"viewport\" "
	               "content=\"width=device-width, initial-scale=1\">\n");
	rc |= put_lit(b, "<title>") | art_html_put_text(b, title);
	rc |= art_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>",
	                     style);
	rc |= art_html_put_text(b, title) | put_lit(b, "</h1>\n<p class=\"counts\">");
	if (h->records) {
		if (art_tagcount_finish(h->tags, ART_TC_BY_COUNT, SIZE_MAX) != 0)
			return -1;
		rc |= put_count(b, w->written, "article", "articles");
		rc |= put_lit(b, " &middot; ");
		rc |= put_count(b, art_tagcount_nrows(h->tags), "tag", "tags");
	} else {
		rc |= put_count(b, w->written, "row", "rows");
	}
	rc |= put_lit(b, "</p>\n</header>\n");
	if (h->records)
		rc |= put_chart(h, b);
	rc |= put_lit(b, "<main>\n");
	rc |= put_lit(&h->list.buf, h->records ? "</ol>\n" : "</tbody>\n</table>\n");
	if (rc != 0)
		return -1;
	art_out_ready(w->out);
	if (art_spool_copy(&h->list, w->out) != 0) {
		w->err = h->list.err;
		return -1;
	}
	return put_lit(b, "</main>\n</body>\n</html>\n");
}

static void html_free(struct art_writer *w)
{
	struct html *h = w->state;
	if (!h)
		return;
	art_spool_free(&h->list);
	art_tagcount_free(h->tags);
	art_buf_free(&h->label);
	free(h);
	w->state = NULL;
}

const struct art_writer_class art_html_writer = {
    .name = "html",
    .tag_sep = ", ",
    .start = start,
    .put = put,
    .finish = finish,
    .free = html_free,
};
