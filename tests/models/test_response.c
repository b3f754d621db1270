/* test_response.c: the incident response model against queueing theory and
 * against hand-worked timelines.
 *
 * Statistical tests run R fixed-seed replications of a stationary scenario
 * through the contact centre (calls arrive as a Poisson stream, 200
 * handlers answer them at once and talk for half a second, so incidents
 * arrive as a Poisson stream too) and ask that the analytic value lie in
 * the 99% Student-t interval of the replication values. The interval is the
 * run's own and is never widened.
 *
 * Dispatch-rule tests drive the response model alone: a script of calls at
 * chosen instants, deterministic travel and on-scene times, so every
 * attendance time is known exactly and compared exactly (the times are
 * binary fractions, so the sums the model forms are exact too). */
#include "replications.h"

#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "models/erlang.h"
#include "models/response.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/ci.h"
#include "sim/sim.h"

#define ALL_WEEK 0x7fu

/* ---- building scenarios by hand -------------------------------------- */

/* Prepares a distribution the test built by hand; it must be valid. */
static struct dist prep(struct dist d)
{
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(dist_prepare(&d, "test", &err), SIM_OK);
	return d;
}

static struct dist det(double value_s)
{
	return prep((struct dist){ .kind = DIST_DETERMINISTIC, .value = value_s });
}

static struct dist expo(double mean_s)
{
	return prep((struct dist){ .kind = DIST_EXPONENTIAL, .mean = mean_s });
}

/* Gives unit u n shifts (the first one around the clock, staff units). */
static void unit_shifts(struct unit_spec *u, size_t n, int staff)
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
static void flat_line(struct line_spec *ls, const char *name,
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

static void add_pool(struct scenario *sc)
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
static void add_response(struct scenario *sc, size_t ng, size_t na, size_t nr,
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
static void add_group(struct scenario *sc, unsigned mask)
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
static struct scenario *new_scenario(size_t n_lines, double calls_per_h,
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

static void on_call(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	response_call_ended(ev->obj, (size_t)ev->arg);
}

static void on_open(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	response_open(ev->obj);
}

static void on_close(struct sim_ctx *ctx, const struct ev_event *ev)
{
	(void)ctx;
	response_close(ev->obj);
}

/* Runs the script to the horizon and settle_s beyond it, so incidents
 * unattended at the horizon have that long to be attended. */
static void drive(struct drive *d, const struct scenario *sc,
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

static void drive_free(struct drive *d)
{
	response_free(d->rsp);
	sim_free(d->ctx);
	free(d->area_grade);
}

static const double *grade_of(const struct drive *d, size_t g)
{
	return d->grade + g * RSP_GRADE_METRICS;
}

static const double *area_of(const struct drive *d, size_t a)
{
	return d->area + a * RSP_AREA_METRICS;
}

/* ---- running replications through the contact centre ----------------- */

/* Every counted incident of every replication was attended. */
static void assert_all_attended(struct replication_result **res, unsigned n, size_t ng)
{
	for (unsigned i = 0; i < n; i++)
		for (size_t g = 0; g < ng; g++) {
			double *f = replication_grade_at(res[i], g);
			assert_true(f[RSP_INCIDENTS] > 0);
			assert_seconds_near(f[RSP_ATTENDED], f[RSP_INCIDENTS], 0.0);
		}
}

/* ---- against queueing theory ------------------------------------------ */

/* 12.5 calls an hour, 60% of them incidents: 7.5 incidents an hour, 5
 * units, 30 min exponential on scene, no travel: M/M/5 at 3.75 Erlangs.
 * The wait for a unit is the attendance time, so its mean and the fraction
 * attended within 10 min are Erlang C's; utilisation is a / c. */
static void test_attendance_matches_erlang_c(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 12.5, 1, 1, 1, 1);
	sc->run.days = 28;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 100;
	sc->lines[0].incident_p[0] = 0.6;
	sc->grades[0].target_s = 600.0;
	unit_shifts(&sc->units[0], 1, 5);
	struct replication_result **res = replications_run(sc);
	struct erlang_queue q = { .lambda = 7.5 / 3600.0, .mu = 1.0 / 1800.0,
		.c = 5, .theta = 0 };
	struct erlang_result th;
	assert_int_equal(erlang_solve(&q, 600.0, &th), 0);

	assert_all_attended(res, 100, 1);
	assert_in_ci(replications_ci(res, 100, replication_grade_at, 0, RSP_ATTEND_MEAN_S),
		     th.asa_s,
		     "mean attendance");
	assert_in_ci(replications_ci(res, 100, replication_grade_at, 0, RSP_WITHIN_TARGET),
		     th.service_level,
		     "attended within 10 min");
	assert_in_ci(replications_ci(res, 100, replication_area_at, 0, RSP_UTILISATION),
		     th.occupancy,
		     "utilisation");
	assert_in_ci(replications_ci(res, 100, replication_area_at, 0, RSP_UNITS_ON_DUTY),
		     5.0, "on duty");
	replications_free(res, 100);
	scenario_free(sc);
}

/* Two grades sharing 5 units at 85% load (Emergency 3.4 an hour, Priority
 * 5.1 an hour, both 30 min on scene): non-preemptive priority, so Cobham's
 * formulas give the mean waits
 *     W1 = C / (c mu (1 - rho1)),  W2 = C / (c mu (1 - rho1)(1 - rho)). */
static void test_grade_priority_matches_cobham(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 10.0, 2, 1, 1, 1);
	sc->run.days = 28;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 100;
	sc->lines[0].incident_p[0] = 0.34;
	sc->lines[0].incident_p[1] = 0.51;
	unit_shifts(&sc->units[0], 1, 5);
	struct replication_result **res = replications_run(sc);
	double mu = 1.0 / 1800.0, c = 5;
	double rho1 = (3.4 / 3600.0) / (c * mu);
	double rho = (8.5 / 3600.0) / (c * mu);
	double pw = erlang_c(5, 8.5 / 3600.0 / mu);
	double w1 = pw / (c * mu * (1 - rho1));
	double w2 = pw / (c * mu * (1 - rho1) * (1 - rho));

	assert_all_attended(res, 100, 2);
	struct ci high = replications_ci(res, 100, replication_grade_at, 0, RSP_ATTEND_MEAN_S);
	struct ci low = replications_ci(res, 100, replication_grade_at, 1, RSP_ATTEND_MEAN_S);
	assert_in_ci(high, w1, "Emergency attendance");
	assert_in_ci(low, w2, "Priority attendance");
	assert_true(high.hi < low.lo);
	replications_free(res, 100);
	scenario_free(sc);
}

/* ---- cross-border dispatch -------------------------------------------- */

/* Area 0 (40% of incidents) has no units; area 1 has 6. Each area lists the
 * other as its neighbour. Travel is 300.5 s, x1.25 inside area 0, x1.5
 * across a border; the border opens after 420.25 s. So every area-0
 * incident is attended by an area-1 unit, and none sooner than
 * 420.25 + 300.5 x 1.25 x 1.5 s; area-1 incidents never cross. */
static struct scenario *border_scenario(double target_s)
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

static void test_cross_border_only_after_the_wait(void **state)
{
	(void)state;
	double least_s = 420.25 + 300.5 * 1.25 * 1.5;
	/* Just below the least possible attendance: no area-0 incident is
	 * within it. Just above: some are, as units of area 1 are idle when
	 * the border opens, so the bound is the wait itself, not a later one. */
	for (int above = 0; above < 2; above++) {
		struct scenario *sc = border_scenario(least_s +
						      (above ? 1e-6 : -1e-6));
		struct replication_result **res = replications_run(sc);
		for (unsigned i = 0; i < 2; i++) {
			double *a0 = replication_area_grade_at(res[i], 0, 0);
			double *a1 = replication_area_grade_at(res[i], 1, 0);
			assert_true(a0[RSP_INCIDENTS] > 50);
			assert_seconds_near(a0[RSP_ATTENDED], a0[RSP_INCIDENTS], 0.0);
			assert_seconds_near(a0[RSP_CROSS_BORDER], a0[RSP_ATTENDED], 0.0);
			assert_seconds_near(a1[RSP_CROSS_BORDER], 0.0, 0.0);
			assert_seconds_near(replication_grade_at(res[i], 0)[RSP_CROSS_BORDER],
					    a0[RSP_CROSS_BORDER], 0.0);
			assert_true(a0[RSP_ATTEND_MEAN_S] > least_s);
			if (above)
				assert_true(a0[RSP_WITHIN_TARGET] > 0.5);
			else
				assert_seconds_near(a0[RSP_WITHIN_TARGET], 0.0, 0.0);
			assert_true(a1[RSP_WITHIN_TARGET] > 0.9);
		}
		replications_free(res, 2);
		scenario_free(sc);
	}
}

/* A wait threshold is met when its check fires, even where ready + wait -
 * ready rounds below the wait (1000.1 + 420.7 - 1000.1 < 420.7 in double):
 * area 0 has no response unit, area 1 one idle unit, so the Emergency of
 * 1000.1 crosses the border exactly when the border opens. The unit is
 * then on scene for hours; the Emergency of 4321.9 gets area 0's
 * neighbourhood unit exactly 900.2 s after it was created. */
static void test_wait_thresholds_exact(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 2, 2, 2);
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].travel = det(300.5);
	sc->grades[0].on_scene = det(36000.0);
	sc->areas[0].share = 1.0;
	sc->areas[1].share = 0.0;
	sc->areas[0].neighbours = calloc(1, sizeof(size_t));
	sc->areas[0].neighbours[0] = 1;
	sc->areas[0].n_neighbours = 1;
	sc->dispatch.cross_border_after_s = 420.7;
	sc->dispatch.cross_border_factor = 1.5;
	sc->units[0].area = 1;
	sc->units[1].role = 1;
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	sc->roles[1].abstract_after_s = 900.2;
	assert_true(1000.1 + 420.7 - 1000.1 < 420.7);
	assert_true(4321.9 + 900.2 - 4321.9 < 900.2);
	const struct call calls[] = { { 1000.1, 0 }, { 4321.9, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, 0.0);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_CROSS_BORDER], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    ((420.7 + 300.5 * 1.5) + (900.2 + 300.5)) / 2, 1e-9);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- abstraction of neighbourhood officers ---------------------------- */

/* One area; grade 0 Emergency (45.5 s grading delay, 123.5 s travel,
 * 1000.25 s on scene), grade 1 Priority (200.75 s travel, 5000.5 s on
 * scene). Unit 0: one response unit, crew 2. Unit 1: one neighbourhood
 * unit, crew 3, abstracted to an Emergency after 600 s (or never). Line l
 * creates grade l. */
static struct scenario *abstraction_scenario(enum abstraction_policy policy)
{
	struct scenario *sc = new_scenario(2, 1.0, 2, 1, 2, 2);
	sc->lines[0].incident_p[0] = 1.0;
	sc->lines[1].incident_p[1] = 1.0;
	sc->grades[0].has_delay = 1;
	sc->grades[0].delay = det(45.5);
	sc->grades[0].travel = det(123.5);
	sc->grades[0].on_scene = det(1000.25);
	sc->grades[1].travel = det(200.75);
	sc->grades[1].on_scene = det(5000.5);
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = policy;
	sc->roles[1].abstract_after_s = 600.0;
	sc->units[0].crew = 2;
	sc->units[1].role = 1;
	sc->units[1].crew = 3;
	return sc;
}

/* Priority at 100 takes the response unit until 5301.25. The Emergency
 * created at 1000 is ready at 1045.5 and gets the neighbourhood unit at
 * exactly 1645.5: attended at 1769, cleared at 2769.25. The Priority of
 * 2000 waits for the response unit even though the neighbourhood unit is
 * idle from 2769.25: dispatched at 5301.25, attended at 5502. */
static void test_abstraction_after_the_wait(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_EMERGENCY_ONLY);
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 }, { 2000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 3, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    45.5 + 600.0 + 123.5, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTENDED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    (200.75 + (5301.25 + 200.75 - 2000.0)) / 2, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTION_HOURS],
			    (2769.25 - 1645.5) / 3600.0 * 3, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Policy never: the Emergency waits for the response unit (free at
 * 5301.25, before the Priority of 2000, which then waits until 6425). */
static void test_abstraction_never(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_NEVER);
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 }, { 2000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 3, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    5301.25 + 123.5 - 1000.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    (200.75 + (6425.0 + 200.75 - 2000.0)) / 2, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 0.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTION_HOURS], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* With no response unit at all, a Priority is never attended by the
 * neighbourhood unit, even after any wait, while an Emergency is. */
static void test_abstraction_only_for_emergencies(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_EMERGENCY_ONLY);
	sc->units[0].shifts[0].staff = 0;
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 1);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTENDED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_BACKLOG], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	/* Only the response roles count in utilisation: none on duty. */
	assert_true(isnan(area_of(&d, 0)[RSP_UTILISATION]));
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- preemption of Scheduled jobs ------------------------------------- */

/* One response unit; Emergency (150.25 s travel, 900.5 s on scene),
 * Priority (200.75, 3000.5), Scheduled (400.5, 1800.75, preemptible). */
static struct scenario *preempt_scenario(int preempt)
{
	struct scenario *sc = new_scenario(3, 1.0, 3, 1, 1, 1);
	for (size_t g = 0; g < 3; g++)
		sc->lines[g].incident_p[g] = 1.0;
	sc->grades[0].travel = det(150.25);
	sc->grades[0].on_scene = det(900.5);
	sc->grades[1].travel = det(200.75);
	sc->grades[1].on_scene = det(3000.5);
	sc->grades[2].travel = det(400.5);
	sc->grades[2].on_scene = det(1800.75);
	sc->grades[2].preemptible = 1;
	sc->dispatch.preempt_scheduled = preempt;
	return sc;
}

/* Scheduled at 100 (travelling), Emergency at 300, Emergency at 2000,
 * Scheduled at 4000 (on scene from 4400.5), Emergency at 5000, Priority at
 * 7000 (on scene from 7200.75), Emergency at 7100. */
static const struct call preempt_calls[] = {
	{ 100.0, 2 }, { 300.0, 0 }, { 2000.0, 0 }, { 4000.0, 2 },
	{ 5000.0, 0 }, { 7000.0, 1 }, { 7100.0, 0 },
};

/* The Emergency of 300 pulls the unit off its way to the first Scheduled
 * job, which goes back to the queue and is attended at 1751.25 after the
 * Emergency clears; the Emergency of 2000 cuts that job short on scene
 * (the incident counts once); the one of 5000 cuts the second Scheduled
 * job short. A Priority job is never preempted: the Emergency of 7100
 * waits until 10201.25. */
static void test_preemption_of_scheduled_jobs(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	struct drive d;
	drive(&d, sc, preempt_calls, 7, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTENDED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    ((1350.75 + 400.5 - 100.0) + 400.5) / 2, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 4.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    (3 * 150.25 + (10201.25 + 150.25 - 7100.0)) / 4, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_PREEMPTED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S], 200.75, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_PREEMPTED], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Preemption off: every job runs to its end, and the Emergencies wait:
 * attended at 2451.5, 3502.25, 6754.25 and 7805; the Scheduled jobs at
 * 500.5 and 4803.25; the Priority at 8906.25. */
static void test_no_preemption_when_off(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(0);
	struct drive d;
	drive(&d, sc, preempt_calls, 7, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	for (size_t g = 0; g < 3; g++)
		assert_seconds_near(grade_of(&d, g)[RSP_PREEMPTED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    ((2451.5 - 300.0) + (3502.25 - 2000.0) +
			     (6754.25 - 5000.0) + (7805.0 - 7100.0)) / 4, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    (400.5 + (4803.25 - 4000.0)) / 2, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    8906.25 - 7000.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* A preempted job goes back to its queue and is offered again at once: a
 * PCSO unit (attends Scheduled only, listed after the response unit, so the
 * job first went to the response unit) takes it the moment the Emergency
 * of 300 pulls the response unit away. */
static void test_preempted_job_offered_again(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	add_group(sc, 1u << 2);
	const struct call calls[] = { { 100.0, 2 }, { 300.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    300.0 + 400.5 - 100.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S], 150.25, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Preemption is rule 2 and abstraction rule 3 (after a wait), so even with
 * no abstraction wait an Emergency takes the unit off a Scheduled job
 * rather than abstract a neighbourhood officer. */
static void test_preemption_before_abstraction(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	add_group(sc, 0);
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	sc->roles[1].abstract_after_s = 0.0;
	const struct call calls[] = { { 100.0, 2 }, { 300.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S], 150.25, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- rosters ---------------------------------------------------------- */

/* One unit on duty 00:00-01:00 every day; 60.5 s travel, 3600.25 s on
 * scene. The incident of 00:50 is attended and the unit stays past its
 * shift to finish it (busy until 6660.75); the one of 01:10 waits for the
 * next day's shift. Utilisation counts the overrun as time on duty. */
static void test_unit_finishes_job_after_shift(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 1, 1, 1);
	sc->run.days = 2;
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].travel = det(60.5);
	sc->grades[0].on_scene = det(3600.25);
	sc->units[0].shifts[0].duration_s = 3600.0;
	const struct call calls[] = { { 3000.0, 0 }, { 4200.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    (60.5 + (DAY_S + 60.5 - 4200.0)) / 2, 0.0);
	double busy_s = 2 * (60.5 + 3600.25);
	double present_s = (3000.0 + 60.5 + 3600.25) + (60.5 + 3600.25);
	assert_seconds_near(area_of(&d, 0)[RSP_UTILISATION], busy_s / present_s,
			    1e-12);
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY], 1.0 / 24, 1e-12);
	drive_free(&d);
	scenario_free(sc);
}

/* Two groups in one area: 3 units by day (08:00-20:00) and 1 by night
 * (20:00-08:00, across midnight); 4 units all day with 25% shrinkage (3 on
 * duty). Mean units on duty is exactly 2 + 3, and utilisation is a
 * fraction, in every replication. */
static void test_units_on_duty_follow_roster(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 9.0, 1, 1, 1, 2);
	sc->run.days = 7;
	sc->run.warmup_s = DAY_S;
	sc->lines[0].incident_p[0] = 0.5;
	unit_shifts(&sc->units[0], 2, 3);
	sc->units[0].shifts[0].start_s = 8 * 3600.0;
	sc->units[0].shifts[0].duration_s = 12 * 3600.0;
	sc->units[0].shifts[1] = (struct shift_spec){ .name = "night",
		.start_s = 20 * 3600.0, .duration_s = 12 * 3600.0,
		.days = ALL_WEEK, .staff = 1 };
	unit_shifts(&sc->units[1], 1, 4);
	sc->units[1].shrinkage = 0.25;
	struct replication_result **res = replications_run(sc);
	for (unsigned i = 0; i < 2; i++) {
		double *a = replication_area_at(res[i], 0);
		assert_seconds_near(a[RSP_UNITS_ON_DUTY], 5.0, 1e-9);
		assert_true(a[RSP_UTILISATION] > 0.1 && a[RSP_UTILISATION] <= 1.0);
	}
	assert_all_attended(res, 2, 1);
	replications_free(res, 2);
	scenario_free(sc);
}

/* ---- backlog and accounting ------------------------------------------- */

/* One unit on duty Monday 00:00-12:00 only; 100.25 s travel, 1000.5 s on
 * scene; counting starts at 500 s and lasts two days. The Priority at 400
 * is not counted. Those at 1000, 5000 and 43150 (unit idle at 11:59:10,
 * attended after its shift ends) are attended; those at 50000 and 100000
 * and the Emergency at 90000 are the backlog, never attended within a day
 * of settling. Attended + never attended = incidents. */
static void test_backlog_at_horizon(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(2, 1.0, 2, 1, 1, 1);
	sc->run.days = 2;
	sc->run.warmup_s = 500.0;
	sc->lines[0].incident_p[0] = 1.0;
	sc->lines[1].incident_p[1] = 1.0;
	for (size_t g = 0; g < 2; g++) {
		sc->grades[g].travel = det(100.25);
		sc->grades[g].on_scene = det(1000.5);
	}
	sc->units[0].shifts[0].duration_s = 12 * 3600.0;
	sc->units[0].shifts[0].days = 1u;
	const struct call calls[] = { { 400.0, 1 }, { 1000.0, 1 }, { 5000.0, 1 },
		{ 43150.0, 1 }, { 50000.0, 1 }, { 90000.0, 0 }, { 100000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 7, DAY_S);

	const double *e = grade_of(&d, 0), *p = grade_of(&d, 1);
	assert_seconds_near(p[RSP_INCIDENTS], 5.0, 0.0);
	assert_seconds_near(p[RSP_ATTENDED], 3.0, 0.0);
	assert_seconds_near(p[RSP_BACKLOG], 2.0, 0.0);
	assert_seconds_near(e[RSP_INCIDENTS], 1.0, 0.0);
	assert_seconds_near(e[RSP_ATTENDED], 0.0, 0.0);
	assert_seconds_near(e[RSP_BACKLOG], 1.0, 0.0);
	assert_true(isnan(e[RSP_ATTEND_MEAN_S]) && isnan(e[RSP_ATTEND_P50_S]));
	assert_int_equal(d.pending_at_end, 3);
	assert_seconds_near(p[RSP_UNATTENDED_END], 2.0, 0.0);
	assert_seconds_near(e[RSP_UNATTENDED_END], 1.0, 0.0);
	for (size_t g = 0; g < 2; g++)
		assert_seconds_near(grade_of(&d, g)[RSP_ATTENDED] +
				    grade_of(&d, g)[RSP_UNATTENDED_END],
				    grade_of(&d, g)[RSP_INCIDENTS], 0.0);
	assert_seconds_near(e[RSP_ATTENDED] + p[RSP_ATTENDED] +
			    (double)d.pending_at_end,
			    e[RSP_INCIDENTS] + p[RSP_INCIDENTS], 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY],
			    (43200.0 - 500.0) / (2 * DAY_S), 1e-12);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- what the engine refuses ------------------------------------------ */

/* travel_factor 1e308 makes a travel time of 300.5 s infinite: the run
 * stops with a message naming the area and the factor, in every build.
 * Regression: an assertion in a debug build and, in a release build, exit
 * 0 with nothing attended. The loader may come to refuse the factor; the
 * engine must hold anyway. */
static void test_travel_factor_too_large(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 6.0, 1, 1, 1, 1);
	sc->lines[0].incident_p[0] = 0.7;
	sc->grades[0].travel = det(300.5);
	sc->areas[0].travel_factor = 1e308;
	assert_run_fails(sc, "the travel time to an incident of grade grade 0 "
			 "in area area 0 is not finite: the grade's travel x "
			 "the area's travel_factor is too large");
	scenario_free(sc);
}

/* The same across a border: 300.5 x 1.25 x 1e308. */
static void test_cross_border_factor_too_large(void **state)
{
	(void)state;
	struct scenario *sc = border_scenario(900.0);
	sc->dispatch.cross_border_factor = 1e308;
	assert_run_fails(sc, "travel_factor x dispatch.cross_border_factor is "
			 "too large");
	scenario_free(sc);
}

/* One unit on scene for a day at a time and 60 Emergencies an hour: the
 * incidents waiting for a unit pass run.max_waiting (lowered here) and the
 * run stops rather than grow without bound. */
static void test_incidents_waiting_bound(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 60.0, 1, 1, 1, 1);
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].on_scene = det(DAY_S);
	sc->run.max_waiting = 500;
	assert_run_fails(sc, "more than 500 incidents waiting for a unit at "
			 "once");
	/* Under the bound the same run is fine, and what it could not attend
	 * is unattended at end. */
	sc->run.max_waiting = 5000;
	struct replication_result **res = replications_run(sc);
	for (unsigned i = 0; i < 2; i++) {
		double *f = replication_grade_at(res[i], 0);
		assert_true(f[RSP_UNATTENDED_END] > 1000);
		assert_seconds_near(f[RSP_ATTENDED] + f[RSP_UNATTENDED_END],
				    f[RSP_INCIDENTS], 0.0);
	}
	replications_free(res, 2);
	scenario_free(sc);
}

/* ---- determinism ------------------------------------------------------ */

/* Units 0 and 1: response, areas 0 and 1, 4 by day (07:00-21:00) and 2 by
 * night. Units 2 and 3: neighbourhood, areas 0 and 1, 1 by day. */
static void busy_units(struct scenario *sc)
{
	for (size_t u = 0; u < 4; u++) {
		struct unit_spec *us = &sc->units[u];
		us->area = u % 2;
		us->role = u / 2;
		us->crew = 2;
		unit_shifts(us, u < 2 ? 2 : 1, u < 2 ? 4 : 1);
		us->shifts[0].start_s = 7 * 3600.0;
		us->shifts[0].duration_s = 14 * 3600.0;
		if (u < 2)
			us->shifts[1] = (struct shift_spec){ .name = "night",
				.start_s = 21 * 3600.0, .duration_s = 10 * 3600.0,
				.days = ALL_WEEK, .staff = 2 };
	}
}

/* Everything at once: three grades with grading delays, three areas that
 * are all neighbours, response units on day and night shifts (too few at
 * night) in areas 0 and 1, neighbourhood units by day, abstraction and
 * preemption. Area 2 has no units, so each of its incidents is attended
 * across the border exactly once, however often its unit is pulled away. */
static struct scenario *busy_scenario(void)
{
	struct scenario *sc = new_scenario(2, 6.5, 3, 3, 2, 4);
	sc->run.days = 5;
	sc->run.warmup_s = 0.5 * DAY_S;
	sc->lines[0].incident_p[0] = 0.35;
	sc->lines[0].incident_p[1] = 0.25;
	sc->lines[1].incident_p[2] = 0.4;
	for (size_t g = 0; g < 3; g++) {
		sc->grades[g].has_delay = 1;
		sc->grades[g].delay = expo(95.5 * (double)(g + 1));
		sc->grades[g].travel = expo(480.25);
		sc->grades[g].target_s = 900.0 * (double)(g + 1);
	}
	sc->grades[2].preemptible = 1;
	sc->areas[0].share = 0.55;
	sc->areas[1].share = 0.3;
	sc->areas[2].share = 0.15;
	for (size_t a = 0; a < 3; a++) {
		sc->areas[a].neighbours = calloc(2, sizeof(size_t));
		sc->areas[a].n_neighbours = 2;
		for (size_t k = 0; k < 2; k++)
			sc->areas[a].neighbours[k] = (a + 1 + k) % 3;
	}
	sc->dispatch.preempt_scheduled = 1;
	sc->dispatch.cross_border_factor = 1.35;
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstract_after_s = 420.0;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	busy_units(sc);
	return sc;
}

/* The same replication twice gives identical figures; area figures add up
 * to grade figures; every counted incident is attended in the end. */
static void test_same_replication_same_figures(void **state)
{
	(void)state;
	struct scenario *sc = busy_scenario();
	struct replication_result *a = replication_result_new(sc), *b = replication_result_new(sc);
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(replication_run(sc, 3, a, &err), SIM_OK);
	assert_int_equal(replication_run(sc, 3, b, &err), SIM_OK);
	assert_memory_equal(a->rsp.grade, b->rsp.grade,
			    3 * RSP_GRADE_METRICS * sizeof(double));
	assert_memory_equal(a->rsp.area_grade, b->rsp.area_grade,
			    3 * 3 * RSP_GRADE_METRICS * sizeof(double));
	assert_memory_equal(a->rsp.area, b->rsp.area,
			    3 * RSP_AREA_METRICS * sizeof(double));
	for (size_t g = 0; g < 3; g++) {
		double *f = replication_grade_at(a, g);
		assert_true(f[RSP_INCIDENTS] > 100);
		assert_seconds_near(f[RSP_ATTENDED], f[RSP_INCIDENTS], 0.0);
		double *far = replication_area_grade_at(a, 2, g);
		assert_seconds_near(replication_area_grade_at(a, 0, g)[RSP_INCIDENTS] +
				    replication_area_grade_at(a, 1, g)[RSP_INCIDENTS] +
				    far[RSP_INCIDENTS], f[RSP_INCIDENTS], 0.0);
		assert_seconds_near(far[RSP_CROSS_BORDER], far[RSP_ATTENDED], 0.0);
		assert_true(f[RSP_WITHIN_TARGET] >= 0 && f[RSP_WITHIN_TARGET] <= 1);
		assert_true(f[RSP_ATTEND_P50_S] <= f[RSP_ATTEND_P90_S] &&
			    f[RSP_ATTEND_P90_S] <= f[RSP_ATTEND_P95_S]);
	}
	assert_true(replication_grade_at(a, 0)[RSP_CROSS_BORDER] > 0);
	assert_true(replication_area_grade_at(a, 2, 2)[RSP_PREEMPTED] > 0);
	assert_true(replication_area_at(a, 0)[RSP_ABSTRACTIONS] > 0);
	for (size_t r = 0; r < 2; r++) {
		double u = replication_area_at(a, r)[RSP_UTILISATION];
		assert_true(u > 0 && u <= 1);
	}
	replication_result_free(a);
	replication_result_free(b);
	scenario_free(sc);
}

/* ---- FTE and cost ----------------------------------------------------- */

/* 7 units x 10.5 h x 5 days + 3 units x 9.25 h x 7 days, crews of 2,
 * contracted 38.75 h a week, 68123.5 a year per FTE. Shrinkage does not
 * change it. */
static void test_unit_fte_and_cost(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 1, 2, 1);
	struct unit_spec *u = &sc->units[0];
	u->role = 1;
	u->crew = 2;
	u->shrinkage = 0.35;
	unit_shifts(u, 2, 7);
	u->shifts[0].duration_s = 10.5 * 3600.0;
	u->shifts[0].days = 0x1fu;
	u->shifts[1] = (struct shift_spec){ .name = "late",
		.start_s = 14 * 3600.0, .duration_s = 9.25 * 3600.0,
		.days = ALL_WEEK, .staff = 3 };
	sc->roles[1].hours_per_week = 38.75;
	sc->roles[1].cost_per_fte = 68123.5;
	double fte = 2 * (7 * 10.5 * 5 + 3 * 9.25 * 7) / 38.75;

	assert_seconds_near(scenario_unit_fte(sc, u), fte, 1e-12);
	assert_seconds_near(scenario_unit_cost(sc, u), fte * 68123.5, 1e-6);
	/* The role, not another role's contract, sets the hours. */
	sc->roles[0].hours_per_week = 1.0;
	assert_seconds_near(scenario_unit_fte(sc, u), fte, 1e-12);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attendance_matches_erlang_c),
		cmocka_unit_test(test_grade_priority_matches_cobham),
		cmocka_unit_test(test_cross_border_only_after_the_wait),
		cmocka_unit_test(test_wait_thresholds_exact),
		cmocka_unit_test(test_abstraction_after_the_wait),
		cmocka_unit_test(test_abstraction_never),
		cmocka_unit_test(test_abstraction_only_for_emergencies),
		cmocka_unit_test(test_preemption_of_scheduled_jobs),
		cmocka_unit_test(test_no_preemption_when_off),
		cmocka_unit_test(test_preempted_job_offered_again),
		cmocka_unit_test(test_preemption_before_abstraction),
		cmocka_unit_test(test_unit_finishes_job_after_shift),
		cmocka_unit_test(test_units_on_duty_follow_roster),
		cmocka_unit_test(test_backlog_at_horizon),
		cmocka_unit_test(test_travel_factor_too_large),
		cmocka_unit_test(test_cross_border_factor_too_large),
		cmocka_unit_test(test_incidents_waiting_bound),
		cmocka_unit_test(test_same_replication_same_figures),
		cmocka_unit_test(test_unit_fte_and_cost),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
