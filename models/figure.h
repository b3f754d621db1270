/* figure.h: every figure a run reports, defined once — its machine name,
 * the words and unit the table shows it with, what it is kept by, the
 * kind of interval reported for it and how partial results of it merge —
 * in one X-macro list per block of a replication's result. The tallies
 * (models/contact_centre.c, models/response.c) index their flat arrays
 * with the enums generated here; the summary (results/summary.c) and
 * every writer (table, CSV, JSON, sweep points, comparisons) loop over the
 * tables, so no list of figures is written anywhere else.
 *
 * Columns of a row, FIG(ID, name, label, brief, unit, interval, merge,
 * total, row, cmp):
 *   ID        the enum constant the tally indexes its array with;
 *   name      the machine name: the JSON key and the CSV metric column;
 *   label     the words of the run table;
 *   brief     the words of the comparison table ("grade 1 within target");
 *   unit      COUNT, FRACTION (shown as %), SECONDS or HOURS;
 *   interval  CI_MEAN (the confidence interval of the mean over
 *             replications), PI_PERIOD (the prediction interval of one
 *             period: where one more day or hour is expected to fall) or
 *             GOAL_SHARE (the share of periods on which a goal was met,
 *             one value a replication, with the confidence interval of
 *             the mean of those shares);
 *   merge     what the accumulator sums: SUMS, one value a replication, or
 *             PERIOD_SUMS, one value a period of each replication; both
 *             are exact sums of values and squares (sim/moments.h), so
 *             accumulators merge by adding, in any order, to the same bytes
 *             one run would give;
 *   total     SUM when the figures of several items add up (a force's
 *             abstractions are its areas' sum), NONE when they do not (a
 *             fraction, a mean, a percentile);
 *   row       the figure's place among its block's rows in the run table,
 *             from 1; 0: not a row there;
 *   cmp       its place among an item's figures in a comparison, from 1;
 *             0: not compared.
 * CSV and JSON list a block's figures in the order of its list.
 * PI_PERIOD (with PERIOD_SUMS) is for figures over the periods of a
 * replication (one more day), GOAL_SHARE for the share of a replication's
 * days (weeks) that met a goal: the writers say them apart. The figures by day below are
 * each day's own figure, one value a replication, so CI_MEAN.
 *
 * Adding a figure:
 *   1. a row in the block's list below (the enum constant comes with it;
 *      CSV and JSON place it by its position in the list, the table and
 *      a comparison by `row` and `cmp`);
 *   2. its tally: set the slot in the model that measures it
 *      (replication_line_at(res, l)[CC_NEW] = ... in contact_centre.c, or
 *      response.c's figures for grades and areas);
 *   3. docs/output.md: the CSV metric and the JSON key;
 *   4. regenerate the golden outputs (python3 tests/golden/golden.py
 *      build/cli/callsim . --update), check the diff is the new figure only,
 *      and say so in the commit;
 *   5. a test of the tally in tests/models/.
 * A figure kept by something new (a day, an hour of the week for a block
 * that has none) is a new block: its list, its array in struct replication_result,
 * its line in figure.c's block table, and its items in summary.c's
 * summary_block_items. A figure with PERIOD_SUMS is one of those: the
 * accumulator (results/summary.c) adds each period's value itself, as it
 * does for the line's periods block (summary_acc_periods), and refuses
 * PERIOD_SUMS in any other block. */
#ifndef MODELS_FIGURE_H
#define MODELS_FIGURE_H

#include <stdbool.h>
#include <stddef.h>

/* Figures of one line in one replication. */
#define FIGURE_LINE_LIST(FIG) \
	FIG(CC_OFFERED, "offered", "offered", "offered", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) /* repeat calls included */ \
	FIG(CC_ANSWERED, "answered", "answered", "answered", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 0) \
	FIG(CC_ABANDONED, "abandoned", "abandoned", "abandoned", \
	    COUNT, CI_MEAN, SUMS, SUM, 3, 0) \
	FIG(CC_ABANDONED_5S, "abandoned_5s", "abandoned within 5 s", \
	    "abandoned within 5 s", COUNT, CI_MEAN, SUMS, SUM, 5, 0) \
	FIG(CC_REPEATS, "repeats", "repeat calls", "repeat calls", \
	    COUNT, CI_MEAN, SUMS, SUM, 6, 0) /* offered calls that redialled */ \
	FIG(CC_SERVICE_LEVEL, "service_level", "service level", "service level", \
	    FRACTION, CI_MEAN, SUMS, NONE, 7, 1) /* within target / offered */ \
	FIG(CC_ABANDON_RATE, "abandon_rate", "abandon rate", "abandon rate", \
	    FRACTION, CI_MEAN, SUMS, NONE, 8, 3) /* abandoned / offered */ \
	FIG(CC_ASA_S, "asa_s", "ASA", "ASA", \
	    SECONDS, CI_MEAN, SUMS, NONE, 9, 2) /* mean wait when answered */ \
	FIG(CC_WAIT_P50_S, "wait_p50_s", "wait p50", "wait p50", \
	    SECONDS, CI_MEAN, SUMS, NONE, 10, 0) /* of answered calls */ \
	FIG(CC_WAIT_P90_S, "wait_p90_s", "wait p90", "wait p90", \
	    SECONDS, CI_MEAN, SUMS, NONE, 11, 0) \
	FIG(CC_WAIT_P95_S, "wait_p95_s", "wait p95", "wait p95", \
	    SECONDS, CI_MEAN, SUMS, NONE, 12, 0) \
	FIG(CC_WAIT_P99_S, "wait_p99_s", "wait p99", "wait p99", \
	    SECONDS, CI_MEAN, SUMS, NONE, 13, 0) \
	/* still waiting when the drain ended: offered = answered + \
	   abandoned + unanswered at end */ \
	FIG(CC_UNANSWERED_END, "unanswered_at_end", "unanswered at end", \
	    "unanswered at end", COUNT, CI_MEAN, SUMS, SUM, 4, 4) \
	/* answered by a pool other than the line's own through an overflow \
	   rule (models/routing.h); 0 without overflow rules */ \
	FIG(CC_ANSWERED_OVERFLOW, "answered_by_overflow", \
	    "answered by overflow", "answered by overflow", \
	    COUNT, CI_MEAN, SUMS, SUM, 14, 0) \
	FIG(CC_OVERFLOW_SHARE, "overflow_share", "overflow share", \
	    "overflow share", FRACTION, CI_MEAN, SUMS, NONE, 15, 0) \
	    /* answered by overflow / answered */ \
	/* What the counted answered calls became when their talk ended \
	   (models/duplicate.h): answered = incidents created + duplicates \
	   + resolved on the call. Without incident grades every call is \
	   resolved on the call. */ \
	FIG(CC_INCIDENTS_CREATED, "incidents_created", "incidents created", \
	    "incidents created", COUNT, CI_MEAN, SUMS, SUM, 16, 0) \
	/* about an incident already reported: no new incident */ \
	FIG(CC_DUPLICATES, "duplicates", "duplicate calls", "duplicate calls", \
	    COUNT, CI_MEAN, SUMS, SUM, 17, 5) \
	FIG(CC_RESOLVED, "resolved_on_call", "resolved on the call", \
	    "resolved on the call", COUNT, CI_MEAN, SUMS, SUM, 18, 0) \
	/* answered / incidents created; NAN when none was created */ \
	FIG(CC_CALLS_PER_INCIDENT, "calls_per_incident", "calls per incident", \
	    "calls/incident", COUNT, CI_MEAN, SUMS, NONE, 19, 6)

/* Figures of one pool in one replication. */
#define FIGURE_POOL_LIST(FIG) \
	/* busy handler time / on-duty handler time */ \
	FIG(CC_OCCUPANCY, "occupancy", "occupancy", "occupancy", \
	    FRACTION, CI_MEAN, SUMS, NONE, 1, 0) \
	/* mean handlers on duty (after shrinkage) */ \
	FIG(CC_STAFF_ON_DUTY, "staff_on_duty", "staff on duty", "staff on duty", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 0)

/* Per hour of the week (0 = Monday 00:00-01:00), per line: calls are put
 * in the hour they arrived; means over the weeks of one replication. The
 * labels head the columns of the hour-of-week table. */
#define FIGURE_ILINE_LIST(FIG) \
	FIG(CC_I_OFFERED, "offered", "offered", "offered", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) \
	FIG(CC_I_ANSWERED, "answered", "answered", "answered", \
	    COUNT, CI_MEAN, SUMS, SUM, 0, 0) \
	FIG(CC_I_SERVICE_LEVEL, "service_level", "SL", "service level", \
	    FRACTION, CI_MEAN, SUMS, NONE, 2, 0) /* NAN when none offered */

/* Per hour of the week, per pool. */
#define FIGURE_IPOOL_LIST(FIG) \
	FIG(CC_I_STAFF, "staff_on_duty", "staff", "staff on duty", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) /* mean handlers on duty */ \
	FIG(CC_I_OCCUPANCY, "occupancy", "occ", "occupancy", \
	    FRACTION, CI_MEAN, SUMS, NONE, 2, 0) /* NAN when nobody on duty */

/* Per counted day (day 1 = the first 24 hours of the counted period, the
 * last day cut short when run.days is not whole), per line: calls are put
 * in the day they arrived. The labels head the columns of the by-day
 * table. */
#define FIGURE_DLINE_LIST(FIG) \
	FIG(CC_D_OFFERED, "offered", "offered", "offered", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) \
	FIG(CC_D_SERVICE_LEVEL, "service_level", "SL", "service level", \
	    FRACTION, CI_MEAN, SUMS, NONE, 2, 0) /* NAN when none offered */ \
	FIG(CC_D_ASA_S, "asa_s", "ASA", "ASA", \
	    SECONDS, CI_MEAN, SUMS, NONE, 3, 0) /* NAN when none answered */

/* Per counted day, per incident grade (force-wide): incidents are put in
 * the day they were created. */
#define FIGURE_DGRADE_LIST(FIG) \
	FIG(RSP_D_INCIDENTS, "incidents", "incidents", "incidents", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) \
	/* attended within target / incidents; NAN without a target or \
	   without incidents */ \
	FIG(RSP_D_WITHIN_TARGET, "attended_within_target", "within target", \
	    "within target", FRACTION, CI_MEAN, SUMS, NONE, 2, 0)

/* Per hour of the week, per incident grade (force-wide): incidents are
 * put in the hour they were created, means over the weeks of one
 * replication; the units are those whose role attends the grade in
 * ordinary dispatch (ring-fenced neighbourhood roles excluded), in every
 * area, so a unit counts under each grade it attends. The labels head the
 * columns of the by-hour tables. */
#define FIGURE_IGRADE_LIST(FIG) \
	FIG(RSP_I_INCIDENTS, "incidents", "inc", "incidents", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) /* a week in that hour */ \
	/* attended within target / incidents; NAN without a target or \
	   without incidents */ \
	FIG(RSP_I_WITHIN_TARGET, "attended_within_target", "in tgt", \
	    "within target", FRACTION, CI_MEAN, SUMS, NONE, 2, 0) \
	/* of the incidents created in that hour and attended */ \
	FIG(RSP_I_ATTEND_P50_S, "attendance_p50_s", "p50", "attendance p50", \
	    SECONDS, CI_MEAN, SUMS, NONE, 3, 0) \
	FIG(RSP_I_ATTEND_P90_S, "attendance_p90_s", "p90", "attendance p90", \
	    SECONDS, CI_MEAN, SUMS, NONE, 4, 0) \
	FIG(RSP_I_UNITS_ON_DUTY, "units_on_duty", "units", "units on duty", \
	    COUNT, CI_MEAN, SUMS, NONE, 5, 0) /* mean on duty in that hour */ \
	/* busy unit time / on-duty unit time; NAN when none on duty */ \
	FIG(RSP_I_UTILISATION, "utilisation", "util", "utilisation", \
	    FRACTION, CI_MEAN, SUMS, NONE, 6, 0)

/* Per hour of the week, per area, every grade together: incidents put in
 * the hour they were created (a week); attended within target over the
 * incidents of the grades that have a target, each against its own
 * grade's; the area's units as in its whole-horizon figures. */
#define FIGURE_IAREA_LIST(FIG) \
	FIG(RSP_IA_INCIDENTS, "incidents", "inc", "incidents", \
	    COUNT, CI_MEAN, SUMS, SUM, 0, 0) \
	FIG(RSP_IA_WITHIN_TARGET, "attended_within_target", "in tgt", \
	    "within target", FRACTION, CI_MEAN, SUMS, NONE, 1, 0) \
	FIG(RSP_IA_UNITS_ON_DUTY, "units_on_duty", "units", "units on duty", \
	    COUNT, CI_MEAN, SUMS, SUM, 0, 0) \
	FIG(RSP_IA_UTILISATION, "utilisation", "util", "utilisation", \
	    FRACTION, CI_MEAN, SUMS, NONE, 2, 0)

/* Per counted day, per area, every grade together (as by hour above). */
#define FIGURE_DAREA_LIST(FIG) \
	FIG(RSP_DA_INCIDENTS, "incidents", "incidents", "incidents", \
	    COUNT, CI_MEAN, SUMS, SUM, 0, 0) \
	FIG(RSP_DA_WITHIN_TARGET, "attended_within_target", "within target", \
	    "within target", FRACTION, CI_MEAN, SUMS, NONE, 0, 0)

/* Per bin of the wait distribution (FIGURE_WAIT_EDGES), per line: the
 * counted calls answered after a wait in the bin; the bins add up to the
 * line's answered calls. */
#define FIGURE_WLINE_LIST(FIG) \
	FIG(CC_W_ANSWERED, "answered", "answered", "answered", \
	    COUNT, CI_MEAN, SUMS, SUM, 0, 0)

/* Per line, one period: where one more day, or one more run of the
 * horizon, is expected to fall — the prediction intervals of a day's and
 * of the whole counted period's offered calls and service level, from the
 * whole counted days of every replication (a day's values) and from each
 * replication (the horizon's). How a real day or month can go, beside the
 * confidence interval of the mean, which shrinks with replications while
 * these do not. Not a block of the result: the summary takes the values
 * from the by-day and the line blocks. */
#define FIGURE_PLINE_LIST(FIG) \
	FIG(CC_P_DAY_OFFERED, "day_offered", "offered, a day", \
	    "offered, a day", COUNT, PI_PERIOD, PERIOD_SUMS, NONE, 1, 0) \
	FIG(CC_P_DAY_SERVICE_LEVEL, "day_service_level", \
	    "service level, a day", "service level, a day", \
	    FRACTION, PI_PERIOD, PERIOD_SUMS, NONE, 2, 0) \
	FIG(CC_P_HORIZON_OFFERED, "horizon_offered", "offered, horizon", \
	    "offered, horizon", COUNT, PI_PERIOD, PERIOD_SUMS, NONE, 3, 0) \
	FIG(CC_P_HORIZON_SERVICE_LEVEL, "horizon_service_level", \
	    "service level, horizon", "service level, horizon", \
	    FRACTION, PI_PERIOD, PERIOD_SUMS, NONE, 4, 0)

/* Per line with call-backs of abandoned callers (models/callback.h): a
 * block only when some line has call-backs. Requests are the counted
 * abandoned calls chosen for a call-back (a caller who abandons again
 * while one is pending is not asked again): requested = made + reached by
 * redial first + pending at end. The delay runs from the abandonment to
 * the handler's start of the call-back. */
#define FIGURE_CBLINE_LIST(FIG) \
	FIG(CB_REQUESTED, "callbacks_requested", "call-backs requested", \
	    "call-backs requested", COUNT, CI_MEAN, SUMS, SUM, 1, 0) \
	FIG(CB_MADE, "callbacks_made", "call-backs made", "call-backs made", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 0) \
	/* the caller's own redial was answered before the call-back */ \
	FIG(CB_REDIAL_FIRST, "callbacks_redial_first", \
	    "redial reached first", "redial reached first", \
	    COUNT, CI_MEAN, SUMS, SUM, 3, 0) \
	FIG(CB_PENDING_END, "callbacks_pending_at_end", \
	    "call-backs at end", "call-backs pending at end", \
	    COUNT, CI_MEAN, SUMS, SUM, 4, 0) \
	/* of the call-backs made; NAN when none */ \
	FIG(CB_DELAY_MEAN_S, "callback_delay_mean_s", "call-back delay mean", \
	    "call-back delay mean", SECONDS, CI_MEAN, SUMS, NONE, 5, 0) \
	/* made within callback.target_s / made; NAN when none */ \
	FIG(CB_WITHIN_TARGET, "callbacks_within_target", \
	    "call-backs in target", "call-backs within target", \
	    FRACTION, CI_MEAN, SUMS, NONE, 6, 0)
/* Per line whose agreement is met period by period (models/agreement.h:
 * answer.per day or week): the share of its whole counted periods met,
 * one value a replication, the periods taken from its by-day figures. Its
 * interval is the confidence interval of the mean of those shares over
 * replications (GOAL_SHARE), and the line's verdict is that interval
 * against answer.on_at_least. Not a block of the result: the summary
 * takes the values from the by-day block, and sizes the block only when
 * some line or grade has such an agreement. */
#define FIGURE_ALINE_LIST(FIG) \
	FIG(CC_A_PERIODS_MET, "periods_met", "periods met", "periods met", \
	    FRACTION, GOAL_SHARE, SUMS, NONE, 1, 0)

/* The same per incident grade (force-wide), from its by-day figures,
 * against attend.on_at_least. */
#define FIGURE_AGRADE_LIST(FIG) \
	FIG(RSP_A_PERIODS_MET, "periods_met", "periods met", "periods met", \
	    FRACTION, GOAL_SHARE, SUMS, NONE, 1, 0)
/* Per stream of deferrable work (models/deferrable.h): items offered in
 * the counted period, by what became of them when the drain ended. */
#define FIGURE_DEFER_LIST(FIG) \
	FIG(DF_OFFERED, "offered", "offered", "offered", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) \
	/* taken by a handler */ \
	FIG(DF_HANDLED, "handled", "handled", "handled", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 0) \
	/* not taken when the drain ended: offered = handled + open at end */ \
	FIG(DF_OPEN_END, "open_at_end", "open at end", "open at end", \
	    COUNT, CI_MEAN, SUMS, SUM, 3, 2) \
	/* taken within the target / offered: open items count against it */ \
	FIG(DF_WITHIN_TARGET, "within_target", "within target", \
	    "within target", FRACTION, CI_MEAN, SUMS, NONE, 4, 1) \
	/* mean delay, arrival to a handler taking it, of the handled */ \
	FIG(DF_DELAY_MEAN_H, "delay_mean_h", "delay mean", "delay mean", \
	    HOURS, CI_MEAN, SUMS, NONE, 5, 3) \
	/* handler time the handled items took */ \
	FIG(DF_HANDLER_HOURS, "handler_hours", "handler hours", \
	    "handler hours", HOURS, CI_MEAN, SUMS, SUM, 6, 0)

/* The lower edges (s) of the wait distribution's bins, each bin up to the
 * next edge (a wait of exactly 10 s is in 10-20 s), the last one without
 * end. Each is an edge of sim/hist.c's bins, so the counts are exact. */
#define FIGURE_WAIT_EDGES 0, 10, 20, 30, 60, 120, 300, 600, 1800, 3600
#define FIGURE_WAIT_BINS 10

/* Per incident grade (force-wide, and per area and grade). */
#define FIGURE_GRADE_LIST(FIG) \
	FIG(RSP_INCIDENTS, "incidents", "incidents", "incidents", \
	    COUNT, CI_MEAN, SUMS, SUM, 1, 0) /* created in the counted period */ \
	FIG(RSP_ATTENDED, "attended", "attended", "attended", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 0) /* by the end of the run */ \
	/* attended within target / incidents; NAN without a target */ \
	FIG(RSP_WITHIN_TARGET, "attended_within_target", \
	    "attended within target", "within target", \
	    FRACTION, CI_MEAN, SUMS, NONE, 4, 1) \
	FIG(RSP_ATTEND_MEAN_S, "attendance_mean_s", "attendance mean", \
	    "attendance mean", SECONDS, CI_MEAN, SUMS, NONE, 5, 0) \
	FIG(RSP_ATTEND_P50_S, "attendance_p50_s", "attendance p50", \
	    "attendance p50", SECONDS, CI_MEAN, SUMS, NONE, 6, 0) \
	FIG(RSP_ATTEND_P90_S, "attendance_p90_s", "attendance p90", \
	    "attendance p90", SECONDS, CI_MEAN, SUMS, NONE, 7, 2) \
	FIG(RSP_ATTEND_P95_S, "attendance_p95_s", "attendance p95", \
	    "attendance p95", SECONDS, CI_MEAN, SUMS, NONE, 8, 0) \
	/* counted incidents unattended at the horizon */ \
	FIG(RSP_BACKLOG, "backlog", "backlog", "backlog", \
	    COUNT, CI_MEAN, SUMS, SUM, 9, 0) \
	/* attended by a neighbouring area's unit */ \
	FIG(RSP_CROSS_BORDER, "cross_border", "cross-border", "cross-border", \
	    COUNT, CI_MEAN, SUMS, SUM, 10, 0) \
	/* lost their unit to an Emergency */ \
	FIG(RSP_PREEMPTED, "preempted", "preempted", "preempted", \
	    COUNT, CI_MEAN, SUMS, SUM, 11, 0) \
	/* not attended when the drain ended: incidents = attended + \
	   unattended at end */ \
	FIG(RSP_UNATTENDED_END, "unattended_at_end", "unattended at end", \
	    "unattended at end", COUNT, CI_MEAN, SUMS, SUM, 3, 3) \
	/* units that reached the scene / incidents attended (more than 1 \
	   where a grade has multi_unit); NAN when none was attended */ \
	FIG(RSP_UNITS_PER_INCIDENT, "units_per_incident", \
	    "units per incident", "units per incident", \
	    COUNT, CI_MEAN, SUMS, NONE, 12, 0) \
	/* hours units spent travelling to and on scene at incidents of the \
	   grade, within the counted period */ \
	FIG(RSP_UNIT_HOURS, "unit_hours", "unit hours", "unit hours", \
	    HOURS, CI_MEAN, SUMS, SUM, 13, 0)

/* Per area. The rows are the columns of the area table, after each
 * grade's attended within target; a comparison puts the area's top
 * grade's attended within target first, then these. */
#define FIGURE_AREA_LIST(FIG) \
	/* busy unit time / on-duty unit time, all roles except ring-fenced \
	   neighbourhood ones */ \
	FIG(RSP_UTILISATION, "utilisation", "utilisation", "utilisation", \
	    FRACTION, CI_MEAN, SUMS, NONE, 1, 1) \
	FIG(RSP_UNITS_ON_DUTY, "units_on_duty", "units on duty", \
	    "units on duty", COUNT, CI_MEAN, SUMS, SUM, 0, 0) /* same roles */ \
	/* neighbourhood units sent to Emergencies */ \
	FIG(RSP_ABSTRACTIONS, "abstractions", "abstractions", "abstractions", \
	    COUNT, CI_MEAN, SUMS, SUM, 2, 2) \
	/* officer hours taken from neighbourhood work */ \
	FIG(RSP_ABSTRACTION_HOURS, "abstraction_hours", "abstraction hours", \
	    "abstraction hours", HOURS, CI_MEAN, SUMS, SUM, 0, 3)

#define FIGURE_ENUM(id, name, label, brief, unit, interval, merge, total, \
		    row, cmp) id,
enum cc_line_metric { FIGURE_LINE_LIST(FIGURE_ENUM) CC_LINE_METRICS };
enum cc_pool_metric { FIGURE_POOL_LIST(FIGURE_ENUM) CC_POOL_METRICS };
enum cc_interval_line_metric {
	FIGURE_ILINE_LIST(FIGURE_ENUM) CC_INTERVAL_LINE_METRICS
};
enum cc_interval_pool_metric {
	FIGURE_IPOOL_LIST(FIGURE_ENUM) CC_INTERVAL_POOL_METRICS
};
enum cc_day_line_metric { FIGURE_DLINE_LIST(FIGURE_ENUM) CC_DAY_LINE_METRICS };
enum rsp_grade_metric { FIGURE_GRADE_LIST(FIGURE_ENUM) RSP_GRADE_METRICS };
enum rsp_day_grade_metric {
	FIGURE_DGRADE_LIST(FIGURE_ENUM) RSP_DAY_GRADE_METRICS
};
enum rsp_area_metric { FIGURE_AREA_LIST(FIGURE_ENUM) RSP_AREA_METRICS };
enum rsp_hour_grade_metric {
	FIGURE_IGRADE_LIST(FIGURE_ENUM) RSP_HOUR_GRADE_METRICS
};
enum rsp_hour_area_metric {
	FIGURE_IAREA_LIST(FIGURE_ENUM) RSP_HOUR_AREA_METRICS
};
enum rsp_day_area_metric {
	FIGURE_DAREA_LIST(FIGURE_ENUM) RSP_DAY_AREA_METRICS
};
enum cc_wait_line_metric { FIGURE_WLINE_LIST(FIGURE_ENUM) CC_WAIT_LINE_METRICS };
enum cc_period_line_metric {
	FIGURE_PLINE_LIST(FIGURE_ENUM) CC_PERIOD_LINE_METRICS
};
enum cb_line_metric { FIGURE_CBLINE_LIST(FIGURE_ENUM) CB_LINE_METRICS };
enum cc_agreement_line_metric {
	FIGURE_ALINE_LIST(FIGURE_ENUM) CC_AGREEMENT_LINE_METRICS
};
enum rsp_agreement_grade_metric {
	FIGURE_AGRADE_LIST(FIGURE_ENUM) RSP_AGREEMENT_GRADE_METRICS
};
enum df_metric { FIGURE_DEFER_LIST(FIGURE_ENUM) DF_METRICS };
#undef FIGURE_ENUM

/* How a figure is shown. Costs, which are exact, have units of their own
 * (FTE, money) for the writers that show them beside figures. */
enum figure_unit {
	FIGURE_COUNT,      /* calls, incidents, people: one decimal */
	FIGURE_FRACTION,   /* shown as a percentage */
	FIGURE_SECONDS,
	FIGURE_HOURS,
	FIGURE_FTE,        /* exact, one decimal */
	FIGURE_MONEY       /* exact, whole currency units */
};

/* The interval reported with a figure (see the columns above). */
enum figure_interval {
	FIGURE_CI_MEAN,
	FIGURE_PI_PERIOD,
	FIGURE_GOAL_SHARE
};

/* What the accumulator sums for a figure (see the columns above). */
enum figure_merge {
	FIGURE_MERGE_SUMS,
	FIGURE_MERGE_PERIOD_SUMS
};

/* Whether the figures of several items add up. */
enum figure_total {
	FIGURE_TOTAL_NONE,
	FIGURE_TOTAL_SUM
};

/* One row of a list. */
struct figure_def {
	const char *name, *label, *brief;
	enum figure_unit unit;
	enum figure_interval interval;
	enum figure_merge merge;
	enum figure_total total;
	unsigned row, cmp;
};

/* What a figure is kept by: an item ... */
enum figure_item {
	FIGURE_BY_LINE,
	FIGURE_BY_POOL,
	FIGURE_BY_GRADE,
	FIGURE_BY_AREA,
	FIGURE_BY_AREA_GRADE,
	FIGURE_BY_DEFERRABLE      /* a stream of deferrable work */
};

/* ... over a period. */
enum figure_period {
	FIGURE_WHOLE_HORIZON,     /* the counted period */
	FIGURE_HOUR_OF_WEEK,      /* each of the 168 hours of the week */
	FIGURE_DAY,               /* each counted day */
	FIGURE_WAIT_BIN,          /* each bin of the wait distribution */
	FIGURE_ONE_PERIOD,        /* one more day, or one more horizon */
	FIGURE_AGREED_PERIODS     /* the whole days, or weeks, an agreement
				     is judged over */
};

/* The blocks of a replication's result, in the order of struct replication_result:
 * each is a flat array [item][figure] (or [hour]/[day][item][figure]). */
enum figure_block {
	FIGURE_BLOCK_LINE,
	FIGURE_BLOCK_POOL,
	FIGURE_BLOCK_ILINE,
	FIGURE_BLOCK_IPOOL,
	FIGURE_BLOCK_GRADE,
	FIGURE_BLOCK_AREA_GRADE,
	FIGURE_BLOCK_AREA,
	FIGURE_BLOCK_DLINE,       /* [day][line][figure] */
	FIGURE_BLOCK_DGRADE,      /* [day][grade][figure] */
	FIGURE_BLOCK_IGRADE,      /* [hour][grade][figure] */
	FIGURE_BLOCK_IAREA,       /* [hour][area][figure] */
	FIGURE_BLOCK_DAREA,       /* [day][area][figure] */
	FIGURE_BLOCK_WLINE,       /* [bin][line][figure] */
	FIGURE_BLOCK_PLINE,       /* [line][figure], of periods */
	FIGURE_BLOCK_CBLINE,      /* [line][figure]; no items without
				     call-backs */
	FIGURE_BLOCK_ALINE,       /* [line][figure], periods met */
	FIGURE_BLOCK_AGRADE,      /* [grade][figure], periods met */
	FIGURE_BLOCK_DEFER,       /* [stream][figure] */
	FIGURE_BLOCKS
};

struct figure_block_def {
	enum figure_item by;
	enum figure_period over;
	const struct figure_def *defs;   /* the block's list, in enum order */
	size_t n;                        /* its length */
};

/* The definition of block b (static, never freed). */
const struct figure_block_def *figure_block(enum figure_block b);
/* Figure k of block b. */
const struct figure_def *figure_def(enum figure_block b, size_t k);
/* The figures of block b with a place in the run table (`row`), in that
 * order, into order[] (room for figure_block(b)->n); returns how many. */
size_t figure_rows(enum figure_block b, size_t *order);
/* The figures of block b that a comparison shows (`cmp`), in that order,
 * into order[]; returns how many. */
size_t figure_compared(enum figure_block b, size_t *order);

#endif
