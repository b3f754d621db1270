/* response_period.c: the response's tallies by the hour of the week and
 * by counted day — incidents and attendance by the hour (and the day) an
 * incident was created, per grade and per area, and unit time by hour —
 * and the figures made from them (models/figure.h: FIGURE_IGRADE_LIST,
 * FIGURE_IAREA_LIST, FIGURE_DAREA_LIST).
 *
 * An incident is put in the hour and day it was created, as a call is put
 * in the hour it arrived, so a slow hour shows where the demand came from,
 * not where the units caught up. The tallies are touched once when an
 * incident is created and once when it is attended, never per call.
 *
 * Unit time (busy, present, on duty) is cut into hours by an hourly tick
 * over the counted period, as the contact centre's pools are: each tick
 * puts the integrals since the last one into the hour it began in.
 *
 * Memory: the hour-of-week tallies are 168 cells a grade and an area,
 * whatever the horizon; the attendance times of an hour and grade go into
 * a paged histogram (sim/hist.h), which keeps only the stretches of bins
 * its values fall in, and their percentiles are read through one GSL
 * workspace a replication (about 120 kB), not one allocated per hour. The day tallies grow with the horizon only, as the
 * other figures by day do: 24 bytes a day and area. */
#include "models/response.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "models/response_int.h"
#include "models/week.h"
#include "sim/mem.h"

static void on_period_tick(struct sim_ctx *ctx, const struct ev_event *ev);

/* The local hour of the week (0 = Monday 00:00) that time t_s >= 0 falls
 * in (models/local_clock.h). */
static size_t period_hour_of(struct response *r, double t_s)
{
	return local_clock_hour(&r->clock, &r->span, t_s);
}

static double *period_hg(const struct response *r, size_t h, size_t g)
{
	return r->hour_grade + (h * r->sc->n_grades + g) * RSP_PERIOD_TALLIES;
}

static double *period_ha(const struct response *r, size_t h, size_t a)
{
	return r->hour_area + (h * r->sc->n_areas + a) * RSP_PERIOD_TALLIES;
}

static double *period_da(const struct response *r, size_t d, size_t a)
{
	return r->day_area + (d * r->sc->n_areas + a) * RSP_PERIOD_TALLIES;
}

enum sim_status response_period_build(struct response *r)
{
	size_t ng = r->sc->n_grades, na = r->sc->n_areas;

	r->hour_grade = mem_calloc(HOURS_PER_WEEK * ng * RSP_PERIOD_TALLIES,
				   sizeof *r->hour_grade);
	r->hour_area = mem_calloc(HOURS_PER_WEEK * na * RSP_PERIOD_TALLIES,
				  sizeof *r->hour_area);
	r->day_area = mem_calloc(r->n_days * na * RSP_PERIOD_TALLIES,
				 sizeof *r->day_area);
	r->hour_hist = mem_calloc(HOURS_PER_WEEK * ng, sizeof *r->hour_hist);
	r->hour_win = hist_window_new();
	r->by_hour_at = mem_calloc(HOURS_PER_WEEK * ng + 1,
				   sizeof *r->by_hour_at);
	if (!r->hour_grade || !r->hour_area || !r->day_area || !r->hour_hist
	    || !r->hour_win || !r->by_hour_at)
		return SIM_ENOMEM;
	for (size_t i = 0; i < HOURS_PER_WEEK * ng; i++)
		if (!(r->hour_hist[i] = hist_paged_new()))
			return SIM_ENOMEM;
	return SIM_OK;
}

void response_period_free(struct response *r)
{
	if (r->hour_hist)
		for (size_t i = 0; i < HOURS_PER_WEEK * r->sc->n_grades; i++)
			hist_paged_free(r->hour_hist[i]);
	free(r->hour_hist);
	hist_window_free(r->hour_win);
	free(r->hour_grade);
	free(r->hour_area);
	free(r->day_area);
	free(r->by_hour_at);
}

/* Counts one incident, and whether its grade has a target, in tally t. */
static void period_count(double *t, bool targeted)
{
	t[RSP_T_INCIDENTS] += 1;
	t[RSP_T_TARGETED] += targeted;
}

void response_period_created(struct response *r, const struct incident *inc)
{
	size_t h = inc->hour, d = inc->day;
	bool targeted = isfinite(r->sc->grades[inc->grade].target_s);

	period_count(period_hg(r, h, inc->grade), targeted);
	period_count(period_ha(r, h, inc->area), targeted);
	period_count(period_da(r, d, inc->area), targeted);
}

/* Puts attendance time x in the histograms of area-and-grade ag, grade g
 * and hour-and-grade hg. */
static void period_hist_add(struct response *r, size_t ag, size_t g,
			    size_t hg, double x)
{
	hist_add(r->ag_hist[ag], x);
	hist_add(r->g_hist[g], x);
	if (hist_paged_add(r->hour_hist[hg], x) != 0)
		sim_fail(r->ctx, SIM_ENOMEM, "out of memory for attendance "
			 "times by hour");
}

/* Puts the staged attendance times in r->by_hour, in order of their hour
 * and grade (a counting sort: the batch's order kept within each). */
static void period_sort(struct response *r)
{
	size_t nb = HOURS_PER_WEEK * r->sc->n_grades;
	uint32_t *at = r->by_hour_at;

	memset(at, 0, (nb + 1) * sizeof *at);
	for (size_t i = 0; i < r->n_staged; i++)
		at[r->staged[i].hour_grade + 1]++;
	for (size_t b = 1; b < nb; b++)
		at[b] += at[b - 1];
	for (size_t i = 0; i < r->n_staged; i++)
		r->by_hour[at[r->staged[i].hour_grade]++] = r->staged[i];
}

/* Puts the staged attendance times in their histograms. One histogram of
 * an hour and a grade is touched about once a week of simulated time, so
 * each time's bin is far from the cache: one at a time in the event that
 * attends the incident, each waits for memory alone. A batch of 1,024
 * (about three hours of the bundled scenario's incidents) holds a few
 * dozen of each hour and grade in hand; put in hour by hour, they share
 * the histogram's page table and many of its bins' cache lines, which
 * are fetched once instead of once a time. A histogram is a count per
 * bin, so the order the times go in changes nothing. */
static void period_flush(struct response *r)
{
	size_t ng = r->sc->n_grades;

	period_sort(r);
	for (size_t i = 0; i < r->n_staged; i++) {
		const struct rsp_staged *s = &r->by_hour[i];

		period_hist_add(r, s->area_grade, s->area_grade % ng,
				s->hour_grade, s->attend_s);
	}
	r->n_staged = 0;
}

void response_period_attended(struct response *r, const struct incident *inc,
			      double attend_s, bool within)
{
	size_t h = inc->hour, d = inc->day;
	size_t ng = r->sc->n_grades;
	size_t ag = inc->area * ng + inc->grade, hg = h * ng + inc->grade;

	if (r->staging) {
		r->staged[r->n_staged++] = (struct rsp_staged){
			.attend_s = attend_s, .area_grade = (uint32_t)ag,
			.hour_grade = (uint32_t)hg };
		if (r->n_staged == RSP_STAGED_MAX)
			period_flush(r);
	} else {
		period_hist_add(r, ag, inc->grade, hg, attend_s);
	}
	if (!within)
		return;
	period_hg(r, h, inc->grade)[RSP_T_WITHIN] += 1;
	period_ha(r, h, inc->area)[RSP_T_WITHIN] += 1;
	period_da(r, d, inc->area)[RSP_T_WITHIN] += 1;
}

/* Closes the counted stretch [last tick, now): each group's unit time
 * since the last tick goes to the hour the stretch began in. */
static void period_close_stretch(struct response *r, double now)
{
	size_t h = period_hour_of(r, r->last_tick_s);

	r->h_seconds[h] += now - r->last_tick_s;
	for (size_t i = 0; i < r->sc->n_units; i++) {
		struct group *gr = &r->groups[i];
		double busy = timeavg_integral(&gr->busy_ta, now);
		double present = timeavg_integral(&gr->present_ta, now);
		double staff = timeavg_integral(&gr->staff_ta, now);

		gr->h_busy[h] += busy - gr->tick_busy;
		gr->h_present[h] += present - gr->tick_present;
		gr->h_staff[h] += staff - gr->tick_staff;
		gr->tick_busy = busy;
		gr->tick_present = present;
		gr->tick_staff = staff;
	}
	r->last_tick_s = now;
}

/* The next hour boundary after now, when it falls inside the counted
 * period: the period's close takes the stretch up to the horizon. */
static void period_schedule_tick(struct response *r, double now)
{
	double next_s = (floor(now / HOUR_S) + 1.0) * HOUR_S;

	if (next_s < r->end_s)
		sim_schedule(r->ctx, next_s, on_period_tick, r, 0);
}

static void on_period_tick(struct sim_ctx *ctx, const struct ev_event *ev)
{
	double now = sim_now(ctx);

	period_close_stretch(ev->obj, now);
	period_schedule_tick(ev->obj, now);
}

void response_period_open(struct response *r)
{
	double now = sim_now(r->ctx);

	for (size_t i = 0; i < r->sc->n_units; i++) {
		struct group *gr = &r->groups[i];

		gr->tick_busy = timeavg_integral(&gr->busy_ta, now);
		gr->tick_present = timeavg_integral(&gr->present_ta, now);
		gr->tick_staff = timeavg_integral(&gr->staff_ta, now);
	}
	r->last_tick_s = now;
	period_schedule_tick(r, now);
	r->staging = true;
}

/* Attendances after the close (of incidents created before it) go
 * straight to their histograms: none is left staged for the figures. */
void response_period_close(struct response *r)
{
	period_close_stretch(r, sim_now(r->ctx));
	period_flush(r);
	r->staging = false;
}

static double period_ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* Unit time in hour h of the groups `pick` chooses (for item i): on duty,
 * busy and present, summed into u[0..2]. */
static void period_units(const struct response *r, size_t h, size_t i,
			 bool (*pick)(const struct group *, size_t),
			 double u[3])
{
	u[0] = u[1] = u[2] = 0.0;
	for (size_t k = 0; k < r->sc->n_units; k++) {
		const struct group *gr = &r->groups[k];

		if (!pick(gr, i))
			continue;
		u[0] += gr->h_staff[h];
		u[1] += gr->h_busy[h];
		u[2] += gr->h_present[h];
	}
}

/* The units that attend grade g in ordinary dispatch, in any area. */
static bool period_attends(const struct group *gr, size_t g)
{
	return !gr->role->neighbourhood && (gr->role->attends >> g & 1u);
}

/* The units of area a that the area's utilisation counts. */
static bool period_in_area(const struct group *gr, size_t a)
{
	return !gr->role->neighbourhood && gr->spec->area == a;
}

/* Grade g's figures of hour h into f. */
static void period_grade_hour(const struct response *r, size_t h, size_t g,
			      double *f)
{
	static const double q[2] = { 0.50, 0.90 };
	const double *t = period_hg(r, h, g);
	double weeks = r->h_seconds[h] / HOUR_S, u[3], p[2];

	period_units(r, h, g, period_attends, u);
	hist_paged_quantiles(r->hour_hist[h * r->sc->n_grades + g], r->hour_win,
			     q, 2, p);
	f[RSP_I_INCIDENTS] = period_ratio(t[RSP_T_INCIDENTS], weeks);
	f[RSP_I_WITHIN_TARGET] = isfinite(r->sc->grades[g].target_s)
		? period_ratio(t[RSP_T_WITHIN], t[RSP_T_INCIDENTS]) : NAN;
	f[RSP_I_ATTEND_P50_S] = p[0];
	f[RSP_I_ATTEND_P90_S] = p[1];
	f[RSP_I_UNITS_ON_DUTY] = period_ratio(u[0], r->h_seconds[h]);
	f[RSP_I_UTILISATION] = period_ratio(u[1], u[2]);
}

/* Area a's figures of hour h into f. */
static void period_area_hour(const struct response *r, size_t h, size_t a,
			     double *f)
{
	const double *t = period_ha(r, h, a);
	double u[3];

	period_units(r, h, a, period_in_area, u);
	f[RSP_IA_INCIDENTS] = period_ratio(t[RSP_T_INCIDENTS],
					   r->h_seconds[h] / HOUR_S);
	f[RSP_IA_WITHIN_TARGET] = period_ratio(t[RSP_T_WITHIN],
					       t[RSP_T_TARGETED]);
	f[RSP_IA_UNITS_ON_DUTY] = period_ratio(u[0], r->h_seconds[h]);
	f[RSP_IA_UTILISATION] = period_ratio(u[1], u[2]);
}

void response_period_figures(const struct response *r,
			     struct replication_result *out)
{
	size_t ng = r->sc->n_grades, na = r->sc->n_areas;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		for (size_t g = 0; g < ng; g++)
			period_grade_hour(r, h, g,
					  replication_igrade_at(out, h, g));
		for (size_t a = 0; a < na; a++)
			period_area_hour(r, h, a,
					 replication_iarea_at(out, h, a));
	}
	for (size_t d = 0; d < r->n_days; d++)
		for (size_t a = 0; a < na; a++) {
			const double *t = period_da(r, d, a);
			double *f = replication_darea_at(out, d, a);

			f[RSP_DA_INCIDENTS] = t[RSP_T_INCIDENTS];
			f[RSP_DA_WITHIN_TARGET] = period_ratio(
				t[RSP_T_WITHIN], t[RSP_T_TARGETED]);
		}
}
