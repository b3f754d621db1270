/* report_roster.h: the roster `callsim roster` found, as a table for
 * people, tidy CSV or one JSON object (docs/experiments.md).
 *
 * Shown: each line's service level and verdict under the roster, and each
 * deferrable stream's share within target and verdict; each
 * rostered pool's shifts (start, length, headcount each day of the week)
 * and its on-duty cover against the requirement in each hour; FTE and
 * annual cost of the rostered pools beside the references (the LP bound,
 * the hour-by-hour plan of `callsim optimise`, the scenario's own roster,
 * the scenario's shifts re-sized), each with the service levels its
 * simulation gave; the roster as a scenario fragment and as the --set
 * overrides `callsim run` takes as they are. CSV has the columns
 * section,name,metric,mean,ci_low,ci_high of `callsim run --format csv`:
 * sections roster, line, deferrable (only with deferrable work), reference
 * (NAME, and NAME/LINE for its service
 * levels), pool, shift ("POOL@07:00+10h@Mon" staff) and interval
 * ("POOL@Mon 00:00" on_duty and requirement). JSON is schema
 * "callsim.roster", version 1, with the provenance of a run's JSON; its
 * list "deferrable" is left out without deferrable work. */
#ifndef RESULTS_REPORT_ROSTER_H
#define RESULTS_REPORT_ROSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "results/emit.h"
#include "results/roster_search.h"
#include "results/summary.h"
#include "sim/sim_err.h"

#define REPORT_ROSTER_SCHEMA "callsim.roster"
#define REPORT_ROSTER_SCHEMA_VERSION 1

/* A reference to weigh the roster against: its FTE and annual cost over
 * the rostered pools, and its simulation (NULL: not simulated). */
struct report_roster_ref {
	const char *name;            /* "lp_bound", "hour_by_hour", ... */
	const char *label;           /* for the table */
	double fte, annual_cost;
	const struct summary *s;
	bool met;                    /* every line and deferrable stream
					with a goal met */
};

/* The result to write; everything is borrowed. */
struct report_roster {
	const struct scenario *base;       /* as built before the roster */
	const struct roster_search *r;     /* r->round.s the roster's run */
	const char *const *set;            /* [n_set] the round's overrides */
	size_t n_set;
	bool met;
	const struct report_roster_ref *refs;
	size_t n_refs;
	const char *const *command;        /* argv of the subcommand */
	size_t n_command;
};

/* FTE and annual cost of the rostered pools of r: of the roster, or with
 * lp of the LP bound. */
void report_roster_cost(const struct scenario *sc, const struct roster_search *r,
			bool lp, double *fte, double *annual_cost);

/* Each writes x to f and returns SIM_OK, or SIM_EIO with err filled. */
enum sim_status report_roster_table(FILE *f, const struct report_roster *x,
				    struct sim_err *err);
enum sim_status report_roster_json(FILE *f, const struct report_roster *x,
				   struct sim_err *err);
enum sim_status report_roster_csv(FILE *f, const struct report_roster *x,
				  struct sim_err *err);

/* What the writers of `roster --units` (results/report_roster_units.h)
 * share with these: a plan's shift table (header and a row per start and
 * length with its headcount each day), one shift as JSON, a rota as JSON,
 * the provenance
 * keys of the JSON, and text single-quoted for a POSIX shell. */
void report_roster_plan_rows(FILE *f, const struct roster_plan *p);
void report_roster_json_shift(struct emit_json *w,
			      const struct roster_plan_shift *sh);
/* "N solves and N simulations, the last of R replications (seed S)",
 * each count in the singular when it is one, and a newline. */
void report_roster_counts(FILE *f, unsigned long solves, unsigned long sims,
			  const struct summary *s);
/* The rules each person's sequence of plans[n] was checked against: a
 * rota's (when any plan is one), or none. */
const char *report_roster_rules(struct roster_plan *const *plans, size_t n);
/* "rota": null, or a rota plan's pattern, rules, teams and starts. */
void report_roster_json_rota(struct emit_json *w, const struct roster_plan *p);
void report_roster_json_head(struct emit_json *w, const struct scenario *base,
			     const char *const *command, size_t n_command);
void report_roster_shell(FILE *f, const char *text);

#endif
