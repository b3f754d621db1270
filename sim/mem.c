/* mem.c: the allocation wrappers of mem.h, as the C library's functions.
 * This file must define nothing else: a test that replaces the wrappers
 * defines all of them, and anything more here would be left undefined or
 * defined twice. */
#include "sim/mem.h"

#include <stdlib.h>
#include <string.h>

void *mem_malloc(size_t size)
{
	return malloc(size);
}

void *mem_calloc(size_t n, size_t size)
{
	return calloc(n, size);
}

void *mem_realloc(void *p, size_t size)
{
	return realloc(p, size);
}

char *mem_strdup(const char *s)
{
	return strdup(s);
}

char *mem_strndup(const char *s, size_t n)
{
	return strndup(s, n);
}
