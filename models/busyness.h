/* busyness.h: day-to-day busyness — demand whose level is not known
 * exactly.
 *
 * A busyness group is a set of lines that share one random factor a day:
 * on day d (scenario time [d, d + 1) days, midnight to midnight) every
 * line of the group has its rate multiplied by B_d, where B_0, B_1, ...
 * are independent gamma variates of mean 1 and coefficient of variation
 * cv (shape 1/cv^2, scale cv^2). Given the factors, arrivals stay a
 * Poisson process: demand is doubly stochastic (a Cox process, as in
 * ContactCenters' "busyness factor"), and a day's count N with expected
 * calls lambda has variance lambda + lambda^2 cv^2 instead of lambda.
 *
 * Each group draws its factors from a stream of its own, named by (run
 * seed, replication, BUSYNESS_STREAM + group) and outside the numbered
 * streams of the models (sim_rng_own), so a scenario without busyness
 * draws exactly what it drew before, and adding a group changes no other
 * draw: the same callers with the same patience and talk times, only
 * more or fewer of them. Every line of a group reads the same factors. */
#ifndef MODELS_BUSYNESS_H
#define MODELS_BUSYNESS_H

#include <stddef.h>
#include <stdint.h>

#include "models/demand.h"
#include "sim/sim.h"
#include "sim/sim_err.h"

/* The purpose of group g's stream is BUSYNESS_STREAM + g: far above the
 * models' numbered purposes (five a line and five for the response, at
 * most about 5,000), so none is ever shared. */
#define BUSYNESS_STREAM 0x42550000u
/* The largest coefficient of variation a group may give. */
#define BUSYNESS_CV_MAX 1.0

struct busyness_spec {
	char name[64];                 /* SCENARIO_NAME_MAX */
	double cv;                     /* of the day factor, 0 <= cv <= 1 */
	size_t *lines;                 /* line indices; owned */
	size_t n_lines;
};

/* Fills factor[0..n_days) with group g's day factors for the replication
 * of ctx (all 1 when cv is 0, drawing nothing). Returns SIM_OK, or
 * SIM_ENOMEM with err filled. */
enum sim_status busyness_draw(const struct busyness_spec *groups, size_t g,
			      const struct sim_ctx *ctx, double *factor,
			      size_t n_days, struct sim_err *err);

/* Multiplies the rate of line `line`'s plan, day by day, by the factors
 * of the group it belongs to, if any, for the replication of ctx; the
 * plan covers [0, horizon_s). Returns SIM_OK (nothing done for a line in
 * no group), or SIM_ENOMEM with err filled. */
enum sim_status busyness_apply(const struct busyness_spec *groups,
			       size_t n_groups, size_t line,
			       const struct sim_ctx *ctx, double horizon_s,
			       struct demand_plan *plan, struct sim_err *err);

#endif
