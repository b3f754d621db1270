/* roster_ip.h: the least-cost shifts that cover a requirement — Dantzig's
 * set-covering integer programme, solved with GLPK.
 *
 * The week is cut into n_slots equal intervals (168 hours, or 672 quarter
 * hours) and wraps: a shift starting in the last slots runs on into the
 * first, as Sunday night runs into Monday. Each candidate shift j starts in
 * slot start, lasts length slots (on the days given, see below) and costs
 * cost (paid hours, say) a person.
 * The programme chooses whole headcounts x_j >= 0 to
 *     minimise   sum_j cost_j x_j
 *     subject to need_t <= sum_{j covers t} x_j  (<= max_cover if > 0)
 * for every slot t. Its LP relaxation (x_j real) is solved first: its cost
 * is a true lower bound on any roster of these candidates, and the
 * branch-and-bound starts from it.
 *
 * When no headcounts meet every slot (a need above max_cover, or shifts
 * that cannot reach a slot without putting too many on another), the
 * result says which slots fall short and by how much: the headcounts that
 * leave the least total shortfall.
 *
 * GLPK prints nothing (terminal output off). The time limit bounds the
 * whole solve: relaxation, branch and bound and, when needed, the
 * programme of shortfalls; when it runs out the best headcounts found
 * are kept (optimal false: their cost against lp_cost says how far they
 * may be from the least), and when none was found that is an error.
 * GLPK's failures come back as errors. Nothing is printed; one call is used
 * by one thread. Sizes are bounded by the limits below. */
#ifndef MODELS_ROSTER_IP_H
#define MODELS_ROSTER_IP_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/sim_err.h"

/* Bounds on what one programme may hold. */
#define ROSTER_IP_SLOTS_MAX 8064        /* quarter hours of 12 weeks: a
					   rota's cycle and the week */
#define ROSTER_IP_SHIFTS_MAX 20000
#define ROSTER_IP_NEED_MAX 100000
#define ROSTER_IP_COVERS_MAX 4000000    /* sum of the candidates' lengths */

/* A candidate: one block of slots, or (days != 0) the same block on each
 * day of the week whose bit is set (bit 0 Monday), start then counting
 * from the start of the day, for a person who works them all — the
 * scenario's own shifts, re-sized. */
struct roster_ip_shift {
	size_t start;        /* first slot, < n_slots (< a day's with days) */
	size_t length;       /* slots, 1..n_slots */
	double cost;         /* of one person on it, >= 0 */
	unsigned days;       /* 0: one block; else a mask of 7 bits, and
				n_slots a multiple of 7 */
	const size_t *starts;   /* n_starts > 0: blocks of length from each
				   of these slots (< n_slots) instead, as a
				   person on a rotating rota works them;
				   start and days are not used; borrowed */
	size_t n_starts;
};

struct roster_ip_spec {
	size_t n_slots;
	const int *need;                      /* [n_slots], 0..NEED_MAX */
	int max_cover;                        /* 0: no upper bound */
	const struct roster_ip_shift *shifts; /* [n_shifts], borrowed */
	size_t n_shifts;
	double time_limit_s;                  /* > 0: the whole solve's */
};

struct roster_ip_result {
	int *staff;          /* [n_shifts] headcount of each candidate */
	int *short_by;       /* [n_slots] cover missing; all 0 when met */
	double cost;         /* sum cost_j staff_j */
	double lp_cost;      /* the LP relaxation's cost: a lower bound; NAN
				when the programme has no solution */
	bool met;            /* every slot covered */
	bool optimal;        /* proven least; false: the best found within
				the time limit */
	double seconds;      /* the solve took (set on a failure too) */
};

/* Solves spec into *out (its arrays new; free with roster_ip_clear;
 * out->seconds is set whatever the outcome).
 * Returns SIM_OK when headcounts were found — out->met says whether they
 * cover every slot, short_by where not; SIM_EINVAL for a spec outside the
 * bounds; SIM_ERUNTIME when GLPK fails or finds nothing within the time
 * limit (err says "within the time limit"); SIM_ENOMEM. err says which. */
enum sim_status roster_ip_solve(const struct roster_ip_spec *spec,
				struct roster_ip_result *out,
				struct sim_err *err);
/* Frees what r holds and empties it; an empty result is a no-op. */
void roster_ip_clear(struct roster_ip_result *r);

#endif
