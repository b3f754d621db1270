/* roster.h: how many people are on duty, from shifts repeated every week
 * (or from teams on a rota, repeated every cycle).
 *
 * A shift starts at a time of day on some days of the week, lasts `hours`
 * (a shift may cross midnight, and Sunday night runs into Monday), and puts
 * `staff` people on the roster. Shrinkage (sickness, training, breaks) takes
 * a fraction of them off: the on-duty count at any instant is
 *     round_half_up(rostered(t) * (1 - shrinkage)).
 * The week repeats for the whole run. Times given to the functions below
 * are local seconds since 00:00 of the start date (models/local_clock.h),
 * so a shift at 07:00 starts at 07:00 on the clock in summer and winter;
 * the start date may be any day of the week (roster_spec.weekday).
 *
 * FTE: rostered hours a week / contracted hours a week. Shrinkage is already
 * inside the rostered headcount (the people it takes off are rostered and
 * paid), so it is not grossed up again. */
#ifndef MODELS_ROSTER_H
#define MODELS_ROSTER_H

#include <stddef.h>

#include "sim/sim_err.h"

#define SHIFT_NAME_MAX 64

struct shift_spec {
	char name[SHIFT_NAME_MAX];
	double start_s;      /* time of day the shift starts, 0 <= s < 86400 */
	double duration_s;   /* 0 < d <= 86400 */
	unsigned days;       /* bit d (0 = Monday .. 6 = Sunday) set if worked */
	int staff;           /* people rostered, >= 0 */
};

struct roster_spec {
	const struct shift_spec *shifts;   /* borrowed */
	size_t n_shifts;
	double shrinkage;                  /* 0 <= s < 1 */
	int weekday;                       /* of the start date, 0 = Monday */
};

struct roster;
struct rota_spec;

/* Builds the weekly step function. Returns NULL with err filled when out of
 * memory; the spec is validated by the loader, and misuse is asserted. */
struct roster *roster_new(const struct roster_spec *spec, struct sim_err *err);
/* Builds the step function of teams on a rota (models/rota.h), before
 * shrinkage exactly as rota_on_duty counts them, repeating every cycle
 * from the cycle's start, so it holds for any horizon. The spec is
 * checked by the caller (rota_check). Hours per week are the cycle's
 * average. Returns NULL with err filled when out of memory. */
struct roster *roster_new_rota(const struct rota_spec *spec, double shrinkage,
			       struct sim_err *err);
void roster_free(struct roster *r);

/* People on duty (after shrinkage) at local seconds t_s >= 0. */
int roster_on_duty(const struct roster *r, double t_s);
/* People rostered (before shrinkage) at local seconds t_s >= 0. */
int roster_rostered(const struct roster *r, double t_s);
/* The first instant (local seconds) after t_s at which the on-duty count
 * changes, or INFINITY when it never does (a constant roster); see
 * local_clock_until for the scenario time of it. */
double roster_next_change(const struct roster *r, double t_s);
/* Rostered person-hours in one week. */
double roster_hours_per_week(const struct roster *r);
/* The largest on-duty count in the week. */
int roster_peak_on_duty(const struct roster *r);

#endif
