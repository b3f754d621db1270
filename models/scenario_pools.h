/* scenario_pools.h: the part of the scenario loader that reads pools,
 * and the shifts of pools and units (scenario_pools.c). Not for callers:
 * they use scenario.h. */
#ifndef MODELS_SCENARIO_POOLS_H
#define MODELS_SCENARIO_POOLS_H

#include "models/scenario_record.h"

/* scenario_pools.c: pools and shifts; every line served by a pool. */
extern const struct scenario_record_kind scenario_pools_list,
	scenario_pools_shifts;
/* The hooks of a shift's length and days, which a rota's shifts share. */
extern const struct scenario_record_hook scenario_pools_shift_hooks[];
/* The row `rota` of a pool or a unit roster (scenario_rota.c): reads
 * the rota of mapping m into rec, where the row says, and reports a
 * roster with both shifts and rota. */
void scenario_rota_parse(struct scenario_read *ld, struct yaml_doc_at m,
			 const struct scenario_key *k, void *rec);
/* A rota's shifts (scenario_rota.c). */
void scenario_pools_check_served(struct scenario_read *ld,
				 struct yaml_doc_at top);

#endif
