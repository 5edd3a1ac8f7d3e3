/* fuzz.h - what the fuzz targets share.
 *
 * Each target defines LLVMFuzzerTestOneInput.  Built with --enable-fuzzing
 * it is a libFuzzer program; otherwise main.c runs it once on each file
 * named on its command line (make check runs it on the saved inputs).
 * A broken promise of the library aborts, which both count as a crash.
 */
#ifndef ART_FUZZ_H
#define ART_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "art.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* S lies inside the N bytes at BASE. */
static inline int fuzz_inside(art_str s, const char *base, size_t n)
{
	return s.n == 0 || (s.p >= base && s.p + s.n <= base + n);
}

/* What every record must hold, wherever it came from. */
static inline void fuzz_check_record(const struct art_record *r)
{
	FUZZ_CHECK(art_date_is_iso(r->date));
	FUZZ_CHECK(r->likes >= 0 && r->likes <= ((int64_t)1 << 53));
	FUZZ_CHECK(r->read_minutes >= 0 && r->read_minutes <= ((int64_t)1 << 53));
	FUZZ_CHECK(r->ntags == 0 || r->tags != NULL);
}

/* Write R, read it back, write it again: the two writings are the same
 * bytes (the first has already made the strings valid UTF-8). */
static inline void fuzz_round_trip(const struct art_record *r)
{
	static struct art_buf out1, out2;
	static struct art_jobject obj;
	struct art_record back;
	struct art_error error;
	out1.len = out2.len = 0;
	FUZZ_CHECK(art_json_put_record(&out1, r) == 0);
	FUZZ_CHECK(out1.len > 0 && out1.p[out1.len - 1] == '\n');
	art_str line = {out1.p, out1.len - 1};
	FUZZ_CHECK(memchr(line.p, '\n', line.n) == NULL);
	if (art_json_parse(&obj, line, &error) != 0) {
		fprintf(stderr, "written record does not parse: %s\n%.*s\n", error.msg, (int)line.n,
		        line.p);
		abort();
	}
	if (art_record_from_json(&back, &obj, &error) != 0) {
		fprintf(stderr, "written record is no record: %s\n%.*s\n", error.msg, (int)line.n,
		        line.p);
		abort();
	}
	FUZZ_CHECK(back.likes == r->likes && back.read_minutes == r->read_minutes);
	FUZZ_CHECK(back.ntags == r->ntags);
	FUZZ_CHECK(art_str_eq(back.date, r->date));
	FUZZ_CHECK(art_json_put_record(&out2, &back) == 0);
	FUZZ_CHECK(art_str_eq(art_buf_str(&out1), art_buf_str(&out2)));

	/* a record that owns its bytes is the same record */
	struct art_record_copy copy;
	FUZZ_CHECK(art_record_copy(&copy, r) == 0);
	out2.len = 0;
	FUZZ_CHECK(art_json_put_record(&out2, &copy.rec) == 0);
	FUZZ_CHECK(art_str_eq(art_buf_str(&out1), art_buf_str(&out2)));
	art_record_copy_free(&copy);
}

/* An error message is one line of UTF-8 text, not empty, with no control
 * characters (whatever bytes the input held). */
static inline void fuzz_check_message(const char *msg)
{
	const unsigned char *p = (const unsigned char *)msg;
	size_t n = strlen(msg);
	FUZZ_CHECK(n > 0);
	while (n > 0) {
		uint32_t cp;
		size_t k = art_utf8_decode(p, n, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7F) {
			fprintf(stderr, "bad message: %s\n", msg);
			abort();
		}
		p += k;
		n -= k;
	}
}

#endif
