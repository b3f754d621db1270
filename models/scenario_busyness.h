/* scenario_busyness.h: the part of the scenario loader that reads the
 * busyness groups (scenario_busyness.c). Not for callers: they use
 * scenario.h. */
#ifndef MODELS_SCENARIO_BUSYNESS_H
#define MODELS_SCENARIO_BUSYNESS_H

#include "models/scenario_record.h"

/* Reads the top level's busyness list, once the lines are read, into
 * ld->sc: each group's name, cv and lines, and no line in two groups. */
void scenario_busyness_read(struct scenario_read *ld, struct yaml_doc_at top);

#endif
