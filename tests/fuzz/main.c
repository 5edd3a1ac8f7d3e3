/* main.c - runs a fuzz target without libFuzzer: once on each file named
 * on the command line.  What make check uses to replay the saved inputs. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
	int status = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], argv[i], strerror(errno));
			status = 2;
			continue;
		}
		struct art_buf b = {0};
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			if (art_buf_append(&b, chunk, n) != 0)
				abort();
		if (ferror(f)) {
			fprintf(stderr, "%s: %s: read error\n", argv[0], argv[i]);
			status = 2;
		}
		fclose(f);
		/* a copy of exactly the right size, so that reading past it is caught */
		size_t size = b.len;
		uint8_t *data = malloc(size ? size : 1);
		if (!data)
			abort();
		if (size)
			memcpy(data, b.p, size);
		art_buf_free(&b);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return status;
}
