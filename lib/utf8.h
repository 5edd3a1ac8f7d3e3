/* utf8.h - decoding UTF-8 one character at a time, strictly (no overlong
 * forms, no surrogates, nothing above U+10FFFF). */
#ifndef ART_UTF8_H
#define ART_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid character at P (N bytes available) and its code
 * point in *cp; 0 when the bytes there are not valid UTF-8. */
size_t art_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);
/* Encode CP (a valid scalar value) at OUT; returns the length, 1-4. */
size_t art_utf8_encode(uint32_t cp, char out[4]);

#endif
