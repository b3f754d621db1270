/* test_contact_centre.c: the contact-centre replication against queueing
 * theory and against its own accounting.
 *
 * Each statistical test runs R fixed-seed replications of a stationary
 * scenario and asks that the analytic value lie inside the 99% Student-t
 * interval of the replication means. The interval is the run's own; it is
 * never widened. The seeds are fixed, so each test either always passes or
 * always fails. */
#include "replications.h"

#include <stdlib.h>
#include <string.h>

#include "models/agreement.h"
#include "models/replication.h"
#include "models/erlang.h"
#include "models/scenario.h"
#include "sim/ci.h"


/* A stationary scenario: n_lines lines of rate_per_h calls each (flat
 * profile), exponential handle time, one pool serving the lines in order,
 * `servers` on duty around the clock, optional exponential patience. */
struct mm_spec {
	size_t n_lines;
	double rate_per_h[4];
	double handle_mean_s;
	double patience_mean_s;   /* 0: callers never abandon */
	double target_s;
	int servers;
	double days;
	unsigned replications;
};

/* Prepares a distribution the test built by hand; it must be valid. */
static void prep(struct dist *d)
{
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(dist_prepare(d, "test", &err), SIM_OK);
}

static void flat_line(struct line_spec *ls, const char *name, double rate_per_h,
		      const struct mm_spec *mm)
{
	snprintf(ls->name, sizeof ls->name, "%s", name);
	ls->demand.mean_rate_per_s = rate_per_h / 3600.0;
	ls->demand.n_slots = 168;
	for (size_t i = 0; i < 168; i++)
		ls->demand.profile[i] = 1.0;
	for (size_t i = 0; i < 12; i++)
		ls->demand.month_factor[i] = 1.0;
	ls->handle.kind = DIST_EXPONENTIAL;
	ls->handle.mean = mm->handle_mean_s;
	prep(&ls->handle);
	if (mm->patience_mean_s > 0) {
		ls->has_patience = 1;
		ls->patience.kind = DIST_EXPONENTIAL;
		ls->patience.mean = mm->patience_mean_s;
		prep(&ls->patience);
	}
	ls->target_s = mm->target_s;
	ls->goal = 0.8;
}

static struct scenario *mm_scenario(const struct mm_spec *mm)
{
	static const char *names[] = { "high", "low", "third", "fourth" };
	struct scenario *sc = calloc(1, sizeof *sc);
	assert_non_null(sc);
	snprintf(sc->name, sizeof sc->name, "M/M/c test");
	sc->run = (struct run_spec){ .days = mm->days, .warmup_s = 86400.0,
		.replications = mm->replications, .seed = 2385,
		.start = { 2024, 4, 1 } };
	sc->n_lines = mm->n_lines;
	sc->lines = calloc(mm->n_lines, sizeof *sc->lines);
	for (size_t l = 0; l < mm->n_lines; l++)
		flat_line(&sc->lines[l], names[l], mm->rate_per_h[l], mm);
	sc->n_pools = 1;
	sc->pools = calloc(1, sizeof *sc->pools);
	struct pool_spec *p = &sc->pools[0];
	snprintf(p->name, sizeof p->name, "handlers");
	p->n_serves = mm->n_lines;
	p->serves = calloc(mm->n_lines, sizeof *p->serves);
	for (size_t l = 0; l < mm->n_lines; l++)
		p->serves[l] = l;
	p->n_shifts = 1;
	p->shifts = calloc(1, sizeof *p->shifts);
	p->shifts[0] = (struct shift_spec){ .name = "all day", .start_s = 0,
		.duration_s = 86400.0, .days = 0x7f, .staff = mm->servers };
	p->hours_per_week = 37.5;
	return sc;
}

/* M/M/6 at 5 Erlangs: service level within 20 s and ASA match Erlang C. */
static void test_call_handling_matches_erlang_c(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 1, .rate_per_h = { 100.0 },
		.handle_mean_s = 180.0, .target_s = 20.0, .servers = 6,
		.days = 14, .replications = 40 };
	struct scenario *sc = mm_scenario(&mm);
	struct replication_result **res = replications_run(sc);
	struct erlang_queue q = { .lambda = 100.0 / 3600.0,
		.mu = 1.0 / 180.0, .c = 6, .theta = 0 };
	struct erlang_result th;
	assert_int_equal(erlang_solve(&q, 20.0, &th), 0);

	assert_in_ci(replications_ci(res, 40, replication_line_at, 0,
				     CC_SERVICE_LEVEL),
		     th.service_level, "service level");
	assert_in_ci(replications_ci(res, 40, replication_line_at, 0, CC_ASA_S),
		     th.asa_s, "ASA");
	assert_in_ci(replications_ci(res, 40, replication_pool_at, 0, CC_OCCUPANCY),
		     th.occupancy, "occupancy");
	replications_free(res, 40);
	scenario_free(sc);
}

/* M/M/9+M at 10 Erlangs (overloaded without abandonment): abandonment and
 * service level match Erlang A. */
static void test_abandonment_matches_erlang_a(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 1, .rate_per_h = { 200.0 },
		.handle_mean_s = 180.0, .patience_mean_s = 120.0,
		.target_s = 20.0, .servers = 9, .days = 10, .replications = 40 };
	struct scenario *sc = mm_scenario(&mm);
	struct replication_result **res = replications_run(sc);
	struct erlang_queue q = { .lambda = 200.0 / 3600.0,
		.mu = 1.0 / 180.0, .c = 9, .theta = 1.0 / 120.0 };
	struct erlang_result th;
	assert_int_equal(erlang_solve(&q, 20.0, &th), 0);

	assert_in_ci(replications_ci(res, 40, replication_line_at, 0,
				     CC_ABANDON_RATE),
		     th.p_abandon, "P(abandon)");
	assert_in_ci(replications_ci(res, 40, replication_line_at, 0,
				     CC_SERVICE_LEVEL),
		     th.service_level, "service level");
	assert_in_ci(replications_ci(res, 40, replication_line_at, 0, CC_ASA_S),
		     th.asa_s, "ASA");
	replications_free(res, 40);
	scenario_free(sc);
}

/* Two classes, one pool, non-preemptive priority, equal service rates:
 * Cobham's formulas for M/M/c give the mean waits
 *     W1 = C / (c mu (1 - rho1)),   W2 = C / (c mu (1 - rho1)(1 - rho)),
 * with C the Erlang C probability of waiting for the total load. */
static void test_priority_matches_cobham(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 2, .rate_per_h = { 40.0, 60.0 },
		.handle_mean_s = 180.0, .target_s = 20.0, .servers = 6,
		.days = 14, .replications = 40 };
	struct scenario *sc = mm_scenario(&mm);
	struct replication_result **res = replications_run(sc);
	double mu = 1.0 / 180.0, c = 6;
	double rho1 = (40.0 / 3600.0) / (c * mu);
	double rho = (100.0 / 3600.0) / (c * mu);
	double pw = erlang_c(6, 5.0);
	double w1 = pw / (c * mu * (1 - rho1));
	double w2 = pw / (c * mu * (1 - rho1) * (1 - rho));

	/* Every call is answered (no patience), so mean wait of answered
	 * calls is the mean wait. */
	struct ci high = replications_ci(res, 40, replication_line_at, 0, CC_ASA_S);
	struct ci low = replications_ci(res, 40, replication_line_at, 1, CC_ASA_S);
	assert_in_ci(high, w1, "high-priority wait");
	assert_in_ci(low, w2, "low-priority wait");
	assert_true(high.hi < low.lo);
	replications_free(res, 40);
	scenario_free(sc);
}

/* Every counted call ends answered or abandoned, repeats included, and the
 * same replication gives the same figures twice. */
static void test_accounting_and_determinism(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 2, .rate_per_h = { 71.3, 38.5 },
		.handle_mean_s = 238.5, .patience_mean_s = 95.0,
		.target_s = 10.0, .servers = 7, .days = 3, .replications = 2 };
	struct scenario *sc = mm_scenario(&mm);
	sc->lines[1].redial_probability = 0.4;
	sc->lines[1].redial_delay = (struct dist){ .kind = DIST_DETERMINISTIC,
		.value = 30.0 };
	prep(&sc->lines[1].redial_delay);
	struct replication_result *a = replication_result_new(sc), *b = replication_result_new(sc);
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(replication_run(sc, 1, a, &err), SIM_OK);
	assert_int_equal(replication_run(sc, 1, b, &err), SIM_OK);
	for (size_t l = 0; l < 2; l++) {
		double *f = replication_line_at(a, l);
		assert_true(f[CC_OFFERED] > 100);
		assert_true(f[CC_ABANDONED] > 0);
		assert_seconds_near(f[CC_ANSWERED] + f[CC_ABANDONED],
				    f[CC_OFFERED], 0.0);
		assert_seconds_near(f[CC_UNANSWERED_END], 0.0, 0.0);
	}
	assert_true(replication_line_at(a, 1)[CC_REPEATS] > 0);
	assert_seconds_near(replication_line_at(a, 0)[CC_REPEATS], 0.0, 0.0);
	assert_memory_equal(a->line, b->line,
			    2 * CC_LINE_METRICS * sizeof(double));
	replication_result_free(a);
	replication_result_free(b);
	scenario_free(sc);
}

/* Two lines without patience make a plain scenario, whose calls take the
 * contact centre's plain paths; judging one line per hour sends every
 * call through the paths for any scenario instead. Nothing else changes,
 * so every figure of every line is the same, bit for bit. */
static void test_plain_paths_match_the_others(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 2, .rate_per_h = { 71.3, 38.5 },
		.handle_mean_s = 238.5, .target_s = 20.0, .servers = 3,
		.days = 3, .replications = 2 };
	struct scenario *plain = mm_scenario(&mm), *other = mm_scenario(&mm);
	other->lines[1].per = AGREEMENT_HOUR;
	struct replication_result *a = replication_result_new(plain);
	struct replication_result *b = replication_result_new(other);
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(replication_run(plain, 1, a, &err), SIM_OK);
	assert_int_equal(replication_run(other, 1, b, &err), SIM_OK);
	for (size_t l = 0; l < 2; l++) {
		assert_true(replication_line_at(a, l)[CC_OFFERED] > 100);
		assert_true(replication_line_at(a, l)[CC_ASA_S] > 0);
	}
	assert_memory_equal(a->line, b->line,
			    2 * CC_LINE_METRICS * sizeof(double));
	replication_result_free(a);
	replication_result_free(b);
	scenario_free(plain);
	scenario_free(other);
}

/* A roster of 4 by day (08:00-20:00) and 2 by night with 25% shrinkage
 * puts 3 and then 2 on duty (half rounds up): the staff on duty in each
 * hour of the week and on average follow it exactly, and nobody is lost
 * when a shift ends mid-call. */
static void test_roster_sets_staff_on_duty(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 1, .rate_per_h = { 23.85 },
		.handle_mean_s = 300.0, .target_s = 20.0, .servers = 2,
		.days = 7, .replications = 1 };
	struct scenario *sc = mm_scenario(&mm);
	struct pool_spec *p = &sc->pools[0];
	p->shrinkage = 0.25;
	p->n_shifts = 2;
	p->shifts = realloc(p->shifts, 2 * sizeof *p->shifts);
	p->shifts[0] = (struct shift_spec){ .name = "day", .start_s = 8 * 3600.0,
		.duration_s = 12 * 3600.0, .days = 0x7f, .staff = 4 };
	p->shifts[1] = (struct shift_spec){ .name = "night",
		.start_s = 20 * 3600.0, .duration_s = 12 * 3600.0, .days = 0x7f,
		.staff = 2 };
	struct replication_result *r = replication_result_new(sc);
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(replication_run(sc, 0, r, &err), SIM_OK);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int hod = (int)(h % 24);
		double want = (hod >= 8 && hod < 20) ? 3.0 : 2.0;
		assert_seconds_near(replication_ipool_at(r, h, 0)[CC_I_STAFF], want, 1e-9);
	}
	assert_seconds_near(replication_pool_at(r, 0)[CC_STAFF_ON_DUTY], 2.5, 1e-9);
	double *f = replication_line_at(r, 0);
	assert_seconds_near(f[CC_ANSWERED], f[CC_OFFERED], 0.0);
	replication_result_free(r);
	scenario_free(sc);
}

/* Load ten times what the handlers can take and no patience: the calls
 * still waiting when the drain ends are reported, not lost, and count
 * against the service level. Regression: offered 25,212, answered 1,822,
 * abandoned 0, and the other 23,390 appeared nowhere. */
static void test_unanswered_at_end(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 1, .rate_per_h = { 238.5 },
		.handle_mean_s = 300.0, .target_s = 20.0, .servers = 2,
		.days = 3, .replications = 2 };
	struct scenario *sc = mm_scenario(&mm);
	struct replication_result **res = replications_run(sc);

	for (unsigned i = 0; i < 2; i++) {
		double *f = replication_line_at(res[i], 0);
		assert_true(f[CC_OFFERED] > 15000);
		assert_seconds_near(f[CC_ABANDONED], 0.0, 0.0);
		/* Two handlers answer about 24 an hour: some 6,300 in the
		 * warm-up, the three days and the week of drain, of 17,000. */
		assert_true(f[CC_UNANSWERED_END] > 0.5 * f[CC_OFFERED]);
		assert_seconds_near(f[CC_ANSWERED] + f[CC_ABANDONED] +
				    f[CC_UNANSWERED_END], f[CC_OFFERED], 0.0);
		assert_true(f[CC_SERVICE_LEVEL] * f[CC_OFFERED] <=
			    f[CC_ANSWERED] + 1e-9);
		assert_true(f[CC_SERVICE_LEVEL] < 0.05);
	}
	replications_free(res, 2);
	scenario_free(sc);
}

/* A month factor of 1e20 on a line of 1.5 calls an hour: the arrivals
 * come faster than the clock can tell apart. With or without patience the
 * run stops once more callers wait than run.max_waiting (lowered here; the
 * loader may refuse the factor, the engine must hold anyway). Regression:
 * it spun for ever, or grew to 12 GB. */
static void test_month_factor_beyond_the_clock(void **state)
{
	(void)state;
	for (int patience = 0; patience < 2; patience++) {
		struct mm_spec mm = { .n_lines = 1, .rate_per_h = { 1.5 },
			.handle_mean_s = 300.0, .target_s = 20.0, .servers = 3,
			.patience_mean_s = patience ? 60.0 : 0.0, .days = 2,
			.replications = 2 };
		struct scenario *sc = mm_scenario(&mm);

		sc->lines[0].demand.month_factor[3] = 1e20;   /* April */
		sc->run.max_waiting = 2385;
		assert_run_fails(sc, "more than 2385 callers waiting at once");
		scenario_free(sc);
	}
}

/* 1e9 calls an hour, within what the loader allows: the queue passes the
 * bound within a second of simulated time and the run stops, where memory
 * grew at 400 MB/s. */
static void test_rate_beyond_the_staff_stops(void **state)
{
	(void)state;
	struct mm_spec mm = { .n_lines = 2, .rate_per_h = { 1e9, 23.85 },
		.handle_mean_s = 300.0, .patience_mean_s = 600.0,
		.target_s = 20.0, .servers = 50, .days = 1, .replications = 2 };
	struct scenario *sc = mm_scenario(&mm);

	sc->run.max_waiting = 10000;
	assert_run_fails(sc, "more than 10000 callers waiting at once at ");
	assert_run_fails(sc, "(run.max_waiting)");
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_call_handling_matches_erlang_c),
		cmocka_unit_test(test_abandonment_matches_erlang_a),
		cmocka_unit_test(test_priority_matches_cobham),
		cmocka_unit_test(test_accounting_and_determinism),
		cmocka_unit_test(test_plain_paths_match_the_others),
		cmocka_unit_test(test_roster_sets_staff_on_duty),
		cmocka_unit_test(test_unanswered_at_end),
		cmocka_unit_test(test_month_factor_beyond_the_clock),
		cmocka_unit_test(test_rate_beyond_the_staff_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
