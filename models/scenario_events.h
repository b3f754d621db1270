/* scenario_events.h: the part of the scenario loader that reads dated
 * events from the CSV the top-level key `events` names
 * (scenario_events.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_EVENTS_H
#define MODELS_SCENARIO_EVENTS_H

#include "models/scenario_record.h"

/* The most a line's rate may be multiplied by its events in force at one
 * time (all their factors, multiplied, where they actually meet): beside
 * the line's peak rate over the run while events are in force, which
 * counts them too (SCENARIO_PEAK_RATE_MAX). */
#define SCENARIO_EVENTS_FACTOR_MAX 1000.0
/* The longest event, in hours: a month. */
#define SCENARIO_EVENT_HOURS_MAX 744.0

/* Reads the events CSV of the top level's `events`, once run and lines
 * are read, into each line's demand windows: the events that overlap the
 * run, at their scenario times. */
void scenario_events_read(struct scenario_read *ld, struct yaml_doc_at top);

#endif
