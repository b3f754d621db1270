/* scenario_busyness.h: the part of the scenario loader that reads the
 * busyness groups (scenario_busyness.c). Not for callers: they use
 * scenario.h. */
#ifndef MODELS_SCENARIO_BUSYNESS_H
#define MODELS_SCENARIO_BUSYNESS_H

#include "models/scenario_record.h"

/* The top level's busyness list, read once the lines are: each group's
 * name, cv and lines, and no line in two groups. */
extern const struct scenario_record_kind scenario_busyness_groups;

#endif
