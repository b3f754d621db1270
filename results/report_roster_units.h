/* report_roster_units.h: the unit rosters `callsim roster --units` found,
 * as a table for people or one JSON object (docs/experiments.md).
 *
 * Shown: each graded grade's attended within target and verdict,
 * force-wide and in each area; each rostered unit entry's shifts (start,
 * length, units each day of the week), unit-hours, officers' FTE and
 * annual cost, and its units on duty against the requirement in each
 * hour (JSON); FTE and annual cost of the rostered roles beside the LP
 * bound and the scenario's own unit rosters with their verdicts; the
 * rosters as a scenario fragment and as the --set overrides `callsim run`
 * takes as they are. JSON is schema "callsim.roster", version 1, with
 * "units": true. */
#ifndef RESULTS_REPORT_ROSTER_UNITS_H
#define RESULTS_REPORT_ROSTER_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "results/roster_units.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* The result to write; everything is borrowed. */
struct report_roster_units {
	const struct scenario *base;       /* as built before the rosters */
	const struct roster_units *r;      /* r->round.s the rosters' run */
	const bool *roles;                 /* [n_roles] the roles rostered */
	const char *const *set;            /* [n_set] the round's overrides */
	size_t n_set;
	const struct summary *today;       /* the scenario's own, or NULL */
	const char *const *command;        /* argv of the subcommand */
	size_t n_command;
};

/* Officers' FTE and annual cost of the rostered roles under summary s,
 * or (s NULL) of the LP bound of r's plans; the roster's own (s its
 * last round) from its plans when units are rostered on a pattern: the
 * officers in post, as a rota in the scenario counts them. */
void report_roster_units_cost(const struct report_roster_units *x,
			      const struct summary *s, double *fte,
			      double *annual_cost);

/* Each writes x to f and returns SIM_OK, or SIM_EIO with err filled. */
enum sim_status report_roster_units_table(FILE *f,
					  const struct report_roster_units *x,
					  struct sim_err *err);
enum sim_status report_roster_units_json(FILE *f,
					 const struct report_roster_units *x,
					 struct sim_err *err);

#endif
