/* contact_centre_deferrable.c: what deferrable work (models/deferrable.h)
 * asks of the contact centre (contact_centre.h): which handlers are free
 * for it, and taking and freeing one. Kept apart from contact_centre.c,
 * whose only hook is the offer of a handler left free (pool_fill). */
#include "models/contact_centre_int.h"

#include <assert.h>

#include "models/contact_centre.h"
#include "models/handler_seats.h"
#include "models/routing.h"

/* Only a scenario with deferrable work has any, and it is not plain
 * (cc_model.plain): the plain paths never offer a free handler to it. */
void contact_centre_deferrable_attach(void *cc, struct deferrable *d)
{
	assert(!((struct cc_model *)cc)->plain);
	((struct cc_model *)cc)->deferrable = d;
}

/* A reserve keeps handlers for a pool's lines; deferrable work comes
 * after every line, so the largest reserve holds for it too. */
int contact_centre_deferrable_free(const void *cc, size_t p)
{
	const struct cc_model *m = cc;
	const struct pool_spec *spec = m->pools[p].spec;
	int keep = 0;

	for (size_t i = 0; i < spec->n_serves; i++)
		if (m->lines[spec->serves[i]].head)
			return 0;
	for (size_t l = 0; m->routing && l < m->sc->n_lines; l++)
		if (routing_keep(m->routing, p, l) > keep)
			keep = routing_keep(m->routing, p, l);
	return m->pools[p].idle > keep ? m->pools[p].idle - keep : 0;
}

uint32_t contact_centre_deferrable_take(void *cc, size_t p, double now)
{
	struct cc_model *m = cc;
	struct pool_state *ps = &m->pools[p];

	ps->idle--;
	ps->busy++;
	pool_note(ps, now);
	return m->log ? handler_seats_take(ps->seats) : 0;
}

void contact_centre_deferrable_done(void *cc, size_t p, uint32_t seat,
				    double now)
{
	struct cc_model *m = cc;

	contact_centre_handler_done(m, &m->pools[p], now, seat);
}
