/* duplicate.h: duplicate calls — answered calls about an incident already
 * reported (a crash on a motorway, a fight in a street bring several
 * calls) — and what each line's answered calls became.
 *
 * A line's `duplicate` share d is the probability that one of its answered
 * calls concerns an incident already reported. Such a call takes its
 * handle time and wrap-up like any call, but creates no new incident: it
 * never reaches the grade draw. The other calls (a share 1 - d) are first
 * reports and are drawn as before: incident of grade g with the line's
 * incidents[g], none with the rest. So incidents[g] is a probability per
 * first report, and a line's incidents follow (1 - d) of its answered
 * calls: raising d with the same calls means fewer incidents. (A
 * calibration that measured incidents per answered call, duplicates
 * included, divides its incidents by 1 - d to keep them.)
 *
 * Both draws are one: the line's outcome table (duplicate_mix) holds each
 * grade with incidents[g] (1 - d), "none" with the rest times (1 - d) and,
 * only when d > 0, "duplicate" with d, drawn once per call from the
 * response's grade stream. A line without duplicates has the table it had
 * before, so its draws, and every figure, are as they were.
 *
 * The tallies count each counted answered call (offered in the counted
 * period, as the line's answered calls are) by its outcome when its talk
 * time ends, so answered = incidents created + duplicates + resolved on
 * the call in every replication. */
#ifndef MODELS_DUPLICATE_H
#define MODELS_DUPLICATE_H

#include <stdbool.h>
#include <stddef.h>
#include <gsl/gsl_randist.h>

#include "models/replication.h"
#include "models/scenario.h"

/* The outcome of an answered call: a grade g < n_grades (an incident),
 * or one of these, counted from n_grades. */
enum duplicate_outcome {
	DUPLICATE_NONE,        /* resolved on the call: n_grades */
	DUPLICATE_CALL,        /* about an incident already reported */
	DUPLICATE_OUTCOMES
};

/* One replication's tallies: each line's counted answered calls by
 * outcome, [line][n_grades + DUPLICATE_OUTCOMES]. */
struct duplicate {
	size_t stride;         /* outcomes a line: n_grades + 2 */
	size_t n_lines, n_grades;
	double count[];
};

/* Whether any line of sc has a duplicate share above 0. */
bool duplicate_wanted(const struct scenario *sc);
/* Line l's outcome table (see above); NULL when out of memory. */
gsl_ran_discrete_t *duplicate_mix(const struct scenario *sc, size_t l);
/* Zeroed tallies for sc; NULL when out of memory. */
struct duplicate *duplicate_new(const struct scenario *sc);
/* NULL is a no-op. */
void duplicate_free(struct duplicate *d);

/* A call of line l drew `outcome` from duplicate_mix (a grade, or
 * n_grades + enum duplicate_outcome); counted: 1 when the call was. */
static inline void duplicate_count(struct duplicate *d, size_t l,
				   size_t outcome, unsigned counted)
{
	d->count[l * d->stride + outcome] += counted;
}

/* Whether a drawn outcome is an incident's grade. */
static inline bool duplicate_is_incident(const struct duplicate *d,
					 size_t outcome)
{
	return outcome < d->n_grades;
}

/* Each line's outcome figures (CC_INCIDENTS_CREATED, CC_DUPLICATES,
 * CC_RESOLVED, CC_CALLS_PER_INCIDENT) into its line block of out. */
void duplicate_figures(const struct duplicate *d,
		       struct replication_result *out);

#endif
