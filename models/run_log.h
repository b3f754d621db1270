/* run_log.h: the rows of a replication's call and incident logs, and the
 * hook through which the models hand them over as each call or incident
 * is finished.
 *
 * A replication run without a log (every replication but the one a user
 * asked to log) has a NULL hook, and the models' only cost is one branch
 * where a call or an incident ends. With a hook, a row is handed over the
 * moment its record is complete, and nothing is kept: memory does not grow
 * with the log. Times are scenario seconds (0 = 00:00 local time of
 * run.start_date); the writer turns them into dates. */
#ifndef MODELS_RUN_LOG_H
#define MODELS_RUN_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How a call ended. */
enum run_log_outcome {
	RUN_LOG_ANSWERED,       /* a handler took it */
	RUN_LOG_ABANDONED,      /* the caller hung up waiting */
	RUN_LOG_UNANSWERED_END  /* still waiting when the run stopped */
};

/* One call: an offered call, first or redialled. */
struct run_log_call {
	uint64_t id;            /* 1, 2, ... in the order calls are offered */
	uint64_t caller;        /* the id of the caller's first call */
	size_t line;            /* index into the scenario's lines */
	size_t pool;            /* answered: the pool of the handler */
	uint32_t handler;       /* answered: the handler's number in the pool
				   (models/handler_seats.h), from 1 */
	enum run_log_outcome outcome;
	double arrived_s;
	double ended_s;         /* answered: when answered; abandoned: when
				   the caller hung up; else the run's end */
	double talk_s;          /* answered: talk time */
	double wrap_s;          /* answered: after-call work; NAN when the
				   talk had not ended when the run stopped */
	bool redial;            /* a redial of an abandoned call */
	bool counted;           /* offered inside the counted period */
};

/* One incident, created when a call ended. */
struct run_log_incident {
	uint64_t id;            /* 1, 2, ... in the order created */
	uint64_t call;          /* the call that created it */
	size_t grade, area;     /* indices into the scenario's lists */
	size_t unit_spec;       /* dispatched: index into the units list */
	size_t unit;            /* dispatched: the unit, 0-based, in its group */
	double created_s;
	double dispatched_s;    /* the last dispatch; NAN: none */
	double arrived_s;       /* attended; NAN: never reached */
	double cleared_s;       /* the job ended; NAN: not by the run's end */
	bool preempted;         /* a unit was taken off it at least once */
	bool counted;           /* created inside the counted period */
};

/* The hook: each function is called once a row, in the order records
 * complete, on the thread running the replication. A sink that fails (a
 * full disk) keeps its own error; the run goes on. */
struct run_log {
	void (*call)(void *sink, const struct run_log_call *row);
	void (*incident)(void *sink, const struct run_log_incident *row);
	void *sink;
	/* Optional (NULL: not wanted): call number `call`, answered, is a
	 * duplicate (models/duplicate.h). Handed over when the call's talk
	 * ends, just before the call's own row (in the same event, or in the
	 * event before it), so a sink can mark that row keeping the one
	 * number. */
	void (*duplicate)(void *sink, uint64_t call);
};

#endif
