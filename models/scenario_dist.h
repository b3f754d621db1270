/* scenario_dist.h: the part of the scenario loader that reads
 * distributions, and empirical samples from CSV (scenario_dist.c). Not
 * for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_DIST_H
#define MODELS_SCENARIO_DIST_H

#include "models/scenario_read.h"

/* scenario_dist.c: a distribution mapping {dist: KIND, params...},
 * prepared for sampling (1), or 0 after a problem; an optional one (1
 * when given); a required one (`give` says what it is). */
int scenario_dist_read(struct scenario_read *ld, struct yaml_doc_at a,
		       struct dist *d);
int scenario_dist_optional(struct scenario_read *ld, struct yaml_doc_at m,
			   const char *key, struct dist *d);
void scenario_dist_required(struct scenario_read *ld, struct yaml_doc_at m,
			    const char *key, struct dist *d,
			    const char *give);

#endif
