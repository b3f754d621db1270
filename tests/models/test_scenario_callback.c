/* test_scenario_callback.c: a line's call-backs and connection time as
 * the loader reads them (models/scenario_schema_callback.c,
 * scenario_callback.c): good values kept where the model looks for
 * them, and every way they can be wrong reported at its position, with
 * what is allowed. */
#include "scenario_cases.h"

/* GOOD with a line 8 of the 999 line's own (callback or connection). */
#define WITH(line8) HEAD L999 HANDLE ANSWER line8 POOLS SHIFT
#define CB(body) "    callback: {" body "}\n"
#define CB_OK "probability: 0.5, target_s: 3600, handle: {dist: " \
	"exponential, mean: 180}, pool: emergency"

static void test_callback_is_kept(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml",
		WITH(CB(CB_OK ", priority: before_own")), NULL, 0);
	const struct callback_spec *cb = &sc->lines[0].callback;

	assert_seconds_near(cb->probability, 0.5, 0);
	assert_seconds_near(cb->target_s, 3600, 0);
	assert_int_equal(cb->handle.kind, DIST_EXPONENTIAL);
	assert_seconds_near(cb->handle.mean, 180, 0);
	assert_int_equal(cb->pool, 0);
	assert_int_equal(cb->ahead, 1);
	assert_false(sc->lines[0].has_connection);
	scenario_free(sc);

	/* After the pool's own lines by default; none without the key. */
	sc = expect_good("t.yaml", WITH(CB(CB_OK)), NULL, 0);
	assert_int_equal(sc->lines[0].callback.ahead, 0);
	scenario_free(sc);
	sc = expect_good("t.yaml", GOOD, NULL, 0);
	assert_seconds_near(sc->lines[0].callback.probability, 0, 0);
	scenario_free(sc);
}

static void test_connection_is_kept(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml", WITH(
		"    connection: {dist: lognormal, mean: 6, sd: 3}\n"), NULL, 0);

	assert_true(sc->lines[0].has_connection);
	assert_int_equal(sc->lines[0].connection.kind, DIST_LOGNORMAL);
	assert_seconds_near(sc->lines[0].connection.mean, 6, 0);
	scenario_free(sc);
}

static void test_callback_pool_must_exist(void **state)
{
	(void)state;
	expect_bad(WITH(CB("probability: 0.5, target_s: 3600, handle: {dist: "
			   "exponential, mean: 180}, pool: nobody")),
		   "t.yaml:8:96: lines.999.callback.pool:",
		   "no pool named 'nobody'; pools are: emergency");
}

static void test_callback_values_are_bounded(void **state)
{
	(void)state;
	expect_bad(WITH(CB("probability: 1.5, target_s: 3600, handle: {dist: "
			   "exponential, mean: 180}, pool: emergency")),
		   "t.yaml:8:29: lines.999.callback.probability:",
		   "a probability from 0 to 1");
	expect_bad(WITH(CB("probability: 0.5, target_s: 0, handle: {dist: "
			   "exponential, mean: 180}, pool: emergency")),
		   "t.yaml:8:44: lines.999.callback.target_s:",
		   "a positive number of seconds, at most 1e9");
	expect_bad(WITH(CB("probability: 0.5, target_s: 60, pool: emergency")),
		   "t.yaml:8:15: lines.999.callback:", "handle");
	/* The pool is read after the walk, once the pools are: missing, it
	 * is reported, not taken as whatever the record held. */
	expect_bad(WITH(CB("probability: 0.5, target_s: 60, handle: {dist: "
			   "exponential, mean: 180}")),
		   "t.yaml:8:15: lines.999.callback:",
		   "missing key 'pool'; give the name of a pool");
	expect_bad(WITH(CB(CB_OK ", priority: first")),
		   "t.yaml:8:117: lines.999.callback.priority:",
		   "after_own, before_own");
	expect_bad(WITH("    connection: {dist: exponential, mean: -1}\n"),
		   "t.yaml:8:43: lines.999.connection.mean:",
		   "a positive number of seconds");
}

/* Call-backs and routing between queues go together: the call-back
 * keeps its named pool, and the pool its reserve. */
static void test_callback_with_routing(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml",
		HEAD L999 HANDLE ANSWER CB(CB_OK)
		"  - name: \"101\"\n    volume: {per_hour: 86.2}\n"
		HANDLE ANSWER POOLS SHIFT
		"  - name: shared\n    serves: [\"999\", \"101\"]\n"
		"    reserve: [{line: \"101\", keep: 1}]\n"
		"    shifts: [{name: day, start: \"07:00\", hours: 10, "
		"staff: 9}]\n", NULL, 0);

	assert_int_equal(sc->lines[0].callback.pool, 0);
	assert_int_equal(sc->pools[1].n_reserve, 1);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_callback_is_kept),
		cmocka_unit_test(test_connection_is_kept),
		cmocka_unit_test(test_callback_pool_must_exist),
		cmocka_unit_test(test_callback_values_are_bounded),
		cmocka_unit_test(test_callback_with_routing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
