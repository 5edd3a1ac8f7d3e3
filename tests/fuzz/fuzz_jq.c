/* fuzz_jq - jq expressions natively and by libjq, on any expression.
 *
 * The input's first line is a jq expression, its other lines NDJSON
 * records (when none is one, two records of the target's own are used).
 * An expression libjq compiles and the native evaluator takes must give,
 * on every record, the same outputs, the same error and the same select
 * answer both ways.
 */
#include <config.h>

#include "fuzz.h"

static const char own_records[] =
    "{\"source\":\"S\",\"date\":\"2024-02-29\",\"category\":\"C\",\"title\":\"Kafka "
    "\\u0000 \\u007f\xC3\xA9\",\"summary\":\"\",\"tags\":[\"Kafka\",\"a\\\"b\",\"\"],"
    "\"likes\":0,\"read_minutes\":16}\n"
    "{\"source\":\"\",\"date\":\"1970-01-01\",\"category\":\"\",\"title\":\"\xFF\","
    "\"summary\":\"x\",\"tags\":[],\"likes\":9007199254740992,\"read_minutes\":1}\n";

struct outputs {
	struct art_buf text;
	struct art_error error;
	int rc;
};

static int append_output(void *ctx, jv v)
{
	struct outputs *o = ctx;
	jv s = jv_dump_string(v, 0);
	FUZZ_CHECK(art_buf_append(&o->text, jv_string_value(s),
	                          (size_t)jv_string_length_bytes(jv_copy(s))) == 0);
	FUZZ_CHECK(art_buf_putc(&o->text, '\n') == 0);
	jv_free(s);
	return 0;
}

static void run(struct art_jq *q, const struct art_item *item, bool native, struct outputs *o)
{
	o->text.len = 0;
	o->error.msg[0] = '\0';
	o->rc = native ? art_jq_each_item(q, item, append_output, o, &o->error)
	               : art_jq_each(q, art_item_to_jv(item), append_output, o, &o->error);
}

static void compare(struct art_jq *q, const struct art_item *item)
{
	static struct outputs a, b;
	run(q, item, true, &a);
	run(q, item, false, &b);
	if (a.rc != b.rc || !art_str_eq(art_buf_str(&a.text), art_buf_str(&b.text)) ||
	    strcmp(a.error.msg, b.error.msg) != 0) {
		fprintf(stderr, "native: %d %s\n%.*s\nlibjq: %d %s\n%.*s\n", a.rc, a.error.msg,
		        (int)a.text.len, a.text.p, b.rc, b.error.msg, (int)b.text.len, b.text.p);
		abort();
	}
	struct art_error ea = {.msg = ""}, eb = {.msg = ""};
	int ka = art_jq_select_record(q, item->rec, &ea);
	int kb = art_jq_select(q, art_record_to_jv(item->rec), &eb);
	FUZZ_CHECK(ka == kb && strcmp(ea.msg, eb.msg) == 0);
}

/* Run Q on each record of TEXT; how many there were. */
static size_t each_record(struct art_jq *q, const char *p, const char *end)
{
	static struct art_jobject obj;
	size_t n = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		art_str line = {p, (size_t)((nl ? nl : end) - p)};
		p = nl ? nl + 1 : end;
		struct art_error error;
		struct art_record r;
		if (art_json_parse(&obj, line, &error) != 0 ||
		    art_record_from_json(&r, &obj, &error) != 0)
			continue;
		struct art_item item = {.rec = &r, .obj = &obj, .json = line, .line = 1};
		compare(q, &item);
		n++;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	const char *nl = memchr(p, '\n', size);
	size_t len = (size_t)((nl ? nl : end) - p);
	/* libjq itself never ends looking for "" in a string */
	if (memchr(p, '\0', len) || memmem(p, len, "index(\"\"", 8))
		return 0;
	char *expr = malloc(len + 1);
	FUZZ_CHECK(expr != NULL);
	memcpy(expr, p, len);
	expr[len] = '\0';
	struct art_error error;
	struct art_jq *q = art_jq_compile(expr, &error);
	free(expr);
	if (!q)
		return 0;
	if (art_jq_is_native(q) && each_record(q, nl ? nl + 1 : end, end) == 0)
		each_record(q, own_records, own_records + sizeof own_records - 1);
	art_jq_free(q);
	return 0;
}
