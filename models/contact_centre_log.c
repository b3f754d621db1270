/* contact_centre_log.c: the call log of a logged run — each offered
 * call's number and its caller's first call, the answered callers kept
 * until their talk ends, and each call's row handed to the run's log
 * (models/run_log.h) once its record is complete; when the run stops, the
 * calls it stopped on. Nothing here runs unless the run is logged. */
#include "models/contact_centre_int.h"

#include <math.h>

void contact_centre_log_offer(struct cc_model *m, struct caller *c)
{
	c->id = ++m->log_calls;
	if (!c->repeat)
		c->caller = c->id;
}

void contact_centre_log_row(const struct cc_model *m, const struct caller *c,
			    enum run_log_outcome outcome, double ended_s,
			    double wrap_s)
{
	bool answered = outcome == RUN_LOG_ANSWERED;
	struct run_log_call row = {
		.id = c->id, .caller = c->caller, .line = c->line,
		.pool = answered ? c->pool : 0,
		.handler = answered ? c->seat : 0, .outcome = outcome,
		.arrived_s = c->arrival_s, .ended_s = ended_s,
		.talk_s = answered ? c->talk_s : NAN, .wrap_s = wrap_s,
		.redial = c->repeat, .counted = c->counted,
	};

	m->log->call(m->log->sink, &row);
}

int64_t contact_centre_log_talk(struct cc_model *m, struct caller *c,
				struct pool_state *ps, double talk_s)
{
	c->answered_s = sim_now(m->ctx);
	c->talk_s = talk_s;
	c->pool = (uint16_t)(ps - m->pools);
	c->seat = handler_seats_take(ps->seats);
	c->prev = NULL;
	c->next = m->talking;
	if (m->talking)
		m->talking->prev = c;
	m->talking = c;
	return (int64_t)(intptr_t)c;
}

struct caller *contact_centre_log_talked(struct cc_model *m, int64_t arg)
{
	struct caller *c = (struct caller *)(intptr_t)arg;

	if (c->prev)
		c->prev->next = c->next;
	else
		m->talking = c->next;
	if (c->next)
		c->next->prev = c->prev;
	return c;
}

void contact_centre_log_restaff(struct cc_model *m, struct pool_state *ps,
				int idle)
{
	if (idle < 0)
		handler_seats_leave(ps->seats, -idle);
	else if (handler_seats_arrive(ps->seats, idle) != 0)
		sim_fail(m->ctx, SIM_ENOMEM, "out of memory for the call log");
}

enum sim_status contact_centre_log_seats_init(struct cc_model *m)
{
	for (size_t p = 0; p < m->sc->n_pools; p++)
		if ((m->pools[p].seats = handler_seats_new()) == NULL)
			return SIM_ENOMEM;
	return SIM_OK;
}

/* Callers still waiting, and answered callers still talking (their
 * wrap-up not yet drawn). */
void contact_centre_log_unfinished(const struct cc_model *m)
{
	double end_s = sim_now(m->ctx);

	for (size_t l = 0; l < m->sc->n_lines; l++)
		for (const struct caller *c = m->lines[l].head; c; c = c->next)
			contact_centre_log_row(m, c, RUN_LOG_UNANSWERED_END,
					       end_s, NAN);
	for (const struct caller *c = m->talking; c; c = c->next)
		contact_centre_log_row(m, c, RUN_LOG_ANSWERED, c->answered_s,
				       NAN);
}

void contact_centre_log_on_talked(struct sim_ctx *ctx,
				  const struct ev_event *ev)
{
	struct cc_model *m = sim_model(ctx);
	struct caller *c = contact_centre_log_talked(m, ev->arg);

	contact_centre_log_row(m, c, RUN_LOG_ANSWERED, c->answered_s, c->wrap_s);
	caller_put(m, c);
}

void contact_centre_log_on_wrap_end(struct sim_ctx *ctx,
				    const struct ev_event *ev)
{
	contact_centre_handler_done(sim_model(ctx), ev->obj, sim_now(ctx),
				    (uint32_t)ev->arg);
}
