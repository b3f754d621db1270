/* sim_err.c: the caller-owned error record. Lines are appended, never
 * reordered, so a scenario with several problems reads top to bottom in the
 * order the loader found them. */
#include "sim/sim_err.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Empties the record. A zero-initialised struct sim_err is already empty,
 * so callers may use `struct sim_err err = {0};` instead. Cannot fail. */
void sim_err_clear(struct sim_err *err)
{
	err->status = SIM_OK;
	err->n_lines = 0;
	err->n_kept = 0;
	err->len = 0;
	err->text[0] = '\0';
}

/* Appends one formatted line (a '\n' is added) and records `status` if it is
 * the first failure. Returns `status`, so a failing function can end with
 * `return sim_err_add(err, SIM_EINVAL, ...);`.
 *
 * Lines are kept whole. The first line that does not fit is dropped, and so
 * is every later one (a shorter one might fit, but the text would then skip
 * a problem between two it shows); n_lines counts every line either way. A
 * first line longer than the whole text is the exception: it is cut to fit
 * and ends in "...", so a record never holds nothing but a count. */
enum sim_status sim_err_add(struct sim_err *err, enum sim_status status,
			    const char *fmt, ...)
{
	/* Room for the line, its '\n' and the terminator. */
	size_t room = SIM_ERR_CAP - err->len;
	va_list ap;
	int n;

	assert(status != SIM_OK);
	assert(err->len < SIM_ERR_CAP);
	if (err->status == SIM_OK)
		err->status = status;
	err->n_lines++;
	if (err->n_kept < err->n_lines - 1 || room < 3)
		return status;       /* an earlier line was dropped, or full */
	va_start(ap, fmt);
	n = vsnprintf(err->text + err->len, room - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n > room - 2 && err->n_kept > 0) {
		err->text[err->len] = '\0';
		return status;
	}
	if ((size_t)n > room - 2) {
		n = (int)(room - 2);
		memcpy(err->text + err->len + n - 3, "...", 3);
	}
	err->len += (size_t)n;
	err->text[err->len++] = '\n';
	err->text[err->len] = '\0';
	err->n_kept++;
	return status;
}

/* True once any failure has been recorded. */
int sim_err_failed(const struct sim_err *err)
{
	return err->status != SIM_OK;
}
