/* contact_centre_period.c: the contact centre's counted period by the
 * hour of the week — each pool's busy, present and staffed time cut at
 * every hour of the counted period (one tick an hour), opened and closed
 * with the period (models/replication.h's notices). */
#include "models/contact_centre_int.h"

#include <assert.h>
#include <math.h>

#include "models/local_clock.h"
#include "sim/sim.h"
#include "sim/timeavg.h"

static void on_tick(struct sim_ctx *ctx, const struct ev_event *ev);

/* The local hour of the week (0 = Monday 00:00) that time t_s >= 0 falls
 * in, on the clock of the wall (models/local_clock.h). */
static size_t hour_of_week(struct cc_model *m, double t_s)
{
	assert(t_s >= 0.0);
	return local_clock_hour(&m->clock, &m->span, t_s);
}

/* Closes the counted stretch [last tick, now) of the hour-of-week table:
 * the pools' integrals since the last tick go to the hour it began in. */
static void close_stretch(struct cc_model *m, double now)
{
	size_t h = hour_of_week(m, m->last_tick_s);
	m->h_seconds[h] += now - m->last_tick_s;
	for (size_t p = 0; p < m->sc->n_pools; p++) {
		struct pool_state *ps = &m->pools[p];
		double busy = timeavg_integral(&ps->busy_ta, now);
		double present = timeavg_integral(&ps->present_ta, now);
		double staff = timeavg_integral(&ps->staff_ta, now);
		ps->h_busy[h] += busy - ps->mark_busy;
		ps->h_present[h] += present - ps->mark_present;
		ps->h_staff[h] += staff - ps->mark_staff;
		ps->busy_s += busy - ps->mark_busy;
		ps->present_s += present - ps->mark_present;
		ps->staff_s += staff - ps->mark_staff;
		ps->mark_busy = busy;
		ps->mark_present = present;
		ps->mark_staff = staff;
	}
	m->last_tick_s = now;
}

/* The next hour boundary after now, when it falls inside the counted
 * period: the counted period's close takes the stretch up to the horizon. */
static void schedule_tick(struct cc_model *m, double now)
{
	double next_s = (floor(now / HOUR_S) + 1.0) * HOUR_S;
	if (next_s < m->end_s)
		sim_schedule(m->ctx, next_s, on_tick, m, 0);
}

/* Hourly bookkeeping of the counted period. */
static void on_tick(struct sim_ctx *ctx, const struct ev_event *ev)
{
	double now = sim_now(ctx);

	close_stretch(ev->obj, now);
	schedule_tick(ev->obj, now);
}

/* Opens the counted period now: the pools' integrals so far are not
 * counted, and the hourly ticks begin. */
static void period_open(struct cc_model *m, double now)
{
	for (size_t p = 0; p < m->sc->n_pools; p++) {
		struct pool_state *ps = &m->pools[p];
		ps->mark_busy = timeavg_integral(&ps->busy_ta, now);
		ps->mark_present = timeavg_integral(&ps->present_ta, now);
		ps->mark_staff = timeavg_integral(&ps->staff_ta, now);
	}
	m->last_tick_s = now;
	schedule_tick(m, now);
}

/* The contact centre listens to the counted period's opening and close. */
void contact_centre_period_notice(void *model,
				  const struct replication_notice *n)
{
	struct cc_model *m = model;

	if (n->kind == REPLICATION_PERIOD_OPEN)
		period_open(m, sim_now(m->ctx));
	else if (n->kind == REPLICATION_PERIOD_CLOSE)
		close_stretch(m, sim_now(m->ctx));
}
