/* unit.h - what the Check programs share: one suite per program, run with
 * UNIT_MAIN(suite_function). */
#ifndef ART_UNIT_H
#define ART_UNIT_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "art.h"

#define S(lit) ART_STR(lit)

/* Compare a view with a C string, showing both on failure. */
#define ck_assert_str_view(view, lit)                                                              \
	do {                                                                                       \
		art_str v_ = (view);                                                               \
		ck_assert_msg(art_str_eq_cstr(v_, (lit)), "got \"%.*s\", expected \"%s\"",         \
		              (int)v_.n, v_.p, (lit));                                             \
	} while (0)

#define UNIT_MAIN(make_suite)                                                                      \
	int main(void)                                                                             \
	{                                                                                          \
		SRunner *sr = srunner_create(make_suite());                                        \
		srunner_run_all(sr, CK_NORMAL);                                                    \
		int failed = srunner_ntests_failed(sr);                                            \
		srunner_free(sr);                                                                  \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;                                       \
	}

#endif
