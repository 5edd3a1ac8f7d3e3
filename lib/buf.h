/* buf.h - growable byte buffers, string slices, growing arrays.
 *
 * art_str is a (pointer, length) view that owns nothing; art_buf owns a
 * heap block that grows as bytes are appended.  Every other module builds
 * on these two, so strings may hold NUL bytes and are never re-measured.
 */
#ifndef ART_BUF_H
#define ART_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* On every function that can fail: its result must be looked at.  The
 * build makes an ignored one an error (-Werror=unused-result), so that a
 * failure is never passed over by accident. */
#define ART_MUST_CHECK __attribute__((warn_unused_result))

typedef struct art_str {
	const char *p;
	size_t n;
} art_str;

#define ART_STR(lit) ((art_str){(lit), sizeof(lit) - 1})

struct art_buf {
	char *p;
	size_t len;
	size_t cap;
};

/* All functions returning int give 0 on success, -1 when out of memory. */
ART_MUST_CHECK int art_buf_reserve(struct art_buf *b, size_t extra);
ART_MUST_CHECK int art_buf_append(struct art_buf *b, const void *p, size_t n);
ART_MUST_CHECK int art_buf_putc(struct art_buf *b, char c);
/* S as text: each NUL byte (a "\u0000" of JSON) as U+FFFD, which no text
 * format may hold.  Room for 3 bytes a byte of S reserved beforehand keeps
 * B where it is. */
ART_MUST_CHECK int art_buf_append_text(struct art_buf *b, art_str s);
ART_MUST_CHECK int art_buf_printf(struct art_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void art_buf_free(struct art_buf *b);

/* Growing arrays.  Every array in libart that grows does it through these
 * two, so that no size is ever computed by a multiplication that could
 * overflow.
 *
 * art_reallocarray is OpenBSD's reallocarray(3): P resized to N elements
 * of SIZE bytes, or NULL with errno ENOMEM (and P as it was) when N * SIZE
 * does not fit in a size_t or memory is short. */
void *art_reallocarray(void *p, size_t n, size_t size);
/* Room for NEED elements of SIZE bytes in the array *ARRAYP (any pointer
 * type; pass its address) whose capacity is *CAP: the capacity doubles,
 * from FIRST, until it holds NEED.  0, or -1 when out of memory (or the
 * size would overflow) with the array and *CAP as they were. */
ART_MUST_CHECK int art_grow_slow(void *arrayp, size_t *cap, size_t need, size_t size, size_t first);
static inline ART_MUST_CHECK int art_grow(void *arrayp, size_t *cap, size_t need, size_t size,
                                          size_t first)
{
	return need <= *cap ? 0 : art_grow_slow(arrayp, cap, need, size, first);
}

static inline void art_buf_clear(struct art_buf *b)
{
	b->len = 0;
}
/* Never a null pointer, even for a buffer that has held nothing. */
static inline art_str art_buf_str(const struct art_buf *b)
{
	return (art_str){b->p ? b->p : "", b->len};
}
static inline ART_MUST_CHECK int art_buf_set(struct art_buf *b, art_str s)
{
	b->len = 0;
	return art_buf_append(b, s.p, s.n);
}

static inline bool art_str_eq(art_str a, art_str b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}
static inline bool art_str_eq_cstr(art_str a, const char *s)
{
	return art_str_eq(a, (art_str){s, strlen(s)});
}
/* Byte-order comparison, as strcmp but length-aware. */
int art_str_cmp(art_str a, art_str b);

#endif
