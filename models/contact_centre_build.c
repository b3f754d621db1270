/* contact_centre_build.c: the contact centre's lines and pools built for
 * one replication (each line's arrivals plan, wait histogram, days and
 * random streams, the pools serving it in order of preference; each
 * pool's roster and time averages), and everything the replication holds
 * freed at its end. The model's set-up around them, and its first events,
 * are in contact_centre.c. */
#include "models/contact_centre_int.h"

#include <stdlib.h>

#include "models/busyness.h"
#include "models/callback.h"
#include "models/connection.h"
#include "models/demand.h"
#include "models/handler_seats.h"
#include "models/roster.h"
#include "models/routing.h"
#include "models/scenario_rota.h"
#include "sim/hist.h"
#include "sim/mem.h"
#include "sim/sim.h"
#include "sim/timeavg.h"

/* Orders the pools serving line l: a pool for which l comes earlier in its
 * priority list is preferred (a 101 caller goes to the 101 pool before the
 * 999 pool), ties in scenario order. */
static size_t serve_rank(const struct pool_spec *p, size_t l)
{
	for (size_t i = 0; i < p->n_serves; i++)
		if (p->serves[i] == l)
			return i;
	return (size_t)-1;
}

static enum sim_status line_pools_init(struct cc_model *m, size_t l)
{
	const struct scenario *sc = m->sc;
	struct line_state *ls = &m->lines[l];

	ls->pools = mem_calloc(sc->n_pools + 1, sizeof *ls->pools);
	if (!ls->pools)
		return SIM_ENOMEM;
	for (size_t rank = 0; rank < sc->n_lines && ls->n_pools < sc->n_pools;
	     rank++)
		for (size_t p = 0; p < sc->n_pools; p++)
			if (serve_rank(&sc->pools[p], l) == rank)
				ls->pools[ls->n_pools++] = p;
	return SIM_OK;
}

static enum sim_status line_init(struct cc_model *m, size_t l,
				 struct sim_err *err)
{
	const struct scenario *sc = m->sc;
	struct line_state *ls = &m->lines[l];

	ls->spec = &sc->lines[l];
	ls->plan = demand_plan_new(&ls->spec->demand, sc->run.start, m->end_s, err);
	if (!ls->plan)
		return sim_err_failed(err) ? err->status : SIM_ENOMEM;
	if (busyness_apply(sc->busyness, sc->n_busyness, l, m->ctx, m->end_s,
			   ls->plan, err) != SIM_OK)
		return err->status;
	ls->waits = hist_new();
	ls->days = mem_calloc(m->n_days, sizeof *ls->days);
	if (!ls->waits || !ls->days)
		return SIM_ENOMEM;
	if (ls->spec->per == AGREEMENT_HOUR &&
	    !(ls->hours = agreement_hours_new(ls->spec->target_s,
		ls->spec->goal, agreement_periods(AGREEMENT_HOUR,
						  sc->run.days))))
		return SIM_ENOMEM;
	for (int k = 0; k < CC_STREAM_KINDS; k++) {
		ls->rng[k] = sim_rng(m->ctx, (uint32_t)(l * CC_STREAM_KINDS + k));
		if (!ls->rng[k])
			return SIM_ENOMEM;
	}
	return line_pools_init(m, l);
}

static enum sim_status pool_init(struct cc_model *m, size_t p,
				 struct sim_err *err)
{
	struct pool_state *ps = &m->pools[p];
	ps->spec = &m->sc->pools[p];
	struct roster_spec rs = {
		.shifts = ps->spec->shifts,
		.n_shifts = ps->spec->n_shifts,
		.shrinkage = ps->spec->shrinkage,
		.weekday = m->clock.weekday,
	};
	/* A pool on a rota follows its cycle, day by day. */
	ps->roster = ps->spec->rota
		? roster_new_rota(&ps->spec->rota->spec, rs.shrinkage, err)
		: roster_new(&rs, err);
	if (!ps->roster)
		return sim_err_failed(err) ? err->status : SIM_ENOMEM;
	timeavg_start(&ps->busy_ta, 0.0, 0.0);
	timeavg_start(&ps->present_ta, 0.0, 0.0);
	timeavg_start(&ps->staff_ta, 0.0, 0.0);
	return SIM_OK;
}

void contact_centre_free(void *model)
{
	struct cc_model *m = model;

	if (!m)
		return;
	if (m->lines) {
		for (size_t l = 0; l < m->sc->n_lines; l++) {
			demand_plan_free(m->lines[l].plan);
			hist_free(m->lines[l].waits);
			free(m->lines[l].days);
			free(m->lines[l].pools);
			agreement_hours_free(m->lines[l].hours);
		}
	}
	if (m->pools)
		for (size_t p = 0; p < m->sc->n_pools; p++) {
			roster_free(m->pools[p].roster);
			handler_seats_free(m->pools[p].seats);
		}
	routing_free(m->routing);
	callback_free(m->callbacks);
	connection_free(m->connection);
	while (m->chunks) {
		struct caller_chunk *next = m->chunks->next;
		free(m->chunks);
		m->chunks = next;
	}
	free(m->lines);
	free(m->pools);
	free(m);
}

enum sim_status contact_centre_build(struct cc_model *m, struct sim_err *err)
{
	const struct scenario *sc = m->sc;
	enum sim_status st = SIM_OK;

	m->lines = mem_calloc(sc->n_lines + 1, sizeof *m->lines);
	m->pools = mem_calloc(sc->n_pools + 1, sizeof *m->pools);
	if (!m->lines || !m->pools)
		return SIM_ENOMEM;
	for (size_t l = 0; l < sc->n_lines && st == SIM_OK; l++)
		st = line_init(m, l, err);
	for (size_t p = 0; p < sc->n_pools && st == SIM_OK; p++)
		st = pool_init(m, p, err);
	if (st == SIM_OK)
		st = routing_new(sc, &m->routing);
	if (st == SIM_OK)
		st = contact_centre_beyond_build(m);
	return st;
}
