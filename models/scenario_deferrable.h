/* scenario_deferrable.h: the part of the scenario loader that reads the
 * deferrable work (scenario_deferrable.c). Not for callers: they use
 * scenario.h. */
#ifndef MODELS_SCENARIO_DEFERRABLE_H
#define MODELS_SCENARIO_DEFERRABLE_H

#include "models/scenario_record.h"

/* The top level's deferrable list, read once the pools are: each
 * stream's name, demand, handle time, target, goal and pool, and each
 * stream's peak rate within the lines' bound. */
extern const struct scenario_record_kind scenario_deferrable_streams;

#endif
