/* test_demand.c: rate plans and arrival sampling. Expected volumes are
 * checked exactly against hand-worked sums; sampled arrivals are checked
 * against the profile with a chi-square test and for Poisson dispersion. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "models/demand.h"
#include "models/local_clock.h"
#include "models/week.h"

#define SEED 7310UL

/* A spec with every month factor 1 and no surges. */
static struct demand_spec flat_spec(double per_hour, size_t n_slots)
{
	struct demand_spec s;

	memset(&s, 0, sizeof s);
	s.mean_rate_per_s = per_hour / HOUR_S;
	s.n_slots = n_slots;
	for (size_t i = 0; i < n_slots; i++)
		s.profile[i] = 2.385;
	for (int m = 0; m < 12; m++)
		s.month_factor[m] = 1;
	return s;
}

static struct demand_plan *plan_ok(const struct demand_spec *s,
				 struct demand_date d, double horizon)
{
	struct sim_err err;
	struct demand_plan *p;

	sim_err_clear(&err);
	p = demand_plan_new(s, d, horizon, &err);
	assert_non_null(p);
	assert_int_equal(err.n_lines, 0);
	return p;
}

static const struct demand_date monday_2024 = {2024, 1, 1};

static void test_demand_weekday_of_known_dates(void **state)
{
	(void)state;
	assert_int_equal(demand_weekday((struct demand_date){2024, 1, 1}), 0);
	assert_int_equal(demand_weekday((struct demand_date){2025, 6, 11}), 2);
	assert_int_equal(demand_weekday((struct demand_date){2000, 2, 29}), 1);
	assert_int_equal(demand_weekday((struct demand_date){1900, 3, 1}), 3);
	assert_int_equal(demand_weekday((struct demand_date){1969, 12, 28}), 6);
	assert_int_equal(demand_weekday((struct demand_date){2100, 3, 1}), 0);
}

static void test_demand_month_of_day_handles_leap_years(void **state)
{
	struct demand_date leap = {2024, 1, 29}, plain = {2023, 1, 30};
	struct demand_date dec = {2024, 12, 30};

	(void)state;
	assert_int_equal(demand_month_of_day(leap, 2), 1);    /* 31 Jan */
	assert_int_equal(demand_month_of_day(leap, 31), 2);   /* 29 Feb */
	assert_int_equal(demand_month_of_day(leap, 32), 3);   /* 1 Mar */
	assert_int_equal(demand_month_of_day(plain, 29), 2);  /* 28 Feb */
	assert_int_equal(demand_month_of_day(plain, 30), 3);  /* 1 Mar */
	assert_int_equal(demand_month_of_day(dec, 1), 12);
	assert_int_equal(demand_month_of_day(dec, 2), 1);     /* 1 Jan 2025 */
	assert_int_equal(demand_month_of_day(dec, 367), 1);   /* 1 Jan 2026 */
	assert_int_equal(demand_month_of_day(dec, 368), 1);
	assert_int_equal(demand_month_of_day(dec, 398), 2);   /* 1 Feb 2026 */
}

/* The volume is the mean rate times the hours, whatever the profile's own
 * scale: 83.6 calls an hour for a week is 83.6 * 168 calls. */
static void test_rate_plan_expected_equals_volume(void **state)
{
	struct demand_spec s = flat_spec(83.6, 168);
	double sum = 0;
	struct demand_plan *p;

	(void)state;
	for (size_t i = 0; i < 168; i++) {
		s.profile[i] = 0.35 + (double)((i * 37) % 23) / 7.3;
		sum += s.profile[i];
	}
	p = plan_ok(&s, monday_2024, 4 * WEEK_S);
	assert_seconds_near(demand_plan_expected(p, 0, WEEK_S), 83.6 * 168,
			    1e-9 * 83.6 * 168);
	assert_seconds_near(demand_plan_expected(p, 0, 4 * WEEK_S),
			    4 * 83.6 * 168, 4e-9 * 83.6 * 168);
	/* Each hour carries its share of the profile. */
	for (size_t h = 0; h < 168; h += 17) {
		double want = 83.6 * s.profile[h] * 168 / sum;

		assert_seconds_near(demand_plan_expected(p, (double)h * HOUR_S,
						       (double)(h + 1) * HOUR_S),
				    want, 1e-9 * want);
		assert_seconds_near(demand_plan_rate_at(p, (h + 0.5) * HOUR_S)
					    * HOUR_S, want, 1e-9 * want);
	}
	/* Nothing arrives outside [0, horizon). */
	assert_true(demand_plan_rate_at(p, 4 * WEEK_S) == 0);
	assert_true(demand_plan_rate_at(p, -1) == 0);
	assert_seconds_near(demand_plan_expected(p, 4 * WEEK_S, 5 * WEEK_S), 0,
			    0);
	demand_plan_free(p);
}

/* Month factors follow the calendar: the week from Monday 26 Feb 2024 has
 * four February days (29 Feb included), the week from Monday 27 Feb 2023
 * only two. */
static void test_rate_plan_month_factor_in_leap_february(void **state)
{
	struct demand_spec s = flat_spec(83.6, 168);
	double r = 83.6 / HOUR_S, feb = 0.8765, mar = 1.1325;
	struct demand_plan *p;

	(void)state;
	s.month_factor[1] = feb;
	s.month_factor[2] = mar;
	p = plan_ok(&s, (struct demand_date){2024, 2, 26}, WEEK_S);
	assert_seconds_near(demand_plan_expected(p, 0, WEEK_S),
			    r * DAY_S * (4 * feb + 3 * mar), 1e-9 * r * WEEK_S);
	assert_seconds_near(demand_plan_rate_at(p, 3.5 * DAY_S), r * feb,
			    1e-12 * r);
	assert_seconds_near(demand_plan_rate_at(p, 4 * DAY_S), r * mar,
			    1e-12 * r);
	demand_plan_free(p);

	p = plan_ok(&s, (struct demand_date){2023, 2, 27}, WEEK_S);
	assert_seconds_near(demand_plan_expected(p, 0, WEEK_S),
			    r * DAY_S * (2 * feb + 5 * mar), 1e-9 * r * WEEK_S);
	assert_seconds_near(demand_plan_rate_at(p, 2.5 * DAY_S), r * mar,
			    1e-12 * r);
	demand_plan_free(p);
}

/* Three surges over three weeks: A (x2.5, Sat 22:00 for 6 h, week 2 only,
 * crossing midnight), B (x3, Sun 21:00 for 5 h, every week, crossing the
 * week end) and C (x1.2, Sat 23:00 for 1 h, every week, inside A). */
static void test_rate_plan_surges_in_listed_weeks(void **state)
{
	struct demand_spec s = flat_spec(83.6, 168);
	unsigned week2[] = {2};
	struct surge_spec sg[] = {
		{5 * DAY_S + 22 * HOUR_S, 6 * HOUR_S, 2.5, week2, 1},
		{6 * DAY_S + 21 * HOUR_S, 5 * HOUR_S, 3.0, NULL, 0},
		{5 * DAY_S + 23 * HOUR_S, 1 * HOUR_S, 1.2, NULL, 0},
	};
	double r = 83.6 / HOUR_S, sat2330 = 5 * DAY_S + 23.5 * HOUR_S;
	struct demand_plan *p;

	(void)state;
	s.surges = sg;
	s.n_surges = 3;
	p = plan_ok(&s, monday_2024, 3 * WEEK_S);
	/* Week 1: C, and 3 h of B (its last 2 h spill into week 2). */
	assert_seconds_near(demand_plan_expected(p, 0, WEEK_S),
			    r * (WEEK_S + 0.2 * HOUR_S + 2 * 3 * HOUR_S),
			    1e-9 * r * WEEK_S);
	/* Week 2: A (+1.5 for 6 h), C on top of A (2.5 * 1.2 = 3, +0.5 more
	 * for 1 h), and 2 + 3 h of B. */
	assert_seconds_near(demand_plan_expected(p, WEEK_S, 2 * WEEK_S),
			    r * (WEEK_S + 1.5 * 6 * HOUR_S + 0.5 * HOUR_S +
				 2 * 5 * HOUR_S),
			    1e-9 * r * WEEK_S);
	/* Week 3: C and 2 + 3 h of B; A does not recur. */
	assert_seconds_near(demand_plan_expected(p, 2 * WEEK_S, 3 * WEEK_S),
			    r * (WEEK_S + 0.2 * HOUR_S + 2 * 5 * HOUR_S),
			    1e-9 * r * WEEK_S);
	assert_seconds_near(demand_plan_rate_at(p, sat2330), 1.2 * r, 1e-12);
	assert_seconds_near(demand_plan_rate_at(p, WEEK_S + sat2330), 3 * r,
			    1e-12);
	assert_seconds_near(demand_plan_rate_at(p, WEEK_S + 6 * DAY_S + 2 * HOUR_S),
			    2.5 * r, 1e-12);
	assert_seconds_near(demand_plan_rate_at(p, HOUR_S), r, 1e-12);
	assert_seconds_near(demand_plan_rate_at(p, WEEK_S + HOUR_S), 3 * r,
			    1e-12);
	demand_plan_free(p);
}

static void test_rate_plan_rejects_all_zero_profile(void **state)
{
	struct demand_spec s = flat_spec(83.6, 672);
	struct sim_err err;

	(void)state;
	memset(s.profile, 0, sizeof s.profile);
	sim_err_clear(&err);
	assert_null(demand_plan_new(&s, monday_2024, WEEK_S, &err));
	assert_int_equal(err.status, SIM_ESCENARIO);
	assert_string_equal(err.text, "profile: all 672 factors are 0; at "
				      "least one must be positive\n");
}

/* A flat week from a Wednesday is the same plan as from a Monday: the
 * same expected calls over every day; and a surge on Mondays (week 1 is
 * the Monday-to-Sunday week holding the start) first falls five days in. */
static void test_rate_plan_any_weekday(void **state)
{
	struct demand_spec s = flat_spec(83.6, 168);
	struct demand_date wed = {2024, 1, 3};
	struct demand_plan *a = plan_ok(&s, monday_2024, 2 * WEEK_S);
	struct demand_plan *b = plan_ok(&s, wed, 2 * WEEK_S);
	struct surge_spec sg = {10 * HOUR_S, 2 * HOUR_S, 3.0, NULL, 0};
	double r = 83.6 / HOUR_S;

	(void)state;
	for (double d = 0; d < 14; d++)
		assert_true(demand_plan_expected(a, d * DAY_S, (d + 1) * DAY_S)
			    == demand_plan_expected(b, d * DAY_S,
						    (d + 1) * DAY_S));
	demand_plan_free(b);
	s.surges = &sg;
	s.n_surges = 1;
	b = plan_ok(&s, wed, 2 * WEEK_S);
	assert_seconds_near(demand_plan_expected(b, 0, 5 * DAY_S),
			    r * 5 * DAY_S, 1e-9 * r * DAY_S);
	assert_seconds_near(demand_plan_rate_at(b, 5 * DAY_S + 11 * HOUR_S),
			    3 * r, 1e-12);
	assert_seconds_near(demand_plan_rate_at(b, 5 * DAY_S + 12 * HOUR_S),
			    r, 1e-12);
	demand_plan_free(a);
	demand_plan_free(b);
}

/* A profile in which every hour of the week differs: hour h has weight
 * 1 + (h * 37 % 168) / 40. */
static struct demand_spec uneven_spec(double per_hour)
{
	struct demand_spec s = flat_spec(per_hour, 168);

	for (size_t h = 0; h < 168; h++)
		s.profile[h] = 1 + (double)(h * 37 % 168) / 40;
	return s;
}

/* The run from Monday 2025-03-24 for 32 weeks crosses both changes of
 * 2025. Every elapsed hour carries the profile's factor of the hour the
 * clock shows: on 30 March the hour after 00:00 is 02:00 (01:00 never
 * happens), on 26 October 01:00 happens twice; those days expect 23 and
 * 25 hours of calls, and the hour after each change is where it is on
 * the clock. */
static void test_rate_plan_local_hours(void **state)
{
	struct demand_spec s = uneven_spec(30.0);
	struct demand_date start = {2025, 3, 24};
	struct demand_plan *p = plan_ok(&s, start, 32 * WEEK_S);
	double sum = 0, mar30 = 6 * DAY_S, oct26 = 216 * DAY_S, r[168];

	(void)state;
	for (size_t h = 0; h < 168; h++)
		sum += s.profile[h];
	for (size_t h = 0; h < 168; h++)
		r[h] = 30.0 * s.profile[h] * 168 / sum;     /* calls an hour */
	/* Sunday 00:00, then 02:00 (hour 146), in March. */
	assert_seconds_near(demand_plan_expected(p, mar30, mar30 + HOUR_S),
			    r[144], 1e-9);
	assert_seconds_near(demand_plan_expected(p, mar30 + HOUR_S,
						 mar30 + 2 * HOUR_S),
			    r[146], 1e-9);
	/* Sunday 00:00, 01:00 (BST), 01:00 (GMT), 02:00 in October (summer
	 * time to there: scenario time is an hour behind the clock). */
	for (int k = 0; k < 4; k++) {
		static const size_t hour[] = {144, 145, 145, 146};
		double t = oct26 - HOUR_S + k * HOUR_S;

		assert_seconds_near(demand_plan_expected(p, t, t + HOUR_S),
				    r[hour[k]], 1e-9);
	}
	/* The days: 23 and 25 hours of the Sunday profile. */
	double sunday = 0;

	for (size_t h = 144; h < 168; h++)
		sunday += r[h];
	assert_seconds_near(demand_plan_expected(p, mar30, 7 * DAY_S - HOUR_S),
			    sunday - r[145], 1e-9);
	assert_seconds_near(demand_plan_expected(p, oct26 - HOUR_S,
						 oct26 + DAY_S),
			    sunday + r[145], 1e-9);
	demand_plan_free(p);
}

/* Arrivals sampled over those 32 weeks, counted by the hour of the week
 * the clock shows, against the profile times the number of times that
 * hour happened: a chi-square test over the 168 hours. */
static void test_rate_plan_samples_local_hours(void **state)
{
	struct demand_spec s = uneven_spec(30.0);
	struct demand_date start = {2025, 3, 24};
	double horizon = 32 * WEEK_S, count[168] = {0}, e[168] = {0};
	double sum = 0, chi2 = 0, t = 0;
	struct demand_plan *p = plan_ok(&s, start, horizon);
	struct local_clock c;
	struct local_span sp = {0, 0, 0};
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	size_t hint = 0;

	(void)state;
	local_clock_init(&c, start);
	gsl_rng_set(g, SEED);
	for (size_t h = 0; h < 168; h++)
		sum += s.profile[h];
	/* Expected from the spec and the clock, not from the plan. */
	for (double u = 0; u < horizon; u += HOUR_S)
		e[local_clock_hour(&c, &sp, u + HOUR_S / 2)] += 30.0;
	assert_true(e[145] == 30.0 * (32 - 1 + 1));   /* lost once, twice once */
	while (isfinite(t = demand_plan_next(p, t, gsl_ran_exponential(g, 1),
					     &hint)))
		count[local_clock_hour(&c, &sp, t)]++;
	for (size_t h = 0; h < 168; h++) {
		double x = e[h] * s.profile[h] * 168 / sum;

		chi2 += (count[h] - x) * (count[h] - x) / x;
	}
	assert_true(gsl_cdf_chisq_Q(chi2, 168) > 0.001);
	gsl_rng_free(g);
	demand_plan_free(p);
}

/* A quarter-hourly profile shaped over the day, with 03:00-04:00 closed
 * (rate 0) and a 15-minute spike of x40 on Tuesday 14:15. */
static struct demand_spec spiky_spec(size_t *spike)
{
	struct demand_spec s = flat_spec(20.0, 672);

	for (size_t i = 0; i < 672; i++) {
		size_t q = i % 96;

		s.profile[i] = q >= 12 && q < 16 ? 0 :
			       1 + 0.6 * sin(2 * M_PI * (double)q / 96);
	}
	*spike = 96 + 14 * 4 + 1;
	s.profile[*spike] = 40;
	return s;
}

/* Exact inversion: the integrated rate from t to the next arrival is the
 * Exp(1) variate given, across closed slots and from any starting t. */
static void test_rate_plan_next_inverts_integrated_rate(void **state)
{
	size_t spike, hint = 0;
	struct demand_spec s = spiky_spec(&spike);
	struct demand_plan *p = plan_ok(&s, monday_2024, 2 * WEEK_S);
	double ts[] = {0, 2.5 * HOUR_S, 3.0 * HOUR_S + 17, 51234.5,
		       WEEK_S + 3.25 * HOUR_S, 40000, 0.5};
	double es[] = {2.385, 0.0123, 57.9, 1e-9, 3.5, 0, 411.25};

	(void)state;
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
		double t1 = demand_plan_next(p, ts[i], es[i], &hint);

		assert_true(t1 >= ts[i]);
		assert_seconds_near(demand_plan_expected(p, ts[i], t1), es[i],
				    1e-9 * (1 + es[i]));
		assert_true(demand_plan_rate_at(p, t1) > 0 ||
			    demand_plan_rate_at(p, nextafter(t1, 0)) > 0);
	}
	/* Past the horizon, or more mass than is left: no arrival. */
	assert_true(isinf(demand_plan_next(p, 2 * WEEK_S, 0.5, &hint)));
	assert_true(isinf(demand_plan_next(p, 2 * WEEK_S - 60, 50, &hint)));
	demand_plan_free(p);
}

/* Sampled arrivals over many weeks, counted per quarter hour of the week,
 * match the profile (chi-square, spike slot included); weekly counts have
 * Poisson dispersion. */
static void test_rate_plan_next_samples_profile(void **state)
{
	enum { WEEKS = 150 };
	size_t spike, hint = 0, k = 0;
	struct demand_spec s = spiky_spec(&spike);
	struct demand_plan *p = plan_ok(&s, monday_2024, WEEKS * WEEK_S);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double count[672] = {0}, weekly[WEEKS + 1] = {0}, sum = 0, chi2 = 0;
	double e[672] = {0}, e_week[WEEKS + 1] = {0}, t = 0;
	struct local_clock c;
	struct local_span sp = {0, 0, 0};

	(void)state;
	/* Slots and weeks as the clock shows them: the run crosses three
	 * springs and three autumns, each losing or repeating 01:00-02:00 on
	 * a Sunday. Expected counts from the spec directly, not from the
	 * plan: each quarter hour of scenario time at its slot's rate. */
	local_clock_init(&c, monday_2024);
	for (size_t i = 0; i < 672; i++)
		sum += s.profile[i];
	for (double u = 0; u < WEEKS * WEEK_S; u += 900) {
		double w = local_clock_week_s(&c, &sp, u);
		size_t q = (size_t)(fmod(w, WEEK_S) / 900);
		double x = 20.0 / 4 * s.profile[q] * 672 / sum;

		e[q] += x;
		e_week[(size_t)(w / WEEK_S)] += x;
	}
	gsl_rng_set(r, SEED);
	while (isfinite(t = demand_plan_next(p, t, gsl_ran_exponential(r, 1),
					   &hint))) {
		double w = local_clock_week_s(&c, &sp, t);

		count[(size_t)(fmod(w, WEEK_S) / 900)]++;
		weekly[(size_t)(w / WEEK_S)]++;
	}
	for (size_t i = 0; i < 672; i++) {
		if (e[i] == 0) {
			assert_true(count[i] == 0);
			continue;
		}
		chi2 += (count[i] - e[i]) * (count[i] - e[i]) / e[i];
		k++;
		if (i == spike)
			assert_seconds_near(count[i], e[i], 4 * sqrt(e[i]));
	}
	/* Slot counts are independent Poisson with known means, so the
	 * statistic is chi-square with k degrees of freedom. */
	assert_true(gsl_cdf_chisq_Q(chi2, (double)k) > 0.001);

	/* Weekly counts: sum (x - E)^2 / E is chi-square with as many
	 * degrees of freedom as weeks when the variance equals the mean;
	 * both tails are checked so that too regular a sampler fails as
	 * well. (The last local week is the hour the clock is ahead at the
	 * end, if any.) */
	double dispersion = 0;
	size_t n_weeks = 0;

	for (size_t w = 0; w <= WEEKS; w++) {
		if (e_week[w] == 0)
			continue;
		dispersion += (weekly[w] - e_week[w]) * (weekly[w] - e_week[w])
			      / e_week[w];
		n_weeks++;
	}
	assert_true(gsl_cdf_chisq_Q(dispersion, (double)n_weeks) > 0.001);
	assert_true(gsl_cdf_chisq_P(dispersion, (double)n_weeks) > 0.001);
	gsl_rng_free(r);
	demand_plan_free(p);
}

/* A plan of spec with busyness factor day[d] on day d (300 days). */
static struct demand_plan *busy_plan(const struct demand_spec *s,
				     struct demand_date d, double horizon,
				     const double *day)
{
	struct demand_plan *p = plan_ok(s, d, horizon);

	assert_int_equal(demand_plan_scale_days(p, day, 300), 0);
	return p;
}

/* Arrivals drawn from p and q from time 0 on, with the same variates,
 * fall at the same times to the bit. */
static void assert_same_arrivals(const struct demand_plan *p,
				 const struct demand_plan *q)
{
	size_t h1 = 0, h2 = 0;
	double e1 = 0.7;

	for (double t1 = 0, t2 = 0;;) {
		t1 = demand_plan_next(p, t1, e1, &h1);
		t2 = demand_plan_next(q, t2, e1, &h2);
		assert_true(t1 == t2 || (isinf(t1) && isinf(t2)));
		if (isinf(t1))
			break;
		e1 = fmod(e1 * 7.31 + 0.13, 3.0);
	}
}

/* A plan is laid out a week at a time (from the start date's 00:00); its
 * answers must not depend on which week it holds when asked. A
 * quarter-hour profile, a surge and a dated event across a week's edge,
 * the clock change of March and busyness by day: hourly volumes asked
 * forwards, backwards and forwards again agree to the bit, and so do
 * arrivals drawn from a plan and from one last asked about the horizon's
 * end. */
static void test_rate_plan_same_whatever_week_it_holds(void **state)
{
	struct demand_spec s = flat_spec(40, 672);
	struct surge_spec sg[] = {{1 * DAY_S + 22 * HOUR_S, 5 * HOUR_S, 2.0,
				   NULL, 0}};
	struct demand_window win[] = {{WEEK_S - 3 * HOUR_S, 7 * HOUR_S, 3.0},
				      {9 * WEEK_S + 1.5, 2 * DAY_S, 0.5}};
	struct demand_date start = {2024, 3, 6};   /* a Wednesday */
	double horizon = 40 * WEEK_S + 1234.5, day[300];
	size_t n = (size_t)(horizon / HOUR_S);
	double *fwd = malloc(n * sizeof *fwd);
	struct demand_plan *p, *q;

	(void)state;
	for (size_t i = 0; i < 672; i++)
		s.profile[i] = 1 + (double)((i * 37) % 11);
	s.windows = win;
	s.n_windows = 2;
	for (size_t d = 0; d < 300; d++)
		day[d] = 0.5 + (double)((d * 13) % 7) / 4;
	s.surges = sg;
	s.n_surges = 1;
	p = busy_plan(&s, start, horizon, day);
	q = busy_plan(&s, start, horizon, day);
	for (size_t i = 0; i < n; i++)
		fwd[i] = demand_plan_expected(p, i * HOUR_S, (i + 1) * HOUR_S);
	for (size_t i = n; i-- > 0;)
		assert_true(demand_plan_expected(p, i * HOUR_S, (i + 1) * HOUR_S)
			    == fwd[i]);
	for (size_t i = 0; i < n; i += 97)
		assert_true(demand_plan_expected(p, i * HOUR_S, (i + 1) * HOUR_S)
			    == fwd[i]);
	assert_true(demand_plan_expected(q, 0, horizon) ==
		    demand_plan_expected(p, 0, horizon));
	assert_same_arrivals(p, q);
	free(fwd);
	demand_plan_free(p);
	demand_plan_free(q);
}

/* A surge whose edges are not slot edges, across the edge between the
 * plan's first and second weeks, adds exactly its hours: the second week
 * is cut where the surge ends, as the first is where it starts. */
static void test_rate_plan_surge_across_weeks_laid_out(void **state)
{
	struct demand_spec s = flat_spec(36, 168);
	struct surge_spec sg[] = {{1 * DAY_S + 22 * HOUR_S + 420, 5 * HOUR_S,
				   2.0, NULL, 0}};
	struct demand_date start = {2024, 3, 6};   /* a Wednesday */
	double r = 36 / HOUR_S, a = WEEK_S - DAY_S, b = WEEK_S + DAY_S;
	struct demand_plan *plain, *p;

	(void)state;
	plain = plan_ok(&s, start, 3 * WEEK_S);
	s.surges = sg;
	s.n_surges = 1;
	p = plan_ok(&s, start, 3 * WEEK_S);
	assert_seconds_near(demand_plan_expected(p, a, b) -
			    demand_plan_expected(plain, a, b),
			    r * 5 * HOUR_S, 1e-9);
	assert_seconds_near(demand_plan_rate_at(p, WEEK_S + 3 * HOUR_S + 400),
			    2 * r, 1e-15);
	assert_seconds_near(demand_plan_rate_at(p, WEEK_S + 3 * HOUR_S + 440),
			    r, 1e-15);
	demand_plan_free(p);
	demand_plan_free(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demand_weekday_of_known_dates),
		cmocka_unit_test(test_demand_month_of_day_handles_leap_years),
		cmocka_unit_test(test_rate_plan_expected_equals_volume),
		cmocka_unit_test(test_rate_plan_month_factor_in_leap_february),
		cmocka_unit_test(test_rate_plan_surges_in_listed_weeks),
		cmocka_unit_test(test_rate_plan_rejects_all_zero_profile),
		cmocka_unit_test(test_rate_plan_any_weekday),
		cmocka_unit_test(test_rate_plan_local_hours),
		cmocka_unit_test(test_rate_plan_samples_local_hours),
		cmocka_unit_test(test_rate_plan_next_inverts_integrated_rate),
		cmocka_unit_test(test_rate_plan_next_samples_profile),
		cmocka_unit_test(test_rate_plan_same_whatever_week_it_holds),
		cmocka_unit_test(test_rate_plan_surge_across_weeks_laid_out),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
