#include <config.h>

#include "tags.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lines.h"

/* The weights, in tenths of a point (art-parse(1) lists them).  A cut's
 * weight says how likely its kind of place is to be a boundary; a tag's
 * words then confirm or refute it. */
enum {
	W_LOWER_UPPER = 15,  /* "gJ" in "EngineeringJava" */
	W_CAPS_WORD = 15,    /* "QK" in "JMQKafka": capitals, then a capitalised word */
	W_CAP_WORD = 0,      /* "SB" in "PaaSBackend": one capital after lowercase, then a word */
	W_INITIAL_CAP = -10, /* "ET" in "ETag": a word's first capital, then a word */
	W_CAPS = 0,          /* "IK" in "AIKV": between capitals */
	W_CAPS_LOWER = 10,   /* "Sd" in "JFSdistributed": capitals, then lowercase */
	W_CAP_LOWER = -20,   /* "Ka" in "Kafka": one capital, then lowercase (word edges only) */
	W_WORD_EDGE = -10,   /* "sd" in "Microservicesdatabase" (word edges only) */
	W_DIGIT = -10,       /* "n4", "4j" in "LangChain4j" */
	W_DIGIT_UPPER = 5,   /* "6N" in "IPv6NAT64" */
	W_AFTER_SYMBOL = 10, /* "+G" in "C++Go" */
	W_BEFORE_DOT = -10,  /* ".N" in "C#.NET" */
	W_SPLIT_WORD = -20,  /* the cut breaks a word of the text ("Dev|Ops" when it says "DevOps") */

	W_HIT = 20,        /* a tag's word occurs in the title or summary */
	W_HIT_SHORT = 10,  /* ... a two-letter one */
	W_STEM = 12,       /* ... in another form ("refactoring" for "refactored") */
	W_MISS = -10,      /* a word that does not occur */
	W_EDGE_COMMON = -10, /* a tag that starts or ends with "of", "and", ... */
	W_CASE_MIX = -10,    /* a lowercase word, then a capitalised one ("end Development") */
	W_ONE_CAPITAL = -10, /* a tag of one capital letter */
	W_ONE_CHAR = -40,    /* a tag of one other character */

	W_LEXICON = 40,     /* the tag is a lexicon entry */
	W_LEARNED = 15,     /* the tag was learned once ... */
	W_LEARNED_MAX = 30, /* ... +0.5 each time its count doubles, up to this */

	W_ORDER = -100, /* two tags out of ascending byte order */
	W_COUNT = 4,    /* times log2 of how much rarer the tag count is than the usual one */
	W_MARGIN = 20,  /* a win by this much teaches all the winner's tags */
};

enum {
	MAXP = 32,            /* cut points per line, its ends included */
	TMAX = 8,             /* tag counts told apart; more count as TMAX */
	KEEP = 2,             /* splits kept per state: the winner and the runner-up */
	KEEP_EXPLAIN = 5,     /* splits shown when explaining */
	WINDOW = 32,          /* recent records whose tag counts are weighed */
	LEARNED_MAX = 4096,   /* learned tags kept */
	SPLIT_MAX = 1024,     /* a longer line is taken as one tag */
	NONE = INT16_MIN,     /* no cut here */
	TAG_KEY = 1 << 16,    /* tie-break weight of one tag */
	SCORE_KEY = 1 << 24,  /* the score's weight in a ranking key */
};

enum { C_OTHER, C_SPACE, C_UP, C_LOW, C_DIGIT, C_CONT, C_LEAD };

static const unsigned char cls[256] = {
	[' '] = C_SPACE,	  ['\t'] = C_SPACE,	    ['A' ... 'Z'] = C_UP,
	['a' ... 'z'] = C_LOW,	  ['0' ... '9'] = C_DIGIT,  [0x80 ... 0xBF] = C_CONT,
	[0xC0 ... 0xFF] = C_LEAD,
};

static inline bool is_word(int c) { return c == C_UP || c == C_LOW || c == C_DIGIT; }
static inline unsigned lower(unsigned char c) { return cls[c] == C_UP ? c | 0x20u : c; }

#define HASH_MUL 0x100000001b3ULL
static inline uint64_t mix(uint64_t h) { return h * 0x9E3779B97F4A7C15ULL; }

/* The kinds of cut, for the weights and the explanation. */
enum why {
	WHY_LOWER_UPPER, WHY_CAPS_WORD, WHY_CAP_WORD, WHY_INITIAL_CAP, WHY_CAPS, WHY_CAPS_LOWER,
	WHY_CAP_LOWER, WHY_WORD_EDGE, WHY_DIGIT, WHY_DIGIT_UPPER, WHY_AFTER_SYMBOL,
	WHY_BEFORE_DOT, WHY_KNOWN_EDGE
};
static const struct {
	short w;
	const char *what;
} cut_kinds[] = {
	[WHY_LOWER_UPPER] = {W_LOWER_UPPER, "lowercase, then a capital"},
	[WHY_CAPS_WORD] = {W_CAPS_WORD, "capitals, then a capitalised word"},
	[WHY_CAP_WORD] = {W_CAP_WORD, "a last capital, then a capitalised word"},
	[WHY_INITIAL_CAP] = {W_INITIAL_CAP, "a first capital, then a capitalised word"},
	[WHY_CAPS] = {W_CAPS, "between capitals"},
	[WHY_CAPS_LOWER] = {W_CAPS_LOWER, "capitals, then lowercase"},
	[WHY_CAP_LOWER] = {W_CAP_LOWER, "a capital, then lowercase, at a word's edge"},
	[WHY_WORD_EDGE] = {W_WORD_EDGE, "inside lowercase, at a word's edge"},
	[WHY_DIGIT] = {W_DIGIT, "between a letter and a digit"},
	[WHY_DIGIT_UPPER] = {W_DIGIT_UPPER, "a digit, then a capital"},
	[WHY_AFTER_SYMBOL] = {W_AFTER_SYMBOL, "after + or #"},
	[WHY_BEFORE_DOT] = {W_BEFORE_DOT, "before a dot"},
	[WHY_KNOWN_EDGE] = {W_WORD_EDGE, "inside lowercase, at a known tag's edge"},
};

/* Words too common to say anything about a tag. */
static const char *const common_words[] = {
	"a",	"an",	"and", "are",  "as",   "at",   "be",   "by",   "can",	"do",
	"for",	"from", "has", "have", "how",  "in",   "into", "is",   "it",	"its",
	"new",	"not",	"of",  "on",   "or",   "our",  "than", "that", "the",	"their",
	"this", "to",	"use", "via",  "vs",   "was",  "we",   "what", "when", "why",
	"will", "with", "you", "your",
};
enum { NCOMMON = sizeof common_words / sizeof *common_words };

/* Endings that make two words one ("refactoring", "refactored"); the
 * first NINFLECT may also follow a whole word ("service", "services"). */
enum { NINFLECT = 8 };
static const char *const endings[] = {
	"s",	 "es",	   "ed",     "d",     "ing",	 "ings",   "er",      "ers",  "e",
	"or",	 "ors",	   "ion",    "ions",  "ation", "ations",   "ization", "isation", "ity",
	"ities", "ility",  "ibility", "ability", "able", "ible",	   "ably",    "le",   "ment",
	"ments", "ly",	   "al",     "ally",  "ar",	 "ic",	   "ics",     "ical", "ive",
	"ives",	 "ize",	   "ized",   "izes",  "ise",	 "ised",   "y",	      "ies",  "ied",
	"ness",	 "ism",	   "ist",    "ists",  "ence",	 "ance",   "ency",    "ent",  "ant",
	"ure",	 "ous",
};

struct cword { /* a word of the record's title or summary */
	uint64_t key, full; /* hash of the word (or of its first four letters), of the word */
	const char *w;
	uint32_t gen;
	uint16_t n;
	uint8_t prefix; /* an entry by the first four letters */
};

struct known {
	uint32_t off, n, count;
	bool lexicon;
	uint64_t hash;
	uint32_t next; /* next with the same first two bytes, +1 */
};

struct point { /* a place where the line may be cut */
	uint32_t pos;
	int16_t prior, split; /* the kind's weight; the penalty for breaking a word */
	uint8_t why;
	uint32_t word_a, word_b; /* the word broken, when split */
};

struct cell { /* one of the best splits of the line so far, ending in a given tag */
	int64_t key; /* score, then fewer tags, then cuts further right */
	int32_t score;
	uint8_t ft, fi, fr; /* the state it came from: tag count, start point, rank */
};

/* A split's score, by reason. */
enum { P_CUTS, P_SPLIT, P_WORDS, P_KNOWN, P_SHAPE, P_ORDER, P_COUNT, NPARTS };
static const char *const part_names[NPARTS] = {"cuts",  "broken words", "words", "known tags",
					       "shape", "order",	"count"};
struct parts {
	int v[NPARTS];
};

struct art_tagger {
	bool explain;
	uint64_t common[NCOMMON]; /* hashes of common_words, sorted */

	/* the record's context */
	struct cword *ctx;
	size_t ctx_cap, ctx_n;
	uint32_t gen;
	uint64_t singles; /* capitals and digits standing alone in it */

	/* known tags */
	struct known *known;
	size_t nknown, known_cap, nlearned;
	struct art_buf kbytes;
	uint32_t *kslot; /* by hash, index + 1 */
	size_t kslot_cap;
	uint32_t khead[4096]; /* by first two bytes, index + 1 */
	uint32_t kshort;      /* one-byte tags, chained */

	/* tag counts of recent records */
	uint8_t window[WINDOW];
	unsigned nwindow, wnext, tally[TMAX + 1];

	/* scratch for one line */
	const unsigned char *p;
	size_t n, scratch_cap;
	uint64_t *hl, *hc, *pw; /* prefix hashes: lowercased, as is; powers */
	int16_t *prior;
	uint8_t *why;
	uint16_t *low_end;
	struct point pts[MAXP];
	size_t m; /* pts[0..m] */
	int32_t tscore[MAXP * MAXP];
	struct point *cand;
	struct cell *cells;
	uint8_t *ncell;
	size_t cells_cap, ncell_cap;
	int cprior[TMAX + 1];
};

/* ---- hashing ---- */

static uint64_t hash_lower(const char *s, size_t n)
{
	uint64_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * HASH_MUL + lower((unsigned char)s[i]);
	return h;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = h * HASH_MUL + (unsigned char)s[i];
	return h;
}

static inline uint64_t sub_hash(const struct art_tagger *t, const uint64_t *h, size_t a, size_t b)
{
	return h[b] - h[a] * t->pw[b - a];
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static bool is_common(const struct art_tagger *t, uint64_t h)
{
	size_t lo = 0, hi = NCOMMON;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (t->common[mid] == h)
			return true;
		if (t->common[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- the record's context: the words of its title and summary ---- */

/* The entry for KEY: a whole word (PREFIX false), or a word by its first
 * four letters (PREFIX true; FULL, unless 0, picks the word). */
static struct cword *ctx_find(const struct art_tagger *t, uint64_t key, bool prefix, uint64_t full)
{
	if (!t->ctx_n)
		return NULL;
	size_t mask = t->ctx_cap - 1;
	for (size_t i = mix(key) >> 40 & mask; t->ctx[i].gen == t->gen; i = (i + 1) & mask) {
		struct cword *c = &t->ctx[i];
		if (c->key == key && c->prefix == prefix && (!full || c->full == full))
			return c;
	}
	return NULL;
}

static void ctx_insert(struct art_tagger *t, struct cword w)
{
	size_t mask = t->ctx_cap - 1, i = mix(w.key) >> 40 & mask;
	while (t->ctx[i].gen == t->gen)
		i = (i + 1) & mask;
	w.gen = t->gen;
	t->ctx[i] = w;
	t->ctx_n++;
}

static int ctx_grow(struct art_tagger *t)
{
	size_t cap = t->ctx_cap ? t->ctx_cap * 2 : 512;
	struct cword *old = t->ctx, *nw = calloc(cap, sizeof *nw);
	if (!nw)
		return -1;
	size_t oldcap = t->ctx_cap;
	t->ctx = nw;
	t->ctx_cap = cap;
	t->ctx_n = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].gen == t->gen)
			ctx_insert(t, old[i]);
	free(old);
	return 0;
}

static int ctx_put(struct art_tagger *t, uint64_t key, bool prefix, uint64_t full, const char *w,
		   size_t n)
{
	if (ctx_find(t, key, prefix, full))
		return 0;
	if ((t->ctx_n + 1) * 2 > t->ctx_cap && ctx_grow(t) != 0)
		return -1;
	ctx_insert(t, (struct cword){.key = key, .full = full, .w = w, .n = (uint16_t)n, .prefix = prefix});
	return 0;
}

static int ctx_add_text(struct art_tagger *t, art_str s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0;
	while (i < s.n) {
		if (!is_word(cls[p[i]])) {
			i++;
			continue;
		}
		size_t a = i;
		uint64_t h = 0, h4 = 0, hp = 0;
		for (; i < s.n && is_word(cls[p[i]]); i++) {
			hp = h;
			h = h * HASH_MUL + lower(p[i]);
			if (i - a == 3)
				h4 = h;
		}
		size_t n = i - a;
		if (n == 1 && cls[p[a]] != C_LOW)
			t->singles |= 1ull << (p[a] - '0');
		if (n < 2 || n > UINT16_MAX || (n <= 5 && is_common(t, h)))
			continue;
		if (ctx_put(t, h, false, h, s.p + a, n) != 0)
			return -1;
		if (n >= 4 && ctx_put(t, h4, true, h, s.p + a, n) != 0)
			return -1;
		if (n >= 4 && p[i - 1] == 's' && p[i - 2] != 's') { /* "LLMs": "LLM" too */
			if (ctx_put(t, hp, false, hp, s.p + a, n - 1) != 0)
				return -1;
		}
	}
	return 0;
}

static int ctx_build(struct art_tagger *t, art_str title, art_str summary)
{
	if (++t->gen == 0) { /* wrapped: forget every old generation for real */
		memset(t->ctx, 0, t->ctx_cap * sizeof *t->ctx);
		t->gen = 1;
	}
	t->ctx_n = 0;
	t->singles = 0;
	if (!t->ctx && ctx_grow(t) != 0)
		return -1;
	return ctx_add_text(t, title) == 0 && ctx_add_text(t, summary) == 0 ? 0 : -1;
}

/* Is S[0..n) one of the endings (all of them, or the first NINFLECT)? */
static bool ending_ok(const unsigned char *s, size_t n, size_t nendings)
{
	if (n == 0)
		return true;
	if (n > 7)
		return false;
	for (size_t i = 0; i < nendings; i++) {
		const char *e = endings[i];
		size_t k = 0;
		while (k < n && e[k] && (unsigned char)e[k] == lower(s[k]))
			k++;
		if (k == n && !e[k])
			return true;
	}
	return false;
}

/* A word of the text that is TOKEN in another form: the same first letters
 * (four at least), then endings from the list. */
static const struct cword *ctx_stem(const struct art_tagger *t, const unsigned char *tok, size_t n,
				    uint64_t h4)
{
	size_t mask = t->ctx_cap - 1;
	for (size_t i = mix(h4) >> 40 & mask; t->ctx[i].gen == t->gen; i = (i + 1) & mask) {
		const struct cword *c = &t->ctx[i];
		if (c->key != h4 || !c->prefix)
			continue;
		const unsigned char *w = (const unsigned char *)c->w;
		size_t k = 0;
		while (k < n && k < c->n && lower(tok[k]) == lower(w[k]))
			k++;
		size_t all = sizeof endings / sizeof *endings;
		if (k >= 4 && ending_ok(tok + k, n - k, all) &&
		    ending_ok(w + k, c->n - k, k == n ? NINFLECT : all))
			return c;
	}
	return NULL;
}

/* ---- known tags ---- */

static unsigned head_of(const unsigned char *p) { return (p[0] * 131u + p[1]) & 4095u; }

static struct known *known_find(const struct art_tagger *t, const char *s, size_t n, uint64_t h)
{
	if (!t->nknown)
		return NULL;
	size_t mask = t->kslot_cap - 1;
	for (size_t i = mix(h) >> 40 & mask; t->kslot[i]; i = (i + 1) & mask) {
		struct known *k = &t->known[t->kslot[i] - 1];
		if (k->hash == h && k->n == n && memcmp(t->kbytes.p + k->off, s, n) == 0)
			return k;
	}
	return NULL;
}

static void known_index(struct art_tagger *t, uint32_t idx)
{
	struct known *k = &t->known[idx];
	size_t mask = t->kslot_cap - 1, i = mix(k->hash) >> 40 & mask;
	while (t->kslot[i])
		i = (i + 1) & mask;
	t->kslot[i] = idx + 1;
	const unsigned char *p = (const unsigned char *)t->kbytes.p + k->off;
	uint32_t *head = k->n == 1 ? &t->kshort : &t->khead[head_of(p)];
	k->next = *head;
	*head = idx + 1;
}

static int known_reindex(struct art_tagger *t, size_t cap)
{
	uint32_t *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	free(t->kslot);
	t->kslot = slots;
	t->kslot_cap = cap;
	memset(t->khead, 0, sizeof t->khead);
	t->kshort = 0;
	for (size_t i = 0; i < t->nknown; i++)
		known_index(t, (uint32_t)i);
	return 0;
}

/* Learned tags are many: halve their counts and forget those that reach 0. */
static int known_age(struct art_tagger *t)
{
	struct art_buf bytes = {0};
	size_t kept = 0;
	t->nlearned = 0;
	for (size_t i = 0; i < t->nknown; i++) {
		struct known k = t->known[i];
		if (!k.lexicon && (k.count /= 2) == 0)
			continue;
		if (art_buf_append(&bytes, t->kbytes.p + k.off, k.n) != 0) {
			art_buf_free(&bytes);
			return -1;
		}
		k.off = (uint32_t)(bytes.len - k.n);
		t->known[kept++] = k;
		t->nlearned += !k.lexicon;
	}
	t->nknown = kept;
	art_buf_free(&t->kbytes);
	t->kbytes = bytes;
	return known_reindex(t, t->kslot_cap);
}

static int known_add(struct art_tagger *t, const char *s, size_t n, bool lexicon)
{
	uint64_t h = hash_bytes(s, n);
	struct known *k = known_find(t, s, n, h);
	if (k) {
		if (lexicon)
			k->lexicon = true;
		else if (k->count < UINT32_MAX)
			k->count++;
		return 0;
	}
	if (!lexicon && t->nlearned >= LEARNED_MAX)
		while (t->nlearned >= LEARNED_MAX / 2)
			if (known_age(t) != 0)
				return -1;
	if (n > UINT32_MAX || t->kbytes.len > UINT32_MAX - n)
		return -1;
	if (t->nknown == t->known_cap) {
		size_t cap = t->known_cap ? t->known_cap * 2 : 64;
		struct known *nk = realloc(t->known, cap * sizeof *nk);
		if (!nk)
			return -1;
		t->known = nk;
		t->known_cap = cap;
	}
	if ((t->nknown + 1) * 2 > t->kslot_cap &&
	    known_reindex(t, t->kslot_cap ? t->kslot_cap * 2 : 256) != 0)
		return -1;
	if (art_buf_append(&t->kbytes, s, n) != 0)
		return -1;
	t->known[t->nknown] = (struct known){.off = (uint32_t)(t->kbytes.len - n),
					     .n = (uint32_t)n,
					     .count = !lexicon,
					     .lexicon = lexicon,
					     .hash = h};
	known_index(t, (uint32_t)t->nknown++);
	t->nlearned += !lexicon;
	return 0;
}

/* ---- the tagger ---- */

struct art_tagger *art_tagger_new(void)
{
	struct art_tagger *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	for (size_t i = 0; i < NCOMMON; i++)
		t->common[i] = hash_lower(common_words[i], strlen(common_words[i]));
	qsort(t->common, NCOMMON, sizeof *t->common, cmp_u64);
	return t;
}

void art_tagger_free(struct art_tagger *t)
{
	if (!t)
		return;
	free(t->ctx);
	free(t->known);
	free(t->kslot);
	art_buf_free(&t->kbytes);
	free(t->hl);
	free(t->hc);
	free(t->pw);
	free(t->prior);
	free(t->why);
	free(t->low_end);
	free(t->cand);
	free(t->cells);
	free(t->ncell);
	free(t);
}

void art_tagger_explain(struct art_tagger *t, bool on) { t->explain = on; }

static art_str trim(art_str s)
{
	while (s.n && cls[(unsigned char)s.p[0]] == C_SPACE) {
		s.p++;
		s.n--;
	}
	while (s.n && cls[(unsigned char)s.p[s.n - 1]] == C_SPACE)
		s.n--;
	return s;
}

int art_tagger_add(struct art_tagger *t, art_str tag, enum art_tag_kind kind)
{
	tag = trim(tag);
	if (!tag.n)
		return 0;
	return known_add(t, tag.p, tag.n, kind == ART_TAG_LEXICON);
}

int art_tagger_load(struct art_tagger *t, const char *path, struct art_error *err)
{
	struct art_lines lines;
	err->file = path;
	err->line = 0;
	if (art_lines_open(&lines, path) != 0) {
		err->errnum = errno;
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return ART_FAIL;
	}
	int rc = ART_OK;
	art_str line;
	for (;;) {
		int r = art_lines_next(&lines, &line);
		if (r == ART_LINES_EOF)
			break;
		if (r == ART_LINES_OK && art_tagger_add(t, line, ART_TAG_LEXICON) == 0)
			continue;
		err->errnum = r == ART_LINES_ERROR ? lines.err : r == ART_LINES_OK ? ENOMEM : 0;
		err->line = r == ART_LINES_ERROR ? 0 : lines.lineno;
		if (err->errnum)
			snprintf(err->msg, sizeof err->msg, "%s", strerror(err->errnum));
		else
			snprintf(err->msg, sizeof err->msg, "line longer than %u bytes",
				 (unsigned)ART_LINE_MAX);
		rc = ART_FAIL;
		break;
	}
	art_lines_close(&lines);
	return rc;
}

/* ---- one line ---- */

static int scratch(struct art_tagger *t, size_t n)
{
	if (n + 1 <= t->scratch_cap)
		return 0;
	size_t cap = t->scratch_cap ? t->scratch_cap : 128;
	while (cap < n + 1)
		cap *= 2;
	uint64_t *hl = realloc(t->hl, cap * sizeof *hl);
	if (hl)
		t->hl = hl;
	uint64_t *hc = realloc(t->hc, cap * sizeof *hc);
	if (hc)
		t->hc = hc;
	uint64_t *pw = realloc(t->pw, cap * sizeof *pw);
	if (pw)
		t->pw = pw;
	int16_t *prior = realloc(t->prior, cap * sizeof *prior);
	if (prior)
		t->prior = prior;
	uint8_t *why = realloc(t->why, cap);
	if (why)
		t->why = why;
	uint16_t *low_end = realloc(t->low_end, cap * sizeof *low_end);
	if (low_end)
		t->low_end = low_end;
	struct point *cand = realloc(t->cand, cap * sizeof *cand);
	if (cand)
		t->cand = cand;
	if (!hl || !hc || !pw || !prior || !why || !low_end || !cand)
		return -1;
	t->pw[0] = 1;
	for (size_t i = t->scratch_cap ? t->scratch_cap : 1; i < cap; i++)
		t->pw[i] = t->pw[i - 1] * HASH_MUL;
	t->scratch_cap = cap;
	return 0;
}

static bool ctx_word(const struct art_tagger *t, size_t a, size_t b)
{
	return b - a >= 2 && ctx_find(t, sub_hash(t, t->hl, a, b), false, 0);
}

enum { NPIECES = 4 };

/* Does a word of the text end or start at P, inside lowercase?  PIECE[]
 * are where the last pieces before P (capitalised words, runs of capitals
 * or digits, stretches between places to cut) start, the latest first. */
static bool word_edge(const struct art_tagger *t, size_t p, const size_t *piece)
{
	if (!t->ctx_n)
		return false;
	size_t e = t->low_end[p];
	if (ctx_word(t, p, e) || (p + 4 <= e && ctx_find(t, sub_hash(t, t->hl, p, p + 4), true, 0)))
		return true;
	for (int i = 0; i < NPIECES && (i == 0 || piece[i] < piece[i - 1]); i++) {
		size_t a = piece[i];
		if (ctx_word(t, a, p) ||
		    (p - a >= 4 && ctx_stem(t, t->p + a, p - a, sub_hash(t, t->hl, a, a + 4))))
			return true;
	}
	return false;
}

static void mark(struct art_tagger *t, size_t p, int why)
{
	t->prior[p] = cut_kinds[why].w;
	t->why[p] = (uint8_t)why;
}

/* Where may the line be cut, and how likely is each place by its kind? */
static void find_cuts(struct art_tagger *t)
{
	const unsigned char *L = t->p;
	size_t n = t->n;
	t->low_end[n] = (uint16_t)n;
	for (size_t p = n; p-- > 0;)
		t->low_end[p] = cls[L[p]] == C_LOW ? t->low_end[p + 1] : (uint16_t)p;
	size_t piece[NPIECES] = {0}, caps = cls[L[0]] == C_UP;
	for (size_t p = 1; p < n; p++) {
		int x = cls[L[p - 1]], y = cls[L[p]];
		t->prior[p] = NONE;
		caps = y == C_UP ? caps + 1 : 0;
		if (!is_word(x))
			for (int i = 0; i < NPIECES; i++)
				piece[i] = p;
		if (x == C_SPACE || y == C_SPACE || y == C_CONT)
			continue;
		size_t ncaps = caps ? caps - 1 : 0; /* capitals just before P */
		int z = p + 1 < n ? cls[L[p + 1]] : C_OTHER;
		bool word_follows = z == C_LOW && p + 2 < n && cls[L[p + 2]] == C_LOW;
		if ((x == C_LOW || x == C_CONT) && y == C_UP)
			mark(t, p, WHY_LOWER_UPPER);
		else if (x == C_UP && y == C_UP && word_follows)
			mark(t, p, ncaps >= 2			       ? WHY_CAPS_WORD
				   : p >= 2 && cls[L[p - 2]] == C_LOW ? WHY_CAP_WORD
								      : WHY_INITIAL_CAP);
		else if (x == C_UP && y == C_UP)
			mark(t, p, WHY_CAPS);
		else if (x == C_UP && y == C_LOW) {
			size_t k = p - 1;
			while (k > 0 && cls[L[k - 1]] == C_UP)
				k--;
			if (p - k >= 2)
				mark(t, p, WHY_CAPS_LOWER);
			else if (word_edge(t, p, piece))
				mark(t, p, WHY_CAP_LOWER);
		} else if (x == C_LOW && y == C_LOW) {
			if (word_edge(t, p, piece))
				mark(t, p, WHY_WORD_EDGE);
		} else if ((x == C_UP || x == C_LOW) && y == C_DIGIT)
			mark(t, p, WHY_DIGIT);
		else if (x == C_DIGIT && y == C_UP)
			mark(t, p, WHY_DIGIT_UPPER);
		else if (x == C_DIGIT && y == C_LOW)
			mark(t, p, WHY_DIGIT);
		else if ((L[p - 1] == '+' || L[p - 1] == '#') && is_word(y))
			mark(t, p, WHY_AFTER_SYMBOL);
		else if (L[p] == '.' && is_word(x) && (z == C_UP || z == C_LOW))
			mark(t, p, WHY_BEFORE_DOT);
		/* a new piece: a capitalised word, capitals, digits, or after a cut */
		if (is_word(x) && (t->prior[p] != NONE || (x != y && !(x == C_UP && y == C_LOW)) ||
				   (x == C_UP && y == C_UP))) {
			memmove(piece + 1, piece, (NPIECES - 1) * sizeof *piece);
			piece[0] = p;
		}
	}
}

static bool can_cut(const struct art_tagger *t, size_t p)
{
	return p > 0 && p < t->n && cls[t->p[p - 1]] != C_SPACE && cls[t->p[p]] != C_SPACE &&
	       cls[t->p[p]] != C_CONT;
}

/* Known tags occurring in the line make their edges places to cut. */
static void find_known(struct art_tagger *t)
{
	const unsigned char *L = t->p;
	const char *kb = t->kbytes.p;
	for (size_t p = 0; p < t->n; p++) {
		if (p > 0 && !can_cut(t, p))
			continue;
		uint32_t chains[2] = {p + 1 < t->n ? t->khead[head_of(L + p)] : 0, t->kshort};
		for (int c = 0; c < 2; c++)
			for (uint32_t i = chains[c]; i; i = t->known[i - 1].next) {
				const struct known *k = &t->known[i - 1];
				size_t e = p + k->n;
				if (e > t->n || memcmp(kb + k->off, L + p, k->n) != 0)
					continue;
				if (p > 0 && t->prior[p] == NONE)
					mark(t, p, WHY_KNOWN_EDGE);
				if (e < t->n && t->prior[e] == NONE && can_cut(t, e))
					mark(t, e, WHY_KNOWN_EDGE);
			}
	}
}

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
	struct point *pt = &t->pts[k];
	size_t p = pt->pos;
	if (!is_word(cls[t->p[p - 1]]) || !is_word(cls[t->p[p]]))
		return;
	size_t rs = p, re = p;
	while (rs > 0 && is_word(cls[t->p[rs - 1]]))
		rs--;
	while (re < t->n && is_word(cls[t->p[re]]))
		re++;
	size_t left[3] = {rs, rs, rs}, right[3] = {re, re, re};
	for (size_t d = 1; d <= 2; d++) {
		if (k >= d && t->pts[k - d].pos > rs)
			left[d] = t->pts[k - d].pos;
		if (k + d < t->m && t->pts[k + d].pos < re)
			right[d] = t->pts[k + d].pos;
	}
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 3; j++) {
			size_t a = left[i], b = right[j];
			const struct cword *c =
				b - a >= 3 ? ctx_find(t, sub_hash(t, t->hl, a, b), false, 0) : NULL;
			/* as the text writes it: "SLOs" is not broken by "SLO|SRE" */
			if (c && c->n == b - a && memcmp(c->w, t->p + a, b - a) == 0) {
				pt->split = W_SPLIT_WORD;
				pt->word_a = (uint32_t)left[i];
				pt->word_b = (uint32_t)right[j];
				return;
			}
		}
}

/* The places to cut, as points 1..m-1 between the line's ends 0 and m; when
 * there are too many, the likeliest by kind. */
static void collect_points(struct art_tagger *t)
{
	size_t nc = 0;
	for (size_t p = 1; p < t->n; p++)
		if (t->prior[p] != NONE)
			t->cand[nc++] = (struct point){.pos = (uint32_t)p, .prior = t->prior[p], .why = t->why[p]};
	if (nc > MAXP - 2) {
		qsort(t->cand, nc, sizeof *t->cand, cmp_point_prior);
		nc = MAXP - 2;
		qsort(t->cand, nc, sizeof *t->cand, cmp_point_pos);
	}
	t->pts[0] = (struct point){.pos = 0};
	memcpy(t->pts + 1, t->cand, nc * sizeof *t->cand);
	t->m = nc + 1;
	t->pts[t->m] = (struct point){.pos = (uint32_t)t->n};
	if (t->ctx_n)
		for (size_t k = 1; k < t->m; k++)
			find_split_word(t, k);
}

/* ---- scores ---- */

static void bputs(struct art_buf *b, const char *s) { art_buf_append(b, s, strlen(s)); }

static void put_tenths(struct art_buf *b, int v)
{
	art_buf_printf(b, "%c%d.%d", v < 0 ? '-' : '+', abs(v) / 10, abs(v) % 10);
}

static void put_quoted(struct art_buf *b, const unsigned char *p, size_t n)
{
	art_buf_putc(b, '"');
	art_buf_append(b, p, n);
	art_buf_putc(b, '"');
}

static bool common_at(const struct art_tagger *t, size_t a, size_t b)
{
	return b - a <= 5 && cls[t->p[a]] == C_LOW && is_common(t, sub_hash(t, t->hl, a, b));
}

static int word_score(const struct art_tagger *t, size_t a, size_t b, struct art_buf *why)
{
	size_t n = b - a;
	const unsigned char *w = t->p + a;
	uint64_t h = sub_hash(t, t->hl, a, b);
	const char *how = "not in the text";
	int s = W_MISS;
	const struct cword *c = NULL;
	if (n == 1 && cls[w[0]] != C_LOW) { /* "C" of "C++", "3" of "HTTP/3" */
		if (t->singles >> (w[0] - '0') & 1) {
			how = "in the text";
			s = W_HIT_SHORT;
		} else if (cls[w[0]] == C_DIGIT) {
			how = "a number";
			s = 0;
		}
	} else if (common_at(t, a, b)) {
		how = "a common word";
		s = 0;
	} else if (n == 1) {
		/* a lone lowercase letter is no word of the text */
	} else if (ctx_find(t, h, false, 0)) {
		how = "in the text";
		s = n == 2 ? W_HIT_SHORT : W_HIT;
	} else if (n >= 4 && t->ctx_n && (c = ctx_stem(t, w, n, sub_hash(t, t->hl, a, a + 4)))) {
		how = "in the text as";
		s = W_STEM;
	}
	if (why) {
		art_buf_printf(why, "  %.*s ", (int)n, (const char *)w);
		put_tenths(why, s);
		art_buf_printf(why, " (%s%s", how, c ? " " : "");
		if (c)
			put_quoted(why, (const unsigned char *)c->w, c->n);
		art_buf_putc(why, ')');
	}
	return s;
}

static const struct known *tag_known(const struct art_tagger *t, size_t a, size_t b)
{
	if (!t->nknown)
		return NULL;
	return known_find(t, (const char *)t->p + a, b - a, sub_hash(t, t->hc, a, b));
}

static int known_score(const struct known *k)
{
	if (k->lexicon)
		return W_LEXICON;
	int s = W_LEARNED;
	for (uint32_t c = k->count; c > 1 && s < W_LEARNED_MAX; c /= 2)
		s += 5;
	return s;
}

/* The score of the tag [A, B) by itself: its words, its shape, whether it
 * is known. */
static int tag_score(const struct art_tagger *t, size_t a, size_t b, struct parts *pa,
		     struct art_buf *why)
{
	const unsigned char *L = t->p;
	int words = 0, shape = 0, known = 0;
	size_t first_b = 0, last_a = 0, nwords = 0;
	bool lower_first = false, case_mix = false;
	for (size_t i = a; i < b;) {
		if (!is_word(cls[L[i]])) {
			i++;
			continue;
		}
		size_t s = i, caps = 0;
		for (; i < b && is_word(cls[L[i]]); i++)
			caps += cls[L[i]] == C_UP;
		words += word_score(t, s, i, why);
		if (nwords++ == 0) {
			first_b = i;
			lower_first = caps == 0 && cls[L[s]] == C_LOW;
		} else if (lower_first && cls[L[s]] == C_UP && s > 0 && cls[L[s - 1]] == C_SPACE) {
			case_mix = true;
		}
		last_a = s;
	}
	if (case_mix)
		shape += W_CASE_MIX;
	if (b - a == 1)
		shape += cls[L[a]] == C_UP ? W_ONE_CAPITAL : W_ONE_CHAR;
	else if (nwords && is_word(cls[L[a]]) && common_at(t, a, first_b))
		shape += W_EDGE_COMMON; /* "of Things" */
	if (nwords > 1 && is_word(cls[L[b - 1]]) && common_at(t, last_a, b))
		shape += W_EDGE_COMMON; /* "Internet of" */
	const struct known *k = tag_known(t, a, b);
	if (k)
		known = known_score(k);
	if (why && shape) {
		bputs(why, "  shape ");
		put_tenths(why, shape);
	}
	if (why && k) {
		art_buf_printf(why, "  %s ", k->lexicon ? "in the lexicon" : "learned");
		put_tenths(why, known);
		if (!k->lexicon)
			art_buf_printf(why, " (seen %u time%s)", k->count, k->count == 1 ? "" : "s");
	}
	if (pa) {
		pa->v[P_WORDS] += words;
		pa->v[P_SHAPE] += shape;
		pa->v[P_KNOWN] += known;
	}
	return words + shape + known;
}

static int tscore(struct art_tagger *t, size_t i, size_t j)
{
	int32_t *s = &t->tscore[i * MAXP + j];
	if (*s == INT32_MIN)
		*s = tag_score(t, t->pts[i].pos, t->pts[j].pos, NULL, NULL);
	return *s;
}

/* Tags [P_H, P_I) and [P_I, P_J) in ascending byte order? */
static bool in_order(const struct art_tagger *t, size_t h, size_t i, size_t j)
{
	size_t a = t->pts[h].pos, b = t->pts[i].pos, c = t->pts[j].pos;
	art_str x = {(const char *)t->p + a, b - a}, y = {(const char *)t->p + b, c - b};
	return art_str_cmp(x, y) < 0;
}

/* 10 * log2(num / den) for num >= den > 0, rounded down. */
static int log2_tenths(unsigned num, unsigned den)
{
	int r = 0;
	while (num >= 2 * den) {
		den *= 2;
		r += 10;
	}
	double x = (double)num / den, p = 1;
	for (int i = 0; i < 10; i++)
		p *= x;
	int k = 0;
	while (k < 9 && p >= (double)(2u << k))
		k++;
	return r + k;
}

/* The usual number of tags: each count scores by how much rarer it was
 * than the commonest one among the last WINDOW records. */
static void count_priors(struct art_tagger *t)
{
	unsigned top = 0;
	for (int k = 1; k <= TMAX; k++)
		if (t->tally[k] > top)
			top = t->tally[k];
	for (int k = 1; k <= TMAX; k++)
		t->cprior[k] = top ? -W_COUNT * log2_tenths(2 * top + 1, 2 * t->tally[k] + 1) / 10 : 0;
}

/* ---- the search ---- */

static size_t state(const struct art_tagger *t, size_t k, size_t i, size_t j)
{
	size_t m1 = t->m + 1;
	return ((k - 1) * m1 + i) * m1 + j;
}

static void offer(struct cell *list, uint8_t *n, size_t keep, struct cell c)
{
	size_t at = *n;
	while (at > 0 && list[at - 1].key < c.key)
		at--;
	if (at >= keep)
		return;
	size_t last = *n < keep ? *n : keep - 1;
	memmove(list + at + 1, list + at, (last - at) * sizeof *list);
	list[at] = c;
	if (*n < keep)
		(*n)++;
}

static int grow_cells(struct art_tagger *t, size_t keep)
{
	size_t m1 = t->m + 1, need = TMAX * m1 * m1;
	if (need * keep > t->cells_cap) {
		struct cell *c = realloc(t->cells, need * keep * sizeof *c);
		if (!c)
			return -1;
		t->cells = c;
		t->cells_cap = need * keep;
	}
	if (need > t->ncell_cap) {
		uint8_t *nc = realloc(t->ncell, need);
		if (!nc)
			return -1;
		t->ncell = nc;
		t->ncell_cap = need;
	}
	return 0;
}

/* The KEEP best splits of the line into FINAL (best first): dynamic
 * programming over (tags so far, last tag), as the order of two tags and
 * the count of tags make a tag's worth depend on more than itself. */
static int search(struct art_tagger *t, size_t keep, struct cell *final, uint8_t *nfinal)
{
	size_t m = t->m;
	if (grow_cells(t, keep) != 0)
		return -1;
	for (size_t i = 0; i <= m; i++)
		for (size_t j = 0; j <= m; j++)
			t->tscore[i * MAXP + j] = INT32_MIN;
	*nfinal = 0;
	for (size_t j = 1; j <= m; j++) {
		for (size_t k = 1; k <= TMAX; k++)
			for (size_t i = 0; i < j; i++)
				t->ncell[state(t, k, i, j)] = 0;
		size_t first = state(t, 1, 0, j);
		int s = tscore(t, 0, j);
		offer(t->cells + first * keep, &t->ncell[first], keep,
		      (struct cell){.key = (int64_t)s * SCORE_KEY - TAG_KEY, .score = s});
		for (size_t i = 1; i < j; i++) {
			int add = tscore(t, i, j) + t->pts[i].prior + t->pts[i].split;
			int64_t addkey = (int64_t)add * SCORE_KEY - TAG_KEY + t->pts[i].pos;
			for (size_t h = 0; h < i; h++) {
				int ord = in_order(t, h, i, j) ? 0 : W_ORDER;
				for (size_t k = 1; k <= TMAX; k++) {
					size_t from = state(t, k, h, i);
					size_t to = state(t, k < TMAX ? k + 1 : TMAX, i, j);
					for (uint8_t r = 0; r < t->ncell[from]; r++) {
						const struct cell *c = &t->cells[from * keep + r];
						offer(t->cells + to * keep, &t->ncell[to], keep,
						      (struct cell){
							      .key = c->key + addkey + (int64_t)ord * SCORE_KEY,
							      .score = c->score + add + ord,
							      .ft = (uint8_t)k,
							      .fi = (uint8_t)h,
							      .fr = r,
						      });
					}
				}
			}
		}
	}
	for (size_t k = 1; k <= TMAX; k++)
		for (size_t i = 0; i < m; i++) {
			size_t st = state(t, k, i, m);
			for (uint8_t r = 0; r < t->ncell[st]; r++) {
				struct cell c = t->cells[st * keep + r];
				c.key += (int64_t)t->cprior[k] * SCORE_KEY;
				c.score += t->cprior[k];
				c.ft = (uint8_t)k; /* the final state itself */
				c.fi = (uint8_t)i;
				c.fr = r;
				offer(final, nfinal, keep, c);
			}
		}
	return 0;
}

/* The points of a split found by search, start to end: PATH[0..n]. */
static size_t trace_path(const struct art_tagger *t, size_t keep, const struct cell *fin,
			 uint8_t *path)
{
	uint8_t rev[MAXP];
	size_t n = 0, k = fin->ft, i = fin->fi, j = t->m, r = fin->fr;
	rev[n++] = (uint8_t)j;
	for (;;) {
		rev[n++] = (uint8_t)i;
		if (i == 0)
			break;
		const struct cell *c = &t->cells[state(t, k, i, j) * keep + r];
		j = i;
		k = c->ft;
		i = c->fi;
		r = c->fr;
	}
	for (size_t x = 0; x < n; x++)
		path[x] = rev[n - 1 - x];
	return n - 1;
}

/* ---- explaining ---- */

/* The characters on either side of the cut at P, as "g|J". */
static void put_cut(struct art_buf *b, const struct art_tagger *t, size_t p)
{
	size_t a = p - 1, e = p + 1;
	while (a > 0 && cls[t->p[a]] == C_CONT)
		a--;
	while (e < t->n && cls[t->p[e]] == C_CONT)
		e++;
	art_buf_append(b, t->p + a, p - a);
	art_buf_putc(b, '|');
	art_buf_append(b, t->p + p, e - p);
}

static void put_split(struct art_buf *b, const struct art_tagger *t, const uint8_t *path, size_t n)
{
	for (size_t x = 0; x < n; x++) {
		if (x)
			bputs(b, " | ");
		size_t a = t->pts[path[x]].pos, e = t->pts[path[x + 1]].pos;
		art_buf_append(b, t->p + a, e - a);
	}
}

/* Score the split PATH[0..n] again, by reason, saying why when WHY. */
static int rescore(const struct art_tagger *t, const uint8_t *path, size_t n, struct parts *pa,
		   struct art_buf *why)
{
	memset(pa, 0, sizeof *pa);
	for (size_t x = 0; x < n; x++) {
		size_t i = path[x], j = path[x + 1];
		size_t a = t->pts[i].pos, b = t->pts[j].pos;
		if (why) {
			bputs(why, "    ");
			put_quoted(why, t->p + a, b - a);
		}
		if (x > 0) {
			const struct point *pt = &t->pts[i];
			pa->v[P_CUTS] += pt->prior;
			pa->v[P_SPLIT] += pt->split;
			if (why) {
				bputs(why, "  cut ");
				put_cut(why, t, a);
				art_buf_putc(why, ' ');
				put_tenths(why, pt->prior);
				art_buf_printf(why, " (%s)", cut_kinds[pt->why].what);
				if (pt->split) {
					bputs(why, "  breaks ");
					put_quoted(why, t->p + pt->word_a, pt->word_b - pt->word_a);
					art_buf_putc(why, ' ');
					put_tenths(why, pt->split);
				}
			}
			if (!in_order(t, path[x - 1], i, j)) {
				pa->v[P_ORDER] += W_ORDER;
				if (why) {
					bputs(why, "  not after the tag before ");
					put_tenths(why, W_ORDER);
				}
			}
		}
		tag_score(t, a, b, pa, why);
		if (why)
			art_buf_putc(why, '\n');
	}
	size_t k = n < TMAX ? n : TMAX;
	pa->v[P_COUNT] = t->cprior[k];
	if (why) {
		art_buf_printf(why, "    %zu tag%s ", n, n == 1 ? "" : "s");
		put_tenths(why, pa->v[P_COUNT]);
		if (t->nwindow)
			art_buf_printf(why, " (%u of the last %u records had %zu%s)\n", t->tally[k],
				       t->nwindow, k, k == TMAX ? " or more" : "");
		else
			bputs(why, " (no records before)\n");
	}
	int sum = 0;
	for (int i = 0; i < NPARTS; i++)
		sum += pa->v[i];
	return sum;
}

static void explain(struct art_tagger *t, const struct cell *fin, uint8_t nfin, struct art_buf *b)
{
	bputs(b, "tags ");
	put_quoted(b, t->p, t->n);
	art_buf_printf(b, ": %zu place%s to cut", t->m - 1, t->m == 2 ? "" : "s");
	for (size_t k = 1; k < t->m; k++) {
		bputs(b, k == 1 ? ": " : ", ");
		put_cut(b, t, t->pts[k].pos);
		art_buf_putc(b, ' ');
		put_tenths(b, t->pts[k].prior + t->pts[k].split);
	}
	art_buf_putc(b, '\n');
	uint8_t path[KEEP_EXPLAIN][MAXP + 1];
	size_t len[KEEP_EXPLAIN];
	struct parts pa[KEEP_EXPLAIN];
	for (uint8_t r = 0; r < nfin; r++) {
		len[r] = trace_path(t, KEEP_EXPLAIN, &fin[r], path[r]);
		rescore(t, path[r], len[r], &pa[r], NULL);
		art_buf_printf(b, "  %u. ", r + 1);
		put_tenths(b, fin[r].score);
		bputs(b, "  ");
		put_split(b, t, path[r], len[r]);
		art_buf_putc(b, '\n');
	}
	if (nfin > 1) {
		bputs(b, "  1 beats 2 by ");
		put_tenths(b, fin[0].score - fin[1].score);
		if (fin[0].score == fin[1].score)
			bputs(b, len[0] < len[1] ? ", a tie won by having fewer tags"
							: ", a tie won by cutting further right");
		const char *sep = ": ";
		for (int i = 0; i < NPARTS; i++)
			if (pa[0].v[i] != pa[1].v[i]) {
				art_buf_printf(b, "%s%s ", sep, part_names[i]);
				put_tenths(b, pa[0].v[i] - pa[1].v[i]);
				sep = ", ";
			}
		art_buf_putc(b, '\n');
	}
	bputs(b, "  1 in detail:\n");
	struct parts dummy;
	rescore(t, path[0], len[0], &dummy, b);
}

/* ---- splitting ---- */

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

/* Remember the split's tag count, and its tags: those the runner-up has
 * too, or all when the winner won clearly. */
static int learn(struct art_tagger *t, const struct art_tagsplit *s, const art_str *second,
		 size_t nsecond, int margin)
{
	size_t k = s->n < TMAX ? s->n : TMAX;
	if (t->nwindow == WINDOW)
		t->tally[t->window[t->wnext]]--;
	else
		t->nwindow++;
	t->window[t->wnext] = (uint8_t)k;
	t->wnext = (t->wnext + 1) % WINDOW;
	t->tally[k]++;
	for (size_t i = 0; i < s->n; i++) {
		bool shared = margin >= W_MARGIN;
		for (size_t j = 0; j < nsecond && !shared; j++)
			shared = art_str_eq(s->tags[i], second[j]);
		if (shared && known_add(t, s->tags[i].p, s->tags[i].n, false) != 0)
			return -1;
	}
	return 0;
}

int art_tags_split(struct art_tagger *t, art_str line, art_str title, art_str summary,
		   struct art_tagsplit *split)
{
	split->n = 0;
	split->explain.len = 0;
	line = trim(line);
	if (line.n == 0)
		return 0;
	if (line.n > SPLIT_MAX)
		return push(split, line);
	if (scratch(t, line.n) != 0 || ctx_build(t, title, summary) != 0)
		return -1;
	const unsigned char *L = (const unsigned char *)line.p;
	t->p = L;
	t->n = line.n;
	t->hl[0] = t->hc[0] = 0;
	for (size_t i = 0; i < line.n; i++) {
		t->hl[i + 1] = t->hl[i] * HASH_MUL + lower(L[i]);
		t->hc[i + 1] = t->hc[i] * HASH_MUL + L[i];
	}
	find_cuts(t);
	if (t->nknown)
		find_known(t);
	collect_points(t);
	count_priors(t);

	size_t keep = t->explain ? KEEP_EXPLAIN : KEEP;
	struct cell fin[KEEP_EXPLAIN];
	uint8_t nfin;
	if (search(t, keep, fin, &nfin) != 0)
		return -1;
	uint8_t path[MAXP + 1];
	size_t n = trace_path(t, keep, &fin[0], path);
	for (size_t x = 0; x < n; x++) {
		size_t a = t->pts[path[x]].pos, b = t->pts[path[x + 1]].pos;
		if (push(split, (art_str){line.p + a, b - a}) != 0)
			return -1;
	}
	art_str second[MAXP];
	size_t nsecond = 0;
	if (nfin > 1) {
		uint8_t p2[MAXP + 1];
		nsecond = trace_path(t, keep, &fin[1], p2);
		for (size_t x = 0; x < nsecond; x++) {
			size_t a = t->pts[p2[x]].pos, b = t->pts[p2[x + 1]].pos;
			second[x] = (art_str){line.p + a, b - a};
		}
	}
	if (t->explain)
		explain(t, fin, nfin, &split->explain);
	return learn(t, split, second, nsecond, nfin > 1 ? fin[0].score - fin[1].score : W_MARGIN);
}

void art_tagsplit_free(struct art_tagsplit *s)
{
	free(s->tags);
	art_buf_free(&s->explain);
	memset(s, 0, sizeof *s);
}
