/* scenario_routing.h: the part of the scenario loader that reads a pool's
 * routing between queues — its overflow rules and its reserves
 * (scenario_routing.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_ROUTING_H
#define MODELS_SCENARIO_ROUTING_H

#include "models/scenario_record.h"

/* A pool's overflow rules and reserves, each list checked, once read,
 * against the pool's serves (read before it) and against itself. */
extern const struct scenario_record_kind scenario_routing_overflow,
	scenario_routing_reserve;

#endif
