/* report_optimise_units.h: the response units `callsim optimise --units`
 * found — the least units on each shift of each area's unit rosters — as a
 * table for people, tidy CSV or one JSON object (docs/experiments.md).
 *
 * What is shown is the round printed (the last that met every agreement,
 * or the last tried when none did) beside the scenario as given: each
 * grade's attended within target and verdict, force-wide and per area; the
 * units of every shift, the scenario's and the officers they crew; and the
 * officers' and all staff's FTE and annual cost before and after. The table
 * lists only the shifts of optimised entries; CSV and JSON list every
 * entry, flagged "optimised". CSV has the columns section,name,metric,mean,
 * ci_low,ci_high (sections optimise, grade, area "AREA/GRADE", units
 * "units.U.shifts.NAME" as --set names them, cost "scenario" and
 * "result"). JSON keys come in a fixed order, numbers are %.10g and nothing
 * measured (NAN) is null in JSON and empty in CSV. */
#ifndef RESULTS_REPORT_OPTIMISE_UNITS_H
#define RESULTS_REPORT_OPTIMISE_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "models/scenario.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* The result to write; everything is borrowed. */
struct report_optimise_units {
	const struct scenario *base;        /* the scenario as given */
	const struct summary *s;            /* the round shown; s->sc holds the
					       units it simulated */
	const bool *chosen;                 /* [n_units] entries optimised */
	unsigned long sims;                 /* simulations run in all */
	unsigned long result_sim;           /* which of them is shown (1 the
					       first) */
	const char *const *set;             /* [n_set] the overrides it loaded */
	size_t n_set;
	bool met;                           /* every grade with a goal is met */
	const char *const *command;         /* [n_command] argv from the
					       subcommand's name on; NULL:
					       null in JSON */
	size_t n_command;
};

/* Each writes x to f (borrowed) and returns SIM_OK, or SIM_EIO with err
 * filled when f reports a write error. */
enum sim_status report_optimise_units_table(FILE *f,
					    const struct report_optimise_units *x,
					    struct sim_err *err);
enum sim_status report_optimise_units_csv(FILE *f,
					  const struct report_optimise_units *x,
					  struct sim_err *err);
enum sim_status report_optimise_units_json(FILE *f,
					   const struct report_optimise_units *x,
					   struct sim_err *err);

#endif
