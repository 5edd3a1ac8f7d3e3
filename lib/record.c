#include <config.h>

#include "record.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

const char *const art_field_names[ART_NFIELDS] = {
	"source", "date", "category", "title", "summary", "tags", "likes", "read_minutes",
};

int art_field_lookup(art_str name)
{
	for (int i = 0; i < ART_NFIELDS; i++)
		if (art_str_eq_cstr(name, art_field_names[i]))
			return i;
	return -1;
}

void art_error_set(struct art_error *e, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	e->line = line;
	e->errnum = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
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
	size_t n = src->source.n + src->date.n + src->category.n + src->title.n +
		   src->summary.n + src->ntags * sizeof(art_str);
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
