/* fuzz_run.c: libFuzzer harness that loads a scenario from arbitrary bytes
 * and, when it is accepted, runs one replication of one day of it.
 *
 * This is where extreme but accepted values show: a time that becomes
 * infinite or NaN, an event that never advances the clock, a queue that
 * grows without bound. Run it with a short -timeout (see docs/fuzzing.md)
 * so a hang is reported rather than waited for.
 *
 * Only scenarios with at most FUZZ_RUN_CALLS_MAX expected first calls over
 * the run are simulated: a large but finite load is slow, not wrong, and
 * would only make each execution slower. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "models/replication.h"
#include "models/demand.h"
#include "callsim_config.h"
#include "models/scenario.h"
#include "sim/sim_err.h"
#include "tests/fuzz/fuzz_check.h"

#define FUZZ_RUN_CALLS_MAX 20000.0

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


/* Expected first calls over the whole run, all lines; INFINITY when a rate
 * plan cannot be made (the run would then fail the same way). */
static double expected_calls(const struct scenario *sc)
{
	double horizon_s = scenario_horizon_s(sc), sum = 0.0;
	size_t i;

	for (i = 0; i < sc->n_lines; i++) {
		struct sim_err err;
		struct demand_plan *plan;

		sim_err_clear(&err);
		plan = demand_plan_new(&sc->lines[i].demand, sc->run.start,
				     horizon_s, &err);
		if (!plan)
			return INFINITY;
		sum += demand_plan_expected(plan, 0.0, horizon_s);
		demand_plan_free(plan);
	}
	return sum;
}

/* Runs replication 0 and checks that it either finishes or fails with a
 * message. */
static void run_one(const struct scenario *sc)
{
	struct replication_result *res = replication_result_new(sc);
	struct sim_err err;
	enum sim_status st;

	if (!res)
		return;
	sim_err_clear(&err);
	st = replication_run(sc, 0, res, &err);
	FUZZ_CHECK(st == SIM_OK || err.n_lines > 0);
	replication_result_free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* One day, as `--set run.days=1` would make it; the warm-up stays as
	 * the input gives it. */
	const char *const one_day[] = { "run.days=1" };
	struct scenario_source src = { CALLSIM_SOURCEDIR "/scenarios/fuzz.yaml",
				       (const char *)data, size,
				       one_day, 1, NULL };
	struct scenario *sc = NULL;
	struct sim_err err;
	enum sim_status st;
	double calls;

	sim_err_clear(&err);
	st = scenario_load(&src, &sc, &err);
	fuzz_check_load(st, sc, &err);
	if (!sc)
		return 0;
	calls = expected_calls(sc);
	if (calls <= FUZZ_RUN_CALLS_MAX)
		run_one(sc);
	scenario_free(sc);
	return 0;
}
