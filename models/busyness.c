/* busyness.c: the day factors of busyness groups, drawn a replication at
 * a time, and their effect on a line's rate plan (busyness.h). */
#include "models/busyness.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>

#include "models/week.h"
#include "sim/mem.h"

enum sim_status busyness_draw(const struct busyness_spec *groups, size_t g,
			      const struct sim_ctx *ctx, double *factor,
			      size_t n_days, struct sim_err *err)
{
	double cv = groups[g].cv;
	gsl_rng *r;

	assert(cv >= 0 && cv <= BUSYNESS_CV_MAX);
	for (size_t d = 0; d < n_days; d++)
		factor[d] = 1.0;
	if (cv == 0)
		return SIM_OK;
	r = sim_rng_own(ctx, BUSYNESS_STREAM + (uint32_t)g);
	if (r == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory drawing "
				   "busyness");
	/* Gamma(shape 1/cv^2, scale cv^2): mean 1, variance cv^2. Drawn
	 * day by day from the start, so a longer run keeps the factors of
	 * the days a shorter one had. */
	for (size_t d = 0; d < n_days; d++)
		factor[d] = gsl_ran_gamma(r, 1.0 / (cv * cv), cv * cv);
	gsl_rng_free(r);
	return SIM_OK;
}

/* The group line belongs to, or n_groups (the loader lets a line be in
 * one group at most). */
static size_t busyness_group_of(const struct busyness_spec *groups,
				size_t n_groups, size_t line)
{
	for (size_t g = 0; g < n_groups; g++)
		for (size_t i = 0; i < groups[g].n_lines; i++)
			if (groups[g].lines[i] == line)
				return g;
	return n_groups;
}

enum sim_status busyness_apply(const struct busyness_spec *groups,
			       size_t n_groups, size_t line,
			       const struct sim_ctx *ctx, double horizon_s,
			       struct demand_plan *plan, struct sim_err *err)
{
	size_t g = busyness_group_of(groups, n_groups, line);
	/* Local calendar days, as demand_plan_scale_days counts them. */
	size_t n_days = (size_t)ceil(demand_plan_local_s(plan, horizon_s) / DAY_S);
	double *factor;
	enum sim_status st;

	if (g == n_groups)
		return SIM_OK;
	assert(n_days > 0);
	/* One double a day of the run; the plan keeps a copy. */
	factor = mem_malloc(n_days * sizeof *factor);
	if (factor == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory drawing "
				   "busyness");
	st = busyness_draw(groups, g, ctx, factor, n_days, err);
	if (st == SIM_OK && demand_plan_scale_days(plan, factor, n_days) != 0)
		st = sim_err_add(err, SIM_ENOMEM, "out of memory drawing "
				 "busyness");
	free(factor);
	return st;
}
