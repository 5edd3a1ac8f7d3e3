/* reftags.c - the reference tag splitter (reftags.h).  Each rule of
 * lib/tags/ is written here as plainly as it can be said: a line is looked
 * at character by character, the words of the text are a list searched
 * from the start, the known tags a list for each first byte, and the best
 * split is found by dynamic programming over the lattice of the line's
 * points, every candidate tag scored in full.  No bit sets, no vector
 * instructions, no hashing, nothing remembered between two questions.
 * The terms are those of lib/tags/README.
 */
#include "reftags.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the weights and limits (lib/tags/tagger.h, art-parse(1)) ---- */

enum {
	W_SPLIT_WORD = -20,
	W_HIT = 20,
	W_HIT_SHORT = 10,
	W_STEM = 12,
	W_MISS = -10,
	W_EDGE_COMMON = -10,
	W_CASE_MIX = -10,
	W_ONE_CAPITAL = -10,
	W_ONE_CHAR = -40,
	W_LEXICON = 40,
	W_LEARNED = 15,
	W_LEARNED_MAX = 30,
	W_COUNT = 4,
};

enum {
	MAX_POINTS = 32,       /* points of a line, its two ends included */
	MAX_COUNT = 8,         /* tag counts told apart; more count as this */
	WINDOW = 32,           /* recent records whose tag counts are weighed */
	LEARNED_MAX = 4096,    /* learned tags kept */
	LINE_MAX = 1024,       /* a longer line is one tag */
	TEXT_WORD_MAX = 65535, /* a longer word of the text is passed over */
	MAX_RUN = 32,          /* tags in a run of known tags */
};

/* The kinds of cut and their weights. */
enum cut {
	NO_CUT = -1,
	LOWER_UPPER,  /* "gJ" */
	CAPS_WORD,    /* "QK" of "JMQKafka" */
	CAP_WORD,     /* "SB" of "PaaSBackend" */
	INITIAL_CAP,  /* "ET" of "ETag" */
	CAPS,         /* "IK" of "AIKV" */
	CAPS_LOWER,   /* "Sd" of "JFSdistributed" */
	CAP_LOWER,    /* "Ka" of "Kafka" */
	WORD_EDGE,    /* inside lowercase */
	DIGIT,        /* a letter and a digit */
	DIGIT_UPPER,  /* "6N" */
	AFTER_SYMBOL, /* "+G" */
	BEFORE_DOT,   /* "#." */
	SCRIPT,       /* the script changes */
	IN_SCRIPT,    /* inside a run of one script other than Latin */
};
static const int cut_weight[] = {15, 15, 0, -10, 0, 10, -20, -10, -10, 5, 10, -10, 40, -10};

/* Words too common to say anything about a tag. */
static const char *const common_words[] = {
    "a",    "an",  "and",  "are", "as",   "at",   "be",  "by",    "can",  "do",  "for",
    "from", "has", "have", "how", "in",   "into", "is",  "it",    "its",  "new", "not",
    "of",   "on",  "or",   "our", "than", "that", "the", "their", "this", "to",  "use",
    "via",  "vs",  "was",  "we",  "what", "when", "why", "will",  "with", "you", "your",
};

/* Endings that make two forms of one word; the first N_INFLECT may also
 * follow a whole word. */
static const char *const endings[] = {
    "s",       "es",   "ed",    "d",     "ing",     "ings",    "er",     "ers",
    "e",       "or",   "ors",   "ion",   "ions",    "ation",   "ations", "ization",
    "isation", "ity",  "ities", "ility", "ibility", "ability", "able",   "ible",
    "ably",    "le",   "ment",  "ments", "ly",      "al",      "ally",   "ar",
    "ic",      "ics",  "ical",  "ive",   "ives",    "ize",     "ized",   "izes",
    "ise",     "ised", "y",     "ies",   "ied",     "ness",    "ism",    "ist",
    "ists",    "ence", "ance",  "ency",  "ent",     "ant",     "ure",    "ous",
};
enum {
	N_INFLECT = 8,
	N_ENDINGS = sizeof endings / sizeof *endings,
	N_COMMON = sizeof common_words / sizeof *common_words
};

/* ---- the state ---- */

struct known_tag {
	unsigned char *bytes;
	size_t n;
	uint32_t count;
	bool lexicon, confirmed;
};

struct text_word {
	const unsigned char *w;
	size_t n;
};

struct point {
	size_t pos;
	enum cut kind;
	int split; /* W_SPLIT_WORD when the cut breaks a word of the text */
};

struct occurrence { /* the known tag number k found in the line at [a, e) */
	size_t a, e, k;
};

/* A split as the search builds it: its points, its score, its tags. */
struct path {
	int score, ntags, possum; /* possum: the sum of the positions of its cuts */
	unsigned char pts[MAX_POINTS + 1];
};

struct ref_tagger {
	/* the known tags, in the order they came; and by first byte */
	struct known_tag *known;
	size_t nknown, known_cap, nlearned;
	size_t *first[256]; /* the numbers of the known tags by first byte */
	size_t nfirst[256], first_cap[256];
	/* the tag counts of the last WINDOW splits */
	int window[WINDOW];
	int nwindow, wnext;

	/* the line being split, and what is found for it */
	const unsigned char *L;
	size_t n;
	struct text_word *words; /* of two characters or more, not common */
	size_t nwords, words_cap;
	bool single[256]; /* capitals and digits that stand alone in the text */
	char *text;
	size_t text_cap;
	enum cut kind[LINE_MAX + 1];
	bool marked[LINE_MAX + 1], locked[LINE_MAX + 1], word_end[LINE_MAX + 1];
	struct occurrence *occ;
	size_t nocc, occ_cap;
	struct point pts[LINE_MAX + 2];
	size_t m; /* pts[0..m] */
	/* the search: the scores of the candidates; the best split of each
	 * state (tags so far, last tag), and whether it has one */
	int score[MAX_POINTS][MAX_POINTS];
	struct path state[MAX_COUNT + 1][MAX_POINTS][MAX_POINTS];
	bool reached[MAX_COUNT + 1][MAX_POINTS][MAX_POINTS];
};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("reftags: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* ---- characters ---- */

static bool is_upper(unsigned c)
{
	return c >= 'A' && c <= 'Z';
}
static bool is_lower(unsigned c)
{
	return c >= 'a' && c <= 'z';
}
static bool is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}
static bool is_alnum(unsigned c)
{
	return is_upper(c) || is_lower(c) || is_digit(c);
}
static bool is_blank(unsigned c)
{
	return c == ' ' || c == '\t';
}
static bool is_cont(unsigned c)
{
	return c >= 0x80 && c < 0xC0;
}
static unsigned to_lower(unsigned c)
{
	return is_upper(c) ? c + 32 : c;
}

/* The byte of the line at I, 0 past its end. */
static unsigned at(const struct ref_tagger *t, size_t i)
{
	return i < t->n ? t->L[i] : 0;
}

/* How many of the first MAX bytes of A and B are alike but for case. */
static size_t same_start(const unsigned char *a, const unsigned char *b, size_t max)
{
	size_t k = 0;
	while (k < max && to_lower(a[k]) == to_lower(b[k]))
		k++;
	return k;
}

static bool is_common(const unsigned char *w, size_t n)
{
	for (size_t i = 0; i < N_COMMON; i++)
		if (strlen(common_words[i]) == n &&
		    same_start(w, (const void *)common_words[i], n) == n)
			return true;
	return false;
}

/* Is S[0, n) nothing, or one of the first NEND endings (case aside)? */
static bool is_ending(const unsigned char *s, size_t n, size_t nend)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < nend; i++)
		if (strlen(endings[i]) == n && same_start(s, (const void *)endings[i], n) == n)
			return true;
	return false;
}

/* ---- scripts ---- */

enum script { S_NONE, S_LATIN, S_GREEK, S_CYRILLIC, S_ARABIC, S_CJK, S_HANGUL, S_EMOJI, S_MARK };

static const struct {
	uint32_t lo, hi;
	enum script s;
} scripts[] = {
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

static enum script script_of(uint32_t c)
{
	if (c < 0x80) /* letters, digits and symbols go with Latin; not blanks, - or / */
		return c > ' ' && c != '-' && c != '/' && c != 0x7F ? S_LATIN : S_NONE;
	for (size_t i = 0; i < sizeof scripts / sizeof *scripts; i++)
		if (scripts[i].lo <= c && c <= scripts[i].hi)
			return scripts[i].s;
	return S_NONE;
}

/* The character L[a, e) as UTF-8 by its first byte (U+FFFD when that
 * byte says another length). */
static uint32_t decode(const unsigned char *L, size_t a, size_t e)
{
	size_t len = L[a] < 0x80 ? 1 : L[a] >= 0xF0 ? 4 : L[a] >= 0xE0 ? 3 : L[a] >= 0xC0 ? 2 : 0;
	if (len != e - a)
		return 0xFFFD;
	uint32_t c = len == 1 ? L[a] : L[a] & (0x7F >> len);
	for (size_t i = a + 1; i < e; i++)
		c = c << 6 | (L[i] & 0x3F);
	return c;
}

/* At P, where a byte of 0x80 or more is on either side: a change of
 * script, a run of one script that is not Latin, never (before a mark,
 * after a joiner: inside an emoji), or none of these (-1, with NEVER false). */
static enum cut script_cut(const struct ref_tagger *t, size_t p, bool *never)
{
	size_t a = p - 1, e = p + 1; /* the characters [a, p) and [p, e) */
	while (a > 0 && p - a < 4 && is_cont(t->L[a]))
		a--;
	while (e < t->n && e - p < 4 && is_cont(t->L[e]))
		e++;
	uint32_t before = decode(t->L, a, p);
	enum script x = script_of(before), y = script_of(decode(t->L, p, e));
	*never = y == S_MARK || before == 0x200D;
	if (*never)
		return NO_CUT;
	if (x == S_MARK)
		x = S_EMOJI;
	if (x == S_NONE || y == S_NONE || (x == y && x == S_LATIN))
		return NO_CUT;
	return x != y ? SCRIPT : IN_SCRIPT;
}

/* The kind of cut between L[p - 1] and L[p] (0 < p < n), or NO_CUT. */
static enum cut cut_kind(const struct ref_tagger *t, size_t p)
{
	unsigned x = t->L[p - 1], y = t->L[p];
	if ((x >= 0x80 || y >= 0x80) && !is_cont(y)) {
		bool never;
		enum cut s = script_cut(t, p, &never);
		if (never || s != NO_CUT)
			return s;
	}
	bool caps_before = p >= 2 && is_upper(t->L[p - 2]) && is_upper(x);
	if (is_alnum(x) && !is_alnum(y) && y < 0x80 && !is_blank(y)) /* "#." of "C#.NET" */
		return y == '.' && (is_upper(at(t, p + 1)) || is_lower(at(t, p + 1))) ? BEFORE_DOT
		                                                                      : NO_CUT;
	if (is_upper(x) && is_upper(y)) {
		if (!is_lower(at(t, p + 1)) || !is_lower(at(t, p + 2)) || p + 2 >= t->n)
			return CAPS; /* "IK" of "AIKV" */
		if (caps_before)
			return CAPS_WORD;
		return p >= 2 && is_lower(t->L[p - 2]) ? CAP_WORD : INITIAL_CAP;
	}
	if (is_upper(x) && is_lower(y))
		return caps_before ? CAPS_LOWER : CAP_LOWER;
	if (is_lower(x) && is_lower(y))
		return WORD_EDGE;
	if ((is_lower(x) || is_cont(x)) && is_upper(y))
		return LOWER_UPPER;
	if (is_digit(x) && is_upper(y))
		return DIGIT_UPPER;
	if ((is_digit(x) && is_lower(y)) || ((is_upper(x) || is_lower(x)) && is_digit(y)))
		return DIGIT;
	if (!is_alnum(x) && x < 0x80 && !is_blank(x) && is_alnum(y))
		return x == '+' || x == '#' ? AFTER_SYMBOL : NO_CUT;
	return NO_CUT;
}

/* ---- the words of the text ---- */

/* The words of "TITLE SUMMARY": runs of letters and digits.  A capital or
 * digit alone is remembered as such; longer words that are not common are
 * listed. */
static void read_text(struct ref_tagger *t, const char *title, size_t tn, const char *summary,
                      size_t sn)
{
	size_t n = tn + 1 + sn;
	if (n > t->text_cap) {
		t->text = xrealloc(t->text, n);
		t->text_cap = n;
	}
	memcpy(t->text, title, tn);
	t->text[tn] = ' ';
	memcpy(t->text + tn + 1, summary, sn);
	const unsigned char *s = (const unsigned char *)t->text;
	t->nwords = 0;
	memset(t->single, 0, sizeof t->single);
	for (size_t i = 0; i < n;) {
		if (!is_alnum(s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && is_alnum(s[e]))
			e++;
		if (e - i == 1 && !is_lower(s[i]))
			t->single[s[i]] = true;
		if (e - i >= 2 && e - i <= TEXT_WORD_MAX &&
		    !(e - i <= 5 && is_common(s + i, e - i))) {
			if (t->nwords == t->words_cap) {
				t->words_cap = t->words_cap ? 2 * t->words_cap : 64;
				t->words = xrealloc(t->words, t->words_cap * sizeof *t->words);
			}
			t->words[t->nwords++] = (struct text_word){s + i, e - i};
		}
		i = e;
	}
}

/* Does the word W of the text start as the line does at Q: its first two
 * characters (a word of two) or three (a longer word), case aside, all
 * letters or digits? */
static bool word_starts_at(const struct ref_tagger *t, const struct text_word *w, size_t q)
{
	size_t k = w->n == 2 ? 2 : 3;
	if (q + k > t->n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (!is_alnum(t->L[q + i]))
			return false;
	return same_start(t->L + q, w->w, k) == k;
}

/* Does a word of the text of two characters (LONG false) or of three or
 * more (LONG true) start at Q? */
static bool text_starts(const struct ref_tagger *t, size_t q, bool long_word)
{
	for (size_t i = 0; i < t->nwords; i++)
		if ((t->words[i].n > 2) == long_word && word_starts_at(t, &t->words[i], q))
			return true;
	return false;
}

/* Does a word of the text start at P in earnest: one of two characters,
 * or a longer one whose fourth character is the line's too (or that has
 * three)? */
static bool text_word_starts(const struct ref_tagger *t, size_t p)
{
	if (text_starts(t, p, false))
		return true;
	for (size_t i = 0; i < t->nwords; i++) {
		const struct text_word *w = &t->words[i];
		if (w->n > 2 && word_starts_at(t, w, p) &&
		    (w->n == 3 ||
		     (is_alnum(at(t, p + 3)) && to_lower(w->w[3]) == to_lower(at(t, p + 3)))))
			return true;
	}
	return false;
}

/* The end of the run of letters and digits from P. */
static size_t run_end(const struct ref_tagger *t, size_t p)
{
	while (p < t->n && is_alnum(t->L[p]))
		p++;
	return p;
}

/* The start of the run of letters and digits that P - 1 is in. */
static size_t run_start(const struct ref_tagger *t, size_t p)
{
	while (p > 0 && is_alnum(t->L[p - 1]))
		p--;
	return p;
}

/* Where words of the text that start at Q end in the line: the whole word,
 * or another form of it (an inflection of the whole word, or the same
 * first letters and another ending). */
static void note_word_ends(struct ref_tagger *t, size_t q)
{
	bool inside_lowercase = q > 0 && is_lower(at(t, q - 1)) && is_lower(at(t, q)) &&
	                        is_lower(at(t, q + 1)) && is_lower(at(t, q + 2));
	if (text_starts(t, q, false) && !inside_lowercase)
		t->word_end[q + 2] = true; /* not "go" in "golangperformance": by chance */
	size_t re = run_end(t, q);
	for (size_t i = 0; i < t->nwords; i++) {
		const struct text_word *w = &t->words[i];
		if (w->n < 3 || !word_starts_at(t, w, q))
			continue;
		size_t k = same_start(t->L + q, w->w, re - q < w->n ? re - q : w->n);
		if (k == w->n)
			t->word_end[q + k] = true;
		if (w->n >= 4 && k >= w->n - 1 && w->w[w->n - 1] == 's' && w->w[w->n - 2] != 's')
			t->word_end[q + w->n - 1] = true; /* "SLO" of "SLOs" */
		if (k < 4)
			continue;
		if (is_ending(w->w + k, w->n - k, N_INFLECT))
			t->word_end[q + k] = true;
		if (q + k == re || !is_ending(w->w + k, w->n - k, N_ENDINGS))
			continue;
		for (size_t len = 1; len <= 7 && q + k + len <= re; len++)
			if (is_ending(t->L + q + k, len, N_ENDINGS))
				t->word_end[q + k + len] = true;
	}
}

/* ---- the score of a word of the line ---- */

/* Is the line's [A, B) a plain word: no capital after its first letter? */
static bool plain(const struct ref_tagger *t, size_t a, size_t b)
{
	for (size_t i = a + 1; i < b; i++)
		if (is_upper(t->L[i]))
			return false;
	return true;
}

/* Is [A, B) (letters and digits, lowercase first) a common word? */
static bool common_at(const struct ref_tagger *t, size_t a, size_t b)
{
	return b - a <= 5 && is_lower(t->L[a]) && is_common(t->L + a, b - a);
}

/* The score of the word [A, B) of the line by the text. */
static int word_score(const struct ref_tagger *t, size_t a, size_t b)
{
	size_t n = b - a;
	const unsigned char *s = t->L + a;
	if (n == 1 && !is_lower(s[0])) { /* "C" of "C++", "3" of "HTTP/3" */
		if (t->single[s[0]])
			return W_HIT_SHORT;
		if (is_digit(s[0]))
			return 0;
		return W_MISS;
	}
	if (common_at(t, a, b))
		return 0;
	if (n == 1)
		return W_MISS;
	for (size_t i = 0; i < t->nwords; i++) { /* the word itself, or its plural */
		const struct text_word *w = &t->words[i];
		bool plural = n >= 3 && w->n == n + 1 && w->w[n] == 's' && w->w[n - 1] != 's';
		if ((w->n == n || plural) && (n == 2) == (w->n == 2) && same_start(s, w->w, n) == n)
			return n == 2 ? W_HIT_SHORT : W_HIT;
	}
	if (n < 4 || !plain(t, a, b))
		return W_MISS;
	for (size_t i = 0; i < t->nwords; i++) { /* the same word in another form */
		const struct text_word *w = &t->words[i];
		size_t k = same_start(s, w->w, n < w->n ? n : w->n);
		if (w->n >= 4 && k >= 4 && is_ending(s + k, n - k, N_ENDINGS) &&
		    is_ending(w->w + k, w->n - k, k == n ? N_INFLECT : N_ENDINGS))
			return W_STEM;
	}
	return W_MISS;
}

/* ---- known tags ---- */

static bool usable(const struct known_tag *k)
{
	return k->lexicon || k->confirmed || k->count > 1;
}

/* The known tag S[0, n), or NULL. */
static struct known_tag *known_find(struct ref_tagger *t, const unsigned char *s, size_t n)
{
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < t->nfirst[s[0]]; i++) {
		struct known_tag *k = &t->known[t->first[s[0]][i]];
		if (k->n == n && memcmp(k->bytes, s, n) == 0)
			return k;
	}
	return NULL;
}

/* List the known tag number I under its first byte. */
static void index_known(struct ref_tagger *t, size_t i)
{
	unsigned c = t->known[i].bytes[0];
	if (t->nfirst[c] == t->first_cap[c]) {
		t->first_cap[c] = t->first_cap[c] ? 2 * t->first_cap[c] : 16;
		t->first[c] = xrealloc(t->first[c], t->first_cap[c] * sizeof *t->first[c]);
	}
	t->first[c][t->nfirst[c]++] = i;
}

/* Too many learned tags: halve their counts, forget those that reach 0. */
static void known_age(struct ref_tagger *t)
{
	size_t kept = 0;
	t->nlearned = 0;
	for (size_t i = 0; i < t->nknown; i++) {
		struct known_tag k = t->known[i];
		if (!k.lexicon && (k.count /= 2) == 0) {
			free(k.bytes);
			continue;
		}
		t->known[kept++] = k;
		t->nlearned += !k.lexicon;
	}
	t->nknown = kept;
	memset(t->nfirst, 0, sizeof t->nfirst);
	for (size_t i = 0; i < t->nknown; i++)
		index_known(t, i);
}

/* Make S[0, n) known: a lexicon entry, or a tag seen (once more), CONFIRMED
 * when a word of the text or the user backs it. */
static void known_add(struct ref_tagger *t, const unsigned char *s, size_t n, bool lexicon,
                      bool confirmed)
{
	struct known_tag *k = known_find(t, s, n);
	if (k) {
		if (lexicon)
			k->lexicon = true;
		else if (k->count < UINT32_MAX)
			k->count++;
		k->confirmed |= confirmed;
		return;
	}
	if (!lexicon && t->nlearned >= LEARNED_MAX)
		while (t->nlearned >= LEARNED_MAX / 2)
			known_age(t);
	if (t->nknown == t->known_cap) {
		t->known_cap = t->known_cap ? 2 * t->known_cap : 64;
		t->known = xrealloc(t->known, t->known_cap * sizeof *t->known);
	}
	unsigned char *bytes = xrealloc(NULL, n);
	memcpy(bytes, s, n);
	t->known[t->nknown] = (struct known_tag){bytes, n, !lexicon, lexicon, confirmed};
	index_known(t, t->nknown++);
	t->nlearned += !lexicon;
}

/* The usable known tag that is the line's [A, B), as found in it. */
static const struct known_tag *known_at(const struct ref_tagger *t, size_t a, size_t b)
{
	for (size_t o = 0; o < t->nocc; o++)
		if (t->occ[o].a == a && t->occ[o].e == b)
			return &t->known[t->occ[o].k];
	return NULL;
}

/* The score of a known tag. */
static int known_score(const struct known_tag *k)
{
	if (k->lexicon)
		return W_LEXICON;
	int s = W_LEARNED; /* +0.5 each time its count doubles */
	for (uint32_t c = k->count; c > 1 && s < W_LEARNED_MAX; c /= 2)
		s += 5;
	return s;
}

/* Find the usable known tags in the line: at its start, and wherever a
 * character starts that is neither a blank nor after one. */
static void find_known(struct ref_tagger *t)
{
	t->nocc = 0;
	for (size_t p = 0; p < t->n; p++) {
		if (p > 0 && (is_blank(t->L[p - 1]) || is_blank(t->L[p]) || is_cont(t->L[p])))
			continue;
		for (size_t i = 0; i < t->nfirst[t->L[p]]; i++) {
			size_t x = t->first[t->L[p]][i];
			const struct known_tag *k = &t->known[x];
			if (!usable(k) || p + k->n > t->n || memcmp(k->bytes, t->L + p, k->n) != 0)
				continue;
			if (t->nocc == t->occ_cap) {
				t->occ_cap = t->occ_cap ? 2 * t->occ_cap : 64;
				t->occ = xrealloc(t->occ, t->occ_cap * sizeof *t->occ);
			}
			t->occ[t->nocc++] = (struct occurrence){p, p + k->n, x};
		}
	}
}

/* ---- the points ---- */

static void mark(struct ref_tagger *t, size_t p, enum cut kind)
{
	t->marked[p] = true;
	t->kind[p] = kind;
}

/* Is P a clear edge of a tag: an end of the line, or a place of a kind of
 * cut of positive weight? */
static bool clear_place(const struct ref_tagger *t, size_t p)
{
	if (p == 0 || p == t->n)
		return true;
	enum cut k = cut_kind(t, p);
	return k != NO_CUT && cut_weight[k] > 0;
}

/* The edges of known tags are places to cut where the line can be cut at
 * all; inside a known tag with clear edges, nothing is looked for. */
static void mark_known(struct ref_tagger *t)
{
	for (size_t o = 0; o < t->nocc; o++) {
		size_t edge[2] = {t->occ[o].a, t->occ[o].e};
		for (int i = 0; i < 2; i++)
			if (edge[i] > 0 && edge[i] < t->n && cut_kind(t, edge[i]) != NO_CUT)
				mark(t, edge[i], cut_kind(t, edge[i]));
		if (clear_place(t, t->occ[o].a) && clear_place(t, t->occ[o].e))
			for (size_t p = t->occ[o].a + 1; p < t->occ[o].e; p++)
				t->locked[p] = true;
	}
}

/* Does a word of the text start or end at P (not locked)? */
static bool text_edge(const struct ref_tagger *t, size_t p)
{
	return !t->locked[p] && (t->word_end[p] || text_word_starts(t, p));
}

/* Does a new piece (a capitalised word, capitals, digits) start between
 * X and Y? */
static bool new_piece(unsigned x, unsigned y)
{
	if (!is_alnum(x) || !is_alnum(y))
		return false;
	if (is_upper(x) && is_upper(y))
		return true;
	bool same = (is_upper(x) && is_upper(y)) || (is_lower(x) && is_lower(y)) ||
	            (is_digit(x) && is_digit(y));
	return !same && !(is_upper(x) && is_lower(y));
}

/* The places to cut, from left to right: a kind of cut of positive weight
 * anywhere, another kind where a word of the text starts or ends.  Where a
 * piece starts, or a cut is, the ends of the words of the text starting
 * there are noted (they lie further right). */
static void find_cuts(struct ref_tagger *t)
{
	for (size_t p = 0; p < t->n; p++) {
		unsigned x = p ? t->L[p - 1] : ' ', y = t->L[p];
		bool word_start = text_starts(t, p, false) || text_starts(t, p, true);
		if (is_lower(x) && is_lower(y)) { /* only words of the text cut here */
			if (text_edge(t, p)) {
				mark(t, p, WORD_EDGE);
				if (word_start)
					note_word_ends(t, p);
			}
			continue;
		}
		bool start = is_alnum(y) && (!is_alnum(x) || new_piece(x, y));
		enum cut kind = p ? cut_kind(t, p) : NO_CUT;
		if (kind != NO_CUT && (cut_weight[kind] > 0 || text_edge(t, p))) {
			mark(t, p, kind);
			start = is_alnum(y);
		}
		if (start && word_start && !t->locked[p])
			note_word_ends(t, p);
	}
}

/* Does the cut at point K break a word of the text, as written there,
 * that starts at the start of its run or at one of the two points before
 * and ends at the end of the run or one of the two points after? */
static bool breaks_word(const struct ref_tagger *t, size_t k)
{
	size_t p = t->pts[k].pos;
	if (!is_alnum(t->L[p - 1]) || !is_alnum(t->L[p]))
		return false;
	size_t rs = run_start(t, p), re = run_end(t, p);
	size_t left[3] = {rs, rs, rs}, right[3] = {re, re, re};
	for (size_t d = 1; d <= 2; d++) {
		if (k >= d && t->pts[k - d].pos > rs)
			left[d] = t->pts[k - d].pos;
		if (k + d < t->m && t->pts[k + d].pos < re)
			right[d] = t->pts[k + d].pos;
	}
	for (int i = 0; i < 3; i++)
		for (size_t w = 0; w < t->nwords; w++) {
			const struct text_word *tw = &t->words[w];
			size_t a = left[i], b = a + tw->n;
			if (tw->n < 3 || b <= p ||
			    (b != right[0] && b != right[1] && b != right[2]) ||
			    memcmp(tw->w, t->L + a, tw->n) != 0)
				continue;
			return true;
		}
	return false;
}

static int by_weight(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	if (cut_weight[x->kind] != cut_weight[y->kind])
		return cut_weight[y->kind] - cut_weight[x->kind];
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int by_position(const void *a, const void *b)
{
	const struct point *x = a, *y = b;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Is P inside a known tag whose edges are clear? */
static bool inside_known(const struct ref_tagger *t, size_t p)
{
	for (size_t o = 0; o < t->nocc; o++)
		if (t->occ[o].a < p && p < t->occ[o].e && clear_place(t, t->occ[o].a) &&
		    clear_place(t, t->occ[o].e))
			return true;
	return false;
}

/* The points: the line's ends and the places marked (the likeliest
 * MAX_POINTS - 2 by weight when there are more); then those of weight 0 or
 * less are dropped where they break a word of the text or lie inside a
 * known tag with clear edges. */
static void collect_points(struct ref_tagger *t)
{
	size_t nc = 0;
	for (size_t p = 1; p < t->n; p++)
		if (t->marked[p])
			t->pts[1 + nc++] = (struct point){p, t->kind[p], 0};
	if (nc > MAX_POINTS - 2) {
		qsort(t->pts + 1, nc, sizeof *t->pts, by_weight);
		nc = MAX_POINTS - 2;
		qsort(t->pts + 1, nc, sizeof *t->pts, by_position);
	}
	t->m = nc + 1;
	t->pts[0] = (struct point){0, NO_CUT, 0};
	t->pts[t->m] = (struct point){t->n, NO_CUT, 0};
	for (size_t k = 1; k < t->m; k++)
		if (cut_weight[t->pts[k].kind] > 0 || !t->locked[t->pts[k].pos])
			t->pts[k].split = breaks_word(t, k) ? W_SPLIT_WORD : 0;
	size_t kept = 1;
	for (size_t k = 1; k < t->m; k++) {
		const struct point *pt = &t->pts[k];
		if (cut_weight[pt->kind] <= 0 && (pt->split < 0 || inside_known(t, pt->pos)))
			continue;
		t->pts[kept++] = *pt;
	}
	t->pts[kept] = t->pts[t->m];
	t->m = kept;
}

/* ---- candidates and their scores ---- */

/* The score of the candidate [P_I, P_J) by itself: the words in it (each
 * run of letters and digits it has, or the part of it inside the tag),
 * its shape, and whether it is a known tag. */
static int candidate_score(const struct ref_tagger *t, size_t i, size_t j)
{
	size_t a = t->pts[i].pos, b = t->pts[j].pos;
	int score = 0, nwords = 0;
	bool first_plain = false, first_common = false, last_common = false, cap_after = false;
	for (size_t p = a; p < b;) {
		if (!is_alnum(t->L[p])) {
			p++;
			continue;
		}
		size_t s = p, e = run_end(t, p) < b ? run_end(t, p) : b;
		score += word_score(t, s, e);
		bool common = common_at(t, s, e);
		if (nwords == 0) {
			first_plain = is_lower(t->L[s]) && plain(t, s, e);
			first_common = common;
		} else if (is_upper(t->L[s]) && is_blank(t->L[s - 1])) {
			cap_after = true; /* a capitalised word after a space */
		}
		last_common = common;
		nwords++;
		p = e;
	}
	if (nwords > 1 && first_plain && cap_after)
		score += W_CASE_MIX; /* "end Development" */
	if (b - a == 1)
		score += is_upper(t->L[a]) ? W_ONE_CAPITAL : W_ONE_CHAR;
	else if (nwords > 0 && is_alnum(t->L[a]) && first_common)
		score += W_EDGE_COMMON; /* "of Things" */
	if (nwords > 1 && is_alnum(t->L[b - 1]) && last_common)
		score += W_EDGE_COMMON; /* "Internet of" */
	const struct known_tag *k = known_at(t, a, b);
	return score + (k ? known_score(k) : 0);
}

/* Is the tag [A, B) no later than [B, C) in byte order? */
static bool in_order(const struct ref_tagger *t, size_t a, size_t b, size_t c)
{
	size_t n1 = b - a, n2 = c - b;
	int d = memcmp(t->L + a, t->L + b, n1 < n2 ? n1 : n2);
	return d < 0 || (d == 0 && n1 <= n2);
}

/* The score of a count of tags: how much rarer it was than the commonest
 * count of the recent records, 0.4 for each halving. */
static int count_score(const struct ref_tagger *t, int ntags)
{
	int tally[MAX_COUNT + 1] = {0}, top = 0;
	for (int w = 0; w < t->nwindow; w++)
		tally[t->window[w]]++;
	for (int k = 1; k <= MAX_COUNT; k++)
		if (tally[k] > top)
			top = tally[k];
	if (top == 0)
		return 0;
	int c = tally[ntags < MAX_COUNT ? ntags : MAX_COUNT];
	int tenths = (int)floor(10 * log2((2.0 * top + 1) / (2.0 * c + 1)));
	return -W_COUNT * tenths / 10;
}

/* ---- the search ---- */

/* Is split X better than Y: a higher score, then fewer tags, then cuts
 * further right (a higher sum of their positions); between splits alike
 * in all that, the one whose last cut is further left, then the cut before
 * it, and so on (as the fast search settles it). */
static bool better(const struct path *x, const struct path *y)
{
	if (x->score != y->score)
		return x->score > y->score;
	if (x->ntags != y->ntags)
		return x->ntags < y->ntags;
	if (x->possum != y->possum)
		return x->possum > y->possum;
	for (int i = x->ntags - 1; i > 0; i--)
		if (x->pts[i] != y->pts[i])
			return x->pts[i] < y->pts[i];
	return false;
}

/* The best split of the line: dynamic programming over the lattice of its
 * points.  A state is a split of the line up to point J whose last tag is
 * [P_I, P_J), with its number of tags (counted up to MAX_COUNT): the next
 * tag's worth depends on the last one (byte order) and the count's score
 * on the number.  Each state keeps its best split. */
static int search(struct ref_tagger *t, struct path *best)
{
	size_t m = t->m;
	struct path(*state)[MAX_POINTS][MAX_POINTS] = t->state;
	bool(*reached)[MAX_POINTS][MAX_POINTS] = t->reached;
	int(*score)[MAX_POINTS] = t->score;
	memset(t->reached, 0, sizeof t->reached);
	for (size_t i = 0; i < m; i++)
		for (size_t j = i + 1; j <= m; j++)
			score[i][j] = candidate_score(t, i, j);
	for (size_t j = 1; j <= m; j++) {
		state[1][0][j] = (struct path){score[0][j], 1, 0, {0, (unsigned char)j}};
		reached[1][0][j] = true;
		for (size_t i = 1; i < j; i++)
			for (size_t h = 0; h < i; h++)
				for (int k = 1; k <= MAX_COUNT; k++) {
					if (!reached[k][h][i] ||
					    !in_order(t, t->pts[h].pos, t->pts[i].pos,
					              t->pts[j].pos))
						continue;
					struct path p = state[k][h][i];
					p.score += score[i][j] + cut_weight[t->pts[i].kind] +
					           t->pts[i].split;
					p.possum += (int)t->pts[i].pos;
					p.pts[++p.ntags] = (unsigned char)j;
					int nk = k < MAX_COUNT ? k + 1 : MAX_COUNT;
					if (!reached[nk][i][j] || better(&p, &state[nk][i][j])) {
						state[nk][i][j] = p;
						reached[nk][i][j] = true;
					}
				}
	}
	bool found = false;
	for (size_t i = 0; i < m; i++)
		for (int k = 1; k <= MAX_COUNT; k++) {
			if (!reached[k][i][m])
				continue;
			struct path p = state[k][i][m];
			p.score += count_score(t, p.ntags);
			if (!found || better(&p, best))
				*best = p;
			found = true;
		}
	return best->ntags;
}

/* ---- a line of known tags ---- */

/* A tag of a run of known tags: a usable known tag at [a, e), ending where
 * the line may be cut; WAYS, the ways to split [0, e) into such tags in
 * ascending byte order ending with this one (2: two or more); FROM, the
 * tag before it on one of them. */
struct run_tag {
	size_t a, e, k;
	int ways;
	size_t from;
};

/* Is the line a run of known tags, in strictly ascending byte order, in
 * exactly one way (and no more than MAX_RUN of them)?  Then those are its
 * tags, and their number is returned; else 0. */
static size_t known_run(struct ref_tagger *t, struct ref_tag *tags, size_t *which)
{
	size_t nt = 0;
	struct run_tag *rt = NULL;
	for (size_t o = 0; o < t->nocc; o++) /* occ is in order of start */
		if (t->occ[o].e == t->n || cut_kind(t, t->occ[o].e) != NO_CUT) {
			rt = xrealloc(rt, (nt + 1) * sizeof *rt);
			rt[nt++] = (struct run_tag){t->occ[o].a, t->occ[o].e, t->occ[o].k, 0, 0};
		}
	int ways = 0;
	size_t last = 0;
	for (size_t x = 0; x < nt; x++) {
		rt[x].ways = rt[x].a == 0;
		for (size_t y = 0; y < x; y++) {
			if (rt[y].e != rt[x].a || !rt[y].ways)
				continue;
			size_t n1 = rt[y].e - rt[y].a, n2 = rt[x].e - rt[x].a;
			int d = memcmp(t->L + rt[y].a, t->L + rt[x].a, n1 < n2 ? n1 : n2);
			if (d > 0 || (d == 0 && n1 >= n2))
				continue;
			rt[x].ways = rt[x].ways + rt[y].ways > 2 ? 2 : rt[x].ways + rt[y].ways;
			rt[x].from = y;
		}
		if (rt[x].e == t->n && rt[x].ways) {
			ways = ways + rt[x].ways > 2 ? 2 : ways + rt[x].ways;
			last = x;
		}
	}
	size_t m = 0;
	if (ways == 1) /* the tags, from the last back to the first */
		for (size_t x = last;; x = rt[x].from) {
			m++;
			if (rt[x].a == 0)
				break;
		}
	if (m > MAX_RUN)
		m = 0;
	size_t x = last;
	for (size_t i = m; i > 0; i--, x = rt[x].from) {
		tags[i - 1] = (struct ref_tag){rt[x].a, rt[x].e - rt[x].a};
		which[i - 1] = rt[x].k;
	}
	free(rt);
	return m;
}

/* ---- learning ---- */

static void count_tags(struct ref_tagger *t, size_t n)
{
	t->window[t->wnext] = n < MAX_COUNT ? (int)n : MAX_COUNT;
	t->wnext = (t->wnext + 1) % WINDOW;
	if (t->nwindow < WINDOW)
		t->nwindow++;
}

/* Is point K a clear edge of a tag: an end of the line, or a cut of
 * positive weight that breaks no word of the text? */
static bool clear_point(const struct ref_tagger *t, size_t k)
{
	return k == 0 || k == t->m || (cut_weight[t->pts[k].kind] > 0 && t->pts[k].split == 0);
}

/* Learn from the split PATH: its count, and each tag with clear edges: a
 * tag known (and usable) before the split is confirmed; another counts
 * once more, confirmed when a word of it is in the text. */
static void learn(struct ref_tagger *t, const struct path *path)
{
	count_tags(t, (size_t)path->ntags);
	bool was_known[MAX_POINTS], seen[MAX_POINTS];
	for (int x = 0; x < path->ntags; x++) {
		size_t a = t->pts[path->pts[x]].pos, b = t->pts[path->pts[x + 1]].pos;
		was_known[x] = known_at(t, a, b) != NULL;
		seen[x] = false;
		for (size_t p = a; p < b;) {
			if (!is_alnum(t->L[p])) {
				p++;
				continue;
			}
			size_t e = run_end(t, p) < b ? run_end(t, p) : b;
			seen[x] |= word_score(t, p, e) > 0;
			p = e;
		}
	}
	for (int x = 0; x < path->ntags; x++) {
		if (!clear_point(t, path->pts[x]) || !clear_point(t, path->pts[x + 1]))
			continue;
		size_t a = t->pts[path->pts[x]].pos, b = t->pts[path->pts[x + 1]].pos;
		known_add(t, t->L + a, b - a, false, was_known[x] || seen[x]);
	}
}

/* ---- splitting ---- */

size_t ref_split(struct ref_tagger *t, const char *line, size_t n, const char *title,
                 size_t title_n, const char *summary, size_t summary_n,
                 struct ref_tag tags[REF_TAGS_MAX])
{
	size_t off = 0;
	while (n > 0 && is_blank((unsigned char)line[0])) {
		line++;
		n--;
		off++;
	}
	while (n > 0 && is_blank((unsigned char)line[n - 1]))
		n--;
	if (n == 0)
		return 0;
	if (n > LINE_MAX) {
		tags[0] = (struct ref_tag){off, n};
		return 1;
	}
	t->L = (const unsigned char *)line;
	t->n = n;
	find_known(t);
	size_t which[MAX_RUN + 1];
	size_t m = known_run(t, tags, which);
	if (m > 0) {
		count_tags(t, m);
		for (size_t x = 0; x < m; x++) {
			struct known_tag *k = &t->known[which[x]];
			if (!k->lexicon && k->count < UINT32_MAX)
				k->count++;
			tags[x].off += off;
		}
		return m;
	}
	read_text(t, title, title_n, summary, summary_n);
	memset(t->marked, 0, n + 1);
	memset(t->locked, 0, n + 1);
	memset(t->word_end, 0, n + 1);
	mark_known(t);
	find_cuts(t);
	collect_points(t);
	struct path best = {0};
	size_t ntags = (size_t)search(t, &best);
	for (size_t x = 0; x < ntags; x++) {
		size_t a = t->pts[best.pts[x]].pos, b = t->pts[best.pts[x + 1]].pos;
		tags[x] = (struct ref_tag){off + a, b - a};
	}
	learn(t, &best);
	return ntags;
}

struct ref_tagger *ref_tagger_new(void)
{
	struct ref_tagger *t = xrealloc(NULL, sizeof *t);
	memset(t, 0, sizeof *t);
	return t;
}

void ref_tagger_free(struct ref_tagger *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nknown; i++)
		free(t->known[i].bytes);
	for (int c = 0; c < 256; c++)
		free(t->first[c]);
	free(t->known);
	free(t->words);
	free(t->text);
	free(t->occ);
	free(t);
}

void ref_tagger_lexicon(struct ref_tagger *t, const char *tag, size_t n)
{
	while (n > 0 && is_blank((unsigned char)tag[0])) {
		tag++;
		n--;
	}
	while (n > 0 && is_blank((unsigned char)tag[n - 1]))
		n--;
	if (n > 0)
		known_add(t, (const unsigned char *)tag, n, true, true);
}
