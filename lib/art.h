/* art.h - libart, the library under every art command.
 *
 *   buf.h      byte buffers and string views
 *   record.h   the record, its fields, and read errors
 *   lines.h    reading lines in large blocks, CR/LF/BOM aware
 *   date.h     listing dates and ISO dates
 *   tags.h     splitting a tag line into tags
 *   listing.h  records from saved listing text
 *   json.h     NDJSON: parsing objects, writing records
 *   input.h    the reader every command uses: files in, records out
 *   output.h   buffered, checked, atomic output
 *   jqexpr.h   jq expressions on records
 *   filter.h   the tests of art-filter: tags, fields, dates, regex, jq
 *   unique.h   record identities, a set of them, one copy of each record
 *   seen.h     the state file of art-filter --unseen
 *   sort.h     sort keys, and sorting records in bounded memory
 *   pager.h    pages of records, and the names of page files
 *   tagcount.h counting tags, tag pairs and tags per group; merging counts
 *   utf8.h     UTF-8 decoding, display width
 *
 * lib/fmt/, the writers and what only they use:
 *   fmt/writer.h   the formats of art-fmt, one file each (fmt/csv.c, ...)
 *   fmt/columns.h  the columns of formatted output, and cells
 *   fmt/spool.h    bytes held back: memory, then a temporary file
 *   fmt/chart.h    horizontal bar charts for a terminal
 *   fmt/svg.h      the pictures of the HTML report, in inline SVG
 *
 * The library never prints and never exits: it returns ART_ status codes
 * and struct art_error for the command to report.
 */
#ifndef ART_H
#define ART_H

#include "buf.h"
#include "date.h"
#include "filter.h"
#include "input.h"
#include "jqexpr.h"
#include "json.h"
#include "lines.h"
#include "listing.h"
#include "output.h"
#include "pager.h"
#include "record.h"
#include "seen.h"
#include "sort.h"
#include "tagcount.h"
#include "tags.h"
#include "unique.h"
#include "utf8.h"
#include "fmt/chart.h"
#include "fmt/columns.h"
#include "fmt/spool.h"
#include "fmt/svg.h"
#include "fmt/writer.h"

#endif
