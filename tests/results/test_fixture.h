/* test_fixture.h: a tiny scenario built in C and three replication results
 * filled by hand, shared by the results/ tests so their expected numbers
 * can be checked with a calculator.
 *
 * Lines: "999" (answer within 10 s, goal 0.9) and `101, "non-emergency"`
 * (180 s, no goal; its name has a comma and quotes to exercise CSV and JSON
 * escaping). One pool, "emergency", serves both with two shifts:
 *   day   07:00, 10 h, Mon-Fri, 24 staff  -> 1200 person-hours a week
 *   night 22:00,  9 h, every day, 12 staff -> 756 person-hours a week
 * so FTE = 1956 / 37.5 = 52.16 and the annual cost 52.16 * 38000 = 1982080.
 *
 * Service level of "999" over the replications: 0.912, 0.935, 0.921, whose
 * mean is 0.9226666667 and 95% interval (t = 4.302652730 with 2 degrees of
 * freedom, sd = 0.01159022577) [0.8938749498, 0.9514583836].
 * "101" has no answered calls (ASA, waits all NAN) and a p99 wait that is
 * NAN in replication 2 only. Hour 3 of the week has nothing offered on
 * "999" (its service level is NAN).
 *
 * fx_add_response adds incident response: grades "emergency" (attend
 * within 900 s, goal 0.9) and "scheduled" (no target), areas "Birmingham"
 * and "Solihull", roles "response" (62000 a year, 40 h a week) and "pcso"
 * (37000, 37 h), and three unit rosters:
 *   Birmingham response, crew 2, 07:00 10 h every day, 3 units
 *       -> 420 officer-hours / 40 = 10.5 FTE, 651000
 *   Solihull response, crew 2, 22:00 10 h Mon-Fri, 2 units
 *       -> 200 / 40 = 5 FTE, 310000
 *   Birmingham pcso, crew 1, 08:00 8 h every day, 4 units
 *       -> 224 / 37 = 6.054054054 FTE, 224000
 * so response 15.5 FTE and 961000, pcso 6.054054054 and 224000, and with
 * the pool everyone 73.71405405 FTE and 3167080 a year.
 * Emergency attended within target: 0.871, 0.902, 0.884, mean
 * 0.8856666667, interval [0.8469959477, 0.9243373856] (goal 0.9:
 * uncertain). In Solihull: 0.95, NAN (no emergency that replication), 0.91,
 * mean 0.93 from two values, interval (t = 12.70620474 with 1 degree of
 * freedom) [0.6758759052, 1.184124095]. Birmingham's utilisation: 0.553,
 * 0.561, 0.549, mean 0.5543333333, interval [0.5391550012, 0.5695116655]. */
#ifndef TESTS_RESULTS_TEST_FIXTURE_H
#define TESTS_RESULTS_TEST_FIXTURE_H

#include "tests/results/capture.h"
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "models/scenario.h"
#include "results/summary.h"

#define FX_R 3
#define FX_LINES 2
#define FX_POOLS 1
#define FX_GRADES 2
#define FX_AREAS 2
#define FX_ROLES 2
#define FX_UNITS 3
#define FX_DAYS 3

struct fixture {
	struct scenario sc;
	struct line_spec lines[FX_LINES];
	struct pool_spec pools[FX_POOLS];
	size_t serves[FX_LINES];
	struct shift_spec shifts[2];
	struct replication_result res[FX_R];
	const struct replication_result *ptrs[FX_R];
	double line[FX_R][FX_LINES * CC_LINE_METRICS];
	double pool[FX_R][FX_POOLS * CC_POOL_METRICS];
	double iline[FX_R][HOURS_PER_WEEK * FX_LINES * CC_INTERVAL_LINE_METRICS];
	double ipool[FX_R][HOURS_PER_WEEK * FX_POOLS * CC_INTERVAL_POOL_METRICS];
	/* Incident response, used once fx_add_response is called. */
	struct grade_spec grades[FX_GRADES];
	struct area_spec areas[FX_AREAS];
	size_t neighbours[FX_AREAS];
	struct role_spec roles[FX_ROLES];
	struct unit_spec units[FX_UNITS];
	struct shift_spec unit_shifts[FX_UNITS];
	double grade[FX_R][FX_GRADES * RSP_GRADE_METRICS];
	double area_grade[FX_R][FX_AREAS * FX_GRADES * RSP_GRADE_METRICS];
	double area[FX_R][FX_AREAS * RSP_AREA_METRICS];
	/* By day: run.days 2.385 counts 3 days, the last cut short. */
	double dline[FX_R][FX_DAYS * FX_LINES * CC_DAY_LINE_METRICS];
	double dgrade[FX_R][FX_DAYS * FX_GRADES * RSP_DAY_GRADE_METRICS];
	double darea[FX_R][FX_DAYS * FX_AREAS * RSP_DAY_AREA_METRICS];
	/* Response by hour of the week, and the wait distributions. */
	double igrade[FX_R][HOURS_PER_WEEK * FX_GRADES * RSP_HOUR_GRADE_METRICS];
	double iarea[FX_R][HOURS_PER_WEEK * FX_AREAS * RSP_HOUR_AREA_METRICS];
	double wline[FX_R][FIGURE_WAIT_BINS * FX_LINES * CC_WAIT_LINE_METRICS];
};

static const double fx_sl999[FX_R] = { 0.912, 0.935, 0.921 };

static void fx_scenario(struct fixture *fx)
{
	struct scenario *sc = &fx->sc;

	strcpy(sc->name, "Tiny \"test\" force\\north\t1");
	sc->run = (struct run_spec){ .days = 2.385, .warmup_s = 5400.0,
				     .replications = FX_R, .seed = 18446744073709551557u,
				     .start = { 2024, 4, 1 } };
	strcpy(fx->lines[0].name, "999");
	fx->lines[0].target_s = 10.0;
	fx->lines[0].goal = 0.9;
	strcpy(fx->lines[1].name, "101, \"non-emergency\"");
	fx->lines[1].target_s = 180.0;
	fx->lines[1].goal = NAN;
	sc->lines = fx->lines;
	sc->n_lines = FX_LINES;
	fx->serves[0] = 0;
	fx->serves[1] = 1;
	fx->shifts[0] = (struct shift_spec){ "day", 7 * 3600.0, 10 * 3600.0, 0x1f, 24 };
	fx->shifts[1] = (struct shift_spec){ "night", 22 * 3600.0, 9 * 3600.0, 0x7f, 12 };
	fx->pools[0] = (struct pool_spec){ .serves = fx->serves, .n_serves = 2,
		.shifts = fx->shifts, .n_shifts = 2, .shrinkage = 0.35,
		.hours_per_week = 37.5, .cost_per_fte = 38000.0 };
	strcpy(fx->pools[0].name, "emergency");
	sc->pools = fx->pools;
	sc->n_pools = FX_POOLS;
}

/* By-day figures of replication r: line 0 offered 100 + 10 d + r, its
 * service level 0.9 - 0.05 d + 0.01 r; line 1 offered none on day 3 (NAN
 * service level and ASA); grades 40 + d + r incidents, 0.8 + 0.02 r within
 * target (NAN for the grade without a target). */
static void fx_day_results(struct fixture *fx, size_t r)
{
	for (size_t d = 0; d < FX_DAYS; d++) {
		double *l0 = fx->dline[r] + d * FX_LINES * CC_DAY_LINE_METRICS;
		double *l1 = l0 + CC_DAY_LINE_METRICS;
		double *g0 = fx->dgrade[r] + d * FX_GRADES * RSP_DAY_GRADE_METRICS;
		double *g1 = g0 + RSP_DAY_GRADE_METRICS;

		l0[CC_D_OFFERED] = 100.0 + 10.0 * (double)d + (double)r;
		l0[CC_D_SERVICE_LEVEL] = 0.9 - 0.05 * (double)d + 0.01 * (double)r;
		l0[CC_D_ASA_S] = 4.5 + (double)d;
		l1[CC_D_OFFERED] = d == 2 ? 0.0 : 30.0 + (double)r;
		l1[CC_D_SERVICE_LEVEL] = d == 2 ? NAN : 0.7;
		l1[CC_D_ASA_S] = d == 2 ? NAN : 60.0 - (double)r;
		g0[RSP_D_INCIDENTS] = g1[RSP_D_INCIDENTS] = 40.0 + (double)(d + r);
		g0[RSP_D_WITHIN_TARGET] = 0.8 + 0.02 * (double)r;
		g1[RSP_D_WITHIN_TARGET] = NAN;
	}
}

/* The response by hour and by day and area, and the wait distributions,
 * of replication r: every figure k of every cell i is 0.125 (k + 1) +
 * 0.01 i + 0.5 r, distinct and exact in binary; the calls-only fixture
 * has no grades or areas, so those cells are not read. */
static void fx_period_results(struct fixture *fx, size_t r)
{
	double *blocks[4] = { fx->igrade[r], fx->iarea[r], fx->darea[r],
			      fx->wline[r] };
	size_t n[4] = { sizeof fx->igrade[r], sizeof fx->iarea[r],
			sizeof fx->darea[r], sizeof fx->wline[r] };

	for (size_t b = 0; b < 4; b++)
		for (size_t i = 0; i < n[b] / sizeof(double); i++)
			blocks[b][i] = 0.125 * (double)(i % 4 + 1)
				       + 0.01 * (double)i + 0.5 * (double)r;
}

/* Figures of replication r: distinct, non-round values, with the NANs
 * described above. */
static void fx_results(struct fixture *fx, size_t r)
{
	double *l0 = fx->line[r], *l1 = fx->line[r] + CC_LINE_METRICS;

	for (size_t k = 0; k < CC_LINE_METRICS; k++) {
		l0[k] = 2.385 * (double)(k + 1) + 0.5 * (double)r;
		l1[k] = 1.25 * (double)(k + 3) - 0.25 * (double)r;
	}
	l0[CC_SERVICE_LEVEL] = fx_sl999[r];
	l0[CC_ABANDON_RATE] = 0.0213 + 0.001 * (double)r;
	l1[CC_SERVICE_LEVEL] = 0.64 + 0.01 * (double)r;
	l1[CC_ABANDON_RATE] = 0.081;
	for (size_t k = CC_ASA_S; k <= CC_WAIT_P95_S; k++)
		l1[k] = NAN;
	l1[CC_WAIT_P99_S] = r == 2 ? NAN : 40.5 + (double)r;
	fx->pool[r][CC_OCCUPANCY] = 0.8125 + 0.01 * (double)r;
	fx->pool[r][CC_STAFF_ON_DUTY] = 23.4 - 0.1 * (double)r;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double *i0 = fx->iline[r] + h * FX_LINES * CC_INTERVAL_LINE_METRICS;
		double *i1 = i0 + CC_INTERVAL_LINE_METRICS;
		double *p0 = fx->ipool[r] + h * CC_INTERVAL_POOL_METRICS;

		i0[CC_I_OFFERED] = h == 3 ? 0.0 : 10.0 + (double)(h % 24) + 0.5 * (double)r;
		i0[CC_I_ANSWERED] = i0[CC_I_OFFERED] * 0.95;
		i0[CC_I_SERVICE_LEVEL] = h == 3 ? NAN : 0.9 + 0.001 * (double)(h % 7 + r);
		i1[CC_I_OFFERED] = 3.0 + (double)r;
		i1[CC_I_ANSWERED] = 2.5;
		i1[CC_I_SERVICE_LEVEL] = 0.75;
		p0[CC_I_STAFF] = 12.0 + (double)(h % 24 >= 7 && h % 24 < 17) * 15.0;
		p0[CC_I_OCCUPANCY] = 0.7 + 0.002 * (double)h;
	}
	fx_day_results(fx, r);
	fx_period_results(fx, r);
	fx->res[r] = (struct replication_result){ .n_lines = FX_LINES, .n_pools = FX_POOLS,
		.line = fx->line[r], .pool = fx->pool[r], .interval_line = fx->iline[r],
		.interval_pool = fx->ipool[r], .events = 1000003u * (r + 1),
		.n_days = FX_DAYS, .day_line = fx->dline[r],
		.day_grade = fx->dgrade[r], .day_area = fx->darea[r],
		.hour_grade = fx->igrade[r], .hour_area = fx->iarea[r],
		.wait_line = fx->wline[r] };
	fx->ptrs[r] = &fx->res[r];
}

/* A new fixture (free with free()). */
static struct fixture *fx_new(void)
{
	struct fixture *fx = calloc(1, sizeof *fx);

	if (fx == NULL)
		abort();
	fx_scenario(fx);
	for (size_t r = 0; r < FX_R; r++)
		fx_results(fx, r);
	return fx;
}

static const double fx_within_emergency[FX_R] = { 0.871, 0.902, 0.884 };
static const double fx_within_solihull[FX_R] = { 0.95, NAN, 0.91 };
static const double fx_util_birmingham[FX_R] = { 0.553, 0.561, 0.549 };

/* The grades, areas, roles and units described above. */
static inline void fx_response_scenario(struct fixture *fx)
{
	struct scenario *sc = &fx->sc;

	fx->grades[0] = (struct grade_spec){ .name = "emergency",
		.target_s = 900.0, .goal = 0.9 };
	fx->grades[1] = (struct grade_spec){ .name = "scheduled",
		.target_s = NAN, .goal = NAN, .preemptible = 1 };
	fx->neighbours[0] = 1;
	fx->neighbours[1] = 0;
	fx->areas[0] = (struct area_spec){ .name = "Birmingham", .share = 0.8,
		.neighbours = &fx->neighbours[0], .n_neighbours = 1,
		.travel_factor = 1.0 };
	fx->areas[1] = (struct area_spec){ .name = "Solihull", .share = 0.2,
		.neighbours = &fx->neighbours[1], .n_neighbours = 1,
		.travel_factor = 1.25 };
	fx->roles[0] = (struct role_spec){ .name = "response", .attends = 3,
		.cost_per_fte = 62000.0, .hours_per_week = 40.0 };
	fx->roles[1] = (struct role_spec){ .name = "pcso", .attends = 2,
		.cost_per_fte = 37000.0, .hours_per_week = 37.0 };
	fx->unit_shifts[0] = (struct shift_spec){ "early", 7 * 3600.0, 10 * 3600.0, 0x7f, 3 };
	fx->unit_shifts[1] = (struct shift_spec){ "night", 22 * 3600.0, 10 * 3600.0, 0x1f, 2 };
	fx->unit_shifts[2] = (struct shift_spec){ "day", 8 * 3600.0, 8 * 3600.0, 0x7f, 4 };
	fx->units[0] = (struct unit_spec){ .area = 0, .role = 0, .crew = 2,
		.shifts = &fx->unit_shifts[0], .n_shifts = 1, .shrinkage = 0.2 };
	fx->units[1] = (struct unit_spec){ .area = 1, .role = 0, .crew = 2,
		.shifts = &fx->unit_shifts[1], .n_shifts = 1, .shrinkage = 0.2 };
	fx->units[2] = (struct unit_spec){ .area = 0, .role = 1, .crew = 1,
		.shifts = &fx->unit_shifts[2], .n_shifts = 1, .shrinkage = 0.15 };
	sc->grades = fx->grades;
	sc->n_grades = FX_GRADES;
	sc->areas = fx->areas;
	sc->n_areas = FX_AREAS;
	sc->roles = fx->roles;
	sc->n_roles = FX_ROLES;
	sc->units = fx->units;
	sc->n_units = FX_UNITS;
}

/* Response figures of replication r: distinct values, with the NANs above
 * (no target for "scheduled"; no emergency in Solihull in replication 1). */
static inline void fx_response_results(struct fixture *fx, size_t r)
{
	for (size_t g = 0; g < FX_GRADES; g++) {
		double *fg = fx->grade[r] + g * RSP_GRADE_METRICS;

		for (size_t k = 0; k < RSP_GRADE_METRICS; k++)
			fg[k] = 3.17 * (double)(k + 1) + 0.4 * (double)r + 11.0 * (double)g;
		fg[RSP_WITHIN_TARGET] = g == 0 ? fx_within_emergency[r] : NAN;
		for (size_t a = 0; a < FX_AREAS; a++) {
			double *ag = fx->area_grade[r] + (a * FX_GRADES + g) * RSP_GRADE_METRICS;

			for (size_t k = 0; k < RSP_GRADE_METRICS; k++)
				ag[k] = fg[k] * (a == 0 ? 0.75 : 0.25);
			ag[RSP_WITHIN_TARGET] = g == 1 ? NAN : a == 0
				? fx_within_emergency[r] - 0.01 : fx_within_solihull[r];
		}
	}
	for (size_t a = 0; a < FX_AREAS; a++) {
		double *fa = fx->area[r] + a * RSP_AREA_METRICS;

		fa[RSP_UTILISATION] = fx_util_birmingham[r] + 0.1 * (double)a;
		fa[RSP_UNITS_ON_DUTY] = 4.35 - 1.5 * (double)a + 0.05 * (double)r;
		fa[RSP_ABSTRACTIONS] = (double)((r + a) % 3);
		fa[RSP_ABSTRACTION_HOURS] = 1.625 * (double)((r + a) % 3);
	}
	fx->res[r].n_grades = FX_GRADES;
	fx->res[r].n_areas = FX_AREAS;
	fx->res[r].rsp = (struct rsp_figures){ .grade = fx->grade[r],
		.area_grade = fx->area_grade[r], .area = fx->area[r] };
}

/* Turns a calls-only fixture into one with incident response. */
static inline void fx_add_response(struct fixture *fx)
{
	fx_response_scenario(fx);
	for (size_t r = 0; r < FX_R; r++)
		fx_response_results(fx, r);
}

/* What a writer puts out for s, as a new string (free with free()), and
 * the status it returned in *status. */
typedef enum sim_status (*fx_writer)(FILE *f, const struct summary *s,
				     bool intervals, struct sim_err *err);
static inline char *fx_capture(fx_writer write, const struct summary *s,
			       bool intervals, enum sim_status *status)
{
	FILE *f = capture_open();
	struct sim_err err = { 0 };

	*status = write(f, s, intervals, &err);
	return capture_close(f);
}

/* The status a writer returns, and the message it adds, when its stream
 * refuses every write (a stream opened for reading only). */
static inline enum sim_status fx_write_to_readonly(fx_writer write,
						   const struct summary *s,
						   struct sim_err *err)
{
	FILE *f = fopen("/dev/null", "r");
	enum sim_status st;

	if (f == NULL)
		abort();
	st = write(f, s, true, err);
	fclose(f);
	return st;
}

/* The number of times needle occurs in hay. */
static inline size_t fx_count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

#endif
