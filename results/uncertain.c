/* uncertain.c: the explanation of an uncertain verdict (see uncertain.h). */
#include "results/uncertain.h"

#include <math.h>
#include <stdio.h>

#include "results/summary.h"

void uncertain_why(char buf[UNCERTAIN_TEXT_MAX], const struct ci *c,
		   double goal)
{
	if (c->n < 2 || !isfinite(c->lo) || !isfinite(c->hi)) {
		snprintf(buf, UNCERTAIN_TEXT_MAX, "measured in fewer than two "
			 "replications, so no interval");
		return;
	}
	snprintf(buf, UNCERTAIN_TEXT_MAX, "interval [%.2f%%, %.2f%%] straddles "
		 "the goal %.4g%%: %.2f points below it, %.2f above",
		 100 * c->lo, 100 * c->hi, 100 * goal,
		 100 * fmax(goal - c->lo, 0), 100 * fmax(c->hi - goal, 0));
}

void uncertain_settle(char buf[UNCERTAIN_TEXT_MAX], const struct ci *c,
		      double goal)
{
	double n = ci_settle_n(*c, goal, SUMMARY_LEVEL);

	if (isnan(n))
		snprintf(buf, UNCERTAIN_TEXT_MAX, "more replications: at least "
			 "two must measure it");
	else if (isinf(n))
		snprintf(buf, UNCERTAIN_TEXT_MAX, "no number of replications: "
			 "the mean is on the goal");
	else if (n > UNCERTAIN_REPLICATIONS_MAX)
		snprintf(buf, UNCERTAIN_TEXT_MAX, "more than %.0f replications "
			 "(the most a run allows): the mean is %.2f points from "
			 "the goal", UNCERTAIN_REPLICATIONS_MAX,
			 100 * fabs(c->mean - goal));
	else
		snprintf(buf, UNCERTAIN_TEXT_MAX, "about %.0f replications (an "
			 "estimate from the spread so far)",
			 n);
}

void uncertain_write(FILE *f, const char *indent, const struct ci *c,
		     double goal)
{
	char text[UNCERTAIN_TEXT_MAX];

	uncertain_why(text, c, goal);
	fprintf(f, "%swhy uncertain: %s\n", indent, text);
	uncertain_settle(text, c, goal);
	fprintf(f, "%sto settle it: %s\n", indent, text);
}
