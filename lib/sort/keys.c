#include <config.h>

#include "sorter.h"

#include <stdio.h>
#include <stdlib.h>

#include "fold.h"
#include "json.h"

int art_sort_add_keys(struct art_sort_spec *spec, const char *list, struct art_error *err)
{
	for (const char *p = list;;) {
		size_t n = strcspn(p, ",");
		art_str name = {p, n}, dir = {"", 0};
		const char *colon = memchr(p, ':', n);
		if (colon) {
			name.n = (size_t)(colon - p);
			dir = (art_str){colon + 1, n - name.n - 1};
		}
		if (name.n == 0) {
			art_error_msg(err, "empty key name in '%s'", list);
			return -1;
		}
		if (colon && !art_str_eq_cstr(dir, "desc") && !art_str_eq_cstr(dir, "asc")) {
			art_error_msg(err, "unknown order '%.*s' for key '%.*s' (asc or desc)",
			              (int)dir.n, dir.p, (int)name.n, name.p);
			return -1;
		}
		if (spec->nkeys == ART_SORT_MAX_KEYS) {
			art_error_msg(err, "more than %d keys", ART_SORT_MAX_KEYS);
			return -1;
		}
		spec->key[spec->nkeys++] = (struct art_sort_key){
		    name, art_field_lookup(name), colon && art_str_eq_cstr(dir, "desc")};
		if (!p[n])
			return 0;
		p += n + 1;
	}
}

/* What a key's value is, in the order the classes sort. */
enum { CLS_NUMBER, CLS_STRING, CLS_JSON, CLS_MISSING };

static int sign(int c)
{
	return (c > 0) - (c < 0);
}

struct art_sort_spec sort_normalized(const struct art_sort_spec *spec)
{
	struct art_sort_spec sp = *spec;
	if (sp.nkeys == 0) {
		sp.key[0] = (struct art_sort_key){ART_STR("date"), ART_F_DATE, false};
		sp.nkeys = 1;
	}
	for (size_t i = 0; i < sp.nkeys; i++)
		sp.key[i].desc ^= sp.reverse;
	sp.reverse = false;
	return sp;
}

/* A JSON number's text as a double.  -0 is 0. */
static double json_number(art_str raw)
{
	char small[64];
	char *text = raw.n < sizeof small ? small : malloc(raw.n + 1);
	if (!text)
		return 0; /* out of memory: no order is wrong */
	memcpy(text, raw.p, raw.n);
	text[raw.n] = '\0';
	double d = strtod(text, NULL) + 0.0;
	if (text != small)
		free(text);
	return d;
}

static const struct art_jfield *find_key(const struct art_jobject *o, art_str name)
{
	for (size_t i = 0; o && i < o->nfields; i++)
		if (art_str_eq(o->fields[i].key, name))
			return &o->fields[i];
	return NULL;
}

/* Keys are encoded one after another: a class byte, then a number's
 * double (8 bytes) or a string's [u32 length][bytes] (folded when the spec
 * folds), nothing for a missing key.  Packed without padding, read with
 * memcpy. */
static int put_number(struct art_buf *b, double d)
{
	char c = CLS_NUMBER;
	return art_buf_append(b, &c, 1) | art_buf_append(b, &d, 8);
}

static int put_text(struct art_buf *b, int cls, art_str s, bool fold)
{
	char c = (char)cls;
	uint32_t n = (uint32_t)s.n;
	if (art_buf_append(b, &c, 1) != 0 || art_buf_append(b, &n, 4) != 0)
		return -1;
	size_t at = b->len;
	if (!fold)
		return art_buf_append(b, s.p, s.n);
	if (art_fold(b, s) != 0)
		return -1;
	n = (uint32_t)(b->len - at);
	memcpy(b->p + at - 4, &n, 4);
	return 0;
}

static int put_field(struct art_buf *b, const struct art_record *r, int field, bool fold)
{
	switch (field) {
	case ART_F_TAGS:
		return put_number(b, (double)r->ntags);
	case ART_F_LIKES:
		return put_number(b, (double)r->likes);
	case ART_F_READ_MINUTES:
		return put_number(b, (double)r->read_minutes);
	default: {
		const art_str *s[] = {&r->source, &r->date, &r->category, &r->title, &r->summary};
		return put_text(b, CLS_STRING, *s[field], fold);
	}
	}
}

static int put_extra(struct art_buf *b, const struct art_jfield *f, bool fold)
{
	if (!f) {
		char c = CLS_MISSING;
		return art_buf_append(b, &c, 1);
	}
	switch (f->type) {
	case ART_J_NUMBER:
		return put_number(b, json_number(f->raw));
	case ART_J_STRING:
		return put_text(b, CLS_STRING, f->str, fold);
	default:
		return put_text(b, CLS_JSON, f->raw, false);
	}
}

/* Append the encoded keys of ITEM to B.  0, or -1 when out of memory. */
static int encode_keys(const struct art_sort_spec *sp, const struct art_item *item,
                       struct art_buf *b)
{
	for (size_t i = 0; i < sp->nkeys; i++) {
		const struct art_sort_key *k = &sp->key[i];
		int rc = k->field >= 0 ? put_field(b, item->rec, k->field, sp->fold)
		                       : put_extra(b, find_key(item->obj, k->name), sp->fold);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int cmp_double(double x, double y)
{
	return (x > y) - (x < y);
}

/* Compare two runs of encoded keys. */
static int keys_cmp(const struct art_sort_spec *sp, const unsigned char *a, const unsigned char *b)
{
	for (size_t i = 0; i < sp->nkeys; i++) {
		int ca = *a++, cb = *b++, c;
		if (ca != cb) {
			if (ca == CLS_MISSING || cb == CLS_MISSING)
				return ca == CLS_MISSING ? 1 : -1; /* last either way */
			return sp->key[i].desc ? cb - ca : ca - cb;
		}
		if (ca == CLS_MISSING)
			continue;
		if (ca == CLS_NUMBER) {
			double x, y;
			memcpy(&x, a, 8);
			memcpy(&y, b, 8);
			c = cmp_double(x, y);
			a += 8;
			b += 8;
		} else {
			uint32_t la = get32(a), lb = get32(b);
			c = sign(art_str_cmp((art_str){(const char *)a + 4, la},
			                     (art_str){(const char *)b + 4, lb}));
			a += 4 + la;
			b += 4 + lb;
		}
		if (c)
			return sp->key[i].desc ? -c : c;
	}
	return 0;
}

int art_sort_compare(const struct art_sort_spec *spec, const struct art_item *a,
                     const struct art_item *b)
{
	struct art_sort_spec sp = sort_normalized(spec);
	struct art_buf ka = {0}, kb = {0};
	int c = 0;
	if (encode_keys(&sp, a, &ka) == 0 && encode_keys(&sp, b, &kb) == 0)
		c = keys_cmp(&sp, (const unsigned char *)ka.p, (const unsigned char *)kb.p);
	art_buf_free(&ka);
	art_buf_free(&kb);
	return c;
}

/* The layout of a blob is in sorter.h. */

static void put32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

art_str sort_blob_line(const unsigned char *b)
{
	uint32_t size = get32(b), n = get32(b + 4);
	return (art_str){(const char *)b + size - n, n};
}

/* ITEM's blob in B: the head, the keys, the line as it was read. */
int sort_make_blob(const struct art_sort_spec *sp, const struct art_item *item, struct art_buf *b)
{
	b->len = 0;
	if (art_buf_reserve(b, BLOB_HEAD) != 0)
		return -1;
	b->len = BLOB_HEAD;
	if (encode_keys(sp, item, b) != 0)
		return -1;
	size_t keys_end = b->len;
	if (art_item_put(b, item) != 0 || b->len > UINT32_MAX)
		return -1;
	put32((unsigned char *)b->p, (uint32_t)b->len);
	put32((unsigned char *)b->p + 4, (uint32_t)(b->len - keys_end));
	return 0;
}

int sort_blob_cmp(const struct art_sort_spec *sp, const unsigned char *a, const unsigned char *b)
{
	return keys_cmp(sp, a + BLOB_HEAD, b + BLOB_HEAD);
}

static bool is_number_field(int field)
{
	return field >= 0 && art_fields[field].type != ART_FT_STRING; /* tags: their number */
}

/* The first key as an unsigned number that orders as the key does, in its
 * direction: a number's bits made to order as unsigned, a date's eight
 * digits YYYYMMDD (the whole date, where "YYYY-MM-" would leave the
 * records of a month to the full comparison), another string's first
 * bytes.  A key of the record is always there and always of one class,
 * so all 64 bits are its own; any other key may be of any class or
 * missing: its class goes in the top bits, and a missing key above all. */
uint64_t sort_prefix(const struct art_sort_spec *sp, const unsigned char *keys)
{
	const struct art_sort_key *k = &sp->key[0];
	int cls = keys[0];
	if (cls == CLS_MISSING)
		return UINT64_MAX;
	uint64_t v = 0;
	if (cls == CLS_NUMBER) {
		memcpy(&v, keys + 1, 8);
		v = v >> 63 ? ~v : v | UINT64_C(1) << 63;
	} else {
		static const unsigned char date_digits[8] = {0, 1, 2, 3, 5, 6, 8, 9};
		uint32_t n = get32(keys + 1);
		bool date = k->field == ART_F_DATE && n == 10;
		for (size_t i = 0; i < 8; i++) {
			size_t at = date ? date_digits[i] : i;
			v = v << 8 | (at < n ? keys[5 + at] : 0);
		}
	}
	if (k->field >= 0)
		return k->desc ? ~v : v;
	uint64_t q = (uint64_t)cls << 61 | v >> 3;
	return k->desc ? (UINT64_C(1) << 63) - 1 - q : q;
}

/* Whether equal prefixes mean equal keys: one key of the record, a number
 * or the date. */
static bool prefix_is_whole(const struct art_sort_spec *sp)
{
	int field = sp->key[0].field;
	return sp->nkeys == 1 && (is_number_field(field) || field == ART_F_DATE);
}

/* Stable merge sort of N entries, with room for N/2 in TMP. */
static void sort_ents(const struct art_sort_spec *sp, struct ent *a, struct ent *tmp, size_t n)
{
	bool whole = prefix_is_whole(sp);
#define ENT_LESS(x, y)                                                                             \
	((x).prefix != (y).prefix ? (x).prefix < (y).prefix                                        \
	                          : !whole && sort_blob_cmp(sp, (x).blob, (y).blob) < 0)
	if (n <= 12) {
		for (size_t i = 1; i < n; i++) {
			struct ent e = a[i];
			size_t j = i;
			for (; j > 0 && ENT_LESS(e, a[j - 1]); j--)
				a[j] = a[j - 1];
			a[j] = e;
		}
		return;
	}
	size_t h = n / 2;
	sort_ents(sp, a, tmp, h);
	sort_ents(sp, a + h, tmp, n - h);
	if (!ENT_LESS(a[h], a[h - 1]))
		return; /* already in order */
	memcpy(tmp, a, h * sizeof *tmp);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		a[k++] = ENT_LESS(a[j], tmp[i]) ? a[j++] : tmp[i++];
	while (i < h)
		a[k++] = tmp[i++];
#undef ENT_LESS
}

int sort_memory(struct art_sorter *s, struct art_error *err)
{
	if (s->n < 2)
		return ART_OK;
	struct ent *tmp = malloc((s->n / 2 + 1) * sizeof *tmp);
	if (!tmp)
		return sort_oom(err);
	sort_ents(&s->spec, s->ents, tmp, s->n);
	free(tmp);
	return ART_OK;
}
