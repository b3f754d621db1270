/* capture.h: what a writer puts on a FILE *, read back as a string.
 *
 * Writers in results/ take a FILE *; a test hands them a temporary file and
 * reads it back. A temporary file rather than open_memstream, whose
 * pointer-to-pointer output confuses GCC's dangling-pointer analysis. */
#ifndef TESTS_RESULTS_CAPTURE_H
#define TESTS_RESULTS_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>

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

#endif
