/* scenario_rota.h: a pool's staffing given as teams on a rotating rota
 * (the `rota:` key of a pool, docs/scenario.md#rota), as the loader keeps
 * it, and the part of the loader that reads it (scenario_rota.c).
 *
 * A rota names its pattern (one of the UK patterns rota.h knows by name,
 * or shift names and rest days, any length), the shifts the pattern names
 * (a named pattern brings its own when none are given), the number of
 * teams, the people in each, optional per-team offsets into the cycle and
 * the date the cycle starts. The loader resolves all of it into `spec`,
 * which models/rota.h and roster_new_rota read: on-duty headcount follows
 * the cycle day by day for any horizon.
 *
 * A rota pool's people in post are its FTE: each is employed full time on
 * the rota whatever the cycle's average hours (which check shows beside
 * the contracted hours). Owned by its pool; scenario_free frees it. The
 * loader's hook that reads it, scenario_rota_parse, is declared with the
 * pools' part of the loader (scenario_pools.h).
 *
 * A response unit roster (`units:`) may be a rota too: per_team then
 * counts units, as a shift's staff does, and the people in post are
 * teams x per_team x the unit's crew officers, its FTE. */
#ifndef MODELS_SCENARIO_ROTA_H
#define MODELS_SCENARIO_ROTA_H

#include <stddef.h>

#include "models/demand.h"
#include "models/roster.h"
#include "models/rota.h"

struct scenario_rota {
	char *pattern;               /* as given, blanks removed; owned */
	struct shift_spec *shifts;   /* the pattern's shifts (a named
					pattern's own when none were given);
					staff and days unused; owned */
	size_t n_shifts;
	size_t teams;                /* 1..ROTA_TEAMS_MAX */
	int per_team;                /* people in each team */
	size_t *offsets;             /* [n_offsets == teams] or NULL: an even
					stagger; owned */
	size_t n_offsets;
	struct demand_date start;    /* the cycle's first day; year 0 when
					not given (the run's start) */
	/* Resolved by the loader. */
	struct rota_shift *rshifts;  /* [n_shifts], names borrowed from
					shifts; owned */
	int *days;                   /* [n_days] the pattern; owned */
	struct rota_spec spec;       /* points into the above */
};

/* People in post: teams x people a team. */
int scenario_rota_people(const struct scenario_rota *r);
/* NULL is a no-op. */
void scenario_rota_free(struct scenario_rota *r);

#endif
