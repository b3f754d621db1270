/* report_erlang.h: the figures of `callsim erlang` — Erlang C or A for one
 * interval (models/erlang.h), one row per agent count — as a table for
 * people, CSV or one JSON object (docs/experiments.md).
 *
 * The table opens with the model, the load and the goal, and the agents
 * required when they were searched for. CSV has one row per agent count,
 * columns agents,service_level,asa_s,mean_wait_s,occupancy,p_wait,
 * p_abandon,rostered,meets_goal. JSON holds the inputs, the load, the
 * required agents and the rows. A figure Erlang C cannot give (as many
 * Erlangs as agents: the queue never settles) is "-" in the table, empty in
 * CSV and null in JSON; so is meets_goal without a goal. Numbers are %.10g,
 * so the same inputs always give the same bytes. */
#ifndef RESULTS_REPORT_ERLANG_H
#define RESULTS_REPORT_ERLANG_H

#include <stddef.h>
#include <stdio.h>

#include "models/erlang.h"
#include "sim/sim_err.h"

/* One agent count and its figures. */
struct report_erlang_row {
	int agents;
	struct erlang_result r;   /* NAN fields: undefined */
	long rostered;            /* staff to roster for `agents` after
				     shrinkage */
};

/* The inputs and the rows to write; rows are borrowed. */
struct report_erlang {
	double calls_per_hour, aht_s, target_s;
	double goal;              /* NAN: none given */
	double patience_s;        /* NAN: Erlang C, callers never abandon */
	double shrinkage;         /* 0 when none given */
	long required;            /* least agents meeting the goal; -1 when
				     not searched for */
	const struct report_erlang_row *rows;   /* [n_rows], n_rows >= 1 */
	size_t n_rows;
};

/* Each writes x to f (borrowed) and returns SIM_OK, or SIM_EIO with err
 * filled when f reports a write error. */
enum sim_status report_erlang_table(FILE *f, const struct report_erlang *x,
				    struct sim_err *err);
enum sim_status report_erlang_csv(FILE *f, const struct report_erlang *x,
				  struct sim_err *err);
enum sim_status report_erlang_json(FILE *f, const struct report_erlang *x,
				   struct sim_err *err);

#endif
