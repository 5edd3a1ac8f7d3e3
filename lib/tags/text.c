/* text.c - the record's context: the words of its title and summary
 * that the line could have, found and chained as the text is read
 * (tags_ctx_build), and what the other files ask of them: the score of a
 * word of the line by whether the text has it, as it is or in another
 * form (tags_word_info_now), and where in the line such words start and
 * end.  The common words and the endings that make two forms of a word
 * are here. */
#include <config.h>

#include "tagger.h"

#include <pthread.h>
#include <stdlib.h>

/* Words too common to say anything about a tag. */
static const char *const common_words[] = {
    "a",    "an",  "and",  "are", "as",   "at",   "be",  "by",    "can",  "do",  "for",
    "from", "has", "have", "how", "in",   "into", "is",  "it",    "its",  "new", "not",
    "of",   "on",  "or",   "our", "than", "that", "the", "their", "this", "to",  "use",
    "via",  "vs",  "was",  "we",  "what", "when", "why", "will",  "with", "you", "your",
};
enum { NCOMMON = sizeof common_words / sizeof *common_words };

/* Endings that make two words one ("refactoring", "refactored"); the
 * first NINFLECT may also follow a whole word ("service", "services"). */
enum { NINFLECT = 8 };
#define E(s)                                                                                       \
	{                                                                                          \
		s, sizeof s - 1                                                                    \
	}
static const struct {
	char s[8];
	unsigned char n;
} endings[] = {
    E("s"),       E("es"),      E("ed"),      E("d"),    E("ing"),   E("ings"),  E("er"),
    E("ers"),     E("e"),       E("or"),      E("ors"),  E("ion"),   E("ions"),  E("ation"),
    E("ations"),  E("ization"), E("isation"), E("ity"),  E("ities"), E("ility"), E("ibility"),
    E("ability"), E("able"),    E("ible"),    E("ably"), E("le"),    E("ment"),  E("ments"),
    E("ly"),      E("al"),      E("ally"),    E("ar"),   E("ic"),    E("ics"),   E("ical"),
    E("ive"),     E("ives"),    E("ize"),     E("ized"), E("izes"),  E("ise"),   E("ised"),
    E("y"),       E("ies"),     E("ied"),     E("ness"), E("ism"),   E("ist"),   E("ists"),
    E("ence"),    E("ance"),    E("ency"),    E("ent"),  E("ant"),   E("ure"),   E("ous"),
};
#undef E
enum { NENDINGS = sizeof endings / sizeof *endings };

/* The tables of endings, the same for every tagger: built once (by
 * tags_text_init, whichever tagger comes first, whatever its thread), then
 * only read.  By first letter, bit n set when an ending of n letters
 * starts with it; the endings by pack_lower, hashed (0: none), and their
 * numbers. */
static struct {
	unsigned char first[256];
	uint64_t keys[128];
	unsigned char nums[128];
} endings_by;
static pthread_once_t endings_once = PTHREAD_ONCE_INIT;

static void endings_build(void)
{
	for (size_t e = 0; e < NENDINGS; e++) {
		const unsigned char *w = (const unsigned char *)endings[e].s;
		uint64_t x = pack_lower(w, endings[e].n);
		size_t i = small_slot(x);
		while (endings_by.keys[i])
			i = (i + 1) & 127;
		endings_by.keys[i] = x;
		endings_by.nums[i] = (unsigned char)e;
		endings_by.first[w[0]] |= (unsigned char)(1u << endings[e].n);
	}
}

/* How many bytes X and Y (as load8 reads them) start with alike, up to 8. */
static inline size_t same_bytes(uint64_t x, uint64_t y)
{
	uint64_t d = x ^ y;
	if (!d)
		return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(d) / 8;
#else
	return (size_t)__builtin_ctzll(d) / 8;
#endif
}

/* How many characters of the line from Q and of the word W of the text
 * (at most N) are alike but for case. */
static inline size_t same_start(const struct art_tagger *t, size_t q, const struct tword *w,
                                size_t n)
{
	size_t k = same_bytes(load8(t->line.fold + q), w->low8);
	if (k == 8)
		while (k < n && t->line.fold[q + k] == (w->w[k] | 0x20))
			k++;
	return k < n ? k : n;
}

/* The tagger's tables of common words; the tables of endings, once. */
void tags_text_init(struct art_tagger *t)
{
	for (size_t c = 0; c < NCOMMON; c++) {
		const char *w = common_words[c];
		if (strlen(w) == 2)
			set_bit(t->tables.common2, (unsigned)((w[0] - 'a') * 26 + (w[1] - 'a')));
		uint64_t x = pack_lower((const unsigned char *)w, strlen(w));
		size_t i = small_slot(x);
		while (t->tables.common[i])
			i = (i + 1) & 127;
		t->tables.common[i] = x;
	}
	pthread_once(&endings_once, endings_build);
}

/* ---- finding the words of the text ---- */

/* The first place of the line with the triple X, or -1. */
static inline long triple_place(const struct art_tagger *t, uint32_t x)
{
	for (size_t h = triple_slot(x);; h = (h + 1) & (NTRIPLES - 1)) {
		uint64_t e = t->ctx.triples[h];
		if (e >> 48 != t->ctx.gen)
			return -1;
		if ((e >> 16 & 0xFFFFFF) == x)
			return (long)(e & 0xFFFF);
	}
}

/* The places of the line that start with W[0..k), k = 2 or 3 letters and
 * digits in any case, as bits in POS (t->line.nb blocks).  False for none. */
static bool line_places(const struct art_tagger *t, const unsigned char *w, size_t k, uint64_t *pos)
{
	const unsigned char *f = t->line.fold;
	unsigned char c0 = w[0] | 0x20, c1 = w[1] | 0x20, c2 = k > 2 ? w[2] | 0x20 : 0;
	uint64_t any = 0;
	memset(pos, 0, t->line.nb * sizeof *pos);
#ifdef __SSE2__
	__m128i v0 = _mm_set1_epi8((char)c0), v1 = _mm_set1_epi8((char)c1),
	        v2 = _mm_set1_epi8((char)c2);
	for (size_t q = 0; q < t->line.n; q += 16) {
		__m128i e = _mm_and_si128(_mm_cmpeq_epi8(load16(f + q), v0),
		                          _mm_cmpeq_epi8(load16(f + q + 1), v1));
		if (k > 2)
			e = _mm_and_si128(e, _mm_cmpeq_epi8(load16(f + q + 2), v2));
		uint64_t m = (uint64_t)_mm_movemask_epi8(e);
		pos[q / 64] |= m << (q % 64);
		any |= m;
	}
#else
	for (size_t q = 0; q < t->line.n; q++)
		if (f[q] == c0 && f[q + 1] == c1 && (k == 2 || f[q + 2] == c2)) {
			pos[q / 64] |= 1ull << (q % 64);
			any = 1;
		}
#endif
	return any != 0;
}

/* Put the word W[0..N) of the text first in the chain *HEAD (later words go
 * first, so a chain reads as the text read backwards). */
static int ctx_push(struct art_tagger *t, uint32_t *head, const unsigned char *w, size_t n)
{
	if (art_grow(&t->ctx.words, &t->ctx.words_cap, t->ctx.nwords + 1, sizeof *t->ctx.words,
	             64) != 0)
		return -1;
	uint64_t low8 = load8(w) | 0x2020202020202020ull;
	t->ctx.words[t->ctx.nwords] = (struct tword){w, (uint32_t)n, *head, low8};
	*head = (uint32_t)++t->ctx.nwords;
	return 0;
}

/* The word of the text W[0..N) of three characters or more, whose first
 * three are those of the line at FIRST and the places chained from it: the
 * first word of a chain makes those places ones where a word may start. */
static int ctx_add_long(struct art_tagger *t, const unsigned char *w, size_t n, size_t first)
{
	if (n > UINT16_MAX || common_word(t, w, n))
		return 0;
	if (!t->ctx.head3[first])
		for (size_t q = first + 1; q; q = t->ctx.next3[q - 1]) {
			t->ctx.tstart[q - 1] |= 2;
			set_bit(t->ctx.mtext, (unsigned)(q - 1));
		}
	return ctx_push(t, &t->ctx.head3[first], w, n);
}

/* The word of the text W[0..2): the places of the line that start with it
 * are looked for when it is not common (few are). */
static int ctx_add_two(struct art_tagger *t, const unsigned char *w)
{
	if (common_word(t, w, 2))
		return 0;
	uint64_t pos[NB];
	if (!line_places(t, w, 2, pos))
		return 0;
	size_t b0 = 0;
	while (!pos[b0])
		b0++;
	size_t q0 = b0 * 64 + (size_t)__builtin_ctzll(pos[b0]);
	if (!(t->ctx.tstart[q0] & 1)) { /* a new chain, for all the places */
		t->ctx.head2[q0] = 0;
		for (size_t b = b0; b < t->line.nb; b++) {
			t->ctx.mtext[b] |= pos[b];
			for (uint64_t m = pos[b]; m; m &= m - 1) {
				size_t q = b * 64 + (size_t)__builtin_ctzll(m);
				t->ctx.chain2[q] = (uint16_t)q0;
				t->ctx.tstart[q] |= 1;
			}
		}
	}
	return ctx_push(t, &t->ctx.head2[q0], w, 2);
}

/* Is W[0..2), letters or digits, a common word? */
static inline bool common_two(const struct art_tagger *t, const unsigned char *w)
{
	unsigned x = (w[0] | 0x20u) - 'a', y = (w[1] | 0x20u) - 'a';
	return x < 26 && y < 26 && has_bit(t->tables.common2, x * 26 + y);
}

/* Of the words starting at the bits of STARTS in B, those whose first
 * three characters the line may have (as the table of triples TRIPLES of
 * the line GEN says): most are not, and are passed over here. */
static inline uint64_t triples_in_line(const uint64_t *triples, uint64_t gen,
                                       const unsigned char *b, uint64_t starts)
{
	uint64_t in = 0;
	for (; starts; starts &= starts - 1) {
		unsigned k = (unsigned)__builtin_ctzll(starts);
		uint32_t x = load24(b + k) | 0x202020u; /* in lowercase */
		in |= (uint64_t)(triples[triple_slot(x)] >> 48 == gen) << k;
	}
	return in;
}

/* Chain the words of S, 64 bytes at a time: where a letter or digit follows
 * something else, a word starts.  Most words are passed over after one
 * look at their first three characters. */
static int ctx_add_text(struct art_tagger *t, const unsigned char *p, size_t n)
{
	const uint64_t *triples = t->ctx.triples, gen = t->ctx.gen;
	uint64_t before = 0; /* 1 when the byte before I is a letter or digit */
	for (size_t i = 0; i < n; i += 64) {
		const unsigned char *b = p + i; /* this block; 16 bytes more can be read */
		uint64_t w, up;
		unsigned w16, up16;
		classify64(b, &w, &up, NULL);
		classify16(b + 64, &w16, &up16, NULL);
		uint64_t starts = w & ~(w << 1 | before);
		uint64_t more = w >> 1 | (uint64_t)w16 << 63, more2 = w >> 2 | (uint64_t)w16 << 62;
		for (uint64_t one = starts & ~more; one; one &= one - 1) {
			unsigned char c = b[__builtin_ctzll(one)];
			if (cls[c] != C_LOW) /* a capital or digit alone */
				t->ctx.singles |= 1ull << (c - '0');
		}
		for (uint64_t two = starts & more & ~more2; two; two &= two - 1) {
			const unsigned char *w2 = b + __builtin_ctzll(two);
			if (!common_two(t, w2) && ctx_add_two(t, w2) != 0)
				return -1;
		}
		uint64_t three = triples_in_line(triples, gen, b, starts & more & more2);
		for (; three; three &= three - 1) {
			size_t k = (size_t)__builtin_ctzll(three);
			uint32_t x = load24(b + k) | 0x202020u; /* its first three in lowercase */
			uint64_t rest = ~(w >> k);              /* its end, if in this block */
			size_t a = i + k, e = rest ? a + (size_t)__builtin_ctzll(rest) : i + 64;
			if (e == i + 64) /* on into the next block */
				while (is_word(cls[p[e]]))
					e++;
			long first = triple_place(t, x);
			if (first >= 0 && ctx_add_long(t, p + a, e - a, (size_t)first) != 0)
				return -1;
		}
		before = w >> 63;
	}
	return 0;
}

/* Find the words of the title and summary that could matter to the line:
 * those that start as the line does somewhere.  Only the words whose first
 * two characters the line has are looked at further, so this costs little
 * more than reading the text, however long it is. */
int tags_ctx_build(struct art_tagger *t, art_str title, art_str summary)
{
	t->ctx.nwords = 0;
	t->ctx.singles = 0;
	memset(t->ctx.tstart, 0, t->line.n);
	/* a copy of the title, a space, the summary, then zeros to read past */
	size_t n = title.n + 1 + summary.n, need = n + 80;
	if (art_grow(&t->ctx.text, &t->ctx.text_cap, need, 1, need) != 0)
		return -1;
	if (title.n)
		memcpy(t->ctx.text, title.p, title.n);
	t->ctx.text[title.n] = ' ';
	if (summary.n)
		memcpy(t->ctx.text + title.n + 1, summary.p, summary.n);
	memset(t->ctx.text + n, 0, 80);
	return ctx_add_text(t, t->ctx.text, n);
}

/* ---- a word of the line in the text, and its score ---- */

/* The word of the text that the line's [A, B) is, or whose plural ("LLMs"
 * for "LLM") it is. */
static const struct tword *text_word(const struct art_tagger *t, size_t a, size_t b)
{
	size_t n = b - a;
	if (n < 2 || !text_word_at(t, a, n))
		return NULL;
	for (unsigned i = chain_at(t, a, n); i; i = t->ctx.words[i - 1].next) {
		const struct tword *w = &t->ctx.words[i - 1];
		bool plural = n >= 3 && w->n == n + 1 && w->w[n] == 's' && w->w[n - 1] != 's';
		if ((w->n == n || plural) && same_start(t, a, w, n) == n)
			return w;
	}
	return NULL;
}

/* The number of the ending S[0..n) (1 <= n <= 7) in endings[], or NENDINGS
 * when it is none. */
static size_t ending_num(const unsigned char *s, size_t n)
{
	uint64_t x = pack_lower(s, n);
	for (size_t i = small_slot(x); endings_by.keys[i]; i = (i + 1) & 127)
		if (endings_by.keys[i] == x)
			return endings_by.nums[i];
	return NENDINGS;
}

/* Is S[0..n) nothing, or one of the first NEND endings? */
static bool ending_ok(const unsigned char *s, size_t n, size_t nend)
{
	if (n == 0)
		return true;
	return n <= 7 && endings_by.first[lower(s[0])] >> n & 1 && ending_num(s, n) < nend;
}

/* Are TOK[0..n) and W[0..wn) one word in two forms: the same first
 * letters (four at least), then endings from the list (and when TOK is all
 * of W's first letters, an inflection)? */
static bool same_stem(const struct art_tagger *t, size_t a, size_t n, const struct tword *w)
{
	size_t wn = w->n, k = same_start(t, a, w, n < wn ? n : wn);
	return k >= 4 && ending_ok(t->line.p + a + k, n - k, NENDINGS) &&
	       ending_ok(w->w + k, wn - k, k == n ? NINFLECT : NENDINGS);
}

/* A word of the text that is the line's [A, A+N) in another form. */
static const struct tword *text_stem(const struct art_tagger *t, size_t a, size_t n)
{
	for (unsigned i = chain_at(t, a, 4); i; i = t->ctx.words[i - 1].next) {
		const struct tword *w = &t->ctx.words[i - 1];
		if (w->n >= 4 && same_stem(t, a, n, w))
			return w;
	}
	return NULL;
}

/* A plain word: no capitals after its first letter. */
static inline bool plain(const struct art_tagger *t, size_t a, size_t b)
{
	if (b - a < 2)
		return true;
	if ((a + 1) / 64 == (b - 1) / 64) /* mostly: in one block */
		return !(t->line.mup[(a + 1) / 64] >> ((a + 1) % 64) & ~0ull >> (64 - (b - a - 1)));
	for (size_t i = a + 1; i < b; i += 64 - i % 64) {             /* block by block */
		size_t e = b - i < 64 - i % 64 ? b - i : 64 - i % 64; /* this block's part */
		uint64_t ones = e == 64 ? ~0ull : (1ull << e) - 1;
		if (t->line.mup[i / 64] >> (i % 64) & ones)
			return false;
	}
	return true;
}

/* The score of the word [A, B) of the line (COMMON: common_at), saying why
 * in WHY.  Inlined in tags_word_info_now, which the search calls a dozen
 * times a line: there the reasons are dropped unwritten. */
static inline int word_score(const struct art_tagger *t, size_t a, size_t b, bool common,
                             const char **how, const struct tword **c)
{
	size_t n = b - a;
	const unsigned char *w = t->line.p + a;
	if (n == 1 && cls[w[0]] != C_LOW) { /* "C" of "C++", "3" of "HTTP/3" */
		if (t->ctx.singles >> (w[0] - '0') & 1)
			return *how = "in the text", W_HIT_SHORT;
		if (cls[w[0]] == C_DIGIT)
			return *how = "a number", 0;
	} else if (common) {
		return *how = "a common word", 0;
	} else if (n == 1 || !text_word_at(t, a, n)) {
		/* a lone lowercase letter, or no word of the text starts so */
	} else if (text_word(t, a, b)) {
		return *how = "in the text", n == 2 ? W_HIT_SHORT : W_HIT;
	} else if (n >= 4 && plain(t, a, b) && (*c = text_stem(t, a, n))) {
		return *how = "in the text as", W_STEM;
	}
	return *how = "not in the text", W_MISS;
}

int tags_word_score_at(const struct art_tagger *t, size_t a, size_t b, bool common,
                       const char **how, const struct tword **c)
{
	return word_score(t, a, b, common, how, c);
}

/* What tag_parts needs of the word [S, E) of the line: its score << 2,
 * 2 when it is lowercase and plain, 1 when it is a common word. */
int tags_word_info_now(const struct art_tagger *t, size_t s, size_t e)
{
	bool common = common_at(t, s, e);
	const char *how;
	const struct tword *c = NULL;
	return word_score(t, s, e, common, &how, &c) * 4 +
	       (cls[t->line.p[s]] == C_LOW && plain(t, s, e)) * 2 + common;
}

/* ---- where words of the text start and end in the line ---- */

/* Mark where words of the text end when they start at Q, a piece's start:
 * the whole word, or another form of it (such as "caching" in the line
 * for "cache" in the text). */
void tags_note_word_ends(struct art_tagger *t, size_t q)
{
	const unsigned char *L = t->line.p, *low = t->tables.low;
	uint64_t *end = t->ctx.mend;
	/* the words of two chained here have the line's letters; inside
	 * lowercase their end is no place to cut ("go" in "golangperformance"):
	 * a word so short is found there by chance */
	if (t->ctx.tstart[q] & 1 && !(q > 0 && cls[L[q - 1]] == C_LOW && cls[L[q]] == C_LOW &&
	                              cls[L[q + 1]] == C_LOW && cls[L[q + 2]] == C_LOW))
		set_bit(end, (unsigned)(q + 2));
	if (!(t->ctx.tstart[q] & 2))
		return;
	size_t re = run_end(t, q);
	for (unsigned i = chain_at(t, q, 3); i; i = t->ctx.words[i - 1].next) {
		const struct tword *c = &t->ctx.words[i - 1];
		const unsigned char *w = c->w;
		size_t k = same_start(t, q, c, re - q < c->n ? re - q : c->n);
		if (k == c->n)
			set_bit(end, (unsigned)(q + k));
		if (c->n >= 4 && k >= c->n - 1u && w[c->n - 1] == 's' && w[c->n - 2] != 's')
			set_bit(end, (unsigned)(q + c->n - 1)); /* "SLO" of "SLOs" */
		if (k < 4)
			continue;
		if (ending_ok(w + k, c->n - k, NINFLECT))
			set_bit(end, (unsigned)(q + k));
		if (q + k == re)
			continue;
		unsigned lens = endings_by.first[low[L[q + k]]]; /* of the endings it may start */
		if (!lens || !ending_ok(w + k, c->n - k, NENDINGS))
			continue;
		for (size_t n = 1; n <= 7 && q + k + n <= re; n++)
			if (lens >> n & 1 && ending_num(L + q + k, n) < NENDINGS)
				set_bit(end, (unsigned)(q + k + n));
	}
}

/* Does a word of the text start at P: one of two or three characters that
 * fits where the run of letters and digits ends, or one of four or more? */
bool tags_word_starts(const struct art_tagger *t, size_t p)
{
	if (t->ctx.tstart[p] & 1) /* the words chained here have the line's letters */
		return true;
	if (!(t->ctx.tstart[p] & 2))
		return false;
	const unsigned char *L = t->line.p;
	for (unsigned i = chain_at(t, p, 3); i; i = t->ctx.words[i - 1].next) {
		const struct tword *w = &t->ctx.words[i - 1];
		if (w->n == 3 ||
		    (is_word(cls[L[p + 3]]) && t->tables.low[w->w[3]] == t->tables.low[L[p + 3]]))
			return true;
	}
	return false;
}
