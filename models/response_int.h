/* response_int.h: what the files of the response model share — its
 * objects and the state of one replication's response (see response.c for
 * how they fit together). Internal to models/response*.c: nothing else
 * includes it. */
#ifndef MODELS_RESPONSE_INT_H
#define MODELS_RESPONSE_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <gsl/gsl_randist.h>

#include "models/duplicate.h"
#include "models/local_clock.h"
#include "models/local_hour.h"
#include "models/replication.h"
#include "models/response.h"
#include "models/roster.h"
#include "models/run_log.h"
#include "models/week.h"
#include "sim/hist.h"
#include "sim/sim.h"
#include "sim/timeavg.h"

#define INCIDENTS_PER_CHUNK 512
/* Attendance times held back before their histograms (response_period.c). */
#define RSP_STAGED_MAX 1024

/* RS_UNITS is drawn from only when a grade has multi_unit (and created
 * only then: response_multi.c). */
enum rsp_stream { RS_MIX, RS_AREA, RS_DELAY, RS_TRAVEL, RS_ON_SCENE,
		  RS_UNITS };
enum inc_state { INC_DELAY, INC_WAITING, INC_TRAVEL, INC_SCENE };
enum unit_state { UNIT_OFF, UNIT_IDLE, UNIT_TRAVEL, UNIT_SCENE };

struct incident {
	struct incident *prev, *next;  /* queue links; next links the free list */
	struct response *rsp;          /* back to the model, for event handlers */
	double created_s;
	double ready_s;                /* when it began seeking a unit */
	uint32_t gen;                  /* bumped on reuse: stale checks skip */
	uint32_t grade, area;
	uint8_t counted, state, preempted;
	uint8_t live;                  /* off the free list */
	/* Units (response_multi.c): needed, sent and not pulled back, holding
	 * it now (travelling or on scene); and whether one has arrived. It
	 * waits in its queue while sent < need, and ends when all were sent
	 * and none holds it. */
	uint8_t need, sent, active, attended;
	/* Counted: the local hour of the week and the counted day it was
	 * created in, read once for its tallies. */
	uint16_t hour, day;
	/* Kept only when the run is logged (response_log.c). */
	uint64_t id, call;
	double dispatched_s, arrived_s;
	const struct unit *unit;       /* the last unit sent */
};

struct incident_chunk {
	struct incident_chunk *next;
	struct incident items[INCIDENTS_PER_CHUNK];
};

struct group;

struct unit {
	struct unit *next_idle;
	struct group *group;
	struct incident *job;          /* from dispatch to clear */
	uint64_t job_seq;              /* pending arrive/clear event */
	double dispatched_s;
	double job_from_s;             /* its job's time counted from here
					  (response_multi.c) */
	uint8_t state, leaving;
	uint8_t cross_border;          /* the job is in a neighbouring area */
	uint8_t abstraction_counted;   /* an abstraction whose hours count */
};

struct group {
	struct response *rsp;          /* back to the model, for event handlers */
	const struct unit_spec *spec;
	const struct role_spec *role;
	struct roster *roster;
	struct unit *units;            /* capacity: the roster's peak */
	int capacity;
	struct unit *idle;             /* stack of idle units */
	int n_idle, n_busy, n_leaving;
	struct timeavg busy_ta, present_ta, staff_ta;
	double mark_busy, mark_present, mark_staff;
	double busy_s, present_s, staff_s;
	/* By hour of the week (response_period.c): the integrals at the
	 * last hourly tick, and each hour's unit time. */
	double tick_busy, tick_present, tick_staff;
	double h_busy[HOURS_PER_WEEK], h_present[HOURS_PER_WEEK];
	double h_staff[HOURS_PER_WEEK];
};

struct queue {
	struct incident *head, *tail;
};

struct response {
	const struct scenario *sc;
	struct sim_ctx *ctx;
	double warmup_s, end_s;
	struct local_clock clock;      /* the start date's local time ... */
	struct local_span span;        /* ... and the span last read on it */
	struct local_hour now_hour;    /* the hour and day of the last incident */
	gsl_rng *rng[RSP_STREAM_KINDS];
	gsl_ran_discrete_t **mix;      /* per line: grades, then "none" and
					  "duplicate" (models/duplicate.h) */
	struct duplicate *outcomes;    /* answered calls by outcome */
	gsl_ran_discrete_t *area_pick;
	/* Per area, its travel factors by hour of the week (the area's
	 * travel_by_hour, else dispatch's), NULL where travel does not vary
	 * by hour; the array itself NULL when it varies nowhere, so dispatch
	 * looks no further. Borrowed from the scenario. */
	const double **travel_hour;
	struct group *groups;
	size_t **area_groups;          /* per area: group indices */
	size_t *n_area_groups;
	struct queue *queues;          /* [area][grade] */
	long waiting_g[RESPONSE_GRADES_MAX];  /* incidents queued, by grade */
	long n_queued;                 /* incidents queued, every grade */
	struct incident_chunk *chunks;
	struct incident *free_incidents;
	long pending;                  /* counted incidents not yet attended */
	size_t n_seeking;              /* incidents without a unit: in their
					  grading delay or queued */
	size_t max_waiting;            /* more stops the run: run.max_waiting */
	long *pending_ag;              /* [area][grade] */
	/* Tallies: [area][grade] figures, summed to grades at the end. */
	double *ag;                    /* [area][grade][RSP_GRADE_METRICS] */
	struct hist **ag_hist;         /* [area][grade] */
	struct hist **g_hist;          /* [grade], all areas */
	double *area_tally;            /* [area][RSP_AREA_METRICS] */
	/* By the day incidents were created: [day][grade][RSP_D_*], the
	 * attended within target a count until the figures. */
	size_t n_days;                 /* counted days: replication_days */
	double *day_grade;
	/* By the hour of the week and the day incidents were created
	 * (response_period.c): tallies of enum rsp_period_tally. */
	double *hour_grade;            /* [HOURS_PER_WEEK][grade][tally] */
	double *hour_area;             /* [HOURS_PER_WEEK][area][tally] */
	double *day_area;              /* [n_days][area][tally] */
	struct hist_paged **hour_hist; /* [HOURS_PER_WEEK][grade] */
	struct hist_window *hour_win;  /* their quantiles' workspace */
	/* Attendance times of the counted period not yet in the three
	 * histograms above (response_period.c): a batch of them is put in
	 * at once. */
	struct rsp_staged {
		double attend_s;
		uint32_t area_grade, hour_grade;
	} staged[RSP_STAGED_MAX];
	size_t n_staged;
	/* The batch put in order of hour and grade, and where each hour and
	 * grade's times begin in it ([HOURS_PER_WEEK * grades + 1]). */
	struct rsp_staged by_hour[RSP_STAGED_MAX];
	uint32_t *by_hour_at;
	bool staging;                  /* the counted period is open */
	double last_tick_s;            /* the last hourly tick of unit time */
	double h_seconds[HOURS_PER_WEEK];  /* counted time in each hour */
	const struct run_log *log;     /* NULL: the run is not logged */
	uint64_t log_incidents;        /* incidents created: the last id */
};

/* Local seconds since 00:00 of the start date at scenario time t
 * (models/local_clock.h): what hours of the week and days are read on. */
static inline double rsp_local_s(struct response *r, double t)
{
	return local_clock_s(&r->clock, &r->span, t);
}


/* What response_period.c counts for an hour or a day and a grade or an
 * area: incidents, those of a grade with a target, and those attended
 * within it. */
enum rsp_period_tally {
	RSP_T_INCIDENTS, RSP_T_TARGETED, RSP_T_WITHIN, RSP_PERIOD_TALLIES
};

/* Its tallies (response_period.c): built with the model (SIM_ENOMEM when
 * they cannot be) and freed with it; an incident counted when created and
 * when attended (within: within its grade's target; its attendance time
 * goes to the histograms of its area and grade, its grade and its hour
 * and grade, all put in by the period's close); unit time cut at
 * each hour of the counted period, opened and closed with it (the figures
 * are response_period_figures, in response.h). */
enum sim_status response_period_build(struct response *r);
void response_period_free(struct response *r);
void response_period_created(struct response *r, const struct incident *inc);
void response_period_attended(struct response *r, const struct incident *inc,
			      double attend_s, bool within);
void response_period_open(struct response *r);
void response_period_close(struct response *r);

/* The log of a logged run (response_log.c): an incident created by call
 * `call`, sent a unit, reached by it, and ended now (cleared, or cut short
 * by a preemption on scene); and, when the run stops, the incidents not
 * ended. Called only when r->log is set. */
void response_log_created(struct response *r, struct incident *inc,
			  uint64_t call);
void response_log_dispatched(struct response *r, struct incident *inc,
			     const struct unit *u);
void response_log_ended(const struct response *r, const struct incident *inc);
/* Call number `call`, whose talk ends at at_s (told ahead, or now), drew
 * "duplicate": no incident, but the log marks it at at_s. */
void response_log_duplicate(struct response *r, uint64_t call, double at_s,
			    bool ahead);
void response_log_unfinished(const struct response *r);

/* Incidents that need more than one unit, and the unit time each grade
 * takes (response_multi.c): the units a new incident of grade g needs
 * (1 unless the grade has multi_unit); unit u's job ends now (cleared,
 * or the unit pulled off it): its time in the counted period goes to the
 * job's grade and area; at the close of the counted period, every job
 * under way is counted up to then. */
uint8_t response_multi_draw(struct response *r, size_t g);
void response_multi_close(struct response *r);

/* These two run for every incident and every job, so they are inline:
 * without multi_unit the first costs a test, not a call. */
static inline uint8_t response_multi_need(struct response *r, size_t g)
{
	return r->sc->grades[g].multi_share > 0 ? response_multi_draw(r, g) : 1;
}

static inline void response_multi_job_end(struct response *r, struct unit *u)
{
	const struct incident *inc = u->job;
	double from = u->job_from_s > r->warmup_s ? u->job_from_s : r->warmup_s;
	double to = sim_now(r->ctx);

	to = to < r->end_s ? to : r->end_s;
	if (to > from)
		r->ag[(inc->area * r->sc->n_grades + inc->grade) *
		      RSP_GRADE_METRICS + RSP_UNIT_HOURS] += (to - from) / HOUR_S;
}

/* The event of a group's roster change (response.c); set-up puts each
 * group's first one on the calendar. */
void response_on_unit_roster(struct sim_ctx *ctx, const struct ev_event *ev);

#endif
