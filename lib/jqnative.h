/* jqnative.h - the jq expressions people write, run natively on a record.
 *
 * A jq expression that lies in the subset below is compiled to a tree
 * (lib/jqn_ast.h) and evaluated over the record's own strings, without
 * turning the record into jq values.  The answers are jq 1.6's: the same
 * outputs in the same order, jq's truthiness and its order of types.
 * Whatever the subset does not hold - an expression outside it, or on one
 * record an error or a value it does not represent (a string that is not
 * UTF-8, an index into a string) - is left to libjq: compile returns NULL,
 * or a run returns ART_JQN_ASK_JQ and the caller runs libjq on that record
 * (lib/jqexpr.c does both), so jq's own messages stay jq's.
 *
 * The subset: '.', .key, ."key", .[N], .["key"], .[], chained; literals
 * (numbers, strings with \(...) interpolation, true, false, null, arrays of
 * string literals); | , // or and == != < <= > >= and a negative number;
 * if-then-elif-else-end; and the builtins not, length, ascii_downcase,
 * ascii_upcase, type, empty, select(f), any, all, any(f), all(f),
 * any(g; c), all(g; c), index(s), contains(x), startswith(s), endswith(s)
 * and test(re) where RE is a literal made only of plain characters and '|'.
 */
#ifndef ART_JQNATIVE_H
#define ART_JQNATIVE_H

#include "record.h"

/* The kinds in jq's order: a value of a later kind sorts after any value
 * of an earlier one. */
enum art_jqn_kind {
	ART_JQN_NULL,
	ART_JQN_FALSE,
	ART_JQN_TRUE,
	ART_JQN_NUMBER,
	ART_JQN_STRING,
	ART_JQN_ARRAY, /* of strings: the tags, or a literal */
	ART_JQN_OBJECT /* the record itself */
};

struct art_jqn_value {
	enum art_jqn_kind kind;
	double num;
	art_str str;          /* ART_JQN_STRING: valid UTF-8 */
	const art_str *items; /* ART_JQN_ARRAY */
	size_t n;
};

/* What a run says besides its outputs. */
enum { ART_JQN_ASK_JQ = -1 };

struct art_jqn;

/* NULL when EXPR is not in the subset, or when out of memory: either way
 * the caller keeps to libjq.  EXPR should be one libjq compiles. */
struct art_jqn *art_jqn_compile(const char *expr);
void art_jqn_free(struct art_jqn *q);

/* jq's select question on R: 1 when the first output is neither false nor
 * null, 0 when it is or there is none, or ART_JQN_ASK_JQ. */
int art_jqn_select(struct art_jqn *q, const struct art_record *r);
/* Every output on R, in order, in *OUTS (valid until the next run of Q).
 * 0, or ART_JQN_ASK_JQ (and no output is to be used). */
int art_jqn_run(struct art_jqn *q, const struct art_record *r, const struct art_jqn_value **outs,
                size_t *nouts);

#endif
