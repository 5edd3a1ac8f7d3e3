#include <config.h>

#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "utf8.h"

struct parser {
	const char *p, *end, *line;
	struct art_jobject *o;
	char *err;
	size_t errsz;
};

static int fail(struct parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct parser *ps, const char *fmt, ...)
{
	int n = snprintf(ps->err, ps->errsz, "column %zu: ", (size_t)(ps->p - ps->line) + 1);
	va_list ap;
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < ps->errsz)
		vsnprintf(ps->err + n, ps->errsz - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
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
		size_t n = art_utf8_decode((const unsigned char *)ps->p - 1, (size_t)(ps->end - ps->p) + 1, &cp);
		return fail(ps, "bad escape '\\%s'", art_excerpt(shown, (art_str){ps->p - 1, n ? n : 1}));
	}
	uint32_t cp;
	if (read_hex4(ps, &cp) != 0)
		return -1;
	if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u') {
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
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD; /* a lone surrogate is no character */
	a->len += art_utf8_encode(cp, a->p + a->len);
	return 0;
}

/* At the opening quote.  Decoded text never outgrows its escaped form and
 * the arena holds as much as the line, so earlier results never move. */
static int parse_string(struct parser *ps, art_str *out)
{
	const char *s = ++ps->p;
	while (ps->p < ps->end) {
		unsigned char c = (unsigned char)*ps->p;
		if (c == '"') {
			*out = (art_str){s, (size_t)(ps->p - s)};
			ps->p++;
			return 0;
		}
		if (c == '\\')
			break;
		if (c < 0x20)
			return fail(ps, "control character in string");
		ps->p++;
	}
	if (ps->p >= ps->end)
		return fail(ps, "unterminated string");
	struct art_buf *a = &ps->o->arena;
	size_t start = a->len;
	memcpy(a->p + a->len, s, (size_t)(ps->p - s));
	a->len += (size_t)(ps->p - s);
	while (ps->p < ps->end) {
		unsigned char c = (unsigned char)*ps->p++;
		if (c == '"') {
			*out = (art_str){a->p + start, a->len - start};
			return 0;
		}
		if (c < 0x20) {
			ps->p--;
			return fail(ps, "control character in string");
		}
		if (c != '\\')
			a->p[a->len++] = (char)c;
		else if (decode_escape(ps, a) != 0)
			return -1;
	}
	return fail(ps, "unterminated string");
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
	if (o->nitems == o->icap) {
		size_t cap = o->icap ? o->icap * 2 : 16;
		art_str *it = realloc(o->items, cap * sizeof *it);
		if (!it)
			return -1;
		o->items = it;
		o->icap = cap;
	}
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
	if (o->nfields == o->fcap) {
		size_t cap = o->fcap ? o->fcap * 2 : 16;
		struct art_jfield *f = realloc(o->fields, cap * sizeof *f);
		if (!f)
			return NULL;
		o->fields = f;
		o->fcap = cap;
	}
	struct art_jfield *f = &o->fields[o->nfields++];
	memset(f, 0, sizeof *f);
	return f;
}

/* Duplicate keys.  A small object compares the new key with each earlier
 * one; a large one looks it up in a hash table of its keys, so that a line
 * of a hundred thousand keys costs no more than its length. */
#define SMALL_OBJECT 16

static size_t key_hash(art_str k)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	for (size_t i = 0; i < k.n; i++)
		h = (h ^ (unsigned char)k.p[i]) * 0x100000001b3u;
	return (size_t)(h ^ (h >> 32));
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
		size_t *s = realloc(o->slots, n * sizeof *s);
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
		if (parse_string(ps, &f->key) != 0)
			return -1;
		int dup = seen_key(o, o->nfields - 1);
		if (dup < 0)
			return fail(ps, "out of memory");
		if (dup) {
			char shown[ART_EXCERPT_SIZE];
			ps->p = key_at;
			return fail(ps, "duplicate key \"%s\"", art_excerpt(shown, f->key));
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

int art_json_parse(struct art_jobject *o, art_str line, char *err, size_t errsz)
{
	struct parser ps = {line.p, line.p + line.n, line.p, o, err, errsz};
	o->nfields = o->nitems = 0;
	o->arena.len = 0;
	if (o->nhashed) {
		memset(o->slots, 0, o->nslots * sizeof *o->slots);
		o->nhashed = 0;
	}
	if (art_buf_reserve(&o->arena, line.n + 4) != 0)
		return fail(&ps, "out of memory");
	skip_ws(&ps);
	if (ps.p >= ps.end || *ps.p != '{')
		return fail(&ps, "not a JSON object");
	if (parse_members(&ps) != 0)
		return -1;
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

int art_json_whole_number(art_str raw, int64_t *v) { return whole_number(raw, v); }

int art_record_from_json(struct art_record *r, const struct art_jobject *o, char *err, size_t errsz)
{
	unsigned seen = 0;
	for (size_t i = 0; i < o->nfields; i++) {
		const struct art_jfield *f = &o->fields[i];
		int k = art_field_lookup(f->key);
		if (k < 0)
			continue;
		seen |= 1u << k;
		switch (k) {
		case ART_F_TAGS:
			if (f->type != ART_J_ARRAY || !f->strings)
				goto wrong_type;
			/* no items at all may mean no item array yet */
			r->tags = f->nitems ? o->items + f->item0 : NULL;
			r->ntags = f->nitems;
			break;
		case ART_F_LIKES:
		case ART_F_READ_MINUTES:
			if (f->type != ART_J_NUMBER)
				goto wrong_type;
			if (whole_number(f->raw, k == ART_F_LIKES ? &r->likes : &r->read_minutes) != 0) {
				snprintf(err, errsz, "\"%s\": %.*s is not a whole number from 0 to 2^53",
					 art_field_names[k], (int)(f->raw.n > 30 ? 30 : f->raw.n), f->raw.p);
				return -1;
			}
			break;
		default: {
			if (f->type != ART_J_STRING)
				goto wrong_type;
			art_str *dst[] = {&r->source, &r->date, &r->category, &r->title, &r->summary};
			*dst[k] = f->str;
			if (k == ART_F_DATE && !art_date_is_iso(f->str)) {
				char shown[ART_EXCERPT_SIZE];
				snprintf(err, errsz, "\"date\": \"%s\" is not a YYYY-MM-DD date",
					 art_excerpt(shown, f->str));
				return -1;
			}
		}
		}
		continue;
	wrong_type:
		snprintf(err, errsz, "\"%s\" must be %s", art_field_names[k],
			 k == ART_F_TAGS ? "an array of strings"
			 : (k == ART_F_LIKES || k == ART_F_READ_MINUTES) ? "a number"
									 : "a string");
		return -1;
	}
	for (int k = 0; k < ART_NFIELDS; k++) {
		if (!(seen & (1u << k))) {
			snprintf(err, errsz, "missing key \"%s\"", art_field_names[k]);
			return -1;
		}
	}
	return 0;
}

/* Bytes the writer must look at: 1 escape, 2 not ASCII. */
static const unsigned char special[256] = {
	[0 ... 0x1F] = 1, ['"'] = 1, ['\\'] = 1, [0x80 ... 0xFF] = 2,
};

int art_json_put_string(struct art_buf *b, art_str s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)(s.n ? s.p : ""), *end = p + s.n;
	/* worst case: every byte becomes \u00XX or U+FFFD */
	if (art_buf_reserve(b, s.n * 6 + 2) != 0)
		return -1;
	char *o = b->p + b->len;
	*o++ = '"';
	while (p < end) {
		const unsigned char *run = p;
		while (p < end && !special[*p])
			p++;
		memcpy(o, run, (size_t)(p - run));
		o += p - run;
		if (p == end)
			break;
		if (special[*p] == 2) {
			uint32_t cp;
			size_t n = art_utf8_decode(p, (size_t)(end - p), &cp);
			if (n) {
				memcpy(o, p, n);
				o += n;
				p += n;
			} else {
				memcpy(o, "\xEF\xBF\xBD", 3);
				o += 3;
				p++;
			}
			continue;
		}
		unsigned char c = *p++;
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\n': *o++ = 'n'; break;
		case '\t': *o++ = 't'; break;
		case '\r': *o++ = 'r'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		default:
			memcpy(o, "u00", 3);
			o[3] = hex[c >> 4];
			o[4] = hex[c & 15];
			o += 5;
		}
	}
	*o++ = '"';
	b->len = (size_t)(o - b->p);
	return 0;
}

static int put_key(struct art_buf *b, const char *lit, size_t n) { return art_buf_append(b, lit, n); }
#define PUT_LIT(b, lit) put_key((b), (lit), sizeof(lit) - 1)

int art_json_put_record_head(struct art_buf *b, const struct art_record *r)
{
	int rc = 0;
	rc |= PUT_LIT(b, "{\"source\":");
	rc |= art_json_put_string(b, r->source);
	rc |= PUT_LIT(b, ",\"date\":");
	rc |= art_json_put_string(b, r->date);
	rc |= PUT_LIT(b, ",\"category\":");
	rc |= art_json_put_string(b, r->category);
	rc |= PUT_LIT(b, ",\"title\":");
	rc |= art_json_put_string(b, r->title);
	rc |= PUT_LIT(b, ",\"summary\":");
	rc |= art_json_put_string(b, r->summary);
	rc |= art_buf_putc(b, ',');
	return rc ? -1 : 0;
}

int art_json_put_record_tail(struct art_buf *b, const struct art_record *r)
{
	return art_buf_printf(b, ",\"likes\":%lld,\"read_minutes\":%lld}\n", (long long)r->likes,
			      (long long)r->read_minutes);
}

int art_json_put_record(struct art_buf *b, const struct art_record *r)
{
	int rc = art_json_put_record_head(b, r);
	rc |= PUT_LIT(b, "\"tags\":[");
	for (size_t i = 0; i < r->ntags; i++) {
		if (i)
			rc |= art_buf_putc(b, ',');
		rc |= art_json_put_string(b, r->tags[i]);
	}
	rc |= art_buf_putc(b, ']');
	rc |= art_json_put_record_tail(b, r);
	return rc ? -1 : 0;
}
