/* report_rota.h: what a pool's or a unit roster's rota gives, as `callsim
 * check` prints it under the rota (report_scenario.c): people in post
 * (for units, the units and their officers), FTE and annual
 * cost, the hours each person works a week on average against the
 * contracted hours, and the on-duty headcount (after shrinkage, as the
 * run counts it) by hour of the week: its minimum, time-weighted mean and
 * maximum over the weeks in which the cycle and the week come round
 * together (lcm(cycle days, 7) / 7 weeks), so every week of the run is
 * one of them. */
#ifndef RESULTS_REPORT_ROTA_H
#define RESULTS_REPORT_ROTA_H

#include <stddef.h>
#include <stdio.h>

#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim_err.h"

struct report_rota_hour {
	int min, max;        /* over every instant of the hour, every week */
	double mean;         /* time-weighted */
};

/* A rota and what its roster holds: a pool's, or a unit roster's. */
struct report_rota_of {
	const struct scenario_rota *rota;
	double shrinkage;
	double hours_per_week;   /* contracted, of one FTE */
	double fte, cost;        /* scenario_pool_fte/_cost or _unit_ */
	int crew;                /* officers a unit; 0 for a pool */
	int weekday;             /* of the run's start date (the rota's day
				    0), 0 = Monday */
};

/* The on-duty table of rota r (pool people or units, after shrinkage)
 * into out[HOURS_PER_WEEK], hour 0 Monday 00:00, and the weeks it spans
 * into *weeks; the rota's day 0 (the run's start date) is weekday
 * `weekday` (0 = Monday). Returns SIM_OK or SIM_ENOMEM with err filled. */
enum sim_status report_rota_hours(const struct scenario_rota *r,
				  double shrinkage, int weekday,
				  struct report_rota_hour *out,
				  size_t *weeks, struct sim_err *err);

/* Writes o's rota figures to f as YAML comments, each line after indent.
 * Returns SIM_OK, or SIM_ENOMEM with a comment saying the table is not
 * shown. */
enum sim_status report_rota_write(FILE *f, const struct report_rota_of *o,
				  const char *indent);

#endif
