/* contact_centre.c: one replication of the contact centre on the event
 * engine — arrivals, queues, handlers on rosters, abandonment and redials —
 * and the tallies that become a struct replication_result.
 *
 * Handlers are not individuals: a pool is three counters (idle, busy, and
 * busy handlers whose shift has ended and who leave when their call is done).
 * Callers are the only objects, drawn from a free list so that a run in
 * steady state allocates nothing per call. Each line has one FIFO queue
 * shared by every pool that serves it; a freed handler looks at its pool's
 * lines in priority order and takes the oldest caller of the first line
 * with anyone waiting. Priority is non-preemptive: nobody is taken off a
 * call.
 *
 * Pools with overflow rules or reserves (models/routing.h) make those
 * choices through routed variants (routed_answer, routed_next_caller),
 * which a scenario without them never enters. Call-backs of abandoned
 * callers and the 999 connection time are in contact_centre_beyond.c,
 * entered through m->beyond where a call is answered, m->fill where a
 * pool's handlers look for work and m->callbacks where a caller abandons.
 *
 * A plain scenario (cc_model.plain: none of those, no patience, no
 * deferrable work, no call log, nobody told of a call's end) takes
 * copies of the paths of every call compiled without their tests:
 * on_arrival_plain and on_wrap_end_plain, the events of its calls, run
 * offer, answer and pool_fill made with `plain` true, where each test of
 * a feature it lacks folds away. A path made with `plain` false serves
 * any scenario, a plain one included.
 *
 * The objects are in contact_centre_int.h; the figures made of the tallies
 * when the run ends are in contact_centre_figures.c; the call log of a
 * logged run (models/run_log.h) in contact_centre_log.c. */
#include "models/contact_centre_int.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/deferrable.h"
#include "models/demand.h"
#include "models/dist.h"
#include "models/local_clock.h"
#include "models/roster.h"
#include "models/routing.h"
#include "models/run_log.h"
#include "sim/hist.h"
#include "sim/mem.h"
#include "sim/sim.h"
#include "sim/timeavg.h"

/* The routed paths are kept out of line: inlined into offer and
 * pool_fill, they would cost every call of a scenario without routing
 * the registers they save (bench/instructions). */
#define CC_OUT_OF_LINE __attribute__((noinline))
/* Whether the run is logged: one replication of a run at most, so the
 * branch is laid out for the others, which pay one test where a call is
 * offered, answered and ends. */
#define LOGGED(m) __builtin_expect((m)->log != NULL, 0)
/* A path of every call, made twice from one body: with `plain` false
 * for any scenario, with `plain` true for a plain one (cc_model.plain),
 * its tests of what a plain scenario lacks folded away. */
#define CC_BOTH_PATHS static inline __attribute__((always_inline))

static void on_arrival(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_arrival_plain(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_wrap_end_plain(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_abandon(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_handle_end(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_wrap_end(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_roster_change(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_overflow_check(struct sim_ctx *ctx, const struct ev_event *ev);

/* ---- callers ---------------------------------------------------------- */

/* Lends a caller from the free list, growing it by a chunk when empty.
 * Chunks live until the replication ends, so a stale event's pointer to a
 * recycled caller stays valid; its sequence check makes it harmless. */
static struct caller *caller_get(struct cc_model *m)
{
	if (!m->free_callers) {
		struct caller_chunk *ch = mem_malloc(sizeof *ch);
		if (!ch)
			return NULL;
		ch->next = m->chunks;
		m->chunks = ch;
		for (size_t i = 0; i < CALLERS_PER_CHUNK; i++) {
			ch->callers[i].next = m->free_callers;
			m->free_callers = &ch->callers[i];
		}
	}
	struct caller *c = m->free_callers;
	m->free_callers = c->next;
	c->abandon_seq = 0;
	return c;
}

static void queue_push(struct line_state *ls, struct caller *c)
{
	c->next = NULL;
	c->prev = ls->tail;
	if (ls->tail)
		ls->tail->next = c;
	else
		ls->head = c;
	ls->tail = c;
}

/* ---- pools ------------------------------------------------------------ */

/* The wrap-up of a call of line `line`: drawn, or 0 when the line has
 * none. */
static inline double wrap_drawn(struct cc_model *m, size_t line)
{
	const struct line_spec *spec = m->lines[line].spec;

	return spec->has_wrap ? dist_sample(&spec->wrap,
		m->lines[line].rng[CC_STREAM_WRAP]) : 0.0;
}

/* The talk of a call of line `line` (call id `call` in a logged run, else
 * 0; counted 1 when it was) ends at end_s: now, or later when told at the
 * answer (ahead). The models listening are told (the incident it creates
 * enters the response at end_s: models/response.h); returns the wrap-up
 * drawn (wrap_drawn), which a plain scenario, where nobody listens, draws
 * alone. */
static inline double call_ended(struct cc_model *m, size_t line,
				unsigned counted, uint64_t call, double end_s,
				bool ahead)
{
	if (m->post_call_ended)
		replication_post(m->rep, &(struct replication_notice){
			.kind = REPLICATION_CALL_ENDED, .line = line,
			.counted = counted, .call = call, .at_s = end_s,
			.ahead = ahead });
	return wrap_drawn(m, line);
}

/* In a logged run: talk_settled's call, numbered, waits on the talking
 * list until its talk is over, when its row is written (the event is put
 * on the calendar right after call_ended: the response's duplicate mark
 * for it, if any, comes just before); its handler, numbered, is freed by
 * its own event. */
static CONTACT_CENTRE_LOG_COLD void log_talk_settled(struct cc_model *m,
						     struct pool_state *ps,
						     struct caller *c,
						     double now, double talk_s)
{
	double end_s = now + talk_s;
	int64_t arg = contact_centre_log_talk(m, c, ps, talk_s);

	c->wrap_s = call_ended(m, c->line, c->counted, c->id, end_s, true);
	sim_schedule(m->ctx, end_s, contact_centre_log_on_talked, ps, arg);
	sim_schedule(m->ctx, end_s + c->wrap_s, contact_centre_log_on_wrap_end,
		     ps, (int64_t)c->seat);
}

/* Caller c, answered now by a handler of ps, talks for talk_s, ending
 * before the horizon. Nothing can come between: a handler is never taken
 * off a call, and one whose shift ends leaves when the call and its
 * wrap-up are done. So the call's end is settled now, its wrap-up drawn,
 * and one event frees the handler at the wrap-up's end: a handled call
 * costs two events, its arrival and that one. */
CC_BOTH_PATHS void talk_settled(struct cc_model *m, struct pool_state *ps,
				struct caller *c, double now, double talk_s,
				bool plain)
{
	if (!plain && LOGGED(m)) {
		log_talk_settled(m, ps, c, now, talk_s);
		return;
	}
	size_t line = c->line;
	unsigned counted = c->counted;
	caller_put(m, c);
	double end_s = now + talk_s;
	double wrap_s = plain ? wrap_drawn(m, line)
			      : call_ended(m, line, counted, 0, end_s, true);
	sim_schedule(m->ctx, end_s + wrap_s,
		     plain ? on_wrap_end_plain : on_wrap_end, ps,
		     (int64_t)line);
}

/* Caller c's talk ends at or after the horizon: its end is an event of its
 * own (on_handle_end), so that the counted period's close and the drain
 * after it see it when it happens. The event is told the line and whether
 * the call is counted, for the outcome tallies (models/duplicate.h). */
static void talk_scheduled(struct cc_model *m, struct pool_state *ps,
			   struct caller *c, double now, double talk_s)
{
	int64_t arg = (int64_t)c->line << 1 | c->counted;

	m->talking_counted += c->counted;
	if (LOGGED(m))
		arg = contact_centre_log_talk(m, c, ps, talk_s);
	else
		caller_put(m, c);
	sim_schedule(m->ctx, now + talk_s, on_handle_end, ps, arg);
}

/* A talk time drawn from d: dist_sample's draw, the exponential's (the
 * handle time of the queueing models) taken inline, before dist_sample's
 * call and its test for a lognormal (W1 and W2 +0.3% and +0.2%
 * instructions without). */
static inline double talk_drawn(const struct dist *d, gsl_rng *r)
{
	if (d->kind == DIST_EXPONENTIAL)
		return dist_exponential(r, d->p1);
	return dist_sample(d, r);
}

/* Puts a handler of pool p on caller c at time now: tallies the wait and
 * settles or schedules the end of the talk time. Takes c (returns it to
 * the free list). */
CC_BOTH_PATHS void answer_in(struct cc_model *m, size_t p, struct caller *c,
			     double now, bool plain)
{
	struct line_state *ls = &m->lines[c->line];
	struct pool_state *ps = &m->pools[p];
	double wait_s = now - c->arrival_s;

	if (!plain && m->beyond)
		wait_s = contact_centre_beyond_answered(m, c, wait_s);
	if (c->counted) {
		size_t h = c->hour;
		struct day_tally *dt = &ls->days[c->day];
		/* 1 or 0, added either way: whether a wait is in target is
		 * as random as the queue, and adding 0 changes no count. */
		double in_target = wait_s <= ls->spec->target_s;
		ls->wait_sum_s += wait_s;
		hist_add(ls->waits, wait_s);
		ls->h_answered[h] += 1;
		dt->answered += 1;
		dt->wait_sum_s += wait_s;
		ls->h_in_target[h] += in_target;
		dt->in_target += in_target;
		m->pending_counted--;
	}
	ps->idle--;
	ps->busy++;
	pool_note(ps, now);
	double talk_s = talk_drawn(&ls->spec->handle, ls->rng[CC_STREAM_HANDLE]);
	if (now + talk_s < m->end_s)
		talk_settled(m, ps, c, now, talk_s, plain);
	else
		talk_scheduled(m, ps, c, now, talk_s);
}

/* answer for any scenario, and for a plain one. */
static CC_OUT_OF_LINE void answer(struct cc_model *m, size_t p,
				  struct caller *c, double now)
{
	answer_in(m, p, c, now, false);
}

static CC_OUT_OF_LINE void answer_plain(struct cc_model *m, size_t p,
					struct caller *c, double now)
{
	answer_in(m, p, c, now, true);
}

static void routing_watch(struct cc_model *m, size_t l, double now);

/* Gives waiting callers to pool p's idle handlers while both exist;
 * handlers still free then may take deferrable work. */
CC_BOTH_PATHS void pool_fill_in(struct cc_model *m, size_t p, double now,
				bool plain)
{
	struct pool_state *ps = &m->pools[p];
	if (!plain && m->fill) {
		m->fill(m, p, now);
	} else {
		struct caller *c;
		/* Outside the plain path the pool's lines are looked at
		 * only while someone waits on a line (W2's queue is empty
		 * most of the time); W1's single queue is seldom empty,
		 * and there the test would cost more than it saves. */
		while (ps->idle > 0 && (plain || m->n_waiting > 0) &&
		       (c = pool_next_caller(m, p))) {
			queue_remove(&m->lines[c->line], c);
			m->n_waiting--;
			c->abandon_seq = 0;   /* lazy cancel of the abandonment */
			if (plain)
				answer_plain(m, p, c, now);
			else
				answer(m, p, c, now);
		}
	}
	if (!plain && m->deferrable && ps->idle > 0)
		deferrable_idle(m->deferrable, p, now);
}

/* A handler of pool ps finished a call and its wrap-up. */
CC_BOTH_PATHS void handler_done_in(struct cc_model *m, struct pool_state *ps,
				   double now, bool plain)
{
	size_t p = (size_t)(ps - m->pools);
	ps->busy--;
	if (ps->leaving > 0) {
		/* Their shift ended during the call: they go home now. */
		ps->leaving--;
	} else {
		ps->idle++;
	}
	pool_note(ps, now);
	pool_fill_in(m, p, now, plain);
}

/* pool_fill and handler_done for any scenario. */
static void pool_fill(struct cc_model *m, size_t p, double now)
{
	pool_fill_in(m, p, now, false);
}

static void handler_done(struct cc_model *m, struct pool_state *ps, double now)
{
	handler_done_in(m, ps, now, false);
}

/* In a logged run: handler `seat` of pool ps finished; numbered handlers
 * follow the counts before anyone takes the next call. */
static CONTACT_CENTRE_LOG_COLD void log_handler_done(struct cc_model *m,
						     struct pool_state *ps,
						     double now, uint32_t seat)
{
	handler_seats_release(ps->seats, seat, ps->leaving == 0);
	handler_done(m, ps, now);
}

/* For contact_centre_beyond.c and contact_centre_deferrable.c
 * (contact_centre_int.h): the static ones
 * stay as they are for the paths of every call. */
void contact_centre_answer(struct cc_model *m, size_t p, struct caller *c,
			   double now)
{
	answer(m, p, c, now);
}

void contact_centre_pool_fill(struct cc_model *m, size_t p, double now)
{
	pool_fill(m, p, now);
}

void contact_centre_handler_done(struct cc_model *m, struct pool_state *ps,
				 double now, uint32_t seat)
{
	if (seat)
		log_handler_done(m, ps, now, seat);
	else
		handler_done(m, ps, now);
}

/* Moves pool p to the roster's on-duty count: arrivals join as idle (or
 * cancel pending departures); departures take idle handlers first, and busy
 * ones are marked to leave when their call ends. */
static void pool_restaff(struct cc_model *m, size_t p, double now)
{
	struct pool_state *ps = &m->pools[p];
	int target = roster_on_duty(ps->roster,
				    local_clock_s(&m->clock, &m->span, now));
	int staying = ps->idle + ps->busy - ps->leaving;
	int idle_was = ps->idle;

	if (target > staying) {
		int more = target - staying;
		int back = more < ps->leaving ? more : ps->leaving;
		ps->leaving -= back;
		ps->idle += more - back;
	} else if (target < staying) {
		int fewer = staying - target;
		int gone = fewer < ps->idle ? fewer : ps->idle;
		ps->idle -= gone;
		ps->leaving += fewer - gone;
	}
	if (LOGGED(m))
		contact_centre_log_restaff(m, ps, ps->idle - idle_was);
	timeavg_set(&ps->staff_ta, now, target);
	pool_note(ps, now);
	pool_fill(m, p, now);
}

/* ---- events ----------------------------------------------------------- */

/* Stops the run: more callers wait than run.max_waiting allows. Each one
 * holds memory (and an abandonment on the calendar), so a run whose queues
 * grow without bound (a rate far beyond the staff, a rate too high to
 * represent) stops with a message instead of exhausting the machine. */
static void too_many_waiting(struct cc_model *m, double now)
{
	char what[200];

	snprintf(what, sizeof what, "more than %zu callers waiting at once at "
		 "%.9g s (run.max_waiting); raise run.max_waiting for a "
		 "deliberate what-if", m->max_waiting, now);
	sim_fail(m->ctx, SIM_ERUNTIME, what);
}

static CC_OUT_OF_LINE bool routed_answer(struct cc_model *m, struct caller *c,
					 double now);

/* A counted call of line ls, judged per hour, is offered now: kept out of
 * line, as its test is the only cost to a line that is not. */
static __attribute__((cold, noinline)) void hours_offered(
	struct cc_model *m, struct line_state *ls)
{
	agreement_hours_offered(ls->hours, sim_now(m->ctx) - m->warmup_s);
}
static CC_OUT_OF_LINE void routed_joined(struct cc_model *m, size_t l,
					 double now);

/* Tallies counted caller c of line ls, offered now, by the hour and day it
 * arrived. */
CC_BOTH_PATHS void offer_counted(struct cc_model *m, struct line_state *ls,
				 struct caller *c, double now, bool plain)
{
	/* On the local clock; a day is a local calendar day, 23 or 25 hours
	 * at a change. */
	local_hour_read(&m->now_hour, &m->clock, &m->span, now);
	c->hour = (uint16_t)m->now_hour.hour;
	c->day = (uint16_t)m->now_hour.day;
	ls->h_offered[c->hour] += 1;
	ls->days[c->day].offered += 1;
	if (!plain && __builtin_expect(ls->hours != NULL, 0))
		hours_offered(m, ls);
	if (!plain && c->repeat)
		ls->repeats += 1;
	m->pending_counted++;
}

/* Offers caller c to its line: straight to an idle handler of the most
 * suitable pool, or into the queue with a patience clock running. A
 * plain scenario has no redials (no patience, no call-backs). */
CC_BOTH_PATHS void offer_in(struct cc_model *m, struct caller *c, double now,
			    bool plain)
{
	struct line_state *ls = &m->lines[c->line];

	c->counted = now >= m->warmup_s && now < m->end_s;
	c->arrival_s = now;
	if (!plain && LOGGED(m))
		contact_centre_log_offer(m, c);
	if (c->counted)
		offer_counted(m, ls, c, now, plain);
	if (!plain && m->routing) {
		if (routed_answer(m, c, now))
			return;
	} else {
		for (size_t i = 0; i < ls->n_pools; i++) {
			if (m->pools[ls->pools[i]].idle > 0) {
				if (plain)
					answer_plain(m, ls->pools[i], c, now);
				else
					answer(m, ls->pools[i], c, now);
				return;
			}
		}
	}
	queue_push(ls, c);
	if (++m->n_waiting > m->max_waiting)
		too_many_waiting(m, now);
	if (plain)
		return;
	if (ls->spec->has_patience) {
		double patience_s = dist_sample(&ls->spec->patience,
						ls->rng[CC_STREAM_PATIENCE]);
		c->abandon_seq = sim_schedule(m->ctx, now + patience_s,
					      on_abandon, c, 0);
	}
	if (m->routing)
		routed_joined(m, c->line, now);
}

/* offer for any scenario. */
static CC_OUT_OF_LINE void offer(struct cc_model *m, struct caller *c,
				 double now)
{
	offer_in(m, c, now, false);
}

/* Schedules the next first-time call of line ls after now, if any: an
 * event of the plain path in a plain scenario. A line has always one
 * such call pending, so the first SIM_LANES lines keep theirs in a lane
 * of the calendar, line l in lane l (sim.h), where it costs less. */
CC_BOTH_PATHS void schedule_arrival(struct cc_model *m, struct line_state *ls,
				    double now, bool plain)
{
	double e1 = dist_exponential(ls->rng[CC_STREAM_ARRIVAL], 1.0);
	double next_s = demand_plan_next(ls->plan, now, e1, &ls->plan_hint);
	size_t l = (size_t)(ls - m->lines);
	ev_handler fn = plain ? on_arrival_plain : on_arrival;

	if (!(isfinite(next_s) && next_s < m->end_s))
		return;
	if (l < SIM_LANES)
		sim_schedule_lane(m->ctx, (int)l, next_s, fn, ls, 0);
	else
		sim_schedule(m->ctx, next_s, fn, ls, 0);
}

CC_BOTH_PATHS void arrival(struct sim_ctx *ctx, const struct ev_event *ev,
			   bool plain)
{
	struct cc_model *m = sim_model(ctx);
	struct line_state *ls = ev->obj;
	double now = sim_now(ctx);
	struct caller *c = caller_get(m);

	if (!c) {
		sim_fail(ctx, SIM_ENOMEM, "out of memory for callers");
		return;
	}
	c->line = (uint16_t)(ls - m->lines);
	c->repeat = 0;
	c->ticket = 0;
	if (plain)
		offer_in(m, c, now, true);
	else
		offer(m, c, now);
	schedule_arrival(m, ls, now, plain);
}

/* A first-time call of line ev->obj rings. */
static void on_arrival(struct sim_ctx *ctx, const struct ev_event *ev)
{
	arrival(ctx, ev, false);
}

static void on_arrival_plain(struct sim_ctx *ctx, const struct ev_event *ev)
{
	arrival(ctx, ev, true);
}

/* Whether caller of line ls who abandoned rings again, and after how
 * long. */
bool contact_centre_redial_drawn(struct line_state *ls, double *delay_s)
{
	double p = ls->spec->redial_probability;

	if (!(p > 0 && gsl_rng_uniform(ls->rng[CC_STREAM_REDIAL]) < p))
		return false;
	*delay_s = dist_sample(&ls->spec->redial_delay,
			       ls->rng[CC_STREAM_REDIAL]);
	return true;
}

/* A caller's patience ran out. Stale events (the caller was answered, and
 * perhaps recycled since) are recognised by their sequence number. */
static void on_abandon(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);
	struct caller *c = ev->obj;
	double now = sim_now(ctx);

	if (c->abandon_seq != ev->seq)
		return;
	struct line_state *ls = &m->lines[c->line];
	queue_remove(ls, c);
	m->n_waiting--;
	if (m->routing) {
		routing_line(m->routing, c->line)->n_queued--;
		routing_watch(m, c->line, now);
	}
	if (c->counted) {
		ls->abandoned += 1;
		if (now - c->arrival_s <= 5.0)
			ls->abandoned_5s += 1;
		m->pending_counted--;
	}
	if (LOGGED(m))
		contact_centre_log_row(m, c, RUN_LOG_ABANDONED, now, NAN);
	double delay_s;
	if (m->callbacks)
		contact_centre_beyond_abandoned(m, c, now);
	else if (contact_centre_redial_drawn(ls, &delay_s))
		/* The redial carries who rings again, for the log. */
		sim_schedule(ctx, now + delay_s, contact_centre_on_redial, ls,
			     m->log ? (int64_t)c->caller : 0);
	caller_put(m, c);
}

/* An abandoned caller (`who`, for the log) rings line ls again, holding
 * call-back ticket t (0: none): a new offered call, marked as a repeat. */
void contact_centre_redial_offer(struct cc_model *m, struct line_state *ls,
				 uint64_t who, uint32_t t)
{
	struct caller *c = caller_get(m);

	if (!c) {
		sim_fail(m->ctx, SIM_ENOMEM, "out of memory for callers");
		return;
	}
	c->line = (uint16_t)(ls - m->lines);
	c->repeat = 1;
	c->caller = who;
	c->ticket = t;
	offer(m, c, sim_now(m->ctx));
}

void contact_centre_on_redial(struct sim_ctx *ctx, const struct ev_event *ev)
{
	contact_centre_redial_offer(sim_model(ctx), ev->obj,
				    (uint64_t)ev->arg, 0);
}

/* ---- routing between queues ------------------------------------------ */

/* The routed paths keep each queue's length (for the queue rules) and
 * its overflow check in the routing's lines (models/routing.h). */

/* Takes waiting caller c out of its queue, to be answered. */
static void queue_take(struct cc_model *m, struct caller *c)
{
	queue_remove(&m->lines[c->line], c);
	routing_line(m->routing, c->line)->n_queued--;
	m->n_waiting--;
	c->abandon_seq = 0;   /* lazy cancel of the pending abandonment */
}

/* May pool p take a caller of line l now: a free handler beyond those it
 * keeps for its higher lines? */
static bool pool_spare(const struct cc_model *m, size_t p, size_t l)
{
	return m->pools[p].idle > routing_keep(m->routing, p, l);
}

/* The first pool with a spare handler whose overflow rule on line l holds
 * with `waiting` callers in l's queue, the oldest arrived at head_s; -1
 * when none. */
static long overflow_taker(const struct cc_model *m, size_t l, size_t waiting,
			   double head_s, double now)
{
	size_t n;
	const struct routing_taker *t = routing_line_takers(m->routing, l, &n);

	for (size_t i = 0; i < n; i++)
		if (routing_pressed(t[i].rule, waiting, head_s, now) &&
		    pool_spare(m, t[i].pool, l))
			return (long)t[i].pool;
	return -1;
}

/* Keeps an overflow check on the calendar for the moment line l's oldest
 * caller's wait reaches a rule's wait_s, when no earlier check is due: the
 * queue's heads only get younger, so an earlier check finds the current
 * head and schedules the next. */
static void routing_watch(struct cc_model *m, size_t l, double now)
{
	struct line_state *ls = &m->lines[l];
	struct routing_line *lr = routing_line(m->routing, l);

	if (!ls->head)
		return;
	double at = routing_next_check(m->routing, l, ls->head->arrival_s, now);
	if (at < lr->check_due_s) {
		lr->check_due_s = at;
		lr->check_seq = sim_schedule(m->ctx, at, on_overflow_check,
					     ls, 0);
	}
}

/* Pool p answers c through an overflow rule: tallied for the line's
 * "answered by overflow" before answer takes c. */
static void overflow_answer(struct cc_model *m, size_t p, struct caller *c,
			    double now)
{
	if (c->counted)
		m->lines[c->line].overflowed += 1;
	answer(m, p, c, now);
}

/* Line l's pressure grew (a caller joined, a wait crossed a rule's
 * wait_s): overflow pools with spare handlers take its oldest callers
 * while a rule holds. */
static void routing_relieve(struct cc_model *m, size_t l, double now)
{
	struct line_state *ls = &m->lines[l];

	while (ls->head) {
		long p = overflow_taker(m, l,
					routing_line(m->routing, l)->n_queued,
					ls->head->arrival_s, now);
		if (p < 0)
			break;
		struct caller *c = ls->head;
		queue_take(m, c);
		overflow_answer(m, (size_t)p, c, now);
	}
	routing_watch(m, l, now);
}

/* offer's choice under routing: a pool serving the line with a spare
 * handler, else, when nobody waits and a rule holds for the caller alone,
 * an overflow pool; false when the caller is to queue. */
static bool routed_answer(struct cc_model *m, struct caller *c, double now)
{
	struct line_state *ls = &m->lines[c->line];
	size_t l = c->line;

	for (size_t i = 0; i < ls->n_pools; i++) {
		if (pool_spare(m, ls->pools[i], l)) {
			answer(m, ls->pools[i], c, now);
			return true;
		}
	}
	long p = ls->head ? -1 : overflow_taker(m, l, 1, now, now);
	if (p >= 0)
		overflow_answer(m, (size_t)p, c, now);
	return p >= 0;
}

/* A caller joined line l's queue: its new length may set a rule off. */
static void routed_joined(struct cc_model *m, size_t l, double now)
{
	routing_line(m->routing, l)->n_queued++;
	routing_relieve(m, l, now);
}

/* pool_next_caller under routing: pool p's lines in its routing order, an
 * overflow line only while its rule holds, any line only while p has a
 * handler beyond those it keeps from it; *by_rule says whether an overflow
 * rule gave it. */
static struct caller *routed_next_caller(struct cc_model *m, size_t p,
					 double now, bool *by_rule)
{
	size_t n;
	const struct routing_entry *e = routing_pool_lines(m->routing, p, &n);

	for (size_t i = 0; i < n; i++) {
		const struct line_state *ls = &m->lines[e[i].line];
		if (!ls->head || !pool_spare(m, p, e[i].line))
			continue;
		*by_rule = e[i].rule != NULL;
		if (!e[i].rule || routing_pressed(e[i].rule,
			routing_line(m->routing, e[i].line)->n_queued,
			ls->head->arrival_s, now))
			return ls->head;
	}
	return NULL;
}

/* pool_fill under routing; a caller taken from the head of a queue
 * leaves a younger head, whose wait the overflow check then watches.
 * With call-backs, a due one comes first (contact_centre_beyond.c).
 * Without them, nothing is to be done while no caller waits on any line,
 * as when most handlers finish a call: the pool's lines are not looked
 * at then. */
static void routed_fill(struct cc_model *m, size_t p, double now)
{
	if (m->n_waiting == 0 && !m->callbacks)
		return;
	while (m->pools[p].idle > 0) {
		bool by_rule = false;
		struct caller *c = routed_next_caller(m, p, now, &by_rule);
		if (m->callbacks && contact_centre_beyond_routed_call_back(
			    m, p, c != NULL, now))
			continue;
		if (!c)
			return;
		size_t l = c->line;
		queue_take(m, c);
		if (by_rule)
			overflow_answer(m, p, c, now);
		else
			answer(m, p, c, now);
		routing_watch(m, l, now);
	}
}

/* A wait rule may hold now: stale checks (a newer one was scheduled) are
 * recognised by their sequence. */
static void on_overflow_check(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);
	struct line_state *ls = ev->obj;
	size_t l = (size_t)(ls - m->lines);
	struct routing_line *lr = routing_line(m->routing, l);

	if (ev->seq != lr->check_seq)
		return;
	lr->check_due_s = INFINITY;
	routing_relieve(m, l, sim_now(ctx));
}

/* Talk time of a call of line `line` (call id `call` in a logged run, else
 * 0; counted 1 when it was), scheduled by talk_scheduled, is over: the
 * call may create an incident now (not after wrap-up); the handler stays
 * busy through after-call work. Returns the wrap-up drawn (0 when the line
 * has none). */
static inline double talk_over(struct cc_model *m, struct pool_state *ps,
			       size_t line, unsigned counted, uint64_t call,
			       uint32_t seat, double now)
{
	const struct line_spec *spec = m->lines[line].spec;

	m->talking_counted -= counted;
	double wrap_s = call_ended(m, line, counted, call, now, false);
	if (spec->has_wrap) {
		if (seat)
			sim_schedule(m->ctx, now + wrap_s,
				     contact_centre_log_on_wrap_end, ps,
				     (int64_t)seat);
		else
			sim_schedule(m->ctx, now + wrap_s, on_wrap_end, ps,
				     (int64_t)line);
	} else if (seat) {
		log_handler_done(m, ps, now, seat);
	} else {
		handler_done(m, ps, now);
	}
	return wrap_s;
}

/* In a logged run: the call's row is complete once its wrap-up is drawn. */
static CONTACT_CENTRE_LOG_COLD void log_talk_over(struct cc_model *m,
						  struct pool_state *ps,
						  int64_t arg)
{
	struct caller *c = contact_centre_log_talked(m, arg);
	double wrap_s = talk_over(m, ps, c->line, c->counted, c->id, c->seat,
				  sim_now(m->ctx));

	contact_centre_log_row(m, c, RUN_LOG_ANSWERED, c->answered_s, wrap_s);
	caller_put(m, c);
}

static void on_handle_end(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);

	if (LOGGED(m))
		log_talk_over(m, ev->obj, ev->arg);
	else
		talk_over(m, ev->obj, (size_t)ev->arg >> 1,
			  (unsigned)ev->arg & 1, 0, 0, sim_now(ctx));
}

/* A handler of pool ev->obj is done with a call and its wrap-up. */
static void on_wrap_end(struct sim_ctx *ctx, const struct ev_event *ev)
{
	handler_done(sim_model(ctx), ev->obj, sim_now(ctx));
}

static void on_wrap_end_plain(struct sim_ctx *ctx, const struct ev_event *ev)
{
	handler_done_in(sim_model(ctx), ev->obj, sim_now(ctx), true);
}

static void on_roster_change(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);
	struct pool_state *ps = ev->obj;
	double now = sim_now(ctx);

	pool_restaff(m, (size_t)(ps - m->pools), now);
	double next = roster_next_change(ps->roster,
					 local_clock_s(&m->clock, &m->span, now));
	if (isfinite(next))
		sim_schedule(ctx, local_clock_until(&m->clock, &m->span, now,
						    next),
			     on_roster_change, ps, 0);
}

/* ---- set-up ----------------------------------------------------------- */

/* Whether the scenario is plain (cc_model.plain): the model built, nothing
 * in it that the plain paths leave out. */
static bool model_plain(const struct cc_model *m)
{
	bool plain = !m->log && !m->post_call_ended && !m->routing &&
		     !m->fill && !m->beyond && !m->callbacks &&
		     m->sc->n_deferrable == 0;

	for (size_t l = 0; l < m->sc->n_lines && plain; l++)
		plain = !m->lines[l].spec->has_patience && !m->lines[l].hours;
	return plain;
}

/* Builds the lines and pools (contact_centre_build.c) and chooses the
 * paths of their calls; on failure the caller frees what was built with
 * contact_centre_free. */
static enum sim_status model_build(struct cc_model *m, struct sim_err *err)
{
	enum sim_status st = contact_centre_build(m, err);

	if (st != SIM_OK)
		return st;
	if (m->routing)
		m->fill = routed_fill;
	m->plain = model_plain(m);
	return SIM_OK;
}

/* Builds the contact centre of one replication and puts its first events
 * on the calendar: staffing at time 0 and the first call of each line.
 * Returns NULL with err filled, or with err empty when out of memory. */
static void *cc_init(const struct replication_env *env, struct sim_err *err)
{
	struct cc_model *m = mem_calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->sc = env->sc;
	m->ctx = env->ctx;
	m->rep = env->rep;
	m->log = env->log;
	m->post_call_ended = replication_listened(m->rep, REPLICATION_CALL_ENDED);
	m->max_waiting = m->sc->run.max_waiting ? m->sc->run.max_waiting
						: SCENARIO_MAX_WAITING_DEFAULT;
	m->warmup_s = env->warmup_s;
	m->end_s = env->end_s;
	local_clock_init(&m->clock, m->sc->run.start);
	m->n_days = replication_days(m->sc);
	local_hour_init(&m->now_hour, m->sc->run.warmup_s, m->n_days);
	assert(m->n_days <= UINT16_MAX);   /* run.days <= 36600: a caller's day */
	assert(env->first_stream == 0);   /* line l's streams are l * KINDS + k */
	sim_set_model(m->ctx, m);
	if (model_build(m, err) != SIM_OK ||
	    (LOGGED(m) && contact_centre_log_seats_init(m) != SIM_OK)) {
		contact_centre_free(m);
		return NULL;
	}
	for (size_t p = 0; p < m->sc->n_pools; p++)
		on_roster_change(m->ctx, &(struct ev_event){ .obj = &m->pools[p] });
	for (size_t l = 0; l < m->sc->n_lines; l++)
		schedule_arrival(m, &m->lines[l], 0.0, m->plain);
	return m;
}

/* Every counted caller has been answered or has abandoned, and, when a
 * model hears of calls' ends, every counted answered call's talk is over
 * (its outcome is tallied: models/duplicate.h). */
static bool cc_settled(const void *model)
{
	const struct cc_model *m = model;
	return m->pending_counted == 0 &&
	       (!m->post_call_ended || m->talking_counted == 0) &&
	       (!m->callbacks || callback_settled(m->callbacks));
}

static void cc_figures(const void *model, struct replication_result *out)
{
	const struct cc_model *m = model;

	contact_centre_figures(m, out);
	if (LOGGED(m))
		contact_centre_log_unfinished(m);
}

static bool cc_wanted(const struct scenario *sc)
{
	(void)sc;
	return true;
}

static uint32_t cc_streams(const struct scenario *sc)
{
	return (uint32_t)(sc->n_lines * CC_STREAM_KINDS);
}

const struct replication_model contact_centre_model = {
	.name = "contact centre",
	.wanted = cc_wanted,
	.streams = cc_streams,
	.init = cc_init,
	.notices = REPLICATION_NOTICE(REPLICATION_PERIOD_OPEN) |
		   REPLICATION_NOTICE(REPLICATION_PERIOD_CLOSE),
	.handle = contact_centre_period_notice,
	.settled = cc_settled,
	.figures = cc_figures,
	.free = contact_centre_free,
};
