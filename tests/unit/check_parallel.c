#include <config.h>

#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#include "unit.h"

/* A worker that writes each line upper-cased, notes the lines that begin
 * with '!', and takes its time on some blocks so that later blocks are
 * done first. */
static int shout(void *arg, struct art_block *b)
{
	int *calls = arg;
	(*calls)++;
	if (b->nlines && b->lines[0].lineno % 3 == 0)
		usleep(2000);
	for (size_t i = 0; i < b->nlines; i++) {
		art_str line = art_block_line(b, i);
		if (line.n && line.p[0] == '!') {
			struct art_error err = {.file = b->file};
			art_error_set(&err, b->lines[i].lineno, "loud");
			if (art_block_note(b, 7, &err) != 0)
				return -1;
			continue;
		}
		b->items++;
		for (size_t k = 0; k < line.n; k++)
			if (art_buf_putc(&b->out, (char)(line.p[k] >= 'a' && line.p[k] <= 'z'
			                                     ? line.p[k] - 'a' + 'A'
			                                     : line.p[k])) != 0)
				return -1;
		if (art_buf_putc(&b->out, '\n') != 0)
			return -1;
	}
	return 0;
}

/* Take the oldest block back: its output appended to OUT, its notes as
 * "[LINE]" at their places. */
static bool take(struct art_pool *p, struct art_buf *out)
{
	struct art_block *b = art_pool_take(p);
	if (!b)
		return false;
	ck_assert_int_eq(b->status, 0);
	size_t at = 0;
	for (size_t i = 0; i < b->nnotes; i++) {
		ck_assert_int_eq(b->notes[i].kind, 7);
		ck_assert_int_eq(art_buf_append(out, b->out.p + at, b->notes[i].at - at), 0);
		ck_assert_int_eq(art_buf_printf(out, "[%lu]\n", b->notes[i].err.line), 0);
		at = b->notes[i].at;
	}
	ck_assert_int_eq(art_buf_append(out, b->out.p + at, b->out.len - at), 0);
	art_pool_release(p);
	return true;
}

START_TEST(blocks_come_back_in_the_order_they_were_handed_in)
{
	int calls[3] = {0};
	void *workers[3] = {&calls[0], &calls[1], &calls[2]};
	struct art_pool p;
	struct art_error err = {0};
	ck_assert_int_eq(art_pool_start(&p, 3, shout, workers, &err), 0);
	struct art_buf out = {0}, expected = {0};
	unsigned long lineno = 0;
	for (int blk = 0; blk < 200; blk++) {
		struct art_block *b;
		while (!(b = art_pool_free_block(&p)))
			ck_assert(take(&p, &out)); /* all in flight: never more */
		b->file = "f";
		for (int i = 0; i < 1 + blk % 5; i++) {
			char line[32];
			lineno++;
			int n = snprintf(line, sizeof line, "%sline %lu", lineno % 7 ? "" : "!",
			                 lineno);
			ck_assert_int_eq(art_block_add_line(b, (art_str){line, (size_t)n}, lineno),
			                 0);
			if (lineno % 7)
				ck_assert_int_eq(art_buf_printf(&expected, "LINE %lu\n", lineno),
				                 0);
			else
				ck_assert_int_eq(art_buf_printf(&expected, "[%lu]\n", lineno), 0);
		}
		art_pool_hand_in(&p);
	}
	while (take(&p, &out))
		;
	art_pool_stop(&p);
	ck_assert_uint_eq(out.len, expected.len);
	ck_assert(memcmp(out.p, expected.p, out.len) == 0);
	ck_assert_int_eq(calls[0] + calls[1] + calls[2], 200);
	art_buf_free(&out);
	art_buf_free(&expected);
}
END_TEST

START_TEST(a_pool_stopped_at_once_finishes_what_was_handed_in)
{
	int calls = 0;
	void *workers[1] = {&calls};
	struct art_pool p;
	struct art_error err = {0};
	ck_assert_int_eq(art_pool_start(&p, 1, shout, workers, &err), 0);
	ck_assert_ptr_null(art_pool_take(&p)); /* nothing in flight */
	for (int i = 0; i < 3; i++) {
		struct art_block *b = art_pool_free_block(&p);
		ck_assert_ptr_nonnull(b);
		ck_assert_int_eq(art_block_add_line(b, S("x"), 1), 0);
		art_pool_hand_in(&p);
	}
	art_pool_stop(&p);
	ck_assert_int_eq(calls, 3);
}
END_TEST

START_TEST(the_cpus_are_those_of_the_affinity_mask)
{
	cpu_set_t all, one;
	ck_assert_int_eq(sched_getaffinity(0, sizeof all, &all), 0);
	size_t n = art_cpus_available();
	ck_assert_uint_ge(n, 1);
	ck_assert_uint_le(n, (size_t)CPU_COUNT(&all));
	int first = 0;
	while (!CPU_ISSET(first, &all))
		first++;
	CPU_ZERO(&one);
	CPU_SET(first, &one);
	ck_assert_int_eq(sched_setaffinity(0, sizeof one, &one), 0);
	ck_assert_uint_eq(art_cpus_available(), 1);
	ck_assert_int_eq(sched_setaffinity(0, sizeof all, &all), 0);
}
END_TEST

/* art_input_fill hands the lines of NDJSON after the first record, blank
 * ones left out, with their numbers; art_input_next says the rest. */
START_TEST(an_ndjson_file_is_filled_into_blocks_after_its_first_record)
{
	char path[] = "/tmp/check_parallel.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	const char *rec = "{\"source\":\"s\",\"date\":\"2024-01-02\",\"category\":\"c\","
	                  "\"title\":\"t\",\"summary\":\"\",\"tags\":[],\"likes\":0,"
	                  "\"read_minutes\":1}\n";
	FILE *f = fdopen(fd, "w");
	fprintf(f, "%s\n%s{bad\n  \n%s", rec, rec, rec);
	fclose(f);
	char *files[] = {path};
	struct art_input in, worker;
	ck_assert_int_eq(art_input_init(&in, files, 1, ART_INPUT_RECORDS, NULL), 0);
	ck_assert_int_eq(art_input_init(&worker, NULL, 0, ART_INPUT_RECORDS, in.tagger), 0);
	struct art_block b = {0};
	struct art_item item;
	struct art_error err;
	ck_assert_int_eq(art_input_fill(&in, &b, 1 << 20), ART_EOF); /* no file open yet */
	ck_assert_int_eq(art_input_next(&in, &item, &err), ART_OK);
	ck_assert_uint_eq(item.line, 1);
	ck_assert_int_eq(art_input_fill(&in, &b, 1 << 20), ART_EOF); /* the end of the file */
	ck_assert_uint_eq(b.nlines, 3);
	ck_assert_uint_eq(b.lines[0].lineno, 3);
	ck_assert_uint_eq(b.lines[1].lineno, 4);
	ck_assert_uint_eq(b.lines[2].lineno, 6);
	ck_assert_int_eq(art_input_parse(&worker, &b, 0, &item, &err), ART_OK);
	ck_assert_str_view(item.rec->date, "2024-01-02");
	ck_assert_int_eq(art_input_parse(&worker, &b, 1, &item, &err), ART_BAD);
	ck_assert_uint_eq(err.line, 4);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(art_input_next(&in, &item, &err), ART_EOF);
	/* a block that fills up stops there, and goes on with the next */
	art_input_free(&in);
	ck_assert_int_eq(art_input_init(&in, files, 1, ART_INPUT_RECORDS, NULL), 0);
	ck_assert_int_eq(art_input_next(&in, &item, &err), ART_OK);
	art_block_clear(&b);
	ck_assert_int_eq(art_input_fill(&in, &b, 1), ART_OK);
	ck_assert_uint_eq(b.nlines, 1);
	art_block_clear(&b);
	ck_assert_int_eq(art_input_fill(&in, &b, 1 << 20), ART_EOF);
	ck_assert_uint_eq(b.nlines, 2);
	ck_assert_uint_eq(b.lines[0].lineno, 4);
	art_block_free(&b);
	art_input_free(&worker);
	art_input_free(&in);
	unlink(path);
}
END_TEST

static Suite *parallel_suite(void)
{
	Suite *s = suite_create("parallel");
	TCase *tc = tcase_create("parallel");
	tcase_add_test(tc, blocks_come_back_in_the_order_they_were_handed_in);
	tcase_add_test(tc, a_pool_stopped_at_once_finishes_what_was_handed_in);
	tcase_add_test(tc, the_cpus_are_those_of_the_affinity_mask);
	tcase_add_test(tc, an_ndjson_file_is_filled_into_blocks_after_its_first_record);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(parallel_suite)
