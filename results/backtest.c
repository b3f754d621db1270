/* backtest.c: a scenario set against a call log (backtest.h): the
 * period, the tallies of both sides, the replications, and each cell's
 * prediction interval and flag. */
#include "results/backtest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/local_time.h"
#include "models/log_time.h"
#include "models/replication.h"
#include "models/run_log.h"
#include "sim/mem.h"
#include "sim/replicate.h"

const char *const backtest_metric_names[] = {
	"offered", "service_level", "asa_s", "abandon_rate"
};

const char *const backtest_metric_labels[] = {
	"offered", "service level", "ASA", "abandon rate"
};

/* The date `days` days from 1970-01-01, as local time sees it at noon. */
static struct demand_date backtest_date(long days)
{
	struct demand_date d;
	double sod;
	int wd;

	log_time_local((double)days * 86400 + 43200, &d.year, &d.month,
		       &d.mday, &sod, &wd);
	return d;
}

void backtest_period_of(const struct call_log *log, double warmup_s,
			struct backtest_period *p)
{
	double first = log->rows[0].arrived, last = log->rows[log->n - 1].arrived;
	double sod;
	int y, m, d, wd;
	long monday;

	log_time_local(first, &y, &m, &d, &sod, &wd);
	monday = log_time_days(y, m, d) - wd;
	/* A week earlier as often as the warm-up needs: whole weeks keep
	 * every hour of the week where it was. */
	for (;;) {
		p->start = backtest_date(monday);
		p->origin_utc = (double)local_time_midnight_utc(p->start);
		p->from_s = floor((first - p->origin_utc) / 3600) * 3600;
		if (local_time_since(p->origin_utc, p->origin_utc + p->from_s)
		    >= warmup_s)
			break;
		monday -= 7;
	}
	p->to_s = (floor((last - p->origin_utc) / 3600) + 1) * 3600;
	/* The run's warm-up and days are read on the local clock: across a
	 * clock change they are not the hours elapsed. */
	p->warmup_hours = floor(local_time_since(p->origin_utc, p->origin_utc
						 + p->from_s) / 3600 + 0.5);
	p->days = (local_time_since(p->origin_utc, p->origin_utc + p->to_s)
		   - p->warmup_hours * 3600) / 86400;
}

/* The scenario's line named name, or -1. */
static int backtest_line_named(const struct scenario *sc, const char *name)
{
	for (size_t l = 0; l < sc->n_lines; l++)
		if (strcmp(sc->lines[l].name, name) == 0)
			return (int)l;
	return -1;
}

enum sim_status backtest_lines(const struct call_log *log,
			       const struct scenario *sc, int *map,
			       struct sim_err *err)
{
	if (!log->has[CALL_LOG_LINE]) {
		if (sc->n_lines == 1) {
			for (int i = 0; i < log->n_lines; i++)
				map[i] = 0;
			return SIM_OK;
		}
		return sim_err_add(err, SIM_ESCENARIO, "the log has no line "
				   "column and the scenario %zu lines: name the "
				   "column that holds the line with --map "
				   "COLUMN=line", sc->n_lines);
	}
	for (int i = 0; i < log->n_lines; i++) {
		map[i] = backtest_line_named(sc, log->lines[i]);
		if (map[i] >= 0)
			continue;
		sim_err_add(err, SIM_ESCENARIO, "line '%s' of the log is not a "
			    "line of the scenario (its lines: %s%s%s%s)",
			    log->lines[i], sc->lines[0].name,
			    sc->n_lines > 1 ? ", " : "",
			    sc->n_lines > 1 ? sc->lines[1].name : "",
			    sc->n_lines > 2 ? ", ..." : "");
	}
	return sim_err_failed(err) ? SIM_ESCENARIO : SIM_OK;
}

/* Adds one call, arrived at instant arrived_utc, to its hour's cell and to
 * the whole period's. The hour of the week is the one the local clock
 * showed (from the period's Monday, at origin_utc), as the simulator
 * reads its profile: across a clock change, not the hours elapsed. */
static void backtest_add(struct backtest_counts *line_cells, double origin_utc,
			 double arrived_utc, int outcome, double wait_s,
			 double target_s)
{
	long h = (long)floor(local_time_since(origin_utc, arrived_utc) / 3600)
		 % BACKTEST_HOURS;
	struct backtest_counts *c[2] = { &line_cells[h],
					 &line_cells[BACKTEST_ALL] };

	for (int i = 0; i < 2; i++) {
		c[i]->offered += 1;
		if (outcome == RUN_LOG_ANSWERED) {
			c[i]->answered += 1;
			c[i]->wait_sum_s += wait_s;
			c[i]->in_target += wait_s <= target_s;
		} else if (outcome == RUN_LOG_ABANDONED) {
			c[i]->abandoned += 1;
		}
	}
}

double backtest_value(const struct backtest_counts *c, int m)
{
	switch (m) {
	case BACKTEST_OFFERED:
		return c->offered;
	case BACKTEST_SERVICE_LEVEL:
		return c->offered > 0 ? c->in_target / c->offered : NAN;
	case BACKTEST_ASA:
		return c->answered > 0 ? c->wait_sum_s / c->answered : NAN;
	default:
		return c->offered > 0 ? c->abandoned / c->offered : NAN;
	}
}

/* The log's calls into b->observed. */
static void backtest_observe(struct backtest *b, const struct call_log *log,
			     const int *map)
{
	static const int outcome[] = {
		[CALL_LOG_WAS_ANSWERED] = RUN_LOG_ANSWERED,
		[CALL_LOG_WAS_ABANDONED] = RUN_LOG_ABANDONED,
		[CALL_LOG_STILL_WAITING] = RUN_LOG_UNANSWERED_END,
	};

	for (size_t i = 0; i < log->n; i++) {
		const struct call_log_row *r = &log->rows[i];
		size_t l = (size_t)map[r->line];

		backtest_add(b->observed + l * BACKTEST_SLOTS,
			     b->period.origin_utc, r->arrived,
			     outcome[r->outcome], r->wait_s, b->target_s[l]);
	}
	b->n_rows = log->n;
	b->n_skipped = log->n_bad;
	b->n_gaps = log->n_gaps;
}

/* What the replications share: the scenario, and a tally for each. */
struct backtest_job {
	const struct scenario *sc;
	const struct backtest *b;
	const struct call_log *log;      /* its gaps */
	struct backtest_counts *sim;     /* [replication][line][slot] */
};

/* A replication's tally, the sink of its call log. */
struct backtest_sink {
	const struct backtest *b;
	const struct call_log *log;
	struct backtest_counts *cells;   /* [line][slot] */
};

/* The hook for each call a replication finishes: counted ones only. */
static void backtest_on_call(void *sink, const struct run_log_call *row)
{
	struct backtest_sink *s = sink;

	double at = s->b->period.origin_utc + row->arrived_s;

	if (!row->counted)
		return;
	for (size_t g = 0; g < s->log->n_gaps; g++)
		if (s->log->gaps[g].from < at && at < s->log->gaps[g].to)
			return;   /* the log saw nothing then */
	backtest_add(s->cells + row->line * BACKTEST_SLOTS,
		     s->b->period.origin_utc, at, (int)row->outcome,
		     row->ended_s - row->arrived_s, s->b->target_s[row->line]);
}

/* Incidents are not compared. */
static void backtest_on_incident(void *sink, const struct run_log_incident *r)
{
	(void)sink;
	(void)r;
}

/* Replication `index`, tallied into its own slot. */
static enum sim_status backtest_replicate(void *arg, size_t index,
					  struct sim_err *err)
{
	const struct backtest_job *job = arg;
	struct backtest_sink sink = {
		job->b, job->log,
		job->sim + index * job->b->n_lines * BACKTEST_SLOTS
	};
	struct run_log hook = { backtest_on_call, backtest_on_incident, &sink,
				 NULL };
	struct replication_result *res = replication_result_new(job->sc);
	enum sim_status st;

	if (!res)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	st = replication_run_logged(job->sc, (uint32_t)index, res, &hook, err);
	replication_result_free(res);
	return st;
}

/* One replication's value of a cell. */
struct backtest_value {
	double x;
	unsigned r;
};

static int backtest_cmp(const void *a, const void *b)
{
	const struct backtest_value *x = a, *y = b;

	return (x->x > y->x) - (x->x < y->x);
}

/* The band of the m sorted values s (m >= 1) into c: median, the k-th
 * smallest and largest, and the leave-one-out chance of a flag; each
 * replication outside the band of the others is counted in loo. */
static void backtest_band(const struct backtest_value *s, size_t m,
			  struct backtest_cell *c, double *loo)
{
	size_t k = (size_t)floor(BACKTEST_TAIL * (double)(m + 1)), out = 0;

	c->n = m;
	c->median = m % 2 ? s[m / 2].x : (s[m / 2 - 1].x + s[m / 2].x) / 2;
	c->compared = k >= 1 && isfinite(c->observed);
	if (k < 1)
		return;
	c->lo = s[k - 1].x;
	c->hi = s[m - k].x;
	/* Without replication i, the band of the others is s[k] (i < k) or
	 * s[k - 1] below, and likewise above: only the k at each end can
	 * fall outside it, and only when strictly beyond. */
	for (size_t i = 0; i < k; i++) {
		bool below = s[i].x < s[k].x, above = s[m - 1 - i].x > s[m - 1 - k].x;

		out += below + above;
		if (c->compared) {
			loo[s[i].r] += below;
			loo[s[m - 1 - i].r] += above;
		}
	}
	/* The others' band is of m - 1 values, a flag's chance 2k / m
	 * without ties; the observed is set against m: 2k / (m + 1). */
	c->p_flag = (double)out / (double)(m + 1);
	if (c->compared)
		c->flag = c->observed < c->lo ? -1 : c->observed > c->hi;
}

/* Every cell of b from the replications' tallies; v holds R values, loo
 * each replication's count of cells outside the others' band. */
static void backtest_cells(struct backtest *b, const struct backtest_counts *sim,
			   struct backtest_value *v, double *loo)
{
	size_t stride = b->n_lines * BACKTEST_SLOTS;

	for (size_t ls = 0; ls < stride; ls++)
		for (int m = 0; m < BACKTEST_METRICS; m++) {
			struct backtest_cell *c = &b->cells[ls * BACKTEST_METRICS + m];
			size_t n = 0;

			for (unsigned r = 0; r < b->replications; r++) {
				double x = backtest_value(&sim[r * stride + ls], m);
				if (isfinite(x))
					v[n++] = (struct backtest_value){ x, r };
			}
			*c = (struct backtest_cell){
				backtest_value(&b->observed[ls], m), NAN, NAN,
				NAN, 0, NAN, false, 0
			};
			if (n == 0)
				continue;
			qsort(v, n, sizeof *v, backtest_cmp);
			backtest_band(v, n, c, loo);
		}
}

/* The count of flags against what the model expects: the sum of the
 * cells' chances, and the spread of the replications' own counts, each
 * set against the others (which takes in how cells move together). */
static void backtest_summarise(struct backtest *b, const double *loo)
{
	size_t n = b->n_lines * BACKTEST_SLOTS * BACKTEST_METRICS;
	size_t k = (size_t)floor(BACKTEST_TAIL * (b->replications + 1.0));
	double mean = 0, ss = 0, r = b->replications;

	for (size_t i = 0; i < n; i++) {
		const struct backtest_cell *c = &b->cells[i];

		if (!c->compared)
			continue;
		b->n_compared++;
		b->n_flagged += c->flag != 0;
		b->expected_flagged += c->p_flag;
	}
	for (unsigned j = 0; j < b->replications; j++)
		mean += loo[j] / r;
	for (unsigned j = 0; j < b->replications; j++)
		ss += (loo[j] - mean) * (loo[j] - mean);
	b->expected_sd = sqrt(ss / (r - 1));
	b->nominal = 2.0 * (double)k / (r + 1.0);
}

/* The first replication (from 1) whose every cell counts the calls
 * offered, answered and abandoned that the log's does (waits, written to
 * the millisecond, may differ in their last digits), or 0. */
static unsigned backtest_same(const struct backtest *b,
			      const struct backtest_counts *sim)
{
	size_t stride = b->n_lines * BACKTEST_SLOTS, i;

	for (unsigned r = 0; r < b->replications; r++) {
		const struct backtest_counts *s = sim + r * stride;

		for (i = 0; i < stride; i++)
			if (s[i].offered != b->observed[i].offered
			    || s[i].answered != b->observed[i].answered
			    || s[i].abandoned != b->observed[i].abandoned)
				break;
		if (i == stride)
			return r + 1;
	}
	return 0;
}

/* Allocates b's arrays for sc. Returns SIM_OK or SIM_ENOMEM. */
static enum sim_status backtest_alloc(struct backtest *b,
				      const struct scenario *sc)
{
	size_t cells = sc->n_lines * BACKTEST_SLOTS;

	b->n_lines = sc->n_lines;
	b->names = mem_calloc(sc->n_lines, sizeof *b->names);
	b->target_s = mem_calloc(sc->n_lines, sizeof *b->target_s);
	b->observed = mem_calloc(cells, sizeof *b->observed);
	b->cells = mem_calloc(cells * BACKTEST_METRICS, sizeof *b->cells);
	if (!b->names || !b->target_s || !b->observed || !b->cells)
		return SIM_ENOMEM;
	for (size_t l = 0; l < sc->n_lines; l++) {
		memcpy(b->names[l], sc->lines[l].name, SCENARIO_NAME_MAX);
		b->target_s[l] = sc->lines[l].target_s;
	}
	b->replications = sc->run.replications;
	b->seed = (unsigned long long)sc->run.seed;
	return SIM_OK;
}

enum sim_status backtest_run(const struct scenario *sc,
			     const struct call_log *log, const int *map,
			     const struct backtest_period *p, unsigned threads,
			     struct backtest *b, struct sim_err *err)
{
	struct backtest_job job = { sc, b, log, NULL };
	struct backtest_value *v = NULL;
	double *loo = NULL;
	enum sim_status st;

	memset(b, 0, sizeof *b);
	b->period = *p;
	st = backtest_alloc(b, sc);
	if (st == SIM_OK) {
		job.sim = mem_calloc((size_t)b->replications * sc->n_lines *
				     BACKTEST_SLOTS, sizeof *job.sim);
		v = mem_calloc(b->replications, sizeof *v);
		loo = mem_calloc(b->replications, sizeof *loo);
		if (!job.sim || !v || !loo)
			st = SIM_ENOMEM;
	}
	if (st == SIM_ENOMEM)
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	if (st == SIM_OK) {
		backtest_observe(b, log, map);
		st = replicate_run(b->replications, threads, backtest_replicate,
				   &job, err);
	}
	if (st == SIM_OK) {
		backtest_cells(b, job.sim, v, loo);
		backtest_summarise(b, loo);
		b->same_as = backtest_same(b, job.sim);
	}
	free(job.sim);
	free(v);
	free(loo);
	if (st != SIM_OK)
		backtest_clear(b);
	return st;
}

void backtest_clear(struct backtest *b)
{
	if (!b)
		return;
	free(b->names);
	free(b->target_s);
	free(b->observed);
	free(b->cells);
	memset(b, 0, sizeof *b);
}
