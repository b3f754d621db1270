/* mem.h: the one place callsim's own code allocates memory.
 *
 * Every allocation in sim/, models/, results/ and cli/ goes through these
 * wrappers, which behave exactly as the C library's functions they name:
 * NULL when out of memory, memory released with free(). Having one place
 * lets a test replace it: an executable that defines all of these
 * functions itself is linked with its own definitions instead of
 * sim/mem.c's (the linker takes an archive member only for symbols still
 * undefined), so tests/cli/oom_run.c can make the N-th allocation fail and
 * walk N over every allocation of a run. The product itself keeps no
 * state here.
 *
 * Allocations made inside libyaml and GSL do not pass through here. */
#ifndef SIM_MEM_H
#define SIM_MEM_H

#include <stddef.h>

void *mem_malloc(size_t size);
void *mem_calloc(size_t n, size_t size);
/* On failure returns NULL and leaves p allocated, as realloc() does. */
void *mem_realloc(void *p, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);

#endif
