/* raw.c - the outputs of a jq expression on each item, one a line:
 * strings as their text (as jq -r prints them), anything else as compact
 * JSON.  An item the expression fails on is skipped with jq's message. */
#include <config.h>

#include "writer.h"

#include <errno.h>
#include <stdio.h>

#include "jqexpr.h"

static int init(struct art_writer *w, struct art_error *err)
{
	w->state = art_jq_compile(w->opt.expr ? w->opt.expr : ".", err);
	return w->state ? 0 : -1;
}

static int emit(void *ctx, jv v)
{
	struct art_writer *w = ctx;
	struct art_buf *b = &w->out->buf;
	int rc;
	if (jv_get_kind(v) == JV_KIND_STRING) {
		art_str s = {jv_string_value(v), (size_t)jv_string_length_bytes(jv_copy(v))};
		rc = art_buf_append_text(b, s);
		jv_free(v);
	} else {
		jv s = jv_dump_string(v, 0);
		rc = art_buf_append(b, jv_string_value(s),
		                    (size_t)jv_string_length_bytes(jv_copy(s)));
		jv_free(s);
	}
	rc |= art_buf_putc(b, '\n');
	art_out_ready(w->out);
	if (rc)
		w->err = ENOMEM;
	return rc || w->out->err;
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	struct art_error jq;
	w->err = 0;
	if (art_jq_each_item(w->state, item, emit, w, &jq) != 0) {
		art_error_set(err, item->line, "jq: %.*s", (int)sizeof jq.msg - 16, jq.msg);
		return ART_BAD;
	}
	if (w->err)
		return ART_FAIL;
	return ART_OK;
}

static void raw_free(struct art_writer *w)
{
	art_jq_free(w->state);
	w->state = NULL;
}

/* A fork compiles the expression for itself: jq's state is no thread's
 * to share. */
static int fork_raw(struct art_writer *copy, const struct art_writer *w)
{
	(void)w;
	struct art_error unused; /* the original compiled it: it compiles */
	return init(copy, &unused);
}

const struct art_writer_class art_raw_writer = {
    .name = "raw",
    .tag_sep = "",
    .init = init,
    .put = put,
    .free = raw_free,
    .forkable = art_writer_started,
    .fork = fork_raw,
};
