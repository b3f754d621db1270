/* cli_command.c: the recorded command line (see cli_command.h). */
#include "cli/cli_command.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

int cli_command_of(int argc, char **argv, struct cli_command *out)
{
	static const char *const dropped[] = {
		"--verbose", "-v", "--quiet", "-q", NULL
	};

	out->n = 0;
	out->words = mem_malloc((size_t)(argc > 0 ? argc : 1)
				* sizeof *out->words);
	if (out->words == NULL)
		return -1;
	for (int i = 0; i < argc; i++) {
		bool drop = strncmp(argv[i], "--threads=", 10) == 0;

		for (size_t k = 0; dropped[k] != NULL; k++)
			drop = drop || strcmp(argv[i], dropped[k]) == 0;
		if (strcmp(argv[i], "--threads") == 0) {
			i++;   /* and its value */
			continue;
		}
		if (!drop)
			out->words[out->n++] = argv[i];
	}
	return 0;
}

void cli_command_clear(struct cli_command *c)
{
	free(c->words);
	c->words = NULL;
	c->n = 0;
}
