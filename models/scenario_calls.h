/* scenario_calls.h: the part of the scenario loader that reads lines —
 * volume, profile, months, surges, redial, answer, incidents
 * (scenario_calls.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_CALLS_H
#define MODELS_SCENARIO_CALLS_H

#include "models/scenario_read.h"

/* The list of lines, read by scenario_read_list. */
extern const struct scenario_read_kind scenario_calls_lines;

#endif
