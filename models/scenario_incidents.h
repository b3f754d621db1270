/* scenario_incidents.h: the part of the scenario loader that reads
 * grades, areas, roles, units and dispatch, and the rules between them
 * (scenario_incidents.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_INCIDENTS_H
#define MODELS_SCENARIO_INCIDENTS_H

#include "models/scenario_read.h"

/* scenario_incidents.c: grades (before the lines, whose incidents name
 * them); areas, roles, units and dispatch; then, once everything read
 * cleanly, that every incident can be attended and travel stays
 * bounded. */
void scenario_incidents_grades(struct scenario_read *ld,
			       struct yaml_doc_at top);
void scenario_incidents_read(struct scenario_read *ld, struct yaml_doc_at top);
void scenario_incidents_check_reach(struct scenario_read *ld,
				    struct yaml_doc_at top);
void scenario_incidents_check_travel(struct scenario_read *ld,
				     struct yaml_doc_at top);
/* The lists' kinds: an area's neighbours are read once every area is,
 * and the shares then checked. */
extern const struct scenario_record_kind scenario_incidents_grade_list,
	scenario_incidents_area_list, scenario_incidents_role_list,
	scenario_incidents_unit_list;

#endif
