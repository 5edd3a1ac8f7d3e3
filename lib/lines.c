#include <config.h>

#include "lines.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "utf8.h"

enum encoding { ENC_GZIP, ENC_UTF16LE, ENC_UTF16BE };

/* The raw bytes of an input that needs decoding, and the decoder's state. */
struct art_decoder {
	enum encoding enc;
	bool raw_eof;
	bool stream_end; /* gzip: a member ended; another may follow */
	z_stream z;
	unsigned char *in;
	size_t start, end; /* UTF-16: the bytes not yet converted */
};

void art_lines_init_fd(struct art_lines *l, int fd)
{
	*l = (struct art_lines){.fd = fd, .max = ART_LINE_MAX};
}

int art_lines_open(struct art_lines *l, const char *path)
{
	if (path[0] == '-' && path[1] == '\0') {
		art_lines_init_fd(l, STDIN_FILENO);
		return 0;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	art_lines_init_fd(l, fd);
	l->owns_fd = true;
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	return 0;
}

static void decoder_free(struct art_decoder *d)
{
	if (!d)
		return;
	if (d->enc == ENC_GZIP)
		inflateEnd(&d->z);
	free(d->in);
	free(d);
}

void art_lines_close(struct art_lines *l)
{
	decoder_free(l->dec);
	l->dec = NULL;
	if (l->owns_fd)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
	l->owns_fd = false;
}

/* read(2) of up to N bytes, again when interrupted. */
static ssize_t raw_read(struct art_lines *l, void *p, size_t n)
{
	for (;;) {
		ssize_t r = read(l->fd, p, n);
		if (r >= 0 || errno != EINTR)
			return r;
	}
}

static ssize_t decode_failed(struct art_lines *l, const char *why)
{
	l->err = EILSEQ;
	l->why = why;
	return -1;
}

/* Inflate into P (N bytes of room): bytes made, 0 at the end, -1. */
static ssize_t gunzip(struct art_lines *l, unsigned char *p, size_t n)
{
	struct art_decoder *d = l->dec;
	z_stream *z = &d->z;
	z->next_out = p;
	z->avail_out = (uInt)n;
	while (z->avail_out == n) {
		if (z->avail_in == 0 && !d->raw_eof) {
			ssize_t r = raw_read(l, d->in, ART_READ_BLOCK);
			if (r < 0)
				return l->err = errno, -1;
			d->raw_eof = r == 0;
			z->next_in = d->in;
			z->avail_in = (uInt)r;
		}
		if (z->avail_in == 0)
			return d->stream_end ? 0
			                     : decode_failed(l, "gzip data cut off before its end");
		if (d->stream_end) { /* another member follows */
			if (inflateReset(z) != Z_OK)
				return decode_failed(l, "gzip data cannot be read");
			d->stream_end = false;
		}
		int rc = inflate(z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			d->stream_end = true;
		else if (rc == Z_MEM_ERROR)
			return l->err = ENOMEM, -1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return decode_failed(l, "gzip data is corrupt");
	}
	return (ssize_t)(n - z->avail_out);
}

/* Convert UTF-16 into P (N bytes of room, at least 4): bytes made, 0 at
 * the end, -1. */
static ssize_t utf16_to_utf8(struct art_lines *l, char *p, size_t n)
{
	struct art_decoder *d = l->dec;
	assert(n >= 4); /* fill gives a block, or what is left of one */
	int hi = d->enc == ENC_UTF16BE ? 0 : 1;
	size_t made = 0;
	while (made == 0) {
		if (d->end - d->start < 4 && !d->raw_eof) {
			memmove(d->in, d->in + d->start, d->end - d->start);
			d->end -= d->start;
			d->start = 0;
			ssize_t r = raw_read(l, d->in + d->end, ART_READ_BLOCK - d->end);
			if (r < 0)
				return l->err = errno, -1;
			d->raw_eof = r == 0;
			d->end += (size_t)r;
		}
		if (d->start == d->end)
			return 0;
		while (made + 4 <= n && d->end - d->start >= 2) {
			const unsigned char *u = d->in + d->start;
			uint32_t cp = (uint32_t)u[hi] << 8 | u[1 - hi];
			size_t used = 2;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (d->end - d->start < 4 && !d->raw_eof)
					break; /* its other half is still to come */
				uint32_t lo = d->end - d->start >= 4
				                  ? (uint32_t)u[2 + hi] << 8 | u[3 - hi]
				                  : 0;
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					used = 4;
				} else {
					cp = 0xFFFD;
				}
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				cp = 0xFFFD;
			}
			made += art_utf8_encode(cp, p + made);
			d->start += used;
		}
		if (d->raw_eof && d->end - d->start == 1) { /* an odd byte at the end */
			made += art_utf8_encode(0xFFFD, p + made);
			d->start = d->end;
		}
	}
	return (ssize_t)made;
}

/* Look at the first bytes read, at P: a decoder for gzip or UTF-16 takes
 * them over, or the input is read as it is.  -1 when out of memory. */
static int sniff(struct art_lines *l, const unsigned char *p, size_t n)
{
	l->sniffed = true;
	enum encoding enc;
	size_t skip = 0;
	if (n >= 2 && p[0] == 0x1F && p[1] == 0x8B)
		enc = ENC_GZIP;
	else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
		enc = ENC_UTF16LE, skip = 2;
	else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
		enc = ENC_UTF16BE, skip = 2;
	else
		return 0;
	struct art_decoder *d = calloc(1, sizeof *d);
	if (!d || !(d->in = malloc(ART_READ_BLOCK))) {
		free(d);
		return l->err = ENOMEM, -1;
	}
	d->enc = enc;
	memcpy(d->in, p + skip, n - skip);
	d->end = n - skip;
	if (enc == ENC_GZIP) {
		d->z.next_in = d->in;
		d->z.avail_in = (uInt)d->end;
		if (inflateInit2(&d->z, 16 + MAX_WBITS) != Z_OK) {
			free(d->in);
			free(d);
			return l->err = ENOMEM, -1;
		}
	}
	l->dec = d;
	return 0;
}

/* Up to N bytes of the input, decoded, at P: bytes made, 0 at the end,
 * -1 with l->err. */
static ssize_t read_decoded(struct art_lines *l, char *p, size_t n)
{
	if (!l->sniffed) {
		/* enough of the start to tell: a pipe may give less */
		size_t got = 0;
		ssize_t r = 0;
		while (got < 4 && (r = raw_read(l, p + got, n - got)) > 0)
			got += (size_t)r;
		if (r < 0 && got == 0)
			return l->err = errno, -1;
		if (sniff(l, (const unsigned char *)p, got) != 0)
			return -1;
		if (!l->dec)
			return (ssize_t)got;
	}
	if (!l->dec) {
		ssize_t r = raw_read(l, p, n);
		return r < 0 ? (l->err = errno, -1) : r;
	}
	return l->dec->enc == ENC_GZIP ? gunzip(l, (unsigned char *)p, n) : utf16_to_utf8(l, p, n);
}

const char *art_lines_encoding(const struct art_lines *l)
{
	static const char *const names[] = {"gzip", "UTF-16LE", "UTF-16BE"};
	return l->dec ? names[l->dec->enc] : NULL;
}

/* Move unread bytes to the front and read one more block.  Returns bytes
 * read, 0 at end of file, -1 on error. */
static ssize_t fill(struct art_lines *l)
{
	if (!l->buf) {
		l->cap = (l->max < ART_LINE_MAX ? l->max : ART_LINE_MAX) + ART_READ_BLOCK;
		l->buf = malloc(l->cap);
		if (!l->buf) {
			l->err = ENOMEM;
			return -1;
		}
	}
	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->cap - l->end < ART_READ_BLOCK && l->cap < l->max + ART_READ_BLOCK) {
		/* a long line that is allowed: make room for it */
		size_t cap =
		    l->cap * 2 < l->max + ART_READ_BLOCK ? l->cap * 2 : l->max + ART_READ_BLOCK;
		char *p = art_reallocarray(l->buf, cap, 1);
		if (!p) {
			l->err = ENOMEM;
			return -1;
		}
		l->buf = p;
		l->cap = cap;
	}
	size_t room = l->cap - l->end;
	if (room > ART_READ_BLOCK)
		room = ART_READ_BLOCK;
	ssize_t n = read_decoded(l, l->buf + l->end, room);
	if (n < 0)
		return -1;
	l->end += (size_t)n;
	if (n == 0)
		l->eof = true;
	return n;
}

int art_lines_peek(struct art_lines *l)
{
	size_t k = 0; /* bytes looked at, from l->start (which fill may move) */
	for (;;) {
		while (l->buf && l->start + k < l->end) {
			const unsigned char *p = (const unsigned char *)l->buf + l->start + k;
			size_t left = l->end - l->start - k;
			if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
				k++;
				continue;
			}
			if (*p == 0xEF && left < 3 && !l->eof)
				break; /* a byte order mark, perhaps: read on */
			if (*p == 0xEF && left >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
				k += 3;
				continue;
			}
			return *p;
		}
		if (l->eof || k >= ART_READ_BLOCK || fill(l) <= 0)
			return -1;
	}
}

int art_lines_chunk(struct art_lines *l, art_str *chunk)
{
	if (!l->buf || l->start == l->end) {
		if (l->eof)
			return ART_EOF;
		if (fill(l) < 0)
			return ART_FAIL;
		if (l->start == l->end)
			return ART_EOF;
	}
	*chunk = (art_str){l->buf + l->start, l->end - l->start};
	l->start = l->end;
	return ART_OK;
}

/* Find the end of the line starting at p (n bytes available).  Sets *len to
 * the line's length and *eol to the length of its terminator; returns false
 * when more input is needed to decide. */
static bool find_eol(const char *p, size_t n, bool eof, size_t *len, size_t *eol)
{
	const char *lf = memchr(p, '\n', n);
	size_t scan = lf ? (size_t)(lf - p) : n;
	const char *cr = memchr(p, '\r', scan);
	if (cr) {
		size_t at = (size_t)(cr - p);
		if (at + 1 == n && !eof)
			return false; /* a CR at the end of the data: CRLF or lone? */
		*len = at;
		*eol = (at + 1 < n && p[at + 1] == '\n') ? 2 : 1;
		return true;
	}
	if (lf) {
		*len = scan;
		*eol = 1;
		return true;
	}
	if (eof) {
		*len = n;
		*eol = 0;
		return n > 0;
	}
	return false;
}

static void drop_bom(art_str *line)
{
	if (line->n >= 3 && memcmp(line->p, "\xEF\xBB\xBF", 3) == 0) {
		line->p += 3;
		line->n -= 3;
	}
}

int art_lines_next(struct art_lines *l, art_str *line)
{
	for (;;) {
		size_t avail = l->end - l->start, len, eol;
		if (l->buf && find_eol(l->buf + l->start, avail, l->eof, &len, &eol)) {
			line->p = l->buf + l->start;
			line->n = len;
			l->start += len + eol;
			l->lineno++;
			if (l->skipping || len > l->max) {
				l->skipping = false;
				return ART_BAD;
			}
			drop_bom(line);
			return ART_OK;
		}
		if (l->eof) {
			/* nothing left: an over-long last line ends here */
			if (l->skipping) {
				l->skipping = false;
				l->lineno++;
				return ART_BAD;
			}
			return ART_EOF;
		}
		if (avail >= l->max) {
			/* keep the last byte: it may be the CR of a CRLF */
			l->start = l->end - 1;
			l->skipping = true;
		}
		if (fill(l) < 0)
			return ART_FAIL;
	}
}
