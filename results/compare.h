/* compare.h: two variants of a scenario, A and B, side by side — for every
 * agreement (each line's service level, ASA and abandon rate; each grade's
 * attended within target and p90 attendance; each stream of deferrable
 * work's share within target, items open at the end and mean delay), every
 * Local Policing Area
 * (its top grade's attended within target, utilisation, abstractions and
 * abstraction hours), the force-wide abstractions and every cost (FTE and
 * annual cost of each pool, each role and in total): A, B, and the
 * difference B - A with its 95% confidence interval.
 *
 * Both sides are run with common random numbers: replication i of A and
 * replication i of B use the same seed and index, so they see the same
 * callers, handle times and incidents wherever the scenarios agree. The
 * interval of the difference is therefore taken over the PAIRED
 * differences B_i - A_i (Student t through ci_of), which is much narrower
 * than the two sides' intervals suggest when the variants are alike, and
 * exactly zero when they are the same.
 *
 * Lines, grades, deferrable streams, areas, pools and roles are matched
 * by name; one present
 * on one side only is kept, with the other side's figures NAN (nothing
 * measured). An area's top grade is each side's first grade, which the
 * model treats as Emergency, whatever its name. The force item sums the
 * areas of each side in every replication, so it is compared even when the
 * two sides divide the force into different areas. Costs come from the
 * rosters and are exact: their interval is the value.
 *
 * Pairs of replications are folded into a compare_acc as they finish (both
 * sides' summary_acc and exact sums of the paired differences, see
 * sim/moments.h), so memory does not grow with the replications, and the
 * comparison is the same bytes whatever order pairs were added in and
 * however accumulators were merged. A comparison owns the summaries of both
 * sides; it and its accumulator borrow the scenarios, which must outlive
 * them, and copy what they need from the results. Nothing in it depends on
 * the thread count. */
#ifndef RESULTS_COMPARE_H
#define RESULTS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "models/replication.h"
#include "models/figure.h"
#include "models/scenario.h"
#include "results/summary.h"
#include "sim/ci.h"
#include "sim/sim_err.h"

/* What an item of a comparison is. */
enum compare_kind {
	COMPARE_LINE,     /* service_level, asa_s, abandon_rate */
	COMPARE_GRADE,    /* attended_within_target, attendance_p90_s */
	COMPARE_DEFERRABLE, /* a stream of deferrable work: within_target,
			       open_at_end, delay_mean_h */
	COMPARE_AREA,     /* emergency_attended_within_target (of the first
			     grade), utilisation, abstractions,
			     abstraction_hours */
	COMPARE_FORCE,    /* abstractions, abstraction_hours summed over the
			     areas; on a side only when it has areas */
	COMPARE_POOL,     /* fte, annual_cost (exact) */
	COMPARE_ROLE,     /* fte, annual_cost (exact) */
	COMPARE_TOTAL     /* fte, annual_cost of pools and roles (exact) */
};

/* Which sides have the item (bits). */
enum compare_side {
	COMPARE_IN_A = 1,
	COMPARE_IN_B = 2,
	COMPARE_IN_BOTH = 3
};

#define COMPARE_FIGURES_MAX 6

/* One figure of an item on both sides. */
struct compare_figure {
	const char *metric;     /* the key: "service_level", "fte", ... */
	const char *words;      /* in the table: "service level", "FTE" */
	enum figure_unit unit;  /* how it reads (models/figure.h) */
	struct ci a, b;         /* each side's mean and interval; NAN on the
				   side without the item */
	struct ci diff;         /* B - A: mean and interval of the paired
				   differences; NAN unless on both sides */
};

struct compare_item {
	enum compare_kind kind;
	const char *name;       /* borrowed from a scenario; "force" for
				   COMPARE_FORCE, "total" for
				   COMPARE_TOTAL */
	unsigned in;            /* enum compare_side bits */
	/* The verdict of the agreement (a line's service level, a grade's
	 * attended within target, a deferrable stream's share within target,
	 * an area's top grade's attended within target, as the side's
	 * summary has it) on each side; has_verdict is
	 * false without a goal or on the side without the item. */
	bool has_verdict_a, has_verdict_b;
	enum ci_verdict verdict_a, verdict_b;
	/* What each side's verdict is of, and held against: the figure and
	 * goal, or, for an agreement met day by day, the share of days met
	 * and on_at_least (summary_line_agreed); valid with has_verdict. */
	struct ci agreed_a, agreed_b;
	double goal_a, goal_b;
	size_t n_figures;
	struct compare_figure fig[COMPARE_FIGURES_MAX];
};

/* One side: its scenario and its n replication results (results[i] is
 * replication i, from replication_result_new(sc)). */
struct compare_side_run {
	const struct scenario *sc;
	const struct replication_result *const *results;
	size_t n;
};

struct compare {
	struct summary *a, *b;         /* owned */
	struct compare_item *items;    /* owned: lines (A's order, then those
					  only in B), grades, deferrable
					  streams, areas, the force, pools,
					  roles, then the total */
	size_t n_items;
};

/* An accumulator of pairs of replication results of two scenarios run with
 * the same seed. */
struct compare_acc;

/* Returns a new empty accumulator for sides a and b, or NULL when out of
 * memory. */
struct compare_acc *compare_acc_new(const struct scenario *a,
				    const struct scenario *b);
/* NULL is a no-op. */
void compare_acc_free(struct compare_acc *acc);
/* Adds replication i of both sides (ra of a, rb of b, same index); borrows
 * both. */
void compare_acc_add(struct compare_acc *acc, const struct replication_result *ra,
		     const struct replication_result *rb);
/* Adds everything src holds into dst (same scenarios), exactly. */
void compare_acc_merge(struct compare_acc *dst, const struct compare_acc *src);
/* Builds the comparison of what acc holds (at least one pair). Returns a
 * new comparison (free with compare_free), or NULL with err filled
 * (SIM_ENOMEM) when out of memory. */
struct compare *compare_of_acc(const struct compare_acc *acc,
			       struct sim_err *err);

/* Compares two sides with the same number n >= 1 of replications, run
 * with the same seed. Returns a new comparison (free with compare_free),
 * or NULL with err filled (SIM_ENOMEM) when out of memory. */
struct compare *compare_new(const struct compare_side_run *a,
			    const struct compare_side_run *b,
			    struct sim_err *err);
/* NULL is a no-op. */
void compare_free(struct compare *c);

/* True when B misses an agreement (a line, grade or deferrable stream
 * verdict CI_MISSED, or one B could not measure; see summary_any_missed): what `callsim compare
 * --require-slas` fails on. An area's verdict is shown but never fails,
 * as in a run. */
bool compare_b_missed(const struct compare *c);

/* "line", "grade", "deferrable", "area", "force", "pool", "role",
 * "total": the CSV section and the word the table uses. */
const char *compare_kind_name(enum compare_kind k);

#endif
