#include <config.h>

#include "tags.h"

#include <stdlib.h>

struct art_tagger {
	int explain;
};

struct art_tagger *art_tagger_new(void) { return calloc(1, sizeof(struct art_tagger)); }
void art_tagger_free(struct art_tagger *t) { free(t); }
static int is_up(char c) { return c >= 'A' && c <= 'Z'; }
static int is_low(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

static int push(struct art_tagsplit *s, art_str tag)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		art_str *t = realloc(s->tags, cap * sizeof *t);
		if (!t)
			return -1;
		s->tags = t;
		s->cap = cap;
	}
	s->tags[s->n++] = tag;
	return 0;
}

int art_tags_split(struct art_tagger *t, art_str line, art_str title, art_str summary,
		   struct art_tagsplit *split)
{
	(void)t;
	(void)title;
	(void)summary;
	split->n = 0;
	split->explain.len = 0;
	size_t start = 0;
	for (size_t i = 1; i < line.n; i++) {
		const char *p = line.p;
		int cut = (is_low(p[i - 1]) && is_up(p[i])) ||
			  (is_up(p[i - 1]) && is_up(p[i]) && i + 1 < line.n && is_low(p[i + 1]));
		if (cut) {
			if (push(split, (art_str){p + start, i - start}) != 0)
				return -1;
			start = i;
		}
	}
	if (line.n > start && push(split, (art_str){line.p + start, line.n - start}) != 0)
		return -1;
	return 0;
}

void art_tagsplit_free(struct art_tagsplit *s)
{
	free(s->tags);
	art_buf_free(&s->explain);
	memset(s, 0, sizeof *s);
}
