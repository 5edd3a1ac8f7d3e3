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
	ck_assert_int_eq(width_of("\xE1\x85\xA1"), 0);     /* Hangul medial vowel */
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
	ck_assert_uint_eq(art_utf8_width(S("a\tb")), 3);      /* a control shows as one */
	ck_assert_uint_eq(art_utf8_width(S("a\xFF\xC3z")), 4); /* so does a broken byte */
}
END_TEST

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("width");
	tcase_add_test(tc, characters_have_their_display_width);
	tcase_add_test(tc, strings_are_measured);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(utf8_suite)
