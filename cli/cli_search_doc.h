/* cli_search_doc.h: what the searching commands (optimise, roster) build
 * every round from: the scenario read once, and the --set edits and run
 * settings as edits, in that order. */
#ifndef CLI_SEARCH_DOC_H
#define CLI_SEARCH_DOC_H

#include "cli/cli_common.h"
#include "models/scenario.h"
#include "results/search.h"

struct cli_search_doc {
	struct cli_strings settings;       /* the run settings */
	struct cli_strings first;          /* --set, then the run settings */
	struct scenario_doc *doc;
	struct scenario_edit *edits;       /* first's, borrowing its strings */
};

/* Reads the scenario at path into d and builds it as sets and run_values
 * give it (warning once) into *base; cmd names the command in messages.
 * Returns the exit code. */
int cli_search_doc_load(const char *cmd, const char *path,
			const struct cli_strings *sets,
			const char *const run_values[CLI_RUN_SETTINGS],
			struct cli_search_doc *d, struct scenario **base);
/* Points spec's document, n_sets --set edits and run settings at d's. */
void cli_search_doc_spec(const struct cli_search_doc *d, size_t n_sets,
			 struct search_spec *spec);
/* Frees what d holds. */
/* Marks in chosen the pools named by --pool (every pool when none is);
 * returns CLI_EXIT_OK or, for a name sc lacks, CLI_EXIT_USAGE with the
 * message given as cmd's. */
int cli_search_doc_pools(const char *cmd, const struct cli_strings *pools,
			 const char *path, const struct scenario *sc,
			 bool *chosen);
/* The longest list of names a message gives ("a, b, c"). */
#define CLI_SEARCH_DOC_NAMES_MAX 512
/* The names of sc's roles that --role may name (not a neighbourhood
 * role) by commas into buf, or "none"; returns the text. */
const char *cli_search_doc_roles(const struct scenario *sc, char *buf,
				 size_t size);
/* For optimise, which sizes hour-by-hour headcounts: CLI_EXIT_OK, or
 * CLI_EXIT_USAGE with a message pointing at `callsim roster` when a
 * pool marked in chosen (or a unit roster of a role marked in roles) is
 * on a rota, whose on-duty count its teams set. */
int cli_search_doc_no_rota(const char *path, const struct scenario *sc,
			   const bool *chosen);
int cli_search_doc_units(const char *path, const struct scenario *sc,
			 const bool *roles);
void cli_search_doc_clear(struct cli_search_doc *d);

#endif
