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
 * "999" (its service level is NAN). */
#ifndef TESTS_RESULTS_TEST_FIXTURE_H
#define TESTS_RESULTS_TEST_FIXTURE_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/contact_centre.h"
#include "models/scenario.h"
#include "results/summary.h"

#define FX_R 3
#define FX_LINES 2
#define FX_POOLS 1

struct fixture {
	struct scenario sc;
	struct line_spec lines[FX_LINES];
	struct pool_spec pools[FX_POOLS];
	size_t serves[FX_LINES];
	struct shift_spec shifts[2];
	struct cc_result res[FX_R];
	const struct cc_result *ptrs[FX_R];
	double line[FX_R][FX_LINES * CC_LINE_METRICS];
	double pool[FX_R][FX_POOLS * CC_POOL_METRICS];
	double iline[FX_R][HOURS_PER_WEEK * FX_LINES * CC_INTERVAL_LINE_METRICS];
	double ipool[FX_R][HOURS_PER_WEEK * FX_POOLS * CC_INTERVAL_POOL_METRICS];
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
	fx->res[r] = (struct cc_result){ .n_lines = FX_LINES, .n_pools = FX_POOLS,
		.line = fx->line[r], .pool = fx->pool[r], .interval_line = fx->iline[r],
		.interval_pool = fx->ipool[r], .events = 1000003u * (r + 1) };
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

/* What a writer puts out for s, as a new string (free with free()), and
 * the status it returned in *status. */
typedef enum sim_status (*fx_writer)(FILE *f, const struct summary *s,
				     bool intervals, struct sim_err *err);
static inline char *fx_capture(fx_writer write, const struct summary *s,
			       bool intervals, enum sim_status *status)
{
	/* A temporary file rather than open_memstream, whose pointer-to-
	 * pointer output confuses GCC's dangling-pointer analysis. */
	FILE *f = tmpfile();
	struct sim_err err = { 0 };
	char *text;
	long len;

	if (f == NULL)
		abort();
	*status = write(f, s, intervals, &err);
	len = ftell(f);
	text = malloc((size_t)len + 1);
	rewind(f);
	if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len)
		abort();
	text[len] = '\0';
	fclose(f);
	return text;
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
