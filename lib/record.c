#include <config.h>

#include "record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "utf8.h"

int art_field_lookup(art_str name)
{
	for (int i = 0; i < ART_NFIELDS; i++)
		if (art_str_eq(name, art_fields[i].name))
			return i;
	return -1;
}

struct art_key art_key_named(art_str name)
{
	return (struct art_key){name, art_field_lookup(name)};
}

static struct art_value string(art_str s)
{
	return (struct art_value){.type = ART_V_STRING, .str = s};
}

static struct art_value number(int64_t v)
{
	return (struct art_value){.type = ART_V_NUMBER, .num = v};
}

struct art_value art_record_value(const struct art_record *r, const struct art_key *k)
{
	switch (k->field) {
	case ART_F_SOURCE:
		return string(r->source);
	case ART_F_DATE:
		return string(r->date);
	case ART_F_CATEGORY:
		return string(r->category);
	case ART_F_TITLE:
		return string(r->title);
	case ART_F_SUMMARY:
		return string(r->summary);
	case ART_F_TAGS:
		return (struct art_value){
		    .type = ART_V_STRINGS, .items = r->tags, .nitems = r->ntags};
	case ART_F_LIKES:
		return number(r->likes);
	case ART_F_READ_MINUTES:
		return number(r->read_minutes);
	default:
		return (struct art_value){.type = ART_V_MISSING};
	}
}

const char *art_excerpt(char out[ART_EXCERPT_SIZE], art_str s)
{
	const size_t max_in = 60, max_out = ART_EXCERPT_SIZE - sizeof "...";
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, o = 0;
	while (i < s.n) {
		uint32_t cp;
		size_t k = art_utf8_decode(p + i, s.n - i, &cp);
		bool shown = k > 0 && cp >= 0x20 && cp != 0x7F && (cp < 0x80 || cp > 0x9F);
		size_t need = shown ? k : 4 * (k ? k : 1);
		if (i + (k ? k : 1) > max_in || o + need > max_out)
			break;
		if (shown) {
			memcpy(out + o, p + i, k);
			o += k;
			i += k;
		} else {
			for (size_t j = 0; j < (k ? k : 1); j++, i++, o += 4)
				snprintf(out + o, 5, "\\x%02X", p[i]);
		}
	}
	if (i < s.n) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

static art_str place(char **at, art_str s)
{
	art_str r = {*at, s.n};
	if (s.n)
		memcpy(*at, s.p, s.n);
	*at += s.n;
	return r;
}

int art_record_copy(struct art_record_copy *dst, const struct art_record *src)
{
	size_t n = src->source.n + src->date.n + src->category.n + src->title.n + src->summary.n +
	           src->ntags * sizeof(art_str);
	for (size_t i = 0; i < src->ntags; i++)
		n += src->tags[i].n;
	/* tags first, so the art_str array is suitably aligned */
	char *mem = malloc(n ? n : 1);
	if (!mem)
		return -1;
	struct art_record *r = &dst->rec;
	*r = *src;
	r->tags = (art_str *)(void *)mem;
	char *at = mem + src->ntags * sizeof(art_str);
	for (size_t i = 0; i < src->ntags; i++)
		r->tags[i] = place(&at, src->tags[i]);
	r->source = place(&at, src->source);
	r->date = place(&at, src->date);
	r->category = place(&at, src->category);
	r->title = place(&at, src->title);
	r->summary = place(&at, src->summary);
	dst->mem = mem;
	return 0;
}

void art_record_copy_free(struct art_record_copy *c)
{
	free(c->mem);
	c->mem = NULL;
}
