/* response.c: incidents, units and dispatch in one replication (see
 * response.h for the rules; response_build.c sets the model up, and
 * response_int.h holds the objects both files share).
 *
 * Units are individual objects because dispatch needs to know where each
 * one is: travelling to which incident, on scene at which one, or idle. A
 * unit holds its incident from dispatch to clear, so an Emergency that
 * pulls it away knows what it leaves. A group is the units of one `units:`
 * entry (an area, a role, a roster); its idle units form a stack.
 *
 * Incidents come from a free list and wait in one queue per (area, grade),
 * ordered by the time they began seeking a unit (after their grading
 * delay). The head of a queue is the incident that has waited longest, so
 * "has it waited long enough to be offered across the border, or to an
 * abstracted neighbourhood unit" holds for a prefix of the queue and
 * looking at the head is enough. The model keeps one invariant: no idle
 * unit may take a waiting incident (asserted, see area_dispatch_settled). Incidents look for a unit when they
 * start waiting and when each of their wait thresholds passes; units look
 * for work when they come on duty and when they clear a job.
 *
 * Events that may go stale (a unit pulled off a job, a wait check for an
 * incident that has since been attended) carry a sequence number or a
 * generation the handler compares, so nothing is ever searched for on the
 * calendar. */
#include "models/response.h"

#include <assert.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_randist.h>

#include "models/replication.h"
#include "models/response_int.h"
#include "models/week.h"
#include "sim/mem.h"

static void on_ready(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_arrive(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_clear(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_wait_check(struct sim_ctx *ctx, const struct ev_event *ev);

static double *ag_at(const struct response *r, size_t a, size_t g)
{
	return r->ag + (a * r->sc->n_grades + g) * RSP_GRADE_METRICS;
}

/* The day tallies of grade g on counted day d. */
static double *rsp_day_at(struct response *r, size_t d, size_t g)
{
	return r->day_grade + (d * r->sc->n_grades + g) * RSP_DAY_GRADE_METRICS;
}

static struct queue *queue_at(const struct response *r, size_t a, size_t g)
{
	return &r->queues[a * r->sc->n_grades + g];
}

/* Has an incident that began seeking a unit at ready_s waited after_s by
 * now? Written as the same sum the wait check is scheduled at, so the check
 * that fires at ready_s + after_s always finds the wait complete (now -
 * ready_s may round below after_s). */
static int waited(double now, double ready_s, double after_s)
{
	return now >= ready_s + after_s;
}

/* ---- incidents -------------------------------------------------------- */

static struct incident *incident_get(struct response *r)
{
	if (!r->free_incidents) {
		struct incident_chunk *ch = mem_calloc(1, sizeof *ch);
		if (!ch)
			return NULL;
		ch->next = r->chunks;
		r->chunks = ch;
		for (size_t i = 0; i < INCIDENTS_PER_CHUNK; i++) {
			ch->items[i].rsp = r;
			ch->items[i].next = r->free_incidents;
			r->free_incidents = &ch->items[i];
		}
	}
	struct incident *inc = r->free_incidents;
	r->free_incidents = inc->next;
	inc->live = 1;
	return inc;
}

/* The incident has ended: its unit cleared, or left it on scene. */
static void incident_put(struct response *r, struct incident *inc)
{
	if (r->log)
		response_log_ended(r, inc);
	inc->live = 0;
	inc->gen++;
	inc->next = r->free_incidents;
	r->free_incidents = inc;
}

/* Queues inc by the time it began seeking a unit. New incidents go at the
 * tail in O(1); an incident whose unit was pulled away goes back to its
 * place by age (after any that began seeking at the same instant). */
static void queue_insert(struct queue *q, struct incident *inc)
{
	struct incident *after = q->tail;
	while (after && after->ready_s > inc->ready_s)
		after = after->prev;
	inc->prev = after;
	inc->next = after ? after->next : q->head;
	if (inc->next)
		inc->next->prev = inc;
	else
		q->tail = inc;
	if (after)
		after->next = inc;
	else
		q->head = inc;
}

static void queue_unlink(struct queue *q, struct incident *inc)
{
	if (inc->prev)
		inc->prev->next = inc->next;
	else
		q->head = inc->next;
	if (inc->next)
		inc->next->prev = inc->prev;
	else
		q->tail = inc->prev;
}

/* Queues inc in its area and grade's queue to wait for a unit, and counts
 * it in its grade. */
static void wait_start(struct response *r, struct incident *inc)
{
	inc->state = INC_WAITING;
	queue_insert(queue_at(r, inc->area, inc->grade), inc);
	r->waiting_g[inc->grade]++;
	r->n_queued++;
}

/* Takes the waiting incident inc off its queue and its grade's count. */
static void wait_end(struct response *r, struct incident *inc)
{
	queue_unlink(queue_at(r, inc->area, inc->grade), inc);
	r->waiting_g[inc->grade]--;
	r->n_queued--;
}

/* ---- units ------------------------------------------------------------ */

static void group_note(struct group *gr, double now)
{
	timeavg_set(&gr->busy_ta, now, gr->n_busy);
	timeavg_set(&gr->present_ta, now, gr->n_idle + gr->n_busy);
}

static struct unit *group_pop_idle(struct group *gr, double now)
{
	struct unit *u = gr->idle;
	assert(u);
	gr->idle = u->next_idle;
	gr->n_idle--;
	gr->n_busy++;
	group_note(gr, now);
	return u;
}

static void group_push_idle(struct group *gr, struct unit *u)
{
	u->state = UNIT_IDLE;
	u->next_idle = gr->idle;
	gr->idle = u;
	gr->n_idle++;
}

/* May units of group gr be sent to grade g as ordinary dispatch? */
static int group_attends(const struct group *gr, size_t g)
{
	return !gr->role->neighbourhood && (gr->role->attends >> g & 1u);
}

/* May a neighbourhood unit of gr be abstracted, now, to an incident of
 * grade g that began seeking a unit at ready_s? Only the top grade, only
 * after the role's wait. */
static int group_may_abstract(const struct group *gr, size_t g, double now,
			      double ready_s)
{
	return gr->role->neighbourhood && g == 0 &&
	       gr->role->abstraction == ABSTRACTION_EMERGENCY_ONLY &&
	       waited(now, ready_s, gr->role->abstract_after_s);
}

#ifndef NDEBUG
/* The dispatch invariant (no idle unit may take a waiting incident) for
 * area a, in the part that holds at every moment: no unit of area a is idle
 * while an incident of a grade its role attends waits in area a. The rest
 * (a neighbour's unit once the cross-border wait has passed, an abstraction
 * once the role's wait has) holds once the wait checks due at that instant
 * have run, so it is not checked mid-instant. Only for assert(). */
static bool area_dispatch_settled(const struct response *r, size_t a)
{
	for (size_t i = 0; i < r->n_area_groups[a]; i++) {
		const struct group *gr = &r->groups[r->area_groups[a][i]];
		for (size_t g = 0; gr->n_idle > 0 && g < r->sc->n_grades; g++)
			if (group_attends(gr, g) && queue_at(r, a, g)->head)
				return false;
	}
	return true;
}
#endif

/* Stops the run: a travel time came out too long for the clock (a grade's
 * travel times a large travel_factor, and cross_border_factor). The engine
 * would refuse the arrival's time anyway; this names the cause. */
static void travel_too_long(struct response *r, const struct incident *inc,
			    int cross_border)
{
	char what[400];

	snprintf(what, sizeof what, "the travel time to an incident of grade "
		 "%s in area %s is not finite: the grade's travel x the "
		 "area's travel_factor%s is too large",
		 r->sc->grades[inc->grade].name, r->sc->areas[inc->area].name,
		 cross_border ? " x dispatch.cross_border_factor" : "");
	sim_fail(r->ctx, SIM_ERUNTIME, what);
}

/* Counts one more incident seeking a unit and stops the run when more
 * than run.max_waiting do: each holds memory, and a run whose backlog
 * grows without bound would otherwise exhaust the machine. */
static void seeking_add(struct response *r)
{
	char what[200];

	if (++r->n_seeking <= r->max_waiting)
		return;
	snprintf(what, sizeof what, "more than %zu incidents waiting for a "
		 "unit at once at %.9g s (run.max_waiting); raise "
		 "run.max_waiting for a deliberate what-if", r->max_waiting,
		 sim_now(r->ctx));
	sim_fail(r->ctx, SIM_ERUNTIME, what);
}

/* Can the job of a unit sent now to inc be taken from it before the
 * unit arrives at arrive_s? Only by an Emergency preempting it (a
 * preemptible grade below the top one, when the scenario allows it), and
 * only inc's first arrival matters: one unit needed. An arrival at or after
 * the horizon is left to its own event too, so the backlog at the close and
 * the drain after it see it when it happens. */
static bool arrival_certain(const struct response *r,
			    const struct incident *inc, double arrive_s)
{
	bool preemptible = r->sc->dispatch.preempt_scheduled &&
			   inc->grade != 0 && r->sc->grades[inc->grade].preemptible;
	return inc->need == 1 && !preemptible && arrive_s < r->end_s;
}

static void tally_attendance(struct response *r, const struct incident *inc,
			     int cross_border, double at_s);

/* Unit u arrives at its job's scene at at_s (now, or later when its
 * arrival was settled at dispatch): the first unit to arrive attends the
 * incident; returns the unit's time on scene. */
static double unit_arrives(struct response *r, struct unit *u, double at_s)
{
	struct incident *inc = u->job;

	if (!inc->attended) {
		tally_attendance(r, inc, u->cross_border, at_s);
		inc->attended = 1;
		inc->arrived_s = at_s;   /* for the log */
	}
	if (inc->counted)   /* a count until the figures */
		ag_at(r, inc->area, inc->grade)[RSP_UNITS_PER_INCIDENT] += 1;
	if (inc->state == INC_TRAVEL)
		inc->state = INC_SCENE;
	u->state = UNIT_SCENE;
	return dist_sample(&r->sc->grades[inc->grade].on_scene,
			   r->rng[RS_ON_SCENE]);
}

/* Unit u is on its way to inc, to arrive at arrive_s. When nothing can
 * come between (arrival_certain), the arrival is settled now and only the
 * clear goes on the calendar: one event a job instead of two, the same
 * figures (tallies are sums and counts; the time on scene comes from its
 * own stream). Until arrive_s the unit counts as on scene, which nothing
 * tells apart for a job that cannot be taken from it. */
static void unit_on_way(struct response *r, struct unit *u,
			struct incident *inc, double arrive_s)
{
	if (!arrival_certain(r, inc, arrive_s)) {
		u->job_seq = sim_schedule(r->ctx, arrive_s, on_arrive, u, 0);
		return;
	}
	double scene_s = unit_arrives(r, u, arrive_s);
	u->job_seq = sim_schedule(r->ctx, arrive_s + scene_s, on_clear, u, 0);
}

/* Sends unit u (already counted busy) to incident inc, taking it off its
 * queue. Cross-border dispatch travels further; an abstraction is counted
 * when it starts in the counted period, and so are its hours. */
static void dispatch(struct response *r, struct unit *u, struct incident *inc,
		     int cross_border)
{
	const struct grade_spec *gs = &r->sc->grades[inc->grade];
	double now = sim_now(r->ctx);
	double travel_s = dist_sample(&gs->travel, r->rng[RS_TRAVEL]) *
			  r->sc->areas[inc->area].travel_factor;

	if (r->travel_hour && r->travel_hour[inc->area])
		travel_s *= r->travel_hour[inc->area]
			[local_clock_hour(&r->clock, &r->span, now)];

	assert(inc->state == INC_DELAY || inc->state == INC_WAITING);
	assert(r->n_seeking > 0 && u->job == NULL && inc->sent < inc->need);
	inc->active++;
	if (++inc->sent == inc->need) {
		/* The last unit it needs: it stops seeking. */
		if (inc->state == INC_WAITING)
			wait_end(r, inc);
		inc->state = inc->attended ? INC_SCENE : INC_TRAVEL;
		r->n_seeking--;
	}
	if (cross_border)
		travel_s *= r->sc->dispatch.cross_border_factor;
	if (!isfinite(now + travel_s))
		travel_too_long(r, inc, cross_border);
	u->state = UNIT_TRAVEL;
	u->job = inc;
	u->cross_border = (uint8_t)cross_border;
	u->dispatched_s = now;
	u->job_from_s = now;
	if (r->log && !inc->attended)
		response_log_dispatched(r, inc, u);
	u->abstraction_counted = u->group->role->neighbourhood &&
				 now >= r->warmup_s && now < r->end_s;
	if (u->abstraction_counted)
		r->area_tally[inc->area * RSP_AREA_METRICS + RSP_ABSTRACTIONS] += 1;
	unit_on_way(r, u, inc, now + travel_s);
}

/* A free unit of area a whose role attends grade g in ordinary dispatch
 * (ring-fenced neighbourhood units excluded), in scenario order; or NULL. */
static struct unit *find_free_unit(struct response *r, size_t a, size_t g)
{
	for (size_t i = 0; i < r->n_area_groups[a]; i++) {
		struct group *gr = &r->groups[r->area_groups[a][i]];
		if (gr->n_idle > 0 && group_attends(gr, g))
			return group_pop_idle(gr, sim_now(r->ctx));
	}
	return NULL;
}

/* A free neighbourhood unit of inc's area that may be abstracted to it
 * now; or NULL. */
static struct unit *find_abstraction(struct response *r,
				     const struct incident *inc)
{
	double now = sim_now(r->ctx);
	size_t a = inc->area;

	for (size_t i = 0; i < r->n_area_groups[a]; i++) {
		struct group *gr = &r->groups[r->area_groups[a][i]];
		if (gr->n_idle > 0 &&
		    group_may_abstract(gr, inc->grade, now, inc->ready_s))
			return group_pop_idle(gr, now);
	}
	return NULL;
}

/* A unit of a neighbouring area (nearest first) free to take inc, once inc
 * has waited long enough to be offered across the border; or NULL. */
static struct unit *find_neighbour_unit(struct response *r,
					const struct incident *inc)
{
	const struct area_spec *as = &r->sc->areas[inc->area];
	if (!waited(sim_now(r->ctx), inc->ready_s,
		    r->sc->dispatch.cross_border_after_s))
		return NULL;
	for (size_t i = 0; i < as->n_neighbours; i++) {
		struct unit *u = find_free_unit(r, as->neighbours[i], inc->grade);
		if (u)
			return u;
	}
	return NULL;
}

/* Offers a waiting incident to every unit that may take it now: its own
 * area's, then a neighbour's (after the cross-border wait), then an
 * abstracted neighbourhood unit (top grade, after the role's wait) — the
 * Plan promises to avoid abstractions, so they come last. */
static void offer_waiting(struct response *r, struct incident *inc)
{
	/* More than once only for an incident that needs several units. */
	while (inc->state == INC_WAITING) {
		int cross = 0;
		struct unit *u = find_free_unit(r, inc->area, inc->grade);
		if (!u) {
			u = find_neighbour_unit(r, inc);
			cross = u != NULL;
		}
		if (!u)
			u = find_abstraction(r, inc);
		if (!u)
			return;
		dispatch(r, u, inc, cross);
	}
}

/* Takes unit u off the job it has, for an Emergency. A job it was still
 * travelling to needs a unit again and goes back to its queue by age (or
 * stays there, when it still waited for other units); on scene, the unit's
 * part is cut short, and the incident ends when it held it alone. Each
 * incident counts once as preempted. Returns the incident to offer again,
 * or NULL. */
static struct incident *preempt_job(struct response *r, struct unit *u)
{
	struct incident *left = u->job;
	if (left->counted && !left->preempted)
		ag_at(r, left->area, left->grade)[RSP_PREEMPTED] += 1;
	left->preempted = 1;
	response_multi_job_end(r, u);
	u->job = NULL;
	u->job_seq = 0;   /* its arrive/clear event is now stale */
	left->active--;
	if (u->state == UNIT_SCENE) {
		if (left->active == 0 && left->sent == left->need)
			incident_put(r, left);
		return NULL;
	}
	left->sent--;
	if (left->state == INC_WAITING)
		return NULL;
	seeking_add(r);
	wait_start(r, left);
	return left;
}

/* A unit of area a, on a preemptible job, that may attend grade g; NULL
 * when the scenario forbids preemption or no such unit is busy. Units whose
 * shift has ended are left to finish: preempting them would keep them on. */
static struct unit *preemptible_unit(struct response *r, size_t a, size_t g)
{
	if (g != 0 || !r->sc->dispatch.preempt_scheduled)
		return NULL;
	for (size_t i = 0; i < r->n_area_groups[a]; i++) {
		struct group *gr = &r->groups[r->area_groups[a][i]];
		if (!group_attends(gr, g))
			continue;
		for (int k = 0; k < gr->capacity; k++) {
			struct unit *u = &gr->units[k];
			if (u->job && !u->leaving && u->job->grade != 0 &&
			    r->sc->grades[u->job->grade].preemptible)
				return u;
		}
	}
	return NULL;
}

/* Schedules a wait check for inc at time t_s, unless that is already past
 * (a job given back by a preemption was offered again when it came back). */
static void schedule_wait_check(struct response *r, struct incident *inc,
				double t_s)
{
	if (t_s >= sim_now(r->ctx))
		sim_schedule(r->ctx, t_s, on_wait_check, inc, inc->gen);
}

/* Schedules a wait check at each wait after which more units may take inc:
 * the cross-border wait (when its area has neighbours) and, for the top
 * grade, each abstracting neighbourhood role's wait. A check whose wait is
 * 0 runs at once, through the calendar, like any other. */
static void schedule_wait_checks(struct response *r, struct incident *inc)
{
	const struct area_spec *as = &r->sc->areas[inc->area];
	if (as->n_neighbours > 0)
		schedule_wait_check(r, inc, inc->ready_s +
				    r->sc->dispatch.cross_border_after_s);
	if (inc->grade != 0)
		return;
	for (size_t i = 0; i < r->n_area_groups[inc->area]; i++) {
		const struct group *gr = &r->groups[r->area_groups[inc->area][i]];
		if (gr->role->neighbourhood &&
		    gr->role->abstraction == ABSTRACTION_EMERGENCY_ONLY)
			schedule_wait_check(r, inc, inc->ready_s +
					    gr->role->abstract_after_s);
	}
}

/* A new incident that has its first unit and needs more: every free unit
 * of its area that may attend it, then it waits for the rest. */
static void seek_more(struct response *r, struct incident *inc)
{
	struct unit *u;

	while (inc->state == INC_DELAY &&
	       (u = find_free_unit(r, inc->area, inc->grade)))
		dispatch(r, u, inc, 0);
	if (inc->state == INC_DELAY) {
		wait_start(r, inc);
		schedule_wait_checks(r, inc);
	}
}

/* The incident starts seeking a unit (after its grading delay): a free
 * unit of its area, else (top grade) one pulled off a preemptible job, else
 * it waits. The job a preempted unit leaves is offered again at once. */
static void seek_unit(struct response *r, struct incident *inc)
{
	inc->ready_s = sim_now(r->ctx);
	struct unit *u = find_free_unit(r, inc->area, inc->grade);
	struct incident *left = NULL;
	if (!u && (u = preemptible_unit(r, inc->area, inc->grade)))
		left = preempt_job(r, u);
	if (u) {
		dispatch(r, u, inc, 0);
		if (inc->state == INC_DELAY)
			seek_more(r, inc);
		if (left) {
			/* It never waited, so it has no checks of its own yet. */
			offer_waiting(r, left);
			if (left->state == INC_WAITING)
				schedule_wait_checks(r, left);
		}
		return;
	}
	wait_start(r, inc);
	schedule_wait_checks(r, inc);
	assert(area_dispatch_settled(r, inc->area));
}

static void on_ready(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct incident *inc = ev->obj;
	(void)ctx;
	seek_unit(inc->rsp, inc);
}

/* A waiting incident has reached a wait after which more units may take
 * it: a neighbour's unit, or an abstracted neighbourhood unit. */
static void on_wait_check(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct incident *inc = ev->obj;
	(void)ctx;
	if (inc->gen != (uint32_t)ev->arg || inc->state != INC_WAITING)
		return;
	offer_waiting(inc->rsp, inc);
}

/* Records the attendance of inc (a unit arrives at at_s). */
static void tally_attendance(struct response *r, const struct incident *inc,
			     int cross_border, double at_s)
{
	double attend_s = at_s - inc->created_s;
	const struct grade_spec *gs = &r->sc->grades[inc->grade];
	double *f = ag_at(r, inc->area, inc->grade);

	if (!inc->counted)
		return;
	f[RSP_ATTENDED] += 1;
	f[RSP_ATTEND_MEAN_S] += attend_s;   /* a sum until the figures */
	bool within = isfinite(gs->target_s) && attend_s <= gs->target_s;
	if (within) {
		f[RSP_WITHIN_TARGET] += 1;  /* a count until the figures */
		rsp_day_at(r, inc->day, inc->grade)
			[RSP_D_WITHIN_TARGET] += 1;
	}
	response_period_attended(r, inc, attend_s, within);
	if (cross_border)
		f[RSP_CROSS_BORDER] += 1;
	assert(r->pending > 0 &&
	       r->pending_ag[inc->area * r->sc->n_grades + inc->grade] > 0);
	r->pending--;
	r->pending_ag[inc->area * r->sc->n_grades + inc->grade]--;
}

static void on_arrive(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct unit *u = ev->obj;
	struct response *r = u->group->rsp;

	if (u->job_seq != ev->seq)
		return;
	assert(u->job->state != INC_DELAY && u->state == UNIT_TRAVEL);
	double now = sim_now(ctx);
	double scene_s = unit_arrives(r, u, now);
	u->job_seq = sim_schedule(ctx, now + scene_s, on_clear, u, 0);
}

/* The incident longest waiting, of the highest grade unit group gr may
 * attend, in an area that counts gr's area as its neighbour and has waited
 * long enough to be offered across the border; or NULL. A grade with
 * nothing waiting anywhere is passed over without looking at its queues
 * (most of the time nothing waits: this runs whenever a unit clears). */
static struct incident *next_cross_border_job(struct response *r,
					      const struct group *gr)
{
	size_t a = gr->spec->area;
	double now = sim_now(r->ctx);
	double after_s = r->sc->dispatch.cross_border_after_s;

	for (size_t g = 0; g < r->sc->n_grades; g++) {
		struct incident *best = NULL;
		if (!group_attends(gr, g) || r->waiting_g[g] == 0)
			continue;
		for (size_t i = 0; i < r->sc->n_areas; i++) {
			const struct area_spec *as = &r->sc->areas[i];
			struct incident *inc = queue_at(r, i, g)->head;
			if (i == a || !inc || !waited(now, inc->ready_s, after_s) ||
			    (best && best->ready_s <= inc->ready_s))
				continue;
			for (size_t k = 0; k < as->n_neighbours; k++)
				if (as->neighbours[k] == a)
					best = inc;
		}
		if (best)
			return best;
	}
	return NULL;
}

/* The next incident a unit of group gr should take, or NULL: its own
 * area's queues by grade, longest waiting first; then incidents open to it
 * across the border. Neighbourhood units take only abstractions. Most of
 * the time no incident waits anywhere (this runs whenever a unit clears),
 * and then no queue is looked at. */
static struct incident *next_job(struct response *r, const struct group *gr)
{
	size_t a = gr->spec->area;
	double now = sim_now(r->ctx);

	if (r->n_queued == 0)
		return NULL;

	for (size_t g = 0; g < r->sc->n_grades; g++) {
		struct incident *inc = queue_at(r, a, g)->head;
		if (inc && (group_attends(gr, g) ||
			    group_may_abstract(gr, g, now, inc->ready_s)))
			return inc;
	}
	if (gr->role->neighbourhood)
		return NULL;
	return next_cross_border_job(r, gr);
}

/* Unit u finished a job: it leaves if its shift is over, else takes the
 * next job or waits idle. u is counted busy on entry. */
static void unit_free(struct response *r, struct unit *u)
{
	struct group *gr = u->group;
	double now = sim_now(r->ctx);

	if (u->abstraction_counted)
		r->area_tally[gr->spec->area * RSP_AREA_METRICS +
			      RSP_ABSTRACTION_HOURS] +=
			(now - u->dispatched_s) / HOUR_S * gr->spec->crew;
	u->abstraction_counted = 0;
	if (u->leaving) {
		u->leaving = 0;
		u->state = UNIT_OFF;
		assert(gr->n_leaving > 0 && gr->n_busy >= gr->n_leaving);
		gr->n_leaving--;
		gr->n_busy--;
		group_note(gr, now);
		return;
	}
	struct incident *inc = next_job(r, gr);
	if (inc) {
		dispatch(r, u, inc, inc->area != gr->spec->area);
		return;
	}
	gr->n_busy--;
	group_push_idle(gr, u);
	group_note(gr, now);
}

/* The unit's time on scene is over: the incident ends with its last
 * unit. */
static void on_clear(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct unit *u = ev->obj;
	struct response *r = u->group->rsp;
	struct incident *inc = u->job;
	(void)ctx;
	if (u->job_seq != ev->seq)
		return;
	u->job_seq = 0;
	response_multi_job_end(r, u);
	if (--inc->active == 0 && inc->sent == inc->need)
		incident_put(r, inc);
	u->job = NULL;
	unit_free(r, u);
}

/* Gives waiting incidents to the group's idle units while both exist. */
static void group_offer_work(struct response *r, struct group *gr)
{
	double now = sim_now(r->ctx);
	while (gr->idle) {
		struct incident *inc = next_job(r, gr);
		if (!inc)
			return;
		struct unit *u = group_pop_idle(gr, now);
		dispatch(r, u, inc, inc->area != gr->spec->area);
	}
}

/* Units coming on duty: first those told to leave stay on, then units off
 * duty become idle. */
static void group_add(struct group *gr, int more)
{
	for (int k = 0; k < gr->capacity && more > 0 && gr->n_leaving > 0; k++)
		if (gr->units[k].leaving) {
			gr->units[k].leaving = 0;
			gr->n_leaving--;
			more--;
		}
	for (int k = 0; k < gr->capacity && more > 0; k++)
		if (gr->units[k].state == UNIT_OFF) {
			group_push_idle(gr, &gr->units[k]);
			more--;
		}
	assert(more == 0);
}

/* Units going off duty: idle ones at once, busy ones after their job. */
static void group_remove(struct group *gr, int fewer)
{
	while (fewer > 0 && gr->idle) {
		struct unit *u = gr->idle;
		gr->idle = u->next_idle;
		gr->n_idle--;
		u->state = UNIT_OFF;
		fewer--;
	}
	for (int k = 0; k < gr->capacity && fewer > 0; k++) {
		struct unit *u = &gr->units[k];
		if ((u->state == UNIT_TRAVEL || u->state == UNIT_SCENE) &&
		    !u->leaving) {
			u->leaving = 1;
			gr->n_leaving++;
			fewer--;
		}
	}
	assert(fewer == 0);
}

/* The group's roster changes now: units come on or go off duty, and units
 * that came on take waiting work. */
void response_on_unit_roster(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct group *gr = ev->obj;
	struct response *r = gr->rsp;
	double now = sim_now(ctx);
	int target = roster_on_duty(gr->roster, rsp_local_s(r, now));
	int staying = gr->n_idle + gr->n_busy - gr->n_leaving;

	assert(target <= gr->capacity);
	if (target > staying)
		group_add(gr, target - staying);
	else if (target < staying)
		group_remove(gr, staying - target);
	timeavg_set(&gr->staff_ta, now, target);
	group_note(gr, now);
	group_offer_work(r, gr);
	assert(area_dispatch_settled(r, gr->spec->area));
	double next = roster_next_change(gr->roster, rsp_local_s(r, now));
	if (isfinite(next))
		sim_schedule(r->ctx, local_clock_until(&r->clock, &r->span,
						       now, next),
			     response_on_unit_roster, gr, 0);
}

/* ---- calls become incidents ------------------------------------------- */

/* Counted incident inc, created at at_s: its tallies by area, grade, day
 * and hour, and one more pending. */
static void incident_counted(struct response *r, struct incident *inc,
			     double at_s)
{
	size_t g = inc->grade;

	local_hour_read(&r->now_hour, &r->clock, &r->span, at_s);
	inc->hour = (uint16_t)r->now_hour.hour;
	inc->day = (uint16_t)r->now_hour.day;
	ag_at(r, inc->area, g)[RSP_INCIDENTS] += 1;
	rsp_day_at(r, inc->day, g)[RSP_D_INCIDENTS] += 1;
	response_period_created(r, inc);
	r->pending++;
	r->pending_ag[inc->area * r->sc->n_grades + g]++;
}

void response_call_ended(struct response *r, size_t line, unsigned counted,
			 uint64_t call, double at_s, bool ahead)
{
	assert(line < r->sc->n_lines);
	size_t g = dist_discrete(r->mix[line], r->rng[RS_MIX]);
	duplicate_count(r->outcomes, line, g, counted);
	if (!duplicate_is_incident(r->outcomes, g)) {
		if (r->log && g == r->sc->n_grades + DUPLICATE_CALL)
			response_log_duplicate(r, call, at_s, ahead);
		return;   /* resolved on the call, or a duplicate */
	}
	struct incident *inc = incident_get(r);
	if (!inc) {
		sim_fail(r->ctx, SIM_ENOMEM, "out of memory for incidents");
		return;
	}
	inc->grade = (uint32_t)g;
	inc->area = (uint32_t)dist_discrete(r->area_pick, r->rng[RS_AREA]);
	inc->created_s = at_s;
	inc->state = INC_DELAY;
	inc->preempted = 0;
	inc->need = response_multi_need(r, g);
	inc->sent = inc->active = inc->attended = 0;
	inc->counted = at_s >= r->warmup_s && at_s < r->end_s;
	if (r->log)
		response_log_created(r, inc, call);
	seeking_add(r);
	if (inc->counted)
		incident_counted(r, inc, at_s);
	const struct grade_spec *gs = &r->sc->grades[g];
	if (gs->has_delay)
		sim_schedule(r->ctx, at_s + dist_sample(&gs->delay,
						       r->rng[RS_DELAY]),
			     on_ready, inc, 0);
	else if (ahead)
		sim_schedule(r->ctx, at_s, on_ready, inc, 0);
	else
		seek_unit(r, inc);
}

long response_pending(const struct response *r)
{
	return r->pending;
}

/* ---- counted period and figures --------------------------------------- */

void response_open(struct response *r)
{
	double now = sim_now(r->ctx);
	for (size_t i = 0; i < r->sc->n_units; i++) {
		struct group *gr = &r->groups[i];
		gr->mark_busy = timeavg_integral(&gr->busy_ta, now);
		gr->mark_present = timeavg_integral(&gr->present_ta, now);
		gr->mark_staff = timeavg_integral(&gr->staff_ta, now);
	}
	response_period_open(r);
}

/* Unit time is measured up to now; the backlog is what is unattended now
 * (waiting, in its grading delay or with a unit on the way). */
void response_close(struct response *r)
{
	double now = sim_now(r->ctx);
	response_multi_close(r);
	for (size_t i = 0; i < r->sc->n_units; i++) {
		struct group *gr = &r->groups[i];
		gr->busy_s = timeavg_integral(&gr->busy_ta, now) - gr->mark_busy;
		gr->present_s = timeavg_integral(&gr->present_ta, now) -
				gr->mark_present;
		gr->staff_s = timeavg_integral(&gr->staff_ta, now) - gr->mark_staff;
	}
	for (size_t a = 0; a < r->sc->n_areas; a++)
		for (size_t g = 0; g < r->sc->n_grades; g++)
			ag_at(r, a, g)[RSP_BACKLOG] =
				(double)r->pending_ag[a * r->sc->n_grades + g];
	response_period_close(r);
}

static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* Turns the counts and sums of `in` (with histogram h) into figures. */
static void grade_finish(const struct grade_spec *gs, const double *in,
			 const struct hist *h, double *out)
{
	for (int m = 0; m < RSP_GRADE_METRICS; m++)
		out[m] = in[m];
	out[RSP_WITHIN_TARGET] = isfinite(gs->target_s) ?
		ratio(in[RSP_WITHIN_TARGET], in[RSP_INCIDENTS]) : NAN;
	out[RSP_ATTEND_MEAN_S] = ratio(in[RSP_ATTEND_MEAN_S], in[RSP_ATTENDED]);
	out[RSP_UNITS_PER_INCIDENT] = ratio(in[RSP_UNITS_PER_INCIDENT],
					    in[RSP_ATTENDED]);
	out[RSP_ATTEND_P50_S] = hist_quantile(h, 0.50);
	out[RSP_ATTEND_P90_S] = hist_quantile(h, 0.90);
	out[RSP_ATTEND_P95_S] = hist_quantile(h, 0.95);
}

static void area_finish(const struct response *r, size_t a, double *out)
{
	double busy = 0, present = 0, staff = 0;
	for (size_t i = 0; i < r->n_area_groups[a]; i++) {
		const struct group *gr = &r->groups[r->area_groups[a][i]];
		if (gr->role->neighbourhood)
			continue;
		busy += gr->busy_s;
		present += gr->present_s;
		staff += gr->staff_s;
	}
	const double *t = r->area_tally + a * RSP_AREA_METRICS;
	out[RSP_UTILISATION] = ratio(busy, present);
	out[RSP_UNITS_ON_DUTY] = ratio(staff, r->end_s - r->warmup_s);
	out[RSP_ABSTRACTIONS] = t[RSP_ABSTRACTIONS];
	out[RSP_ABSTRACTION_HOURS] = t[RSP_ABSTRACTION_HOURS];
}

void response_day_figures(const struct response *r, double *out)
{
	size_t ng = r->sc->n_grades;

	for (size_t i = 0; i < r->n_days * ng; i++) {
		const double *in = r->day_grade + i * RSP_DAY_GRADE_METRICS;
		double *f = out + i * RSP_DAY_GRADE_METRICS;

		f[RSP_D_INCIDENTS] = in[RSP_D_INCIDENTS];
		f[RSP_D_WITHIN_TARGET] = isfinite(r->sc->grades[i % ng].target_s)
			? ratio(in[RSP_D_WITHIN_TARGET], in[RSP_D_INCIDENTS])
			: NAN;
	}
}

void response_figures(const struct response *r, struct rsp_figures *out)
{
	size_t ng = r->sc->n_grades, na = r->sc->n_areas;

	for (size_t g = 0; g < ng; g++) {
		double sum[RSP_GRADE_METRICS] = { 0 };
		for (size_t a = 0; a < na; a++) {
			double f[RSP_GRADE_METRICS];
			memcpy(f, ag_at(r, a, g), sizeof f);
			f[RSP_UNATTENDED_END] = (double)r->pending_ag[a * ng + g];
			for (int m = 0; m < RSP_GRADE_METRICS; m++)
				sum[m] += f[m];
			grade_finish(&r->sc->grades[g], f, r->ag_hist[a * ng + g],
				     out->area_grade + (a * ng + g) * RSP_GRADE_METRICS);
		}
		grade_finish(&r->sc->grades[g], sum, r->g_hist[g],
			     out->grade + g * RSP_GRADE_METRICS);
	}
	for (size_t a = 0; a < na; a++)
		area_finish(r, a, out->area + a * RSP_AREA_METRICS);
}
