#include <config.h>

#include "unit.h"

static void expect_fold(const char *in, const char *out)
{
	struct art_buf b = {0};
	ck_assert_int_eq(art_fold(&b, (art_str){in, strlen(in)}), 0);
	ck_assert_int_eq(art_buf_putc(&b, '\0'), 0);
	ck_assert_msg(strcmp(b.p, out) == 0, "folded \"%s\" to \"%s\", expected \"%s\"", in, b.p,
	              out);
	art_buf_free(&b);
}

START_TEST(simple_case_folding)
{
	expect_fold("Backend Engineering", "backend engineering");
	expect_fold("B-PaaS ci/CD 42", "b-paas ci/cd 42");
	expect_fold("ÜBER Ærø Ÿ Éclair", "über ærø ÿ éclair");
	expect_fold("ŁÓDŹ ĲSSEL Straſſe", "łódź ĳssel strasse");
	expect_fold("ΣΟΦΟΣ σοφος ς Ά", "σοφοσ σοφοσ σ ά");
	expect_fold("МОСКВА Ёж", "москва ёж");
	expect_fold("ԱՐՄ", "արմ");
	/* simple, not full, folding: ß stays one letter, ẞ becomes it */
	expect_fold("ẞ ß Ḁ Ａｂ", "ß ß ḁ ａｂ");
	expect_fold("数据库 İ ı", "数据库 İ ı");
	/* beyond the hand-made table of old: KELVIN SIGN, Cherokee, Deseret,
	 * Glagolitic, a letter whose folding is longer in UTF-8 */
	expect_fold("\xE2\x84\xAA \xF0\x90\x90\x80 \xE2\xB0\x80 \xC8\xBA",
	            "k \xF0\x90\x90\xA8 \xE2\xB0\xB0 \xE2\xB1\xA5");
	expect_fold("ᾈ µ", "ᾀ μ");
	expect_fold("bad \xff byte", "bad \xef\xbf\xbd byte");
}
END_TEST

START_TEST(code_points_fold_alone)
{
	ck_assert_uint_eq(art_fold_cp('K'), 'k');
	ck_assert_uint_eq(art_fold_cp(0x212A), 'k'); /* KELVIN SIGN */
	ck_assert_uint_eq(art_fold_cp(0x3A3), 0x3C3);
	ck_assert_uint_eq(art_fold_cp(0x3C2), 0x3C3);
	ck_assert_uint_eq(art_fold_cp(0xC9), 0xE9);
	ck_assert_uint_eq(art_fold_cp(0xDF), 0xDF);
	ck_assert_uint_eq(art_fold_cp(0x130), 0x130);
	ck_assert_uint_eq(art_fold_cp(0x4E00), 0x4E00);
	/* folding twice changes nothing */
	for (uint32_t c = 0; c < 0x20000; c++)
		if (c < 0xD800 || c > 0xDFFF)
			ck_assert_uint_eq(art_fold_cp(art_fold_cp(c)), art_fold_cp(c));
}
END_TEST

START_TEST(equal_once_folded)
{
	ck_assert(art_str_eq_fold(S("Kafka"), S("kAFKA")));
	ck_assert(art_str_eq_fold(S("KAFKA"), S("\xE2\x84\xAA"
	                                        "afka"))); /* KELVIN SIGN */
	ck_assert(art_str_eq_fold(S("Éclair"), S("éclair")));
	ck_assert(art_str_eq_fold(S("ΣΟΦΟΣ"), S("σοφος")));
	ck_assert(!art_str_eq_fold(S("Kafka"), S("Kafk")));
	ck_assert(!art_str_eq_fold(S("Kafk"), S("Kafka")));
	ck_assert(art_str_eq_fold(S(""), S("")));
	ck_assert(!art_str_eq_fold(S("a\xFF"), S("a\xFE")));
	ck_assert(art_str_eq_fold(S("a\xFF"), S("A\xFF")));
	ck_assert(!art_str_eq_fold(S("Éclair"), S("Eclair")));
	ck_assert(!art_str_eq_fold(S("straße"), S("strasse"))); /* full folding only */
}
END_TEST

static Suite *fold_suite(void)
{
	Suite *s = suite_create("fold");
	TCase *tc = tcase_create("fold");
	tcase_add_test(tc, simple_case_folding);
	tcase_add_test(tc, code_points_fold_alone);
	tcase_add_test(tc, equal_once_folded);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN(fold_suite)
