/* response_multi.c: incidents that need more than one unit (a grade's
 * multi_unit: a share of its incidents needs `units` units), and the unit
 * time each grade takes.
 *
 * How dispatch treats them (response.c): units are sent one at a time as
 * they come free, each by the ordinary rules, and the incident keeps its
 * place in its queue until the last one is sent; it is attended when the
 * first unit arrives; every unit is busy for its own travel and its own
 * time on scene (each drawn for it); the incident ends when all were sent
 * and the last has cleared. An Emergency takes a unit off a preemptible
 * job one unit at a time, as any incident would.
 *
 * Unit time: a unit's job is counted from dispatch (job_from_s) to the
 * end of the job, cut to the counted period, into its incident's area and
 * grade. Jobs still under way when the period closes are counted up to the
 * close, and counted from there on (nothing more, since it is past the
 * close). This is what "unit hours" reports, so the busy time of every
 * unit over the counted period is the sum of the grades', and, in a steady
 * state, its expectation is incidents x units per incident x (mean travel
 * + mean time on scene). */
#include <math.h>
#include <gsl/gsl_rng.h>

#include "models/response_int.h"

/* The units a new incident of grade g needs, when the grade has
 * multi_unit (response_multi_need, in response_int.h, asks). */
uint8_t response_multi_draw(struct response *r, size_t g)
{
	const struct grade_spec *gs = &r->sc->grades[g];

	return gsl_rng_uniform(r->rng[RS_UNITS]) < gs->multi_share ?
	       (uint8_t)gs->multi_units : 1;
}

void response_multi_close(struct response *r)
{
	for (size_t i = 0; i < r->sc->n_units; i++) {
		struct group *gr = &r->groups[i];
		for (int k = 0; k < gr->capacity; k++) {
			struct unit *u = &gr->units[k];
			if (!u->job)
				continue;
			response_multi_job_end(r, u);
			u->job_from_s = r->end_s;
		}
	}
}
