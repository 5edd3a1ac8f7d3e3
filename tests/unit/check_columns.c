#include <config.h>

#include "unit.h"

static struct art_jobject obj;
static struct art_record rec;
static struct art_error error;

/* An item as the reader hands it out: a record when the line is one. */
static struct art_item item(const char *line)
{
	struct art_item it = {0};
	ck_assert_int_eq(art_json_parse(&obj, (art_str){line, strlen(line)}, &error), 0);
	it.obj = &obj;
	it.json = (art_str){line, strlen(line)};
	it.rec = art_record_from_json(&rec, &obj, &error) == 0 ? &rec : NULL;
	it.file = "t";
	it.line = 1;
	return it;
}

static const char *record_line =
    "{\"source\":\"JD\",\"date\":\"2026-01-13\",\"category\":\"Backend\",\"title\":\"Kafka\","
    "\"summary\":\"s\",\"tags\":[\"A\",\"B\"],\"likes\":3,\"read_minutes\":16,\"extra\":1}";

START_TEST(records_give_the_record_keys)
{
	struct art_columns c;
	struct art_item it = item(record_line);
	ck_assert_int_eq(art_columns_init(&c, &it, NULL, &error), 0);
	ck_assert_uint_eq(c.n, ART_NFIELDS + 1); /* the eight, then "extra" */
	ck_assert(c.records);
	ck_assert_str_view(c.col[0].name, "source");
	ck_assert_str_view(c.col[7].name, "read_minutes");
	ck_assert_str_view(c.col[8].name, "extra");
	ck_assert_int_eq(c.col[8].field, -1);
	ck_assert(c.col[6].numeric && c.col[7].numeric && !c.col[5].numeric && c.col[8].numeric);
	struct art_cell cell;
	struct art_buf b = {0};
	art_cell_get(&c, 8, &it, &cell);
	ck_assert_int_eq(cell.kind, ART_CELL_NUMBER);
	ck_assert_str_view(art_cell_plain(&cell), "1");
	art_cell_get(&c, 5, &it, &cell);
	ck_assert_int_eq(cell.kind, ART_CELL_STRINGS);
	ck_assert_str_view(art_cell_plain(&cell), "");
	ck_assert_int_eq(art_cell_text(&cell, S(" | "), &b), 0);
	ck_assert_str_view(art_buf_str(&b), "A | B");
	art_cell_get(&c, 7, &it, &cell);
	ck_assert_int_eq(cell.kind, ART_CELL_NUMBER);
	ck_assert_str_view(art_cell_plain(&cell), "16");
	art_buf_free(&b);
	art_columns_free(&c);
}
END_TEST

START_TEST(objects_give_their_keys_in_order)
{
	struct art_columns c;
	struct art_item it =
	    item("{\"tag\":\"Kafka\",\"count\":3,\"ok\":true,\"no\":false,\"n\":null,"
	         "\"x\":{\"a\":[1]},\"l\":[1,\"a\"],\"s\":[\"p\",\"q\"]}");
	ck_assert_int_eq(art_columns_init(&c, &it, NULL, &error), 0);
	ck_assert(!c.records);
	ck_assert_uint_eq(c.n, 8);
	ck_assert_str_view(c.col[1].name, "count");
	ck_assert(c.col[1].numeric && !c.col[0].numeric);
	static const enum art_cell_kind kinds[] = {ART_CELL_STRING, ART_CELL_NUMBER, ART_CELL_TRUE,
	                                           ART_CELL_FALSE,  ART_CELL_NULL,   ART_CELL_JSON,
	                                           ART_CELL_JSON,   ART_CELL_STRINGS};
	static const char *const texts[] = {"Kafka", "3",           "true",      "false",
	                                    "",      "{\"a\":[1]}", "[1,\"a\"]", "p;q"};
	struct art_buf b = {0};
	for (size_t i = 0; i < c.n; i++) {
		struct art_cell cell;
		art_cell_get(&c, i, &it, &cell);
		ck_assert_int_eq(cell.kind, kinds[i]);
		b.len = 0;
		ck_assert_int_eq(art_cell_text(&cell, S(";"), &b), 0);
		ck_assert_str_view(art_buf_str(&b), texts[i]);
	}
	/* a later object: keys in another order, one missing */
	it = item("{\"count\":7,\"tag\":\"Go\"}");
	struct art_cell cell;
	art_cell_get(&c, 0, &it, &cell);
	ck_assert_str_view(cell.text, "Go");
	art_cell_get(&c, 1, &it, &cell);
	ck_assert_str_view(cell.text, "7");
	art_cell_get(&c, 2, &it, &cell);
	ck_assert_int_eq(cell.kind, ART_CELL_MISSING);
	ck_assert_str_view(art_cell_plain(&cell), "");
	art_buf_free(&b);
	art_columns_free(&c);
}
END_TEST

START_TEST(a_field_list_picks_and_orders)
{
	struct art_columns c;
	struct art_item it = item(record_line);
	ck_assert_int_eq(art_columns_init(&c, &it, "likes,title,tags", &error), 0);
	ck_assert_uint_eq(c.n, 3);
	ck_assert_str_view(c.col[0].name, "likes");
	ck_assert_int_eq(c.col[0].field, ART_F_LIKES);
	ck_assert_str_view(c.col[1].name, "title");
	struct art_cell cell;
	art_cell_get(&c, 1, &it, &cell);
	ck_assert_str_view(cell.text, "Kafka");
	art_columns_free(&c);
}
END_TEST

START_TEST(records_take_any_key)
{
	struct art_columns c;
	struct art_item it = item(record_line);
	ck_assert_int_eq(art_columns_init(&c, &it, "title,extra,nope", &error), 0);
	ck_assert_uint_eq(c.n, 3);
	struct art_cell cell;
	art_cell_get(&c, 1, &it, &cell);
	ck_assert_str_view(art_cell_plain(&cell), "1");
	art_cell_get(&c, 2, &it, &cell);
	ck_assert_int_eq(cell.kind, ART_CELL_MISSING);
	ck_assert_str_view(art_cell_plain(&cell), "");
	art_columns_free(&c);
}
END_TEST

START_TEST(bad_field_lists_are_refused)
{
	struct art_columns c;
	struct art_item it = item(record_line);
	ck_assert_int_eq(art_columns_init(&c, &it, "title,,date", &error), -1);
	ck_assert_str_eq(error.msg, "empty field name in the field list");
	art_columns_free(&c);
	ck_assert_int_eq(art_columns_init(&c, &it, "title,title", &error), -1);
	ck_assert_str_eq(error.msg, "field \"title\" given twice");
	art_columns_free(&c);
	it = item("{\"tag\":\"Kafka\",\"count\":3}");
	ck_assert_int_eq(art_columns_init(&c, &it, "Tag", &error), -1);
	ck_assert_str_eq(error.msg, "unknown field \"Tag\" (the fields are: tag, count)");
	art_columns_free(&c);
}
END_TEST

START_TEST(a_list_alone_names_the_columns)
{
	struct art_columns c;
	ck_assert_int_eq(art_columns_from_list(&c, "date,title", &error), 0);
	ck_assert_uint_eq(c.n, 2);
	ck_assert(c.records);
	ck_assert_str_view(c.col[1].name, "title");
	art_columns_free(&c);
	ck_assert_int_eq(art_columns_from_list(&c, "tag,count", &error), 0);
	ck_assert(!c.records);
	art_columns_free(&c);
	ck_assert_int_eq(art_columns_from_list(&c, "a,a", &error), -1);
	art_columns_free(&c);
}
END_TEST

static Suite *columns_suite(void)
{
	Suite *s = suite_create("columns");
	TCase *tc = tcase_create("columns");
	tcase_add_test(tc, records_give_the_record_keys);
	tcase_add_test(tc, objects_give_their_keys_in_order);
	tcase_add_test(tc, a_field_list_picks_and_orders);
	tcase_add_test(tc, records_take_any_key);
	tcase_add_test(tc, bad_field_lists_are_refused);
	tcase_add_test(tc, a_list_alone_names_the_columns);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(columns_suite)
