/* jqn_eval.c - running a native jq expression on a record.
 *
 * jq's outputs are a stream, and a filter runs once for each output of the
 * filters it is built of, so the evaluator passes every output to a
 * continuation: eval(node, input, k) calls k once for each output of node,
 * in jq's order (for a binary operator, the right operand's outputs are
 * the outer loop, as in jq).  A continuation answers GO_ON for more, STOP
 * when it needs no more, or ART_JQN_ASK_JQ, which ends the run: then libjq
 * answers for the record.
 *
 * Most nodes give exactly one output (a path, a literal, a comparison of
 * such): those are marked single and computed directly, without
 * continuations.  Strings made on the way (ascii_downcase, interpolation)
 * live in an arena emptied before each run.
 */
#include <config.h>

#include "jqnative.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "json.h"
#include "jqn_ast.h"
#include "utf8.h"

enum { GO_ON = 0, STOP = 1, ASK = ART_JQN_ASK_JQ };

struct chunk {
	struct chunk *next;
	size_t used, size;
	char data[];
};

struct art_jqn {
	struct jqn_node *root, *allocs;
	const struct art_record *rec;
	/* per run: which record strings are known to be UTF-8 (1), not (-1) */
	signed char valid[ART_NFIELDS];
	struct chunk *arena;
	struct art_jqn_value *outs;
	size_t nouts, cap;
};

struct k {
	int (*fn)(struct k *self, const struct art_jqn_value *v);
};
#define EMIT(k, v) ((k)->fn((k), (v)))

/* The arena: chunks that never move, the first kept from run to run. */
static char *arena_alloc(struct art_jqn *q, size_t n)
{
	struct chunk *c = q->arena;
	if (!c || c->size - c->used < n) {
		size_t size = n > 4096 ? n : 4096;
		struct chunk *fresh = malloc(sizeof *fresh + size);
		if (!fresh)
			return NULL;
		fresh->used = 0;
		fresh->size = size;
		fresh->next = c;
		q->arena = c = fresh;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

static void arena_reset(struct art_jqn *q, bool all)
{
	struct chunk *c = q->arena;
	while (c && (all || c->next)) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	if (c)
		c->used = 0;
	q->arena = c;
}

static const struct art_jqn_value null_value = {.kind = ART_JQN_NULL},
                                  false_value = {.kind = ART_JQN_FALSE},
                                  true_value = {.kind = ART_JQN_TRUE},
                                  record_value = {.kind = ART_JQN_OBJECT};

static bool truthy(const struct art_jqn_value *v)
{
	return v->kind != ART_JQN_NULL && v->kind != ART_JQN_FALSE;
}

static struct art_jqn_value boolean(bool b)
{
	return b ? true_value : false_value;
}

static struct art_jqn_value number(double d)
{
	return (struct art_jqn_value){.kind = ART_JQN_NUMBER, .num = d};
}

static struct art_jqn_value string(art_str s)
{
	return (struct art_jqn_value){.kind = ART_JQN_STRING, .str = s};
}

/* UTF-8 throughout?  jq would read other bytes as U+FFFD. */
static bool is_utf8(art_str s)
{
	const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
	while (p < end) {
		if (end - p >= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			if (!(w & 0x8080808080808080u)) {
				p += 8;
				continue;
			}
		}
		if (*p < 0x80) {
			p++;
			continue;
		}
		uint32_t cp;
		size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0)
			return false;
		p += n;
	}
	return true;
}

static bool field_is_utf8(struct art_jqn *q, int f)
{
	if (!q->valid[f]) {
		const struct art_record *r = q->rec;
		bool ok = true;
		if (f == ART_F_TAGS) {
			for (size_t i = 0; ok && i < r->ntags; i++)
				ok = is_utf8(r->tags[i]);
		} else {
			const art_str *s[] = {&r->source, &r->date, &r->category, &r->title,
			                      &r->summary};
			ok = is_utf8(*s[f]);
		}
		q->valid[f] = ok ? 1 : -1;
	}
	return q->valid[f] > 0;
}

/* The record's field F as a value. */
static int record_field(struct art_jqn *q, int f, struct art_jqn_value *out)
{
	const struct art_record *r = q->rec;
	switch (f) {
	case -1:
		*out = null_value;
		return GO_ON;
	case ART_F_LIKES:
		*out = number((double)r->likes);
		return GO_ON;
	case ART_F_READ_MINUTES:
		*out = number((double)r->read_minutes);
		return GO_ON;
	case ART_F_TAGS:
		if (!field_is_utf8(q, f))
			return ASK;
		*out =
		    (struct art_jqn_value){.kind = ART_JQN_ARRAY, .items = r->tags, .n = r->ntags};
		return GO_ON;
	default: {
		if (!field_is_utf8(q, f))
			return ASK;
		const art_str *s[] = {&r->source, &r->date, &r->category, &r->title, &r->summary};
		*out = string(*s[f]);
		return GO_ON;
	}
	}
}

/* .key of V: a record's field, or null of null; anything else is jq's
 * error. */
static int get_field(struct art_jqn *q, const struct jqn_node *nd, const struct art_jqn_value *v,
                     struct art_jqn_value *out)
{
	if (v->kind == ART_JQN_NULL) {
		*out = null_value;
		return GO_ON;
	}
	return v->kind == ART_JQN_OBJECT ? record_field(q, nd->field, out) : ASK;
}

/* .[N] of V: from the end when negative, null past either end. */
static int get_index(const struct jqn_node *nd, const struct art_jqn_value *v,
                     struct art_jqn_value *out)
{
	if (v->kind == ART_JQN_NULL) {
		*out = null_value;
		return GO_ON;
	}
	if (v->kind != ART_JQN_ARRAY)
		return ASK;
	long i = nd->index < 0 ? nd->index + (long)v->n : nd->index;
	*out = i >= 0 && (size_t)i < v->n ? string(v->items[i]) : null_value;
	return GO_ON;
}

static int art_str_order(art_str a, art_str b)
{
	int c = memcmp(a.p, b.p, a.n < b.n ? a.n : b.n);
	return c ? c : (a.n > b.n) - (a.n < b.n);
}

/* jq's order: by kind first, then numbers by value, strings by their
 * bytes, arrays element by element. */
static int compare(const struct art_jqn_value *a, const struct art_jqn_value *b)
{
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	switch (a->kind) {
	case ART_JQN_NUMBER:
		return (a->num > b->num) - (a->num < b->num);
	case ART_JQN_STRING:
		return art_str_order(a->str, b->str);
	case ART_JQN_ARRAY:
		for (size_t i = 0;; i++) {
			bool a_done = i >= a->n, b_done = i >= b->n;
			if (a_done || b_done)
				return (int)b_done - (int)a_done;
			int c = art_str_order(a->items[i], b->items[i]);
			if (c)
				return c;
		}
	default: /* null, false, true, and the one record */
		return 0;
	}
}

static bool compare_holds(enum jqn_op op, int c)
{
	switch (op) {
	case JQN_EQ:
		return c == 0;
	case JQN_NE:
		return c != 0;
	case JQN_LT:
		return c < 0;
	case JQN_LE:
		return c <= 0;
	case JQN_GT:
		return c > 0;
	default:
		return c >= 0;
	}
}

/* Characters of valid UTF-8: the bytes that start one. */
static size_t codepoints(art_str s)
{
	size_t n = 0;
	for (size_t i = 0; i < s.n; i++)
		n += ((unsigned char)s.p[i] & 0xC0) != 0x80;
	return n;
}

static int length_of(const struct art_jqn_value *v, struct art_jqn_value *out)
{
	switch (v->kind) {
	case ART_JQN_NULL:
		*out = number(0);
		return GO_ON;
	case ART_JQN_NUMBER:
		*out = number(fabs(v->num));
		return GO_ON;
	case ART_JQN_STRING:
		*out = number((double)codepoints(v->str));
		return GO_ON;
	case ART_JQN_ARRAY:
		*out = number((double)v->n);
		return GO_ON;
	case ART_JQN_OBJECT:
		*out = number(ART_NFIELDS);
		return GO_ON;
	default:
		return ASK; /* a boolean has no length */
	}
}

static int change_case(struct art_jqn *q, const struct art_jqn_value *v, bool down,
                       struct art_jqn_value *out)
{
	if (v->kind != ART_JQN_STRING)
		return ASK;
	char *p = arena_alloc(q, v->str.n);
	if (!p && v->str.n)
		return ASK;
	char lo = down ? 'A' : 'a', hi = down ? 'Z' : 'z';
	for (size_t i = 0; i < v->str.n; i++) {
		char c = v->str.p[i];
		p[i] = c >= lo && c <= hi ? (char)(c ^ 0x20) : c;
	}
	*out = string((art_str){p ? p : "", v->str.n});
	return GO_ON;
}

static int type_of(const struct art_jqn_value *v, struct art_jqn_value *out)
{
	static const art_str names[] = {ART_STR("null"),   ART_STR("boolean"), ART_STR("boolean"),
	                                ART_STR("number"), ART_STR("string"),  ART_STR("array"),
	                                ART_STR("object")};
	*out = string(names[v->kind]);
	return GO_ON;
}

static bool found(art_str hay, art_str needle)
{
	return needle.n == 0 || memmem(hay.p, hay.n, needle.p, needle.n) != NULL;
}

/* jq 1.6 looks for a string in another with strstr: each ends at its
 * first NUL. */
static art_str c_string(art_str s)
{
	const char *nul = memchr(s.p, '\0', s.n);
	return nul ? (art_str){s.p, (size_t)(nul - s.p)} : s;
}

static bool str_contains(art_str a, art_str b)
{
	return found(c_string(a), c_string(b));
}

/* contains(B) on A: jq's containment, for the kinds the evaluator holds. */
static int contains(const struct art_jqn_value *a, const struct art_jqn_value *b,
                    struct art_jqn_value *out)
{
	if (a->kind != b->kind)
		return ASK; /* jq: cannot have their containment checked */
	switch (a->kind) {
	case ART_JQN_STRING:
		*out = boolean(str_contains(a->str, b->str));
		return GO_ON;
	case ART_JQN_ARRAY:
		for (size_t j = 0; j < b->n; j++) {
			size_t i = 0;
			while (i < a->n && !str_contains(a->items[i], b->items[j]))
				i++;
			if (i == a->n) {
				*out = false_value;
				return GO_ON;
			}
		}
		*out = true_value;
		return GO_ON;
	case ART_JQN_OBJECT:
		return ASK;
	default:
		*out = boolean(compare(a, b) == 0);
		return GO_ON;
	}
}

/* index(B) on A: the first place of B in an array, or its first byte
 * offset in a string (jq 1.6 counts bytes), or null. */
static int find(const struct art_jqn_value *a, const struct art_jqn_value *b,
                struct art_jqn_value *out)
{
	if (b->kind != ART_JQN_STRING)
		return ASK;
	*out = null_value;
	if (a->kind == ART_JQN_ARRAY) {
		for (size_t i = 0; i < a->n; i++) {
			if (art_str_eq(a->items[i], b->str)) {
				*out = number((double)i);
				break;
			}
		}
		return GO_ON;
	}
	if (a->kind != ART_JQN_STRING || b->str.n == 0)
		return ASK; /* jq 1.6 never ends looking for "" */
	const char *at = memmem(a->str.p, a->str.n, b->str.p, b->str.n);
	if (at)
		*out = number((double)(at - a->str.p));
	return GO_ON;
}

static int affix(const struct art_jqn_value *a, const struct art_jqn_value *b, bool start,
                 struct art_jqn_value *out)
{
	if (a->kind != ART_JQN_STRING || b->kind != ART_JQN_STRING)
		return ASK;
	art_str s = a->str, x = b->str;
	bool holds =
	    x.n <= s.n && (x.n == 0 || memcmp(start ? s.p : s.p + s.n - x.n, x.p, x.n) == 0);
	*out = boolean(holds);
	return GO_ON;
}

static int test(const struct jqn_node *nd, const struct art_jqn_value *v, struct art_jqn_value *out)
{
	if (v->kind != ART_JQN_STRING)
		return ASK;
	bool any = false;
	for (size_t i = 0; !any && i < nd->nalts; i++)
		any = found(v->str, nd->alts[i]);
	*out = boolean(any);
	return GO_ON;
}

/* A builtin of one argument, given that argument's value B. */
static int apply2(const struct jqn_node *nd, const struct art_jqn_value *in,
                  const struct art_jqn_value *b, struct art_jqn_value *out)
{
	switch (nd->op) {
	case JQN_FIND:
		return find(in, b, out);
	case JQN_CONTAINS:
		return contains(in, b, out);
	case JQN_STARTSWITH:
		return affix(in, b, true, out);
	default:
		return affix(in, b, false, out);
	}
}

static int eval_quantifier(struct art_jqn *q, const struct jqn_node *nd,
                           const struct art_jqn_value *in, struct k *out);

struct store {
	struct k k;
	struct art_jqn_value v;
};

static int store_on(struct k *self, const struct art_jqn_value *v)
{
	((struct store *)self)->v = *v;
	return GO_ON;
}

/* Nodes that give exactly one output or an error: computed directly. */
static int single(struct art_jqn *q, const struct jqn_node *nd, const struct art_jqn_value *in,
                  struct art_jqn_value *out)
{
	struct art_jqn_value a, b;
	int rc;
	switch (nd->op) {
	case JQN_IDENTITY:
		*out = *in;
		return GO_ON;
	case JQN_LITERAL:
		*out = nd->lit;
		return GO_ON;
	case JQN_FIELD:
		if ((rc = single(q, nd->a, in, &a)) != GO_ON)
			return rc;
		return get_field(q, nd, &a, out);
	case JQN_INDEX:
		if ((rc = single(q, nd->a, in, &a)) != GO_ON)
			return rc;
		return get_index(nd, &a, out);
	case JQN_AND:
	case JQN_OR:
		if ((rc = single(q, nd->a, in, &a)) != GO_ON)
			return rc;
		if (truthy(&a) == (nd->op == JQN_OR)) {
			*out = boolean(nd->op == JQN_OR);
			return GO_ON;
		}
		if ((rc = single(q, nd->b, in, &b)) != GO_ON)
			return rc;
		*out = boolean(truthy(&b));
		return GO_ON;
	case JQN_EQ:
	case JQN_NE:
	case JQN_LT:
	case JQN_LE:
	case JQN_GT:
	case JQN_GE:
		/* jq evaluates the right operand first; errors in either leave
		 * the record to libjq, so the order shows nowhere else */
		if ((rc = single(q, nd->b, in, &b)) != GO_ON ||
		    (rc = single(q, nd->a, in, &a)) != GO_ON)
			return rc;
		*out = boolean(compare_holds(nd->op, compare(&a, &b)));
		return GO_ON;
	case JQN_IF:
		if ((rc = single(q, nd->a, in, &a)) != GO_ON)
			return rc;
		return single(q, truthy(&a) ? nd->b : nd->c, in, out);
	case JQN_NOT:
		*out = boolean(!truthy(in));
		return GO_ON;
	case JQN_LENGTH:
		return length_of(in, out);
	case JQN_DOWNCASE:
	case JQN_UPCASE:
		return change_case(q, in, nd->op == JQN_DOWNCASE, out);
	case JQN_TYPE:
		return type_of(in, out);
	case JQN_TEST:
		return test(nd, in, out);
	case JQN_FIND:
	case JQN_CONTAINS:
	case JQN_STARTSWITH:
	case JQN_ENDSWITH:
		if ((rc = single(q, nd->a, in, &b)) != GO_ON)
			return rc;
		return apply2(nd, in, &b, out);
	case JQN_ANY:
	case JQN_ALL: {
		struct store s = {{store_on}, null_value};
		rc = eval_quantifier(q, nd, in, &s.k);
		*out = s.v;
		return rc;
	}
	default:
		return ASK; /* not reached: only nodes marked single come here */
	}
}

static int eval(struct art_jqn *q, const struct jqn_node *nd, const struct art_jqn_value *in,
                struct k *k);

/* Continuations carry what they need after their struct k; most need
 * the node, its input and where its outputs go. */
struct frame {
	struct k k;
	struct art_jqn *q;
	const struct jqn_node *nd;
	const struct art_jqn_value *in;
	struct k *out;
};

static int iterate(const struct art_jqn_value *v, struct art_jqn *q, struct k *out)
{
	if (v->kind == ART_JQN_ARRAY) {
		for (size_t i = 0; i < v->n; i++) {
			struct art_jqn_value item = string(v->items[i]);
			int rc = EMIT(out, &item);
			if (rc != GO_ON)
				return rc;
		}
		return GO_ON;
	}
	if (v->kind != ART_JQN_OBJECT)
		return ASK; /* cannot iterate */
	for (int f = 0; f < ART_NFIELDS; f++) {
		struct art_jqn_value item;
		int rc = record_field(q, f, &item);
		if (rc == GO_ON)
			rc = EMIT(out, &item);
		if (rc != GO_ON)
			return rc;
	}
	return GO_ON;
}

static int apply_postfix(struct k *self, const struct art_jqn_value *v)
{
	struct frame *t = (struct frame *)self;
	struct art_jqn_value r;
	int rc;
	switch (t->nd->op) {
	case JQN_FIELD:
		rc = get_field(t->q, t->nd, v, &r);
		break;
	case JQN_INDEX:
		rc = get_index(t->nd, v, &r);
		break;
	case JQN_ITERATE:
		return iterate(v, t->q, t->out);
	default: /* a builtin of one argument, V its value */
		rc = apply2(t->nd, t->in, v, &r);
	}
	return rc != GO_ON ? rc : EMIT(t->out, &r);
}

static int eval_postfix(struct art_jqn *q, const struct jqn_node *nd,
                        const struct art_jqn_value *in, struct k *out)
{
	struct frame t = {{apply_postfix}, q, nd, in, out};
	return eval(q, nd->a, in, &t.k);
}

struct then_pipe {
	struct k k;
	struct art_jqn *q;
	const struct jqn_node *next;
	struct k *out;
};

static int pipe_on(struct k *self, const struct art_jqn_value *v)
{
	struct then_pipe *t = (struct then_pipe *)self;
	return eval(t->q, t->next, v, t->out);
}

/* The outputs of A, each given to NEXT. */
static int eval_pipe(struct art_jqn *q, const struct jqn_node *a, const struct jqn_node *next,
                     const struct art_jqn_value *in, struct k *out)
{
	struct then_pipe t = {{pipe_on}, q, next, out};
	return eval(q, a, in, &t.k);
}

/* A binary operator: the right operand's outputs, and for each the left
 * operand's, as jq loops. */
struct binop_left {
	struct k k;
	const struct jqn_node *nd;
	const struct art_jqn_value *b;
	struct k *out;
};

static int binop_with_left(struct k *self, const struct art_jqn_value *a)
{
	struct binop_left *t = (struct binop_left *)self;
	struct art_jqn_value r = boolean(compare_holds(t->nd->op, compare(a, t->b)));
	return EMIT(t->out, &r);
}

static int binop_with_right(struct k *self, const struct art_jqn_value *b)
{
	struct frame *t = (struct frame *)self;
	struct binop_left l = {{binop_with_left}, t->nd, b, t->out};
	return eval(t->q, t->nd->a, t->in, &l.k);
}

/* and, or: for each output of the left operand, the answer, or the truth
 * of each output of the right one. */
static int logic_right(struct k *self, const struct art_jqn_value *b)
{
	struct frame *t = (struct frame *)self;
	struct art_jqn_value r = boolean(truthy(b));
	return EMIT(t->out, &r);
}

static int logic_left(struct k *self, const struct art_jqn_value *a)
{
	struct frame *t = (struct frame *)self;
	bool is_or = t->nd->op == JQN_OR;
	if (truthy(a) == is_or) {
		struct art_jqn_value r = boolean(is_or);
		return EMIT(t->out, &r);
	}
	struct frame right = {{logic_right}, t->q, t->nd, t->in, t->out};
	return eval(t->q, t->nd->b, t->in, &right.k);
}

/* a // b: the outputs of A that are neither false nor null; when there
 * are none, the outputs of B. */
struct alt {
	struct k k;
	struct k *out;
	size_t kept;
};

static int alt_left(struct k *self, const struct art_jqn_value *v)
{
	struct alt *t = (struct alt *)self;
	if (!truthy(v))
		return GO_ON;
	t->kept++;
	return EMIT(t->out, v);
}

/* if: for each output of the condition, the outputs of one branch. */
static int branch_on(struct k *self, const struct art_jqn_value *c)
{
	struct frame *t = (struct frame *)self;
	return eval(t->q, truthy(c) ? t->nd->b : t->nd->c, t->in, t->out);
}

struct select {
	struct k k;
	const struct art_jqn_value *in;
	struct k *out;
};

static int select_on(struct k *self, const struct art_jqn_value *c)
{
	struct select *t = (struct select *)self;
	return truthy(c) ? EMIT(t->out, t->in) : GO_ON;
}

/* any and all, as jq 1.6 defines them: a foreach over the generator's
 * outputs (.[] without one), each tested by the condition until one
 * decides; the output after that one ends the loop (its break), so an
 * error in it still counts.  The condition is single (art_jqn_compile
 * sees to it): jq's forks of a condition that gives several outputs are
 * its own. */
struct quantifier {
	struct k k;
	struct art_jqn *q;
	const struct jqn_node *cond; /* NULL: the value itself */
	bool any, decided;
};

static int quantifier_on(struct k *self, const struct art_jqn_value *v)
{
	struct quantifier *t = (struct quantifier *)self;
	if (t->decided)
		return STOP;
	struct art_jqn_value c = *v;
	if (t->cond) {
		int rc = single(t->q, t->cond, v, &c);
		if (rc != GO_ON)
			return rc;
	}
	t->decided = truthy(&c) == t->any;
	return GO_ON;
}

static int eval_quantifier(struct art_jqn *q, const struct jqn_node *nd,
                           const struct art_jqn_value *in, struct k *out)
{
	bool any = nd->op == JQN_ANY;
	struct quantifier t = {{quantifier_on}, q, nd->nargs == 2 ? nd->b : nd->a, any, false};
	int rc = nd->nargs == 2 ? eval(q, nd->a, in, &t.k) : iterate(in, q, &t.k);
	if (rc == ASK)
		return ASK;
	struct art_jqn_value r = boolean(t.decided == any);
	return EMIT(out, &r);
}

/* String interpolation: each part's outputs as text, the last part's the
 * outer loop (jq joins the parts with + from the left). */
struct format {
	struct art_jqn *q;
	const struct jqn_node *nd;
	const struct art_jqn_value *in;
	struct k *out;
	art_str text[JQN_MAX_PARTS];
};
struct format_part {
	struct k k;
	struct format *f;
	size_t at;
};

static int format_from(struct format *f, size_t at);

/* jq's compact JSON of a string, appended at *O (room for 6 bytes each). */
static char *dump_string(char *o, art_str s)
{
	static const char hex[] = "0123456789abcdef";
	*o++ = '"';
	for (size_t i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		const char *esc = c == '"'    ? "\\\""
		                  : c == '\\' ? "\\\\"
		                  : c == '\b' ? "\\b"
		                  : c == '\t' ? "\\t"
		                  : c == '\n' ? "\\n"
		                  : c == '\f' ? "\\f"
		                  : c == '\r' ? "\\r"
		                              : NULL;
		if (esc) {
			size_t n = strlen(esc);
			memcpy(o, esc, n);
			o += n;
		} else if (c < 0x20 || c == 0x7F) {
			memcpy(o, "\\u00", 4);
			o[4] = hex[c >> 4];
			o[5] = hex[c & 15];
			o += 6;
		} else {
			*o++ = (char)c;
		}
	}
	*o++ = '"';
	return o;
}

/* V as jq's tostring makes it text, in the arena. */
static int text_of(struct art_jqn *q, const struct art_jqn_value *v, art_str *out)
{
	static const art_str words[] = {ART_STR("null"), ART_STR("false"), ART_STR("true")};
	switch (v->kind) {
	case ART_JQN_STRING:
		*out = v->str;
		return GO_ON;
	case ART_JQN_NULL:
	case ART_JQN_FALSE:
	case ART_JQN_TRUE:
		*out = words[v->kind];
		return GO_ON;
	case ART_JQN_NUMBER: {
		/* whole numbers below 1e16 jq writes as integers; others as its
		 * shortest digits, left to it */
		if (v->num != floor(v->num) || fabs(v->num) >= 1e16 ||
		    (v->num == 0 && signbit(v->num)))
			return ASK;
		char *p = arena_alloc(q, ART_JSON_INT_MAX);
		if (!p)
			return ASK;
		*out = (art_str){p, art_json_int(p, (int64_t)v->num)};
		return GO_ON;
	}
	case ART_JQN_ARRAY: {
		size_t room = 2;
		for (size_t i = 0; i < v->n; i++)
			room += v->items[i].n * 6 + 3;
		char *p = arena_alloc(q, room), *o = p;
		if (!p)
			return ASK;
		*o++ = '[';
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				*o++ = ',';
			o = dump_string(o, v->items[i]);
		}
		*o++ = ']';
		assert((size_t)(o - p) <= room);
		*out = (art_str){p, (size_t)(o - p)};
		return GO_ON;
	}
	default:
		return ASK; /* the record: jq's own order and escapes */
	}
}

static int format_part_on(struct k *self, const struct art_jqn_value *v)
{
	struct format_part *t = (struct format_part *)self;
	int rc = text_of(t->f->q, v, &t->f->text[t->at]);
	return rc != GO_ON ? rc : format_from(t->f, t->at);
}

/* Parts before AT (their texts from AT on are set) */
static int format_from(struct format *f, size_t at)
{
	if (at == 0) {
		size_t n = 0;
		for (size_t i = 0; i < f->nd->nparts; i++)
			n += f->text[i].n;
		char *p = arena_alloc(f->q, n), *o = p;
		if (!p && n)
			return ASK;
		for (size_t i = 0; i < f->nd->nparts; i++) {
			memcpy(o, f->text[i].p, f->text[i].n);
			o += f->text[i].n;
		}
		struct art_jqn_value s = string((art_str){p ? p : "", n});
		return EMIT(f->out, &s);
	}
	struct format_part part = {{format_part_on}, f, at - 1};
	return eval(f->q, f->nd->parts[at - 1], f->in, &part.k);
}

static int eval(struct art_jqn *q, const struct jqn_node *nd, const struct art_jqn_value *in,
                struct k *k)
{
	if (nd->single) {
		struct art_jqn_value v;
		int rc = single(q, nd, in, &v);
		return rc != GO_ON ? rc : EMIT(k, &v);
	}
	switch (nd->op) {
	case JQN_FIELD:
	case JQN_INDEX:
	case JQN_ITERATE:
		return eval_postfix(q, nd, in, k);
	case JQN_FIND:
	case JQN_CONTAINS:
	case JQN_STARTSWITH:
	case JQN_ENDSWITH: {
		struct frame t = {{apply_postfix}, q, nd, in, k};
		return eval(q, nd->a, in, &t.k);
	}
	case JQN_PIPE:
		return eval_pipe(q, nd->a, nd->b, in, k);
	case JQN_COMMA: {
		int rc = eval(q, nd->a, in, k);
		return rc != GO_ON ? rc : eval(q, nd->b, in, k);
	}
	case JQN_ALT: {
		struct alt t = {{alt_left}, k, 0};
		int rc = eval(q, nd->a, in, &t.k);
		return rc != GO_ON || t.kept ? rc : eval(q, nd->b, in, k);
	}
	case JQN_AND:
	case JQN_OR: {
		struct frame t = {{logic_left}, q, nd, in, k};
		return eval(q, nd->a, in, &t.k);
	}
	case JQN_EQ:
	case JQN_NE:
	case JQN_LT:
	case JQN_LE:
	case JQN_GT:
	case JQN_GE: {
		struct frame t = {{binop_with_right}, q, nd, in, k};
		return eval(q, nd->b, in, &t.k);
	}
	case JQN_IF: {
		struct frame t = {{branch_on}, q, nd, in, k};
		return eval(q, nd->a, in, &t.k);
	}
	case JQN_FORMAT: {
		struct format f = {.q = q, .nd = nd, .in = in, .out = k};
		return format_from(&f, nd->nparts);
	}
	case JQN_EMPTY:
		return GO_ON;
	case JQN_SELECT: {
		struct select t = {{select_on}, in, k};
		return eval(q, nd->a, in, &t.k);
	}
	case JQN_ANY:
	case JQN_ALL:
		return eval_quantifier(q, nd, in, k);
	default:
		return ASK;
	}
}

/* Single: one output always, from single parts.  Everything else is a
 * generator or holds one.  False when the tree holds what the evaluator
 * leaves to libjq after all: the condition of any or all that is not
 * single. */
static bool mark_single(struct jqn_node *nd, bool *ok)
{
	if (!nd)
		return true;
	bool kids = mark_single(nd->a, ok) & mark_single(nd->b, ok) & mark_single(nd->c, ok);
	for (size_t i = 0; i < nd->nparts; i++)
		kids &= mark_single(nd->parts[i], ok);
	if ((nd->op == JQN_ANY || nd->op == JQN_ALL) && nd->nargs > 0 &&
	    !(nd->nargs == 2 ? nd->b : nd->a)->single)
		*ok = false;
	switch (nd->op) {
	case JQN_ITERATE:
	case JQN_PIPE:
	case JQN_COMMA:
	case JQN_ALT:
	case JQN_FORMAT:
	case JQN_EMPTY:
	case JQN_SELECT:
		nd->single = false;
		break;
	case JQN_ANY:
	case JQN_ALL: /* one answer, whatever the arguments give */
		nd->single = true;
		break;
	default:
		nd->single = kids;
	}
	return nd->single;
}

struct art_jqn *art_jqn_compile(const char *expr)
{
	struct art_jqn *q = calloc(1, sizeof *q);
	if (!q)
		return NULL;
	q->root = jqn_parse(expr, &q->allocs);
	bool ok = q->root != NULL;
	if (ok)
		mark_single(q->root, &ok);
	if (!ok) {
		art_jqn_free(q);
		return NULL;
	}
	return q;
}

void art_jqn_free(struct art_jqn *q)
{
	if (!q)
		return;
	jqn_tree_free(q->allocs);
	arena_reset(q, true);
	free(q->outs);
	free(q);
}

static void start_run(struct art_jqn *q, const struct art_record *r)
{
	q->rec = r;
	memset(q->valid, 0, sizeof q->valid);
	arena_reset(q, false);
	q->nouts = 0;
}

struct first {
	struct k k;
	bool keep;
};

static int first_output(struct k *self, const struct art_jqn_value *v)
{
	struct first *t = (struct first *)self;
	t->keep = truthy(v);
	return STOP;
}

int art_jqn_select(struct art_jqn *q, const struct art_record *r)
{
	start_run(q, r);
	if (q->root->single) {
		struct art_jqn_value v;
		int rc = single(q, q->root, &record_value, &v);
		return rc == GO_ON ? truthy(&v) : ASK;
	}
	struct first t = {{first_output}, false};
	return eval(q, q->root, &record_value, &t.k) == ASK ? ASK : t.keep;
}

struct gather {
	struct k k;
	struct art_jqn *q;
};

static int gather_output(struct k *self, const struct art_jqn_value *v)
{
	struct art_jqn *q = ((struct gather *)self)->q;
	if (art_grow(&q->outs, &q->cap, q->nouts + 1, sizeof *q->outs, 8) != 0)
		return ASK;
	q->outs[q->nouts++] = *v;
	return GO_ON;
}

int art_jqn_run(struct art_jqn *q, const struct art_record *r, const struct art_jqn_value **outs,
                size_t *nouts)
{
	start_run(q, r);
	struct gather t = {{gather_output}, q};
	if (eval(q, q->root, &record_value, &t.k) == ASK)
		return ASK;
	*outs = q->outs;
	*nouts = q->nouts;
	return 0;
}
