/* art.h - libart, the library under every art command.
 *
 *   buf.h      byte buffers, string views, growing arrays
 *   status.h   the status a fallible call returns, struct art_error
 *   record.h   the record, and the one table of its eight fields
 *   hash.h     the one hash function of the hash tables (XXH3)
 *   lines.h    reading lines in large blocks, CR/LF/BOM aware
 *   date.h     listing dates and ISO dates
 *   listing.h  records from saved listing text
 *   json.h     NDJSON: parsing objects, writing records
 *   input.h    the reader every command uses: files in, records out
 *   output.h   buffered, checked, atomic output
 *   jqexpr.h   jq expressions on records: natively (jqnative.h), else libjq
 *   filter.h   the tests of art-filter: tags, fields, dates, regex, jq
 *   fold.h     the one case fold of every "ignore case" (Unicode, utf8proc)
 *   unique.h   record identities, a set of them, one copy of each record
 *   seen.h     the state file of art-filter --unseen
 *   sort.h     sort keys, and sorting records in bounded memory (lib/sort/)
 *   budget.h   the memory budget of a sort: sizes, cgroup and rlimits
 *   pager.h    pages of records, and the names of page files
 *   parallel.h blocks of input lines worked on by several threads, in order
 *   tagcount.h counting tags, tag pairs and tags per group; merging counts
 *   utf8.h     UTF-8 decoding, display width
 *
 * Three rooms, each with a header or README saying what it holds:
 *   tags/tags.h    the tag splitter (lib/tags/README: its terms, its files)
 *   sort/sorter.h  the sorter behind sort.h, split by concern (keys, runs,
 *                  merge, sorter); seen only by lib/sort/
 * and lib/fmt/, the writers and what only they use (lib/fmt/README):
 *   fmt/writer.h   the formats of art-fmt, one file each (fmt/csv.c, ...)
 *   fmt/columns.h  the columns of formatted output, and cells
 *   fmt/spool.h    bytes held back: memory, then a temporary file
 *   fmt/chart.h    horizontal bar charts for a terminal
 *   fmt/svg.h      the pictures of the HTML report, in inline SVG
 *
 * Conventions (every module keeps them):
 *
 * - Never prints, never exits: a function that can fail returns a status
 *   and leaves the message for the command to print.  Such a function is
 *   declared ART_MUST_CHECK (buf.h): the build refuses a result ignored.
 * - Status: a function that only allocates returns 0, or -1 when out of
 *   memory (or when a size would overflow); one that returns a pointer
 *   returns NULL then.  Readers return enum art_status
 *   (status.h): ART_OK, ART_EOF, ART_BAD (one record bad, reading goes
 *   on), ART_FAIL (this file cannot be read further), ART_NO_RECORDS, and
 *   ART_MORE (nothing yet: feed more text).
 * - Errors: struct art_error (status.h) is the one carrier of a message
 *   (ART_ERROR_SIZE bytes): where (file, line) and what; system errors
 *   keep their errno in it.  Readers set all of it (art_error_set);
 *   parsers and compilers, whose caller knows the place, set the message
 *   alone (art_error_msg).
 * - Ownership: art_str is a view and owns nothing; a struct that owns
 *   memory has a _free (or _close) function.  A record handed out by a
 *   reader stays valid until the reader's next call; art_record_copy makes
 *   one that owns its bytes.
 * - Growth: arrays grow only through art_grow and art_reallocarray
 *   (buf.h), which check every size for overflow; bytes go out to a
 *   descriptor only through art_write_all (output.h).
 * - Hashing: every hash table hashes its keys with art_hash (hash.h);
 *   only record identities, which state files keep, have their own.
 * - Invariants the fast paths rely on (room reserved for the worst case,
 *   sizes counted before the bytes are written) are stated with assert(),
 *   which every build keeps: configure never defines NDEBUG.
 */
#ifndef ART_H
#define ART_H

#include "budget.h"
#include "buf.h"
#include "date.h"
#include "filter.h"
#include "fold.h"
#include "hash.h"
#include "input.h"
#include "jqexpr.h"
#include "json.h"
#include "lines.h"
#include "listing.h"
#include "output.h"
#include "pager.h"
#include "parallel.h"
#include "record.h"
#include "seen.h"
#include "sort.h"
#include "status.h"
#include "tagcount.h"
#include "tags/tags.h"
#include "unique.h"
#include "utf8.h"
#include "fmt/chart.h"
#include "fmt/columns.h"
#include "fmt/spool.h"
#include "fmt/svg.h"
#include "fmt/writer.h"

#endif
