/* test_sim.c: the clock follows the events, run_until stops at the horizon,
 * sim_fail stops a run, and streams are per purpose and reproducible. */
#include "test_support.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "sim/rng_stream.h"
#include "sim/sim.h"

/* What the handlers below saw, attached as the model. */
struct trace {
	int n;
	double at_s[16];     /* sim_now() when each event ran */
	int64_t arg[16];
};

static void on_record(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct trace *t = sim_model(ctx);

	assert_true(t->n < 16);
	t->at_s[t->n] = sim_now(ctx);
	t->arg[t->n] = ev->arg;
	t->n++;
}

/* Records, then schedules itself again 2.385 s later while arg > 0. */
static void on_chain(struct sim_ctx *ctx, const struct ev_event *ev)
{
	on_record(ctx, ev);
	if (ev->arg > 0)
		sim_schedule(ctx, sim_now(ctx) + 2.385, on_chain, NULL,
			     ev->arg - 1);
}

static void on_fail(struct sim_ctx *ctx, const struct ev_event *ev)
{
	on_record(ctx, ev);
	sim_fail(ctx, SIM_ENOMEM, "out of memory queueing caller 42");
	sim_fail(ctx, SIM_ERUNTIME, "a later failure, not kept");
}

/* Schedules itself again at the same instant, for ever: a process whose
 * next event rounds back to the time of the last one. */
static void on_same_instant(struct sim_ctx *ctx, const struct ev_event *ev)
{
	sim_schedule(ctx, sim_now(ctx), on_same_instant, NULL, ev->arg + 1);
}

/* Schedules the next event after a duration of DBL_MAX x 2.385, which
 * overflows to infinity as a travel time x a huge factor did. */
static void on_overflow(struct sim_ctx *ctx, const struct ev_event *ev)
{
	volatile double factor = 2.385;

	on_record(ctx, ev);
	sim_schedule(ctx, sim_now(ctx) + DBL_MAX * factor, on_record, NULL, 99);
}

static struct sim_ctx *new_ctx(struct trace *t)
{
	struct sim_err err = { 0 };
	struct sim_ctx *ctx = sim_new(2025, 3, 4, &err);

	assert_non_null(ctx);
	assert_false(sim_err_failed(&err));
	memset(t, 0, sizeof *t);
	sim_set_model(ctx, t);
	return ctx;
}

static void test_sim_new_starts_at_zero(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	assert_seconds_near(sim_now(ctx), 0.0, 0.0);
	assert_ptr_equal(sim_model(ctx), &t);
	assert_int_equal(sim_events_run(ctx), 0);
	assert_int_equal(sim_status(ctx), SIM_OK);
	assert_string_equal(sim_failure(ctx), "");
	assert_int_equal(sim_step(ctx), 0);
	sim_free(ctx);
	sim_free(NULL);
}

/* Each step moves the clock to the event it runs, in time order. */
static void test_sim_step_advances_clock(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	assert_int_equal(sim_schedule(ctx, 7.1, on_record, NULL, 2), 1);
	assert_int_equal(sim_schedule(ctx, 2.385, on_record, NULL, 1), 2);
	assert_int_equal(sim_step(ctx), 1);
	assert_seconds_near(sim_now(ctx), 2.385, 0.0);
	assert_int_equal(sim_step(ctx), 1);
	assert_seconds_near(sim_now(ctx), 7.1, 0.0);
	assert_int_equal(sim_step(ctx), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.arg[0], 1);
	assert_seconds_near(t.at_s[1], 7.1, 0.0);
	assert_int_equal(sim_events_run(ctx), 2);
	sim_free(ctx);
}

/* Events at the horizon run; the clock then rests at the horizon, also
 * when nothing is left; events scheduled during the run count too. */
static void test_sim_run_until_semantics(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	sim_schedule(ctx, 10.0, on_record, NULL, 10);
	sim_schedule(ctx, 20.0, on_record, NULL, 20);
	sim_schedule(ctx, 30.5, on_record, NULL, 30);
	assert_int_equal(sim_run_until(ctx, 20.0), 2);
	assert_seconds_near(sim_now(ctx), 20.0, 0.0);
	assert_int_equal(sim_run_until(ctx, 25.25), 0);
	assert_seconds_near(sim_now(ctx), 25.25, 0.0);
	/* A chain of 3 more events at 30.5 + 2.385 k, k = 1..3: all before 40. */
	sim_schedule(ctx, 30.5, on_chain, NULL, 3);
	assert_int_equal(sim_run_until(ctx, 40.0), 5);
	assert_seconds_near(t.at_s[t.n - 1], 30.5 + 3 * 2.385, 1e-12);
	assert_seconds_near(sim_now(ctx), 40.0, 0.0);
	assert_int_equal(sim_events_run(ctx), 7);
	sim_free(ctx);
}

/* A failing handler stops the run at its own instant; later events stay in
 * the calendar and only the first failure is kept. */
static void test_sim_fail_stops_run(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	sim_schedule(ctx, 4.0, on_record, NULL, 1);
	sim_schedule(ctx, 5.5, on_fail, NULL, 2);
	sim_schedule(ctx, 5.5, on_record, NULL, 3);
	sim_schedule(ctx, 6.0, on_record, NULL, 4);
	assert_int_equal(sim_run_until(ctx, 100.0), 2);
	assert_int_equal(t.n, 2);
	assert_seconds_near(sim_now(ctx), 5.5, 0.0);
	assert_int_equal(sim_status(ctx), SIM_ENOMEM);
	assert_string_equal(sim_failure(ctx), "out of memory queueing caller 42");
	assert_int_equal(sim_run_until(ctx, 200.0), 0);
	sim_free(ctx);
}

/* A time that is not finite, or before the clock, is refused in every
 * build (no assertion): nothing is scheduled, the failure is recorded with
 * a message naming the time, and the run stops. Regression: an infinite
 * travel time aborted a debug build and, in a release build, was filed
 * in the calendar and the run ended with nothing attended. */
static void test_sim_schedule_refuses_bad_times(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	assert_int_equal(sim_schedule(ctx, INFINITY, on_record, NULL, 1), 0);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	assert_non_null(strstr(sim_failure(ctx), "an event fell at inf s, a time "
				"that is not finite"));
	assert_int_equal(sim_step(ctx), 0);
	sim_free(ctx);

	ctx = new_ctx(&t);
	assert_int_equal(sim_schedule(ctx, NAN, on_record, NULL, 1), 0);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	assert_non_null(strstr(sim_failure(ctx), "not finite"));
	sim_free(ctx);

	ctx = new_ctx(&t);
	assert_int_equal(sim_run_until(ctx, 7.25), 0);
	assert_int_equal(sim_schedule(ctx, 7.0, on_record, NULL, 1), 0);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	assert_non_null(strstr(sim_failure(ctx), "an event fell at 7 s, before "
				"the clock at 7.25 s"));
	sim_free(ctx);

	/* From inside a run: the handler's own event runs, nothing after. */
	ctx = new_ctx(&t);
	sim_schedule(ctx, 2.385, on_overflow, NULL, 1);
	sim_schedule(ctx, 3.5, on_record, NULL, 2);
	assert_int_equal(sim_run_until(ctx, 100.0), 1);
	assert_int_equal(t.n, 1);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	sim_free(ctx);
}

/* Records, then schedules itself again in lane 1, 2.385 s later, while
 * arg > 0: a lane process, whose lane is free once its event popped. */
static void on_lane_chain(struct sim_ctx *ctx, const struct ev_event *ev)
{
	on_record(ctx, ev);
	if (ev->arg > 0)
		assert_int_not_equal(sim_schedule_lane(ctx, 1,
			sim_now(ctx) + 2.385, on_lane_chain, NULL,
			ev->arg - 1), 0);
}

/* Lane events run among the others in (time, scheduling) order, ties
 * included; a lane refuses the times sim_schedule refuses. */
static void test_sim_schedule_lane_in_order(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);
	const int64_t want[6] = { 10, 3, 20, 2, 1, 0 };

	(void)state;
	sim_schedule(ctx, 2.385, on_record, NULL, 10);
	assert_int_not_equal(sim_schedule_lane(ctx, 1, 4.77, on_lane_chain,
					       NULL, 3), 0);
	/* Scheduled after the lane's event, at its instant: runs after. */
	sim_schedule(ctx, 4.77, on_record, NULL, 20);
	assert_int_equal(sim_run_until(ctx, 100.0), 6);
	assert_int_equal(t.n, 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(t.arg[i], want[i]);
	assert_seconds_near(t.at_s[5], 4.77 + 3 * 2.385, 1e-12);
	assert_int_equal(sim_schedule_lane(ctx, 0, 99.0, on_record, NULL, 1), 0);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	assert_non_null(strstr(sim_failure(ctx), "before the clock"));
	sim_free(ctx);

	ctx = new_ctx(&t);
	assert_int_equal(sim_schedule_lane(ctx, 0, NAN, on_record, NULL, 1), 0);
	assert_non_null(strstr(sim_failure(ctx), "not finite"));
	sim_free(ctx);
}

/* A process whose next event always falls at the instant of the last one
 * stops the run after SIM_SAME_INSTANT_MAX events with a message, where it
 * ran for ever. Events at one instant below the limit are fine. */
static void test_sim_stops_when_clock_stands_still(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);

	(void)state;
	sim_schedule(ctx, 2.385, on_same_instant, NULL, 0);
	assert_int_equal(sim_run_until(ctx, 10.0), SIM_SAME_INSTANT_MAX);
	assert_int_equal(sim_status(ctx), SIM_ERUNTIME);
	assert_non_null(strstr(sim_failure(ctx), "the clock stopped at 2.385 s: "
				"1000000 events in a row fell at that instant"));
	assert_seconds_near(sim_now(ctx), 2.385, 0.0);
	sim_free(ctx);

	ctx = new_ctx(&t);
	for (int i = 0; i < 10; i++)
		sim_schedule(ctx, 2.385, on_record, NULL, i);
	sim_schedule(ctx, 4.5, on_record, NULL, 10);
	assert_int_equal(sim_run_until(ctx, 10.0), 11);
	assert_int_equal(sim_status(ctx), SIM_OK);
	sim_free(ctx);
}

/* Streams are created on first use, lent again after, differ per purpose
 * and equal the named stream of rng_stream. */
static void test_sim_rng_streams_per_purpose(void **state)
{
	struct trace t;
	struct sim_ctx *ctx = new_ctx(&t);
	gsl_rng *a = sim_rng(ctx, 0);
	gsl_rng *b = sim_rng(ctx, 3);
	gsl_rng *ref = rng_stream_new(2025, 3, 3);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_ptr_equal(sim_rng(ctx, 0), a);
	assert_int_not_equal(gsl_rng_get(a), gsl_rng_get(b));
	/* b has drawn once; the reference catches up, then they agree. */
	gsl_rng_get(ref);
	for (int i = 0; i < 100; i++)
		assert_int_equal(gsl_rng_get(b), gsl_rng_get(ref));
	gsl_rng_free(ref);
	sim_free(ctx);
}

/* Two contexts of the same (seed, replication) draw the same numbers; the
 * next replication draws others. */
static void test_sim_rng_reproducible(void **state)
{
	struct sim_err err = { 0 };
	struct sim_ctx *x = sim_new(2025, 7, 2, &err);
	struct sim_ctx *y = sim_new(2025, 7, 2, &err);
	struct sim_ctx *z = sim_new(2025, 8, 2, &err);
	int differ = 0;

	(void)state;
	for (int i = 0; i < 200; i++) {
		double u = gsl_rng_uniform(sim_rng(x, 1));

		assert_seconds_near(u, gsl_rng_uniform(sim_rng(y, 1)), 0.0);
		differ += u != gsl_rng_uniform(sim_rng(z, 1));
	}
	assert_true(differ >= 199);
	sim_free(x);
	sim_free(y);
	sim_free(z);
}

/* A context with no streams is valid (a model drawing nothing). */
static void test_sim_new_without_streams(void **state)
{
	struct sim_err err = { 0 };
	struct sim_ctx *ctx = sim_new(1, 0, 0, &err);

	(void)state;
	assert_non_null(ctx);
	assert_int_equal(sim_run_until(ctx, 3600.0), 0);
	assert_seconds_near(sim_now(ctx), 3600.0, 0.0);
	sim_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_new_starts_at_zero),
		cmocka_unit_test(test_sim_step_advances_clock),
		cmocka_unit_test(test_sim_run_until_semantics),
		cmocka_unit_test(test_sim_fail_stops_run),
		cmocka_unit_test(test_sim_schedule_refuses_bad_times),
		cmocka_unit_test(test_sim_schedule_lane_in_order),
		cmocka_unit_test(test_sim_stops_when_clock_stands_still),
		cmocka_unit_test(test_sim_rng_streams_per_purpose),
		cmocka_unit_test(test_sim_rng_reproducible),
		cmocka_unit_test(test_sim_new_without_streams),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
