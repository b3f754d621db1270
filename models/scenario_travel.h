/* scenario_travel.h: the part of the scenario loader that reads
 * travel_by_hour, a factor on travel for each hour of the week, under an
 * area or under dispatch for every area without its own
 * (scenario_travel.c), and what the model and the checks ask of it. */
#ifndef MODELS_SCENARIO_TRAVEL_H
#define MODELS_SCENARIO_TRAVEL_H

#include "models/scenario_read.h"

/* Reads row k (travel_by_hour) of mapping m into the struct travel_week
 * at k's offset in rec: a list of 168 factors or a CSV file of them.
 * Absent: not given. The walker reads every such row with it, an
 * area's and dispatch's (models/scenario_record.c). */
void scenario_travel_parse(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec);
/* The table that applies to area: its own, else dispatch's; NULL when
 * travel does not vary by hour there. Borrowed from sc. */
const struct travel_week *scenario_travel_of(const struct scenario *sc,
					     size_t area);
/* The area's highest factor by hour (1 without a table). */
double scenario_travel_peak(const struct scenario *sc, size_t area);

#endif
