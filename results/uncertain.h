/* uncertain.h: the words a table prints under an "uncertain" verdict —
 * how far the interval reaches either side of the goal, and roughly how
 * many replications would settle it (sim/ci.h's ci_settle_n, an estimate
 * from the half-width shrinking as 1/sqrt(replications)).
 *
 * Agreements are fractions (a service level, attended within target), so
 * the words speak of percentages and points. Nothing is printed here:
 * the writers place the two texts in their own layout. */
#ifndef RESULTS_UNCERTAIN_H
#define RESULTS_UNCERTAIN_H

#include <stddef.h>
#include <stdio.h>

#include "sim/ci.h"

/* Room for either text, with its NUL. */
#define UNCERTAIN_TEXT_MAX 160

/* The most replications a run allows (run.replications). */
#define UNCERTAIN_REPLICATIONS_MAX 1000000.0

/* Why: "interval [88.20%, 91.40%] straddles the goal 90%: 1.80
 * points below it, 1.40 above", or, measured in fewer than two replications,
 * "measured in fewer than two replications, so no interval". */
void uncertain_why(char buf[UNCERTAIN_TEXT_MAX], const struct ci *c,
		   double goal);
/* What would settle it, for an interval at SUMMARY_LEVEL: "about 41
 * replications (an estimate from the spread so far)", or why no number would. */
void uncertain_settle(char buf[UNCERTAIN_TEXT_MAX], const struct ci *c,
		      double goal);

/* Both, as two lines "INDENTwhy uncertain: ..." and "INDENTto settle it:
 * ...", for tables whose verdict is a column. */
void uncertain_write(FILE *f, const char *indent, const struct ci *c,
		     double goal);

#endif
