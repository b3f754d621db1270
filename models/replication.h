/* replication.h: one replication of a scenario — the contact centre and the
 * incident response behind it on one clock — and the figures it yields.
 *
 * Only work offered in the counted period [warmup, warmup + days) is
 * tallied; the run drains past the horizon, without new first calls, until
 * every counted caller is answered or has abandoned and every counted
 * incident is attended, for at most a week (168 h). A counted caller still
 * waiting then is unanswered at end, and an incident still unattended is
 * unattended at end, so none is lost from the tally.
 *
 * The figures of each model are laid out by its metric enums, all defined
 * in models/figure.h. */
#ifndef MODELS_REPLICATION_H
#define MODELS_REPLICATION_H

#include <stddef.h>
#include <stdint.h>

#include "models/contact_centre.h"
#include "models/response.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim_err.h"

struct replication_result {
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
struct replication_result *replication_result_new(const struct scenario *sc);
/* NULL is a no-op. */
void replication_result_free(struct replication_result *res);

/* Returns n new zeroed results sized for sc (free with
 * replication_results_free), or NULL when out of memory, with nothing left
 * allocated. */
struct replication_result **replication_results_new(const struct scenario *sc,
						    size_t n);
/* Frees n results and the array; NULL is a no-op. */
void replication_results_free(struct replication_result **res, size_t n);

/* Index helpers into the flat arrays. */
static inline double *replication_line_at(struct replication_result *r,
					  size_t line)
{
	return r->line + line * CC_LINE_METRICS;
}
static inline double *replication_pool_at(struct replication_result *r,
					  size_t pool)
{
	return r->pool + pool * CC_POOL_METRICS;
}
static inline double *replication_iline_at(struct replication_result *r,
					   size_t hour, size_t line)
{
	return r->interval_line +
	       (hour * r->n_lines + line) * CC_INTERVAL_LINE_METRICS;
}
static inline double *replication_ipool_at(struct replication_result *r,
					   size_t hour, size_t pool)
{
	return r->interval_pool +
	       (hour * r->n_pools + pool) * CC_INTERVAL_POOL_METRICS;
}
static inline double *replication_grade_at(struct replication_result *r,
					   size_t grade)
{
	return r->rsp.grade + grade * RSP_GRADE_METRICS;
}
static inline double *replication_area_grade_at(struct replication_result *r,
						size_t area, size_t grade)
{
	return r->rsp.area_grade +
	       (area * r->n_grades + grade) * RSP_GRADE_METRICS;
}
static inline double *replication_area_at(struct replication_result *r,
					  size_t area)
{
	return r->rsp.area + area * RSP_AREA_METRICS;
}

/* Runs replication `replication` of sc (seeded from sc->run.seed) and fills
 * out, which must come from replication_result_new(sc). Returns SIM_OK, or
 * a failure with err filled: out of memory, too many waiting
 * (SIM_ERUNTIME), or an event time the engine refused (SIM_ERUNTIME).
 * Thread-safe for distinct out. */
enum sim_status replication_run(const struct scenario *sc,
				uint32_t replication,
				struct replication_result *out,
				struct sim_err *err);

#endif
