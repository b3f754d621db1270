/* summary.h: what a run reports — every figure of R replications reduced to
 * its mean and 95% confidence interval (Student t, sim/ci.h), per line, per
 * pool, per incident grade, per area (and area and grade) and per hour of
 * the week, with the verdict of each line's service level and each grade's
 * attendance within target against its goal, and the FTE and annual cost
 * of the staffing simulated: call handlers by pool, officers by role.
 *
 * Replications are folded into a summary_acc as they finish, one result at
 * a time: it keeps, for every figure, the exact sums of its values and
 * squares (sim/moments.h), so its memory does not grow with the number of
 * replications, and the summary built from it is the same bytes whatever
 * order the replications were added in and however accumulators were
 * merged (one per thread, or partial runs made elsewhere). A summary is
 * then read-only: the writers (report_table, report_csv, report_json) only
 * format it, so every format shows the same numbers. Nothing in it depends
 * on the thread count or on timing.
 *
 * Accumulators and summaries borrow the scenario (names, targets, goals):
 * it must outlive them. They copy everything they need from the results,
 * which may be reused or freed once added. */
#ifndef RESULTS_SUMMARY_H
#define RESULTS_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/replication.h"
#include "models/figure.h"
#include "models/scenario.h"
#include "sim/ci.h"
#include "sim/moments.h"
#include "sim/sim_err.h"

/* The confidence level of every interval in a summary. */
#define SUMMARY_LEVEL 0.95

struct summary_line {
	struct ci m[CC_LINE_METRICS];      /* indexed by enum cc_line_metric */
	bool has_goal;                     /* false when the scenario sets none */
	/* The share of whole days (weeks) whose service level reached the
	 * goal, for an agreement met period by period (answer.per day or
	 * week; models/agreement.h); NAN, measured by none, otherwise. */
	struct ci periods_met;
	enum ci_verdict verdict;           /* of the agreement
					      (summary_line_agreed); valid
					      only when has_goal */
};

struct summary_pool {
	struct ci m[CC_POOL_METRICS];      /* indexed by enum cc_pool_metric */
	double fte;                        /* implied by the roster */
	double annual_cost;                /* fte * cost_per_fte */
};

/* An incident grade, force-wide or in one area. */
struct summary_grade {
	struct ci m[RSP_GRADE_METRICS];    /* indexed by enum rsp_grade_metric */
	bool has_goal;                     /* false when the grade has no target
					      or no goal */
	struct ci periods_met;             /* as a line's; force-wide only
					      (an area's is NAN) */
	enum ci_verdict verdict;           /* of the agreement
					      (summary_grade_agreed; in an
					      area, always the horizon's
					      fraction); valid only when
					      has_goal */
};

struct summary_area {
	struct ci m[RSP_AREA_METRICS];     /* indexed by enum rsp_area_metric */
};

/* A stream of deferrable work (models/deferrable.h). */
struct summary_deferrable {
	struct ci m[DF_METRICS];           /* indexed by enum df_metric */
	bool has_goal;                     /* false when the stream has none */
	enum ci_verdict verdict;           /* of m[DF_WITHIN_TARGET]; valid
					      only when has_goal */
};

/* The officers of one role, summed over the role's unit rosters. */
struct summary_role {
	double fte;                        /* implied by the unit rosters */
	double annual_cost;                /* fte * the role's cost_per_fte */
};

struct summary {
	const struct scenario *sc;         /* borrowed */
	size_t n_lines, n_pools;
	size_t n_grades, n_areas, n_roles; /* 0, 0, 0 for calls only */
	unsigned replications;             /* R, the number of results */
	uint64_t seed;
	double days;                       /* counted horizon */
	double warmup_s;
	uint64_t events;                   /* events run in all replications */
	struct summary_line *lines;        /* [n_lines] */
	struct summary_pool *pools;        /* [n_pools] */
	/* [HOURS_PER_WEEK][n_lines][CC_INTERVAL_LINE_METRICS] */
	struct ci *interval_line;
	/* [HOURS_PER_WEEK][n_pools][CC_INTERVAL_POOL_METRICS] */
	struct ci *interval_pool;
	struct summary_grade *grades;      /* [n_grades] */
	struct summary_area *areas;        /* [n_areas] */
	struct summary_grade *area_grades; /* [n_areas][n_grades]: see
					      summary_area_grade */
	struct summary_role *roles;        /* [n_roles] */
	size_t n_days;                     /* counted days: replication_days */
	/* [n_days][n_lines][CC_DAY_LINE_METRICS]: see summary_dline */
	struct ci *day_line;
	/* [n_days][n_grades][RSP_DAY_GRADE_METRICS]: see summary_dgrade */
	struct ci *day_grade;
	/* By the hour of the week incidents were created, and by day, of the
	 * response; the wait distribution of each line: see summary_igrade,
	 * summary_iarea, summary_darea and summary_wline. */
	struct ci *hour_grade;      /* [HOURS_PER_WEEK][n_grades][RSP_HOUR_GRADE_METRICS] */
	struct ci *hour_area;       /* [HOURS_PER_WEEK][n_areas][RSP_HOUR_AREA_METRICS] */
	struct ci *day_area;        /* [n_days][n_areas][RSP_DAY_AREA_METRICS] */
	struct ci *wait_line;       /* [FIGURE_WAIT_BINS][n_lines][CC_WAIT_LINE_METRICS] */
	/* The prediction intervals of one day and one horizon of each line
	 * (models/figure.h, FIGURE_PLINE_LIST), [n_lines][CC_PERIOD_LINE_METRICS]:
	 * always computed, written when predicts is set, which a scenario
	 * whose demand is uncertain (busyness) sets. */
	struct ci *period_line;
	bool predicts;
	/* Call-backs of abandoned callers (FIGURE_CBLINE_LIST),
	 * [n_lines][CB_LINE_METRICS] when callbacks is set (some line has
	 * them), else empty. */
	struct ci *callback_line;
	bool callbacks;
	size_t n_deferrable;               /* 0: no deferrable work */
	struct summary_deferrable *deferrable;  /* [n_deferrable] */
	double pools_fte;                  /* call handlers: sums over pools */
	double pools_annual_cost;
	double roles_fte;                  /* officers: sums over roles */
	double roles_annual_cost;
	double total_fte;                  /* pools and roles */
	double total_annual_cost;
};

/* An accumulator of replication results of one scenario. */
struct summary_acc;

/* Returns a new empty accumulator for results of sc, or NULL when out of
 * memory. */
struct summary_acc *summary_acc_new(const struct scenario *sc);
/* NULL is a no-op. */
void summary_acc_free(struct summary_acc *a);
/* Adds one replication's result (sized by replication_result_new(sc)); borrows r. */
void summary_acc_add(struct summary_acc *a, const struct replication_result *r);
/* Adds everything src holds into dst, both of the same scenario: exactly
 * as if dst had been given src's results. */
void summary_acc_merge(struct summary_acc *dst, const struct summary_acc *src);
/* The number of results added (merges included). */
uint64_t summary_acc_replications(const struct summary_acc *a);
/* What a holds, as a partial run saves it (results/partial.h): the
 * number of figures (every block of models/figure.h in order, as sized
 * by a's scenario), each figure's exact sums, and the events run. */
size_t summary_acc_figures(const struct summary_acc *a);
void summary_acc_get_exact(const struct summary_acc *a, size_t k,
			   struct moments_exact *out);
uint64_t summary_acc_events(const struct summary_acc *a);
/* Adds saved sums x to figure k of a (moments_add_exact: -1, nothing
 * changed, when they are not sums of values), and then, once every
 * figure of a saved part is in, its count of replications and events. */
int summary_acc_add_exact(struct summary_acc *a, size_t k,
			  const struct moments_exact *x);
/* At most how many values one replication adds to figure k: 1, or, for a
 * figure summed a period at a time, its whole counted days. */
uint64_t summary_acc_values_max(const struct summary_acc *a, size_t k);
void summary_acc_add_count(struct summary_acc *a, uint64_t replications,
			   uint64_t events);
/* Builds the summary of what a holds (at least one result). Returns a new
 * summary (free with summary_free), or NULL with err filled (SIM_ENOMEM)
 * when out of memory. */
struct summary *summary_of_acc(const struct summary_acc *a,
			       struct sim_err *err);

/* Builds the summary of n >= 1 results of sc (results[i] is replication i,
 * sized by replication_result_new(sc)). Returns a new summary (free with
 * summary_free), or NULL with err filled (SIM_ENOMEM) when out of memory. */
struct summary *summary_new(const struct scenario *sc,
			    const struct replication_result *const *results, size_t n,
			    struct sim_err *err);
/* NULL is a no-op. */
void summary_free(struct summary *s);

/* True when an agreement's figure could not be measured: fewer than two
 * replications measured it (no calls, or a counted period too short), so
 * no verdict can be given. */
bool summary_unmeasured(const struct ci *c);

/* True when some line or grade with a goal has verdict CI_MISSED, or could
 * not be measured (summary_unmeasured): what --require-slas fails on. An
 * uncertain verdict of a measured figure is not a miss, and the verdicts
 * of single areas are shown but never fail a run. */
bool summary_any_missed(const struct summary *s);

/* The figure the verdict of line l's agreement is of, and in *goal what
 * it is held against: the service level and answer.goal, or, for an
 * agreement met period by period, the share of periods met and
 * answer.on_at_least. */
const struct ci *summary_line_agreed(const struct summary *s, size_t l,
				     double *goal);
/* The same for grade g force-wide: attended within target and
 * attend.goal, or the share of periods met and attend.on_at_least. */
const struct ci *summary_grade_agreed(const struct summary *s, size_t g,
				      double *goal);

/* Grade `grade` in area `area`. */
const struct summary_grade *summary_area_grade(const struct summary *s,
					       size_t area, size_t grade);

/* The interval of a line or pool figure in hour-of-week `hour` (0 = Monday
 * 00:00-01:00). */
const struct ci *summary_iline(const struct summary *s, size_t hour,
			       size_t line, enum cc_interval_line_metric m);
const struct ci *summary_ipool(const struct summary *s, size_t hour,
			       size_t pool, enum cc_interval_pool_metric m);

/* The interval of a line or grade figure on counted day `day` (0 = the
 * first): the confidence interval of the mean, over replications, of that
 * day's figure. */
const struct ci *summary_dline(const struct summary *s, size_t day,
			       size_t line, enum cc_day_line_metric m);
const struct ci *summary_dgrade(const struct summary *s, size_t day,
				size_t grade, enum rsp_day_grade_metric m);
/* The same for an area's figure on a counted day. */
const struct ci *summary_darea(const struct summary *s, size_t day,
			       size_t area, enum rsp_day_area_metric m);
/* The interval of a grade's or an area's response figure in hour `hour`
 * of the week (0 = Monday 00:00-01:00), by the hour incidents were
 * created. */
const struct ci *summary_igrade(const struct summary *s, size_t hour,
				size_t grade, enum rsp_hour_grade_metric m);
const struct ci *summary_iarea(const struct summary *s, size_t hour,
			       size_t area, enum rsp_hour_area_metric m);
/* The interval of a line's answered calls whose wait fell in bin `bin` of
 * FIGURE_WAIT_EDGES. */
const struct ci *summary_wline(const struct summary *s, size_t bin,
			       size_t line, enum cc_wait_line_metric m);

/* The interval of kind `kind` (models/figure.h), at SUMMARY_LEVEL, of
 * figure k of m: the confidence interval of the mean (CI_MEAN and
 * GOAL_SHARE, whose values are each replication's share of periods that
 * met their goal) or the prediction interval of one more value
 * (PI_PERIOD: t * sd * sqrt(1 + 1/n) either side of the mean). With fewer
 * than two values the interval collapses to the mean, NAN with none. Not
 * clipped. */
struct ci summary_interval(const struct moments *m, size_t k,
			   enum figure_interval kind);

/* Writes the label of hour-of-week `hour` ("Mon 18:00") into buf, which
 * must hold at least SUMMARY_HOUR_LABEL_MAX bytes. */
#define SUMMARY_HOUR_LABEL_MAX 10
void summary_hour_label(size_t hour, char *buf);

#endif
