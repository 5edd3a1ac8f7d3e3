/* jqn_ast.h - the tree of a native jq expression (lib/jqnative.h), shared
 * by its parser (jqn_parse.c) and its evaluator (jqn_eval.c).
 *
 * The grammar, jq 1.6's restricted to the subset, loosest first:
 *
 *   pipe    := comma ('|' pipe)?                   right-associative
 *   comma   := alt (',' alt)*
 *   alt     := or ('//' alt)?                      right-associative
 *   or      := and ('or' and)*
 *   and     := compare ('and' compare)*
 *   compare := unary (('=='|'!='|'<'|'<='|'>'|'>=') unary)?
 *   unary   := '-' NUMBER | postfix
 *   postfix := term (FIELD | '.' STRING | '[' ']' | '[' key ']')*
 *   key     := STRING | NUMBER | '-' NUMBER         literals only
 *   term    := '.' | FIELD | '.' STRING | '.' '[' ... | NUMBER | STRING
 *            | '(' pipe ')' | '[' ']' | '[' STRING (',' STRING)* ']'
 *            | 'if' pipe 'then' pipe ('elif' pipe 'then' pipe)* 'else' pipe 'end'
 *            | NAME | NAME '(' pipe (';' pipe)* ')'   builtins of the subset
 *
 * where FIELD is '.' followed by a name, and STRING may hold \(pipe).
 */
#ifndef ART_JQN_AST_H
#define ART_JQN_AST_H

#include <stdbool.h>

#include "jqnative.h"

/* Longer strings of parts and literal arrays are left to libjq. */
#define JQN_MAX_PARTS 64

enum jqn_op {
	JQN_IDENTITY, /* . */
	JQN_LITERAL,  /* lit */
	JQN_FIELD,    /* a.key: field is the record field, or -1 (always null) */
	JQN_INDEX,    /* a[index] */
	JQN_ITERATE,  /* a[] */
	JQN_PIPE,     /* a | b */
	JQN_COMMA,    /* a, b */
	JQN_ALT,      /* a // b */
	JQN_OR,
	JQN_AND,
	JQN_EQ,
	JQN_NE,
	JQN_LT,
	JQN_LE,
	JQN_GT,
	JQN_GE,
	JQN_IF,     /* if a then b else c end (elif is an if in c) */
	JQN_FORMAT, /* a string with interpolations: parts[] */
	/* builtins: a, b are their arguments */
	JQN_NOT,
	JQN_LENGTH,
	JQN_DOWNCASE,
	JQN_UPCASE,
	JQN_TYPE,
	JQN_EMPTY,
	JQN_SELECT,
	JQN_ANY,  /* any: a and b NULL; any(f): a; any(g; c): a, b */
	JQN_ALL,  /* the same */
	JQN_FIND, /* index(a) */
	JQN_CONTAINS,
	JQN_STARTSWITH,
	JQN_ENDSWITH,
	JQN_TEST /* test(re): re's alternatives in alts[] */
};

struct jqn_node {
	enum jqn_op op;
	bool single; /* gives exactly one output (or an error): see jqn_eval.c */
	struct jqn_node *a, *b, *c;
	int nargs;                /* of a builtin */
	struct art_jqn_value lit; /* JQN_LITERAL */
	int field;                /* JQN_FIELD */
	art_str key;              /* JQN_FIELD */
	long index;               /* JQN_INDEX */
	struct jqn_node **parts;  /* JQN_FORMAT: literals and expressions */
	size_t nparts;
	art_str *alts; /* JQN_TEST */
	size_t nalts;
	char *text;                  /* the bytes of lit and alts, owned */
	struct jqn_node *next_alloc; /* every node of a tree, to free them */
};

/* The tree of EXPR, or NULL when it is not in the subset.  *ALLOCS
 * collects every node made (also on failure), for jqn_tree_free. */
struct jqn_node *jqn_parse(const char *expr, struct jqn_node **allocs);
void jqn_tree_free(struct jqn_node *allocs);

#endif
