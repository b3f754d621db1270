/* test_connection.c: the 999 connection time before the force's queue
 * (models/connection.c through the contact centre) — added to the answer
 * time of every answered call and to nothing else: the queue, patience
 * and abandonment are those of the same callers without it. */
#include "replications.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/connection.h"
#include "models/replication.h"
#include "models/scenario.h"

/* One line, two handlers, patience a minute (a queue and abandonment),
 * redials; `conn` is the line's connection key ("" for none). */
static struct scenario *load_conn(const char *conn, unsigned reps)
{
	char text[2048];
	struct scenario *sc = NULL;
	struct sim_err err;

	snprintf(text, sizeof text,
		 "name: connection test\n"
		 "run: {days: 2, warmup_hours: 1, replications: %u, seed: 2385}\n"
		 "lines:\n"
		 "  - {name: a, volume: {per_hour: 25}, handle: {dist: "
		 "exponential, mean: 240}, patience: {dist: exponential, mean: "
		 "60}, redial: {probability: 0.3, delay: {dist: exponential, "
		 "mean: 120}}, answer: {within_s: 10}%s}\n"
		 "pools:\n"
		 "  - {name: pa, serves: [a], shifts: [{name: d, start: "
		 "\"00:00\", hours: 24, staff: 2}]}\n", reps, conn);
	struct scenario_source src = {"conn.yaml", text, strlen(text), NULL,
				      0, NULL};
	sim_err_clear(&err);
	if (scenario_load(&src, &sc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return sc;
}

/* The same callers with and without a connection: offered, answered and
 * abandoned are the same counts, and each replication's ASA differs by
 * d[i]. */
static void run_pair(const char *conn, unsigned reps, double *d)
{
	struct scenario *a = load_conn("", reps), *b = load_conn(conn, reps);
	struct replication_result **ra = replications_run(a);
	struct replication_result **rb = replications_run(b);

	for (unsigned i = 0; i < reps; i++) {
		const double *fa = replication_line_at(ra[i], 0);
		const double *fb = replication_line_at(rb[i], 0);
		assert_true(fa[CC_OFFERED] == fb[CC_OFFERED]);
		assert_true(fa[CC_ANSWERED] == fb[CC_ANSWERED]);
		assert_true(fa[CC_ABANDONED] == fb[CC_ABANDONED]);
		assert_true(fb[CC_SERVICE_LEVEL] <= fa[CC_SERVICE_LEVEL]);
		d[i] = fb[CC_ASA_S] - fa[CC_ASA_S];
	}
	replications_free(ra, reps);
	replications_free(rb, reps);
	scenario_free(a);
	scenario_free(b);
}

/* A fixed connection of 4.25 s adds exactly that to every answer time. */
static void test_fixed_connection_adds_to_the_answer_time(void **state)
{
	double d[3];

	(void)state;
	run_pair(", connection: {dist: deterministic, value: 4.25}", 3, d);
	for (unsigned i = 0; i < 3; i++)
		assert_seconds_near(d[i], 4.25, 1e-9);
}

/* A random connection (gamma, mean 6 s) raises the mean answer time by
 * its mean: the 99% interval of the replications' differences holds 6. */
static void test_mean_answer_time_rises_by_the_mean_connection(void **state)
{
	double d[20];

	(void)state;
	run_pair(", connection: {dist: gamma, mean: 6, sd: 3}", 20, d);
	assert_in_ci(ci_of(d, 1, 20, REPLICATIONS_LEVEL), 6,
		     "ASA with - ASA without");
}

/* A connection of 0 s changes no figure: the same bytes as none. */
static void test_zero_connection_changes_nothing(void **state)
{
	struct scenario *a = load_conn("", 2);
	struct scenario *b =
		load_conn(", connection: {dist: deterministic, value: 0}", 2);
	struct replication_result **ra = replications_run(a);
	struct replication_result **rb = replications_run(b);

	(void)state;
	assert_true(connection_wanted(b));
	for (unsigned i = 0; i < 2; i++) {
		assert_memory_equal(ra[i]->line, rb[i]->line,
				    CC_LINE_METRICS * sizeof(double));
		assert_memory_equal(ra[i]->wait_line, rb[i]->wait_line,
				    FIGURE_WAIT_BINS * CC_WAIT_LINE_METRICS *
				    sizeof(double));
	}
	replications_free(ra, 2);
	replications_free(rb, 2);
	scenario_free(a);
	scenario_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_connection_adds_to_the_answer_time),
		cmocka_unit_test(test_mean_answer_time_rises_by_the_mean_connection),
		cmocka_unit_test(test_zero_connection_changes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
