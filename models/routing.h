/* routing.h: who may answer whom between a scenario's queues, beyond each
 * pool's own lines in priority order — the overflow rules and reserves of
 * its pools (struct overflow_spec, struct reserve_spec in scenario.h) as
 * tables the contact centre (contact_centre.c) consults while it runs.
 *
 * An overflow rule lets pool p answer line l, which p does not serve,
 * only while l is under pressure: l's queue holds `queue` callers or more,
 * or its oldest caller has waited `wait_s` or more. A reserve keeps `keep`
 * of p's handlers for its higher lines: p answers l only while more than
 * `keep` of its handlers are free. The tables are read from the scenario
 * once a replication and never change; beside them, the state the
 * contact centre keeps of each line for them (struct routing_line). One
 * a replication. */
#ifndef MODELS_ROUTING_H
#define MODELS_ROUTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/scenario.h"
#include "sim/sim_err.h"

struct routing;

/* A line a pool answers, in the order its free handler looks at them:
 * overflow lines ranked before its own, its own lines (serves), then the
 * other overflow lines. rule is NULL for an own line. */
struct routing_entry {
	size_t line;
	const struct overflow_spec *rule;
};

/* A pool that may answer a line by overflow, in pool order. */
struct routing_taker {
	size_t pool;
	const struct overflow_spec *rule;
};

/* What the contact centre keeps of line l under routing: the callers in
 * its queue (for queue rules), and its pending overflow check (for wait
 * rules): when it is due (INFINITY: none) and its event's sequence. */
struct routing_line {
	size_t n_queued;
	double check_due_s;
	uint64_t check_seq;
};

/* The routing of sc into *out: a new table (free with routing_free), or
 * NULL when no pool of sc has an overflow rule or a reserve (the contact
 * centre then runs without it). Returns SIM_OK or SIM_ENOMEM. */
enum sim_status routing_new(const struct scenario *sc, struct routing **out);
/* NULL is a no-op. */
void routing_free(struct routing *r);

/* Line l's state, lent. */
struct routing_line *routing_line(struct routing *r, size_t l);
/* Handlers of pool p kept free from line l (0: none). */
int routing_keep(const struct routing *r, size_t p, size_t l);
/* The same for every line: [n_lines], line l's at l. */
const int *routing_keep_row(const struct routing *r, size_t p);
/* The lines pool p answers, in the order it looks at them; *n of them. */
const struct routing_entry *routing_pool_lines(const struct routing *r,
					       size_t p, size_t *n);
/* The pools that may answer line l by overflow; *n of them. */
const struct routing_taker *routing_line_takers(const struct routing *r,
						size_t l, size_t *n);
/* Does rule o hold for a line with `waiting` callers in its queue, the
 * oldest of whom arrived at head_arrival_s, at now? The wait is compared
 * as head_arrival_s + wait_s <= now, the very sum routing_next_check
 * schedules, so a check at that time finds the rule holding. */
bool routing_pressed(const struct overflow_spec *o, size_t waiting,
		     double head_arrival_s, double now);
/* The first time after now at which a wait rule on line l starts to hold
 * for a head caller who arrived at head_arrival_s; INFINITY when none
 * will (no wait rule, or every one holds already). */
double routing_next_check(const struct routing *r, size_t l,
			  double head_arrival_s, double now);

#endif
