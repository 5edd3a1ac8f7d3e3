/* line.c - one line: its characters classified as bits, the kinds of
 * cut between them, and the places to cut it (its points), found from its
 * shape, the edges of the words of the text and of the known tags in it;
 * and the shortcut for a line made only of known tags (tags_known_run). */
#include <config.h>

#include "tagger.h"

#include <stdlib.h>

/* ---- classifying ---- */

static inline bool bit_at(const uint64_t *set, size_t p)
{
	return set[p / 64] >> (p % 64) & 1;
}

/* Does a new piece (a capitalised word, capitals, digits) start between
 * characters of classes X and Y? */
static inline bool new_piece(int x, int y)
{
	return is_word(x) && is_word(y) &&
	       ((x != y && !(x == C_UP && y == C_LOW)) || (x == C_UP && y == C_UP));
}

/* The start of the run of letters and digits that P - 1 is in (P when it
 * is none). */
static inline size_t run_start(const struct art_tagger *t, size_t p)
{
	for (size_t b = p / 64;; b--) {
		uint64_t before = ~t->line.mword[b]; /* the places not in a run */
		if (b == p / 64)
			before &= p % 64 ? ~0ull >> (64 - p % 64) : 0; /* ... before P */
		if (before)
			return b * 64 + 64 - (size_t)__builtin_clzll(before);
		if (b == 0)
			return 0;
	}
}

/* Bit K set when P[K] (K < 64) is C or D. */
static inline uint64_t bytes_mask64(const unsigned char *p, unsigned char c, unsigned char d)
{
	uint64_t m = 0;
	for (unsigned k = 0; k < 64; k += 16) {
#ifdef __SSE2__
		__m128i x = load16(p + k);
		m |= (uint64_t)(unsigned)_mm_movemask_epi8(
		         _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)c)),
		                      _mm_cmpeq_epi8(x, _mm_set1_epi8((char)d))))
		     << k;
#else
		for (unsigned i = k; i < k + 16; i++)
			m |= (uint64_t)(p[i] == c || p[i] == d) << i;
#endif
	}
	return m;
}

/* Bits K (K < 64) of the bytes P[K] of 0x80 and above in *HI, and of those
 * that start a character (0xC0 and above) in *LEAD. */
static inline void high_bytes64(const unsigned char *p, uint64_t *hi, uint64_t *lead)
{
	*hi = *lead = 0;
	for (unsigned k = 0; k < 64; k += 16) {
#ifdef __SSE2__
		__m128i x = load16(p + k);
		/* signed: 0x80 and above are below 0, 0xC0 and above above -65 */
		__m128i high = _mm_cmplt_epi8(x, _mm_setzero_si128());
		__m128i lead_bytes = _mm_and_si128(high, _mm_cmpgt_epi8(x, _mm_set1_epi8(-65)));
		*hi |= (uint64_t)(unsigned)_mm_movemask_epi8(high) << k;
		*lead |= (uint64_t)(unsigned)_mm_movemask_epi8(lead_bytes) << k;
#else
		for (unsigned i = k; i < k + 16; i++) {
			*hi |= (uint64_t)(p[i] >= 0x80) << i;
			*lead |= (uint64_t)(p[i] >= 0xC0) << i;
		}
#endif
	}
}

/* What the rest needs to know of the line: its letters and digits and its
 * capitals as bits, the places to look at for cuts by their kind (see
 * tags_find_cuts), and where each pair of letters and digits occurs (for
 * tags_ctx_build).  T->p has zeros after the line to the end of its last
 * block of 64, so reading on needs no checks. */
void tags_prepare_line(struct art_tagger *t)
{
	const unsigned char *L = t->line.p, *f = t->line.fold;
	size_t nb = t->line.nb;
	if (++t->ctx.gen == 1u << 16) { /* the triples of 65535 lines ago would look new */
		memset(t->ctx.triples, 0, sizeof t->ctx.triples);
		t->ctx.gen = 1;
	}
	for (size_t b = 0; b < nb; b++) {
		uint64_t w, up;
		classify64(L + b * 64, &w, &up, t->line.fold + b * 64);
		t->line.mword[b] = w;
		t->line.mup[b] = up;
		t->ctx.mtext[b] = t->ctx.mend[b] = t->line.mmarked[b] = t->line.mlocked[b] = 0;
	}
	t->line.mword[nb] = t->line.mup[nb] = 0;
	/* Where tags_find_cuts must look for the kinds of cut of weight above
	 * 0: a capital after something else ("gJ", "6N"); a capitalised word
	 * after two capitals or more ("MQK" of "JMQKafka"); lowercase after
	 * them ("JFSd"); a letter or digit after + or # ("C++G"); a
	 * character of more than one byte or after one (the script may change
	 * there).  Bits from the blocks around: before (<<) and after (>>)
	 * each place. */
	uint64_t sym_before = 0, hi_before = 0;
	for (size_t b = 0; b < nb; b++) {
		uint64_t up = t->line.mup[b], w = t->line.mword[b], low = w & ~up;
		uint64_t upb = b ? t->line.mup[b - 1] : 0,
		         lowa = t->line.mword[b + 1] & ~t->line.mup[b + 1];
		uint64_t up1 = up << 1 | upb >> 63, up2 = up << 2 | upb >> 62;
		uint64_t low1 = low >> 1 | lowa << 63, low2 = low >> 2 | lowa << 62;
		uint64_t sym = bytes_mask64(L + b * 64, '+', '#');
		uint64_t hi, lead;
		high_bytes64(L + b * 64, &hi, &lead);
		t->line.mvisit[b] = (up & ~up1) | (up & up1 & up2 & low1 & low2) |
		                    (low & up1 & up2) | (w & (sym << 1 | sym_before)) | lead |
		                    (~hi & (hi << 1 | hi_before));
		sym_before = sym >> 63;
		hi_before = hi >> 63;
	}
	uint64_t *triples = t->ctx.triples, gen = t->ctx.gen;
	uint16_t *chain3 = t->ctx.chain3, *next3 = t->ctx.next3;
	for (size_t b = 0; b < nb; b++) { /* the triples, each at its first place */
		uint64_t w = t->line.mword[b], w1 = t->line.mword[b + 1];
		t->line.mtriple[b] = w & (w >> 1 | w1 << 63) & (w >> 2 | w1 << 62);
		for (uint64_t m = t->line.mtriple[b]; m; m &= m - 1) {
			size_t q = b * 64 + (size_t)__builtin_ctzll(m);
			uint32_t x = load24(f + q);
			size_t h = triple_slot(x);
			while (triples[h] >> 48 == gen && (triples[h] >> 16 & 0xFFFFFF) != x)
				h = (h + 1) & (NTRIPLES - 1);
			if (triples[h] >> 48 == gen) { /* after its first place */
				size_t q0 = triples[h] & 0xFFFF;
				chain3[q] = (uint16_t)q0;
				next3[q] = next3[q0];
				next3[q0] = (uint16_t)(q + 1);
			} else {
				triples[h] = gen << 48 | (uint64_t)x << 16 | q;
				chain3[q] = (uint16_t)q;
				next3[q] = 0;
				t->ctx.head3[q] = 0;
			}
		}
	}
}

/* ---- the places to cut ---- */

/* ---- scripts ---- */

/* The scripts a tag line mixes.  Between two of them a cut is likely (a
 * tag rarely mixes scripts); S_NONE is punctuation and the like, S_MARK
 * what joins or modifies the character before it (never cut before it). */
enum script { S_NONE, S_LATIN, S_GREEK, S_CYRILLIC, S_ARABIC, S_CJK, S_HANGUL, S_EMOJI, S_MARK };

static const struct {
	uint32_t lo, hi;
	uint8_t script;
} script_ranges[] = {
    /* Han, Hiragana and Katakana are one: Japanese mixes them in a word */
    {0x00C0, 0x00D6, S_LATIN},   {0x00D8, 0x00F6, S_LATIN},    {0x00F8, 0x024F, S_LATIN},
    {0x0370, 0x03FF, S_GREEK},   {0x0400, 0x052F, S_CYRILLIC}, {0x0600, 0x06FF, S_ARABIC},
    {0x0750, 0x077F, S_ARABIC},  {0x1100, 0x11FF, S_HANGUL},   {0x1E00, 0x1EFF, S_LATIN},
    {0x1F00, 0x1FFF, S_GREEK},   {0x200D, 0x200D, S_MARK},     {0x20E3, 0x20E3, S_MARK},
    {0x2300, 0x23FF, S_EMOJI},   {0x2600, 0x27BF, S_EMOJI},    {0x2B00, 0x2BFF, S_EMOJI},
    {0x3040, 0x30FF, S_CJK},     {0x3130, 0x318F, S_HANGUL},   {0x31F0, 0x31FF, S_CJK},
    {0x3400, 0x4DBF, S_CJK},     {0x4E00, 0x9FFF, S_CJK},      {0xAC00, 0xD7AF, S_HANGUL},
    {0xF900, 0xFAFF, S_CJK},     {0xFB50, 0xFDFF, S_ARABIC},   {0xFE0F, 0xFE0F, S_MARK},
    {0xFE70, 0xFEFF, S_ARABIC},  {0x1F000, 0x1F3FA, S_EMOJI},  {0x1F3FB, 0x1F3FF, S_MARK},
    {0x1F400, 0x1FAFF, S_EMOJI}, {0x20000, 0x2FFFF, S_CJK},    {0xE0020, 0xE007F, S_MARK},
};

/* The script of the character C. */
static int script_of(uint32_t c)
{
	if (c < 0x80) /* letters, digits and symbols go with Latin; not blanks, - or / */
		return c > ' ' && c != '-' && c != '/' && c != 0x7F ? S_LATIN : S_NONE;
	size_t lo = 0, hi = sizeof script_ranges / sizeof *script_ranges;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c > script_ranges[mid].hi)
			lo = mid + 1;
		else if (c < script_ranges[mid].lo)
			hi = mid;
		else
			return script_ranges[mid].script;
	}
	return S_NONE;
}

/* The character of UTF-8 at L[a..e), or U+FFFD when it is not one. */
static uint32_t decode(const unsigned char *L, size_t a, size_t e)
{
	static const unsigned char lead_bits[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	size_t len = e - a;
	unsigned need = L[a] < 0x80    ? 1
	                : L[a] >= 0xF0 ? 4
	                : L[a] >= 0xE0 ? 3
	                : L[a] >= 0xC0 ? 2
	                               : 0;
	if (need != len)
		return 0xFFFD;
	uint32_t c = L[a] & lead_bits[len];
	for (size_t i = a + 1; i < e; i++)
		c = c << 6 | (L[i] & 0x3F);
	return c;
}

/* The kind of cut at P, a character's start with a character of more than
 * one byte on either side: a change of script, or inside a run of one
 * script that is not Latin; -1 for no cut of these kinds, -2 for never
 * (before a mark, after a joiner). */
__attribute__((noinline)) static int script_cut(const unsigned char *L, size_t n, size_t p)
{
	size_t a = p - 1, e = p + 1;
	while (a > 0 && p - a < 4 && cls[L[a]] == C_CONT)
		a--;
	while (e < n && e - p < 4 && cls[L[e]] == C_CONT)
		e++;
	uint32_t c = decode(L, a, p);
	int x = script_of(c), y = script_of(decode(L, p, e));
	if (y == S_MARK || c == 0x200D) /* inside an emoji sequence */
		return -2;
	if (x == S_MARK) /* the end of an emoji, modified */
		x = S_EMOJI;
	if (x == S_NONE || y == S_NONE)
		return -1;
	if (x != y)
		return WHY_SCRIPT;
	return x == S_LATIN ? -1 : WHY_IN_SCRIPT;
}

enum { K_UPUP = NWHY, K_UPLOW, K_AFTER, K_BEFORE };
/* The kind of cut between characters of two classes, when it depends on
 * nothing else; -1 for never. */
static const signed char pair_kinds[7][7] = {
    [C_OTHER] = {-1, -1, K_AFTER, K_AFTER, K_AFTER, -1, -1},
    [C_SPACE] = {-1, -1, -1, -1, -1, -1, -1},
    [C_UP] = {K_BEFORE, -1, K_UPUP, K_UPLOW, WHY_DIGIT, -1, -1},
    [C_LOW] = {K_BEFORE, -1, WHY_LOWER_UPPER, WHY_WORD_EDGE, WHY_DIGIT, -1, -1},
    [C_DIGIT] = {K_BEFORE, -1, WHY_DIGIT_UPPER, WHY_DIGIT, -1, -1, -1},
    [C_CONT] = {-1, -1, WHY_LOWER_UPPER, -1, -1, -1, -1},
    [C_LEAD] = {-1, -1, -1, -1, -1, -1, -1},
};

/* The kind of cut between P - 1 and P, or -1 when the line is not cut
 * there. */
static inline int cut_kind(const unsigned char *L, size_t n, size_t p)
{
	if ((L[p - 1] | L[p]) & 0x80 && cls[L[p]] != C_CONT) {
		int s = script_cut(L, n, p);
		if (s != -1)
			return s < 0 ? -1 : s;
	}
	int k = pair_kinds[cls[L[p - 1]]][cls[L[p]]];
	if (k < K_UPUP)
		return k;
	/* two capitals or more just before P? */
	bool caps = p >= 2 && cls[L[p - 2]] == C_UP && cls[L[p - 1]] == C_UP;
	switch (k) {
	case K_UPUP: /* "QK" of "JMQKafka", "IK" of "AIKV" */
		if (p + 2 >= n || cls[L[p + 1]] != C_LOW || cls[L[p + 2]] != C_LOW)
			return WHY_CAPS;
		if (caps)
			return WHY_CAPS_WORD;
		return p >= 2 && cls[L[p - 2]] == C_LOW ? WHY_CAP_WORD : WHY_INITIAL_CAP;
	case K_UPLOW:
		return caps ? WHY_CAPS_LOWER : WHY_CAP_LOWER;
	case K_AFTER:
		return L[p - 1] == '+' || L[p - 1] == '#' ? WHY_AFTER_SYMBOL : -1;
	default: /* K_BEFORE */
		return L[p] == '.' && p + 1 < n && (cls[L[p + 1]] == C_UP || cls[L[p + 1]] == C_LOW)
		           ? WHY_BEFORE_DOT
		           : -1;
	}
}

static void mark(struct art_tagger *t, size_t p, int why)
{
	t->line.prior[p] = cut_kinds[why].w;
	t->line.why[p] = (uint8_t)why;
	set_bit(t->line.mmarked, (unsigned)p);
}

/* The weight of the cut at P, or NONE. */
static inline int prior_at(const struct art_tagger *t, size_t p)
{
	return bit_at(t->line.mmarked, p) ? t->line.prior[p] : NONE;
}

/* The next place from P that tags_find_cuts must look at: where a kind of
 * cut of weight above 0 may be, or a word of the text may start or end
 * (the places it leaves out would get nothing). */
static inline size_t next_visit(const struct art_tagger *t, size_t p)
{
	for (size_t b = p / 64; b < t->line.nb; b++) {
		uint64_t m = t->line.mvisit[b] | t->ctx.mtext[b] | t->ctx.mend[b];
		if (b == p / 64)
			m &= ~0ull << (p % 64);
		if (m)
			return b * 64 + (size_t)__builtin_ctzll(m);
	}
	return SIZE_MAX;
}

/* Does a word of the text start or end at P (not LOCKED)? */
static inline bool text_edge(const struct art_tagger *t, size_t p, bool locked)
{
	return t->ctx.nwords > 0 && !locked &&
	       (bit_at(t->ctx.mend, p) || (t->ctx.tstart[p] && tags_word_starts(t, p)));
}

/* Where may the line be cut, and how likely is each place by its kind?
 * Kinds that are likely enough are places to cut wherever they occur;
 * the others only where a word of the text starts or ends. */
void tags_find_cuts(struct art_tagger *t)
{
	const unsigned char *L = t->line.p;
	const uint8_t *tstart = t->ctx.tstart;
	size_t n = t->line.n;
	for (size_t p = next_visit(t, 0); p < n; p = next_visit(t, p + 1)) {
		int x = p ? cls[L[p - 1]] : C_SPACE, y = cls[L[p]];
		bool locked = bit_at(t->line.mlocked, p);
		if (x == C_LOW && y == C_LOW) { /* commonest: only words of the text cut here */
			if (text_edge(t, p, locked)) {
				mark(t, p, WHY_WORD_EDGE);
				if (tstart[p])
					tags_note_word_ends(t, p);
			}
			continue;
		}
		bool start = is_word(y) && (!is_word(x) || new_piece(x, y));
		int kind = p ? cut_kind(L, n, p) : -1;
		if (kind >= 0 && (cut_kinds[kind].w > 0 || text_edge(t, p, locked))) {
			mark(t, p, kind);
			start = is_word(y);
		}
		if (start && tstart[p] && !locked)
			tags_note_word_ends(t, p);
	}
}

/* Set bits A..B-1 of SET. */
static void set_bits(uint64_t *set, size_t a, size_t b)
{
	for (; a < b; a = (a / 64 + 1) * 64) {
		size_t e = b < (a / 64 + 1) * 64 ? b : (a / 64 + 1) * 64; /* this block's part */
		uint64_t ones = e - a == 64 ? ~0ull : ((1ull << (e - a)) - 1);
		set[a / 64] |= ones << (a % 64);
	}
}

/* Inside a known tag whose ends are clear, places of weight 0 or less are
 * dropped (see tags_collect_points): do not look for them there. */
void tags_lock_known(struct art_tagger *t)
{
	for (size_t o = 0; o < t->line.nocc; o++) {
		size_t a = t->line.occ[o].a, e = t->line.occ[o].e;
		if ((a == 0 || prior_at(t, a) > 0) && (e == t->line.n || prior_at(t, e) > 0))
			set_bits(t->line.mlocked, a + 1, e);
	}
}

/* A known tag starts or ends at P: a place to cut if the line can be cut
 * there at all. */
static void known_edge(struct art_tagger *t, size_t p)
{
	if (p == 0 || p >= t->line.n || bit_at(t->line.mmarked, p))
		return;
	int kind = cut_kind(t->line.p, t->line.n, p);
	if (kind >= 0)
		mark(t, p, kind);
}

/* The chains of known tags that may start at P: those of its first four
 * bytes and of its first two (when a tag starts with those two), and those
 * of one byte. */
static inline void known_chains(const struct art_tagger *t, size_t p, uint32_t chains[3])
{
	const unsigned char *at = t->line.p + p;
	bool pair = t->kt.kpairs[load2(at)];
	chains[0] = pair ? t->kt.khead[head_of(at)] : 0;
	chains[1] = pair ? t->kt.kpairhead[pair_head_of(at)] : 0;
	chains[2] = t->kt.kshort;
}

/* Is the usable known tag K at P of the line, FIRST being load8 there? */
static inline bool known_at(const struct art_tagger *t, const struct known *k, size_t p,
                            uint64_t first)
{
	return p + k->n <= t->line.n && (first & k->mask) == k->pre && usable(k) &&
	       (k->n <= 8 || memcmp(t->kt.kbytes.p + k->off + 8, t->line.p + p + 8, k->n - 8) == 0);
}

/* Known tags occurring in the line make their edges places to cut. */
void tags_find_known(struct art_tagger *t)
{
	const unsigned char *L = t->line.p;
	const uint8_t *kpairs = t->kt.kpairs;
	size_t n = t->line.n, nc = 0;
	uint16_t *at = t->line.places;
	/* the places whose first two bytes start a tag (L[n] is 0, which no
	 * tag of two bytes or more has in it); with tags of one byte, all */
	if (t->kt.kshort)
		for (size_t p = 0; p < n; p++)
			at[nc++] = (uint16_t)p;
	else
		for (size_t p = 0; p < n; p++) {
			at[nc] = (uint16_t)p;
			nc += kpairs[load2(L + p)];
		}
	for (size_t x = 0; x < nc; x++) {
		size_t p = at[x];
		if (p > 0 &&
		    (cls[L[p - 1]] == C_SPACE || cls[L[p]] == C_SPACE || cls[L[p]] == C_CONT))
			continue;
		uint32_t chains[3];
		known_chains(t, p, chains);
		uint64_t first = load8(L + p);
		for (int c = 0; c < 3; c++)
			for (uint32_t i = chains[c]; i; i = t->kt.known[i - 1].next) {
				const struct known *k = &t->kt.known[i - 1];
				size_t e = p + k->n;
				if (!known_at(t, k, p, first))
					continue;
				known_edge(t, p);
				known_edge(t, e);
				if (t->line.nocc < 32) {
					t->line.occ[t->line.nocc].a = (uint16_t)p;
					t->line.occ[t->line.nocc].e = (uint16_t)e;
					t->line.occ[t->line.nocc++].k = k;
				} else {
					t->line.occ_full = true;
				}
			}
	}
}

/* ---- points ---- */

static int cmp_point_prior(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	if (x->prior != y->prior)
		return y->prior - x->prior;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int cmp_point_pos(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The cut at point K breaks a word of the text (as "Dev|Ops" does when the
 * text says "DevOps")? */
static void find_split_word(struct art_tagger *t, size_t k)
{
	struct point *pt = &t->line.pts[k];
	size_t p = pt->pos;
	if (!is_word(cls[t->line.p[p - 1]]) || !is_word(cls[t->line.p[p]]))
		return;
	size_t rs = run_start(t, p), re = run_end(t, p);
	size_t left[3] = {rs, rs, rs}, right[3] = {re, re, re};
	for (size_t d = 1; d <= 2; d++)
		if (k >= d && t->line.pts[k - d].pos > rs)
			left[d] = t->line.pts[k - d].pos;
	if (!(t->ctx.tstart[left[0]] & 2) && !(t->ctx.tstart[left[1]] & 2) &&
	    !(t->ctx.tstart[left[2]] & 2))
		return;
	for (size_t d = 1; d <= 2; d++)
		if (k + d < t->line.m && t->line.pts[k + d].pos < re)
			right[d] = t->line.pts[k + d].pos;
	for (int i = 0; i < 3; i++) {
		size_t a = left[i];
		if (!text_word_at(t, a, 3) || (i > 0 && a == left[i - 1]))
			continue;
		/* as the text writes it: "SLOs" is not broken by "SLO|SRE" */
		for (unsigned c = chain_at(t, a, 3); c; c = t->ctx.words[c - 1].next) {
			const struct tword *w = &t->ctx.words[c - 1];
			size_t b = a + w->n;
			if ((b == right[0] || b == right[1] || b == right[2]) && b > p &&
			    memcmp(w->w, t->line.p + a, w->n) == 0) {
				pt->split = W_SPLIT_WORD;
				pt->word_a = (uint32_t)a;
				pt->word_b = (uint32_t)b;
				return;
			}
		}
	}
}

/* The places to cut, as points 1..m-1 between the line's ends 0 and m; when
 * there are too many, the likeliest by kind. */
void tags_collect_points(struct art_tagger *t)
{
	size_t nc = 0;
	for (size_t b = 0; b < t->line.nb; b++)
		for (uint64_t m = t->line.mmarked[b]; m; m &= m - 1) {
			size_t p = b * 64 + (size_t)__builtin_ctzll(m);
			t->line.cand[nc++] = (struct point){
			    .pos = (uint32_t)p, .prior = t->line.prior[p], .why = t->line.why[p]};
		}
	if (nc > MAXP - 2) {
		qsort(t->line.cand, nc, sizeof *t->line.cand, cmp_point_prior);
		nc = MAXP - 2;
		qsort(t->line.cand, nc, sizeof *t->line.cand, cmp_point_pos);
	}
	t->line.pts[0] = (struct point){.pos = 0};
	memcpy(t->line.pts + 1, t->line.cand, nc * sizeof *t->line.cand);
	t->line.m = nc + 1;
	t->line.pts[t->line.m] = (struct point){.pos = (uint32_t)t->line.n};
	if (t->ctx.nwords)
		for (size_t k = 1; k < t->line.m; k++)
			if (t->line.pts[k].prior > 0 ||
			    !bit_at(t->line.mlocked, t->line.pts[k].pos))
				find_split_word(t, k);
	/* Drop the unlikely places that break a word of the text, and those
	 * inside a known tag with clear edges. */
	size_t kept = 1;
	for (size_t k = 1; k < t->line.m; k++) {
		const struct point *pt = &t->line.pts[k];
		bool drop = pt->prior <= 0 && pt->split < 0;
		for (size_t o = 0; o < t->line.nocc && !drop && pt->prior <= 0; o++) {
			size_t a = t->line.occ[o].a, e = t->line.occ[o].e;
			drop = a < pt->pos && pt->pos < e && (a == 0 || prior_at(t, a) > 0) &&
			       (e == t->line.n || prior_at(t, e) > 0);
		}
		if (!drop)
			t->line.pts[kept++] = *pt;
	}
	t->line.pts[kept] = t->line.pts[t->line.m];
	t->line.m = kept;
	for (size_t k = 0; k <= t->line.m; k++) {
		t->srch.whead[k] = t->srch.wtail[k] = NOSCORE;
		t->line.known_from[k] = 0;
		t->line.point_at[t->line.pts[k].pos] = (uint8_t)k;
	}
	for (size_t o = 0; o < t->line.nocc; o++) { /* the known tags from point to point */
		size_t i = t->line.point_at[t->line.occ[o].a],
		       j = t->line.point_at[t->line.occ[o].e];
		if (i <= t->line.m && t->line.pts[i].pos == t->line.occ[o].a && j <= t->line.m &&
		    t->line.pts[j].pos == t->line.occ[o].e)
			t->line.known_from[i] |= 1u << j;
	}
}

/* ---- a line of known tags ---- */

/* Is the known tag K at P of the line, ending where the line may be cut? */
static bool known_next(const struct art_tagger *t, const struct known *k, size_t p)
{
	size_t e = p + k->n;
	return known_at(t, k, p, load8(t->line.p + p)) &&
	       (e == t->line.n || cut_kind(t->line.p, t->line.n, e) >= 0);
}

/* Is the tag [A, AE) before [B, BE) in byte order (a prefix first)? */
static bool known_before(const struct art_tagger *t, size_t a, size_t ae, size_t b, size_t be)
{
	if (t->line.p[a] != t->line.p[b]) /* mostly */
		return t->line.p[a] < t->line.p[b];
	size_t n1 = ae - a, n2 = be - b;
	int d = memcmp(t->line.p + a, t->line.p + b, n1 < n2 ? n1 : n2);
	return d < 0 || (d == 0 && n1 < n2);
}

/* A known tag [start, P) that ways to P end with: how many (1, or 2 for
 * more than one), and the known tag, + 1. */
struct run_end {
	uint16_t start;
	uint8_t ways;
	uint32_t by;
};

/* The known tags from P, a place with a way to it, that may come next:
 * each takes the ways to P that it follows in byte order on to where it
 * ends.  The ways to a place are kept by the tag they end with, as the
 * order of the next tag depends on it, and only for the first two of
 * those tags in byte order: the tags a next one may follow come first,
 * and two of them make two ways already. */
static void known_from_place(const struct art_tagger *t, size_t p, uint8_t *nends,
                             struct run_end (*first)[2], uint64_t *reached)
{
	uint32_t chains[3];
	known_chains(t, p, chains);
	for (int c = 0; c < 3; c++)
		for (uint32_t i = chains[c]; i; i = t->kt.known[i - 1].next) {
			const struct known *k = &t->kt.known[i - 1];
			if (!known_next(t, k, p))
				continue;
			size_t e = p + k->n;
			unsigned ways = p == 0;
			for (size_t x = 0;
			     x < nends[p] && known_before(t, first[p][x].start, p, p, e); x++)
				ways += first[p][x].ways;
			if (!ways)
				continue;
			set_bit(reached, (unsigned)e);
			size_t x = nends[e]; /* its place among the first two */
			while (x > 0 && known_before(t, p, e, first[e][x - 1].start, e))
				x--;
			if (x == 2)
				continue;
			if (x == 0 && nends[e])
				first[e][1] = first[e][0];
			first[e][x] =
			    (struct run_end){(uint16_t)p, (uint8_t)(ways > 2 ? 2 : ways), i};
			nends[e] += nends[e] < 2;
		}
}

/* When the line is a run of known tags in ascending byte order in exactly
 * one way, that is the split: a rule of its own, not a shortcut to what
 * the search would find.  The search can score another way higher: on
 * 100,000 records of bench/gen it does for 121 lines, and each time it
 * merges two true tags ("Performance OptimizationeBPF": a cut inside
 * lowercase costs more than a learned tag gains when no word of the text
 * backs it), while this rule gives the true tags in all 121.  Most lines
 * of a page are such runs once its tags have been learned, and this costs
 * a few lookups where the search costs a hundred scores.  Fills the
 * tags' ends into ENDS (ENDS[0] is 0) and the known tags into TAGS, and
 * returns their number, or 0 when there is no such run or more than one. */
size_t tags_known_run(struct art_tagger *t, uint16_t *ends, struct known **tags)
{
	size_t n = t->line.n;
	uint8_t nends[SPLIT_MAX + 1];           /* 0, 1 or 2 */
	struct run_end first[SPLIT_MAX + 1][2]; /* the first in byte order first */
	/* the places with a way to them, as bits: only they are looked at
	 * (a few of a line's places; none past a tag that is not known) */
	uint64_t reached[NB];
	memset(reached, 0, t->line.nb * sizeof *reached);
	reached[0] = 1;
	memset(nends, 0, n + 1);
	for (size_t b = 0, p; b < t->line.nb; b++)
		while (reached[b]) {
			/* in ascending order: a tag found from P ends after P */
			p = b * 64 + (size_t)__builtin_ctzll(reached[b]);
			reached[b] &= reached[b] - 1;
			if (p == n)
				break;
			known_from_place(t, p, nends, first, reached);
		}
	unsigned ways = 0;
	for (size_t x = 0; x < nends[n]; x++)
		ways += first[n][x].ways;
	if (ways != 1)
		return 0;
	/* one way: the one tag that ends the line, and before each tag the
	 * first that ends where it starts */
	size_t m = 0;
	for (size_t e = n; e > 0; e = first[e][0].start)
		m++;
	if (m > MAXP)
		return 0;
	ends[0] = 0;
	size_t x = m;
	for (size_t e = n; e > 0; e = first[e][0].start) {
		tags[x - 1] = &t->kt.known[first[e][0].by - 1];
		ends[x--] = (uint16_t)e;
	}
	return m;
}
