/* scenario_routing.h: the part of the scenario loader that reads a pool's
 * routing between queues — its overflow rules and its reserves
 * (scenario_routing.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_ROUTING_H
#define MODELS_SCENARIO_ROUTING_H

#include "models/scenario_record.h"

/* The hook of a pool's overflow and reserve keys: reads the row's list,
 * then checks it against the pool's serves (read before it) and against
 * itself. */
void scenario_routing_read(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec);

#endif
