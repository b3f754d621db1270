/* test_scenario_deferrable.c: deferrable work as the loader reads it
 * (models/scenario_deferrable.c): good values kept where the model looks
 * for them, and every way they can be wrong reported at its position,
 * with what is allowed. */
#include "scenario_cases.h"

#include <math.h>

/* The good scenario's twelve lines, then a stream:
 *   13 deferrable:  14 name  15 volume  16 handle  17 answer  18 pool
 *   19 what `more` adds */
#define DEFER(volume, handle, answer, pool, more) GOOD "deferrable:\n" \
	"  - name: chat\n" volume handle answer pool more
#define VOL "    volume: {per_day: 240}\n"
#define HDL "    handle: {dist: exponential, mean: 600}\n"
#define ANS "    answer: {within_h: 24, goal: 0.95}\n"
#define POOL "    pool: emergency\n"
#define STREAM(more) DEFER(VOL, HDL, ANS, POOL, more)

static void test_stream_is_kept(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml", STREAM(
		"    months: {dec: 1.5}\n"), NULL, 0);
	const struct deferrable_spec *d = &sc->deferrable[0];

	assert_int_equal(sc->n_deferrable, 1);
	assert_string_equal(d->work.name, "chat");
	assert_seconds_near(d->work.demand.mean_rate_per_s, 240.0 / 86400, 1e-15);
	assert_seconds_near(d->work.demand.month_factor[11], 1.5, 0);
	assert_seconds_near(d->work.demand.month_factor[0], 1, 0);
	assert_int_equal(d->work.demand.n_slots, 168);
	assert_seconds_near(d->work.handle.mean, 600, 0);
	assert_seconds_near(d->work.target_s, 24 * 3600.0, 0);
	assert_seconds_near(d->work.goal, 0.95, 0);
	assert_int_equal(d->pool, 0);
	scenario_free(sc);

	/* Without a goal, the share within target has no verdict. */
	sc = expect_good("t.yaml", DEFER(VOL, HDL,
		"    answer: {within_h: 2}\n", POOL, ""), NULL, 0);
	assert_true(isnan(sc->deferrable[0].work.goal));
	scenario_free(sc);
	/* Without the key, no deferrable work. */
	sc = expect_good("t.yaml", GOOD, NULL, 0);
	assert_int_equal(sc->n_deferrable, 0);
	scenario_free(sc);
}

/* A stream's peak rate, its volume at its profile's peak in its highest
 * month, is bounded as a line's: 10 items a second on average, all in one
 * hour of the week, is 1680 a second there. */
static void test_peak_rate_is_bounded(void **state)
{
	char text[4096];
	size_t n;

	(void)state;
	n = (size_t)snprintf(text, sizeof text, "%s", DEFER(
		"    volume: {per_hour: 36000}\n", HDL, ANS, POOL,
		"    profile: [1"));
	for (int h = 1; h < 168; h++)
		n += (size_t)snprintf(text + n, sizeof text - n, ", 0");
	snprintf(text + n, sizeof text - n, "]\n");
	expect_bad(text, "t.yaml:15:13: deferrable.chat.volume:",
		   "at its peak, from 2024-04-01 00:00, the stream has 1680 "
		   "items a second");
}

/* --set reaches a stream's keys through the schema. */
static void test_set_reaches_stream(void **state)
{
	static const char *const ovr[] = {
		"deferrable.chat.answer.within_h=8",
		"deferrable.chat.volume.per_day=12"};
	(void)state;
	struct scenario *sc = expect_good("t.yaml", STREAM(""), ovr, 2);

	assert_seconds_near(sc->deferrable[0].work.target_s, 8 * 3600.0, 0);
	assert_seconds_near(sc->deferrable[0].work.demand.mean_rate_per_s,
			    12.0 / 86400, 1e-15);
	scenario_free(sc);
	expect_bad_set(STREAM(""), "deferrable.chat.answer.goal=1.5",
		       "--set deferrable.chat.answer.goal=1.5",
		       "must be a fraction with 0 < goal <= 1");
}

static const struct bad_case no_pool = {DEFER(VOL, HDL, ANS, "", ""),
	"t.yaml:14:5: deferrable.chat:",
	"missing key 'pool'; give the name of one of the pools"};
static const struct bad_case unknown_pool = {DEFER(VOL, HDL, ANS,
	"    pool: chat-desk\n", ""),
	"t.yaml:18:11: deferrable.chat.pool:",
	"no pool named 'chat-desk'; pools are: emergency"};
static const struct bad_case no_volume = {DEFER("", HDL, ANS, POOL, ""),
	"t.yaml:14:5: deferrable.chat:",
	"missing key 'volume'"};
static const struct bad_case two_volumes = {DEFER(
	"    volume: {per_day: 240, per_hour: 10}\n", HDL, ANS, POOL, ""),
	"t.yaml:15:28: deferrable.chat.volume.per_hour:",
	"a second volume; give exactly one of per_year, per_day, per_hour"};
static const struct bad_case no_handle = {DEFER(VOL, "", ANS, POOL, ""),
	"t.yaml:14:5: deferrable.chat:",
	"missing key 'handle'"};
static const struct bad_case no_answer = {DEFER(VOL, HDL, "", POOL, ""),
	"t.yaml:14:5: deferrable.chat:",
	"missing key 'answer'"};
static const struct bad_case within_too_long = {DEFER(VOL, HDL,
	"    answer: {within_h: 200}\n", POOL, ""),
	"t.yaml:17:24: deferrable.chat.answer.within_h:",
	"200 is too large; must be a number of hours with 0 < hours <= 168"};
static const struct bad_case within_zero = {DEFER(VOL, HDL,
	"    answer: {within_h: 0}\n", POOL, ""),
	"t.yaml:17:24: deferrable.chat.answer.within_h:",
	"must be a number of hours with 0 < hours <= 168"};
static const struct bad_case within_s = {DEFER(VOL, HDL,
	"    answer: {within_s: 60}\n", POOL, ""),
	"t.yaml:17:14: deferrable.chat.answer:",
	"unknown key 'within_s'"};
static const struct bad_case bad_profile = {STREAM(
	"    profile: [1, 2, 3]\n"),
	"t.yaml:19:14: deferrable.chat.profile:",
	"has 3 factors; must have 168 (one an hour, Monday 00:00 first) or "
	"672 (one a quarter-hour)"};
static const struct bad_case surges_refused = {STREAM(
	"    surges: []\n"),
	"t.yaml:19:5: deferrable.chat:",
	"unknown key 'surges'"};
static const struct bad_case duplicate = {STREAM(
	"  - name: chat\n" VOL HDL ANS POOL),
	"t.yaml:19:11: deferrable.chat:",
	"duplicate deferrable stream name 'chat' (also at line 14)"};

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_is_kept),
		cmocka_unit_test(test_set_reaches_stream),
		cmocka_unit_test(test_peak_rate_is_bounded),
		BAD(no_pool), BAD(unknown_pool), BAD(no_volume),
		BAD(two_volumes), BAD(no_handle), BAD(no_answer),
		BAD(within_too_long), BAD(within_zero), BAD(within_s),
		BAD(bad_profile), BAD(surges_refused),
		BAD(duplicate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
