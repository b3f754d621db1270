/* optimise.c: the staffing plan of the optimiser — Erlang first guess,
 * rosters of one-hour shifts, and the raise step (see optimise.h); the
 * raise for deferrable work is optimise_deferrable.c. */
#include "models/optimise.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/erlang.h"
#include "models/week.h"
#include "sim/mem.h"


void optimise_plan_free(struct optimise_plan *p)
{
	if (p == NULL)
		return;
	free(p->chosen);
	free(p->primary);
	free(p->on_duty);
	free(p->load);
	free(p);
}

/* The pool that takes line l's load: the lowest position of l in a serves
 * list wins, the earlier pool on a tie; -1 when no pool serves it. */
static long optimise_primary(const struct scenario *sc, size_t l)
{
	long best = -1;
	size_t best_rank = (size_t)-1;

	for (size_t p = 0; p < sc->n_pools; p++)
		for (size_t k = 0; k < sc->pools[p].n_serves; k++)
			if (sc->pools[p].serves[k] == l && k < best_rank) {
				best = (long)p;
				best_rank = k;
			}
	return best;
}

/* Sums the expected calls of the occurrences of each local hour of the
 * week that lie wholly inside [t0, t1), and counts them. Scenario time's
 * hours are the clock's hours (the clocks change by whole hours), read on
 * the local clock from the start date's weekday: October's repeated hour
 * occurs twice, March's skipped hour not at all. */
static void optimise_hours_in(const struct demand_plan *plan, int weekday,
			      double t0, double t1, double *sum, int *count)
{
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		sum[h] = 0;
		count[h] = 0;
	}
	for (double t = 0; t + HOUR_S <= t1; t += HOUR_S) {
		double local = demand_plan_local_s(plan, t + HOUR_S / 2);
		size_t h = (size_t)((local + weekday * DAY_S) / HOUR_S)
			   % HOURS_PER_WEEK;

		if (t >= t0) {
			sum[h] += demand_plan_expected(plan, t, t + HOUR_S);
			count[h]++;
		}
	}
}

/* The expected arrivals of demand d in each hour of the week (see
 * optimise.h) into per_hour[HOURS_PER_WEEK]. */
static enum sim_status optimise_demand_hourly(const struct scenario *sc,
					      const struct demand_spec *d,
					      double *per_hour,
					      struct sim_err *err)
{
	double horizon = scenario_horizon_s(sc), sum[HOURS_PER_WEEK];
	int counted[HOURS_PER_WEEK], all[HOURS_PER_WEEK];
	int wd = demand_weekday(sc->run.start);
	struct demand_plan *plan;

	plan = demand_plan_new(d, sc->run.start, horizon, err);
	if (plan == NULL)
		return err->status;
	optimise_hours_in(plan, wd, scenario_warmup_end_s(sc), horizon,
			  per_hour, counted);
	optimise_hours_in(plan, wd, 0, horizon, sum, all);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		if (counted[h] > 0)
			per_hour[h] /= counted[h];
		else
			per_hour[h] = all[h] > 0 ? sum[h] / all[h] : 0;
	}
	demand_plan_free(plan);
	return SIM_OK;
}

enum sim_status optimise_line_hourly(const struct scenario *sc, size_t line,
				     double *per_hour, struct sim_err *err)
{
	assert(line < sc->n_lines);
	return optimise_demand_hourly(sc, &sc->lines[line].demand, per_hour,
				      err);
}

enum sim_status optimise_stream_hourly(const struct scenario *sc,
				       size_t stream, double *per_hour,
				       struct sim_err *err)
{
	assert(stream < sc->n_deferrable);
	return optimise_demand_hourly(sc, &sc->deferrable[stream].work.demand,
				      per_hour, err);
}

/* Mean handle plus wrap-up time of a line: the work one call brings. */
static double optimise_work_s(const struct line_spec *l)
{
	return dist_mean(&l->handle) + (l->has_wrap ? dist_mean(&l->wrap) : 0);
}

/* The agents line l asks of its pool in one hour, when the pool's load is
 * `calls` calls bringing `work` seconds of work in all. */
static int optimise_line_need(const struct line_spec *l, double calls,
			      double work, int max_staff, bool *capped)
{
	double lambda = calls / HOUR_S, mu = calls / work;
	double theta = l->has_patience ? 1 / dist_mean(&l->patience) : 0;
	int c;

	if (isnan(l->goal))
		c = (int)fmin(ceil(work / HOUR_S - 1e-9), max_staff);
	else
		c = erlang_required(lambda, mu, theta, l->target_s, l->goal,
				    max_staff);
	if (c < 0) {
		*capped = true;
		c = max_staff;
	}
	return c;
}

/* Sets the requirement of pool `pool` in every hour from the lines whose
 * load it takes; rates[l][h] are the lines' hourly calls. */
static void optimise_pool_guess(struct optimise_plan *p,
				const struct scenario *sc, size_t pool,
				const double *rates)
{
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double calls = 0, work = 0;
		int need = 0;

		for (size_t l = 0; l < sc->n_lines; l++)
			if (p->primary[l] == (long)pool) {
				calls += rates[l * HOURS_PER_WEEK + h];
				work += rates[l * HOURS_PER_WEEK + h]
					* optimise_work_s(&sc->lines[l]);
			}
		for (size_t l = 0; calls > 0 && l < sc->n_lines; l++)
			if (p->primary[l] == (long)pool) {
				int c = optimise_line_need(&sc->lines[l], calls, work,
							   p->max_staff, &p->capped);

				need = c > need ? c : need;
			}
		p->on_duty[pool * HOURS_PER_WEEK + h] = need;
		p->load[pool * HOURS_PER_WEEK + h] += work / HOUR_S;
	}
}

/* Adds the work of each deferrable stream, in Erlangs hour by hour, to
 * its pool's load. */
static enum sim_status optimise_streams_load(struct optimise_plan *p,
					     const struct scenario *sc,
					     struct sim_err *err)
{
	double items[HOURS_PER_WEEK];
	enum sim_status st = SIM_OK;

	for (size_t i = 0; st == SIM_OK && i < sc->n_deferrable; i++) {
		const struct deferrable_spec *d = &sc->deferrable[i];
		double handle_s = dist_mean(&d->work.handle);

		st = optimise_stream_hourly(sc, i, items, err);
		for (size_t h = 0; st == SIM_OK && h < HOURS_PER_WEEK; h++)
			p->load[d->pool * HOURS_PER_WEEK + h] +=
				items[h] * handle_s / HOUR_S;
	}
	return st;
}

/* Allocates a plan for sc with chosen pools copied; NULL when out of
 * memory. */
static struct optimise_plan *optimise_plan_alloc(const struct scenario *sc,
						 const bool *chosen,
						 int max_staff)
{
	struct optimise_plan *p = mem_calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->n_pools = sc->n_pools;
	p->n_lines = sc->n_lines;
	p->max_staff = max_staff;
	p->chosen = mem_calloc(sc->n_pools + 1, sizeof *p->chosen);
	p->primary = mem_calloc(sc->n_lines + 1, sizeof *p->primary);
	p->on_duty = mem_calloc(sc->n_pools * HOURS_PER_WEEK + 1, sizeof *p->on_duty);
	p->load = mem_calloc(sc->n_pools * HOURS_PER_WEEK + 1, sizeof *p->load);
	if (p->chosen == NULL || p->primary == NULL || p->on_duty == NULL
	    || p->load == NULL) {
		optimise_plan_free(p);
		return NULL;
	}
	memcpy(p->chosen, chosen, sc->n_pools * sizeof *chosen);
	for (size_t l = 0; l < sc->n_lines; l++)
		p->primary[l] = optimise_primary(sc, l);
	return p;
}

struct optimise_plan *optimise_plan_new(const struct scenario *sc,
					const bool *chosen, int max_staff,
					struct sim_err *err)
{
	struct optimise_plan *p = optimise_plan_alloc(sc, chosen, max_staff);
	double *rates = mem_malloc((sc->n_lines + 1) * HOURS_PER_WEEK * sizeof *rates);
	enum sim_status st = SIM_OK;

	assert(max_staff >= 1);
	if (p == NULL || rates == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory planning the staffing");
		st = SIM_ENOMEM;
	}
	for (size_t l = 0; st == SIM_OK && l < sc->n_lines; l++)
		st = optimise_line_hourly(sc, l, rates + l * HOURS_PER_WEEK, err);
	for (size_t q = 0; st == SIM_OK && q < sc->n_pools; q++)
		if (p->chosen[q])
			optimise_pool_guess(p, sc, q, rates);
	if (st == SIM_OK)
		st = optimise_streams_load(p, sc, err);
	free(rates);
	if (st != SIM_OK) {
		optimise_plan_free(p);
		return NULL;
	}
	return p;
}

/* Round half up with the same margin as roster.c, so the count found here
 * is the count the simulated roster puts on duty. */
static int optimise_after_shrinkage(int rostered, double shrinkage)
{
	return (int)floor(rostered * (1 - shrinkage) + 0.5 + 1e-9);
}

int optimise_rostered(int on_duty, double shrinkage)
{
	int r;

	assert(on_duty >= 0 && shrinkage >= 0 && shrinkage < 1);
	r = (int)ceil((on_duty - 0.5) / (1 - shrinkage));
	if (r < 0)
		r = 0;
	/* The estimate is within one of the answer either way. */
	while (optimise_after_shrinkage(r, shrinkage) < on_duty)
		r++;
	while (r > 0 && optimise_after_shrinkage(r - 1, shrinkage) >= on_duty)
		r--;
	return r;
}

double optimise_rostered_hours(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool)
{
	double hours = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		hours += optimise_rostered(p->on_duty[pool * HOURS_PER_WEEK + h],
					   sc->pools[pool].shrinkage);
	return hours;
}

/* Appends one shift per staffed hour to f; returns how many. */
static size_t optimise_shifts(FILE *f, const struct scenario *sc,
			      const struct optimise_plan *p, size_t pool)
{
	static const char *const days[DAYS_PER_WEEK] = { WEEK_DAY_KEYS };
	size_t n = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int staff = optimise_rostered(p->on_duty[pool * HOURS_PER_WEEK + h],
					      sc->pools[pool].shrinkage);

		if (staff == 0)
			continue;
		fprintf(f, "%s{name: h%03zu, start: \"%02zu:00\", hours: 1, "
			"days: [%s], staff: %d}", n ? ", " : "", h, h % 24,
			days[h / 24], staff);
		n++;
	}
	return n;
}

char *optimise_shifts_override(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert(pool < p->n_pools);
	if (f == NULL)
		return NULL;
	fprintf(f, "pools.%s.shifts=[", sc->pools[pool].name);
	/* A roster with nobody at all still needs one shift to be valid. */
	if (optimise_shifts(f, sc, p, pool) == 0)
		fputs("{name: h000, start: \"00:00\", hours: 1, days: [mon], "
		      "staff: 0}", f);
	fputc(']', f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Raises pool `pool` in hour h once per round (raised marks the round's
 * raises). Returns 1 when it did. */
static size_t optimise_bump(struct optimise_plan *p, size_t pool, size_t h,
			    bool *raised)
{
	int *n = &p->on_duty[pool * HOURS_PER_WEEK + h];

	if (raised[pool * HOURS_PER_WEEK + h] || *n >= p->max_staff)
		return 0;
	raised[pool * HOURS_PER_WEEK + h] = true;
	(*n)++;
	return 1;
}

/* The hour of line l with the lowest service level that can still be
 * raised this round; HOURS_PER_WEEK when none. */
static size_t optimise_worst_hour(const struct optimise_plan *p, size_t l,
				  const double *hour_sl, const bool *raised)
{
	size_t pool = (size_t)p->primary[l], worst = HOURS_PER_WEEK;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double sl = hour_sl[h * p->n_lines + l];
		size_t at = pool * HOURS_PER_WEEK + h;

		if (!isnan(sl) && p->on_duty[at] < p->max_staff && !raised[at]
		    && (worst == HOURS_PER_WEEK
			|| sl < hour_sl[worst * p->n_lines + l]))
			worst = h;
	}
	return worst;
}

/* The raises for one line that missed: every hour below its goal, or else
 * the `worst` hours that can still be raised, lowest first. */
static size_t optimise_raise_line(struct optimise_plan *p,
				  const struct scenario *sc, size_t l,
				  const double *hour_sl, size_t worst,
				  bool *raised)
{
	size_t pool = (size_t)p->primary[l], n = 0;
	double goal = sc->lines[l].goal;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		if (hour_sl[h * p->n_lines + l] < goal)
			n += optimise_bump(p, pool, h, raised);
	if (n > 0)
		return n;
	for (size_t k = 0; k < worst; k++) {
		size_t h = optimise_worst_hour(p, l, hour_sl, raised);

		if (h == HOURS_PER_WEEK)
			break;
		n += optimise_bump(p, pool, h, raised);
	}
	return n;
}

size_t optimise_plan_raise(struct optimise_plan *p, const struct scenario *sc,
			   const double *hour_sl, const bool *met,
			   const size_t *worst)
{
	bool *raised = mem_calloc(p->n_pools * HOURS_PER_WEEK + 1, sizeof *raised);
	size_t n = 0;

	if (raised == NULL)
		return 0;
	for (size_t l = 0; l < p->n_lines; l++)
		if (!met[l] && !isnan(sc->lines[l].goal) && p->primary[l] >= 0
		    && p->chosen[p->primary[l]])
			n += optimise_raise_line(p, sc, l, hour_sl,
						 worst ? worst[l] : 1, raised);
	free(raised);
	return n;
}

/* ------------------------------------------------------------------ */
/* Response units                                                       */


void optimise_units_free(struct optimise_units *u)
{
	if (u == NULL)
		return;
	free(u->chosen);
	free(u->first);
	free(u->staff);
	free(u->load);
	free(u->rate);
	free(u->top_rate);
	free(u);
}

void optimise_units_roles(const struct scenario *sc, bool *roles)
{
	for (size_t r = 0; r < sc->n_roles; r++)
		roles[r] = !sc->roles[r].neighbourhood && (sc->roles[r].attends & 1u);
}

/* Whether shift sh has its units rostered at the middle of hour-of-week h:
 * the middle, so a shift starting at 07:30 counts from the 07:00 hour only
 * if it covers most of it. */
static bool optimise_covers(const struct shift_spec *sh, size_t h)
{
	double t = (double)h * HOUR_S + HOUR_S / 2;

	for (int d = 0; d < 7; d++) {
		double since = fmod(t - (d * DAY_S + sh->start_s) + WEEK_S,
				    WEEK_S);

		if ((sh->days & (1u << d)) && since < sh->duration_s)
			return true;
	}
	return false;
}

/* Mean units the scenario rosters in entry e over the week. */
static double optimise_entry_units(const struct unit_spec *e)
{
	double sum = 0;

	for (size_t k = 0; k < e->n_shifts; k++) {
		int days = 0;

		for (int d = 0; d < 7; d++)
			days += (e->shifts[k].days >> d) & 1u;
		sum += e->shifts[k].staff * e->shifts[k].duration_s * days;
	}
	return sum / WEEK_S;
}

/* Whether entry e is chosen, in area a and its role attends grade g. */
static bool optimise_entry_attends(const struct optimise_units *u,
				   const struct scenario *sc, size_t e,
				   size_t a, size_t g)
{
	const struct unit_spec *us = &sc->units[e];

	return u->chosen[e] && us->area == a
	       && (sc->roles[us->role].attends & (1u << g));
}

/* The part of grade g's work in area a the chosen entries take: their mean
 * rostered units over those of every non-neighbourhood entry attending g
 * there (all of it when none has units yet, nothing when none is chosen). */
static double optimise_units_part(const struct optimise_units *u,
				  const struct scenario *sc, size_t a, size_t g)
{
	double mine = 0, all = 0;
	bool any = false;

	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *us = &sc->units[e];
		const struct role_spec *r = &sc->roles[us->role];

		if (us->area != a || r->neighbourhood || !(r->attends & (1u << g)))
			continue;
		all += optimise_entry_units(us);
		if (u->chosen[e]) {
			mine += optimise_entry_units(us);
			any = true;
		}
	}
	if (all > 0)
		return mine / all;
	return any ? 1 : 0;
}

/* Adds grade g's work in area a to the plan's hourly figures; inc[h] are
 * the grade's incidents in each hour of the week, force-wide. */
static void optimise_units_grade_work(struct optimise_units *u,
				      const struct scenario *sc, size_t a,
				      size_t g, const double *inc)
{
	const struct grade_spec *gs = &sc->grades[g];
	double part = optimise_units_part(u, sc, a, g) * sc->areas[a].share;
	double busy = dist_mean(&gs->travel) * sc->areas[a].travel_factor
		      + dist_mean(&gs->on_scene);
	/* A unit is sought only after the delay: a Scheduled incident of the
	 * afternoon is work for the evening shift. */
	size_t lag = gs->has_delay
		? (size_t)lround(dist_mean(&gs->delay) / HOUR_S)
		  % HOURS_PER_WEEK : 0;

	for (size_t h = 0; part > 0 && h < HOURS_PER_WEEK; h++) {
		double per_s = inc[(h + HOURS_PER_WEEK - lag) % HOURS_PER_WEEK]
			       * part / HOUR_S;

		u->rate[a * HOURS_PER_WEEK + h] += per_s;
		u->load[a * HOURS_PER_WEEK + h] += per_s * busy;
		if (g == 0)
			u->top_rate[a * HOURS_PER_WEEK + h] += per_s;
	}
}

/* Allocates the plan: chosen entries, the scenario's staff, zero work;
 * NULL when out of memory. */
static struct optimise_units *optimise_units_alloc(const struct scenario *sc,
						   const bool *roles,
						   int max_units)
{
	struct optimise_units *u = mem_calloc(1, sizeof *u);
	size_t n_cells = sc->n_areas * HOURS_PER_WEEK + 1, n = 0;

	if (u == NULL)
		return NULL;
	u->n_units = sc->n_units;
	u->n_areas = sc->n_areas;
	u->max_units = max_units;
	u->chosen = mem_calloc(sc->n_units + 1, sizeof *u->chosen);
	u->first = mem_calloc(sc->n_units + 1, sizeof *u->first);
	for (size_t e = 0; e < sc->n_units; e++)
		n += sc->units[e].n_shifts;
	u->staff = mem_calloc(n + 1, sizeof *u->staff);
	u->load = mem_calloc(n_cells, sizeof *u->load);
	u->rate = mem_calloc(n_cells, sizeof *u->rate);
	u->top_rate = mem_calloc(n_cells, sizeof *u->top_rate);
	if (!u->chosen || !u->first || !u->staff || !u->load || !u->rate
	    || !u->top_rate) {
		optimise_units_free(u);
		return NULL;
	}
	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *us = &sc->units[e];

		u->chosen[e] = roles[us->role] && !sc->roles[us->role].neighbourhood;
		u->first[e + 1] = u->first[e] + us->n_shifts;
		for (size_t k = 0; k < us->n_shifts; k++)
			u->staff[u->first[e] + k] = us->shifts[k].staff;
	}
	return u;
}

/* Adds line l's incidents of each grade in each hour into
 * inc[n_grades][HOURS_PER_WEEK]. */
static enum sim_status optimise_units_incidents(const struct scenario *sc,
						size_t l, double *inc,
						struct sim_err *err)
{
	double per_hour[HOURS_PER_WEEK];
	enum sim_status st = optimise_line_hourly(sc, l, per_hour, err);

	for (size_t g = 0; st == SIM_OK && g < sc->n_grades; g++)
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			inc[g * HOURS_PER_WEEK + h] += per_hour[h]
						       * sc->lines[l].incident_p[g];
	return st;
}

struct optimise_units *optimise_units_new(const struct scenario *sc,
					  const bool *roles, int max_units,
					  struct sim_err *err)
{
	struct optimise_units *u = optimise_units_alloc(sc, roles, max_units);
	double *inc = mem_calloc(sc->n_grades * HOURS_PER_WEEK + 1, sizeof *inc);
	enum sim_status st = SIM_OK;

	assert(max_units >= 1 && sc->n_grades > 0);
	if (u == NULL || inc == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory planning the units");
		st = SIM_ENOMEM;
	}
	for (size_t l = 0; st == SIM_OK && l < sc->n_lines; l++)
		st = optimise_units_incidents(sc, l, inc, err);
	for (size_t a = 0; st == SIM_OK && a < sc->n_areas; a++)
		for (size_t g = 0; g < sc->n_grades; g++)
			optimise_units_grade_work(u, sc, a, g,
						  inc + g * HOURS_PER_WEEK);
	free(inc);
	if (st != SIM_OK) {
		optimise_units_free(u);
		return NULL;
	}
	return u;
}

int optimise_units_needed(double load, double rate, double top_rate,
			  double slack_s, double goal, int c_max)
{
	int c = (int)ceil(load / OPTIMISE_UNITS_UTILISATION - 1e-9);

	assert(load >= 0 && rate >= top_rate && top_rate >= 0);
	if (load <= 0)
		return 0;
	for (c = c < 1 ? 1 : c; c <= c_max; c++) {
		double late;

		if (top_rate <= 0 || !(slack_s > 0) || isnan(goal))
			return c;
		/* load < c here, so Erlang C is defined and c mu > rate. */
		late = erlang_c(c, load)
		       * exp(-(c * rate / load - top_rate) * slack_s);
		if (1 - late >= goal)
			return c;
	}
	return -1;
}

int optimise_units_on_duty(const struct optimise_units *u,
			   const struct scenario *sc, size_t area, size_t hour)
{
	int n = 0;

	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *us = &sc->units[e];
		int rostered = 0;

		if (!u->chosen[e] || us->area != area)
			continue;
		for (size_t k = 0; k < us->n_shifts; k++)
			if (optimise_covers(&us->shifts[k], hour))
				rostered += u->staff[u->first[e] + k];
		n += optimise_after_shrinkage(rostered, us->shrinkage);
	}
	return n;
}

/* Load per unit on duty in area a, hour h: how busy the hour is. */
static double optimise_units_busy(const struct optimise_units *u,
				  const struct scenario *sc, size_t a, size_t h)
{
	double load = u->load[a * HOURS_PER_WEEK + h];
	int n = optimise_units_on_duty(u, sc, a, h);

	if (n > 0)
		return load / n;
	return load > 0 ? INFINITY : 0;
}

/* The hours of area a whose first guess is not yet on duty: short[h] is
 * how many units hour h lacks (0 for hours closed[h]); returns the hour
 * lacking most, or HOURS_PER_WEEK when none lacks any. */
static size_t optimise_units_short(const struct optimise_units *u,
				   const struct scenario *sc, size_t a,
				   const int *need, const bool *closed,
				   int *lack)
{
	size_t worst = HOURS_PER_WEEK;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		lack[h] = closed[h] ? 0 : need[h] - optimise_units_on_duty(u, sc, a, h);
		if (lack[h] > 0 && (worst == HOURS_PER_WEEK || lack[h] > lack[worst]))
			worst = h;
	}
	return worst;
}

/* The chosen shift of area a covering hour h, below max_units, that
 * covers most hours still short; returns its index into staff, or -1
 * (setting capped when a shift covered h but was full). */
static long optimise_units_cover_shift(struct optimise_units *u,
				       const struct scenario *sc, size_t a,
				       size_t h, const int *lack)
{
	long best = -1;
	int best_n = -1;

	for (size_t e = 0; e < sc->n_units; e++)
		for (size_t k = 0; u->chosen[e] && sc->units[e].area == a
		     && k < sc->units[e].n_shifts; k++) {
			const struct shift_spec *sh = &sc->units[e].shifts[k];
			size_t i = u->first[e] + k;
			int n = 0;

			if (!optimise_covers(sh, h))
				continue;
			if (u->staff[i] >= u->max_units) {
				u->capped = true;
				continue;
			}
			for (size_t t = 0; t < HOURS_PER_WEEK; t++)
				n += lack[t] > 0 && optimise_covers(sh, t);
			if (n > best_n) {
				best = (long)i;
				best_n = n;
			}
		}
	return best;
}

/* The first guess of area a: its chosen shifts from nothing, raised one
 * unit at a time where the hour furthest short of need[h] is. */
static void optimise_units_cover(struct optimise_units *u,
				 const struct scenario *sc, size_t a,
				 const int *need)
{
	bool closed[HOURS_PER_WEEK] = { false };
	int lack[HOURS_PER_WEEK];
	size_t h;

	for (size_t e = 0; e < sc->n_units; e++)
		for (size_t i = u->first[e]; sc->units[e].area == a && u->chosen[e]
		     && i < u->first[e + 1]; i++)
			u->staff[i] = 0;
	while ((h = optimise_units_short(u, sc, a, need, closed, lack))
	       < HOURS_PER_WEEK) {
		long i = optimise_units_cover_shift(u, sc, a, h, lack);

		/* An hour no shift can cover more is left as it is. */
		if (i < 0)
			closed[h] = true;
		else
			u->staff[i]++;
	}
}

void optimise_units_estimate(struct optimise_units *u,
			     const struct scenario *sc)
{
	const struct grade_spec *top = &sc->grades[0];
	int c_max = u->max_units * (int)(u->first[u->n_units] + 1);

	for (size_t a = 0; a < sc->n_areas; a++) {
		double slack = top->target_s - dist_mean(&top->travel)
			       * sc->areas[a].travel_factor
			       - (top->has_delay ? dist_mean(&top->delay) : 0);
		int need[HOURS_PER_WEEK];

		for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
			size_t i = a * HOURS_PER_WEEK + h;

			need[h] = optimise_units_needed(u->load[i], u->rate[i],
							u->top_rate[i], slack,
							top->goal, c_max);
			if (need[h] < 0) {
				need[h] = c_max;
				u->capped = true;
			}
		}
		optimise_units_cover(u, sc, a, need);
	}
}

char *optimise_units_path(const struct scenario *sc, size_t unit,
			  size_t shift)
{
	const char *fmt = "units.%zu.shifts.%s.staff";
	const char *name;
	int len;
	char *buf;

	assert(unit < sc->n_units && shift < sc->units[unit].n_shifts);
	name = sc->units[unit].shifts[shift].name;
	len = snprintf(NULL, 0, fmt, unit, name);
	buf = len < 0 ? NULL : mem_malloc((size_t)len + 1);
	if (buf != NULL)
		snprintf(buf, (size_t)len + 1, fmt, unit, name);
	return buf;
}

/* Whether grade g has an attendance agreement: a target and a goal. */
static bool optimise_graded(const struct scenario *sc, size_t g)
{
	return !isnan(sc->grades[g].target_s) && !isnan(sc->grades[g].goal);
}

/* Whether area a has a chosen shift attending grade g below max_units. */
static bool optimise_units_raisable(const struct optimise_units *u,
				    const struct scenario *sc, size_t a,
				    size_t g)
{
	for (size_t e = 0; e < sc->n_units; e++)
		for (size_t i = u->first[e]; optimise_entry_attends(u, sc, e, a, g)
		     && i < u->first[e + 1]; i++)
			if (u->staff[i] < u->max_units)
				return true;
	return false;
}

/* The raisable area with the lowest figure for grade g (an area without
 * incidents of g only when no other is raisable); -1 when none is. */
static long optimise_units_worst(const struct optimise_units *u,
				 const struct scenario *sc, size_t g,
				 const double *area_wt)
{
	long worst = -1;
	double worst_wt = NAN;

	for (size_t a = 0; a < sc->n_areas; a++) {
		double wt = area_wt[a * sc->n_grades + g];

		if (!optimise_units_raisable(u, sc, a, g))
			continue;
		/* A NAN so far gives way to any figure; ties keep the first. */
		if (worst < 0 || (!isnan(wt) && !(worst_wt <= wt))) {
			worst = (long)a;
			worst_wt = wt;
		}
	}
	return worst;
}

/* The peak load per unit on duty over the hours shift sh covers. */
static double optimise_units_peak(const struct optimise_units *u,
				  const struct scenario *sc, size_t a,
				  const struct shift_spec *sh)
{
	double peak = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		if (optimise_covers(sh, h))
			peak = fmax(peak, optimise_units_busy(u, sc, a, h));
	return peak;
}

/* The raisable shift of area a attending grade g that covers the busiest
 * hour; its index into staff, or -1. */
static long optimise_units_busiest(const struct optimise_units *u,
				   const struct scenario *sc, size_t a,
				   size_t g)
{
	long best = -1;
	double best_peak = -1;

	for (size_t e = 0; e < sc->n_units; e++)
		for (size_t k = 0; optimise_entry_attends(u, sc, e, a, g)
		     && k < sc->units[e].n_shifts; k++) {
			size_t i = u->first[e] + k;
			double peak;

			if (u->staff[i] >= u->max_units)
				continue;
			peak = optimise_units_peak(u, sc, a, &sc->units[e].shifts[k]);
			if (peak > best_peak) {
				best = (long)i;
				best_peak = peak;
			}
		}
	return best;
}

size_t optimise_units_raise(struct optimise_units *u, const struct scenario *sc,
			    const bool *met, const double *area_wt)
{
	size_t n = 0;

	for (size_t g = 0; g < sc->n_grades; g++) {
		long a, i;

		if (met[g] || !optimise_graded(sc, g))
			continue;
		a = optimise_units_worst(u, sc, g, area_wt);
		i = a < 0 ? -1 : optimise_units_busiest(u, sc, (size_t)a, g);
		if (i >= 0) {
			u->staff[i]++;
			n++;
		}
	}
	return n;
}

/* Area a's margin: its lowest figure less the goal over the grades with a
 * goal its chosen entries attend; INFINITY when none has a figure. */
static double optimise_units_margin(const struct optimise_units *u,
				    const struct scenario *sc, size_t a,
				    const double *area_wt)
{
	double margin = INFINITY;

	for (size_t g = 0; g < sc->n_grades; g++) {
		double wt = area_wt[a * sc->n_grades + g];
		bool attended = false;

		for (size_t e = 0; e < sc->n_units; e++)
			attended |= optimise_entry_attends(u, sc, e, a, g);
		if (attended && optimise_graded(sc, g) && !isnan(wt))
			margin = fmin(margin, wt - sc->grades[g].goal);
	}
	return margin;
}

/* The chosen shift of area a with units whose loss leaves the lowest peak
 * load per unit on duty; its index into staff, or -1. */
static long optimise_units_idlest(struct optimise_units *u,
				  const struct scenario *sc, size_t a)
{
	long best = -1;
	double best_peak = INFINITY;

	for (size_t e = 0; e < sc->n_units; e++)
		for (size_t k = 0; u->chosen[e] && sc->units[e].area == a
		     && k < sc->units[e].n_shifts; k++) {
			size_t i = u->first[e] + k;
			double peak;

			if (u->staff[i] == 0)
				continue;
			u->staff[i]--;
			peak = optimise_units_peak(u, sc, a, &sc->units[e].shifts[k]);
			u->staff[i]++;
			if (best < 0 || peak < best_peak) {
				best = (long)i;
				best_peak = peak;
			}
		}
	return best;
}

long optimise_units_lower(struct optimise_units *u, const struct scenario *sc,
			  const double *area_wt, const bool *done)
{
	long best = -1, i = -1;
	double best_margin = -INFINITY;

	for (size_t a = 0; a < sc->n_areas; a++) {
		double margin = optimise_units_margin(u, sc, a, area_wt);

		if (done[a] || optimise_units_idlest(u, sc, a) < 0)
			continue;
		if (best < 0 || margin > best_margin) {
			best = (long)a;
			best_margin = margin;
		}
	}
	if (best >= 0)
		i = optimise_units_idlest(u, sc, (size_t)best);
	if (i >= 0)
		u->staff[i]--;
	return best;
}
