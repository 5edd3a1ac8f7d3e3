#include <config.h>

#include "jqexpr.h"

#include <jq.h>
#include <stdio.h>
#include <stdlib.h>

#include "jqnative.h"

/* libjq always compiles the expression (its messages are the ones users
 * know, and it answers whatever the native form leaves to it); the native
 * form is there when the expression lies in its subset. */
struct art_jq {
	jq_state *jq;
	struct art_buf compile_msg;
	struct art_jqn *native;
};

static void trim_end(struct art_buf *b)
{
	while (b->len && (b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\t'))
		b->len--;
}

/* Gather jq's compile messages on one line: its line breaks (before the
 * echo of the expression) become spaces, and the closing count ("jq: 1
 * compile error") is dropped when something was said before it. */
static void collect_message(void *data, jv msg)
{
	struct art_buf *b = data;
	if (jv_get_kind(msg) == JV_KIND_STRING) {
		const char *s = jv_string_value(msg);
		size_t n = (size_t)jv_string_length_bytes(jv_copy(msg));
		bool count =
		    n > 4 && memcmp(s, "jq: ", 4) == 0 && memmem(s, n, "compile error", 13);
		if (!(count && b->len)) {
			/* out of memory, the message is only cut short */
			if (b->len && art_buf_append(b, "; ", 2) != 0)
				return;
			for (size_t i = 0; i < n; i++) {
				bool eol = s[i] == '\n' || s[i] == '\r';
				if (eol)
					trim_end(b);
				if (art_buf_putc(b, eol ? ' ' : s[i]) != 0)
					break;
			}
			trim_end(b);
		}
	}
	jv_free(msg);
}

struct art_jq *art_jq_compile(const char *expr, struct art_error *err)
{
	struct art_jq *q = calloc(1, sizeof *q);
	if (!q || !(q->jq = jq_init())) {
		art_error_msg(err, "out of memory");
		free(q);
		return NULL;
	}
	jq_set_error_cb(q->jq, collect_message, &q->compile_msg);
	if (!jq_compile(q->jq, expr)) {
		art_error_msg(err, "%.*s", (int)q->compile_msg.len,
		              q->compile_msg.len ? q->compile_msg.p : "cannot compile");
		art_jq_free(q);
		return NULL;
	}
	q->native = art_jqn_compile(expr);
	return q;
}

bool art_jq_is_native(const struct art_jq *q)
{
	return q->native != NULL;
}

void art_jq_free(struct art_jq *q)
{
	if (!q)
		return;
	jq_teardown(&q->jq);
	art_jqn_free(q->native);
	art_buf_free(&q->compile_msg);
	free(q);
}

static jv str_jv(art_str s)
{
	return jv_string_sized(s.p, (int)s.n);
}

static jv strings_jv(const art_str *items, size_t n);

static jv value_jv(struct art_value v)
{
	switch (v.type) {
	case ART_V_STRING:
		return str_jv(v.str);
	case ART_V_NUMBER:
		return jv_number((double)v.num);
	case ART_V_STRINGS:
		return strings_jv(v.items, v.nitems);
	default:
		return jv_null();
	}
}

jv art_record_to_jv(const struct art_record *r)
{
	jv o = jv_object();
	for (int k = 0; k < ART_NFIELDS; k++) {
		struct art_key key = {art_fields[k].name, k};
		o = jv_object_set(o, str_jv(art_fields[k].name),
		                  value_jv(art_record_value(r, &key)));
	}
	return o;
}

/* Whether ITEM is its record and nothing more: a record from listing
 * text, or an object of the eight keys alone.  Only such an item is built
 * from its record (faster than parsed) or run natively (the native form
 * reads the record, not the object); one with other keys is parsed and
 * left to libjq, so that the expression sees every key. */
static bool record_alone(const struct art_item *item)
{
	return item->rec && (!item->obj || item->obj->nfields == ART_NFIELDS);
}

jv art_item_to_jv(const struct art_item *item)
{
	if (record_alone(item))
		return art_record_to_jv(item->rec);
	return jv_parse_sized(item->obj->text.p, (int)item->obj->text.n);
}

static int runtime_error(jv v, struct art_error *err)
{
	jv msg = jv_invalid_get_msg(v);
	if (jv_get_kind(msg) == JV_KIND_STRING) {
		art_error_msg(err, "%s", jv_string_value(msg));
	} else {
		jv dumped = jv_dump_string(jv_copy(msg), 0);
		art_error_msg(err, "%s (not a string)", jv_string_value(dumped));
		jv_free(dumped);
	}
	jv_free(msg);
	return -1;
}

int art_jq_each(struct art_jq *q, jv input, int (*fn)(void *ctx, jv out), void *ctx,
                struct art_error *err)
{
	jq_start(q->jq, input, 0);
	for (;;) {
		jv v = jq_next(q->jq);
		if (!jv_is_valid(v)) {
			if (jv_invalid_has_msg(jv_copy(v)))
				return runtime_error(v, err);
			jv_free(v);
			return 0;
		}
		if (fn(ctx, v) != 0)
			return 0;
	}
}

static int keep_first(void *ctx, jv out)
{
	int *keep = ctx;
	jv_kind k = jv_get_kind(out);
	*keep = k != JV_KIND_FALSE && k != JV_KIND_NULL;
	jv_free(out);
	return 1;
}

int art_jq_select(struct art_jq *q, jv input, struct art_error *err)
{
	int keep = 0;
	if (art_jq_each(q, input, keep_first, &keep, err) != 0)
		return -1;
	return keep;
}

int art_jq_select_record(struct art_jq *q, const struct art_record *r, struct art_error *err)
{
	if (q->native) {
		int keep = art_jqn_select(q->native, r);
		if (keep != ART_JQN_ASK_JQ)
			return keep;
	}
	return art_jq_select(q, art_record_to_jv(r), err);
}

int art_jq_select_item(struct art_jq *q, const struct art_item *item, struct art_error *err)
{
	if (record_alone(item))
		return art_jq_select_record(q, item->rec, err);
	return art_jq_select(q, art_item_to_jv(item), err);
}

static jv strings_jv(const art_str *items, size_t n)
{
	jv a = jv_array_sized((int)n);
	for (size_t i = 0; i < n; i++)
		a = jv_array_append(a, str_jv(items[i]));
	return a;
}

/* A native output as the jq value it stands for. */
static jv native_jv(const struct art_jqn_value *v, const struct art_record *r)
{
	switch (v->kind) {
	case ART_JQN_NULL:
		return jv_null();
	case ART_JQN_FALSE:
		return jv_false();
	case ART_JQN_TRUE:
		return jv_true();
	case ART_JQN_NUMBER:
		return jv_number(v->num);
	case ART_JQN_STRING:
		return str_jv(v->str);
	case ART_JQN_ARRAY:
		return strings_jv(v->items, v->n);
	default:
		return art_record_to_jv(r);
	}
}

int art_jq_each_item(struct art_jq *q, const struct art_item *item, int (*fn)(void *ctx, jv out),
                     void *ctx, struct art_error *err)
{
	const struct art_jqn_value *outs;
	size_t n;
	if (q->native && record_alone(item) && art_jqn_run(q->native, item->rec, &outs, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			if (fn(ctx, native_jv(&outs[i], item->rec)) != 0)
				break;
		return 0;
	}
	return art_jq_each(q, art_item_to_jv(item), fn, ctx, err);
}
