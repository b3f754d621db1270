/* test_scenario_events.c: dated events from an events CSV
 * (models/scenario_events.c): dates turned into scenario times over the
 * run, events that miss the run, the bound on their product, and every
 * way a file can be wrong, with FILE:LINE:COL and the message. */
#include "tests/models/scenario_cases.h"

#include <unistd.h>

#include <gsl/gsl_cdf.h>

#include "models/replication.h"

/* Two lines, 999 and 101, on one pool; run from Monday 2024-04-01, 7 days
 * after a day's warm-up; and an events key naming e.csv. */
#define L101 "  - name: \"101\"\n    volume: {per_hour: 86.2}\n" HANDLE ANSWER
#define POOLS2 "pools:\n  - name: all\n    serves: [\"999\", \"101\"]\n" \
	       "    shifts:\n"
#define EVENTS HEAD L999 HANDLE ANSWER L101 POOLS2 SHIFT "events: e.csv\n"

struct ev_dir {
	char dir[64], yaml[128], csv[128];
};

/* Loads the scenario text with e.csv holding csv, from a fresh
 * directory. */
static enum sim_status ev_load_text(const char *text, const char *csv,
				    struct scenario **sc, struct sim_err *err,
				    struct ev_dir *d)
{
	FILE *f;

	snprintf(d->dir, sizeof d->dir, "/tmp/callsim-events-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	snprintf(d->yaml, sizeof d->yaml, "%s/t.yaml", d->dir);
	snprintf(d->csv, sizeof d->csv, "%s/e.csv", d->dir);
	f = fopen(d->csv, "w");
	assert_non_null(f);
	fputs(csv, f);
	fclose(f);
	return load(d->yaml, text, NULL, 0, sc, err);
}

/* Loads EVENTS with e.csv holding csv, from a fresh directory. */
static enum sim_status ev_load(const char *csv, struct scenario **sc,
			       struct sim_err *err, struct ev_dir *d)
{
	return ev_load_text(EVENTS, csv, sc, err, d);
}

static void replications_free_all(struct replication_result **res,
				  unsigned n)
{
	for (unsigned r = 0; r < n; r++)
		replication_result_free(res[r]);
	free(res);
}

static void ev_clean(const struct ev_dir *d)
{
	unlink(d->csv);
	rmdir(d->dir);
}

static struct scenario *ev_good(const char *csv)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;

	if (ev_load(csv, &sc, &err, &d) != SIM_OK)
		fail_msg("%s", err.text);
	ev_clean(&d);
	return sc;
}

/* csv must be refused with a problem at e.csv:LINE:COL containing frag. */
static void ev_bad(const char *csv, const char *at, const char *frag)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;
	char prefix[256];

	assert_int_equal(ev_load(csv, &sc, &err, &d), SIM_ESCENARIO);
	assert_null(sc);
	/* A problem of the whole file is the key's, in the scenario. */
	snprintf(prefix, sizeof prefix, "%s/%s: events: ", d.dir, at);
	assert_problem(&err, prefix, frag);
	ev_clean(&d);
}

/* New Year's Eve is outside the run; 2024-04-03 18:00 for 6 hours is
 * day 2 of scenario time; an empty cell is a factor of 1, which makes no
 * window; the label column is read past. */
static void test_events_become_windows(void **state)
{
	struct scenario *sc = ev_good(
		"# events\n"
		"date,start,hours,999,101,event\n"
		"2024-04-03,18:00,6,2.5,,a match\n"
		"2024-04-06,00:00,48,1.2,1.4,heat\n"
		"2025-12-31,18:00,12,1.6,1.2,New Year's Eve\n");
	const struct demand_spec *a = &sc->lines[0].demand;
	const struct demand_spec *b = &sc->lines[1].demand;

	(void)state;
	assert_string_equal(sc->events, "e.csv");
	assert_int_equal(a->n_windows, 2);
	assert_seconds_near(a->windows[0].start_s, 2 * 86400.0 + 18 * 3600.0, 0);
	assert_seconds_near(a->windows[0].duration_s, 6 * 3600.0, 0);
	assert_seconds_near(a->windows[0].factor, 2.5, 0);
	assert_seconds_near(a->windows[1].start_s, 5 * 86400.0, 0);
	assert_int_equal(b->n_windows, 1);
	assert_seconds_near(b->windows[0].factor, 1.4, 0);
	scenario_free(sc);
}

/* An event that begins before time 0 but reaches into the run counts. */
static void test_event_reaching_into_the_run(void **state)
{
	struct scenario *sc = ev_good("date,start,hours,999\n"
				      "2024-03-31,22:00,4,3\n");

	(void)state;
	assert_int_equal(sc->lines[0].demand.n_windows, 1);
	assert_seconds_near(sc->lines[0].demand.windows[0].start_s, -7200.0, 0);
	scenario_free(sc);
}

static void test_bad_files(void **state)
{
	(void)state;
	ev_bad("date,start,hours,999\n2024-02-30,18:00,6,2\n", "e.csv:2:1",
	       "'2024-02-30' is not a date; must be a date \"YYYY-MM-DD\"");
	ev_bad("date,start,hours,999\n2024-04-03,25:00,6,2\n", "e.csv:2:12",
	       "'25:00' is not a time of day");
	ev_bad("date,start,hours,999\n2024-04-03,18:00,0,2\n", "e.csv:2:18",
	       "'0' is not a number of hours with 0 < hours <= 744");
	ev_bad("date,start,hours,999\n2024-04-03,18:00,745,2\n", "e.csv:2:18",
	       "hours <= 744");
	ev_bad("date,start,hours,999\n2024-04-03,18:00,6,1001\n", "e.csv:2:20",
	       "a factor from 0 to 1000, or empty for 1");
	ev_bad("date,start,hours,999\n2024-04-03,18:00,6,-1\n", "e.csv:2:20",
	       "a factor from 0 to 1000");
	ev_bad("date,start,hours,998\n", "e.csv:1:18",
	       "'998' is not a column; columns are date, start, hours, event "
	       "and the names of the lines");
	ev_bad("date,start,hours,999,999\n", "e.csv:1:22", "column '999' is given "
	       "twice");
	ev_bad("date,start,999\n", "e.csv:1:1", "must have date, start and hours");
	ev_bad("date,start,hours,999\n2024-04-03,18:00,6\n", "e.csv:2:1",
	       "this line has 3 cells and the first has 4");
	ev_bad("", "t.yaml:17:9", "has no lines; its first names the columns");
	/* Overlapping events multiply: 40 x 30 = 1200 > 1000, blamed on the
	 * later row's cell. */
	ev_bad("date,start,hours,999\n2024-04-03,18:00,6,40\n"
	       "2024-04-03,20:00,2,30\n", "e.csv:3:20",
	       "from 2024-04-03 20:00 the 2 events then in force (this one "
	       "the latest) multiply line 999's rate by 1200; the events in "
	       "force at one time may multiply it by at most 1000");
	/* The day-long 40 meets the 30 at 01:00 and, after it ends, the 30
	 * at 10:00: 1200 at most, whichever row comes last in the file. */
	ev_bad("date,start,hours,999\n2024-04-03,01:00,2,30\n"
	       "2024-04-03,10:00,2,30\n2024-04-03,00:00,24,40\n",
	       "e.csv:2:20", "from 2024-04-03 01:00 the 2 events then in force "
	       "(this one the latest) multiply line 999's rate by 1200;");
	/* 83.6 an hour, flat: 0.0232 a second; x 1000 is 23 a second, within
	 * the peak bound; the product bound is what refuses 1200. */
}

/* A line's peak rate counts its events: 30000 an hour (8.3 a second)
 * times 150 is 1250 calls a second, above SCENARIO_PEAK_RATE_MAX. */
static void test_peak_rate_counts_events(void **state)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;
	const char *ovr[] = {"lines.999.volume.per_hour=30000"};
	FILE *f;

	(void)state;
	snprintf(d.dir, sizeof d.dir, "/tmp/callsim-events-XXXXXX");
	assert_non_null(mkdtemp(d.dir));
	snprintf(d.yaml, sizeof d.yaml, "%s/t.yaml", d.dir);
	snprintf(d.csv, sizeof d.csv, "%s/e.csv", d.dir);
	f = fopen(d.csv, "w");
	assert_non_null(f);
	fputs("date,start,hours,999\n2024-04-03,18:00,6,150\n", f);
	fclose(f);
	assert_int_equal(load(d.yaml, EVENTS, ovr, 1, &sc, &err),
			 SIM_ESCENARIO);
	assert_problem(&err, d.csv, "at its peak, from 2024-04-03 18:00, "
		       "line 999 would have 1250 calls a second (8.333 without "
		       "events x 150, the events then in force); must be at "
		       "most 1000 calls a second");
	ev_clean(&d);
}

/* Events multiply only where they meet: the day-long 40 meets the 20 at
 * 01:00 and the 20 at 10:00, never both at once, so 800 is their peak
 * and the file loads (the three together would be 16000). */
static void test_events_apart_are_not_multiplied(void **state)
{
	struct scenario *sc = ev_good("date,start,hours,999\n"
				      "2024-04-03,01:00,2,20\n"
				      "2024-04-03,10:00,2,20\n"
				      "2024-04-03,00:00,24,40\n");

	(void)state;
	assert_int_equal(sc->lines[0].demand.n_windows, 3);
	scenario_free(sc);
}

/* An event whose hours are too few for its end to differ from its start
 * is in force only at its start: it never meets the x30 three days
 * later, whose product with its x40 would pass the bound. */
static void test_an_instant_event_meets_nothing(void **state)
{
	struct scenario *sc = ev_good("date,start,hours,999\n"
				      "2024-04-02,10:00,1e-12,40\n"
				      "2024-04-05,10:00,2,30\n");

	(void)state;
	assert_int_equal(sc->lines[0].demand.n_windows, 2);
	scenario_free(sc);
}

/* One line of 3600 calls an hour (1 a second, flat) with surges s1 and s2
 * (x30 each), run from Monday 2024-04-01, and an events key naming
 * e.csv. */
#define SURGED(s1, s2) "name: t\nrun: {days: 7, replications: 3}\nlines:\n" \
	"  - name: \"999\"\n    volume: {per_hour: 3600}\n    surges:\n" \
	"      - {start: \"" s1 "\", hours: 2, factor: 30}\n" \
	"      - {start: \"" s2 "\", hours: 2, factor: 30}\n" HANDLE ANSWER \
	POOLS SHIFT "events: e.csv\n"

/* Surges that never meet are not multiplied into the peak: on Monday and
 * Tuesday 10:00-12:00 the line has 30 calls a second, and an event of 2
 * on Wednesday gives it 2; the file loads (30 x 30 x 2 would be 1800). */
static void test_surges_apart_are_not_multiplied(void **state)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	if (ev_load_text(SURGED("mon 10:00", "tue 10:00"),
			 "date,start,hours,999\n2024-04-03,18:00,2,2\n", &sc,
			 &err, &d) != SIM_OK)
		fail_msg("%s", err.text);
	ev_clean(&d);
	assert_int_equal(sc->lines[0].demand.n_windows, 1);
	scenario_free(sc);
}

/* Surges that meet do multiply: from Monday 11:00 to 12:00 both are in
 * force (900 a second), and an event of 1.5 from 11:30 takes the line to
 * 1350, when and where the message says; the same event an hour later
 * meets one surge only (45 a second) and loads. */
static void test_surges_and_events_that_meet(void **state)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	assert_int_equal(ev_load_text(SURGED("mon 10:00", "mon 11:00"),
				      "date,start,hours,999\n"
				      "2024-04-01,11:30,1,1.5\n", &sc, &err,
				      &d), SIM_ESCENARIO);
	ev_clean(&d);
	assert_problem(&err, d.csv, ":2:20: events: at its peak, from "
		       "2024-04-01 11:30, line 999 would have 1350 calls a "
		       "second (900 without events x 1.5, the events then in "
		       "force); must be at most 1000 calls a second");
	if (ev_load_text(SURGED("mon 10:00", "mon 11:00"),
			 "date,start,hours,999\n2024-04-01,12:30,1,1.5\n", &sc,
			 &err, &d) != SIM_OK)
		fail_msg("%s", err.text);
	ev_clean(&d);
	scenario_free(sc);
}

/* On Sunday 2024-03-31 the clocks skip 01:00-02:00: a surge from 01:00
 * for 2 hours is in force from 02:00 BST, and an event from 00:30 for 3
 * hours meets it then, which the message says (not 01:00, which never
 * happens); an event from 00:30 ending at 01:15, in the skipped hour,
 * never meets it and loads. */
#define DST_RUN "name: t\nrun: {days: 7, replications: 3, start_date: " \
	"\"2024-03-25\"}\nlines:\n  - name: \"999\"\n    volume: " \
	"{per_hour: 3600}\n    surges:\n      - {start: \"sun 01:00\", " \
	"hours: 2, factor: 30}\n" HANDLE ANSWER POOLS SHIFT "events: e.csv\n"

static void test_peak_where_the_clocks_skip_an_hour(void **state)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	assert_int_equal(ev_load_text(DST_RUN, "date,start,hours,999\n"
				      "2024-03-31,00:30,3,40\n", &sc, &err, &d),
			 SIM_ESCENARIO);
	ev_clean(&d);
	assert_problem(&err, d.csv, ":2:20: events: at its peak, from "
		       "2024-03-31 02:00, line 999 would have 1200 calls a "
		       "second (30 without events x 40,");
	if (ev_load_text(DST_RUN, "date,start,hours,999\n"
			 "2024-03-31,00:30,0.75,40\n", &sc, &err, &d) != SIM_OK)
		fail_msg("%s", err.text);
	ev_clean(&d);
	scenario_free(sc);
}

/* DST_RUN's line from Monday 2024-10-21, with a x30 surge from Sunday
 * 01:30 for half an hour: on 2024-10-27 the clocks go back at 02:00, so
 * 01:30 comes twice, and the surge with it. */
#define AUTUMN_RUN "name: t\nrun: {days: 7, replications: 3, start_date: " \
	"\"2024-10-21\"}\nlines:\n  - name: \"999\"\n    volume: " \
	"{per_hour: 3600}\n    surges:\n      - {start: \"sun 01:30\", " \
	"hours: 0.5, factor: 30}\n" HANDLE ANSWER POOLS SHIFT "events: e.csv\n"

/* The peak is found in the hour the clocks repeat in October, where the
 * rate changes within it: a x40 from midnight meets the surge at 01:30
 * (1200 calls a second), as it would on any other Sunday. */
static void test_peak_where_the_clocks_repeat_an_hour(void **state)
{
	struct ev_dir d;
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	assert_int_equal(ev_load_text(AUTUMN_RUN, "date,start,hours,999\n"
				      "2024-10-27,00:00,6,40\n", &sc, &err, &d),
			 SIM_ESCENARIO);
	ev_clean(&d);
	assert_problem(&err, d.csv, ":2:20: events: at its peak, from "
		       "2024-10-27 01:30, line 999 would have 1200 calls a "
		       "second (30 without events x 40,");
}

/* A calls-only run of one flat line of 240 calls a day whose callers
 * never hang up (so no redial adds to a count), from Monday 2024-04-01,
 * 7 counted days after a day's warm-up, R replications, with e.csv. */
#define RUN "name: r\nrun: {days: 7, replications: 30, seed: 2385}\n" \
	"lines:\n  - {name: a, volume: {per_day: 240}, handle: {dist: " \
	"exponential, mean: 60}, answer: {within_s: 20}}\npools:\n" \
	"  - {name: p, serves: [a], shifts: [{name: d, start: \"00:00\", " \
	"hours: 24, staff: 30}]}\n"

static struct scenario *run_load(const char *csv, struct ev_dir *d)
{
	struct sim_err err;
	struct scenario *sc = NULL;
	FILE *f;

	snprintf(d->dir, sizeof d->dir, "/tmp/callsim-events-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	snprintf(d->yaml, sizeof d->yaml, "%s/t.yaml", d->dir);
	snprintf(d->csv, sizeof d->csv, "%s/e.csv", d->dir);
	f = fopen(d->csv, "w");
	assert_non_null(f);
	fputs(csv, f);
	fclose(f);
	if (load(d->yaml, csv[0] ? RUN "events: e.csv\n" : RUN, NULL, 0, &sc,
		 &err) != SIM_OK)
		fail_msg("%s", err.text);
	ev_clean(d);
	return sc;
}

/* The offered calls of counted day `day` against `expected`: the 99%
 * Student-t interval of their mean over the replications must hold it. */
static void assert_day_offered(struct replication_result **res, unsigned n,
			       size_t day, double expected)
{
	double mean = 0, ss = 0, half;

	for (unsigned r = 0; r < n; r++)
		mean += replication_dline_at(res[r], day, 0)[CC_D_OFFERED] / n;
	for (unsigned r = 0; r < n; r++) {
		double x = replication_dline_at(res[r], day, 0)[CC_D_OFFERED];

		ss += (x - mean) * (x - mean);
	}
	half = gsl_cdf_tdist_Pinv(0.995, n - 1) * sqrt(ss / (n - 1) / n);
	if (fabs(mean - expected) > half)
		fail_msg("day %zu: %.2f offered +/- %.2f, expected %.2f", day + 1,
			 mean, half, expected);
}

static struct replication_result **run_all(const struct scenario *sc)
{
	unsigned n = sc->run.replications;
	struct replication_result **res = calloc(n, sizeof *res);

	assert_non_null(res);
	for (unsigned r = 0; r < n; r++) {
		struct sim_err err;

		sim_err_clear(&err);
		res[r] = replication_result_new(sc);
		assert_int_equal(replication_run(sc, r, res[r], &err), SIM_OK);
	}
	return res;
}

/* Wednesday 2024-04-03 (counted day 2) is an event all day at 2.5: 600
 * calls expected; on Friday (day 4) 06:00-18:00 at 3 and 06:00-09:00 at
 * 2 more, overlapping events multiplying: 120 + 30 x 3 x 2 + 90 x 3 = 570;
 * the other days 240. */
static void test_offered_in_the_window_follows_the_factor(void **state)
{
	struct ev_dir d;
	struct scenario *sc = run_load("date,start,hours,a\n"
				       "2024-04-03,00:00,24,2.5\n"
				       "2024-04-05,06:00,12,3\n"
				       "2024-04-05,06:00,3,2\n", &d);
	struct replication_result **res = run_all(sc);
	static const double expected[7] = {240, 600, 240, 570, 240, 240, 240};

	(void)state;
	for (size_t day = 0; day < 7; day++)
		assert_day_offered(res, sc->run.replications, day, expected[day]);
	replications_free_all(res, sc->run.replications);
	scenario_free(sc);
}

/* Events whose dates the run misses leave the run as it was without the
 * file: every figure of every replication is the same bytes. */
static void test_events_the_run_misses_change_nothing(void **state)
{
	struct ev_dir d1, d2;
	struct scenario *a = run_load("", &d1);
	struct scenario *b = run_load("date,start,hours,a,event\n"
				      "2025-12-31,18:00,12,1.6,New Year's Eve\n"
				      "2024-03-31,00:00,24,3,the day before\n"
				      "2024-04-09,00:00,48,3,after the drain\n",
				      &d2);
	struct replication_result **ra, **rb;

	(void)state;
	a->run.replications = b->run.replications = 3;
	ra = run_all(a);
	rb = run_all(b);
	assert_int_equal(b->lines[0].demand.n_windows, 0);
	for (unsigned r = 0; r < 3; r++) {
		assert_memory_equal(ra[r]->line, rb[r]->line,
				    CC_LINE_METRICS * sizeof(double));
		assert_memory_equal(ra[r]->day_line, rb[r]->day_line,
				    7 * CC_DAY_LINE_METRICS * sizeof(double));
		assert_memory_equal(ra[r]->interval_line, rb[r]->interval_line,
				    HOURS_PER_WEEK * CC_INTERVAL_LINE_METRICS *
				    sizeof(double));
	}
	replications_free_all(ra, 3);
	replications_free_all(rb, 3);
	scenario_free(a);
	scenario_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_events_become_windows),
		cmocka_unit_test(test_event_reaching_into_the_run),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_peak_rate_counts_events),
		cmocka_unit_test(test_events_apart_are_not_multiplied),
		cmocka_unit_test(test_surges_apart_are_not_multiplied),
		cmocka_unit_test(test_surges_and_events_that_meet),
		cmocka_unit_test(test_peak_where_the_clocks_skip_an_hour),
		cmocka_unit_test(test_peak_where_the_clocks_repeat_an_hour),
		cmocka_unit_test(test_an_instant_event_meets_nothing),
		cmocka_unit_test(test_offered_in_the_window_follows_the_factor),
		cmocka_unit_test(test_events_the_run_misses_change_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
