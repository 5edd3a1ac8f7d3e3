#include <config.h>

#include "lines.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

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

void art_lines_close(struct art_lines *l)
{
	if (l->owns_fd)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
	l->owns_fd = false;
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
		char *p = realloc(l->buf, cap);
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
	for (;;) {
		ssize_t n = read(l->fd, l->buf + l->end, room);
		if (n >= 0) {
			l->end += (size_t)n;
			if (n == 0)
				l->eof = true;
			return n;
		}
		if (errno != EINTR) {
			l->err = errno;
			return -1;
		}
	}
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
				return ART_LINES_TOO_LONG;
			}
			drop_bom(line);
			return ART_LINES_OK;
		}
		if (l->eof) {
			/* nothing left: an over-long last line ends here */
			if (l->skipping) {
				l->skipping = false;
				l->lineno++;
				return ART_LINES_TOO_LONG;
			}
			return ART_LINES_EOF;
		}
		if (avail >= l->max) {
			/* keep the last byte: it may be the CR of a CRLF */
			l->start = l->end - 1;
			l->skipping = true;
		}
		if (fill(l) < 0)
			return ART_LINES_ERROR;
	}
}
