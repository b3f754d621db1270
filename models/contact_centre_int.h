/* contact_centre_int.h: what the files of the contact centre share — its
 * callers, lines, pools and the state of one replication's contact centre
 * (see contact_centre.c for how they fit together). Internal to
 * models/contact_centre*.c: nothing else includes it. */
#ifndef MODELS_CONTACT_CENTRE_INT_H
#define MODELS_CONTACT_CENTRE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>

#include "models/agreement_hours.h"
#include "models/callback.h"
#include "models/connection.h"
#include "models/demand.h"
#include "models/handler_seats.h"
#include "models/local_clock.h"
#include "models/local_hour.h"
#include "models/replication.h"
#include "models/roster.h"
#include "models/routing.h"
#include "models/run_log.h"
#include "sim/hist.h"
#include "sim/sim.h"
#include "sim/timeavg.h"

#define CALLERS_PER_CHUNK 1024

struct caller {
	struct caller *prev, *next;  /* queue links; next also links the free list */
	double arrival_s;
	uint64_t abandon_seq;        /* sequence of the pending abandonment, 0 if none */
	/* Kept only when the run is logged (struct run_log). */
	uint64_t id, caller;         /* its call id; its first call's id */
	double answered_s, talk_s, wrap_s;
	union {
		uint32_t seat;       /* logged, once answered: its handler's
					number in the pool */
		uint32_t ticket;     /* until answered: its call-back request
					(models/callback.h), 0 none */
	};
	uint16_t line;               /* at most SCENARIO_LIST_MAX lines */
	uint16_t pool;               /* logged: its handler's pool */
	uint16_t day;                /* counted day it arrived, if counted */
	uint16_t hour;               /* hour of the week it arrived, if counted */
	uint8_t repeat;              /* a redial of an abandoned call */
	uint8_t counted;             /* offered inside the counted period */
};

_Static_assert(SCENARIO_LIST_MAX <= UINT16_MAX, "a line index fits a caller");

struct caller_chunk {
	struct caller_chunk *next;
	struct caller callers[CALLERS_PER_CHUNK];
};

/* One line's counted calls of one day, by the day they arrived. */
struct day_tally {
	double offered, answered, in_target, wait_sum_s;
};

struct line_state {
	const struct line_spec *spec;
	struct demand_plan *plan;
	size_t plan_hint;
	gsl_rng *rng[CC_STREAM_KINDS];
	struct caller *head, *tail;  /* waiting callers, oldest first */
	size_t *pools;               /* pools serving this line, preferred first */
	size_t n_pools;
	/* Calls offered, answered and answered in target are the sums of
	 * h_offered, h_answered and h_in_target (whole numbers, so the
	 * sums are exact): one tally a call, not two. */
	double abandoned, abandoned_5s, repeats;
	double overflowed;           /* answered by another pool's rule */
	double wait_sum_s;
	struct hist *waits;
	double h_offered[HOURS_PER_WEEK];
	double h_answered[HOURS_PER_WEEK];
	double h_in_target[HOURS_PER_WEEK];
	struct day_tally *days;      /* [n_days] */
	struct agreement_hours *hours; /* answer.per: hour; else NULL */
};

struct pool_state {
	const struct pool_spec *spec;
	struct roster *roster;
	int idle, busy, leaving;     /* leaving: busy, shift over, go when done */
	struct timeavg busy_ta, present_ta, staff_ta;
	double mark_busy, mark_present, mark_staff;   /* integrals at last tick */
	double busy_s, present_s, staff_s;            /* counted integrals */
	double h_busy[HOURS_PER_WEEK];
	double h_present[HOURS_PER_WEEK];
	double h_staff[HOURS_PER_WEEK];
	struct handler_seats *seats; /* logged run: numbered handlers */
};

struct cc_model {
	const struct scenario *sc;
	struct sim_ctx *ctx;         /* borrowed from the replication */
	struct replication *rep;     /* told when a call ends ... */
	bool post_call_ended;        /* ... if any model listens */
	double warmup_s, end_s;
	struct local_clock clock;    /* the start date's local time ... */
	struct local_span span;      /* ... and the span last read on it */
	struct local_hour now_hour;  /* the hour and day of the last call */
	size_t n_days;               /* counted days: replication_days */
	struct line_state *lines;
	struct pool_state *pools;
	struct routing *routing;     /* NULL: no overflow rule, no reserve */
	/* How a free handler of a pool picks its next work when routing or
	 * call-backs change the plain choice; NULL: the plain choice. */
	void (*fill)(struct cc_model *m, size_t p, double now);
	struct callback *callbacks;  /* NULL: no call-backs */
	struct connection *connection; /* NULL: no connection times */
	bool beyond;                 /* callbacks, connection or a line
					judged per hour: answer() looks at
					them */
	struct deferrable *deferrable; /* NULL: no deferrable work */
	/* None of the above (routing, call-backs, connection, a line judged
	 * per hour, deferrable work), no patience on any line, no call log
	 * and nobody told of a call's end: the calls take the plain paths
	 * (contact_centre.c). */
	bool plain;
	struct caller_chunk *chunks;
	struct caller *free_callers;
	long pending_counted;        /* counted callers not yet answered or gone */
	long talking_counted;        /* counted callers answered, talk not over */
	size_t n_waiting;            /* callers queued on every line */
	size_t max_waiting;          /* more stops the run: run.max_waiting */
	double last_tick_s;
	double h_seconds[HOURS_PER_WEEK];
	/* A logged run (NULL: not logged) keeps each answered caller, linked
	 * here, until its talk ends, when its row is complete. */
	const struct run_log *log;
	uint64_t log_calls;          /* calls offered so far: the last id */
	struct caller *talking;
};

/* Unlinks c from its line's queue in O(1): abandonment needs no search. */
static inline void queue_remove(struct line_state *ls, struct caller *c)
{
	if (c->prev)
		c->prev->next = c->next;
	else
		ls->head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	else
		ls->tail = c->prev;
}

/* Returns a caller to the free list. */
static inline void caller_put(struct cc_model *m, struct caller *c)
{
	c->abandon_seq = 0;
	c->next = m->free_callers;
	m->free_callers = c;
}

/* Records the pool's counters in its time averages after any change. */
static inline void pool_note(struct pool_state *ps, double now)
{
	timeavg_set(&ps->busy_ta, now, ps->busy);
	timeavg_set(&ps->present_ta, now, ps->idle + ps->busy);
}

/* The oldest caller waiting on the highest-priority line pool p serves, or
 * NULL when none of its lines has anyone waiting. */
static inline struct caller *pool_next_caller(struct cc_model *m, size_t p)
{
	const struct pool_spec *spec = m->pools[p].spec;
	for (size_t i = 0; i < spec->n_serves; i++) {
		struct caller *c = m->lines[spec->serves[i]].head;
		if (c)
			return c;
	}
	return NULL;
}

/* What contact_centre.c lends contact_centre_beyond.c: a handler of pool
 * p answers waiting caller c (taken off its queue); pool p's free
 * handlers take waiting work; a handler of ps (numbered `seat` in a
 * logged run, else 0) is done; whether an abandoned caller of ls redials
 * and after how long; and a redial of caller `who` holding call-back
 * ticket t rings line ls now; the event of a redial without a ticket. */
void contact_centre_answer(struct cc_model *m, size_t p, struct caller *c,
			   double now);
void contact_centre_pool_fill(struct cc_model *m, size_t p, double now);
void contact_centre_handler_done(struct cc_model *m, struct pool_state *ps,
				 double now, uint32_t seat);
bool contact_centre_redial_drawn(struct line_state *ls, double *delay_s);
void contact_centre_redial_offer(struct cc_model *m, struct line_state *ls,
				 uint64_t who, uint32_t t);
void contact_centre_on_redial(struct sim_ctx *ctx, const struct ev_event *ev);

/* Work beyond the first call (contact_centre_beyond.c): call-backs of
 * abandoned callers (models/callback.h) and the 999 connection time
 * (models/connection.h), kept out of the paths of a scenario without
 * them. beyond_build creates what the scenario wants (m->callbacks,
 * m->connection, m->beyond, and m->fill for call-backs); beyond_answered
 * is answer()'s part when m->beyond is set, returning the answer time the
 * agreement sees (and tallying it for a line judged per hour); beyond_abandoned is on_abandon's redial when there are
 * call-backs. */
#define CONTACT_CENTRE_BEYOND __attribute__((noinline))
enum sim_status contact_centre_beyond_build(struct cc_model *m);
CONTACT_CENTRE_BEYOND double contact_centre_beyond_answered(
	struct cc_model *m, struct caller *c, double wait_s);
CONTACT_CENTRE_BEYOND void contact_centre_beyond_abandoned(
	struct cc_model *m, struct caller *c, double now);
/* Under routing, with call-backs: a free handler of pool p makes a due
 * call-back now, if any (calls_waiting: a call it may take waits), within
 * p's reserves; returns whether it did. */
bool contact_centre_beyond_routed_call_back(struct cc_model *m, size_t p,
					    bool calls_waiting, double now);

/* The lines and pools of one replication (contact_centre_build.c): built,
 * with routing and the work beyond the first call, into m (on failure, part
 * built: free it with contact_centre_free, which frees all m holds). */
enum sim_status contact_centre_build(struct cc_model *m, struct sim_err *err);
void contact_centre_free(void *model);

/* The replication's figures of the contact centre (contact_centre_figures.c):
 * every line's and pool's tallies into out. */
void contact_centre_figures(const struct cc_model *m,
			    struct replication_result *out);

/* The counted period by the hour of the week (contact_centre_period.c):
 * the contact centre's handler of the period's opening and close. */
void contact_centre_period_notice(void *model,
				  const struct replication_notice *n);

/* The call log of a logged run (contact_centre_log.c), called only when
 * m->log is set; kept out of line, out of the way of the other runs' code.
 * An offered call is numbered; a finished one's row is handed to the log
 * (ended_s: when answered or abandoned, or the run's end; wrap_s: NAN when
 * never drawn); caller c, answered now by a handler of pool ps for talk_s
 * (ps is the pool that answered: its own, or one taking the call by
 * overflow), waits on the talking list until its talk ends (log_talk
 * returns the argument of that event, which names c, and log_talked takes
 * it back off); when the pool's handlers on duty change, `idle` more idle
 * ones (fewer when negative) are numbered to match; when the run stops,
 * the calls it stopped on are written. log_seats_init numbers every pool's
 * handlers, before anyone comes on duty. */
#define CONTACT_CENTRE_LOG_COLD __attribute__((cold, noinline))
CONTACT_CENTRE_LOG_COLD void contact_centre_log_offer(struct cc_model *m,
						      struct caller *c);
CONTACT_CENTRE_LOG_COLD void contact_centre_log_row(
	const struct cc_model *m, const struct caller *c,
	enum run_log_outcome outcome, double ended_s, double wrap_s);
CONTACT_CENTRE_LOG_COLD int64_t contact_centre_log_talk(
	struct cc_model *m, struct caller *c, struct pool_state *ps,
	double talk_s);
CONTACT_CENTRE_LOG_COLD void contact_centre_log_restaff(
	struct cc_model *m, struct pool_state *ps, int idle);
enum sim_status contact_centre_log_seats_init(struct cc_model *m);
struct caller *contact_centre_log_talked(struct cc_model *m, int64_t arg);
void contact_centre_log_unfinished(const struct cc_model *m);
/* The events of a logged call whose end was settled when it was answered
 * (contact_centre.c, talk_settled): its talk is over (the event's argument
 * is log_talk's), when its row is complete; its handler's wrap-up is over
 * (the argument is the handler's number). */
void contact_centre_log_on_talked(struct sim_ctx *ctx,
				  const struct ev_event *ev);
void contact_centre_log_on_wrap_end(struct sim_ctx *ctx,
				    const struct ev_event *ev);

#endif
