/* jqn_parse.c - a jq expression of the native subset as a tree.
 *
 * A recursive descent over the grammar in jqn_ast.h.  Anything outside
 * the subset makes the parse fail, and libjq runs the expression: failing
 * is always safe, so the parser never guesses.  It is given expressions
 * libjq has compiled, so it meets no syntax errors of its own but must
 * read every expression it accepts as jq does.
 */
#include <config.h>

#include "jqn_ast.h"

#include <math.h>
#include <stdlib.h>

#include "utf8.h"

/* Deeper expressions are left to libjq, so that the evaluator's recursion
 * stays shallow. */
#define MAX_DEPTH 64

struct parser {
	const char *s;
	size_t i, n;
	int depth;
	struct jqn_node **allocs;
};

static struct jqn_node *new_node(struct parser *ps, enum jqn_op op)
{
	struct jqn_node *nd = calloc(1, sizeof *nd);
	if (!nd)
		return NULL;
	nd->op = op;
	nd->next_alloc = *ps->allocs;
	*ps->allocs = nd;
	return nd;
}

void jqn_tree_free(struct jqn_node *allocs)
{
	while (allocs) {
		struct jqn_node *next = allocs->next_alloc;
		free(allocs->parts);
		free(allocs->alts);
		free(allocs->text);
		free(allocs);
		allocs = next;
	}
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char at(const struct parser *ps, size_t k)
{
	return ps->i + k < ps->n ? ps->s[ps->i + k] : '\0';
}

/* White space and comments, as jq's lexer skips them. */
static void skip_space(struct parser *ps)
{
	while (ps->i < ps->n) {
		char c = ps->s[ps->i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			ps->i++;
		} else if (c == '#') {
			while (ps->i < ps->n && ps->s[ps->i] != '\n')
				ps->i++;
		} else {
			break;
		}
	}
}

/* The punctuation TOK next (after space)?  Then step over it.  An
 * update-assignment that starts with TOK ("|=" for "|") is not TOK. */
static bool accept(struct parser *ps, const char *tok)
{
	skip_space(ps);
	size_t n = strlen(tok);
	if (ps->n - ps->i < n || memcmp(ps->s + ps->i, tok, n) != 0)
		return false;
	bool assigns = strcmp(tok, "|") == 0 || strcmp(tok, "//") == 0 || strcmp(tok, "-") == 0;
	if (assigns && at(ps, n) == '=')
		return false;
	ps->i += n;
	return true;
}

/* The name at the parser's place (no space skipped), or an empty one. */
static art_str name_here(const struct parser *ps)
{
	size_t j = ps->i;
	if (j < ps->n && is_name_start(ps->s[j]))
		while (j < ps->n && is_name_char(ps->s[j]))
			j++;
	return (art_str){ps->s + ps->i, j - ps->i};
}

/* The keyword or builtin name WORD next?  Then step over it. */
static bool accept_word(struct parser *ps, const char *word)
{
	skip_space(ps);
	art_str w = name_here(ps);
	if (!art_str_eq_cstr(w, word) || at(ps, w.n) == ':')
		return false;
	ps->i += w.n;
	return true;
}

static struct jqn_node *parse_pipe(struct parser *ps);
static struct jqn_node *parse_postfix(struct parser *ps);

/* A number literal, as jq's lexer reads it:
 * ([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?  */
static bool number_here(struct parser *ps, double *v)
{
	size_t j = ps->i;
	char buf[64];
	while (j < ps->n && is_digit(ps->s[j]))
		j++;
	bool whole = j > ps->i;
	if (j < ps->n && ps->s[j] == '.' && (whole || (j + 1 < ps->n && is_digit(ps->s[j + 1])))) {
		j++;
		while (j < ps->n && is_digit(ps->s[j]))
			j++;
	} else if (!whole) {
		return false;
	}
	if (j < ps->n && (ps->s[j] == 'e' || ps->s[j] == 'E')) {
		size_t k = j + 1;
		if (k < ps->n && (ps->s[k] == '+' || ps->s[k] == '-'))
			k++;
		if (k < ps->n && is_digit(ps->s[k])) {
			while (k < ps->n && is_digit(ps->s[k]))
				k++;
			j = k;
		}
	}
	if (j - ps->i >= sizeof buf)
		return false;
	memcpy(buf, ps->s + ps->i, j - ps->i);
	buf[j - ps->i] = '\0';
	*v = strtod(buf, NULL);
	if (!isfinite(*v) || is_name_char(j < ps->n ? ps->s[j] : '\0'))
		return false; /* jq prints infinities as the largest double: its own way */
	ps->i = j;
	return true;
}

static struct jqn_node *number_node(struct parser *ps, double v)
{
	struct jqn_node *nd = new_node(ps, JQN_LITERAL);
	if (nd)
		nd->lit = (struct art_jqn_value){.kind = ART_JQN_NUMBER, .num = v};
	return nd;
}

static int hex4(const char *p, uint32_t *cp)
{
	*cp = 0;
	for (int k = 0; k < 4; k++) {
		char c = p[k];
		int h = is_digit(c)              ? c - '0'
		        : (c >= 'a' && c <= 'f') ? c - 'a' + 10
		        : (c >= 'A' && c <= 'F') ? c - 'A' + 10
		                                 : -1;
		if (h < 0)
			return -1;
		*cp = *cp << 4 | (uint32_t)h;
	}
	return 0;
}

/* One escape after the backslash, appended to B.  Surrogates (which jq
 * pairs or replaces in its own way) are not in the subset. */
static bool escape_here(struct parser *ps, struct art_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	char c = at(ps, 0);
	const char *k = c ? strchr(from, c) : NULL;
	if (k) {
		ps->i++;
		return art_buf_putc(b, to[k - from]) == 0;
	}
	uint32_t cp;
	if (c != 'u' || ps->n - ps->i < 5 || hex4(ps->s + ps->i + 1, &cp) != 0 ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	ps->i += 5;
	char enc[4];
	return art_buf_append(b, enc, art_utf8_encode(cp, enc)) == 0;
}

/* A literal string node owning the bytes of B. */
static struct jqn_node *text_node(struct parser *ps, struct art_buf *b)
{
	struct jqn_node *nd = new_node(ps, JQN_LITERAL);
	if (!nd)
		return NULL;
	nd->text = b->p;
	nd->lit = (struct art_jqn_value){.kind = ART_JQN_STRING, .str = {b->p ? b->p : "", b->len}};
	*b = (struct art_buf){0};
	return nd;
}

static bool add_part(struct jqn_node *fmt, struct jqn_node *part)
{
	if (!part || fmt->nparts == JQN_MAX_PARTS)
		return false;
	if (fmt->nparts % 8 == 0) {
		struct jqn_node **p = art_reallocarray(fmt->parts, fmt->nparts + 8, sizeof *p);
		if (!p)
			return false;
		fmt->parts = p;
	}
	fmt->parts[fmt->nparts++] = part;
	return true;
}

/* After the opening quote: the text up to the closing one, a literal, or
 * a JQN_FORMAT of literals and interpolated expressions. */
static struct jqn_node *parse_string(struct parser *ps)
{
	struct art_buf text = {0};
	struct jqn_node *fmt = NULL;
	for (;;) {
		if (ps->i >= ps->n)
			goto fail;
		unsigned char c = (unsigned char)ps->s[ps->i];
		if (c == '"') {
			ps->i++;
			break;
		}
		if (c == '\\' && at(ps, 1) == '(') {
			ps->i += 2;
			if (!fmt && !(fmt = new_node(ps, JQN_FORMAT)))
				goto fail;
			if (text.len && !add_part(fmt, text_node(ps, &text)))
				goto fail;
			struct jqn_node *e = parse_pipe(ps);
			if (!e || !accept(ps, ")") || !add_part(fmt, e))
				goto fail;
			continue;
		}
		if (c == '\\') {
			ps->i++;
			if (!escape_here(ps, &text))
				goto fail;
			continue;
		}
		uint32_t cp;
		size_t len = c < 0x80 ? 1
		                      : art_utf8_decode((const unsigned char *)ps->s + ps->i,
		                                        ps->n - ps->i, &cp);
		if (len == 0 || art_buf_append(&text, ps->s + ps->i, len) != 0)
			goto fail; /* jq would make the bytes U+FFFD: not in the subset */
		ps->i += len;
	}
	if (!fmt)
		return text_node(ps, &text);
	if (text.len && !add_part(fmt, text_node(ps, &text)))
		goto fail;
	return fmt;
fail:
	art_buf_free(&text);
	return NULL;
}

/* A literal string without interpolation, at the parser's place. */
static struct jqn_node *plain_string(struct parser *ps)
{
	skip_space(ps);
	if (at(ps, 0) != '"')
		return NULL;
	ps->i++;
	struct jqn_node *s = parse_string(ps);
	return s && s->op == JQN_LITERAL ? s : NULL;
}

/* '[' STRING (',' STRING)* ']' after the '[': a literal array of strings,
 * its items kept in the node's alts. */
static struct jqn_node *literal_array(struct parser *ps)
{
	struct jqn_node *nd = new_node(ps, JQN_LITERAL);
	if (!nd)
		return NULL;
	nd->lit.kind = ART_JQN_ARRAY;
	if (accept(ps, "]"))
		return nd;
	do {
		struct jqn_node *s = plain_string(ps);
		if (!s || nd->nalts == JQN_MAX_PARTS)
			return NULL;
		if (nd->nalts % 8 == 0) {
			art_str *a = art_reallocarray(nd->alts, nd->nalts + 8, sizeof *a);
			if (!a)
				return NULL;
			nd->alts = a;
		}
		nd->alts[nd->nalts++] = s->lit.str;
	} while (accept(ps, ","));
	if (!accept(ps, "]"))
		return NULL;
	nd->lit.items = nd->alts;
	nd->lit.n = nd->nalts;
	return nd;
}

static struct jqn_node *field_node(struct parser *ps, struct jqn_node *of, art_str key)
{
	struct jqn_node *nd = new_node(ps, JQN_FIELD);
	if (!nd)
		return NULL;
	nd->a = of;
	nd->key = key;
	nd->field = art_field_lookup(key);
	return nd;
}

/* After '[': ']' (iterate), or a literal key or index and ']'. */
static struct jqn_node *parse_brackets(struct parser *ps, struct jqn_node *of)
{
	if (accept(ps, "]")) {
		struct jqn_node *nd = new_node(ps, JQN_ITERATE);
		if (nd)
			nd->a = of;
		return nd;
	}
	skip_space(ps);
	if (at(ps, 0) == '"') {
		struct jqn_node *s = plain_string(ps);
		return s && accept(ps, "]") ? field_node(ps, of, s->lit.str) : NULL;
	}
	bool negative = accept(ps, "-");
	skip_space(ps);
	double v;
	if (!number_here(ps, &v) || !accept(ps, "]") || v != floor(v) || fabs(v) > 1e9)
		return NULL; /* a fractional or huge index has jq's own rules */
	struct jqn_node *nd = new_node(ps, JQN_INDEX);
	if (!nd)
		return NULL;
	nd->a = of;
	nd->index = (long)(negative ? -v : v);
	return nd;
}

/* '.' and what may follow it straight away: a name, a string, '['. */
static struct jqn_node *parse_dot(struct parser *ps, struct jqn_node *of)
{
	bool alone = of == NULL;
	if (alone && !(of = new_node(ps, JQN_IDENTITY)))
		return NULL;
	art_str name = name_here(ps);
	if (name.n) {
		ps->i += name.n;
		return field_node(ps, of, name);
	}
	if (at(ps, 0) == '"') {
		ps->i++;
		struct jqn_node *s = parse_string(ps);
		return s && s->op == JQN_LITERAL ? field_node(ps, of, s->lit.str) : NULL;
	}
	/* '.' alone, or before '[' as a postfix of '.' */
	return alone ? of : NULL;
}

struct builtin {
	const char *name;
	int nargs;
	enum jqn_op op;
};

static const struct builtin builtins[] = {
    {"not", 0, JQN_NOT},
    {"length", 0, JQN_LENGTH},
    {"ascii_downcase", 0, JQN_DOWNCASE},
    {"ascii_upcase", 0, JQN_UPCASE},
    {"type", 0, JQN_TYPE},
    {"empty", 0, JQN_EMPTY},
    {"select", 1, JQN_SELECT},
    {"any", 0, JQN_ANY},
    {"any", 1, JQN_ANY},
    {"any", 2, JQN_ANY},
    {"all", 0, JQN_ALL},
    {"all", 1, JQN_ALL},
    {"all", 2, JQN_ALL},
    {"index", 1, JQN_FIND},
    {"contains", 1, JQN_CONTAINS},
    {"startswith", 1, JQN_STARTSWITH},
    {"endswith", 1, JQN_ENDSWITH},
    {"test", 1, JQN_TEST},
};

/* The alternatives of a regular expression made only of characters that
 * stand for themselves and '|': found by a search for each. */
static bool plain_regex(struct jqn_node *nd, struct jqn_node *re)
{
	static const char meta[] = "\\^$.?*+()[]{}";
	if (re->op != JQN_LITERAL || re->lit.kind != ART_JQN_STRING)
		return false;
	art_str s = re->lit.str;
	for (size_t k = 0; k < s.n; k++)
		if (memchr(meta, s.p[k], sizeof meta - 1) || s.p[k] == '\0')
			return false;
	size_t start = 0;
	for (size_t k = 0; k <= s.n; k++) {
		if (k < s.n && s.p[k] != '|')
			continue;
		art_str *a = art_reallocarray(nd->alts, nd->nalts + 1, sizeof *a);
		if (!a)
			return false;
		nd->alts = a;
		nd->alts[nd->nalts++] = (art_str){s.p + start, k - start};
		start = k + 1;
	}
	return true;
}

/* NAME or NAME(args): a builtin of the subset, or true, false, null. */
static struct jqn_node *parse_call(struct parser *ps, art_str name)
{
	static const struct {
		const char *name;
		enum art_jqn_kind kind;
	} constants[] = {{"null", ART_JQN_NULL}, {"false", ART_JQN_FALSE}, {"true", ART_JQN_TRUE}};
	ps->i += name.n;
	if (at(ps, 0) == ':')
		return NULL; /* a module's name */
	struct jqn_node *args[2] = {NULL, NULL};
	int nargs = 0;
	if (accept(ps, "(")) {
		do {
			if (nargs == 2 || !(args[nargs++] = parse_pipe(ps)))
				return NULL;
		} while (accept(ps, ";"));
		if (!accept(ps, ")"))
			return NULL;
	}
	for (size_t k = 0; nargs == 0 && k < sizeof constants / sizeof *constants; k++) {
		if (art_str_eq_cstr(name, constants[k].name)) {
			struct jqn_node *nd = new_node(ps, JQN_LITERAL);
			if (nd)
				nd->lit.kind = constants[k].kind;
			return nd;
		}
	}
	for (size_t k = 0; k < sizeof builtins / sizeof *builtins; k++) {
		if (builtins[k].nargs != nargs || !art_str_eq_cstr(name, builtins[k].name))
			continue;
		struct jqn_node *nd = new_node(ps, builtins[k].op);
		if (!nd)
			return NULL;
		nd->nargs = nargs;
		nd->a = args[0];
		nd->b = args[1];
		if (nd->op == JQN_TEST && !plain_regex(nd, args[0]))
			return NULL;
		return nd;
	}
	return NULL;
}

/* 'if' pipe 'then' pipe ('elif' pipe 'then' pipe)* 'else' pipe 'end' after
 * the 'if' (or an 'elif'): jq 1.6 wants the 'else'. */
static struct jqn_node *parse_if(struct parser *ps)
{
	struct jqn_node *nd = new_node(ps, JQN_IF);
	if (!nd || !(nd->a = parse_pipe(ps)) || !accept_word(ps, "then") ||
	    !(nd->b = parse_pipe(ps)))
		return NULL;
	if (accept_word(ps, "elif"))
		return (nd->c = parse_if(ps)) ? nd : NULL;
	if (!accept_word(ps, "else") || !(nd->c = parse_pipe(ps)) || !accept_word(ps, "end"))
		return NULL;
	return nd;
}

static const char *const keywords[] = {
    "if",     "then",    "elif", "else",  "end",   "and",    "or",      "as",     "def",
    "reduce", "foreach", "try",  "catch", "label", "import", "include", "module", "__loc__",
};

static bool is_keyword(art_str name)
{
	for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++)
		if (art_str_eq_cstr(name, keywords[k]))
			return true;
	return false;
}

static struct jqn_node *parse_term(struct parser *ps)
{
	skip_space(ps);
	char c = at(ps, 0);
	double v;
	if (c == '.' && at(ps, 1) == '.')
		return NULL; /* recursion */
	if (c == '.' && !is_digit(at(ps, 1))) {
		ps->i++;
		return parse_dot(ps, NULL);
	}
	if (number_here(ps, &v))
		return number_node(ps, v);
	if (c == '"') {
		ps->i++;
		return parse_string(ps);
	}
	if (accept(ps, "(")) {
		struct jqn_node *e = parse_pipe(ps);
		return e && accept(ps, ")") ? e : NULL;
	}
	if (accept(ps, "["))
		return literal_array(ps);
	art_str name = name_here(ps);
	if (art_str_eq_cstr(name, "if")) {
		ps->i += name.n;
		return parse_if(ps);
	}
	if (name.n && !is_keyword(name))
		return parse_call(ps, name);
	return NULL;
}

static struct jqn_node *parse_postfix(struct parser *ps)
{
	struct jqn_node *t = parse_term(ps);
	while (t) {
		skip_space(ps);
		if (at(ps, 0) == '[') {
			ps->i++;
			t = parse_brackets(ps, t);
		} else if (at(ps, 0) == '.' && !is_digit(at(ps, 1)) && at(ps, 1) != '.') {
			ps->i++;
			t = parse_dot(ps, t);
		} else {
			break;
		}
	}
	skip_space(ps);
	return at(ps, 0) == '?' ? NULL : t;
}

static struct jqn_node *parse_unary(struct parser *ps)
{
	if (!accept(ps, "-"))
		return parse_postfix(ps);
	struct jqn_node *e = parse_postfix(ps);
	if (!e || e->op != JQN_LITERAL || e->lit.kind != ART_JQN_NUMBER)
		return NULL; /* jq's _negate of anything else */
	e->lit.num = -e->lit.num;
	return e;
}

static struct jqn_node *binary(struct parser *ps, enum jqn_op op, struct jqn_node *a,
                               struct jqn_node *b)
{
	if (!a || !b)
		return NULL;
	struct jqn_node *nd = new_node(ps, op);
	if (nd) {
		nd->a = a;
		nd->b = b;
	}
	return nd;
}

static struct jqn_node *parse_compare(struct parser *ps)
{
	static const struct {
		const char *tok;
		enum jqn_op op;
	} ops[] = {{"==", JQN_EQ}, {"!=", JQN_NE}, {"<=", JQN_LE},
	           {">=", JQN_GE}, {"<", JQN_LT},  {">", JQN_GT}};
	struct jqn_node *a = parse_unary(ps);
	if (!a)
		return NULL;
	skip_space(ps);
	for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
		size_t n = strlen(ops[k].tok);
		if (ps->n - ps->i >= n && memcmp(ps->s + ps->i, ops[k].tok, n) == 0 &&
		    at(ps, n) != '=') {
			ps->i += n;
			return binary(ps, ops[k].op, a, parse_unary(ps));
		}
	}
	return a;
}

static struct jqn_node *parse_and(struct parser *ps)
{
	struct jqn_node *a = parse_compare(ps);
	while (a && accept_word(ps, "and"))
		a = binary(ps, JQN_AND, a, parse_compare(ps));
	return a;
}

static struct jqn_node *parse_or(struct parser *ps)
{
	struct jqn_node *a = parse_and(ps);
	while (a && accept_word(ps, "or"))
		a = binary(ps, JQN_OR, a, parse_and(ps));
	return a;
}

static struct jqn_node *parse_alt(struct parser *ps)
{
	struct jqn_node *a = parse_or(ps);
	if (a && accept(ps, "//"))
		return binary(ps, JQN_ALT, a, parse_alt(ps));
	return a;
}

static struct jqn_node *parse_comma(struct parser *ps)
{
	struct jqn_node *a = parse_alt(ps);
	while (a && accept(ps, ","))
		a = binary(ps, JQN_COMMA, a, parse_alt(ps));
	return a;
}

static struct jqn_node *parse_pipe(struct parser *ps)
{
	if (++ps->depth > MAX_DEPTH)
		return NULL;
	struct jqn_node *a = parse_comma(ps);
	if (a && accept(ps, "|"))
		a = binary(ps, JQN_PIPE, a, parse_pipe(ps));
	ps->depth--;
	return a;
}

struct jqn_node *jqn_parse(const char *expr, struct jqn_node **allocs)
{
	struct parser ps = {.s = expr, .n = strlen(expr), .allocs = allocs};
	struct jqn_node *root = parse_pipe(&ps);
	skip_space(&ps);
	return root && ps.i == ps.n ? root : NULL;
}
