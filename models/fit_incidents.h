/* fit_incidents.h: the incident response of a scenario fitted from an
 * incident log (incident_log_read.h) and the call log it goes with.
 *
 * Per grade: the delay (created to dispatched), travel (dispatched to
 * arrived, units of the incident's own area only, since a unit from
 * another area travels cross_border_factor times longer) and time on
 * scene (arrived to cleared), each fitted as a handle time is
 * (fit_calls_duration: four families, AIC, KS, else the empirical), from
 * the incidents no unit was taken off (preempted 0). Areas: each area's
 * share of the incidents, and as its neighbours the areas whose units
 * were sent to it, most often first. Units: for each area and role, the
 * highest unit number seen sent, all day; roles attend the grades their
 * units were sent to. Grade mix: for each line, the incidents of each
 * grade whose call (call_id) is an answered call of that line, over the
 * line's answered calls; a log without call ids on either side links
 * every incident to the call log's line when it has only one.
 *
 * Grades are ordered by their mean time from creation to the first
 * arrival, quickest first, as a scenario lists its grades highest first
 * (the first plays the part of Emergency). */
#ifndef MODELS_FIT_INCIDENTS_H
#define MODELS_FIT_INCIDENTS_H

#include <stddef.h>

#include "models/call_log_read.h"
#include "models/fit_calls.h"
#include "models/incident_log_read.h"

struct fit_incident_grade {
	int src;                    /* index among the log's grades */
	size_t n;                   /* incidents */
	double mean_attend_s;       /* created to arrived; NAN: none arrived */
	struct fit_duration delay, travel, on_scene;
};

struct fit_incidents {
	size_t n;                   /* incidents fitted */
	int n_grades, n_areas, n_roles;
	struct fit_incident_grade grades[INCIDENT_LOG_GRADES_MAX]; /* in order */
	size_t area_n[INCIDENT_LOG_NAMES_MAX];
	size_t border[INCIDENT_LOG_NAMES_MAX][INCIDENT_LOG_NAMES_MAX];
				    /* [incident area][unit area]: sent */
	long long units[INCIDENT_LOG_NAMES_MAX][INCIDENT_LOG_NAMES_MAX];
				    /* [area][role]: highest number seen */
	unsigned attends[INCIDENT_LOG_NAMES_MAX];   /* role: bit per grade
						       (in order) */
	int linked;                 /* incidents linked to calls' lines */
	size_t n_linked, n_unlinked;
	size_t line_answered[CALL_LOG_NAMES_MAX];
	size_t line_grade[CALL_LOG_NAMES_MAX][INCIDENT_LOG_GRADES_MAX];
};

/* Fits fi from the incident log il and the call log cl. Returns SIM_OK,
 * SIM_EINVAL (no incident to fit) or SIM_ENOMEM. */
enum sim_status fit_incidents_estimate(const struct incident_log *il,
				       const struct call_log *cl,
				       struct fit_incidents *fi,
				       struct sim_err *err);

#endif
