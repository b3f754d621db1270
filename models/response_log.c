/* response_log.c: the incident log of a logged run — each incident's
 * number, the call that created it, its dispatch and attendance, handed to
 * the run's log (models/run_log.h) when it ends, and, when the run stops,
 * those not ended. Nothing here runs unless the run is logged. */
#include <math.h>

#include "models/response_int.h"

void response_log_created(struct response *r, struct incident *inc,
			  uint64_t call)
{
	inc->id = ++r->log_incidents;
	inc->call = call;
	inc->dispatched_s = NAN;
	inc->arrived_s = NAN;
	inc->unit = NULL;
}

void response_log_dispatched(struct response *r, struct incident *inc,
			     const struct unit *u)
{
	inc->dispatched_s = sim_now(r->ctx);
	inc->unit = u;
}

static void on_log_duplicate(struct sim_ctx *ctx, const struct ev_event *ev)
{
	const struct response *r = ev->obj;
	(void)ctx;
	r->log->duplicate(r->log->sink, (uint64_t)ev->arg);
}

/* The sink keeps one number and marks the call's row, which follows: told
 * ahead, the mark waits for the talk's end on the calendar, where the
 * contact centre puts the row's event next (models/contact_centre.c,
 * log_talk_settled), at the same time, so nothing runs between them. */
void response_log_duplicate(struct response *r, uint64_t call, double at_s,
			    bool ahead)
{
	if (!r->log->duplicate)
		return;
	if (ahead)
		sim_schedule(r->ctx, at_s, on_log_duplicate, r, (int64_t)call);
	else
		r->log->duplicate(r->log->sink, call);
}

/* Hands inc's row to the log; cleared_s is NAN when it had not ended. */
static void response_log_row(const struct response *r,
			     const struct incident *inc, double cleared_s)
{
	const struct unit *u = inc->unit;
	struct run_log_incident row = {
		.id = inc->id, .call = inc->call,
		.grade = inc->grade, .area = inc->area,
		.unit_spec = u ? (size_t)(u->group - r->groups) : 0,
		.unit = u ? (size_t)(u - u->group->units) : 0,
		.created_s = inc->created_s,
		.dispatched_s = u ? inc->dispatched_s : NAN,
		.arrived_s = inc->arrived_s, .cleared_s = cleared_s,
		.preempted = inc->preempted, .counted = inc->counted,
	};

	r->log->incident(r->log->sink, &row);
}

void response_log_ended(const struct response *r, const struct incident *inc)
{
	response_log_row(r, inc, sim_now(r->ctx));
}

/* Every incident off the free list when the run stops: waiting, on its
 * way or on scene. */
void response_log_unfinished(const struct response *r)
{
	for (const struct incident_chunk *ch = r->chunks; ch; ch = ch->next)
		for (size_t i = 0; i < INCIDENTS_PER_CHUNK; i++)
			if (ch->items[i].live)
				response_log_row(r, &ch->items[i], NAN);
}
