/* response_spec.h: what a scenario says about incident response — grades,
 * areas, officer roles, units on rosters and the dispatch rules.
 *
 * Grades are listed highest first: the first grade is the one the Police and
 * Crime Plan calls Emergency, the only grade that may abstract neighbourhood
 * officers or pull a unit off a preemptible (Scheduled) job. Areas are Local
 * Policing Areas, each with a share of incidents and a list of neighbours,
 * nearest first. All times are seconds. */
#ifndef MODELS_RESPONSE_SPEC_H
#define MODELS_RESPONSE_SPEC_H

#include <stddef.h>

#include "models/dist.h"
#include "models/roster.h"
#include "models/week.h"

#define RESPONSE_GRADES_MAX 8
#define RESPONSE_NAME_MAX 64
#define RESPONSE_UNITS_MAX 16               /* units one incident may need */

struct scenario_rota;

struct grade_spec {
	char name[RESPONSE_NAME_MAX];       /* "emergency", "priority", ... */
	int line, col;                      /* position in the file */
	double target_s;                    /* attend within; NAN: no target */
	double goal;                        /* fraction; NAN: no verdict */
	int per;                            /* enum agreement_per, as a
					       line's (models/agreement.h) */
	double on_at_least;                 /* NAN with AGREEMENT_HORIZON */
	int has_delay;
	struct dist delay;                  /* grading and dispatch decision,
					       before a unit is sought */
	struct dist travel;                 /* within the incident's area */
	struct dist on_scene;               /* time at the incident */
	int preemptible;                    /* an Emergency may take its unit */
	double multi_share;                 /* of incidents needing multi_units
					       units (multi_unit); 0: none */
	int multi_units;                    /* 2 to RESPONSE_UNITS_MAX */
};

/* travel_by_hour: a factor on travel for each hour of the week, Monday
 * 00:00-01:00 first, by the hour a unit is sent (models/scenario_travel.c).
 * Factors are absolute, not rescaled: 1 is travel as the grade gives it. */
struct travel_week {
	int given;                          /* 0: travel does not vary by hour */
	double factor[HOURS_PER_WEEK];
};

struct area_spec {
	char name[RESPONSE_NAME_MAX];
	int line, col;
	double share;                       /* of incidents; shares sum to 1 */
	size_t *neighbours;                 /* area indices, nearest first; owned */
	size_t n_neighbours;
	double travel_factor;               /* scales travel inside the area */
	struct travel_week travel_by_hour;  /* the area's own; else dispatch's */
};

enum abstraction_policy {
	ABSTRACTION_NEVER,                  /* ring-fenced: never dispatched */
	ABSTRACTION_EMERGENCY_ONLY          /* to an Emergency after a wait */
};

struct role_spec {
	char name[RESPONSE_NAME_MAX];
	int line, col;
	unsigned attends;                   /* bit g: may be sent to grade g */
	int neighbourhood;                  /* ring-fenced neighbourhood officers:
					       attend only by abstraction */
	enum abstraction_policy abstraction;
	double abstract_after_s;            /* Emergency wait before abstraction */
	double cost_per_fte;                /* annual */
	double hours_per_week;              /* contracted hours of one FTE */
};

struct unit_spec {
	int line, col;
	size_t area;                        /* index into areas */
	size_t role;                        /* index into roles */
	int crew;                           /* officers per unit, >= 1 */
	struct shift_spec *shifts;          /* staff = units on the shift; owned;
					       NULL on a rota */
	size_t n_shifts;
	struct scenario_rota *rota;         /* owned; NULL: the roster is shifts
					       (models/scenario_rota.h) */
	double shrinkage;                   /* 0 <= s < 1, of units */
};

struct dispatch_spec {
	double cross_border_after_s;        /* wait before a neighbour's unit */
	double cross_border_factor;         /* travel multiplier across a border */
	int preempt_scheduled;              /* Emergency may pull a unit off a
					       preemptible job */
	struct travel_week travel_by_hour;  /* every area without its own */
};

#endif
