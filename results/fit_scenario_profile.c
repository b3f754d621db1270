/* fit_scenario_profile.c: a fitted line's profile, 168 hourly or 672
 * quarter-hourly factors, with the comment saying which and why
 * (fit_scenario.h, models/fit_quarter.h). */
#include "results/fit_scenario.h"

/* Which profile was written, and what chose it. */
static void fit_scenario_profile_choice(FILE *f, const struct fit_quarter *fq)
{
	const char *what = fq->slots == 168 ? "168 hours" : "672 quarter-hours";
	char why[256];

	fit_quarter_shortfall(fq, ";\n    #   ", why, sizeof why);
	if (fq->mode == FIT_QUARTER_AUTO && fq->supported)
		fprintf(f, "    # profile: %s (--profile auto): the data support "
			"them\n", what);
	else if (fq->mode == FIT_QUARTER_AUTO)
		fprintf(f, "    # profile: %s (--profile auto): not 672 "
			"quarter-hours, with\n    #   %s\n", what, why);
	else if (fq->supported)
		fprintf(f, "    # profile: %s as --profile %s asks; the data "
			"support\n    #   672 quarter-hours\n", what,
			fq->slots == 168 ? "hour" : "quarter");
	else
		fprintf(f, "    # profile: %s as --profile %s asks; the data do "
			"not support\n    #   672 quarter-hours, with\n    #   "
			"%s\n", what, fq->slots == 168 ? "hour" : "quarter", why);
}

/* The test behind the choice: the quarters' calls against an even split
 * within each hour, and the calls a quarter-hour. */
static void fit_scenario_profile_test(FILE *f, const struct fit_quarter *fq)
{
	char pt[32];

	fit_quarter_p_text(fq->p, pt, sizeof pt);
	fprintf(f, "    # fitted: quarter-hours against hours, LR = %.1f on %d "
		"df, %s;\n    #   from ", fq->lr, fq->df, pt);
	fit_scenario_count(f, fq->n);
	fprintf(f, " calls, %.1f a quarter-hour\n",
		fq->n / FIT_QUARTER_SLOTS);
}

/* n factors, 24 to a row (a day of hours, or six hours of quarters). */
static void fit_scenario_profile_values(FILE *f, const double *x, int n)
{
	fputs("    profile: [\n", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%.3f%s", i % 24 == 0 ? "      " : "", x[i],
			i + 1 == n ? "\n" : i % 24 == 23 ? ",\n" : ", ");
	fputs("    ]\n", f);
}

void fit_scenario_profile(FILE *f, const struct fit_line *fl)
{
	const struct fit_quarter *fq = &fl->quarter;

	fit_scenario_profile_choice(f, fq);
	fit_scenario_profile_test(f, fq);
	if (fq->slots == FIT_QUARTER_SLOTS) {
		fputs("    # fitted: calls in each quarter-hour of the week (Monday "
		      "00:00-00:15 first)\n    # over the hours observed of it "
		      "(with the months, when fitted), relative\n    # to the "
		      "mean (1 where an hour was never observed)\n", f);
		fit_scenario_profile_values(f, fq->profile, FIT_QUARTER_SLOTS);
		return;
	}
	fputs("    # fitted: calls in each hour of the week (Monday 00:00 "
	      "first) over the hours\n    # observed of it (with the months, "
	      "when fitted), relative to the mean\n    # (1 where an hour was "
	      "never observed)\n", f);
	fit_scenario_profile_values(f, fl->profile, 168);
}
