/* tagger.h - the inside of the tag splitter (tags.h has the outline; the
 * README here has the terms), included by its files and nothing else:
 * the tagger and what it holds, the weights and limits, the classes of
 * characters, the small helpers that several of the files use, and the
 * functions one file calls in another.
 *
 * How it goes: art_tags_split (split.c) takes a line made only of known
 * tags (known.c keeps them, and makes the tagger), in ascending byte
 * order and in exactly one way, as those tags (tags_known_run).  For any
 * other line, tags_prepare_line and tags_ctx_build (text.c) index the
 * line and the words of the text that could matter to it;
 * tags_find_known, tags_find_cuts and tags_collect_points choose the
 * points (they and tags_known_run are in line.c); tags_find_runs and
 * tag_parts score candidates, their words scored by tags_word_info_now
 * (text.c), and tags_search_few or search_best (or tags_search, when
 * explaining, explain.c then telling why) find the best split
 * (search.c); learn (split.c) remembers.
 *
 * Splitting must cost less than reading the record, so the work is kept
 * to what can change the result: the line's places are bits, 64 to a
 * word, classified 16 bytes at a time; a word of the text costs one look
 * at its first three characters unless the line has them; tags_find_cuts
 * looks only where a cut can be; a tag's words are sums over runs worked
 * out once; nothing is allocated per line.  Each shortcut gives what the
 * plain way would, so the splits do not depend on them.  What a hot
 * loop calls is in its file, so that the compiler inlines it or calls it
 * cheaply: the scores of tags are with the search, the score of a word
 * with the words of the text, and tags_known_run, which asks cut_kind
 * about the end of every known tag it finds, with cut_kind.
 */
#ifndef ART_TAGGER_H
#define ART_TAGGER_H

#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "tags.h"

#ifdef __SSE2__
#include <emmintrin.h>

static inline __m128i load16(const unsigned char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}
#endif

/* The weights, in tenths of a point (art-parse(1) lists them).  A cut's
 * weight says how likely its kind of place is to be a boundary; the words
 * of the tags on either side then confirm or refute it. */
enum {
	W_LOWER_UPPER = 15,  /* "gJ" in "EngineeringJava" */
	W_CAPS_WORD = 15,    /* "QK" in "JMQKafka": capitals, then a capitalised word */
	W_CAP_WORD = 0,      /* "SB" in "PaaSBackend": a last capital, then a capitalised word */
	W_INITIAL_CAP = -10, /* "ET" in "ETag": a word's first capital, then a capitalised word */
	W_CAPS = 0,          /* "IK" in "AIKV": between capitals */
	W_CAPS_LOWER = 10,   /* "Sd" in "JFSdistributed": capitals, then lowercase */
	W_CAP_LOWER = -20,   /* "Ka" in "Kafka": one capital, then lowercase */
	W_WORD_EDGE = -10,   /* "sd" in "Microservicesdatabase": inside lowercase */
	W_DIGIT = -10,       /* "n4", "4j" in "LangChain4j" */
	W_DIGIT_UPPER = 5,   /* "6N" in "IPv6NAT64" */
	W_AFTER_SYMBOL = 10, /* "+G" in "C++Go" */
	W_BEFORE_DOT = -10,  /* "#." in "C#.NET" */
	W_SPLIT_WORD = -20,  /* the cut breaks a word of the text: "Dev|Ops" for "DevOps" */
	W_SCRIPT = 40,       /* "s微" in "microservices微服务": the script changes */
	W_IN_SCRIPT = -10, /* "务服" in "微服务服务治理": inside a run of one other script */

	W_HIT = 20,          /* a tag's word occurs in the title or summary */
	W_HIT_SHORT = 10,    /* ... a word of one or two characters */
	W_STEM = 12,         /* ... in another form ("refactoring" for "refactored") */
	W_MISS = -10,        /* a word that does not occur */
	W_EDGE_COMMON = -10, /* a tag that starts or ends with "of", "and", ... */
	W_CASE_MIX = -10,    /* a lowercase word, then a capitalised one ("end Development") */
	W_ONE_CAPITAL = -10, /* a tag of one capital letter */
	W_ONE_CHAR = -40,    /* a tag of one other character */

	W_LEXICON = 40,     /* the tag is a lexicon entry */
	W_LEARNED = 15,     /* the tag was learned (seen cleanly) ... */
	W_LEARNED_MAX = 30, /* ... +0.5 each time its count doubles, up to this */

	W_COUNT = 4, /* times log2 of how much rarer the tag count is than the usual one */
};

enum {
	MAXP = 32,                 /* cut points per line, its ends included */
	TMAX = 8,                  /* tag counts told apart; more count as TMAX */
	KEEP_EXPLAIN = 5,          /* splits shown when explaining */
	WINDOW = 32,               /* recent records whose tag counts are weighed */
	LEARNED_MAX = 4096,        /* learned tags kept */
	SPLIT_MAX = 1024,          /* a longer line is taken as one tag */
	NONE = INT16_MIN,          /* no cut here */
	NOSCORE = (int16_t)0x8080, /* not worked out yet (memset to 0x80) */
	TAG_KEY = 1 << 16,         /* tie-break weight of one tag */
	SCORE_KEY = 1 << 24,       /* the score's weight in a ranking key */
	NHEADS = 4096,             /* chains of known tags */
	NB = SPLIT_MAX / 64 + 1,   /* blocks of 64 places in a line, its end included */
	NTRIPLES = 8192,           /* the table of a line's triples */
};

enum { C_OTHER, C_SPACE, C_UP, C_LOW, C_DIGIT, C_CONT, C_LEAD };

static const unsigned char cls[256] = {
    [' '] = C_SPACE,          ['\t'] = C_SPACE,        ['A' ... 'Z'] = C_UP,
    ['a' ... 'z'] = C_LOW,    ['0' ... '9'] = C_DIGIT, [0x80 ... 0xBF] = C_CONT,
    [0xC0 ... 0xFF] = C_LEAD,
};

static inline bool is_word(int c)
{
	return c == C_UP || c == C_LOW || c == C_DIGIT;
}
static inline unsigned lower(unsigned char c)
{
	return cls[c] == C_UP ? c | 0x20u : c;
}

static inline uint64_t mix(uint64_t h)
{
	return h * 0x9E3779B97F4A7C15ULL;
}

/* The kinds of cut, for the weights and the explanation.  Those of weight
 * 0 or less are places to cut only where a word of the text or a known
 * tag starts or ends. */
enum why {
	WHY_LOWER_UPPER,
	WHY_CAPS_WORD,
	WHY_CAP_WORD,
	WHY_INITIAL_CAP,
	WHY_CAPS,
	WHY_CAPS_LOWER,
	WHY_CAP_LOWER,
	WHY_WORD_EDGE,
	WHY_DIGIT,
	WHY_DIGIT_UPPER,
	WHY_AFTER_SYMBOL,
	WHY_BEFORE_DOT,
	WHY_SCRIPT,
	WHY_IN_SCRIPT,
	NWHY
};
static const struct {
	short w;
	const char *what;
} cut_kinds[NWHY] = {
    [WHY_LOWER_UPPER] = {W_LOWER_UPPER, "lowercase, then a capital"},
    [WHY_CAPS_WORD] = {W_CAPS_WORD, "capitals, then a capitalised word"},
    [WHY_CAP_WORD] = {W_CAP_WORD, "a last capital, then a capitalised word"},
    [WHY_INITIAL_CAP] = {W_INITIAL_CAP, "a first capital, then a capitalised word"},
    [WHY_CAPS] = {W_CAPS, "between capitals"},
    [WHY_CAPS_LOWER] = {W_CAPS_LOWER, "capitals, then lowercase"},
    [WHY_CAP_LOWER] = {W_CAP_LOWER, "one capital, then lowercase"},
    [WHY_WORD_EDGE] = {W_WORD_EDGE, "inside lowercase"},
    [WHY_DIGIT] = {W_DIGIT, "between a letter and a digit"},
    [WHY_DIGIT_UPPER] = {W_DIGIT_UPPER, "a digit, then a capital"},
    [WHY_AFTER_SYMBOL] = {W_AFTER_SYMBOL, "after + or #"},
    [WHY_BEFORE_DOT] = {W_BEFORE_DOT, "before a dot"},
    [WHY_SCRIPT] = {W_SCRIPT, "a change of script"},
    [WHY_IN_SCRIPT] = {W_IN_SCRIPT, "inside a run of one script"},
};

struct tword { /* a word of the record's title or summary, where the line may have it */
	const unsigned char *w;
	uint32_t n;
	uint32_t next; /* the next word of its chain, + 1 */
	uint64_t low8; /* its first 8 bytes (as load8 reads them), lowercase where its */
};

struct known {
	uint32_t off, n, count;
	bool lexicon;
	bool confirmed; /* by a word of its record's text, or by the user */
	uint64_t hash;
	uint64_t pre, mask; /* its first 8 bytes (as load8 reads them); the bits of them */
	uint32_t next;      /* next with the same first two bytes, +1 */
};

struct point { /* a place where the line may be cut */
	uint32_t pos;
	int16_t prior, split; /* the kind's weight; the penalty for breaking a word */
	uint8_t why;
	uint32_t word_a, word_b; /* the word broken, when split */
};

struct cell {        /* one of the best splits of the line so far, ending in a given tag */
	int64_t key; /* score, then fewer tags, then cuts further right */
	int32_t score;
	uint8_t ft, fi, fr; /* the state it came from: tag count, start point, rank */
};

/* The tagger, in parts: tables it only reads, the record's text, the known
 * tags, the tag counts of recent records, the line being split and its
 * points, and the search's scratch. */
struct tag_tables {                            /* built by art_tagger_new, then only read */
	uint64_t common[128];                  /* common_words by pack_lower, hashed (0: none) */
	uint64_t common2[26 * 26 / 64 + 1];    /* those of two letters, by letters */
	unsigned char low[256];                /* lowercase */
	int8_t rarity[WINDOW + 1][WINDOW + 1]; /* the count weight, by commonest and own tally */
};

/* The record's context: the words of its title and summary that the line
 * could have, chained by the characters they start with: a chain for each
 * pair (words of two) or triple (longer words) of letters and digits in the
 * line, kept at the first place of the line with them, which its places
 * give (chain2, chain3); see tags_ctx_build */
struct tag_text {
	unsigned char *text; /* the title, a space, the summary, zeros */
	size_t text_cap;
	struct tword *words;
	size_t nwords, words_cap;
	uint32_t head2[SPLIT_MAX], head3[SPLIT_MAX]; /* first word + 1 */
	uint16_t chain2[SPLIT_MAX];                  /* valid where tstart says */
	uint16_t chain3[SPLIT_MAX];                  /* where the line has a triple */
	uint16_t next3[SPLIT_MAX];                   /* the next place with the same triple, + 1 */
	uint8_t tstart[SPLIT_MAX];    /* bit 1, 2: a word of the text of 2, 3+ may start */
	uint64_t mtext[NB], mend[NB]; /* places where a word of the text starts, ends */
	uint64_t singles;             /* capitals and digits standing alone in it */
	/* the line's triples of letters and digits in lowercase, by
	 * triple_hash, open addressing: gen << 48 | the triple (load24) << 16 |
	 * its first place; gen is the line's number (1 to 65535, then again) */
	uint64_t triples[NTRIPLES];
	uint64_t gen;
};

struct tag_known_set {
	struct known *known;
	size_t nknown, known_cap, nlearned;
	unsigned long kgen; /* changes when a tag is added (known may move) */
	struct art_buf kbytes;
	uint32_t *kslot; /* by hash, index + 1 */
	size_t kslot_cap;
	uint32_t khead[NHEADS];     /* tags of 4 bytes or more by their first 4, index + 1 */
	uint32_t kpairhead[NHEADS]; /* tags of 2 or 3 bytes by their first 2, index + 1 */
	uint8_t kpairs[65536];      /* [load2 of them]: 1 when a tag starts with those 2 bytes */
	uint64_t klens;             /* bit n set when a known tag has n bytes (63 for more) */
	uint32_t kshort;            /* one-byte tags, chained */
};

struct tag_recent { /* tag counts of recent records */
	uint8_t window[WINDOW];
	unsigned nwindow, wnext, tally[TMAX + 1];
};

struct tag_line {                           /* the line being split, and its points */
	const unsigned char *p;             /* copy */
	size_t n, nb;                       /* its length; blocks of 64 places, one past its end */
	unsigned char copy[SPLIT_MAX + 72]; /* the line, then zeros */
	unsigned char fold[SPLIT_MAX + 96]; /* its letters and digits in lowercase, others 0 */
	/* places as bits, block by block: letters and digits; capitals; where
	 * a triple of letters and digits starts; where tags_find_cuts looks
	 * (see tags_prepare_line); the places to cut (with prior and why);
	 * those inside a known tag with clear ends */
	uint64_t mword[NB + 1], mup[NB + 1], mtriple[NB], mvisit[NB];
	uint64_t mmarked[NB], mlocked[NB];
	int16_t prior[SPLIT_MAX];
	uint8_t why[SPLIT_MAX];
	struct point cand[SPLIT_MAX];
	uint16_t places[SPLIT_MAX];
	struct {
		uint16_t a, e;
		const struct known *k;
	} occ[32]; /* the known tags found in the line */
	size_t nocc;
	bool occ_full; /* more were found */
	struct point pts[MAXP];
	size_t m;                        /* pts[0..m] */
	uint32_t known_from[MAXP];       /* bit j of i set when a known tag is [P_I, P_J) */
	uint8_t point_at[SPLIT_MAX + 1]; /* the point at a place, if it is one */
};

struct tag_search {
	int cprior[TMAX + 1]; /* the count's score, by count */
	int32_t tscore[MAXP * MAXP];
	uint32_t tdone[MAXP];         /* bit j of i: tscore[i][j] is worked out */
	uint16_t layers[MAXP * MAXP]; /* tag counts of the splits kept, by last tag */
	struct cell *cells;
	uint8_t *ncell;
	size_t cells_cap, ncell_cap;
	int64_t best[(TMAX + 1) * MAXP * MAXP]; /* the quick search's states */
	uint8_t from[(TMAX + 1) * MAXP * MAXP * 2];
	/* the runs of letters and digits (the words of tags): where each starts
	 * and ends, its word_info whole; sums of their scores and counts of
	 * those that start with a capital after a space, of the runs before
	 * each; for each point, the first run ending after it and the runs
	 * starting before it */
	size_t nruns;
	uint16_t rstart[SPLIT_MAX / 2 + 1], rend[SPLIT_MAX / 2 + 1];
	int16_t rinfo[SPLIT_MAX / 2 + 1];
	int32_t rsum[SPLIT_MAX / 2 + 2];
	uint16_t rcaps[SPLIT_MAX / 2 + 2];
	uint16_t pfirst[MAXP], pruns[MAXP];
	/* word_info of the part of a run after or before each point, worked out
	 * when first needed (NOSCORE until then) */
	int16_t whead[MAXP], wtail[MAXP];
};

/* What the last split would learn, while the tagger holds it back
 * (art_tagger_hold): the split (a path through the line's points, or a run
 * of known tags); the line's parts stay as that split left them. */
struct tag_held {
	enum { HELD_NONE, HELD_PATH, HELD_RUN } kind;
	size_t n;
	uint8_t path[MAXP + 1];
	struct known *run[MAXP];
};

struct art_tagger {
	bool explain;
	bool hold;
	struct tag_held held;
	struct tag_tables tables;
	struct tag_text ctx;
	struct tag_known_set kt;
	struct tag_recent recent;
	struct tag_line line;
	struct tag_search srch;
};

/* ---- small helpers of several files ---- */

/* The first 2 bytes at P, as memory holds them. */
static inline uint16_t load2(const unsigned char *p)
{
	uint16_t x;
	memcpy(&x, p, 2);
	return x;
}

/* The first 8 bytes at P, as memory holds them. */
static inline uint64_t load8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* W[0..n), n <= 7 letters and digits, in lowercase (for them, that is
 * setting bit 5), with n, as one number: the key of the small tables of
 * common words and of endings. */
static inline uint64_t pack_lower(const unsigned char *w, size_t n)
{
	uint64_t x = n;
	for (size_t k = 0; k < n; k++)
		x = x << 8 | (w[k] | 0x20u);
	return x;
}

/* The slot of such a key in a table of 128. */
static inline size_t small_slot(uint64_t x)
{
	return (size_t)(mix(x) >> 57);
}

static inline bool has_bit(const uint64_t *set, unsigned bit)
{
	return set[bit / 64] >> (bit % 64) & 1;
}
static inline void set_bit(uint64_t *set, unsigned bit)
{
	set[bit / 64] |= 1ull << (bit % 64);
}

/* Is the word W[0..n) of letters and digits one of common_words? */
static inline bool common_word(const struct art_tagger *t, const unsigned char *w, size_t n)
{
	if (n > 5)
		return false;
	uint64_t x = pack_lower(w, n);
	for (size_t i = small_slot(x); t->tables.common[i]; i = (i + 1) & 127)
		if (t->tables.common[i] == x)
			return true;
	return false;
}

static inline bool common_at(const struct art_tagger *t, size_t a, size_t b)
{
	return b - a <= 5 && cls[t->line.p[a]] == C_LOW && common_word(t, t->line.p + a, b - a);
}

/* The classes of P[0..16) as bits (bit K for P[K]): letters and digits
 * in *W, capitals in *UP; when FOLD, the bytes in lowercase to FOLD,
 * letters and digits only (others 0).  For letters and digits, setting
 * bit 5 is what lowercase does. */
static inline void classify16(const unsigned char *p, unsigned *w, unsigned *up,
                              unsigned char *fold)
{
#ifdef __SSE2__
	/* A byte is in a range when, moved by 0x80 - the range's first, it is
	 * below 0x80 + the range's size in signed comparison. */
	__m128i x = load16(p);
	__m128i l = _mm_or_si128(x, _mm_set1_epi8(0x20));
	__m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(l, _mm_set1_epi8((char)(0x80 - 'a'))),
	                               _mm_set1_epi8((char)(0x80 + 26)));
	__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
	                               _mm_set1_epi8((char)(0x80 + 10)));
	__m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))),
	                               _mm_set1_epi8((char)(0x80 + 26)));
	__m128i word = _mm_or_si128(alpha, digit);
	*w = (unsigned)_mm_movemask_epi8(word);
	*up = (unsigned)_mm_movemask_epi8(upper);
	if (fold)
		_mm_storeu_si128((__m128i *)(void *)fold, _mm_and_si128(l, word));
#else
	*w = *up = 0;
	for (unsigned k = 0; k < 16; k++) {
		bool word = is_word(cls[p[k]]);
		*w |= (unsigned)word << k;
		*up |= (unsigned)(cls[p[k]] == C_UP) << k;
		if (fold)
			fold[k] = word ? p[k] | 0x20 : 0;
	}
#endif
}

/* The same for P[0..64). */
static inline void classify64(const unsigned char *p, uint64_t *w, uint64_t *up,
                              unsigned char *fold)
{
	*w = *up = 0;
	for (unsigned k = 0; k < 64; k += 16) {
		unsigned w16, up16;
		classify16(p + k, &w16, &up16, fold ? fold + k : NULL);
		*w |= (uint64_t)w16 << k;
		*up |= (uint64_t)up16 << k;
	}
}

/* The first three bytes at P as a number, the first lowest. */
static inline uint32_t load24(const unsigned char *p)
{
	uint32_t x;
	memcpy(&x, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap32(x);
#endif
	return x & 0xFFFFFF;
}

/* The slot of the table of triples for a triple X as load24 reads it. */
static inline size_t triple_slot(uint32_t x)
{
	return (size_t)((x * 0x9E3779B1u) >> 19);
}

/* May a word of the text of LEN characters (at least two) start at line
 * position Q? */
static inline bool text_word_at(const struct art_tagger *t, size_t q, size_t len)
{
	return t->ctx.tstart[q] >> (len > 2) & 1;
}

/* The chain of words of the text that start as the line does at Q, by their
 * first two characters (LEN 2) or three (LEN 3 or more): valid when
 * text_word_at says so. */
static inline unsigned chain_at(const struct art_tagger *t, size_t q, size_t len)
{
	return len == 2 ? t->ctx.head2[t->ctx.chain2[q]] : t->ctx.head3[t->ctx.chain3[q]];
}

/* Known tags are chained by their first four bytes (a page's tags often
 * share two: "Performance ...", "Performance Optimization"), those of two
 * or three bytes by their first two. */
static inline unsigned head_of(const unsigned char *p)
{
	uint32_t x;
	memcpy(&x, p, 4);
	return (x * 0x9E3779B1u) >> 20;
}
static inline unsigned pair_head_of(const unsigned char *p)
{
	return (p[0] * 131u + p[1]) & (NHEADS - 1);
}

/* A tag is known once the user gave it, or once it was seen cleanly with
 * a word of the text, or twice. */
static inline bool usable(const struct known *k)
{
	return k->lexicon || k->confirmed || k->count > 1;
}

/* The end of the run of letters and digits at P (P itself when P is none). */
static inline size_t run_end(const struct art_tagger *t, size_t p)
{
	size_t b = p / 64;
	uint64_t rest = ~t->line.mword[b] >> (p % 64);
	while (!rest) /* bits past the line are 0: this ends */
		rest = ~t->line.mword[++b], p = b * 64;
	return p + (size_t)__builtin_ctzll(rest);
}

static inline art_str trim(art_str s)
{
	while (s.n && cls[(unsigned char)s.p[0]] == C_SPACE) {
		s.p++;
		s.n--;
	}
	while (s.n && cls[(unsigned char)s.p[s.n - 1]] == C_SPACE)
		s.n--;
	return s;
}

/* ---- the score of a candidate (search.c, explain.c) ---- */

int tags_word_info_now(const struct art_tagger *t, size_t s, size_t e); /* text.c */

/* The word_info of the word in run R of the tag [P_I, P_J), which has that
 * run: the run whole, or cut at P_I or P_J (each looked at once a line),
 * or both (a tag inside a run: looked at once itself).  Inline: tag_parts
 * asks it twice a candidate, and most answers are known already. */
static inline int tags_tag_word(struct art_tagger *t, size_t i, size_t j, size_t r)
{
	size_t a = t->line.pts[i].pos, b = t->line.pts[j].pos, rs = t->srch.rstart[r],
	       re = t->srch.rend[r];
	bool whole_start = a <= rs, whole_end = b >= re;
	if (whole_start && whole_end)
		return t->srch.rinfo[r];
	int16_t *m = whole_end ? &t->srch.whead[i] : whole_start ? &t->srch.wtail[j] : NULL;
	if (m && *m != NOSCORE)
		return *m;
	int v = tags_word_info_now(t, whole_start ? rs : a, whole_end ? re : b);
	if (m)
		*m = (int16_t)v;
	return v;
}

const struct known *tags_tag_known(const struct art_tagger *t, size_t a, size_t b);

static inline int known_score(const struct known *k)
{
	if (k->lexicon)
		return W_LEXICON;
	int s = W_LEARNED;
	for (uint32_t c = k->count; c > 1 && s < W_LEARNED_MAX; c /= 2)
		s += 5;
	return s;
}

/* The score of the tag [P_I, P_J) by itself, by reason: its words, its
 * shape, whether it is known (K). */
struct tag_parts {
	int words, shape, known;
	const struct known *k;
};

static inline void tag_parts(struct art_tagger *t, size_t pi, size_t pj, struct tag_parts *tp)
{
	const unsigned char *L = t->line.p;
	size_t a = t->line.pts[pi].pos, b = t->line.pts[pj].pos;
	size_t r1 = t->srch.pfirst[pi], r2 = t->srch.pruns[pj]; /* the runs of the tag: [r1, r2) */
	int words = 0, shape = 0, first = 0, last = 0;
	size_t nwords = r2 > r1 ? r2 - r1 : 0;
	if (nwords) {
		first = last = tags_tag_word(t, pi, pj, r1);
		words = first >> 2;
	}
	if (nwords > 1) {
		last = tags_tag_word(t, pi, pj, r2 - 1);
		words += (last >> 2) + t->srch.rsum[r2 - 1] - t->srch.rsum[r1 + 1];
		if (first & 2 && t->srch.rcaps[r2] > t->srch.rcaps[r1 + 1])
			shape += W_CASE_MIX; /* "end Development" */
	}
	if (b - a == 1)
		shape += cls[L[a]] == C_UP ? W_ONE_CAPITAL : W_ONE_CHAR;
	else if (nwords && is_word(cls[L[a]]) && first & 1)
		shape += W_EDGE_COMMON; /* "of Things" */
	if (nwords > 1 && is_word(cls[L[b - 1]]) && last & 1)
		shape += W_EDGE_COMMON; /* "Internet of" */
	tp->k =
	    t->line.occ_full || t->line.known_from[pi] >> pj & 1 ? tags_tag_known(t, a, b) : NULL;
	tp->words = words;
	tp->shape = shape;
	tp->known = tp->k ? known_score(tp->k) : 0;
}

/* ---- what one file calls in another ---- */

/* known.c; tags_known_add: 0, or -1 when out of memory */
struct known *tags_known_find(const struct art_tagger *t, const char *s, size_t n, uint64_t h);
ART_MUST_CHECK int tags_known_add(struct art_tagger *t, const char *s, size_t n, bool lexicon,
                                  bool confirmed);

/* text.c; tags_ctx_build: 0, or -1 when out of memory */
void tags_text_init(struct art_tagger *t);
ART_MUST_CHECK int tags_ctx_build(struct art_tagger *t, art_str title, art_str summary);
bool tags_word_starts(const struct art_tagger *t, size_t p);
void tags_note_word_ends(struct art_tagger *t, size_t q);
int tags_word_score_at(const struct art_tagger *t, size_t a, size_t b, bool common,
                       const char **how, const struct tword **c);

/* line.c */
void tags_prepare_line(struct art_tagger *t);
void tags_find_known(struct art_tagger *t);
void tags_lock_known(struct art_tagger *t);
void tags_find_cuts(struct art_tagger *t);
void tags_collect_points(struct art_tagger *t);
size_t tags_known_run(struct art_tagger *t, uint16_t *ends, struct known **tags);

/* search.c; tags_search: 0, or -1 when out of memory */
void tags_find_runs(struct art_tagger *t);
void tags_count_priors(struct art_tagger *t);
size_t tags_search_few(struct art_tagger *t, uint8_t *path);
ART_MUST_CHECK int tags_search(struct art_tagger *t, size_t keep, struct cell *final,
                               uint8_t *nfinal);
size_t tags_trace_path(const struct art_tagger *t, size_t keep, const struct cell *fin,
                       uint8_t *path);

/* explain.c: 0, or -1 when out of memory */
ART_MUST_CHECK int tags_explain(struct art_tagger *t, const struct cell *fin, uint8_t nfin,
                                struct art_buf *b);
ART_MUST_CHECK int tags_explain_run(const struct art_tagger *t, const uint16_t *ends, size_t m,
                                    struct art_buf *b);

#endif
