/* scenario_callback.h: the part of the scenario loader that joins a
 * line's call-backs to the pool that makes them (scenario_callback.c).
 * Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_CALLBACK_H
#define MODELS_SCENARIO_CALLBACK_H

#include "models/scenario_record.h"

/* Once lines and pools are read: resolves each line's callback.pool by
 * name and reports a pool name that does not exist, and call-backs in a
 * scenario with overflow rules or reserves (not modelled together). */
void scenario_callback_check(struct scenario_read *ld, struct yaml_doc_at top);

#endif
