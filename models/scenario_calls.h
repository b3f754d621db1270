/* scenario_calls.h: the part of the scenario loader that reads lines —
 * volume, profile, months, surges, redial, answer, incidents
 * (scenario_calls.c). Not for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_CALLS_H
#define MODELS_SCENARIO_CALLS_H

#include "models/scenario_record.h"

/* The list of lines, and of a line's surges: its peak rate checked once
 * they are read. */
extern const struct scenario_record_kind scenario_calls_lines,
	scenario_calls_surges;
/* The hooks of a line's volume and profile, for a record that begins
 * with a struct line_spec (deferrable work), and the check of the peak
 * rate of l's demand, once its volume, profile and months read cleanly
 * (problems at m's volume). */
void scenario_calls_volume(struct scenario_read *ld, struct yaml_doc_at m,
			   const struct scenario_key *k, void *rec);
void scenario_calls_profile(struct scenario_read *ld, struct yaml_doc_at m,
			    const struct scenario_key *k, void *rec);
void scenario_calls_check_peak(struct scenario_read *ld, struct yaml_doc_at m,
			       const struct line_spec *l);

#endif
