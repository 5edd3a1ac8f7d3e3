/* fuzz_ndjson - the NDJSON reader and writer on any bytes.
 *
 * Each line of the input is parsed as one JSON object (into the same
 * object each time, as the reader does).  A parsed object's fields must
 * lie inside the line and be found by their keys; a string field written
 * out must read back as the same string; a record must survive writing
 * and reading back.
 */
#include <config.h>

#include "fuzz.h"

static struct art_jobject obj, obj2;
static struct art_buf out1, out2, wrap;

/* Write S as JSON, read it back as the value of a key, write it again. */
static void string_round_trip(art_str s)
{
	struct art_error error;
	out1.len = out2.len = wrap.len = 0;
	FUZZ_CHECK(art_json_put_string(&out1, s) == 0);
	FUZZ_CHECK(art_buf_append(&wrap, "{\"k\":", 5) == 0);
	FUZZ_CHECK(art_buf_append(&wrap, out1.p, out1.len) == 0);
	FUZZ_CHECK(art_buf_putc(&wrap, '}') == 0);
	if (art_json_parse(&obj2, art_buf_str(&wrap), &error) != 0) {
		fprintf(stderr, "written string does not parse: %s\n%.*s\n", error.msg,
		        (int)wrap.len, wrap.p);
		abort();
	}
	const struct art_jfield *k = art_jobject_get(&obj2, "k");
	FUZZ_CHECK(k && k->type == ART_J_STRING);
	FUZZ_CHECK(art_json_put_string(&out2, k->str) == 0);
	FUZZ_CHECK(art_str_eq(art_buf_str(&out1), art_buf_str(&out2)));
}

static void check_object(art_str line)
{
	for (size_t i = 0; i < obj.nfields; i++) {
		const struct art_jfield *f = &obj.fields[i];
		FUZZ_CHECK(fuzz_inside(f->raw, line.p, line.n));
		FUZZ_CHECK(f->raw.n > 0);
		/* keys are unique, so each key finds its own field */
		struct art_buf key = {0};
		FUZZ_CHECK(art_buf_append(&key, f->key.p, f->key.n) == 0 &&
		           art_buf_putc(&key, 0) == 0);
		if (!memchr(f->key.p, 0, f->key.n))
			FUZZ_CHECK(art_jobject_get(&obj, key.p) == f);
		art_buf_free(&key);
		if (f->type == ART_J_STRING)
			string_round_trip(f->str);
		if (f->type == ART_J_ARRAY && f->strings) {
			FUZZ_CHECK(f->item0 + f->nitems <= obj.nitems);
			for (size_t j = 0; j < f->nitems; j++)
				string_round_trip(obj.items[f->item0 + j]);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		art_str line = {p, (size_t)((nl ? nl : end) - p)};
		p = nl ? nl + 1 : end;
		struct art_error error;
		if (art_json_parse(&obj, line, &error) != 0) {
			fuzz_check_message(error.msg);
			continue;
		}
		check_object(line);
		struct art_record r;
		if (art_record_from_json(&r, &obj, &error) != 0) {
			fuzz_check_message(error.msg);
			continue;
		}
		fuzz_check_record(&r);
		fuzz_round_trip(&r);
	}
	return 0;
}
