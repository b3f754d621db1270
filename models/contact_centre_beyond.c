/* contact_centre_beyond.c: the contact centre's side of the work beyond
 * the first call (contact_centre_int.h) — call-backs of abandoned callers
 * (models/callback.h: the requests, their queues and tallies) and the 999
 * connection time (models/connection.h); and, where a call is answered,
 * the hour-by-hour tally of a line judged per hour
 * (models/agreement_hours.h). A scenario without them never enters this
 * file: the contact centre tests one flag where a call is
 * answered, and a pointer where a pool's free handlers look for work. */
#include "models/contact_centre_int.h"

#include <stdint.h>

/* A redial of a caller waiting for a call-back: it rings only if the
 * call-back has not reached them first. */
static void beyond_on_redial(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);
	uint32_t t = (uint32_t)ev->arg;
	uint64_t who;

	if (callback_redial_rings(m->callbacks, t, &who))
		contact_centre_redial_offer(m, ev->obj, who, t);
}

/* A handler's call-back is over. */
static void beyond_on_callback_end(struct sim_ctx *ctx,
				   const struct ev_event *ev)
{
	contact_centre_handler_done(sim_model(ctx), ev->obj, sim_now(ctx),
				    (uint32_t)ev->arg);
}

/* A free handler of pool ps starts a call-back now, of work_s. */
static void beyond_call_back(struct cc_model *m, struct pool_state *ps,
			     double work_s, double now)
{
	uint32_t seat = m->log ? handler_seats_take(ps->seats) : 0;

	ps->idle--;
	ps->busy++;
	pool_note(ps, now);
	sim_schedule(m->ctx, now + work_s, beyond_on_callback_end, ps, seat);
}

/* pool_fill with call-backs: a free handler makes a due call-back before
 * (or, after its own lines, instead of) the calls waiting. */
static void beyond_fill(struct cc_model *m, size_t p, double now)
{
	struct pool_state *ps = &m->pools[p];

	while (ps->idle > 0) {
		struct caller *c = pool_next_caller(m, p);
		uint32_t t = callback_due(m->callbacks, p, c != NULL,
					  ps->idle, NULL);
		if (t) {
			beyond_call_back(m, ps, callback_take(m->callbacks, t,
							      now), now);
			continue;
		}
		if (!c)
			return;
		queue_remove(&m->lines[c->line], c);
		m->n_waiting--;
		c->abandon_seq = 0;   /* lazy cancel of the pending abandonment */
		contact_centre_answer(m, p, c, now);
	}
}

bool contact_centre_beyond_routed_call_back(struct cc_model *m, size_t p,
					    bool calls_waiting, double now)
{
	struct pool_state *ps = &m->pools[p];
	uint32_t t = callback_due(m->callbacks, p, calls_waiting, ps->idle,
				  routing_keep_row(m->routing, p));

	if (t)
		beyond_call_back(m, ps, callback_take(m->callbacks, t, now),
				 now);
	return t != 0;
}

void contact_centre_beyond_abandoned(struct cc_model *m, struct caller *c,
				     double now)
{
	struct line_state *ls = &m->lines[c->line];
	uint32_t t = c->ticket;
	double delay_s;
	enum callback_redial r = callback_abandoned(m->callbacks, c->line,
		c->counted, m->log ? c->caller : 0, &t, now);

	if (r == CALLBACK_FULL) {
		sim_fail(m->ctx, SIM_ERUNTIME, "more than 268435456 call-back "
			 "requests pending at once");
		return;
	}
	if (r == CALLBACK_REDIAL_FREE &&
	    contact_centre_redial_drawn(ls, &delay_s)) {
		/* The redial carries the request, or who rings, for the log. */
		if (t)
			sim_schedule(m->ctx, now + delay_s, beyond_on_redial,
				     ls, (int64_t)t);
		else
			sim_schedule(m->ctx, now + delay_s,
				     contact_centre_on_redial, ls,
				     m->log ? (int64_t)c->caller : 0);
	} else if (t) {
		callback_release(m->callbacks, t);
	}
	if (ls->spec->callback.probability > 0)
		contact_centre_pool_fill(m, ls->spec->callback.pool, now);
}

double contact_centre_beyond_answered(struct cc_model *m, struct caller *c,
				      double wait_s)
{
	const struct line_state *ls = &m->lines[c->line];

	if (m->callbacks && c->ticket) {
		callback_answered(m->callbacks, c->ticket);
		c->ticket = 0;
	}
	if (m->connection)
		wait_s += connection_draw(m->connection, c->line);
	if (ls->hours && c->counted && wait_s <= ls->spec->target_s)
		agreement_hours_within(ls->hours, c->arrival_s - m->warmup_s);
	return wait_s;
}

enum sim_status contact_centre_beyond_build(struct cc_model *m)
{
	if (callback_wanted(m->sc)) {
		m->callbacks = callback_new(m->sc, m->ctx);
		if (!m->callbacks)
			return SIM_ENOMEM;
		m->fill = beyond_fill;
	}
	if (connection_wanted(m->sc)) {
		m->connection = connection_new(m->sc, m->ctx);
		if (!m->connection)
			return SIM_ENOMEM;
	}
	m->beyond = m->callbacks || m->connection;
	for (size_t l = 0; l < m->sc->n_lines; l++)
		m->beyond = m->beyond || m->lines[l].hours;
	return SIM_OK;
}
