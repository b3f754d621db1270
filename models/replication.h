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

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/contact_centre.h"
#include "models/response.h"
#include "models/run_log.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim.h"
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
	/* By counted day (replication_days): day d is [warmup + d days,
	 * warmup + d + 1 days) of the counted period. */
	size_t n_days;
	double *day_line;        /* [n_days][n_lines][CC_DAY_LINE_METRICS] */
	double *day_grade;       /* [n_days][n_grades][RSP_DAY_GRADE_METRICS] */
	double *day_area;        /* [n_days][n_areas][RSP_DAY_AREA_METRICS] */
	/* Response by the hour of the week incidents were created. */
	double *hour_grade;      /* [HOURS_PER_WEEK][n_grades][RSP_HOUR_GRADE_METRICS] */
	double *hour_area;       /* [HOURS_PER_WEEK][n_areas][RSP_HOUR_AREA_METRICS] */
	/* The wait distribution: [FIGURE_WAIT_BINS][n_lines][CC_WAIT_LINE_METRICS] */
	double *wait_line;
	/* Call-backs (models/callback.h): [n_lines][CB_LINE_METRICS] when
	 * some line has them, else empty. */
	double *callback_line;
	/* Lines whose answer is judged per hour (models/agreement_hours.h):
	 * [n_lines][2], the whole counted hours with a call and, of them,
	 * those met; 0 for the other lines. */
	double *hours_line;
	/* Deferrable work (none when the scenario has none). */
	size_t n_deferrable;
	double *deferrable;      /* [n_deferrable][DF_METRICS] */
	uint64_t events;         /* events run, for speed reporting */
};

/* The number of counted days of sc: run.days rounded up, the last day cut
 * short when run.days is not whole; at most 36600 (the range of run.days),
 * so by-day figures never grow with anything but the horizon. */
static inline size_t replication_days(const struct scenario *sc)
{
	return (size_t)ceil(sc->run.days);
}

/* The counted day (0 = the first) that time t_s in [warmup_s, warmup_s +
 * n_days days) falls in; the truncation is floor for t_s >= warmup_s. */
static inline size_t replication_day_of(double t_s, double warmup_s,
					size_t n_days)
{
	size_t d = (size_t)((t_s - warmup_s) / DAY_S);

	return d < n_days ? d : n_days - 1;
}

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
static inline double *replication_dline_at(struct replication_result *r,
					   size_t day, size_t line)
{
	return r->day_line + (day * r->n_lines + line) * CC_DAY_LINE_METRICS;
}
static inline double *replication_dgrade_at(struct replication_result *r,
					    size_t day, size_t grade)
{
	return r->day_grade +
	       (day * r->n_grades + grade) * RSP_DAY_GRADE_METRICS;
}
static inline double *replication_darea_at(struct replication_result *r,
					   size_t day, size_t area)
{
	return r->day_area + (day * r->n_areas + area) * RSP_DAY_AREA_METRICS;
}
static inline double *replication_igrade_at(struct replication_result *r,
					    size_t hour, size_t grade)
{
	return r->hour_grade +
	       (hour * r->n_grades + grade) * RSP_HOUR_GRADE_METRICS;
}
static inline double *replication_iarea_at(struct replication_result *r,
					   size_t hour, size_t area)
{
	return r->hour_area + (hour * r->n_areas + area) * RSP_HOUR_AREA_METRICS;
}
static inline double *replication_wline_at(struct replication_result *r,
					   size_t bin, size_t line)
{
	return r->wait_line + (bin * r->n_lines + line) * CC_WAIT_LINE_METRICS;
}
static inline double *replication_cbline_at(struct replication_result *r,
					    size_t line)
{
	return r->callback_line + line * CB_LINE_METRICS;
}

static inline double *replication_defer_at(struct replication_result *r,
					   size_t stream)
{
	return r->deferrable + stream * DF_METRICS;
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

/* ---- the models a replication drives ----------------------------------
 *
 * A replication is a driver and the models it runs on one clock (one
 * struct sim_ctx): today the contact centre and, when the scenario has
 * grades, the incident response. The driver creates them in order, opens
 * and closes the counted period for all of them, passes notices from one to
 * the others, drains until every model says its counted work is settled,
 * then asks each for its figures. A new model (call-backs, deferrable work)
 * is a struct replication_model and a line in the driver's list.
 *
 * A model schedules its own events on env->ctx and reaches its state from
 * their objects; the context's model pointer (sim_model) belongs to the
 * contact centre. */
struct replication;

/* What the driver, or one model, tells every model. */
enum replication_notice_kind {
	REPLICATION_PERIOD_OPEN,   /* now is warmup: tallies start */
	REPLICATION_PERIOD_CLOSE,  /* now is the horizon: period figures end */
	REPLICATION_CALL_ENDED,    /* an answered call's talk time ends at
				      at_s: now, or, told when the call is
				      answered (ahead), later, before the
				      horizon */
	REPLICATION_NOTICE_KINDS
};
/* The bit of a notice kind in struct replication_model's notices. */
#define REPLICATION_NOTICE(kind) (1u << (kind))

struct replication_notice {
	enum replication_notice_kind kind;
	size_t line;               /* REPLICATION_CALL_ENDED: the call's line,
				      ... whether it is counted (offered in
				      the counted period: 1, else 0) */
	unsigned counted;
	uint64_t call;             /* ... its id, when the run is logged, */
	double at_s;               /* ... when its talk ends, */
	bool ahead;                /* ... and whether that is told ahead */
};

/* What a model is given when it is created; borrowed for the replication. */
struct replication_env {
	const struct scenario *sc;
	struct sim_ctx *ctx;       /* the clock, calendar and random streams */
	struct replication *rep;   /* for replication_post */
	double warmup_s, end_s;    /* the counted period */
	uint32_t first_stream;     /* the model's streams start here */
	const struct run_log *log; /* where finished calls and incidents go;
				      NULL: not logged */
};

struct replication_model {
	const char *name;
	/* Whether sc has anything for this model to do. */
	bool (*wanted)(const struct scenario *sc);
	/* How many random streams (purposes) the model draws from. */
	uint32_t (*streams)(const struct scenario *sc);
	/* Returns the new model with its first events on the calendar, or
	 * NULL with err filled (out of memory, or the model refuses sc). */
	void *(*init)(const struct replication_env *env, struct sim_err *err);
	/* The kinds of notice handle is given: REPLICATION_NOTICE(kind) or'd
	 * together. A model is not called for the others, so a notice posted
	 * on every call costs nothing when no model listens to it. */
	unsigned notices;
	/* Acts on a notice of a kind it listens to. */
	void (*handle)(void *model, const struct replication_notice *n);
	/* True when every counted call or incident has its outcome. */
	bool (*settled)(const void *model);
	/* Writes the replication's figures, once the run has drained. */
	void (*figures)(const void *model, struct replication_result *out);
	/* NULL is a no-op. */
	void (*free)(void *model);
};

/* Whether a model of rep listens to notices of this kind: a model may ask
 * once, when it is created, to skip posting a notice nobody hears. */
bool replication_listened(const struct replication *rep,
			  enum replication_notice_kind kind);
/* Passes n to every model of rep that listens to its kind, in the
 * driver's order. */
void replication_post(struct replication *rep,
		      const struct replication_notice *n);


/* Runs replication `replication` of sc (seeded from sc->run.seed) and fills
 * out, which must come from replication_result_new(sc). Returns SIM_OK, or
 * a failure with err filled: out of memory, too many waiting
 * (SIM_ERUNTIME), or an event time the engine refused (SIM_ERUNTIME).
 * Thread-safe for distinct out. */
enum sim_status replication_run(const struct scenario *sc,
				uint32_t replication,
				struct replication_result *out,
				struct sim_err *err);
/* replication_run, handing every call and incident to log as it finishes
 * (NULL: none, as replication_run). The figures are the same either way. */
enum sim_status replication_run_logged(const struct scenario *sc,
				       uint32_t replication,
				       struct replication_result *out,
				       const struct run_log *log,
				       struct sim_err *err);

#endif
