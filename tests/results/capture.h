/* capture.h: what a writer puts on a FILE *, read back as a string.
 *
 * Writers in results/ take a FILE *; a test hands them a temporary file and
 * reads it back. A temporary file rather than open_memstream, whose
 * pointer-to-pointer output confuses GCC's dangling-pointer analysis. */
#ifndef TESTS_RESULTS_CAPTURE_H
#define TESTS_RESULTS_CAPTURE_H

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A new empty temporary file to write into; aborts when none can be made. */
static inline FILE *capture_open(void)
{
	FILE *f = tmpfile();

	if (f == NULL)
		abort();
	return f;
}

/* Everything written to f, as a new string (free with free()); closes f. */
static inline char *capture_close(FILE *f)
{
	long len = ftell(f);
	char *text = malloc((size_t)len + 1);

	rewind(f);
	if (len < 0 || text == NULL ||
	    fread(text, 1, (size_t)len, f) != (size_t)len)
		abort();
	text[len] = '\0';
	fclose(f);
	return text;
}

/* True when text holds a "nan" (or "inf") that is not part of a longer
 * word: what printf makes of a NaN or an infinity, which no writer may
 * print. "unanswered" holds "nan" and is fine. */
static inline bool capture_has_nan(const char *text)
{
	static const char *const bad[] = { "nan", "inf" };

	for (size_t i = 0; i < 2; i++)
		for (const char *p = strstr(text, bad[i]); p != NULL;
		     p = strstr(p + 1, bad[i]))
			if ((p == text || !isalpha((unsigned char)p[-1])) &&
			    !isalpha((unsigned char)p[3]))
				return true;
	return false;
}

#endif
