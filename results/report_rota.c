/* report_rota.c: a rota's people, cost and on-duty table for check
 * (report_rota.h). */
#include "results/report_rota.h"

#include <math.h>
#include <stdint.h>

#include "models/roster.h"
#include "models/scenario_rota.h"

/* Days after which both the cycle and the week come round. */
static size_t report_rota_period_days(size_t n_days)
{
	size_t a = n_days, b = DAYS_PER_WEEK;

	while (b) {
		size_t t = a % b;

		a = b;
		b = t;
	}
	return n_days / a * DAYS_PER_WEEK;
}

/* The hour [t0, t0 + 1 h) of r folded into h: its extremes and its
 * time-weighted share of the mean over `weeks` weeks. */
static void report_rota_hour_add(const struct roster *r, double t0,
				 size_t weeks, struct report_rota_hour *h)
{
	double t = t0, t1 = t0 + HOUR_S;

	while (t < t1) {
		int n = roster_on_duty(r, t);
		double e = fmin(roster_next_change(r, t), t1);

		h->min = n < h->min ? n : h->min;
		h->max = n > h->max ? n : h->max;
		h->mean += n * (e - t) / (HOUR_S * (double)weeks);
		t = e;
	}
}

enum sim_status report_rota_hours(const struct scenario_rota *rota,
				  double shrinkage, int weekday,
				  struct report_rota_hour *out,
				  size_t *weeks, struct sim_err *err)
{
	struct roster *r = roster_new_rota(&rota->spec, shrinkage, err);

	if (!r)
		return SIM_ENOMEM;
	/* Hour h of the week, Monday first, in the first week on or after
	 * day 0: day 0 is weekday `weekday`. */
	double from = (double)((DAYS_PER_WEEK - weekday) % DAYS_PER_WEEK)
		      * DAY_S;

	*weeks = report_rota_period_days(rota->spec.n_days) / DAYS_PER_WEEK;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		out[h] = (struct report_rota_hour){ INT32_MAX, INT32_MIN, 0 };
		for (size_t w = 0; w < *weeks; w++)
			report_rota_hour_add(r, (double)w * WEEK_S + from +
					     (double)h * HOUR_S, *weeks, &out[h]);
	}
	roster_free(r);
	return SIM_OK;
}

/* The table: a row an hour of the day, a column a day, each cell
 * "min mean max". */
static void report_rota_table(FILE *f, const struct report_rota_hour *t,
			      const char *indent)
{
	static const char *const days[] = {WEEK_DAY_KEYS};

	fprintf(f, "%s#      ", indent);
	for (int d = 0; d < DAYS_PER_WEEK; d++)
		fprintf(f, " %15s", days[d]);
	fputc('\n', f);
	for (int h = 0; h < 24; h++) {
		fprintf(f, "%s# %02d:00", indent, h);
		for (int d = 0; d < DAYS_PER_WEEK; d++) {
			const struct report_rota_hour *c = &t[d * 24 + h];

			fprintf(f, " %4d %5.1f %4d", c->min, c->mean, c->max);
		}
		fputc('\n', f);
	}
}

/* The first line: who is in post, FTE and cost. */
static void report_rota_people(FILE *f, const struct report_rota_of *o,
			       const char *indent)
{
	const struct scenario_rota *r = o->rota;
	int people = scenario_rota_people(r);

	if (o->crew > 0)
		fprintf(f, "%s# the rota: %d units in post (%zu teams of %d), "
			"crewed by %d officers, %.10g FTE, an annual cost of "
			"%.10g\n", indent, people, r->teams, r->per_team,
			people * o->crew, o->fte, o->cost);
	else
		fprintf(f, "%s# the rota: %d people in post (%zu teams of %d), "
			"%.10g FTE, an annual cost of %.10g\n", indent, people,
			r->teams, r->per_team, o->fte, o->cost);
}

enum sim_status report_rota_write(FILE *f, const struct report_rota_of *o,
				  const char *indent)
{
	const struct scenario_rota *r = o->rota;
	struct report_rota_hour t[HOURS_PER_WEEK];
	struct sim_err err;
	size_t weeks;
	int people = scenario_rota_people(r);

	report_rota_people(f, o, indent);
	fprintf(f, "%s# each works %.4g hours a week on average over the "
		"%zu-day cycle (contracted: %.4g)\n", indent,
		people ? rota_hours_per_week(&r->spec) / people : 0.0,
		r->spec.n_days, o->hours_per_week);
	sim_err_clear(&err);
	if (report_rota_hours(r, o->shrinkage, o->weekday, t, &weeks, &err)
	    != SIM_OK) {
		fprintf(f, "%s# (the on-duty table is not shown: out of "
			"memory)\n", indent);
		return SIM_ENOMEM;
	}
	fprintf(f, "%s# %son duty by hour of the week, after shrinkage, over "
		"the %zu weeks the cycle repeats in: minimum, mean, maximum\n",
		indent, o->crew > 0 ? "units " : "", weeks);
	report_rota_table(f, t, indent);
	return SIM_OK;
}
