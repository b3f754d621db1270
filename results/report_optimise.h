/* report_optimise.h: the staffing `callsim optimise` found — the least
 * handlers on duty in each hour of the week per pool — as a table for
 * people, tidy CSV or one JSON object (docs/experiments.md).
 *
 * What is shown is the last round simulated: its plan (models/optimise.h),
 * the summary of its replications, and the overrides it loaded, which given
 * to `callsim run --set` in the same order reproduce it. The table lists
 * each line's service level and verdict, each pool's rostered hours, FTE
 * and annual cost, and each hour's requirement of the optimised pools
 * ("on duty (rostered)") beside each goal line's service level; under the
 * lines, each deferrable stream's share within target and verdict, which
 * the search meets as it meets the lines'. CSV has the columns
 * section,name,metric,mean,ci_low,ci_high, as `callsim run --format csv`:
 * sections optimise, line, deferrable (only with deferrable work), cost,
 * then interval ("POOL@Mon 00:00", "LINE@Mon 00:00"). JSON's list
 * "deferrable" is left out without deferrable work. JSON keys come in a fixed order, numbers are %.10g and
 * nothing measured (NAN) is null in JSON and empty in CSV, so the same
 * result always gives the same bytes. */
#ifndef RESULTS_REPORT_OPTIMISE_H
#define RESULTS_REPORT_OPTIMISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "models/optimise.h"
#include "results/emit.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* The result to write; everything is borrowed. */
struct report_optimise {
	const struct optimise_plan *plan;   /* the plan of the round shown */
	const struct summary *s;            /* its figures; s->sc its scenario */
	unsigned long sims;                 /* simulations run in all */
	unsigned long result_sim;           /* which of them is shown (1 the
					       first) */
	const char *const *set;             /* [n_set] the overrides it loaded */
	size_t n_set;
	bool met;                           /* every line and deferrable stream
					       with a goal is met */
	const char *why;                    /* why not, for the table; NULL
					       when met or not known */
	/* The scenario as given, whose rosters are the current ones the JSON
	 * sets beside the requirement (NULL: not known, null in JSON), and
	 * the command line (command[0 .. n_command), argv from the
	 * subcommand's name on; NULL: null in JSON). */
	const struct scenario *base;
	const char *const *command;
	size_t n_command;
};

/* What an optimisation's JSON says it is (results/result_read.h checks
 * it): the handlers' search and the units' (report_optimise_units.h) are
 * two kinds of result. The version goes up when a key is removed or
 * changes meaning. */
#define REPORT_OPTIMISE_SCHEMA "callsim.optimise"
#define REPORT_OPTIMISE_UNITS_SCHEMA "callsim.optimise_units"
#define REPORT_OPTIMISE_SCHEMA_VERSION 1

/* Each writes x to f (borrowed) and returns SIM_OK, or SIM_EIO with err
 * filled when f reports a write error. */
/* The table's lines: each line's goal, service level and verdict (and,
 * for an agreement met day by day, the share of days met), then each
 * deferrable stream's goal, share within target and verdict; with
 * explain, why an uncertain verdict is uncertain. */
void report_optimise_lines(FILE *f, const struct summary *s, bool explain);
/* A JSON line object's "per", "on_at_least" and "periods_met" when line
 * l's agreement is met period by period; nothing otherwise. */
void report_optimise_json_periods(struct emit_json *w, const struct summary *s,
				  size_t l);
/* A JSON result's "deferrable": each stream's pool, target, goal, verdict
 * and share within target; nothing without deferrable work. */
void report_optimise_json_streams(struct emit_json *w, const struct summary *s);
enum sim_status report_optimise_table(FILE *f, const struct report_optimise *x,
				      struct sim_err *err);
enum sim_status report_optimise_csv(FILE *f, const struct report_optimise *x,
				    struct sim_err *err);
enum sim_status report_optimise_json(FILE *f, const struct report_optimise *x,
				     struct sim_err *err);

/* The table's count line of both searches: "3 simulations of 10
 * replications (seed 2025); the result is simulation 3". */
void report_optimise_count(FILE *f, unsigned long sims,
			   unsigned long result_sim, const struct summary *s);

/* The members that head both searches' JSON: "schema" (one of the two
 * above), "schema_version", "callsim_version", "scenario", the content
 * fingerprint of the scenario read, "command", then the run settings. */
void report_optimise_json_provenance(struct emit_json *w, const char *schema,
				     const struct summary *s,
				     const char *const *command, size_t n);

#endif
