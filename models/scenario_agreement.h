/* scenario_agreement.h: the part of the scenario loader that reads an
 * agreement's target — a line's answer, a grade's attend — and the rules
 * of its form met period by period (models/agreement.h). Not for callers:
 * they use scenario.h. */
#ifndef MODELS_SCENARIO_AGREEMENT_H
#define MODELS_SCENARIO_AGREEMENT_H

#include "models/scenario_record.h"

/* Reads the target k (answer, attend) of the record rec under m through
 * its table, then checks its form: per and on_at_least go together, need
 * a goal (what a period must reach), and the counted horizon must hold
 * one whole period. Run settings are read before lines and grades, so
 * run.days is known here. */
void scenario_agreement_read(struct scenario_read *ld, struct yaml_doc_at m,
			     const struct scenario_key *k, void *rec);

/* The hooks of a record whose only irregular row is its target (a
 * grade's attend). */
extern const struct scenario_record_hook scenario_agreement_hooks[];

#endif
