/* cli_keys.c: the key paths of a scenario (see cli_keys.h). */
#include "cli/cli_keys.h"

#include <stdbool.h>
#include <string.h>

#include "models/scenario_schema.h"

#define CLI_KEYS_PATH_MAX 256

/* Whether the records of table t are named (their first key is "name"). */
static bool cli_keys_named(const struct scenario_key *t)
{
	return t[0].key != NULL && strcmp(t[0].key, "name") == 0;
}

/* The keys of table t under path (empty at the top), and of the tables
 * they point to, depth first in the schema's order. */
static void cli_keys_table(FILE *f, const struct scenario_key *t,
			   const char *path)
{
	char here[CLI_KEYS_PATH_MAX], below[CLI_KEYS_PATH_MAX + 8];

	for (const struct scenario_key *k = t; k->key != NULL; k++) {
		snprintf(here, sizeof here, "%s%s%s", path, *path ? "." : "",
			 k->key);
		fprintf(f, "%-44s %s\n", here, k->doc);
		if (k->sub == NULL)
			continue;
		if (k->kind == SCENARIO_LIST) {
			snprintf(below, sizeof below, "%s.%s", here,
				 cli_keys_named(k->sub) ? "NAME" : "N");
			cli_keys_table(f, k->sub, below);
		} else {
			cli_keys_table(f, k->sub, here);
		}
	}
}

void cli_keys_print(FILE *f)
{
	cli_keys_table(f, scenario_schema_top, "");
}
