/* fit_scenario.c: writing a fitted scenario as YAML with a comment on
 * each fitted value (fit_scenario.h). */
#include "results/fit_scenario.h"

#include <math.h>
#include <string.h>

#include "models/fit_redial.h"
#include "models/log_time.h"

/* A count with thousands separators: 52,113. */
void fit_scenario_count(FILE *f, double x)
{
	char digits[64];
	size_t n, lead;

	snprintf(digits, sizeof digits, "%.0f", fabs(x));
	n = strlen(digits);
	lead = n % 3 ? n % 3 : 3;
	fwrite(digits, 1, lead, f);
	for (size_t i = lead; i < n; i += 3)
		fprintf(f, ",%.3s", digits + i);
}

/* A name as a double-quoted YAML scalar. */
void fit_scenario_name(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* A local date and time of an instant, "2025-03-24 12:00". */
static void fit_scenario_when(FILE *f, double utc_s)
{
	int y, m, d, wd;
	double sod;

	log_time_local(utc_s, &y, &m, &d, &sod, &wd);
	fprintf(f, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(sod / 3600),
		(int)fmod(sod / 60, 60));
}

/* The opening comment and the run section. */
static void fit_scenario_head(FILE *f, const struct call_log *log,
			      const struct fit_calls *fc,
			      const struct fit_scenario_opts *o)
{
	double warm = fc->period_from_s / 3600;

	fputs("# Fitted by callsim fit from ", f);
	fputs(o->source, f);
	fputs(": ", f);
	fit_scenario_count(f, (double)fc->n_calls);
	fputs(" calls of ", f);
	fit_scenario_count(f, (double)log->n_read);
	fputs(" rows (", f);
	fit_scenario_count(f, (double)log->n_uncounted);
	fputs(" not counted, ", f);
	fit_scenario_count(f, (double)log->n_bad);
	fputs(" skipped as bad),\n# from ", f);
	fit_scenario_when(f, fc->origin_utc + fc->period_from_s);
	fputs(" to ", f);
	fit_scenario_when(f, fc->origin_utc + fc->period_to_s);
	fprintf(f, " local time: %.0f hours observed, %zu gap%s left out.\n"
		"# See docs/fit.md for how each figure is estimated.\n",
		fc->hours_observed, log->n_gaps, log->n_gaps == 1 ? "" : "s");
	fputs("name: ", f);
	fit_scenario_name(f, o->source);
	fprintf(f, "\nrun: {start_date: \"%04d-%02d-%02d\", warmup_hours: %.0f, "
		"days: %.6g, replications: %d, seed: %llu}   # the period of "
		"the log, from the day of its first call\n",
		fc->start_year, fc->start_month, fc->start_mday, warm,
		(fc->period_to_s - fc->period_from_s) / 86400,
		o->replications, o->seed);
}

/* The volume and the profile of line fl. */
static void fit_scenario_demand(FILE *f, const struct fit_line *fl,
				const struct fit_calls *fc)
{
	fprintf(f, "    volume: {per_year: %.0f}   # fitted: n = ", fl->per_year);
	fit_scenario_count(f, (double)(fl->n_calls - fl->n_redials));
	fprintf(f, " calls in %.0f hours observed\n", fc->hours_observed);
	if (fl->n_redials > 0) {
		fputs("    # (and ", f);
		fit_scenario_count(f, (double)fl->n_redials);
		fputs(" redials, left out of the volume: the fitted redial "
		      "brings them)\n", f);
	}
	fit_scenario_profile(f, fl);
}

/* The month factors of line fl, when two months or more were observed. */
static void fit_scenario_months(FILE *f, const struct fit_line *fl)
{
	static const char *const names[12] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec"
	};
	const char *sep = "";

	if (!fl->has_months)
		return;
	fputs("    months: {", f);
	for (int m = 0; m < 12; m++)
		if (fl->month[m] != 1) {
			fprintf(f, "%s%s: %.3f", sep, names[m], fl->month[m]);
			sep = ", ";
		}
	fputs("}   # fitted: each month's rate over the mean rate, with the "
	      "profile\n", f);
}

/* A fitted distribution as a scenario's flow mapping. */
static void fit_scenario_dist(FILE *f, const struct fit_result *r)
{
	if (r->family == FIT_EXPONENTIAL)
		fprintf(f, "{dist: exponential, mean: %.5g}", r->mean);
	else if (r->family == FIT_WEIBULL)
		fprintf(f, "{dist: weibull, shape: %.5g, scale: %.5g}",
			r->shape, r->scale);
	else
		fprintf(f, "{dist: %s, mean: %.5g, sd: %.5g}",
			fit_family_name(r->family), r->mean, r->sd);
}

/* A family set aside: its AIC and mean when it has them, and why. */
static void fit_scenario_aside(FILE *f, const struct fit_result *r)
{
	char why[160];

	if (r->ok) {
		fputs("AIC ", f);
		fit_scenario_count(f, r->aic);
		fputs(", ", f);
	}
	fprintf(f, "set aside: %s\n",
		fit_distribution_aside_text(r, why, sizeof why));
}

/* One comment line a family: its AIC, mean and sd with their 95%
 * intervals, the best marked; or, set aside, why. */
static void fit_scenario_families(FILE *f, const struct fit_result *fits,
				  int n, int best)
{
	for (int i = 0; i < n; i++) {
		const struct fit_result *r = &fits[i];

		fprintf(f, "    #   %-11s ", fit_family_name(r->family));
		if (r->aside != FIT_ELIGIBLE) {
			fit_scenario_aside(f, r);
			continue;
		}
		fputs("AIC ", f);
		fit_scenario_count(f, r->aic);
		fprintf(f, ", mean %.5g (95%% CI %.5g to %.5g) s, sd %.5g "
			"(%.5g to %.5g) s%s\n", r->mean, r->mean_lo, r->mean_hi,
			r->sd, r->sd_lo, r->sd_hi, i == best ? ", best" : "");
	}
	for (int i = 0; best >= 0 && i < n; i++)
		if (fits[i].aside == FIT_ELIGIBLE
		    && fits[i].aic < fits[best].aic) {
			fprintf(f, "    #   (within %.0f AIC points of the lowest, "
				"the family with fewer parameters is written)\n",
				FIT_AIC_NEAR);
			return;
		}
}

/* The empirical distribution of d, as equally likely values. */
static void fit_scenario_empirical(FILE *f, const char *key,
				   const struct fit_duration *d,
				   const char *what)
{
	fprintf(f, "    %s:   # fitted: n = ", key);
	fit_scenario_count(f, (double)d->n);
	fprintf(f, " %s, empirical (%d quantiles)\n      dist: empirical\n"
		"      values: [\n", what, FIT_CALLS_QUANTILES);
	for (int i = 0; i < FIT_CALLS_QUANTILES; i++)
		fprintf(f, "%s%.6g%s", i % 10 == 0 ? "        " : "",
			d->quantiles[i], i + 1 == FIT_CALLS_QUANTILES ? "\n"
			: i % 10 == 9 ? ",\n" : ", ");
	fputs("      ]\n", f);
}

/* A fitted duration (key) of a line or grade, d, from n `what`. */
void fit_scenario_duration(FILE *f, const char *key,
			   const struct fit_duration *d, const char *what)
{
	const struct fit_result *b = d->best >= 0 ? &d->fits[d->best] : NULL;

	if (d->n == 0 || d->all_zero)
		return;
	if (!b && !d->empirical) {
		fprintf(f, "    # %s: not fitted: %zu %s, a fit needs 2 at "
			"least\n", key, d->n, what);
		return;
	}
	fprintf(f, "    # %s: maximum likelihood, the best by AIC of\n", key);
	fit_scenario_families(f, d->fits, FIT_FAMILIES, d->best);
	if (d->empirical) {
		if (b)
			fprintf(f, "    #   the best family's KS distance %.3f "
				"is above %.3f (the larger of 0.03 and "
				"1.36/sqrt(n)): the data's own distribution "
				"instead\n", b->ks, d->ks_max);
		else
			fputs("    #   no family is eligible: the data's own "
			      "distribution instead\n", f);
		fit_scenario_empirical(f, key, d, what);
		return;
	}
	fprintf(f, "    %s: ", key);
	fit_scenario_dist(f, b);
	fputs("   # fitted: n = ", f);
	fit_scenario_count(f, (double)d->n);
	fprintf(f, " %s, KS = %.3f\n", what, b->ks);
}

/* Kaplan-Meier's S(t) against the fit's at a few times observed. */
static void fit_scenario_km(FILE *f, const struct fit_patience *p,
			    const struct fit_result *b)
{
	static const double at[] = { 5, 10, 20, 30, 60, 120, 300, 600, 1200,
				     1800, 3600 };
	const char *sep = "    #   Kaplan-Meier S(t), fit's in brackets: ";

	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		if (at[i] > p->km.t_max)
			break;
		fprintf(f, "%sS(%.0f s) = %.3f (%.3f)", sep, at[i],
			kaplan_meier_survival(&p->km, at[i]),
			1 - fit_distribution_cdf(b, at[i]));
		sep = ", ";
	}
	if (sep[0] == ',')
		fputc('\n', f);
}

/* Patience of a line. */
static void fit_scenario_patience(FILE *f, const struct fit_patience *p)
{
	const struct fit_result *b = p->best >= 0 ? &p->fits[p->best] : NULL;

	if (!b && p->n_abandoned < 2) {
		fprintf(f, "    # patience: not fitted: %zu of %zu callers hung "
			"up, too few; here callers never hang up\n",
			p->n_abandoned, p->n);
		return;
	}
	if (!b) {
		fprintf(f, "    # patience: not fitted: of the families fitted "
			"to %zu waits (%zu abandoned)\n", p->n,
			p->n_abandoned);
		fit_scenario_families(f, p->fits, FIT_PATIENCE_FAMILIES, -1);
		fputs("    #   none is eligible: as with too few callers "
		      "hung up, here callers never hang up\n", f);
		return;
	}
	fputs("    # patience: censored maximum likelihood (an answered "
	      "call censors its caller's\n    #   patience at its wait), "
	      "the best by AIC of\n", f);
	fit_scenario_families(f, p->fits, FIT_PATIENCE_FAMILIES, p->best);
	fit_scenario_km(f, p, b);
	fprintf(f, "    #   beyond the longest wait observed, %.1f s, the data "
		"say nothing: the tail there\n    #   is the fitted %s's\n",
		p->longest_wait, fit_family_name(b->family));
	fputs("    patience: ", f);
	fit_scenario_dist(f, b);
	fputs("   # fitted: n = ", f);
	fit_scenario_count(f, (double)p->n);
	fputs(" waits, ", f);
	fit_scenario_count(f, (double)p->n_abandoned);
	fputs(" abandoned\n", f);
}

/* The redial delay of r, a flow mapping under `redial`. */
static void fit_scenario_redial_delay(FILE *f, const struct fit_redial *r)
{
	const struct fit_duration *d = &r->delay;

	if (d->empirical) {
		fputs("      delay: {dist: empirical, values: [", f);
		for (int i = 0; i < FIT_CALLS_QUANTILES; i++)
			fprintf(f, "%s%.6g", i == 0 ? "" : i % 10 ? ", "
				: ",\n        ", d->quantiles[i]);
		fputs("]}", f);
	} else if (d->best >= 0) {
		fputs("      delay: ", f);
		fit_scenario_dist(f, &d->fits[d->best]);
	} else {
		fputs("      delay: {dist: deterministic, value: 0}", f);
	}
	fputs("   # fitted: n = ", f);
	fit_scenario_count(f, (double)d->n);
	if (d->best >= 0)
		fprintf(f, " redials, KS = %.3f%s\n", d->fits[d->best].ks,
			d->empirical ? ", empirical" : "");
	else if (d->empirical)
		fputs(" redials, no family eligible, empirical\n", f);
	else
		fputs(d->all_zero ? " redials, all at once\n"
		      : " redial, too few to fit\n", f);
}

/* A line's redials, when the log names its callers. */
static void fit_scenario_redial(FILE *f, const struct fit_redial *r)
{
	if (!r->has)
		return;
	fprintf(f, "    # redial: of %zu abandoned calls, the %zu that ended "
		"%.1f s (the longest\n    #   delay seen) or more before the "
		"log's last call; redialled when the\n    #   caller's next call "
		"is a redial\n", r->abandoned, r->trials, r->guard_s);
	if (r->redials == 0) {
		fputs("    #   none redialled: no redial written\n", f);
		return;
	}
	/* The families are listed whenever they were fitted, so that a
	 * delay with none eligible says why for each. */
	if (r->delay.best >= 0 || r->delay.empirical)
		fit_scenario_families(f, r->delay.fits, FIT_FAMILIES,
				      r->delay.best);
	if (r->delay.best < 0 && r->delay.empirical)
		fputs("    #   no family is eligible (each is set aside above, "
		      "with why): the data's own\n    #   distribution "
		      "instead\n", f);
	fprintf(f, "    redial:\n      probability: %.6g   # fitted: %zu of "
		"%zu redialled (95%% CI %.3f to %.3f)%s\n",
		fmin(r->p, 0.999), r->redials, r->trials, r->p_lo, r->p_hi,
		r->p > 0.999 ? "; at most 0.999 (a caller who always redials "
		"never leaves)" : "");
	fit_scenario_redial_delay(f, r);
}

/* A line's duplicate share, when the log marks duplicate calls: written
 * when the scenario has grades (a duplicate is a call that creates no
 * incident; the scenario needs incidents to mean that), else said. */
static void fit_scenario_duplicate(FILE *f, const struct fit_line *fl,
				   const struct fit_scenario_opts *o)
{
	double lo, hi, p;

	if (!o->has_duplicate || fl->n_answered == 0)
		return;
	p = (double)fl->n_duplicates / (double)fl->n_answered;
	fit_redial_wilson(fl->n_duplicates, fl->n_answered, &lo, &hi);
	if (fl->n_duplicates == 0) {
		fprintf(f, "    # duplicate: none of %zu answered calls marked "
			"duplicate: none written\n", fl->n_answered);
	} else if (o->incidents) {
		fprintf(f, "    duplicate: %.6g   # fitted: %zu of %zu answered "
			"calls marked duplicate (95%% CI %.4f to %.4f)\n",
			fmin(p, 0.999), fl->n_duplicates, fl->n_answered, lo, hi);
	} else {
		fprintf(f, "    # duplicate: %zu of %zu answered calls marked "
			"duplicate (%.4f, 95%% CI %.4f to %.4f);\n    #   not "
			"written: a duplicate share needs grades (--incidents)\n",
			fl->n_duplicates, fl->n_answered, p, lo, hi);
	}
}

/* One line of the scenario. */
static void fit_scenario_line(FILE *f, const struct call_log *log, int l,
			      const struct fit_calls *fc,
			      const struct fit_scenario_opts *o)
{
	const struct fit_line *fl = &fc->lines[l];

	fputs("  - name: ", f);
	fit_scenario_name(f, log->lines[l]);
	fputc('\n', f);
	fit_scenario_demand(f, fl, fc);
	fit_scenario_months(f, fl);
	fit_scenario_patience(f, &fl->patience);
	fit_scenario_redial(f, &fl->redial);
	fit_scenario_duration(f, "handle", &fl->handle, "calls");
	fit_scenario_duration(f, "wrap", &fl->wrap, "calls");
	fprintf(f, "    answer: {within_s: %.6g}   # not in the log: "
		"--answer-within\n", o->answer_within_s);
	if (o->incidents)
		fit_scenario_incidents_line(f, o, l);
	fit_scenario_duplicate(f, fl, o);
}

/* The shifts of a pool: one for each run of hours of the day with the
 * same staff. */
static void fit_scenario_shifts(FILE *f, const struct fit_pool *p)
{
	int h = 0;

	fputs("    shifts:\n", f);
	while (h < 24) {
		int e = h;

		while (e < 24 && p->staff[e] == p->staff[h])
			e++;
		fprintf(f, "      - {name: h%02d, start: \"%02d:00\", hours: %d, "
			"staff: %d}\n", h, h, e - h, p->staff[h]);
		h = e;
	}
}

/* One pool of the scenario. */
static void fit_scenario_pool(FILE *f, const struct call_log *log, int p,
			      const struct fit_calls *fc)
{
	const struct fit_pool *fp = &fc->pools[p];
	const char *sep = "";

	fputs("  - name: ", f);
	fit_scenario_name(f, p < log->n_pools ? log->pools[p] : "handlers");
	fputs("\n    serves: [", f);
	for (int l = 0; l < fc->n_lines; l++)
		if (fp->serves & (1ULL << l)) {
			fputs(sep, f);
			fit_scenario_name(f, log->lines[l]);
			sep = ", ";
		}
	fputs("]\n    shrinkage: 0   # the log shows handlers at work, "
	      "not the roster behind them\n    # fitted: ", f);
	if (fc->staff_from_handlers)
		fputs("in each hour of the day, the most handlers seen "
		      "answering within one\n    #   such hour of the log, from ", f);
	else
		fputs("the most calls in talk or wrap-up at once in each hour of "
		      "the day\n    #   (the log numbers no handler), from ", f);
	fit_scenario_count(f, (double)fp->n_answered);
	fputs(" calls answered: who was on duty where all of them "
	      "answered\n", f);
	fit_scenario_shifts(f, fp);
}

int fit_scenario_write(FILE *f, const struct call_log *log,
		       const struct fit_calls *fc,
		       const struct fit_scenario_opts *o)
{
	fit_scenario_head(f, log, fc, o);
	fputs("lines:\n", f);
	for (int l = 0; l < fc->n_lines; l++)
		fit_scenario_line(f, log, l, fc, o);
	fputs("pools:\n", f);
	for (int p = 0; p < fc->n_pools; p++)
		if (fc->pools[p].n_answered > 0)
			fit_scenario_pool(f, log, p, fc);
	if (o->incidents)
		fit_scenario_incidents_write(f, o);
	return ferror(f) ? -1 : 0;
}
