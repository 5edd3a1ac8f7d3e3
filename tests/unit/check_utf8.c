#include <config.h>

#include "unit.h"

static int width_of(const char *s)
{
	uint32_t cp;
	ck_assert_uint_gt(art_utf8_decode((const unsigned char *)s, strlen(s), &cp), 0);
	return art_utf8_char_width(cp);
}

START_TEST(characters_have_their_display_width)
{
	ck_assert_int_eq(width_of("a"), 1);
	ck_assert_int_eq(width_of("\xC3\xA9"), 1);         /* é */
	ck_assert_int_eq(width_of("\xE2\x80\x91"), 1);     /* non-breaking hyphen */
	ck_assert_int_eq(width_of("\xE2\x80\xA6"), 1);     /* … */
	ck_assert_int_eq(width_of("\xCC\x81"), 0);         /* combining acute */
	ck_assert_int_eq(width_of("\xE2\x80\x8B"), 0);     /* zero width space */
	ck_assert_int_eq(width_of("\xE2\x80\x8D"), 0);     /* zero width joiner */
	ck_assert_int_eq(width_of("\xEF\xB8\x8F"), 0);     /* variation selector 16 */
	ck_assert_int_eq(width_of("\xC2\xAD"), 1);         /* soft hyphen */
	ck_assert_int_eq(width_of("\xE6\x95\xB0"), 2);     /* 数 */
	ck_assert_int_eq(width_of("\xEA\xB0\x80"), 2);     /* 가 */
	ck_assert_int_eq(width_of("\xE3\x80\x80"), 2);     /* ideographic space */
	ck_assert_int_eq(width_of("\xEF\xBC\xA1"), 2);     /* fullwidth A */
	ck_assert_int_eq(width_of("\xF0\x9F\x9A\x80"), 2); /* 🚀 */
	ck_assert_int_eq(width_of("\xF0\x9F\x98\x80"), 2); /* 😀 */
	ck_assert_int_eq(width_of("\xF0\xA0\x80\x80"), 2); /* CJK extension B */
	ck_assert_int_eq(width_of("\xE2\x9D\xA4"), 1);     /* ❤ text presentation */
	ck_assert_int_eq(width_of("\x1B"), -1);
	ck_assert_int_eq(width_of("\x7F"), -1);
	ck_assert_int_eq(width_of("\xC2\x85"), -1); /* NEL, a C1 control */
}
END_TEST

START_TEST(strings_are_measured)
{
	ck_assert_uint_eq(art_utf8_width(S("")), 0);
	ck_assert_uint_eq(art_utf8_width(S("Kafka")), 5);
	ck_assert_uint_eq(art_utf8_width(S("Cafe\xCC\x81")), 4);
	ck_assert_uint_eq(art_utf8_width(S("\xE9\x98\xBF\xE9\x87\x8C ok")), 7);
	ck_assert_uint_eq(art_utf8_width(S("a\tb")), 3);       /* a control shows as one */
	ck_assert_uint_eq(art_utf8_width(S("a\xFF\xC3z")), 4); /* so does a broken byte */
	ck_assert_uint_eq(art_utf8_width(S("\xC3\xBC"
	                                   "ber")),
	                  4);
	ck_assert_uint_eq(art_utf8_width(S("u\xCC\x88")), 1); /* u + combining diaeresis */
	ck_assert_uint_eq(art_utf8_width(S("数据库")), 6);
	ck_assert_uint_eq(art_utf8_width(S("ｂ")), 2);
	ck_assert_uint_eq(art_utf8_width(S("a\xff")), 2);
}
END_TEST

/* A grapheme cluster is as wide as a terminal that draws clusters (tmux)
 * shows it, not the sum of its characters. */
START_TEST(clusters_are_measured_whole)
{
	/* man ZWJ woman ZWJ girl: one cluster, two columns (not six) */
	ck_assert_uint_eq(art_utf8_width(S("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"
	                                   "\xE2\x80\x8D\xF0\x9F\x91\xA7")),
	                  2);
	ck_assert_uint_eq(art_utf8_width(S("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA")), 2); /* flag DE */
	ck_assert_uint_eq(art_utf8_width(S("\xE2\x9D\xA4\xEF\xB8\x8F")), 2); /* heart + VS16 */
	ck_assert_uint_eq(art_utf8_width(S("\xE1\x84\x80\xE1\x85\xA1")), 2); /* jamo L + V */
	ck_assert_uint_eq(art_utf8_width(S("go \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!")), 6);
}
END_TEST

static struct art_buf b;

static art_str fit(const char *s, size_t width, char control, size_t expect_shown)
{
	size_t shown;
	b.len = 0;
	ck_assert_int_eq(art_utf8_fit(&b, (art_str){s, strlen(s)}, width, control, &shown), 0);
	ck_assert_uint_eq(shown, expect_shown);
	return art_buf_str(&b);
}

#define cut(s, width, shown) fit((s), (width), ' ', (shown))

START_TEST(text_is_cut_in_display_columns)
{
	ck_assert_str_view(cut("Kafka", 10, 5), "Kafka");
	ck_assert_str_view(cut("Kafka", 5, 5), "Kafka");
	ck_assert_str_view(cut("Kafka Streams", 6, 6), "Kafka\xE2\x80\xA6");
	ck_assert_str_view(cut("Backend Engineering", 8, 8), "Backend\xE2\x80\xA6");
	ck_assert_str_view(cut("Kafka", 1, 1), "\xE2\x80\xA6");
	ck_assert_str_view(cut("Kafka", 0, 0), "");
	/* two columns a character: one column left over is not half of one */
	ck_assert_str_view(cut("\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4", 6, 6),
	                   "\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4");
	ck_assert_str_view(cut("\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4", 5, 5),
	                   "\xE9\x98\xBF\xE9\x87\x8C\xE2\x80\xA6");
	ck_assert_str_view(cut("\xE9\x98\xBF\xE9\x87\x8C\xE5\xB7\xB4", 4, 3),
	                   "\xE9\x98\xBF\xE2\x80\xA6");
	ck_assert_str_view(cut("数据库优化", 6, 5), "数据\xE2\x80\xA6");
	ck_assert_str_view(cut("go \xF0\x9F\x9A\x80!", 6, 6), "go \xF0\x9F\x9A\x80!");
	ck_assert_str_view(cut("go \xF0\x9F\x9A\x80!", 5, 4), "go \xE2\x80\xA6");
	/* a combining mark stays with its letter and takes no room */
	ck_assert_str_view(cut("Cafe\xCC\x81 au lait", 5, 5), "Cafe\xCC\x81\xE2\x80\xA6");
	ck_assert_str_view(cut("Cafe\xCC\x81", 4, 4), "Cafe\xCC\x81");
	/* a ZWJ sequence is kept whole or left out whole */
#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
	ck_assert_str_view(cut("a" FAMILY "b", 4, 4), "a" FAMILY "b");
	ck_assert_str_view(cut("a" FAMILY "bc", 4, 4), "a" FAMILY "\xE2\x80\xA6");
	ck_assert_str_view(cut("a" FAMILY "bc", 3, 2), "a\xE2\x80\xA6");
}
END_TEST

START_TEST(fitted_text_moves_no_cursor)
{
	/* control characters show as the character asked for */
	ck_assert_str_view(fit("a\tb\nc\x1b[31m", 20, ' ', 10), "a b c [31m");
	ck_assert_str_view(fit("a\x1b[31mred", 20, '?', 9), "a?[31mred");
	ck_assert_str_view(fit("tab\there\n", 20, '?', 9), "tab?here?");
	ck_assert_str_view(fit("c1\xC2\x85 ls\xE2\x80\xA8.", 20, '?', 8), "c1? ls?.");
	/* bytes that are not UTF-8 as U+FFFD */
	ck_assert_str_view(fit("bad\xFF", 20, ' ', 4), "bad\xEF\xBF\xBD");
	ck_assert_str_view(fit("a\xff", 20, '?', 2), "a\xef\xbf\xbd");
}
END_TEST

static const char *valid(const char *s)
{
	b.len = 0;
	ck_assert_int_eq(art_utf8_append_valid(&b, (art_str){s, strlen(s)}), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	return b.p;
}

START_TEST(bytes_that_are_not_utf8_become_replacement_characters)
{
	ck_assert_str_eq(valid("plain"), "plain");
	ck_assert_str_eq(valid("\xC3\x89"
	                       "clair \xE5\xBE\xAE\xF0\x9F\x9A\x80"),
	                 "\xC3\x89"
	                 "clair \xE5\xBE\xAE\xF0\x9F\x9A\x80");
	/* each bad byte alone: a stray continuation, a cut sequence, an overlong form */
	ck_assert_str_eq(valid("a\x80"
	                       "b"),
	                 "a\xEF\xBF\xBD"
	                 "b");
	ck_assert_str_eq(valid("\xE5\xBE"), "\xEF\xBF\xBD\xEF\xBF\xBD");
	ck_assert_str_eq(valid("\xC0\xAF."), "\xEF\xBF\xBD\xEF\xBF\xBD.");
}
END_TEST

static void free_buf(void)
{
	art_buf_free(&b);
}

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("width");
	tcase_add_test(tc, characters_have_their_display_width);
	tcase_add_test(tc, strings_are_measured);
	tcase_add_test(tc, clusters_are_measured_whole);
	suite_add_tcase(s, tc);
	tc = tcase_create("fit");
	tcase_add_checked_fixture(tc, NULL, free_buf);
	tcase_add_test(tc, text_is_cut_in_display_columns);
	tcase_add_test(tc, fitted_text_moves_no_cursor);
	tcase_add_test(tc, bytes_that_are_not_utf8_become_replacement_characters);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(utf8_suite)
