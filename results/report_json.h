/* report_json.h: the summary of a run as one JSON object with stable keys,
 * for scripts (docs/output.md lists every key).
 *
 * Keys come in a fixed order, numbers are printed with %.10g and a figure
 * with nothing to measure (NAN) is null, so the same summary always gives
 * the same bytes. Every measured figure is an object
 *     {"mean": x, "ci_low": a, "ci_high": b}
 * with the 95% confidence interval over replications (a figure of another
 * kind of interval names its members as emit_json_key_figure says). */
#ifndef RESULTS_REPORT_JSON_H
#define RESULTS_REPORT_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "results/emit.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* What a run's JSON says it is: "schema" and "schema_version" head the
 * object, so a reader (results/result_read.h) can refuse what it does not
 * know. The version goes up when a key is removed or changes meaning. */
#define REPORT_JSON_SCHEMA "callsim.run"
#define REPORT_JSON_SCHEMA_VERSION 1

/* Writes s to f (borrowed), with the 168 hour-of-week figures when
 * `intervals` is true, and always the figures of each counted day
 * ("by_day"), the response by hour of the week ("by_hour") and each
 * line's wait distribution ("wait_distribution"), last. Returns SIM_OK, or SIM_EIO with err filled when f
 * reports a write error. */
enum sim_status report_json_write(FILE *f, const struct summary *s,
				  bool intervals, struct sim_err *err);
/* report_json_write with the command line that made the run: command[0
 * .. n) is argv from the subcommand's name on ("command": null when
 * command is NULL). */
enum sim_status report_json_write_run(FILE *f, const struct summary *s,
				      bool intervals,
				      const char *const *command, size_t n,
				      struct sim_err *err);

/* Writes the members of s's object (everything report_json_write puts
 * between its braces) into the object w has open: a sweep point puts them
 * after its own, on one line with a compact emitter. */
void report_json_members(struct emit_json *w, const struct summary *s,
			 bool intervals);

/* The first members of deferrable stream i's object in s, in the order
 * every result writes them: name, pool, target_h, goal, verdict (null
 * without a goal). */
void report_json_stream_head(struct emit_json *w, const struct summary *s,
			     size_t i);

#endif
