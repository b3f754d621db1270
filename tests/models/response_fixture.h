/* response_fixture.h: building response scenarios by hand and driving the
 * response model alone, shared by the tests of the response model
 * (test_response.c: against queueing theory, accounting, limits;
 * test_response_dispatch.c: the dispatch rules on hand-worked timelines). */
#ifndef TESTS_MODELS_RESPONSE_FIXTURE_H
#define TESTS_MODELS_RESPONSE_FIXTURE_H

#include "replications.h"

#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "models/response.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim.h"

#define ALL_WEEK 0x7fu

/* ---- building scenarios by hand -------------------------------------- */

/* Prepares a distribution the test built by hand; it must be valid. */
static inline struct dist prep(struct dist d)
{
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(dist_prepare(&d, "test", &err), SIM_OK);
	return d;
}

static inline struct dist det(double value_s)
{
	return prep((struct dist){ .kind = DIST_DETERMINISTIC, .value = value_s });
}

static inline struct dist expo(double mean_s)
{
	return prep((struct dist){ .kind = DIST_EXPONENTIAL, .mean = mean_s });
}

/* Gives unit u n shifts (the first one around the clock, staff units). */
static inline void unit_shifts(struct unit_spec *u, size_t n, int staff)
{
	free(u->shifts);
	u->shifts = calloc(n, sizeof *u->shifts);
	assert_non_null(u->shifts);
	u->n_shifts = n;
	u->shifts[0] = (struct shift_spec){ .name = "all day", .start_s = 0,
		.duration_s = DAY_S, .days = ALL_WEEK, .staff = staff };
}

/* One flat call line at calls_per_h, answered at once (200 handlers, half
 * a second of talk), creating no incident until the test sets incident_p. */
static inline void flat_line(struct line_spec *ls, const char *name,
		      double calls_per_h)
{
	snprintf(ls->name, sizeof ls->name, "%s", name);
	ls->demand.mean_rate_per_s = calls_per_h / 3600.0;
	ls->demand.n_slots = 168;
	for (size_t i = 0; i < 168; i++)
		ls->demand.profile[i] = 1.0;
	for (size_t i = 0; i < 12; i++)
		ls->demand.month_factor[i] = 1.0;
	ls->handle = det(0.5);
	ls->target_s = 10.0;
	ls->goal = 0.9;
}

static inline void add_pool(struct scenario *sc)
{
	sc->n_pools = 1;
	sc->pools = calloc(1, sizeof *sc->pools);
	struct pool_spec *p = &sc->pools[0];
	snprintf(p->name, sizeof p->name, "handlers");
	p->n_serves = sc->n_lines;
	p->serves = calloc(sc->n_lines, sizeof *p->serves);
	for (size_t l = 0; l < sc->n_lines; l++)
		p->serves[l] = l;
	p->n_shifts = 1;
	p->shifts = calloc(1, sizeof *p->shifts);
	p->shifts[0] = (struct shift_spec){ .name = "all day", .start_s = 0,
		.duration_s = DAY_S, .days = ALL_WEEK, .staff = 200 };
	p->hours_per_week = 37.5;
}

/* Grades with no target, no delay, no travel and 30 min exponential on
 * scene; areas with equal shares and no neighbours; roles attending every
 * grade; units of area 0 and role 0, one crew of one on duty all week.
 * Tests change what they need. */
static inline void add_response(struct scenario *sc, size_t ng, size_t na, size_t nr,
			 size_t nu)
{
	sc->n_grades = ng;
	sc->grades = calloc(ng, sizeof *sc->grades);
	for (size_t g = 0; g < ng; g++) {
		struct grade_spec *gs = &sc->grades[g];
		snprintf(gs->name, sizeof gs->name, "grade %zu", g);
		gs->target_s = NAN;
		gs->goal = NAN;
		gs->travel = det(0.0);
		gs->on_scene = expo(1800.0);
	}
	sc->n_areas = na;
	sc->areas = calloc(na, sizeof *sc->areas);
	for (size_t a = 0; a < na; a++) {
		snprintf(sc->areas[a].name, sizeof sc->areas[a].name, "area %zu", a);
		sc->areas[a].share = 1.0 / (double)na;
		sc->areas[a].travel_factor = 1.0;
	}
	sc->n_roles = nr;
	sc->roles = calloc(nr, sizeof *sc->roles);
	for (size_t r = 0; r < nr; r++) {
		snprintf(sc->roles[r].name, sizeof sc->roles[r].name, "role %zu", r);
		sc->roles[r].attends = (1u << ng) - 1u;
		sc->roles[r].hours_per_week = 40.0;
	}
	sc->n_units = nu;
	sc->units = calloc(nu, sizeof *sc->units);
	for (size_t u = 0; u < nu; u++) {
		sc->units[u].crew = 1;
		unit_shifts(&sc->units[u], 1, 1);
	}
	sc->dispatch = (struct dispatch_spec){ .cross_border_after_s = 600.0,
		.cross_border_factor = 1.0 };
}

/* Adds a role attending the grades in mask and one unit of it (area 0, on
 * duty all week), listed after the others. */
static inline void add_group(struct scenario *sc, unsigned mask)
{
	sc->roles = realloc(sc->roles, (sc->n_roles + 1) * sizeof *sc->roles);
	sc->units = realloc(sc->units, (sc->n_units + 1) * sizeof *sc->units);
	assert_non_null(sc->roles);
	assert_non_null(sc->units);
	sc->roles[sc->n_roles] = (struct role_spec){ .name = "second",
		.attends = mask, .hours_per_week = 40.0 };
	sc->units[sc->n_units] = (struct unit_spec){ .role = sc->n_roles,
		.crew = 1 };
	unit_shifts(&sc->units[sc->n_units], 1, 1);
	sc->n_roles++;
	sc->n_units++;
}

/* A scenario of n_lines lines (line l creates grade l when the test says
 * so) and the response part above. */
static inline struct scenario *new_scenario(size_t n_lines, double calls_per_h,
				     size_t ng, size_t na, size_t nr, size_t nu)
{
	static const char *names[] = { "999", "101", "chat" };
	struct scenario *sc = calloc(1, sizeof *sc);
	assert_non_null(sc);
	assert_true(n_lines <= 3);
	snprintf(sc->name, sizeof sc->name, "response test");
	sc->run = (struct run_spec){ .days = 1, .warmup_s = 0,
		.replications = 2, .seed = 2385, .start = { 2024, 4, 1 } };
	sc->n_lines = n_lines;
	sc->lines = calloc(n_lines, sizeof *sc->lines);
	for (size_t l = 0; l < n_lines; l++)
		flat_line(&sc->lines[l], names[l], calls_per_h);
	add_pool(sc);
	add_response(sc, ng, na, nr, nu);
	return sc;
}

/* ---- running the response model alone --------------------------------- */

/* A call that ends at t_s on `line`. */
struct call {
	double t_s;
	size_t line;
};

/* One driven replication and its figures. */
struct drive {
	struct sim_ctx *ctx;
	struct response *rsp;
	double grade[RESPONSE_GRADES_MAX * RSP_GRADE_METRICS];
	double *area_grade;
	double area[8 * RSP_AREA_METRICS];
	long pending_at_end;   /* counted incidents never attended */
};

static inline void on_call(struct sim_ctx *ctx, const struct ev_event *ev)
{
	response_call_ended(ev->obj, (size_t)ev->arg, 1, 0, sim_now(ctx), false);
}

static inline void on_open(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	response_open(ev->obj);
}

static inline void on_close(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	response_close(ev->obj);
}

/* Runs the script to the horizon and settle_s beyond it, so incidents
 * unattended at the horizon have that long to be attended. */
static inline void drive(struct drive *d, const struct scenario *sc,
		  const struct call *calls, size_t n, double settle_s)
{
	struct sim_err err;
	double end_s = scenario_horizon_s(sc);

	sim_err_clear(&err);
	assert_true(sc->n_areas <= 8);
	d->ctx = sim_new(sc->run.seed, 0, RSP_STREAM_KINDS, &err);
	assert_non_null(d->ctx);
	d->rsp = response_new(sc, d->ctx, sc->run.warmup_s, end_s, 0, &err);
	assert_non_null(d->rsp);
	for (size_t i = 0; i < n; i++)
		assert_true(sim_schedule(d->ctx, calls[i].t_s, on_call, d->rsp,
					 (int64_t)calls[i].line) != 0);
	assert_true(sim_schedule(d->ctx, sc->run.warmup_s, on_open, d->rsp, 0));
	assert_true(sim_schedule(d->ctx, end_s, on_close, d->rsp, 0));
	sim_run_until(d->ctx, end_s + settle_s);
	assert_int_equal(sim_status(d->ctx), SIM_OK);
	d->pending_at_end = response_pending(d->rsp);
	d->area_grade = calloc(sc->n_areas * sc->n_grades * RSP_GRADE_METRICS,
			       sizeof(double));
	struct rsp_figures fig = { d->grade, d->area_grade, d->area };
	response_figures(d->rsp, &fig);
}

static inline void drive_free(struct drive *d)
{
	response_free(d->rsp);
	sim_free(d->ctx);
	free(d->area_grade);
}

static inline const double *grade_of(const struct drive *d, size_t g)
{
	return d->grade + g * RSP_GRADE_METRICS;
}

static inline const double *area_of(const struct drive *d, size_t a)
{
	return d->area + a * RSP_AREA_METRICS;
}

/* ---- running replications through the contact centre ----------------- */

/* Every counted incident of every replication was attended. */
static inline void assert_all_attended(struct replication_result **res, unsigned n, size_t ng)
{
	for (unsigned i = 0; i < n; i++)
		for (size_t g = 0; g < ng; g++) {
			double *f = replication_grade_at(res[i], g);
			assert_true(f[RSP_INCIDENTS] > 0);
			assert_seconds_near(f[RSP_ATTENDED], f[RSP_INCIDENTS], 0.0);
		}
}

/* Area 0 (40% of incidents) has no units; area 1 has 6. Each area lists the
 * other as its neighbour. Travel is 300.5 s, x1.25 inside area 0, x1.5
 * across a border; the border opens after 420.25 s. So every area-0
 * incident is attended by an area-1 unit, and none sooner than
 * 420.25 + 300.5 x 1.25 x 1.5 s; area-1 incidents never cross. */
static inline struct scenario *border_scenario(double target_s)
{
	struct scenario *sc = new_scenario(1, 6.0, 1, 2, 1, 1);
	sc->run.days = 10;
	sc->run.warmup_s = DAY_S;
	sc->lines[0].incident_p[0] = 0.7;
	sc->grades[0].travel = det(300.5);
	sc->grades[0].target_s = target_s;
	sc->areas[0].share = 0.4;
	sc->areas[1].share = 0.6;
	sc->areas[0].travel_factor = 1.25;
	for (size_t a = 0; a < 2; a++) {
		sc->areas[a].neighbours = calloc(1, sizeof(size_t));
		sc->areas[a].neighbours[0] = 1 - a;
		sc->areas[a].n_neighbours = 1;
	}
	sc->dispatch.cross_border_after_s = 420.25;
	sc->dispatch.cross_border_factor = 1.5;
	sc->units[0].area = 1;
	unit_shifts(&sc->units[0], 1, 6);
	return sc;
}

#endif
