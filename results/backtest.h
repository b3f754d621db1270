/* backtest.h: a scenario set against a call log it should describe —
 * the scenario run over the period the log covers, and each line's
 * offered calls, service level, ASA and abandonment, per hour of the week
 * and over the whole period, observed against simulated.
 *
 * An observed period is one realisation, so a simulated figure is given
 * with a prediction interval of one period, not the confidence interval of
 * a mean: the k-th smallest and k-th largest of the values of R single
 * replications, k = floor(0.025 (R + 1)). Whatever the figure's
 * distribution, one more period from the same model falls between the
 * k-th smallest and k-th largest of R with probability 1 - 2k / (R + 1)
 * when its values do not tie (95% at R = 39, 79, 119, ...); a figure that
 * ties (a service level of 100% in most replications) falls outside less
 * often, and each cell's own chance of a flag is estimated from its
 * replications (leave one out: how often one replication falls outside
 * the band of the others). Summed over the cells, that is the count of
 * flags a scenario that describes the log gives on average; the spread
 * of that count is taken from the replications too (each one's count of
 * cells outside the band of the others), since cells move together (a
 * busy hour's service level and ASA). A t interval would assume a normal
 * figure, which a count of a few calls or a service level near 1 is
 * not.
 *
 * Time: scenario time 0 is 00:00 local time on a Monday (run.start_date
 * must be one), the Monday of the log's first call's week, moved a week
 * earlier when the time from it to the first call's hour is shorter than
 * the scenario's warm-up. The counted period is the log's: from the hour
 * of its first call to the end of the hour of its last (run.warmup_hours
 * and run.days are set so, on the local clock as the run reads them), so
 * no row of the log is left out. Both sides put a call in the hour of the
 * week the local clock showed when it arrived, as the simulator reads its
 * profile.
 *
 * Both sides are tallied by the same code from rows of calls: the
 * simulated ones from the replications' call logs (models/run_log.h),
 * the observed ones from the log read (models/call_log_read.h). */
#ifndef RESULTS_BACKTEST_H
#define RESULTS_BACKTEST_H

#include <stdbool.h>
#include <stddef.h>

#include "models/call_log_read.h"
#include "models/demand.h"
#include "models/scenario.h"
#include "sim/sim_err.h"

enum backtest_metric {
	BACKTEST_OFFERED,        /* calls offered in the cell */
	BACKTEST_SERVICE_LEVEL,  /* answered within target / offered */
	BACKTEST_ASA,            /* mean wait of answered calls, seconds */
	BACKTEST_ABANDON_RATE,   /* abandoned / offered */
	BACKTEST_METRICS
};

#define BACKTEST_HOURS 168                      /* hours of the week */
#define BACKTEST_ALL BACKTEST_HOURS             /* the whole period */
#define BACKTEST_SLOTS (BACKTEST_HOURS + 1)     /* a line's cells a metric */
#define BACKTEST_REPLICATIONS_DEFAULT 39
#define BACKTEST_REPLICATIONS_MIN 39            /* k = 1 */
#define BACKTEST_REPLICATIONS_MAX 1000
#define BACKTEST_TAIL 0.025                     /* each side of the band */

/* Machine names of the metrics (JSON keys, CSV column), in enum order,
 * and their words in the table. */
extern const char *const backtest_metric_names[];
extern const char *const backtest_metric_labels[];

/* The period of a log as a scenario runs it. */
struct backtest_period {
	struct demand_date start;    /* the Monday of scenario time 0 */
	double origin_utc;           /* scenario time 0, seconds since epoch */
	double from_s, to_s;         /* the counted period, scenario seconds */
	double warmup_hours, days;   /* run.warmup_hours and run.days */
};

/* What a line's calls in one cell add up to. */
struct backtest_counts {
	double offered, answered, in_target, wait_sum_s, abandoned;
};

/* One figure of one line in one cell, observed against simulated. */
struct backtest_cell {
	double observed;          /* NAN: not defined (no call offered) */
	double median, lo, hi;    /* of the replications' values */
	size_t n;                 /* replications where it is defined */
	double p_flag;            /* its chance of a flag, from the
				     replications: how often one falls
				     outside the band of the others,
				     times R / (R + 1) */
	bool compared;            /* observed defined and n >= 39 */
	int flag;                 /* -1 below the band, 1 above, 0 not */
};

struct backtest {
	struct backtest_period period;
	size_t n_lines;                  /* the scenario's */
	char (*names)[SCENARIO_NAME_MAX];
	double *target_s;                /* each line's answering target */
	unsigned replications;
	unsigned long long seed;
	size_t n_rows;                   /* the log's calls */
	size_t n_skipped, n_gaps;        /* rows left out for a problem, and
					    gaps (no call for a day or
					    more), whose hours are left out
					    of both sides */
	struct backtest_counts *observed;   /* [line][slot] */
	struct backtest_cell *cells;     /* [line][slot][metric] */
	size_t n_compared, n_flagged;
	double expected_flagged;         /* sum of p_flag over the compared */
	double expected_sd;              /* sd of the replications' own counts
					    of flags, each against the others */
	double nominal;                  /* 2k / (R + 1): flags without ties */
	unsigned same_as;                /* replication K (from 1) tallied
					    exactly as the log: the log is
					    that replication (a run's log of
					    the same seed); 0: none */
};

static inline struct backtest_cell *backtest_cell_at(struct backtest *b,
						     size_t line, size_t slot,
						     int metric)
{
	return b->cells + (line * BACKTEST_SLOTS + slot) * BACKTEST_METRICS
	       + metric;
}

/* The period log covers, laid out for a scenario with a warm-up of
 * warmup_s (log->n > 0). */
void backtest_period_of(const struct call_log *log, double warmup_s,
			struct backtest_period *p);

/* For each line of the log, the index of the scenario's line of that
 * name into map (a log without a line column: the scenario's only
 * line). Returns SIM_OK, or SIM_ESCENARIO with what is wrong in err. */
enum sim_status backtest_lines(const struct call_log *log,
			       const struct scenario *sc, int *map,
			       struct sim_err *err);

/* Runs sc (built with the period's run settings) replications 0 ..
 * run.replications - 1 on `threads` threads (0: one a core), tallies their
 * counted calls and the log's, and sets them against each other into *b
 * (free with backtest_clear). map is backtest_lines'. Returns SIM_OK,
 * SIM_ENOMEM, or a replication's failure in err. */
enum sim_status backtest_run(const struct scenario *sc,
			     const struct call_log *log, const int *map,
			     const struct backtest_period *p, unsigned threads,
			     struct backtest *b, struct sim_err *err);

/* The value of metric m of counts c (NAN when not defined). */
double backtest_value(const struct backtest_counts *c, int m);

/* Frees what b owns and zeroes it; NULL is a no-op. */
void backtest_clear(struct backtest *b);

#endif
