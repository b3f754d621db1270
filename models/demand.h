/* demand.h: when calls arrive — a non-homogeneous Poisson process whose rate
 * is piecewise constant.
 *
 * A line's rate at time t is
 *     mean_rate_per_s * profile[slot(t)] * month_factor[month(t)] * surges(t)
 *       * events(t)
 * where the weekly profile has 168 hourly or 672 quarter-hourly factors
 * (normalised here to mean 1, so the volume is what the year, day or hour
 * says), month factors are per calendar month of the date at t, and surges
 * multiply the rate inside their windows, as dated events do inside
 * theirs. Scenario time 0 is 00:00 local time on the run's start date,
 * any day of the week; the profile, month factors and surges are read on
 * the local clock (models/local_clock.h), so the 23- and 25-hour days of
 * the clock changes take 23 and 25 hours of the profile.
 *
 * A rate plan lays those pieces out as segments of constant rate, cut at
 * every profile slot, midnight and surge edge, a week of the horizon at a
 * time as queries reach it (so its memory does not grow with the
 * horizon). Arrivals are sampled exactly by inverting the integrated rate:
 * no cap per interval and no skipped short peaks.
 *
 * A plan keeps the week it last laid out, even through a const pointer:
 * one plan must not be used by two threads at once (each replication
 * builds its own). */
#ifndef MODELS_DEMAND_H
#define MODELS_DEMAND_H

#include <stddef.h>

#include "models/week.h"
#include "sim/sim_err.h"

#define DEMAND_SLOTS_MAX 672

struct surge_spec {
	double start_s;      /* offset into the week: day * 86400 + time of day */
	double duration_s;   /* > 0 */
	double factor;       /* >= 0 */
	unsigned *weeks;     /* 1-based run weeks it applies to (week 1: Monday
				to Sunday holding the start date); NULL =
				every week */
	size_t n_weeks;
};

/* A dated event of one line: the rate is multiplied by factor over
 * [start_s, start_s + duration_s) of scenario time (models/
 * scenario_events.c converts the dates of an events CSV). */
struct demand_window {
	double start_s;      /* may be before 0 or past the horizon */
	double duration_s;   /* > 0 */
	double factor;       /* >= 0 */
};

struct demand_spec {
	double mean_rate_per_s;               /* calls a second, averaged over a week */
	double profile[DEMAND_SLOTS_MAX];     /* factors as given, >= 0 */
	size_t n_slots;                       /* 168 or 672 */
	double month_factor[12];              /* jan..dec; 1 when not given */
	struct surge_spec *surges;            /* owned by the scenario */
	size_t n_surges;
	struct demand_window *windows;        /* dated events; owned by the
						 scenario; overlapping ones
						 multiply */
	size_t n_windows;
};

/* The calendar date of scenario time 0 (any day of the week). */
struct demand_date {
	int year, month, mday;                /* month 1..12 */
};

struct demand_plan;

/* The rate of spec over [0, horizon_s). Returns NULL on failure (out of
 * memory, or a profile whose factors are all 0) with err filled. The plan
 * copies what it needs; spec may be freed afterwards. */
struct demand_plan *demand_plan_new(const struct demand_spec *spec,
				struct demand_date start, double horizon_s,
				struct sim_err *err);
void demand_plan_free(struct demand_plan *plan);

/* The time of the next arrival after t_s, given e1, an Exp(1) variate:
 * the t' with integral of rate over [t_s, t'] = e1. Returns INFINITY when
 * that falls past the horizon. *hint caches the segment of t_s (start at 0);
 * calls with non-decreasing t_s are amortised O(1), and so are the queries
 * below when their times do not go back (a time earlier than the week in
 * hand lays the plan out again from the start). */
double demand_plan_next(const struct demand_plan *plan, double t_s, double e1,
		      size_t *hint);
/* The expected number of arrivals in [t0_s, t1_s) (the integrated rate). */
double demand_plan_expected(const struct demand_plan *plan, double t0_s,
			  double t1_s);
/* The rate (calls a second) at t_s. */
double demand_plan_rate_at(const struct demand_plan *plan, double t_s);
/* The highest rate over [0, horizon), and into *at_s the scenario time
 * the first segment with it begins (0 when the rate is 0 throughout):
 * one walk over the plan's segments, which are cut at every profile
 * slot, surge and dated-event edge, both times of a repeated hour
 * included, so no change of rate is missed. */
double demand_plan_peak(const struct demand_plan *plan, double *at_s);
/* Local seconds since 00:00 of the start date at scenario time t_s
 * (models/local_clock.h): the local day of t_s is its floor in days. */
double demand_plan_local_s(const struct demand_plan *plan, double t_s);
/* Multiplies the rate of every segment of day d (local calendar day d
 * from the start date, 23 or 25 hours at a clock change; every midnight
 * is a segment edge) by factor[d], d < n_days, and
 * days past n_days by factor[n_days - 1]: one replication's day-to-day
 * busyness (models/busyness.c). Factors must be finite and >= 0; the plan
 * keeps a copy (a double a day). Returns 0, or -1 when out of memory (the
 * plan then unchanged). */
int demand_plan_scale_days(struct demand_plan *plan, const double *factor,
			   size_t n_days);

/* Weekday (0 = Monday) of a date, and the calendar month (1..12) of the day
 * `day_index` days after start. */
int demand_weekday(struct demand_date d);
/* Days from 1970-01-01 to d (proleptic Gregorian): dates as numbers. */
long demand_day_number(struct demand_date d);
int demand_month_of_day(struct demand_date start, long day_index);

#endif
