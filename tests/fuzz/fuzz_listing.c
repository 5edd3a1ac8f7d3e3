/* fuzz_listing - the reader every command uses (lib/input: line reading,
 * the listing parser, NDJSON), on any bytes.
 *
 * The input is one file, or two when it holds a form feed (the bytes
 * after the first one are the second file), read in the mode that the
 * first byte's low bit picks.  Every record that comes out must be a
 * valid record that survives writing and reading back; every bad record
 * must name a line of its file; reading must end.
 */
#include <config.h>

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

static int make_file(const char *name, char path[64])
{
	int fd = memfd_create(name, 0);
	if (fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(path, 64, "/dev/fd/%d", fd);
	return fd;
}

static void fill(int fd, const uint8_t *p, size_t n)
{
	if (ftruncate(fd, 0) != 0)
		abort();
	size_t off = 0;
	while (off < n) {
		ssize_t w = pwrite(fd, p + off, n - off, (off_t)off);
		if (w <= 0)
			abort();
		off += (size_t)w;
	}
}

static unsigned long count_lines(const uint8_t *p, size_t n)
{
	unsigned long lines = 1;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n' || p[i] == '\r')
			lines++;
	return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd[2] = {-1, -1};
	static char path[2][64];
	if (fd[0] < 0) {
		fd[0] = make_file("fuzz-listing-1", path[0]);
		fd[1] = make_file("fuzz-listing-2", path[1]);
	}
	enum art_input_mode mode = size && (data[0] & 1) ? ART_INPUT_OBJECTS : ART_INPUT_RECORDS;
	const uint8_t *ff = size ? memchr(data, '\f', size) : NULL;
	size_t n1 = ff ? (size_t)(ff - data) : size;
	fill(fd[0], data, n1);
	fill(fd[1], ff ? ff + 1 : data, ff ? size - n1 - 1 : 0);
	char *files[2] = {path[0], path[1]};
	unsigned long lines[2] = {count_lines(data, n1),
	                          ff ? count_lines(ff + 1, size - n1 - 1) : 0};

	struct art_input in;
	FUZZ_CHECK(art_input_init(&in, files, ff ? 2 : 1, mode, NULL) == 0);
	struct art_item item;
	struct art_error err;
	unsigned long calls = 0, limit = 2 * (lines[0] + lines[1]) + 8;
	for (;;) {
		FUZZ_CHECK(++calls <= limit); /* every call makes progress */
		memset(&err, 0, sizeof err);
		int rc = art_input_next(&in, &item, &err);
		if (rc == ART_EOF)
			break;
		if (rc == ART_OK) {
			FUZZ_CHECK(item.file == files[0] || item.file == files[1]);
			FUZZ_CHECK(item.line >= 1);
			FUZZ_CHECK(item.rec || item.obj);
			FUZZ_CHECK(item.rec || mode == ART_INPUT_OBJECTS);
			if (item.rec) {
				fuzz_check_record(item.rec);
				fuzz_round_trip(item.rec);
			}
			continue;
		}
		FUZZ_CHECK(rc == ART_BAD || rc == ART_FAIL || rc == ART_NO_RECORDS);
		FUZZ_CHECK(err.file == files[0] || err.file == files[1]);
		int which = err.file == files[1];
		fuzz_check_message(err.msg);
		if (rc == ART_BAD)
			FUZZ_CHECK(err.line >= 1 && err.line <= lines[which]);
		if (rc == ART_NO_RECORDS)
			FUZZ_CHECK(err.line == 0);
	}
	/* the end is the end */
	FUZZ_CHECK(art_input_next(&in, &item, &err) == ART_EOF);
	art_input_free(&in);
	return 0;
}
