/* test_ev_calendar.c: the calendar pops in exact (time, push order) order,
 * keeps payloads, and grows without losing events. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include <math.h>

#include "sim/ev_calendar.h"

/* Handlers are only stored and compared, never run, in these tests. */
static void on_a(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	(void)ev;
}

static void on_b(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	(void)ev;
}

static void test_ev_calendar_empty(void **state)
{
	struct ev_calendar *cal = ev_calendar_new();
	struct ev_event ev = { 0 };

	(void)state;
	assert_non_null(cal);
	assert_int_equal(ev_calendar_size(cal), 0);
	assert_null(ev_calendar_peek(cal));
	assert_int_equal(ev_calendar_pop(cal, &ev), 0);
	ev_calendar_free(cal);
	ev_calendar_free(NULL);
}

/* Pushes at 3600 s (a shift change) pop in push order, between the earlier
 * and later events, and carry their payloads. */
static void test_ev_calendar_ties_pop_in_push_order(void **state)
{
	struct ev_calendar *cal = ev_calendar_new();
	int objs[5];
	uint64_t seq[6];
	struct ev_event ev;

	(void)state;
	seq[0] = ev_calendar_push(cal, 3600.0, on_a, &objs[0], 10);
	seq[1] = ev_calendar_push(cal, 7200.5, on_b, &objs[1], 11);
	seq[2] = ev_calendar_push(cal, 3600.0, on_b, &objs[2], 12);
	seq[3] = ev_calendar_push(cal, 2.385, on_a, &objs[3], -13);
	seq[4] = ev_calendar_push(cal, 3600.0, on_a, &objs[4], 14);
	seq[5] = ev_calendar_push(cal, 3600.0, on_a, NULL, INT64_MIN);
	for (int i = 0; i < 6; i++)
		assert_int_equal(seq[i], (uint64_t)i + 1);
	assert_int_equal(ev_calendar_size(cal), 6);
	assert_int_equal(ev_calendar_peek(cal)->seq, seq[3]);

	const uint64_t order[6] = { 4, 1, 3, 5, 6, 2 };
	for (int i = 0; i < 6; i++) {
		assert_int_equal(ev_calendar_pop(cal, &ev), 1);
		assert_int_equal(ev.seq, order[i]);
	}
	assert_int_equal(ev_calendar_pop(cal, &ev), 0);
	/* The last event popped was the 7200.5 s one, payload intact. */
	assert_seconds_near(ev.time_s, 7200.5, 0.0);
	assert_ptr_equal(ev.fn, on_b);
	assert_ptr_equal(ev.obj, &objs[1]);
	assert_int_equal(ev.arg, 11);
	ev_calendar_free(cal);
}

/* A reference: pending (time, seq) pairs kept sorted latest first, so the
 * earliest is at the end. */
struct ref {
	struct ev_event *ev;
	size_t n;
};

static int ref_before(const struct ev_event *a, const struct ev_event *b)
{
	return a->time_s < b->time_s ||
	       (a->time_s == b->time_s && a->seq < b->seq);
}

static void ref_insert(struct ref *r, const struct ev_event *ev)
{
	size_t lo = 0, hi = r->n;

	/* First index whose entry pops before ev: ev goes just before it. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (ref_before(&r->ev[mid], ev))
			hi = mid;
		else
			lo = mid + 1;
	}
	memmove(&r->ev[lo + 1], &r->ev[lo], (r->n - lo) * sizeof *r->ev);
	r->ev[lo] = *ev;
	r->n++;
}

/* 100k random pushes and pops, with times on a 0.5 s grid so ties are
 * common, checked one by one against the sorted reference. */
static void test_ev_calendar_matches_sorted_reference(void **state)
{
	const size_t n_ops = 100000;
	struct ev_calendar *cal = ev_calendar_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	struct ref ref = { malloc(n_ops * sizeof *ref.ev), 0 };
	size_t max_pending = 0;

	(void)state;
	assert_non_null(ref.ev);
	gsl_rng_set(r, 2385);
	for (size_t op = 0; op < n_ops; op++) {
		struct ev_event got, want;

		/* Push 55% of the time, so the calendar keeps growing. */
		if (ref.n == 0 || gsl_rng_uniform(r) < 0.55) {
			want.time_s = 0.5 * (double)gsl_rng_uniform_int(r, 20000);
			want.arg = (int64_t)op;
			want.seq = ev_calendar_push(cal, want.time_s, on_a, NULL,
						    want.arg);
			assert_int_not_equal(want.seq, 0);
			ref_insert(&ref, &want);
			if (ref.n > max_pending)
				max_pending = ref.n;
			continue;
		}
		want = ref.ev[--ref.n];
		assert_int_equal(ev_calendar_pop(cal, &got), 1);
		assert_int_equal(got.seq, want.seq);
		assert_seconds_near(got.time_s, want.time_s, 0.0);
		assert_int_equal(got.arg, want.arg);
		assert_int_equal(ev_calendar_size(cal), ref.n);
	}
	/* The run really exercised growth well past the first 256 slots. */
	assert_true(max_pending > 5000);
	free(ref.ev);
	gsl_rng_free(r);
	ev_calendar_free(cal);
}

/* Checks one pop against the reference's earliest event. */
static void pop_and_check(struct ev_calendar *cal, struct ref *ref)
{
	struct ev_event got, want = ref->ev[--ref->n];

	assert_int_equal(ev_calendar_pop(cal, &got), 1);
	assert_int_equal(got.seq, want.seq);
	assert_seconds_near(got.time_s, want.time_s, 0.0);
	assert_int_equal(got.arg, want.arg);
	assert_int_equal(ev_calendar_size(cal), ref->n);
}

/* When token `id` (0..329) next acts after now: tokens 0-299 seconds
 * ahead, at a rate that changes tenfold every 50,000 pops, one in twenty
 * at once (a tie with the event just popped); tokens 300-329 half an hour
 * or more ahead (time on scene, grading delays), one in ten on the next
 * hour (a roster change, a tie with the other tokens there). */
static double token_next(gsl_rng *r, int64_t id, double now, size_t pops)
{
	double u = gsl_rng_uniform(r);
	double scale = (pops / 50000) % 2 ? 23.85 : 2.385;

	if (id >= 300 && u < 0.1)
		return 3600.0 * (floor(now / 3600.0) + 1.0);
	if (id >= 300)
		return now + 1800.0 + gsl_ran_exponential(r, 1800.0);
	if (u < 0.05)
		return now;
	return now + gsl_ran_exponential(r, scale * 3.0);
}

/* The engine's pattern, with the shape of the bundled scenario: 330
 * pending events, each popped one pushing its successor at or after the
 * last pop, mostly seconds ahead and some an hour or so ahead. The bucket
 * width is refitted as the rate changes, far events wait outside the ring
 * and move in as time reaches them; at the end the calendar drains to
 * empty and fills again. Every pop is checked against the sorted
 * reference. */
static void test_ev_calendar_far_future_matches_reference(void **state)
{
	const size_t n_pops = 200000;
	struct ev_calendar *cal = ev_calendar_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	struct ref ref = { malloc(400 * sizeof *ref.ev), 0 };
	struct ev_event ev;
	double now = 0.0;

	(void)state;
	assert_non_null(ref.ev);
	gsl_rng_set(r, 2385);
	for (size_t i = 0; i < n_pops + 330; i++) {
		/* The first 330 rounds only push, one per token. */
		ev.arg = i < 330 ? (int64_t)i : ref.ev[ref.n - 1].arg;
		if (i >= 330) {
			now = ref.ev[ref.n - 1].time_s;
			pop_and_check(cal, &ref);
		}
		ev.time_s = token_next(r, ev.arg, now, i);
		ev.seq = ev_calendar_push(cal, ev.time_s, on_b, &ref, ev.arg);
		assert_int_not_equal(ev.seq, 0);
		ref_insert(&ref, &ev);
	}
	while (ref.n > 0)
		pop_and_check(cal, &ref);
	assert_null(ev_calendar_peek(cal));
	/* Empty after a long life: a new event, far from the last, pops. */
	assert_int_not_equal(ev_calendar_push(cal, now + 1e7, on_a, NULL, -7), 0);
	assert_int_equal(ev_calendar_peek(cal)->arg, -7);
	free(ref.ev);
	gsl_rng_free(r);
	ev_calendar_free(cal);
}

/* pop_until pops only what is due by end_s (an event exactly at end_s is),
 * and leaves later events in place, whether the calendar is short or has
 * grown its buckets. */
static void test_ev_calendar_pop_until_stops_at_end(void **state)
{
	const int sizes[2] = { 5, 500 };

	(void)state;
	for (int k = 0; k < 2; k++) {
		struct ev_calendar *cal = ev_calendar_new();
		struct ev_event ev = { 0 };
		int n = sizes[k], popped = 0;

		for (int i = 0; i < n; i++)
			ev_calendar_push(cal, 2.385 * (n - i), on_a, NULL, n - i);
		while (ev_calendar_pop_until(cal, 2.385 * 3, &ev)) {
			popped++;
			assert_int_equal(ev.arg, popped);
		}
		assert_int_equal(popped, 3);
		assert_int_equal(ev_calendar_size(cal), n - 3);
		assert_int_equal(ev_calendar_peek(cal)->arg, 4);
		assert_int_equal(ev_calendar_pop_until(cal, -1.0, &ev), 0);
		assert_int_equal(ev.arg, 3);   /* untouched */
		assert_int_equal(ev_calendar_pop_until(cal, INFINITY, &ev), 1);
		assert_int_equal(ev.arg, 4);
		ev_calendar_free(cal);
	}
	struct ev_calendar *empty = ev_calendar_new();
	struct ev_event ev;
	assert_int_equal(ev_calendar_pop_until(empty, 1e9, &ev), 0);
	ev_calendar_free(empty);
}

/* Growth keeps every event: 20k pushes in decreasing time (the worst case
 * for sift-up) pop in increasing time, then the calendar is reusable. */
static void test_ev_calendar_grows(void **state)
{
	const int n = 20000;
	struct ev_calendar *cal = ev_calendar_new();
	struct ev_event ev;

	(void)state;
	for (int i = 0; i < n; i++)
		ev_calendar_push(cal, 1000.0 - 0.04 * i, on_a, NULL, i);
	assert_int_equal(ev_calendar_size(cal), n);
	for (int i = n - 1; i >= 0; i--) {
		assert_int_equal(ev_calendar_pop(cal, &ev), 1);
		assert_int_equal(ev.arg, i);
	}
	assert_int_equal(ev_calendar_size(cal), 0);
	assert_int_equal(ev_calendar_push(cal, 2.385, on_b, NULL, 7), n + 1);
	assert_int_equal(ev_calendar_pop(cal, &ev), 1);
	assert_int_equal(ev.arg, 7);
	ev_calendar_free(cal);
}

/* ev_calendar_room says 1 while a slot is free, 0 once every slot is
 * taken; a push then still succeeds (it grows the calendar), after which
 * there is room again. */
static void test_ev_calendar_room_until_full(void **state)
{
	struct ev_calendar *cal = ev_calendar_new();
	struct ev_event ev;
	int n = 0;

	(void)state;
	while (ev_calendar_room(cal)) {
		assert_int_equal(ev_calendar_push(cal, 2.385 * (n % 7), on_a,
						  NULL, n), n + 1);
		n++;
	}
	assert_true(n > 16);
	assert_int_equal(ev_calendar_push(cal, 0.5, on_b, NULL, n), n + 1);
	assert_true(ev_calendar_room(cal));
	assert_int_equal(ev_calendar_pop(cal, &ev), 1);
	assert_int_equal(ev.arg, 0);
	ev_calendar_free(cal);
}

/* A calendar of two or three events (a single-server queue) keeps them in
 * its short list, which moves back to the start of its array whenever a
 * push reaches the end: through many such moves, every pop is the
 * earliest pending event, ties in push order. */
static void test_ev_calendar_short_list_wraps(void **state)
{
	struct ev_calendar *cal = ev_calendar_new();
	struct ev_event ev;
	double now = 0.0;
	int64_t last_arg = -1;

	(void)state;
	ev_calendar_push(cal, 1.0, on_a, NULL, 0);
	for (int64_t i = 1; i <= 1000; i++) {
		/* The next event at now + 0.75 or + 2.385, and every tenth
		 * at the very instant of another. */
		double t = now + (i % 3 == 0 ? 0.75 : 2.385);

		if (i % 10 == 0 && ev_calendar_peek(cal) != NULL)
			t = ev_calendar_peek(cal)->time_s;
		ev_calendar_push(cal, t, on_a, NULL, i);
		assert_int_equal(ev_calendar_pop(cal, &ev), 1);
		assert_true(ev.time_s >= now);
		if (ev.time_s == now)
			assert_true(ev.arg > last_arg);
		now = ev.time_s;
		last_arg = ev.arg;
		assert_true(ev_calendar_size(cal) <= 2);
	}
	ev_calendar_free(cal);
}

/* A time that is not finite has no place in the order: it is refused (0,
 * nothing stored) in every build, and the calendar goes on as before.
 * Regression: it was only asserted, so a release build filed it. */
static void test_ev_calendar_refuses_times_not_finite(void **state)
{
	struct ev_calendar *cal = ev_calendar_new();
	struct ev_event ev;

	(void)state;
	assert_int_equal(ev_calendar_push(cal, 2.385, on_a, NULL, 1), 1);
	assert_int_equal(ev_calendar_push(cal, INFINITY, on_a, NULL, 2), 0);
	assert_int_equal(ev_calendar_push(cal, -INFINITY, on_a, NULL, 3), 0);
	assert_int_equal(ev_calendar_push(cal, NAN, on_a, NULL, 4), 0);
	assert_int_equal(ev_calendar_size(cal), 1);
	assert_int_equal(ev_calendar_push(cal, 1.5, on_b, NULL, 5), 2);
	assert_int_equal(ev_calendar_pop(cal, &ev), 1);
	assert_int_equal(ev.arg, 5);
	assert_int_equal(ev_calendar_pop(cal, &ev), 1);
	assert_int_equal(ev.arg, 1);
	assert_int_equal(ev_calendar_pop(cal, &ev), 0);
	ev_calendar_free(cal);
}

/* A lent event stays as popped while pushes are made, enough of them to
 * grow the calendar several times and to turn its ring on, and the order
 * is the same as by copying pops: events at 1..n pushed in reverse, each
 * lent one pushing two later events, against a twin calendar popped by
 * copy. Regression guard for freeing the lent slot too early (a push
 * would overwrite it). */
static void test_ev_calendar_next_until_lends_until_next_pop(void **state)
{
	struct ev_calendar *lend = ev_calendar_new(), *copy = ev_calendar_new();
	const struct ev_event *got;
	struct ev_event want;
	int popped = 0;

	(void)state;
	for (int i = 600; i >= 1; i--) {
		ev_calendar_push(lend, 2.385 * i, on_a, NULL, i);
		ev_calendar_push(copy, 2.385 * i, on_a, NULL, i);
	}
	/* One beyond the end, left for the last pop. */
	ev_calendar_push(lend, 2.385 * 1000, on_a, NULL, 1000);
	ev_calendar_push(copy, 2.385 * 1000, on_a, NULL, 1000);
	while ((got = ev_calendar_next_until(lend, 2.385 * 900)) != NULL) {
		struct ev_event seen = *got;

		assert_int_equal(ev_calendar_pop_until(copy, 2.385 * 900, &want), 1);
		for (int j = 0; j < 2 && popped < 400; j++) {
			double t = got->time_s + 2.385 * (1 + j) + 0.5;

			ev_calendar_push(lend, t, on_b, NULL, -popped);
			ev_calendar_push(copy, t, on_b, NULL, -popped);
		}
		assert_memory_equal(got, &seen, sizeof seen);
		assert_memory_equal(got, &want, sizeof want);
		popped++;
	}
	assert_int_equal(ev_calendar_pop_until(copy, 2.385 * 900, &want), 0);
	assert_int_equal(ev_calendar_size(lend), ev_calendar_size(copy));
	/* A copying pop after a lending one frees the lent slot too. */
	assert_int_equal(ev_calendar_pop(lend, &want), 1);
	assert_int_equal(want.arg, 1000);
	assert_int_equal(ev_calendar_size(lend), ev_calendar_size(copy) - 1);
	ev_calendar_free(lend);
	ev_calendar_free(copy);
}

/* The event a lane process (arg -1 .. -EV_CALENDAR_LANES) or another
 * token (arg >= 0) has next after now, on a 0.25 s grid so that lane
 * events often tie with others: mostly seconds ahead, some hours ahead
 * (in the heap while the ring serves), some at once. */
static double lane_token_next(gsl_rng *r, int64_t id, double now)
{
	double u = gsl_rng_uniform(r);

	if (u < 0.05)
		return now;
	if (id >= 0 && u < 0.15)
		return now + 0.25 * floor(4.0 * gsl_ran_exponential(r, 7200.0));
	return now + 0.25 * floor(4.0 * gsl_ran_exponential(r, 2.385));
}

/* Pops one event from each calendar, in one of the three ways, and checks
 * that they are the same; returns 0 when neither had one due by end_s. */
static int lane_twin_pop(struct ev_calendar *lanes, struct ev_calendar *plain,
			 int how, double end_s, struct ev_event *got)
{
	struct ev_event want;
	const struct ev_event *lent;
	int popped;

	if (how == 0) {
		lent = ev_calendar_next_until(lanes, end_s);
		popped = lent != NULL;
		if (lent)
			*got = *lent;
	} else if (how == 1) {
		popped = ev_calendar_pop_until(lanes, end_s, got);
	} else {
		popped = ev_calendar_pop(lanes, got);
		end_s = INFINITY;
	}
	assert_int_equal(ev_calendar_pop_until(plain, end_s, &want), popped);
	if (popped)
		assert_memory_equal(got, &want, sizeof want);
	return popped;
}

/* After ev popped at its time: a lane process's next event (into its lane
 * in `lanes`, pushed in `plain`), and, now and then, new tokens pushed
 * into both (a lane event starts one while fewer than 400 were started,
 * none after round 250000): the store grows and shrinks. Returns 1 when
 * ev was a lane event. */
static int lane_twin_next(struct ev_calendar *lanes, struct ev_calendar *plain,
			  gsl_rng *r, const struct ev_event *ev, size_t round,
			  size_t *tokens)
{
	double now = ev->time_s;

	if (ev->arg < 0) {
		double t = lane_token_next(r, ev->arg, now);
		int k = (int)(-1 - ev->arg);

		assert_int_equal(ev_calendar_lane_push(lanes, k, t, on_b, NULL,
						       ev->arg),
				 ev_calendar_push(plain, t, on_b, NULL, ev->arg));
	}
	for (int j = 0; j < 2 && (ev->arg >= 0 || *tokens < 400); j++) {
		double t = lane_token_next(r, (int64_t)round, now);

		if (round > 250000 || gsl_rng_uniform(r) < 0.5)
			break;
		assert_int_equal(ev_calendar_push(lanes, t, on_a, NULL,
						  (int64_t)round),
				 ev_calendar_push(plain, t, on_a, NULL,
						  (int64_t)round));
		*tokens += ev->arg < 0;
	}
	return ev->arg < 0;
}

/* Lanes against pushes: the same events go into two calendars, the lane
 * processes' (one pending each, always) into lanes of the first and
 * pushed into the second, every other one pushed into both. Every pop
 * (lent, copied, or due by a time), peek and size must agree, ties
 * between lane and other events included, through the short list, the
 * ring, the heap and a drain to empty. */
static void test_ev_calendar_lanes_match_pushes(void **state)
{
	struct ev_calendar *lanes = ev_calendar_new(), *plain = ev_calendar_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	struct ev_event ev;
	size_t from_lane = 0, tokens = 0;
	double now = 0.0;

	(void)state;
	gsl_rng_set(r, 2385);
	for (int k = 0; k < EV_CALENDAR_LANES; k++) {
		double t = lane_token_next(r, -1 - k, now);

		assert_int_equal(ev_calendar_lane_push(lanes, k, t, on_a, &ev,
						       -1 - k),
				 ev_calendar_push(plain, t, on_a, &ev, -1 - k));
	}
	for (size_t i = 0; i < 300000; i++) {
		const struct ev_event *peek = ev_calendar_peek(lanes);
		double end_s = now + 0.25 * (double)gsl_rng_uniform_int(r, 8);

		assert_memory_equal(peek, ev_calendar_peek(plain), sizeof *peek);
		assert_int_equal(ev_calendar_size(lanes), ev_calendar_size(plain));
		if (!lane_twin_pop(lanes, plain, (int)(i % 3), end_s, &ev))
			continue;
		now = ev.time_s;
		from_lane += (size_t)lane_twin_next(lanes, plain, r, &ev, i,
						    &tokens);
	}
	/* Drain: the lane processes stop, and both calendars empty. */
	while (lane_twin_pop(lanes, plain, 2, INFINITY, &ev))
		;
	assert_int_equal(ev_calendar_size(lanes), 0);
	assert_null(ev_calendar_peek(lanes));
	assert_true(from_lane > 100000);
	gsl_rng_free(r);
	ev_calendar_free(lanes);
	ev_calendar_free(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ev_calendar_empty),
		cmocka_unit_test(test_ev_calendar_ties_pop_in_push_order),
		cmocka_unit_test(test_ev_calendar_matches_sorted_reference),
		cmocka_unit_test(test_ev_calendar_far_future_matches_reference),
		cmocka_unit_test(test_ev_calendar_pop_until_stops_at_end),
		cmocka_unit_test(test_ev_calendar_grows),
		cmocka_unit_test(test_ev_calendar_room_until_full),
		cmocka_unit_test(test_ev_calendar_short_list_wraps),
		cmocka_unit_test(test_ev_calendar_refuses_times_not_finite),
		cmocka_unit_test(test_ev_calendar_next_until_lends_until_next_pop),
		cmocka_unit_test(test_ev_calendar_lanes_match_pushes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
