/* scenario_calls.h: the part of the scenario loader that reads lines —
 * volume, profile, months, surges, redial, answer, incidents
 * (scenario_calls.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_CALLS_H
#define MODELS_SCENARIO_CALLS_H

#include "models/scenario_record.h"

/* The list of lines, read by scenario_record_list. */
extern const struct scenario_record_kind scenario_calls_lines;

#endif
