/* test_scenario_ranges.c: the range of every value a scenario gives,
 * products of factors, numbers in plain decimal, and shift ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/models/scenario_cases.h"

/* ------------------------------------------------------------------ */
/* Ranges: every numeric key is bounded, and so are products of factors */

#define POOLS_WITH(key) "pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	"    " key "\n    shifts:\n"

/* Each value below passed check, then hung, crashed or printed inf. */
static const struct bad_case bad_per_hour_huge = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 1e9}\n" HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:5:24: lines.999.volume.per_hour: ",
	"1e9 is too large; must be a number of calls an hour from 0 to 36000"};
static const struct bad_case bad_month_huge = {
	HEAD L999 "    months: {apr: 1e20}\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:19: lines.999.months.apr: ",
	"1e20 is too large; must be a factor from 0 to 100"};
static const struct bad_case bad_surge_factor_huge = {
	HEAD L999 "    surges: [{start: \"sat 22:00\", hours: 4, factor: 1e6}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:53: lines.999.surges.0.factor: ",
	"1e6 is too large; must be a factor from 0 to 1000"};
static const struct bad_case bad_cost_huge = {
	HEAD L999 HANDLE ANSWER POOLS_WITH("cost_per_fte: 1e308") SHIFT,
	"t.yaml:11:19: pools.emergency.cost_per_fte: ",
	"1e308 is too large; must be an annual cost from 0 to 1e8"};
static const struct bad_case bad_week_hours_tiny = {
	HEAD L999 HANDLE ANSWER POOLS_WITH("hours_per_week: 1e-300") SHIFT,
	"t.yaml:11:21: pools.emergency.hours_per_week: ",
	"1e-300 is too small; must be a number of hours from 1 to 168"};
static const struct bad_case bad_travel_factor_huge = {
	RCALLS RESP_WITH(GRADES, "  - {name: north, share: 0.625, neighbours: "
			 "[south], travel_factor: 1e308}\n", A_S, R_RESP,
			 R_HOOD, U_N, U_S),
	"t.yaml:26:69: areas.north.travel_factor: ",
	"1e308 is too large; must be a positive factor, at most 100"};
static const struct bad_case bad_handle_mean_huge = {
	HEAD L999 "    handle: {dist: exponential, mean: 1e300}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ",
	"1e300 is too large; must be a positive number of seconds, at most 1e9"};
/* 1 call a second x 50 in December x a surge of 30, in a run of a week
 * of December: each factor is within its range, their product is not. */
static const struct bad_case bad_peak_rate = {
	"name: t\nrun: {days: 7, replications: 3, start_date: \"2024-12-02\"}\n"
	"lines:\n  - name: \"999\"\n    volume: {per_hour: 3600}\n"
	"    months: {dec: 50}\n"
	"    surges: [{start: \"fri 18:00\", hours: 8, factor: 30}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:5:13: lines.999.volume: ",
	"at its peak, from 2024-12-06 18:00, the line has 1500 calls a second: "
	"1 on average x 1500 (its profile, month and surges then); must be at "
	"most 1000 calls a second"};
/* Surges multiply where they overlap, here across the end of the week,
 * in a run of eight days that reaches the second Monday's 01:00. */
static const struct bad_case bad_peak_surges_overlap = {
	"name: t\nrun: {days: 8, replications: 3}\nlines:\n"
	"  - name: \"999\"\n    volume: {per_hour: 3600}\n"
	"    surges: [{start: \"sun 22:00\", hours: 4, factor: 40}, "
	"{start: \"mon 01:00\", hours: 1, factor: 40}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:5:13: lines.999.volume: ",
	"at its peak, from 2024-04-08 01:00, the line has 1600 calls a second"};
static const struct bad_case bad_shift_hours_tiny = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 0.0001, staff: 12}\n",
	"t.yaml:12:44: pools.emergency.shifts.day.hours: ",
	"0.0001 is too small; must be a number of hours from 1/3600"};
#define S16 "0123456789abcdef"
#define S256 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16
/* Cut to fit, a name could end inside a UTF-8 character. */
static const struct bad_case bad_title_too_long = {
	"name: \"" S256 "\"\nrun: {days: 7, replications: 3}\nlines:\n" L999
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:1:7: name: ", "the name is 256 bytes long; must be at most 255"};

/* The products are bounded, not the factors alone: the same surges apart
 * pass, and a travel mean that stays within 1e9 s with the factors. */
static void test_factor_products(void **state)
{
	const char *apart = HEAD "  - name: \"999\"\n"
		"    volume: {per_hour: 3600}\n"
		"    surges: [{start: \"sun 22:00\", hours: 4, factor: 40}, "
		"{start: \"mon 03:00\", hours: 1, factor: 40}]\n"
		HANDLE ANSWER POOLS SHIFT;
	const char *ok[] = {"grades.emergency.travel={dist: exponential, "
			    "mean: 4e8}"};
	struct scenario *sc = expect_good("t.yaml", apart, NULL, 0);

	(void)state;
	assert_int_equal(sc->lines[0].demand.n_surges, 2);
	scenario_free(sc);
	/* 4e8 s x travel_factor 1.25 x cross_border_factor 1.75. */
	sc = expect_good("t.yaml", RGOOD DISPATCH, ok, 1);
	scenario_free(sc);
	expect_bad_set(RGOOD DISPATCH, "grades.emergency.travel={dist: "
		       "exponential, mean: 5e8}", "--set grades.emergency."
		       "travel={dist: exponential, mean: 5e8}: "
		       "grades.emergency.travel: ", "a mean of 5e+08 s x 2.1875 "
		       "(travel_factor 1.25 of area north x cross_border_factor "
		       "across a border) is 1.094e+09 s; must be at most 1e9 s");
	expect_bad_set(RGOOD, "dispatch.cross_border_factor=1e308",
		       "--set dispatch.cross_border_factor=1e308: "
		       "dispatch.cross_border_factor: ",
		       "1e308 is too large; must be a factor from 1 to 100");
}

/* ------------------------------------------------------------------ */
/* Numbers in plain decimal; shift ends                                */

static const struct bad_case bad_hex = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 0x10}\n" HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:5:24: lines.999.volume.per_hour: ",
	"'0x10' is not a plain decimal number (hexadecimal, octal and leading "
	"zeros are not read); must be a number of calls an hour"};
/* YAML 1.1 reads 010 as 8; strtod as 10. */
static const struct bad_case bad_octal = {
	"name: t\nrun: {days: 010, replications: 3}\nlines:\n" L999 HANDLE
	ANSWER POOLS SHIFT,
	"t.yaml:2:13: run.days: ", "'010' is not a plain decimal number"};
static const struct bad_case bad_seed_hex = {
	"name: t\nrun: {seed: 0x10}\nlines:\n" L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:13: run.seed: ", "'0x10' is not a plain decimal number"};
static const struct bad_case bad_hex_float = {
	HEAD L999 "    handle: {dist: exponential, mean: 0x1p8}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ",
	"'0x1p8' is not a plain decimal number"};
static const struct bad_case bad_infinity_word = {
	HEAD L999 "    handle: {dist: exponential, mean: infinity}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ", "'infinity' is not a number"};
static const struct bad_case bad_shift_end_is_start = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"08:00\", end: \"08:00\", staff: 12}\n",
	"t.yaml:12:42: pools.emergency.shifts.day.end: ",
	"shift ends at 08:00, the time it starts; for a 24-hour shift give "
	"hours: 24 or end: \"32:00\""};

/* Every plain decimal spelling is read, zero and signs included; a shift
 * of one second (1/3600 h) is the shortest. */
static void test_plain_decimal(void **state)
{
	const char *text = "name: t\nrun: {days: 7., replications: 3, "
		"seed: 0}\nlines:\n"
		"  - name: \"999\"\n    volume: {per_hour: +8.36e1}\n"
		HANDLE "    answer: {within_s: -0, goal: .9}\n" POOLS
		"      - {name: day, start: \"07:00\", "
		"hours: 0.0002777777777777778, staff: 0}\n";
	struct scenario *sc = expect_good("t.yaml", text, NULL, 0);

	(void)state;
	assert_seconds_near(sc->run.days, 7, 0);
	assert_seconds_near(sc->lines[0].demand.mean_rate_per_s * 3600, 83.6,
			    1e-12);
	assert_seconds_near(sc->lines[0].goal, 0.9, 0);
	assert_seconds_near(sc->pools[0].shifts[0].duration_s, 1, 0);
	scenario_free(sc);
}

#define BAD(c) {#c, run_bad_case, NULL, NULL, (void *)&c}

/* The writers' cost rows name the totals "total" (and "pools"): a pool may
 * take neither name. */
static void test_reserved_pool_names(void **state)
{
	(void)state;
	expect_bad(HEAD L999 HANDLE ANSWER "pools:\n  - name: total\n"
		   "    serves: [\"999\"]\n    shifts:\n" SHIFT,
		   "t.yaml:9:11: pools.total.name: ", "'total' is reserved");
	expect_bad(HEAD L999 HANDLE ANSWER "pools:\n  - name: pools\n"
		   "    serves: [\"999\"]\n    shifts:\n" SHIFT,
		   "t.yaml:9:11: pools.pools.name: ", "'pools' is reserved");
}

/* The peak is the run's: factors that never meet in it are not
 * multiplied. A line of 10 calls a second with a x30 surge on Friday
 * evenings, in a week of April that December's x50 never reaches, peaks
 * at 300 calls a second; with a profile 20 times as high on Mondays as
 * on other days (Monday 53.8 calls a second), at 80.8 under the surge.
 * Both load, where a product of the highest of each (15,000 and 1,615)
 * refused them. */
#define PEAK_LINE(more) HEAD "  - name: \"999\"\n    volume: {per_hour: " \
	"36000}\n    surges: [{start: \"fri 18:00\", hours: 8, factor: 30}]\n" \
	more HANDLE ANSWER POOLS SHIFT
static void test_peak_rate_of_the_run(void **state)
{
	char profile[2048], text[4096];
	size_t n = (size_t)snprintf(profile, sizeof profile, "    profile: [");

	(void)state;
	for (int h = 0; h < 168; h++)
		n += (size_t)snprintf(profile + n, sizeof profile - n, "%s%d",
				      h ? ", " : "", h < 24 ? 20 : 1);
	snprintf(profile + n, sizeof profile - n, "]\n");
	scenario_free(expect_good("t.yaml", PEAK_LINE("    months: {dec: 50}\n"),
				  NULL, 0));
	snprintf(text, sizeof text, PEAK_LINE("%s"), profile);
	scenario_free(expect_good("t.yaml", text, NULL, 0));
}

/* A surge's weeks: a list of plain numbers (a row kind of the schema),
 * each a run week from 1, not empty, kept in the order given. */
#define SURGE_WEEKS(w) HEAD L999 "    surges: [{start: \"sat 22:00\", " \
	"hours: 4, factor: 2, weeks: " w "}]\n" HANDLE ANSWER POOLS SHIFT
static void test_surge_weeks(void **state)
{
	struct scenario *sc = expect_good("t.yaml", SURGE_WEEKS("[5, 2]"),
					  NULL, 0);

	(void)state;
	assert_int_equal(sc->lines[0].demand.surges[0].n_weeks, 2);
	assert_int_equal(sc->lines[0].demand.surges[0].weeks[0], 5);
	assert_int_equal(sc->lines[0].demand.surges[0].weeks[1], 2);
	scenario_free(sc);
	expect_bad(SURGE_WEEKS("[]"), "t.yaml:6:63: lines.999.surges.0.weeks: ",
		   "is empty; give run weeks from 1, or leave weeks out for "
		   "every week");
	expect_bad(SURGE_WEEKS("[2, 0]"),
		   "t.yaml:6:67: lines.999.surges.0.weeks.1: ",
		   "must be a run week number from 1 to 1000000");
	expect_bad(SURGE_WEEKS("2"), "t.yaml:6:63: lines.999.surges.0.weeks: ",
		   "must be a list of run weeks from 1, such as [2, 5]");
}

/* A run may start on any day of the week. The start date's weekday is
 * worked out by arithmetic (mktime reads the time zone, which threads
 * share): it must agree with mktime on every date, and the leap days of
 * 1900, 2000 and 2100 are read as the calendar has them. */
static void test_start_date_weekdays(void **state)
{
	char text[1024], date[48];
	struct tm tm;

	(void)state;
	/* Every day of the week is a start: time 0 is its 00:00. */
	for (int k = 0; k < 200 * 365; k += 61) {
		struct scenario *sc;

		memset(&tm, 0, sizeof tm);
		tm.tm_year = 0;
		tm.tm_mday = 1 + k;
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		assert_true(mktime(&tm) != (time_t)-1);
		snprintf(date, sizeof date, "%04d-%02d-%02d",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		snprintf(text, sizeof text, "name: t\nrun: {days: 7, "
			 "start_date: \"%s\"}\nlines:\n" L999 HANDLE ANSWER
			 POOLS SHIFT, date);
		sc = expect_good("t.yaml", text, NULL, 0);
		assert_int_equal(sc->run.start.year, tm.tm_year + 1900);
		assert_int_equal(sc->run.start.month, tm.tm_mon + 1);
		assert_int_equal(sc->run.start.mday, tm.tm_mday);
		assert_int_equal(demand_weekday(sc->run.start),
				 (tm.tm_wday + 6) % 7);
		scenario_free(sc);
	}
	expect_bad("name: t\nrun: {days: 7, start_date: \"1900-02-29\"}\n"
		   "lines:\n" L999 HANDLE ANSWER POOLS SHIFT,
		   "t.yaml:2:28: run.start_date: ", "is not a date");
	scenario_free(expect_good("t.yaml", "name: t\nrun: {days: 7, "
				  "start_date: \"2000-02-29\"}\nlines:\n"
				  L999 HANDLE ANSWER POOLS SHIFT, NULL, 0));
	expect_bad("name: t\nrun: {days: 7, start_date: \"2100-02-29\"}\n"
		   "lines:\n" L999 HANDLE ANSWER POOLS SHIFT,
		   "t.yaml:2:28: run.start_date: ", "is not a date");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reserved_pool_names),
		BAD(bad_per_hour_huge),
		BAD(bad_month_huge),
		BAD(bad_surge_factor_huge),
		BAD(bad_cost_huge),
		BAD(bad_week_hours_tiny),
		BAD(bad_travel_factor_huge),
		BAD(bad_handle_mean_huge),
		BAD(bad_peak_rate),
		BAD(bad_peak_surges_overlap),
		BAD(bad_shift_hours_tiny),
		BAD(bad_title_too_long),
		cmocka_unit_test(test_factor_products),
		cmocka_unit_test(test_peak_rate_of_the_run),
		BAD(bad_hex),
		BAD(bad_octal),
		BAD(bad_seed_hex),
		BAD(bad_hex_float),
		BAD(bad_infinity_word),
		BAD(bad_shift_end_is_start),
		cmocka_unit_test(test_plain_decimal),
		cmocka_unit_test(test_start_date_weekdays),
		cmocka_unit_test(test_surge_weeks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
