/* response.h: incident response in one replication — from the end of the
 * call that creates an incident to the unit arriving on scene and clearing.
 *
 * An incident is created when an answered call's talk time ends, with a
 * grade drawn from the line's mix and an area drawn from the area shares.
 * After a grading/dispatch delay it seeks a unit:
 *   1. a free unit of its area whose role attends its grade (ring-fenced
 *      neighbourhood roles excluded);
 *   2. for the top grade, when the scenario allows it, a unit of its area
 *      pulled off a preemptible (Scheduled) job — counted;
 *   3. otherwise it waits in its area's queue for its grade. Once it has
 *      waited cross_border_after_s, a free unit of a neighbouring area
 *      (nearest first) may take it, with longer travel; once a top-grade
 *      incident has waited a role's abstract_after_s, a free neighbourhood
 *      unit of its area may be abstracted to it — counted, with the officer
 *      hours taken from neighbourhood work.
 * A unit that becomes free takes the oldest incident of the highest grade it
 * may attend in its own area, then those open to it in neighbouring areas.
 * Attendance time = unit arrives - incident created. Units on rosters come
 * and go as handlers do: a unit whose shift ends finishes its job first.
 *
 * Only incidents created in the counted period are tallied; the ones still
 * unattended at the horizon are the backlog, and the ones still unattended
 * when the run's drain ends (see models/replication.h) are unattended at
 * end: incidents = attended + unattended at end, none dropped.
 *
 * A replication fails (SIM_ERUNTIME) when more than run.max_waiting
 * incidents are seeking a unit at once (in their grading delay or queued),
 * or a travel time is too long for the clock. */
#ifndef MODELS_RESPONSE_H
#define MODELS_RESPONSE_H

#include <stddef.h>
#include <stdint.h>

#include "models/figure.h"
#include "models/scenario.h"
#include "sim/sim.h"

/* The figures per grade (and per area and grade) and per area, enum
 * rsp_grade_metric and rsp_area_metric, are defined in models/figure.h. */

/* Where response figures go: flat arrays the caller owns, sized
 * [n_grades][RSP_GRADE_METRICS], [n_areas][n_grades][RSP_GRADE_METRICS] and
 * [n_areas][RSP_AREA_METRICS]. */
struct rsp_figures {
	double *grade;
	double *area_grade;
	double *area;
};

/* The first random-stream purpose response uses, after the contact
 * centre's, and how many it uses. */
#define RSP_STREAM_KINDS 6

struct response;

/* Builds the response model of one replication on ctx (borrowed), counting
 * incidents created in [warmup_s, end_s), using random streams
 * first_stream .. first_stream + RSP_STREAM_KINDS - 1, and puts the units'
 * first roster changes on the calendar. Returns NULL on failure with err
 * filled. */
struct response *response_new(const struct scenario *sc, struct sim_ctx *ctx,
			       double warmup_s, double end_s,
			       uint32_t first_stream, struct sim_err *err);
/* NULL is a no-op. */
void response_free(struct response *rsp);

/* An answered call of line `line` ends its talk time at at_s: maybe
 * creates an incident (the line's mix decides: models/duplicate.h),
 * tallied by its outcome when counted is 1 (offered in the counted
 * period). call is its id in a logged run (see models/run_log.h), else 0.
 * Told now (at_s is now), or ahead, when the call is answered (at_s later,
 * before the horizon): the incident is created at at_s either way, counted
 * by at_s, and starts seeking a unit at at_s plus its grading delay; told
 * ahead, its draws are made and its tallies counted at once, and it takes
 * its part of run.max_waiting from then. */
void response_call_ended(struct response *rsp, size_t line, unsigned counted,
			 uint64_t call, double at_s, bool ahead);
/* Counted incidents not yet attended: the run settles until this is 0. */
long response_pending(const struct response *rsp);
/* Opens the counted period (called at warmup_s) and closes it (at end_s):
 * unit time and the backlog are measured between the two. */
void response_open(struct response *rsp);
void response_close(struct response *rsp);
/* Writes the replication's figures; called once the run has drained. */
void response_figures(const struct response *rsp, struct rsp_figures *out);
/* Writes the figures of each counted day, force-wide per grade, into out
 * ([days][n_grades][RSP_DAY_GRADE_METRICS], days = replication_days(sc)),
 * by the day each incident was created. */
void response_day_figures(const struct response *rsp, double *out);
/* Writes the response's figures by the hour of the week and by day and
 * area (the blocks FIGURE_BLOCK_IGRADE, FIGURE_BLOCK_IAREA and
 * FIGURE_BLOCK_DAREA of models/figure.h) into out, sized for its scenario
 * (models/response_period.c). */
struct replication_result;
void response_period_figures(const struct response *rsp,
			     struct replication_result *out);

/* The model the replication driver creates when the scenario has grades. */
struct replication_model;
extern const struct replication_model response_model;

#endif
