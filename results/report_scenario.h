/* report_scenario.h: a loaded scenario written back as YAML, normalised —
 * what `callsim check` prints so a planner sees what the run will use.
 *
 * Every key appears with its resolved value (defaults filled in, overrides
 * applied) in the units the scenario file uses; a line's volume is shown
 * in calls a day (or an hour or a year, where only that unit gives the
 * rate exactly), and each pool and unit roster is followed by the FTE and
 * annual cost its roster implies. A scenario with incident response adds
 * its grades, areas, roles, dispatch rules and units, and each line's
 * incident mix. Derived figures and units are YAML comments, so the output
 * is itself a scenario file that loads back to the same scenario, number
 * for number. Deterministic: the same scenario gives the same bytes. */
#ifndef RESULTS_REPORT_SCENARIO_H
#define RESULTS_REPORT_SCENARIO_H

#include <stdio.h>

#include "models/scenario.h"
#include "sim/sim_err.h"

/* Writes sc to f (both borrowed). Returns SIM_OK, or SIM_EIO with err
 * filled when f reports a write error. */
enum sim_status report_scenario_write(FILE *f, const struct scenario *sc,
				      struct sim_err *err);

#endif
