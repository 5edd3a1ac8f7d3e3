/* pager.h - cutting a stream of records into pages of N.
 *
 * A pager says, record by record, whether the record is before the page
 * wanted, on it, or past it (the reader can stop there), and counts the
 * pages of a whole input.  For --split it names the page files
 * PREFIX-0001.ndjson, PREFIX-0002.ndjson, ... with at least four digits.
 */
#ifndef ART_PAGER_H
#define ART_PAGER_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

enum art_page_step {
	ART_PAGE_SKIP, /* before the page */
	ART_PAGE_TAKE, /* on the page */
	ART_PAGE_DONE, /* past it: nothing more is wanted */
};

struct art_pager {
	uint64_t per_page, page; /* both from 1 */
	uint64_t first, last;    /* records first..last-1 (from 0) are the page */
	uint64_t seen;
};

/* Page PAGE of PER_PAGE records each (both at least 1). */
void art_pager_init(struct art_pager *p, uint64_t per_page, uint64_t page);
/* What to do with the next record. */
enum art_page_step art_pager_step(struct art_pager *p);
/* True once the page is complete: no record after it is wanted. */
static inline bool art_pager_done(const struct art_pager *p)
{
	return p->seen >= p->last;
}
/* The number of pages TOTAL records fill: 0 for none. */
uint64_t art_pages(uint64_t total, uint64_t per_page);
/* {"total":N,"per_page":n,"pages":M} and a newline; -1 out of memory. */
ART_MUST_CHECK int art_pages_json(struct art_buf *b, uint64_t total, uint64_t per_page);

#define ART_PAGE_DIGITS 4
/* The digits a page number takes in file names when there are NPAGES. */
int art_page_digits(uint64_t npages);
/* PREFIX-NNNN.ndjson with PAGE zero-padded to DIGITS, into B (replacing
 * what it held, NUL-terminated).  -1 out of memory. */
ART_MUST_CHECK int art_page_file_name(struct art_buf *b, const char *prefix, uint64_t page,
                                      int digits);

#endif
