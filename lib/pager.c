#include <config.h>

#include "pager.h"

#include <inttypes.h>

void art_pager_init(struct art_pager *p, uint64_t per_page, uint64_t page)
{
	p->per_page = per_page;
	p->page = page;
	p->seen = 0;
	/* past the end of any possible input when the numbers overflow */
	p->first = page - 1 > UINT64_MAX / per_page ? UINT64_MAX : (page - 1) * per_page;
	p->last = p->first > UINT64_MAX - per_page ? UINT64_MAX : p->first + per_page;
}

enum art_page_step art_pager_step(struct art_pager *p)
{
	if (p->seen >= p->last)
		return ART_PAGE_DONE;
	return p->seen++ < p->first ? ART_PAGE_SKIP : ART_PAGE_TAKE;
}

uint64_t art_pages(uint64_t total, uint64_t per_page)
{
	return total / per_page + (total % per_page != 0);
}

int art_pages_json(struct art_buf *b, uint64_t total, uint64_t per_page)
{
	return art_buf_printf(
	    b, "{\"total\":%" PRIu64 ",\"per_page\":%" PRIu64 ",\"pages\":%" PRIu64 "}\n", total,
	    per_page, art_pages(total, per_page));
}

int art_page_digits(uint64_t npages)
{
	int d = 1;
	for (uint64_t n = npages; n >= 10; n /= 10)
		d++;
	return d < ART_PAGE_DIGITS ? ART_PAGE_DIGITS : d;
}

int art_page_file_name(struct art_buf *b, const char *prefix, uint64_t page, int digits)
{
	b->len = 0;
	if (art_buf_printf(b, "%s-%0*" PRIu64 ".ndjson", prefix, digits, page) != 0)
		return -1;
	b->p[b->len] = '\0'; /* art_buf_printf leaves room for it */
	return 0;
}
