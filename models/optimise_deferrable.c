/* optimise_deferrable.c: the optimiser's raise for deferrable work —
 * which hours of a pool get more handlers when a stream it works misses
 * its goal (see optimise_plan_raise_pool in optimise.h). Apart from the
 * plan's other steps because it ranks hours by the plan's expected load,
 * not by any line's hourly service level. */
#include "models/optimise.h"

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "models/erlang.h"
#include "models/week.h"

/* How likely an item arriving in hour h of pool `pool` is to find every
 * handler busy under the plan: Erlang C of the hour's expected load; above
 * 1 (growing with load per handler) when the load is at or above the
 * handlers on duty, INFINITY with nobody on duty; -1 when raising the hour
 * cannot help (no load, or at max_staff). */
static double optimise_pool_busy(const struct optimise_plan *p, size_t pool,
				 size_t h)
{
	int c = p->on_duty[pool * HOURS_PER_WEEK + h];
	double a = p->load[pool * HOURS_PER_WEEK + h];

	if (c >= p->max_staff || !(a > 0))
		return -1;
	if (c == 0)
		return INFINITY;
	return a < c ? erlang_c(c, a) : 1 + a / c;
}

/* One raise of hour h of pool `pool`: one more on duty, or, when its
 * expected load is more than its handlers can work, as many as that load
 * in Erlangs rounded up (at most max_staff): a backlog grows in such an
 * hour whatever else is done, and one a round would take a round for each
 * handler missing. */
static void optimise_pool_bump(struct optimise_plan *p, size_t pool, size_t h)
{
	int *c = &p->on_duty[pool * HOURS_PER_WEEK + h];
	double a = p->load[pool * HOURS_PER_WEEK + h];
	int want = (int)fmin(ceil(a - 1e-9), p->max_staff);

	*c = want > *c + 1 ? want : *c + 1;
}

size_t optimise_plan_raise_pool(struct optimise_plan *p, size_t pool,
				size_t n_hours)
{
	bool raised[HOURS_PER_WEEK] = { false };
	size_t n = 0;

	assert(pool < p->n_pools && p->chosen[pool]);
	while (n < n_hours) {
		size_t best = HOURS_PER_WEEK;
		double best_busy = -1;

		for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
			double busy = raised[h] ? -1
				: optimise_pool_busy(p, pool, h);

			/* Ties keep the earliest hour. */
			if (busy >= 0 && busy > best_busy) {
				best = h;
				best_busy = busy;
			}
		}
		if (best == HOURS_PER_WEEK)
			break;
		raised[best] = true;
		optimise_pool_bump(p, pool, best);
		n++;
	}
	return n;
}
