/* jqexpr.h - jq expressions on records and JSON objects.
 *
 * Compile once, then run on each item: art_jq_select answers jq's select
 * question (is the first output neither false nor null?), art_jq_each
 * hands every output to a callback.  Errors come back as text, never
 * printed.  On a record, the _record and _item forms run the expressions
 * of lib/jqnative.h natively, with jq's answers, and everything else with
 * libjq.
 */
#ifndef ART_JQEXPR_H
#define ART_JQEXPR_H

#include <jv.h>

#include "input.h"
#include "record.h"

struct art_jq;

/* NULL on failure, with jq's message in ERR. */
ART_MUST_CHECK struct art_jq *art_jq_compile(const char *expr, struct art_error *err);
void art_jq_free(struct art_jq *q);

/* The item as a jq value: every key of its object, or the eight keys of a
 * record from listing text. */
jv art_item_to_jv(const struct art_item *item);
jv art_record_to_jv(const struct art_record *r);

/* 1 keep, 0 drop, -1 a runtime error (message in ERR). */
ART_MUST_CHECK int art_jq_select(struct art_jq *q, jv input, struct art_error *err);
/* Call FN for every output (FN takes ownership of OUT); stop early when FN
 * returns non-zero.  0, or -1 on a runtime error. */
ART_MUST_CHECK int art_jq_each(struct art_jq *q, jv input, int (*fn)(void *ctx, jv out), void *ctx,
                               struct art_error *err);

/* The same on a record, and on an item (a record, or an object that is
 * none), natively where the expression allows: on an item, only when it
 * holds no key but the record's eight (the expression sees every key). */
int art_jq_select_record(struct art_jq *q, const struct art_record *r, struct art_error *err);
ART_MUST_CHECK int art_jq_select_item(struct art_jq *q, const struct art_item *item,
                                      struct art_error *err);
int art_jq_each_item(struct art_jq *q, const struct art_item *item, int (*fn)(void *ctx, jv out),
                     void *ctx, struct art_error *err);

/* Whether Q runs natively (where it can: art_jq_select and art_jq_each
 * are libjq's alone). */
bool art_jq_is_native(const struct art_jq *q);

#endif
