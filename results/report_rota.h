/* report_rota.h: what a pool's rota gives, as `callsim check` prints it
 * under the rota (report_scenario.c): people in post, FTE and annual
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

/* The on-duty table of pool p (on a rota) into out[HOURS_PER_WEEK], hour
 * 0 Monday 00:00, and the weeks it spans into *weeks. Returns SIM_OK or
 * SIM_ENOMEM with err filled. */
enum sim_status report_rota_hours(const struct pool_spec *p,
				  struct report_rota_hour *out, size_t *weeks,
				  struct sim_err *err);

/* Writes p's rota figures to f as YAML comments, each line after indent.
 * Returns SIM_OK, or SIM_ENOMEM with a comment saying the table is not
 * shown. */
enum sim_status report_rota_write(FILE *f, const struct pool_spec *p,
				  const char *indent);

#endif
