#include <config.h>

#include "json.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "hash.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct parser {
	const char *p, *end, *line;
	struct art_jobject *o;
	struct art_error *err;
};

/* The bytes of a JSON string that a reader or writer must look at: the
 * quote, the backslash, control characters, and (to check or repair UTF-8)
 * every byte of a character outside ASCII.  Runs of other bytes are
 * skipped sixteen at a time with SSE2, else eight at a time in a 64-bit
 * word.  There, for an ASCII byte b, b - 1 after XOR with '"' or '\\', or
 * b - 0x20, sets its high bit exactly when b is the quote, the backslash or
 * a control character; a byte of 0x80 or more has it already.  A borrow
 * can only carry into the next byte up from a special one, so the lowest
 * byte marked is the first special one.
 */
static const unsigned char special[256] = {
    [0 ... 0x1F] = 1,
    ['"'] = 1,
    ['\\'] = 1,
    [0x80 ... 0xFF] = 1,
};

#define ONES  0x0101010101010101u
#define HIGHS 0x8080808080808080u

/* The special bytes among the eight in W, as their high bits. */
static inline uint64_t special_bytes(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');
	return ((q - ONES) | (bs - ONES) | (w - ONES * 0x20) | w) & HIGHS;
}

/* The first special byte from P on, or END. */
static inline const char *skip_plain(const char *p, const char *end)
{
#ifdef __SSE2__
	/* Sixteen at a time where there is SSE2 (every x86-64): compared as
	 * signed bytes, those of 0x80 or more are below 0x20 too. */
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
	              space = _mm_set1_epi8(0x20);
	for (; end - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m =
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
		                 _mm_cmplt_epi8(v, space));
		unsigned marks = (unsigned)_mm_movemask_epi8(m);
		if (marks != 0)
			return p + __builtin_ctz(marks);
	}
#endif
	for (; end - p >= 8; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t marks = special_bytes(w);
		if (marks == 0)
			continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		return p + __builtin_ctzll(marks) / 8; /* the lowest byte is the first */
#else
		break;
#endif
	}
	while (p < end && !special[(unsigned char)*p])
		p++;
	return p;
}

static int fail(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *ps, const char *fmt, ...)
{
	char *msg = ps->err->msg;
	size_t size = sizeof ps->err->msg;
	int n = snprintf(msg, size, "column %zu: ", (size_t)(ps->p - ps->line) + 1);
	va_list ap;
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < size)
		vsnprintf(msg + n, size - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static void skip_ws_run(struct parser *ps)
{
	for (; ps->p < ps->end; ps->p++) {
		char c = *ps->p;
		if (c == '\n' || c == '\r')
			ps->o->plain = false; /* the text is not one line as it is */
		else if (c != ' ' && c != '\t')
			return;
	}
}

/* Most often there is none: one test. */
static inline void skip_ws(struct parser *ps)
{
	if (ps->p < ps->end && (unsigned char)*ps->p <= ' ')
		skip_ws_run(ps);
}

/* The character at the parser's place, for a message. */
static art_str next_char(const struct parser *ps)
{
	uint32_t cp;
	size_t n = art_utf8_decode((const unsigned char *)ps->p, (size_t)(ps->end - ps->p), &cp);
	return (art_str){ps->p, n ? n : 1};
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int read_hex4(struct parser *ps, uint32_t *v)
{
	if (ps->end - ps->p < 4)
		return fail(ps, "truncated \\u escape");
	*v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(ps->p[i]);
		if (h < 0)
			return fail(ps, "bad \\u escape");
		*v = *v << 4 | (uint32_t)h;
	}
	ps->p += 4;
	return 0;
}

/* After a backslash: decode one escape into the arena. */
static int decode_escape(struct parser *ps, struct art_buf *a)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	if (ps->p >= ps->end)
		return fail(ps, "unterminated string");
	char c = *ps->p++;
	const char *k = c ? strchr(from, c) : NULL;
	if (k) {
		a->p[a->len++] = to[k - from];
		return 0;
	}
	if (c != 'u') {
		char shown[ART_EXCERPT_SIZE];
		uint32_t cp;
		size_t n = art_utf8_decode((const unsigned char *)ps->p - 1,
		                           (size_t)(ps->end - ps->p) + 1, &cp);
		return fail(ps, "bad escape '\\%s'",
		            art_excerpt(shown, (art_str){ps->p - 1, n ? n : 1}));
	}
	uint32_t cp;
	if (read_hex4(ps, &cp) != 0)
		return -1;
	if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
	    ps->p[1] == 'u') {
		const char *save = ps->p;
		uint32_t lo;
		ps->p += 2;
		if (read_hex4(ps, &lo) != 0)
			return -1;
		if (lo >= 0xDC00 && lo <= 0xDFFF)
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		else
			ps->p = save; /* not a pair: the high half stands alone */
	}
	if (cp >= 0xD800 && cp <= 0xDFFF) {
		cp = 0xFFFD;          /* a lone surrogate is no character */
		ps->o->plain = false; /* and many readers refuse its escape */
	}
	a->len += art_utf8_encode(cp, a->p + a->len);
	return 0;
}

/* At a byte of 0x80 or more: step over its character.  Bytes that are not
 * UTF-8 are kept (the writer replaces them), one at a time. */
static void step_utf8(struct parser *ps)
{
	uint32_t cp;
	size_t n = art_utf8_decode((const unsigned char *)ps->p, (size_t)(ps->end - ps->p), &cp);
	if (n == 0) {
		ps->o->plain = false;
		n = 1;
	}
	ps->p += n;
}

/* A string from its first byte that is not plain ASCII on (at ps->p; its
 * text starts at S).  A string without escapes is handed out as a view
 * into the line; from its first escape on, a string is decoded into the
 * arena.  Decoded text never outgrows its escaped form and the arena holds
 * as much as the line, so earlier results never move. */
static int parse_string_rest(struct parser *ps, const char *s, art_str *out)
{
	const char *run = s;
	struct art_buf *a = &ps->o->arena;
	size_t start = a->len;
	bool escaped = false;
	for (;; ps->p = skip_plain(ps->p, ps->end)) {
		if (ps->p == ps->end)
			return fail(ps, "unterminated string");
		unsigned char c = (unsigned char)*ps->p;
		if (c >= 0x80) {
			step_utf8(ps);
			continue;
		}
		if (c < 0x20)
			return fail(ps, "control character in string");
		if (c == '\\')
			escaped = true;
		if (escaped) { /* the text since the last escape */
			memcpy(a->p + a->len, run, (size_t)(ps->p - run));
			a->len += (size_t)(ps->p - run);
		}
		if (c == '"') {
			*out = escaped ? (art_str){a->p + start, a->len - start}
			               : (art_str){s, (size_t)(ps->p - s)};
			ps->p++;
			return 0;
		}
		ps->p++;
		if (decode_escape(ps, a) != 0)
			return -1;
		run = ps->p;
	}
}

/* At the opening quote.  Most strings are plain ASCII: those end here. */
static inline int parse_string(struct parser *ps, art_str *out)
{
	const char *s = ps->p + 1;
	ps->p = skip_plain(s, ps->end);
	if (ps->p < ps->end && *ps->p == '"') {
		*out = (art_str){s, (size_t)(ps->p - s)};
		ps->p++;
		return 0;
	}
	return parse_string_rest(ps, s, out);
}

static int is_digit(const struct parser *ps)
{
	return ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9';
}

static int parse_number(struct parser *ps)
{
	if (ps->p < ps->end && *ps->p == '-')
		ps->p++;
	if (!is_digit(ps))
		return fail(ps, "bad number");
	if (*ps->p++ != '0')
		while (is_digit(ps))
			ps->p++;
	if (ps->p < ps->end && *ps->p == '.') {
		ps->p++;
		if (!is_digit(ps))
			return fail(ps, "bad number");
		while (is_digit(ps))
			ps->p++;
	}
	if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		ps->p++;
		if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			ps->p++;
		if (!is_digit(ps))
			return fail(ps, "bad number");
		while (is_digit(ps))
			ps->p++;
	}
	return 0;
}

static int parse_word(struct parser *ps, const char *w, enum art_jtype t, enum art_jtype *type)
{
	size_t n = strlen(w);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, w, n) != 0) {
		char shown[ART_EXCERPT_SIZE];
		return fail(ps, "unexpected character '%s'", art_excerpt(shown, next_char(ps)));
	}
	ps->p += n;
	*type = t;
	return 0;
}

static int parse_value(struct parser *ps, int depth, enum art_jtype *type);

/* Walk the members of an object or array nested below the top level. */
static int parse_nested(struct parser *ps, int depth, char close)
{
	if (depth > ART_JSON_MAX_DEPTH)
		return fail(ps, "nested deeper than %d levels", ART_JSON_MAX_DEPTH);
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return 0;
	}
	for (;;) {
		enum art_jtype t;
		skip_ws(ps);
		if (close == '}') {
			art_str key;
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, "expected a key");
			if (parse_string(ps, &key) != 0)
				return -1;
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':')
				return fail(ps, "expected ':'");
			ps->p++;
			skip_ws(ps);
		}
		if (parse_value(ps, depth + 1, &t) != 0)
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == close) {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or '%c'", close);
	}
}

static int parse_value(struct parser *ps, int depth, enum art_jtype *type)
{
	if (ps->p >= ps->end)
		return fail(ps, "value expected");
	art_str ignored;
	switch (*ps->p) {
	case '"':
		*type = ART_J_STRING;
		return parse_string(ps, &ignored);
	case '{':
		*type = ART_J_OBJECT;
		return parse_nested(ps, depth, '}');
	case '[':
		*type = ART_J_ARRAY;
		return parse_nested(ps, depth, ']');
	case 't':
		return parse_word(ps, "true", ART_J_TRUE, type);
	case 'f':
		return parse_word(ps, "false", ART_J_FALSE, type);
	case 'n':
		return parse_word(ps, "null", ART_J_NULL, type);
	case '-':
	case '0' ... '9':
		*type = ART_J_NUMBER;
		return parse_number(ps);
	default: {
		char shown[ART_EXCERPT_SIZE];
		return fail(ps, "unexpected character '%s'", art_excerpt(shown, next_char(ps)));
	}
	}
}

static int push_item(struct art_jobject *o, art_str s)
{
	if (art_grow(&o->items, &o->icap, o->nitems + 1, sizeof *o->items, 16) != 0)
		return -1;
	o->items[o->nitems++] = s;
	return 0;
}

/* A top-level array: strings are decoded into items, anything else only
 * checked. */
static int parse_top_array(struct parser *ps, struct art_jfield *f)
{
	f->strings = true;
	f->item0 = ps->o->nitems;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return 0;
	}
	for (;;) {
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == '"') {
			art_str s;
			if (parse_string(ps, &s) != 0)
				return -1;
			if (push_item(ps->o, s) != 0)
				return fail(ps, "out of memory");
			f->nitems++;
		} else {
			enum art_jtype t;
			if (parse_value(ps, 2, &t) != 0)
				return -1;
			f->strings = false;
		}
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or ']'");
	}
}

static int parse_field_value(struct parser *ps, struct art_jfield *f)
{
	const char *start = ps->p;
	int rc;
	if (ps->p < ps->end && *ps->p == '"') {
		f->type = ART_J_STRING;
		rc = parse_string(ps, &f->str);
	} else if (ps->p < ps->end && *ps->p == '[') {
		f->type = ART_J_ARRAY;
		rc = parse_top_array(ps, f);
	} else {
		rc = parse_value(ps, 1, &f->type);
	}
	f->raw = (art_str){start, (size_t)(ps->p - start)};
	return rc;
}

static struct art_jfield *new_field(struct art_jobject *o)
{
	if (art_grow(&o->fields, &o->fcap, o->nfields + 1, sizeof *o->fields, 16) != 0)
		return NULL;
	struct art_jfield *f = &o->fields[o->nfields++];
	memset(f, 0, sizeof *f);
	return f;
}

static bool is_field(art_str key, size_t k)
{
	return k < ART_NFIELDS && art_str_eq(key, art_fields[k].name);
}

/* Duplicate keys.  A small object compares the new key with each earlier
 * one; a large one looks it up in a hash table of its keys, so that a line
 * of a hundred thousand keys costs no more than its length. */
#define SMALL_OBJECT 16

static size_t key_hash(art_str k)
{
	return (size_t)art_hash(k.p, k.n, 0);
}

/* Look for the key of field I among the fields before it; add it to the
 * table when it is new.  1 when it is there, 0 when not, -1 out of memory. */
static int seen_key(struct art_jobject *o, size_t i)
{
	art_str key = o->fields[i].key;
	if (i < SMALL_OBJECT) {
		for (size_t j = 0; j < i; j++)
			if (art_str_eq(o->fields[j].key, key))
				return 1;
		return 0;
	}
	if (o->nslots < 2 * (i + 1)) {
		size_t n = o->nslots ? o->nslots : 64;
		while (n < 4 * (i + 1))
			n *= 2;
		size_t *s = art_reallocarray(o->slots, n, sizeof *s);
		if (!s)
			return -1;
		o->slots = s;
		o->nslots = n;
		memset(s, 0, n * sizeof *s);
		o->nhashed = 0;
	}
	size_t mask = o->nslots - 1;
	for (; o->nhashed <= i; o->nhashed++) {
		art_str k = o->fields[o->nhashed].key;
		size_t at = key_hash(k) & mask;
		for (; o->slots[at]; at = (at + 1) & mask)
			if (art_str_eq(o->fields[o->slots[at] - 1].key, k))
				return o->nhashed == i; /* only the new key can be a duplicate */
		o->slots[at] = o->nhashed + 1;
	}
	return 0;
}

static int parse_members(struct parser *ps)
{
	struct art_jobject *o = ps->o;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return 0;
	}
	for (;;) {
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != '"')
			return fail(ps, "expected a key");
		struct art_jfield *f = new_field(o);
		if (!f)
			return fail(ps, "out of memory");
		const char *key_at = ps->p;
		f->at = key_at;
		if (parse_string(ps, &f->key) != 0)
			return -1;
		/* The record's keys in their order differ from one another: only
		 * a key out of that order is looked for among the earlier ones. */
		if (o->in_order == o->nfields - 1 && is_field(f->key, o->in_order)) {
			o->in_order++;
		} else {
			int dup = seen_key(o, o->nfields - 1);
			if (dup < 0)
				return fail(ps, "out of memory");
			if (dup) {
				char shown[ART_EXCERPT_SIZE];
				ps->p = key_at;
				return fail(ps, "duplicate key \"%s\"", art_excerpt(shown, f->key));
			}
		}
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != ':')
			return fail(ps, "expected ':'");
		ps->p++;
		skip_ws(ps);
		if (parse_field_value(ps, f) != 0)
			return -1;
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return 0;
		}
		return fail(ps, "expected ',' or '}'");
	}
}

/* Most lines are records as art_json_put_record writes them: then each
 * key, with the punctuation around it, is where the writer puts it, and
 * only the values need parsing.  False at the first difference or error;
 * the line is then parsed from its start by the general parser, which
 * also says what is wrong. */
static bool parse_as_written(struct parser *ps)
{
	struct art_jobject *o = ps->o;
	for (size_t k = 0; k < ART_NFIELDS; k++) {
		art_str lead = art_fields[k].lead;
		if ((size_t)(ps->end - ps->p) < lead.n || memcmp(ps->p, lead.p, lead.n) != 0)
			return false;
		struct art_jfield *f = new_field(o);
		if (!f)
			return false;
		f->at = ps->p + 1; /* after '{' or ',' */
		f->key = (art_str){ps->p + 2, art_fields[k].name.n};
		ps->p += lead.n;
		if (parse_field_value(ps, f) != 0)
			return false;
		o->in_order++;
	}
	if (ps->end - ps->p != 1 || *ps->p != '}')
		return false;
	ps->p++;
	return true;
}

static void start_object(struct art_jobject *o)
{
	o->nfields = o->nitems = o->in_order = 0;
	o->arena.len = 0;
	o->plain = true;
	if (o->nhashed) {
		memset(o->slots, 0, o->nslots * sizeof *o->slots);
		o->nhashed = 0;
	}
}

int art_json_parse(struct art_jobject *o, art_str line, struct art_error *err)
{
	struct parser ps = {line.p, line.p + line.n, line.p, o, err};
	start_object(o);
	if (art_buf_reserve(&o->arena, line.n + 4) != 0)
		return fail(&ps, "out of memory");
	if (parse_as_written(&ps)) {
		o->text = line;
		return 0;
	}
	ps.p = line.p;
	start_object(o);
	skip_ws(&ps);
	if (ps.p >= ps.end || *ps.p != '{')
		return fail(&ps, "not a JSON object");
	const char *open = ps.p;
	if (parse_members(&ps) != 0)
		return -1;
	o->text = (art_str){open, (size_t)(ps.p - open)};
	skip_ws(&ps);
	if (ps.p != ps.end)
		return fail(&ps, "text after the object");
	return 0;
}

const struct art_jfield *art_jobject_get(const struct art_jobject *o, const char *key)
{
	for (size_t i = 0; i < o->nfields; i++)
		if (art_str_eq_cstr(o->fields[i].key, key))
			return &o->fields[i];
	return NULL;
}

void art_jobject_free(struct art_jobject *o)
{
	free(o->fields);
	free(o->items);
	free(o->slots);
	art_buf_free(&o->arena);
	memset(o, 0, sizeof *o);
}

/* A JSON number that is a whole number from 0 to 2^53 (what every JSON
 * reader holds exactly). */
static int whole_number(art_str raw, int64_t *v)
{
	const int64_t max = (int64_t)1 << 53;
	if (raw.n == 0 || raw.n > 16)
		return -1;
	int64_t x = 0;
	for (size_t i = 0; i < raw.n; i++) {
		if (raw.p[i] < '0' || raw.p[i] > '9')
			return -1;
		x = x * 10 + (raw.p[i] - '0');
	}
	if (x > max)
		return -1;
	*v = x;
	return 0;
}

int art_json_whole_number(art_str raw, int64_t *v)
{
	return whole_number(raw, v);
}

int art_record_from_json(struct art_record *r, const struct art_jobject *o, struct art_error *err)
{
	unsigned seen = 0;
	for (size_t i = 0; i < o->nfields; i++) {
		const struct art_jfield *f = &o->fields[i];
		int k = i < o->in_order ? (int)i : art_field_lookup(f->key);
		if (k < 0)
			continue;
		seen |= 1u << k;
		switch (art_fields[k].type) {
		case ART_FT_STRINGS:
			if (f->type != ART_J_ARRAY || !f->strings)
				goto wrong_type;
			/* no items at all may mean no item array yet */
			r->tags = f->nitems ? o->items + f->item0 : NULL;
			r->ntags = f->nitems;
			break;
		case ART_FT_NUMBER:
			if (f->type != ART_J_NUMBER)
				goto wrong_type;
			if (whole_number(f->raw, k == ART_F_LIKES ? &r->likes : &r->read_minutes) !=
			    0) {
				art_error_msg(err,
				              "\"%s\": %.*s is not a whole number from 0 to 2^53",
				              art_fields[k].name.p,
				              (int)(f->raw.n > 30 ? 30 : f->raw.n), f->raw.p);
				return -1;
			}
			break;
		case ART_FT_STRING: {
			if (f->type != ART_J_STRING)
				goto wrong_type;
			art_str *dst[] = {&r->source, &r->date, &r->category, &r->title,
			                  &r->summary};
			*dst[k] = f->str;
			if (k == ART_F_DATE && !art_date_is_iso(f->str)) {
				char shown[ART_EXCERPT_SIZE];
				art_error_msg(err, "\"date\": \"%s\" is not a YYYY-MM-DD date",
				              art_excerpt(shown, f->str));
				return -1;
			}
		}
		}
		continue;
	wrong_type:
		art_error_msg(err, "\"%s\" must be %s", art_fields[k].name.p,
		              art_fields[k].type_words);
		return -1;
	}
	for (int k = 0; k < ART_NFIELDS; k++) {
		if (!(seen & (1u << k))) {
			art_error_msg(err, "missing key \"%s\"", art_fields[k].name.p);
			return -1;
		}
	}
	return 0;
}

/* The surrogate of the \u escape whose four hex digits are at P (which has
 * N bytes), or 0 when it is none. */
static uint32_t escaped_surrogate(const unsigned char *p, size_t n)
{
	if (n < 4)
		return 0;
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval((char)p[i]);
		if (h < 0)
			return 0;
		v = v << 4 | (uint32_t)h;
	}
	return v >= 0xD800 && v <= 0xDFFF ? v : 0;
}

/* At a backslash at P, inside a string of text that parsed: copy the
 * escape to O, a lone surrogate as \ufffd.  The number of bytes taken. */
static size_t mend_escape(const unsigned char *p, const unsigned char *end, char **o)
{
	size_t n = 2; /* \" \\ \/ \b ... */
	uint32_t hi = p[1] == 'u' ? escaped_surrogate(p + 2, (size_t)(end - p - 2)) : 0;
	if (p[1] == 'u')
		n = 6;
	if (hi >= 0xD800 && hi <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
	    escaped_surrogate(p + 8, 4) >= 0xDC00)
		n = 12; /* a pair */
	else if (hi) {
		memcpy(*o, "\\ufffd", 6);
		*o += 6;
		return 6;
	}
	memcpy(*o, p, n);
	*o += n;
	return n;
}

int art_json_put_raw(struct art_buf *b, art_str raw, bool plain)
{
	if (plain)
		return art_buf_append(b, raw.p, raw.n);
	/* an invalid byte becomes three */
	if (art_buf_reserve(b, 3 * raw.n) != 0)
		return -1;
	const unsigned char *p = (const unsigned char *)raw.p, *end = p + raw.n;
	char *o = b->p + b->len;
	while (p < end) {
		if (*p == '\\') { /* only ever in a string, with an escape after it */
			p += mend_escape(p, end, &o);
			continue;
		}
		uint32_t cp;
		size_t n = *p < 0x80 ? 1 : art_utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			p++;
			continue;
		}
		if (*p != '\n' && *p != '\r') { /* only ever white space between tokens */
			memcpy(o, p, n);
			o += n;
		}
		p += n;
	}
	b->len = (size_t)(o - b->p);
	return 0;
}

int art_json_put_object(struct art_buf *b, const struct art_jobject *o)
{
	if (art_json_put_raw(b, o->text, o->plain) != 0)
		return -1;
	return art_buf_putc(b, '\n');
}

/* Writing.  Every string is written by put_string into room reserved
 * beforehand: a byte becomes at most 6 ("\u00XX"). */
#define WORST(n) ((n)*6 + 2)

static char *put_string(char *o, art_str s)
{
	static const char hex[] = "0123456789abcdef";
	const char *p = s.n ? s.p : "", *end = p + s.n; /* an empty view may have no pointer */
	const char *run = p; /* bytes written as they are, not yet copied */
	*o++ = '"';
	for (;;) {
		p = skip_plain(p, end);
		unsigned char c = p < end ? (unsigned char)*p : 0;
		size_t n = 0;
		uint32_t cp;
		if (c >= 0x80 &&
		    (n = art_utf8_decode((const unsigned char *)p, (size_t)(end - p), &cp))) {
			p += n; /* a character outside ASCII stays in the run */
			continue;
		}
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		if (p == end)
			break;
		run = ++p;
		if (c >= 0x80) { /* not UTF-8 */
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"':
			*o++ = '"';
			break;
		case '\\':
			*o++ = '\\';
			break;
		case '\n':
			*o++ = 'n';
			break;
		case '\t':
			*o++ = 't';
			break;
		case '\r':
			*o++ = 'r';
			break;
		case '\b':
			*o++ = 'b';
			break;
		case '\f':
			*o++ = 'f';
			break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
	}
	*o++ = '"';
	return o;
}

int art_json_put_string(struct art_buf *b, art_str s)
{
	if (art_buf_reserve(b, WORST(s.n)) != 0)
		return -1;
	size_t start = b->len;
	b->len = (size_t)(put_string(b->p + b->len, s) - b->p);
	assert(b->len - start <= WORST(s.n));
	return 0;
}

size_t art_json_int(char out[ART_JSON_INT_MAX], int64_t v)
{
	char digits[20];
	size_t n = 0, len = 0;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	if (v < 0)
		out[len++] = '-';
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n > 0)
		out[len++] = digits[--n];
	return len;
}

static char *put_int(char *o, int64_t v)
{
	return o + art_json_int(o, v);
}

#define PUT_LIT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) + sizeof(lit) - 1)

/* The keys before "tags": '{' to the comma after the summary. */
static size_t head_room(const struct art_record *r)
{
	return 64 + WORST(r->source.n) + WORST(r->date.n) + WORST(r->category.n) +
	       WORST(r->title.n) + WORST(r->summary.n);
}

/* The lead of field K (a constant, so the copy is too). */
static inline char *put_lead(char *o, enum art_field k)
{
	memcpy(o, art_fields[k].lead.p, art_fields[k].lead.n);
	return o + art_fields[k].lead.n;
}

/* The lead without its '{' or ',': the key and the colon. */
static inline char *put_key(char *o, enum art_field k)
{
	memcpy(o, art_fields[k].lead.p + 1, art_fields[k].lead.n - 1);
	return o + art_fields[k].lead.n - 1;
}

static char *put_head(char *o, const struct art_record *r)
{
	o = put_string(put_lead(o, ART_F_SOURCE), r->source);
	o = put_string(put_lead(o, ART_F_DATE), r->date);
	o = put_string(put_lead(o, ART_F_CATEGORY), r->category);
	o = put_string(put_lead(o, ART_F_TITLE), r->title);
	o = put_string(put_lead(o, ART_F_SUMMARY), r->summary);
	*o++ = ',';
	return o;
}

/* The keys after "tags": the comma before "likes" to the newline. */
#define TAIL_ROOM (32 + 2 * ART_JSON_INT_MAX)

static char *put_tail(char *o, const struct art_record *r)
{
	o = put_int(put_lead(o, ART_F_LIKES), r->likes);
	o = put_int(put_lead(o, ART_F_READ_MINUTES), r->read_minutes);
	return PUT_LIT(o, "}\n");
}

int art_json_put_record_head(struct art_buf *b, const struct art_record *r)
{
	if (art_buf_reserve(b, head_room(r)) != 0)
		return -1;
	size_t start = b->len;
	b->len = (size_t)(put_head(b->p + b->len, r) - b->p);
	assert(b->len - start <= head_room(r));
	return 0;
}

int art_json_put_record_tail(struct art_buf *b, const struct art_record *r)
{
	if (art_buf_reserve(b, TAIL_ROOM) != 0)
		return -1;
	size_t start = b->len;
	b->len = (size_t)(put_tail(b->p + b->len, r) - b->p);
	assert(b->len - start <= TAIL_ROOM);
	return 0;
}

/* The whole line with one reservation. */
int art_json_put_record(struct art_buf *b, const struct art_record *r)
{
	size_t room = head_room(r) + TAIL_ROOM + 16;
	for (size_t i = 0; i < r->ntags; i++)
		room += WORST(r->tags[i].n) + 1;
	if (art_buf_reserve(b, room) != 0)
		return -1;
	char *o = put_head(b->p + b->len, r);
	o = put_key(o, ART_F_TAGS);
	*o++ = '[';
	for (size_t i = 0; i < r->ntags; i++) {
		if (i)
			*o++ = ',';
		o = put_string(o, r->tags[i]);
	}
	*o++ = ']';
	o = put_tail(o, r);
	assert((size_t)(o - b->p) - b->len <= room);
	b->len = (size_t)(o - b->p);
	return 0;
}
