/* jqdiff - jq expressions on records, natively and by libjq alone.
 *
 *   jqdiff --native|--libjq EXPRESSIONS RECORDS...
 *
 * Runs each expression of the file EXPRESSIONS (one a line; blank lines
 * and lines starting with "## " are skipped) on every record of the NDJSON
 * files RECORDS twice: as art runs it (natively when it lies in the
 * subset) and by libjq alone.  Both must give the same outputs, the same
 * error and the same select answer; a difference is reported on standard
 * error.  --native wants every expression to run natively, --libjq none.
 *
 * Standard output gets each output of expression N (from 1) as the line
 * [N,OUTPUT] in compact JSON, and an error as [N,"error: MESSAGE"], for
 * the expressions in turn and for each the records in turn: what
 *     jq -c '(try (EXPR) catch ("error: " + .)) | [N, .]' RECORDS...
 * prints, so that tests/jq-native.test compares with the jq program too.
 * Exit status: 0 all the same, 1 a difference, 2 a usage or input error.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "art.h"

struct outputs {
	size_t expr;         /* N */
	struct art_buf text; /* one line [N,OUTPUT] per output */
	struct art_error error;
	int failed;
};

static int append_output(void *ctx, jv v)
{
	struct outputs *o = ctx;
	jv s = jv_dump_string(JV_ARRAY(jv_number((double)o->expr), v), 0);
	int rc = art_buf_append(&o->text, jv_string_value(s),
	                        (size_t)jv_string_length_bytes(jv_copy(s))) |
	         art_buf_putc(&o->text, '\n');
	jv_free(s);
	return rc;
}

/* Every output of Q on ITEM, and its error as the last line: as art runs
 * Q (NATIVE), or by libjq alone. */
static void run_all(struct art_jq *q, const struct art_item *item, bool native, struct outputs *o)
{
	o->text.len = 0;
	o->error.msg[0] = '\0';
	o->failed = native ? art_jq_each_item(q, item, append_output, o, &o->error)
	                   : art_jq_each(q, art_item_to_jv(item), append_output, o, &o->error);
	if (o->failed) {
		append_output(o, jv_string_fmt("error: %s", o->error.msg));
	}
}

struct records {
	struct art_buf *lines;
	struct art_jobject *objs;
	struct art_record *recs;
	size_t n;
};

static void read_records(struct records *rs, char **files, size_t nfiles)
{
	for (size_t f = 0; f < nfiles; f++) {
		FILE *fp = fopen(files[f], "r");
		if (!fp) {
			perror(files[f]);
			exit(2);
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t len;
		while ((len = getline(&line, &cap, fp)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			rs->lines = realloc(rs->lines, (rs->n + 1) * sizeof *rs->lines);
			rs->objs = realloc(rs->objs, (rs->n + 1) * sizeof *rs->objs);
			rs->recs = realloc(rs->recs, (rs->n + 1) * sizeof *rs->recs);
			if (!rs->lines || !rs->objs || !rs->recs)
				exit(2);
			struct art_buf *b = &rs->lines[rs->n];
			struct art_jobject *o = &rs->objs[rs->n];
			memset(b, 0, sizeof *b);
			memset(o, 0, sizeof *o);
			struct art_error error;
			if (art_buf_append(b, line, (size_t)len) != 0 ||
			    art_json_parse(o, art_buf_str(b), &error) != 0 ||
			    art_record_from_json(&rs->recs[rs->n], o, &error) != 0) {
				fprintf(stderr, "%s: record %zu: %s\n", files[f], rs->n + 1,
				        error.msg);
				exit(2);
			}
			rs->n++;
		}
		free(line);
		fclose(fp);
	}
}

static int differ(const char *what, const char *expr, size_t rec, const char *a, const char *b)
{
	fprintf(stderr, "DIFFERENT %s: %s\n  on record %zu\n  art:   %s\n  libjq: %s\n", what, expr,
	        rec + 1, a, b);
	return 1;
}

/* Expression N on every record: 0 the same, 1 not. */
static int compare(const char *expr, size_t n, bool want_native, const struct records *rs)
{
	struct art_error error;
	struct art_jq *q = art_jq_compile(expr, &error);
	if (!q) {
		fprintf(stderr, "%s: %s\n", expr, error.msg);
		exit(2);
	}
	int bad = 0;
	if (art_jq_is_native(q) != want_native) {
		fprintf(stderr, "%s: %s natively\n", expr, want_native ? "does not run" : "runs");
		bad = 1;
	}
	struct outputs a, b;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	a.expr = b.expr = n;
	for (size_t i = 0; i < rs->n; i++) {
		struct art_item item = {.rec = &rs->recs[i],
		                        .obj = &rs->objs[i],
		                        .json = art_buf_str(&rs->lines[i]),
		                        .line = i + 1};
		run_all(q, &item, true, &a);
		run_all(q, &item, false, &b);
		fwrite(a.text.p, 1, a.text.len, stdout);
		if (art_buf_putc(&a.text, '\0') != 0 || art_buf_putc(&b.text, '\0') != 0) {
			fprintf(stderr, "jqdiff: out of memory\n");
			exit(2);
		}
		if (strcmp(a.text.p, b.text.p) != 0)
			bad |= differ("outputs", expr, i, a.text.p, b.text.p);
		struct art_error ea = {.msg = ""}, eb = {.msg = ""};
		int ka = art_jq_select_record(q, &rs->recs[i], &ea);
		int kb = art_jq_select(q, art_record_to_jv(&rs->recs[i]), &eb);
		if (ka != kb || strcmp(ea.msg, eb.msg) != 0) {
			char sa[2100], sb[2100];
			snprintf(sa, sizeof sa, "%d %s", ka, ea.msg);
			snprintf(sb, sizeof sb, "%d %s", kb, eb.msg);
			bad |= differ("select", expr, i, sa, sb);
		}
	}
	art_buf_free(&a.text);
	art_buf_free(&b.text);
	art_jq_free(q);
	return bad;
}

int main(int argc, char **argv)
{
	if (argc < 4 || (strcmp(argv[1], "--native") != 0 && strcmp(argv[1], "--libjq") != 0)) {
		fprintf(stderr, "usage: jqdiff --native|--libjq EXPRESSIONS RECORDS...\n");
		return 2;
	}
	bool want_native = strcmp(argv[1], "--native") == 0;
	struct records rs = {0};
	read_records(&rs, argv + 3, (size_t)(argc - 3));
	FILE *fp = fopen(argv[2], "r");
	if (!fp) {
		perror(argv[2]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int bad = 0;
	size_t count = 0;
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || strncmp(line, "## ", 3) == 0)
			continue;
		bad |= compare(line, ++count, want_native, &rs);
	}
	free(line);
	fclose(fp);
	fprintf(stderr, "jqdiff: %zu expressions on %zu records, %s\n", count, rs.n,
	        bad ? "DIFFERENT" : "the same");
	for (size_t i = 0; i < rs.n; i++) {
		art_buf_free(&rs.lines[i]);
		art_jobject_free(&rs.objs[i]);
	}
	free(rs.lines);
	free(rs.objs);
	free(rs.recs);
	return bad;
}
