#include <config.h>

#include "status.h"

#include <stdarg.h>
#include <stdio.h>

void art_error_set(struct art_error *e, unsigned long line, const char *fmt, ...)
{
	va_list ap;
	e->line = line;
	e->errnum = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

void art_error_msg(struct art_error *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}
