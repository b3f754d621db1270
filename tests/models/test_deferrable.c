/* test_deferrable.c: deferrable work (models/deferrable.c and its hooks in
 * the contact centre) against exact answers.
 *
 *   - Alone on a pool (no calls), Poisson items and exponential handle
 *     times are an M/M/c queue: the mean delay is Erlang C's
 *     C(c, a) / (c mu - lambda).
 *   - One handler with calls ahead of items, neither abandoning, is the
 *     non-preemptive priority M/G/1 queue (Cobham): with
 *     W0 = sum lambda_i E[S_i^2] / 2, a call waits W0 / (1 - rho1) and an
 *     item W0 / ((1 - rho1)(1 - rho1 - rho2)) on average.
 *   - The items offered follow the stream's volume through its weekly
 *     profile; the handler hours are the items times their mean handle.
 *   - Every counted item is handled or open at the end, overloaded too.
 *   - A stream that brings nothing leaves every figure of the calls as
 *     they were: its random streams come after theirs.
 * Each exact value must lie in the run's own 99% interval over fixed-seed
 * replications. */
#include "replications.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/erlang.h"
#include "models/replication.h"
#include "models/scenario.h"

static void prep(struct dist *d)
{
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(dist_prepare(d, "test", &err), SIM_OK);
}

/* A flat demand of rate_per_h, every hour and month alike. */
static void flat_demand(struct demand_spec *dm, double rate_per_h)
{
	dm->mean_rate_per_s = rate_per_h / 3600.0;
	dm->n_slots = 168;
	for (size_t i = 0; i < 168; i++)
		dm->profile[i] = 1.0;
	for (size_t i = 0; i < 12; i++)
		dm->month_factor[i] = 1.0;
}

static void exponential(struct dist *d, double mean_s)
{
	*d = (struct dist){ .kind = DIST_EXPONENTIAL, .mean = mean_s };
	prep(d);
}

/* One line of calls that never abandon, one pool of `staff` handlers
 * serving it round the clock, and one deferrable stream worked by it. */
static struct scenario *scenario_of(double calls_per_h, double items_per_h,
				    double handle_s, int staff, double days,
				    unsigned replications)
{
	struct scenario *sc = calloc(1, sizeof *sc);
	static const size_t serves[] = { 0 };

	assert_non_null(sc);
	snprintf(sc->name, sizeof sc->name, "deferrable test");
	sc->run = (struct run_spec){ .days = days, .warmup_s = 86400.0,
		.replications = replications, .seed = 4242,
		.start = { 2024, 4, 1 } };
	sc->n_lines = 1;
	sc->lines = calloc(1, sizeof *sc->lines);
	snprintf(sc->lines[0].name, sizeof sc->lines[0].name, "calls");
	flat_demand(&sc->lines[0].demand, calls_per_h);
	exponential(&sc->lines[0].handle, handle_s);
	sc->lines[0].target_s = 20;
	sc->lines[0].goal = NAN;
	sc->n_pools = 1;
	sc->pools = calloc(1, sizeof *sc->pools);
	struct pool_spec *p = &sc->pools[0];
	snprintf(p->name, sizeof p->name, "handlers");
	p->serves = calloc(1, sizeof *p->serves);
	memcpy(p->serves, serves, sizeof serves);
	p->n_serves = 1;
	p->shifts = calloc(1, sizeof *p->shifts);
	p->shifts[0] = (struct shift_spec){ .name = "all day", .start_s = 0,
		.duration_s = 86400.0, .days = 0x7f, .staff = staff };
	p->n_shifts = 1;
	p->hours_per_week = 37.5;
	sc->n_deferrable = 1;
	sc->deferrable = calloc(1, sizeof *sc->deferrable);
	struct line_spec *w = &sc->deferrable[0].work;
	snprintf(w->name, sizeof w->name, "chat");
	flat_demand(&w->demand, items_per_h);
	exponential(&w->handle, handle_s);
	w->target_s = 3600.0;
	w->goal = NAN;
	sc->deferrable[0].pool = 0;
	return sc;
}

/* offered = handled + open at end, in every replication. */
static void assert_conserved(struct replication_result **res, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		double *f = replication_defer_at(res[i], 0);
		assert_true(f[DF_OFFERED] > 0);
		assert_true(f[DF_HANDLED] + f[DF_OPEN_END] == f[DF_OFFERED]);
	}
}

/* Items alone on three handlers, a load of 2 erlangs: M/M/3. */
static void test_items_alone_are_mmc(void **state)
{
	(void)state;
	double lambda = 12.0 / 3600, mu = 1.0 / 600;
	struct scenario *sc = scenario_of(0, 12, 600, 3, 40, 10);
	struct replication_result **res = replications_run(sc);
	double wq_s = erlang_c(3, lambda / mu) / (3 * mu - lambda);

	assert_conserved(res, 10);
	assert_in_ci(replications_ci(res, 10, replication_defer_at, 0,
				     DF_DELAY_MEAN_H), wq_s / 3600,
		     "M/M/3 mean delay (h)");
	/* Every item offered over the counted days, each its mean handle. */
	assert_in_ci(replications_ci(res, 10, replication_defer_at, 0,
				     DF_OFFERED), 12.0 * 24 * 40,
		     "items offered");
	assert_in_ci(replications_ci(res, 10, replication_defer_at, 0,
				     DF_HANDLER_HOURS), 12.0 * 24 * 40 / 6,
		     "handler hours");
	replications_free(res, 10);
	scenario_free(sc);
}

/* One handler; calls (rho 0.5) ahead of items (rho 0.25), both
 * exponential with a mean of 300 s: W0 = (lambda1 + lambda2) / mu^2. */
static void test_one_handler_is_nonpreemptive_priority(void **state)
{
	(void)state;
	double l1 = 6.0 / 3600, l2 = 3.0 / 3600, s = 300;
	double rho1 = l1 * s, rho2 = l2 * s;
	double w0 = (l1 + l2) * s * s;
	struct scenario *sc = scenario_of(6, 3, s, 1, 60, 10);
	struct replication_result **res = replications_run(sc);

	assert_conserved(res, 10);
	assert_in_ci(replications_ci(res, 10, replication_line_at, 0,
				     CC_ASA_S), w0 / (1 - rho1),
		     "calls' mean wait, priority M/G/1");
	assert_in_ci(replications_ci(res, 10, replication_defer_at, 0,
				     DF_DELAY_MEAN_H),
		     w0 / ((1 - rho1) * (1 - rho1 - rho2)) / 3600,
		     "items' mean delay (h), priority M/G/1");
	replications_free(res, 10);
	scenario_free(sc);
}

/* A profile on weekdays only: five counted days from a Monday bring the
 * whole week's volume; on weekends only, none. */
static void test_volume_follows_profile(void **state)
{
	(void)state;
	struct scenario *sc = scenario_of(0, 10, 60, 2, 5, 10);
	struct demand_spec *dm = &sc->deferrable[0].work.demand;

	sc->run.warmup_s = 0;
	for (size_t h = 0; h < 168; h++)
		dm->profile[h] = h < 120 ? 1.0 : 0.0;
	struct replication_result **res = replications_run(sc);
	assert_in_ci(replications_ci(res, 10, replication_defer_at, 0,
				     DF_OFFERED), 10.0 * 24 * 7,
		     "weekday items in five weekdays");
	replications_free(res, 10);
	for (size_t h = 0; h < 168; h++)
		dm->profile[h] = h < 120 ? 0.0 : 1.0;
	res = replications_run(sc);
	for (unsigned i = 0; i < 10; i++)
		assert_true(replication_defer_at(res[i], 0)[DF_OFFERED] == 0);
	replications_free(res, 10);
	scenario_free(sc);
}

/* More items than one handler can take: a backlog the drain's week cannot
 * clear, counted open at the end, missing the target; and the bound on
 * items waiting stops a run. */
static void test_overload_conserves_items(void **state)
{
	(void)state;
	struct scenario *sc = scenario_of(2, 20, 360, 1, 30, 3);
	struct replication_result **res = replications_run(sc);

	assert_conserved(res, 3);
	for (unsigned i = 0; i < 3; i++) {
		double *f = replication_defer_at(res[i], 0);
		assert_true(f[DF_OPEN_END] > 0.25 * f[DF_OFFERED]);
		assert_true(f[DF_WITHIN_TARGET] < 0.1);
		/* The calls, ahead of every item, still see a short wait. */
		assert_true(replication_line_at(res[i], 0)[CC_ASA_S] < 600);
	}
	replications_free(res, 3);
	sc->run.max_waiting = 50;
	assert_run_fails(sc, "deferrable items waiting");
	scenario_free(sc);
}

/* A stream that brings nothing: every figure of the calls and the pool is
 * the same bytes as without deferrable work. */
static void test_no_items_leave_calls_unchanged(void **state)
{
	(void)state;
	struct scenario *with = scenario_of(30, 0, 240, 3, 7, 2);
	struct scenario *without = scenario_of(30, 0, 240, 3, 7, 2);

	without->n_deferrable = 0;
	for (unsigned i = 0; i < 2; i++) {
		struct replication_result *x = replication_result_new(with);
		struct replication_result *y = replication_result_new(without);
		struct sim_err err;
		sim_err_clear(&err);
		assert_int_equal(replication_run(with, i, x, &err), SIM_OK);
		assert_int_equal(replication_run(without, i, y, &err), SIM_OK);
		assert_memory_equal(x->line, y->line,
				    CC_LINE_METRICS * sizeof *x->line);
		assert_memory_equal(x->pool, y->pool,
				    CC_POOL_METRICS * sizeof *x->pool);
		assert_true(replication_defer_at(x, 0)[DF_OFFERED] == 0);
		replication_result_free(x);
		replication_result_free(y);
	}
	without->n_deferrable = 1;
	scenario_free(with);
	scenario_free(without);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items_alone_are_mmc),
		cmocka_unit_test(test_one_handler_is_nonpreemptive_priority),
		cmocka_unit_test(test_volume_follows_profile),
		cmocka_unit_test(test_overload_conserves_items),
		cmocka_unit_test(test_no_items_leave_calls_unchanged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
