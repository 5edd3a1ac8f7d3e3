#include <config.h>

#include "columns.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "json.h"
#include "record.h"

/* The record's eight keys, then the keys of O (the record as read, when
 * it was read from JSON) that are not among them, in their order. */
static int set_record_columns(struct art_columns *c, const struct art_jobject *o)
{
	size_t extra = 0, bytes = 0;
	for (size_t i = 0; o && i < o->nfields; i++) {
		if (art_field_lookup(o->fields[i].key) < 0) {
			extra++;
			bytes += o->fields[i].key.n;
		}
	}
	c->col = calloc(ART_NFIELDS + extra, sizeof *c->col);
	c->names = malloc(bytes ? bytes : 1);
	if (!c->col || !c->names)
		return -1;
	for (int k = 0; k < ART_NFIELDS; k++) {
		c->col[k] = (struct art_column){art_fields[k].name, k,
		                                art_fields[k].type == ART_FT_NUMBER, (size_t)k};
	}
	c->n = ART_NFIELDS;
	char *at = c->names;
	for (size_t i = 0; o && i < o->nfields; i++) {
		const struct art_jfield *f = &o->fields[i];
		if (art_field_lookup(f->key) >= 0)
			continue;
		if (f->key.n)
			memcpy(at, f->key.p, f->key.n);
		c->col[c->n++] =
		    (struct art_column){{at, f->key.n}, -1, f->type == ART_J_NUMBER, i};
		at += f->key.n;
	}
	c->records = true;
	return 0;
}

static int set_object_columns(struct art_columns *c, const struct art_jobject *o)
{
	size_t bytes = 0;
	for (size_t i = 0; i < o->nfields; i++)
		bytes += o->fields[i].key.n;
	c->col = calloc(o->nfields ? o->nfields : 1, sizeof *c->col);
	c->names = malloc(bytes ? bytes : 1);
	if (!c->col || !c->names)
		return -1;
	char *at = c->names;
	for (size_t i = 0; i < o->nfields; i++) {
		const struct art_jfield *f = &o->fields[i];
		if (f->key.n)
			memcpy(at, f->key.p, f->key.n);
		c->col[i] = (struct art_column){
		    {at, f->key.n}, art_field_lookup(f->key), f->type == ART_J_NUMBER, i};
		at += f->key.n;
	}
	c->n = o->nfields;
	return 0;
}

/* The names of the columns, for a message: "a, b, c". */
static void list_names(const struct art_columns *c, char *out, size_t outsz)
{
	size_t at = 0;
	out[0] = '\0';
	for (size_t i = 0; i < c->n && at + 1 < outsz; i++) {
		int n = snprintf(out + at, outsz - at, "%s%.*s", i ? ", " : "",
		                 (int)c->col[i].name.n, c->col[i].name.p);
		if (n < 0)
			break;
		at += (size_t)n;
	}
	if (at >= outsz && outsz > 4)
		memcpy(out + outsz - 4, "...", 4);
}

/* The next name of a comma-separated LIST at *P. */
static art_str next_name(const char **p)
{
	const char *s = *p, *comma = strchr(s, ',');
	size_t n = comma ? (size_t)(comma - s) : strlen(s);
	*p = comma ? comma + 1 : NULL;
	return (art_str){s, n};
}

static int check_name(art_str name, const struct art_column *chosen, size_t nchosen,
                      struct art_error *err)
{
	if (name.n == 0) {
		art_error_msg(err, "empty field name in the field list");
		return -1;
	}
	for (size_t j = 0; j < nchosen; j++) {
		if (art_str_eq(chosen[j].name, name)) {
			art_error_msg(err, "field \"%.*s\" given twice", (int)name.n, name.p);
			return -1;
		}
	}
	return 0;
}

static int select_columns(struct art_columns *c, const char *list, struct art_error *err)
{
	size_t max = 1;
	for (const char *s = list; *s; s++)
		max += *s == ',';
	struct art_column *chosen = calloc(max, sizeof *chosen);
	if (!chosen) {
		art_error_msg(err, "out of memory");
		return -1;
	}
	size_t n = 0;
	for (const char *p = list; p;) {
		art_str name = next_name(&p);
		if (check_name(name, chosen, n, err) != 0)
			goto fail;
		size_t i = 0;
		while (i < c->n && !art_str_eq(c->col[i].name, name))
			i++;
		if (i == c->n && c->records) {
			/* records may hold any key: one they lack is an empty cell */
			chosen[n++] = (struct art_column){name, -1, false, SIZE_MAX};
			continue;
		}
		if (i == c->n) {
			char known[900];
			list_names(c, known, sizeof known);
			art_error_msg(err, "unknown field \"%.*s\" (the fields are: %s)",
			              (int)(name.n > 60 ? 60 : name.n), name.p, known);
			goto fail;
		}
		chosen[n++] = c->col[i];
	}
	free(c->col);
	c->col = chosen;
	c->n = n;
	return 0;
fail:
	free(chosen);
	return -1;
}

int art_columns_init(struct art_columns *c, const struct art_item *first, const char *list,
                     struct art_error *err)
{
	memset(c, 0, sizeof *c);
	int rc = first->rec ? set_record_columns(c, first->obj) : set_object_columns(c, first->obj);
	if (rc != 0) {
		art_error_msg(err, "out of memory");
		return -1;
	}
	return list ? select_columns(c, list, err) : 0;
}

int art_columns_of_records(struct art_columns *c, struct art_error *err)
{
	memset(c, 0, sizeof *c);
	if (set_record_columns(c, NULL) == 0)
		return 0;
	art_error_msg(err, "out of memory");
	return -1;
}

int art_columns_from_list(struct art_columns *c, const char *list, struct art_error *err)
{
	memset(c, 0, sizeof *c);
	size_t max = 1;
	for (const char *s = list; *s; s++)
		max += *s == ',';
	c->col = calloc(max, sizeof *c->col);
	c->names = strdup(list);
	if (!c->col || !c->names) {
		art_error_msg(err, "out of memory");
		return -1;
	}
	c->records = true;
	for (const char *p = c->names; p;) {
		art_str name = next_name(&p);
		if (check_name(name, c->col, c->n, err) != 0)
			return -1;
		int k = art_field_lookup(name);
		c->records &= k >= 0;
		c->col[c->n] =
		    (struct art_column){name, k, k == ART_F_LIKES || k == ART_F_READ_MINUTES, c->n};
		c->n++;
	}
	return 0;
}

void art_columns_free(struct art_columns *c)
{
	free(c->col);
	free(c->names);
	memset(c, 0, sizeof *c);
}

static void record_cell(const struct art_record *r, int field, struct art_cell *cell)
{
	switch (field) {
	case ART_F_TAGS:
		cell->kind = ART_CELL_STRINGS;
		cell->items = r->tags;
		cell->nitems = r->ntags;
		return;
	case ART_F_LIKES:
	case ART_F_READ_MINUTES: {
		size_t n =
		    art_json_int(cell->num, field == ART_F_LIKES ? r->likes : r->read_minutes);
		cell->kind = ART_CELL_NUMBER;
		cell->text = (art_str){cell->num, n};
		return;
	}
	default: {
		const art_str *s[] = {&r->source, &r->date, &r->category, &r->title, &r->summary};
		cell->kind = ART_CELL_STRING;
		cell->text = *s[field];
	}
	}
}

static void object_cell(const struct art_jobject *o, const struct art_column *col,
                        struct art_cell *cell)
{
	const struct art_jfield *f = NULL;
	if (col->hint < o->nfields && art_str_eq(o->fields[col->hint].key, col->name)) {
		f = &o->fields[col->hint];
	} else {
		for (size_t i = 0; i < o->nfields && !f; i++)
			if (art_str_eq(o->fields[i].key, col->name))
				f = &o->fields[i];
	}
	if (!f) {
		cell->kind = ART_CELL_MISSING;
		return;
	}
	cell->text = f->raw;
	switch (f->type) {
	case ART_J_STRING:
		cell->kind = ART_CELL_STRING;
		cell->text = f->str;
		break;
	case ART_J_ARRAY:
		cell->kind = f->strings ? ART_CELL_STRINGS : ART_CELL_JSON;
		/* an object of empty arrays may have no items at all */
		cell->items = f->nitems ? o->items + f->item0 : NULL;
		cell->nitems = f->nitems;
		break;
	case ART_J_NUMBER:
		cell->kind = ART_CELL_NUMBER;
		break;
	case ART_J_TRUE:
		cell->kind = ART_CELL_TRUE;
		break;
	case ART_J_FALSE:
		cell->kind = ART_CELL_FALSE;
		break;
	case ART_J_NULL:
		cell->kind = ART_CELL_NULL;
		break;
	case ART_J_OBJECT:
		cell->kind = ART_CELL_JSON;
		break;
	}
}

void art_cell_get(const struct art_columns *c, size_t i, const struct art_item *item,
                  struct art_cell *cell)
{
	const struct art_column *col = &c->col[i];
	cell->text = (art_str){"", 0};
	cell->items = NULL;
	cell->nitems = 0;
	if (item->rec && col->field >= 0)
		record_cell(item->rec, col->field, cell);
	else if (item->obj)
		object_cell(item->obj, col, cell);
	else
		cell->kind = ART_CELL_MISSING;
}

art_str art_cell_plain(const struct art_cell *cell)
{
	switch (cell->kind) {
	case ART_CELL_MISSING:
	case ART_CELL_NULL:
	case ART_CELL_STRINGS:
		return (art_str){"", 0};
	default:
		return cell->text;
	}
}

int art_cell_text(const struct art_cell *cell, art_str sep, struct art_buf *b)
{
	if (cell->kind != ART_CELL_STRINGS) {
		return art_buf_append_text(b, art_cell_plain(cell));
	}
	for (size_t i = 0; i < cell->nitems; i++) {
		if ((i && art_buf_append(b, sep.p, sep.n) != 0) ||
		    art_buf_append_text(b, cell->items[i]) != 0)
			return -1;
	}
	return 0;
}
