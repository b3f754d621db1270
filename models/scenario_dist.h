/* scenario_dist.h: the part of the scenario loader that reads
 * distributions, and empirical samples from CSV (scenario_dist.c). Not
 * for callers: they use scenario.h. */
#ifndef MODELS_SCENARIO_DIST_H
#define MODELS_SCENARIO_DIST_H

#include "models/scenario_read.h"

/* scenario_dist.c: a distribution mapping {dist: KIND, params...},
 * prepared for sampling (1), or 0 after a problem. */
int scenario_dist_read(struct scenario_read *ld, struct yaml_doc_at a,
		       struct dist *d);

#endif
