/* cli_search_doc.c: the scenario a search is built from (see
 * cli_search_doc.h). */
#include "cli/cli_search_doc.h"

#include "models/scenario_rota.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_search_doc_load(const char *cmd, const char *path,
			const struct cli_strings *sets,
			const char *const run_values[CLI_RUN_SETTINGS],
			struct cli_search_doc *d, struct scenario **base)
{
	int rc = CLI_EXIT_FAILURE;

	if (cli_run_settings_append(run_values, &d->settings) == 0
	    && cli_strings_append(&d->first, sets) == 0
	    && cli_strings_append(&d->first, &d->settings) == 0)
		rc = cli_read_scenario(cmd, path, &d->doc);
	if (rc == CLI_EXIT_OK
	    && (d->edits = cli_edits(cmd, &d->first, "--set")) == NULL)
		rc = CLI_EXIT_FAILURE;
	if (rc == CLI_EXIT_OK)
		rc = cli_build_scenario(cmd, d->doc, d->edits, d->first.n, base);
	return rc;
}

void cli_search_doc_spec(const struct cli_search_doc *d, size_t n_sets,
			 struct search_spec *spec)
{
	spec->doc = d->doc;
	spec->sets = d->edits;
	spec->n_sets = n_sets;
	spec->settings = d->edits ? d->edits + n_sets : NULL;
	spec->n_settings = d->settings.n;
}

void cli_search_doc_clear(struct cli_search_doc *d)
{
	free(d->edits);
	scenario_doc_free(d->doc);
	cli_strings_clear(&d->first);
	cli_strings_clear(&d->settings);
}

/* Appends name to the list in buf (size bytes), by commas. */
static void cli_search_doc_add(char *buf, size_t size, const char *name)
{
	size_t len = strlen(buf);

	if (len + 1 < size)
		snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
}

const char *cli_search_doc_roles(const struct scenario *sc, char *buf,
				 size_t size)
{
	buf[0] = '\0';
	for (size_t r = 0; r < sc->n_roles; r++)
		if (!sc->roles[r].neighbourhood)
			cli_search_doc_add(buf, size, sc->roles[r].name);
	return buf[0] ? buf : "none";
}

int cli_search_doc_pools(const char *cmd, const struct cli_strings *pools,
			 const char *path, const struct scenario *sc,
			 bool *chosen)
{
	for (size_t p = 0; p < sc->n_pools; p++)
		chosen[p] = pools->n == 0;
	for (size_t i = 0; i < pools->n; i++) {
		long p = scenario_pool_index(sc, pools->items[i]);

		if (p < 0) {
			char names[CLI_SEARCH_DOC_NAMES_MAX] = "";

			for (size_t k = 0; k < sc->n_pools; k++)
				cli_search_doc_add(names, sizeof names,
						   sc->pools[k].name);
			return cli_usage_error(cmd, "--pool %s: no such pool "
					       "in %s; pools are: %s",
					       pools->items[i], path, names);
		}
		chosen[p] = true;
	}
	return CLI_EXIT_OK;
}

int cli_search_doc_no_rota(const char *path, const struct scenario *sc,
			   const bool *chosen)
{
	/* An hour-by-hour headcount is not a rota's: its on-duty count
	 * follows from its teams, which roster searches. */
	for (size_t p = 0; p < sc->n_pools; p++)
		if (chosen[p] && sc->pools[p].rota)
			return cli_usage_error("optimise", "pool %s in %s is on a "
					       "rota (%s, %zu teams of %d), whose "
					       "handlers on duty follow from its "
					       "teams, not an hour-by-hour "
					       "headcount: `callsim roster %s "
					       "--pool %s` searches teams on its "
					       "pattern; or name the pools on "
					       "shifts with --pool",
					       sc->pools[p].name, path,
					       sc->pools[p].rota->pattern,
					       sc->pools[p].rota->teams,
					       sc->pools[p].rota->per_team, path,
					       sc->pools[p].name);
	return CLI_EXIT_OK;
}

int cli_search_doc_units(const char *path, const struct scenario *sc,
			 const bool *roles)
{
	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *u = &sc->units[e];

		if (!roles[u->role] || !u->rota)
			continue;
		return cli_usage_error("optimise", "unit %zu (%s, %s) in %s is "
				       "on a rota (%s, %zu teams of %d units), "
				       "whose units on duty follow from its teams: "
				       "`callsim roster %s --units` searches teams "
				       "on its pattern; or name with --role the "
				       "roles whose units are on shifts", e,
				       sc->areas[u->area].name,
				       sc->roles[u->role].name, path,
				       u->rota->pattern, u->rota->teams,
				       u->rota->per_team, path);
	}
	return CLI_EXIT_OK;
}
