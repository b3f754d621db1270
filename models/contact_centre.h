/* contact_centre.h: one replication of the contact centre — callers arrive
 * on each line, wait, abandon or are answered by a pool's handlers, and
 * some redial; answered calls may create incidents for the response model
 * (models/response.h) — and the figures of both that it yields.
 *
 * Only calls offered in the counted period [warmup, warmup + days) are
 * tallied; the run drains past the horizon, without new first calls, until
 * every counted caller is answered or has abandoned, for at most a week
 * (168 h); a counted caller still waiting then is unanswered at end, so
 * offered = answered + abandoned + unanswered at end and none is lost from
 * the tally. Occupancy and staffing are measured over the counted period.
 *
 * A replication fails (SIM_ERUNTIME) when more than run.max_waiting callers
 * wait at once, or more incidents wait for a unit, and whenever the engine
 * refuses an event time (see sim/sim.h).
 *
 * Random streams (purpose = line index * CC_STREAM_KINDS + kind) keep
 * arrivals, patience, handling, wrap-up and redials apart, so two variants of
 * a scenario (more handlers on a shift, say) see the same callers with the
 * same patience and the same handle times: common random numbers. */
#ifndef MODELS_CONTACT_CENTRE_H
#define MODELS_CONTACT_CENTRE_H

#include <stddef.h>
#include <stdint.h>

#include "models/figure.h"
#include "models/response.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim_err.h"

/* What each random stream of a line is for. */
enum cc_stream {
	CC_STREAM_ARRIVAL,
	CC_STREAM_PATIENCE,
	CC_STREAM_HANDLE,
	CC_STREAM_WRAP,
	CC_STREAM_REDIAL,
	CC_STREAM_KINDS
};

/* The figures (enum cc_line_metric, cc_pool_metric,
 * cc_interval_line_metric, cc_interval_pool_metric) are defined in
 * models/figure.h. */

struct cc_result {
	size_t n_lines, n_pools;
	double *line;            /* [n_lines][CC_LINE_METRICS] */
	double *pool;            /* [n_pools][CC_POOL_METRICS] */
	double *interval_line;   /* [HOURS_PER_WEEK][n_lines][CC_INTERVAL_LINE_METRICS] */
	double *interval_pool;   /* [HOURS_PER_WEEK][n_pools][CC_INTERVAL_POOL_METRICS] */
	/* Incident response (all NULL when the scenario has no grades). */
	size_t n_grades, n_areas;
	struct rsp_figures rsp;  /* see models/response.h for the layout */
	uint64_t events;         /* events run, for speed reporting */
};

/* Returns a new zeroed result sized for sc, or NULL when out of memory. */
struct cc_result *cc_result_new(const struct scenario *sc);
void cc_result_free(struct cc_result *res);

/* Returns n new zeroed results sized for sc (free with cc_results_free),
 * or NULL when out of memory, with nothing left allocated. */
struct cc_result **cc_results_new(const struct scenario *sc, size_t n);
/* Frees n results and the array; NULL is a no-op. */
void cc_results_free(struct cc_result **res, size_t n);

/* Index helpers into the flat arrays. */
static inline double *cc_line_at(struct cc_result *r, size_t line)
{
	return r->line + line * CC_LINE_METRICS;
}
static inline double *cc_pool_at(struct cc_result *r, size_t pool)
{
	return r->pool + pool * CC_POOL_METRICS;
}
static inline double *cc_iline_at(struct cc_result *r, size_t hour, size_t line)
{
	return r->interval_line + (hour * r->n_lines + line) * CC_INTERVAL_LINE_METRICS;
}
static inline double *cc_ipool_at(struct cc_result *r, size_t hour, size_t pool)
{
	return r->interval_pool + (hour * r->n_pools + pool) * CC_INTERVAL_POOL_METRICS;
}

static inline double *cc_grade_at(struct cc_result *r, size_t grade)
{
	return r->rsp.grade + grade * RSP_GRADE_METRICS;
}
static inline double *cc_area_grade_at(struct cc_result *r, size_t area,
				       size_t grade)
{
	return r->rsp.area_grade + (area * r->n_grades + grade) * RSP_GRADE_METRICS;
}
static inline double *cc_area_at(struct cc_result *r, size_t area)
{
	return r->rsp.area + area * RSP_AREA_METRICS;
}

/* Runs replication `replication` of sc (seeded from sc->run.seed) and fills
 * out, which must come from cc_result_new(sc). Returns SIM_OK, or a failure
 * with err filled: out of memory, too many waiting (SIM_ERUNTIME), or an
 * event time the engine refused (SIM_ERUNTIME). Thread-safe for distinct out. */
enum sim_status cc_run(const struct scenario *sc, uint32_t replication,
		       struct cc_result *out, struct sim_err *err);

#endif
