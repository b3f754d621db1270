/* scenario_deferrable.h: the part of the scenario loader that reads the
 * deferrable work (scenario_deferrable.c). Not for callers: they use
 * scenario.h. */
#ifndef MODELS_SCENARIO_DEFERRABLE_H
#define MODELS_SCENARIO_DEFERRABLE_H

#include "models/scenario_record.h"

/* Reads the top level's deferrable list, once the pools are read, into
 * ld->sc: each stream's name, demand, handle time, target, goal and pool,
 * and each stream's peak rate within the lines' bound. */
void scenario_deferrable_read(struct scenario_read *ld,
			      struct yaml_doc_at top);

#endif
