/* report_fit.c: a fit as JSON for its page (report_fit.h). */
#include "results/report_fit.h"

#include <math.h>

#include "callsim_config.h"
#include "results/emit.h"

/* The command line, from "callsim" on, or null. */
static void report_fit_command(struct emit_json *w,
			       const struct report_fit_source *src)
{
	emit_json_key(w, "command");
	if (src->command == NULL) {
		fputs("null", w->f);
		return;
	}
	emit_json_open_flat(w, '[');
	emit_json_next(w);
	emit_json_string(w->f, "callsim");
	for (size_t i = 0; i < src->n_command; i++) {
		emit_json_next(w);
		emit_json_string(w->f, src->command[i]);
	}
	emit_json_close(w, ']');
}

/* The families of fits set aside, each with why, as "set_aside". */
static void report_fit_set_aside(struct emit_json *w,
				 const struct fit_result *fits, int n)
{
	char why[160];

	emit_json_key(w, "set_aside");
	emit_json_open(w, '[');
	for (int i = 0; i < n; i++) {
		if (fits[i].aside == FIT_ELIGIBLE)
			continue;
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_string(w, "family",
				     fit_family_name(fits[i].family));
		emit_json_key_string(w, "why", fit_distribution_aside_text(
					     &fits[i], why, sizeof why));
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* Handle or wrap-up: each quantile of the data and the fitted family's
 * distribution function there; null when nothing was fitted. */
static void report_fit_duration(struct emit_json *w, const char *key,
				const struct fit_duration *d)
{
	const struct fit_result *r;

	emit_json_key(w, key);
	if (d->best < 0) {
		fputs("null", w->f);
		return;
	}
	r = &d->fits[d->best];
	emit_json_open(w, '{');
	emit_json_key_number(w, "n", (double)d->n);
	emit_json_key_string(w, "family", fit_family_name(r->family));
	emit_json_key_number(w, "ks", r->ks);
	emit_json_key_bool(w, "empirical", d->empirical);
	emit_json_key_number(w, "ks_max", d->ks_max);
	report_fit_set_aside(w, d->fits, FIT_FAMILIES);
	emit_json_key(w, "points");
	emit_json_open(w, '[');
	for (int i = 0; i < FIT_CALLS_QUANTILES; i++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_number(w, "p", (i + 0.5) / FIT_CALLS_QUANTILES);
		emit_json_key_number(w, "x", d->quantiles[i]);
		emit_json_key_number(w, "fitted",
				     fit_distribution_cdf(r, d->quantiles[i]));
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* One step of the survival curve: its time, the estimate and its 95%
 * interval (Greenwood, clipped to [0, 1]) and the fitted survival. */
static void report_fit_step(struct emit_json *w, const struct fit_patience *p,
			    size_t j)
{
	const struct kaplan_meier *km = &p->km;

	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "t", km->t[j]);
	emit_json_key_number(w, "km", km->s[j]);
	emit_json_key_number(w, "km_low", fmax(0, km->s[j] - 1.96 * km->se[j]));
	emit_json_key_number(w, "km_high", fmin(1, km->s[j] + 1.96 * km->se[j]));
	emit_json_key_number(w, "fitted", p->best < 0 ? NAN
			     : 1 - fit_distribution_cdf(&p->fits[p->best],
							km->t[j]));
	emit_json_close(w, '}');
}

/* Patience: the Kaplan-Meier steps (at most REPORT_FIT_KM_POINTS of
 * them, evenly among the steps) against the fitted survival. */
static void report_fit_patience(struct emit_json *w,
				const struct fit_patience *p)
{
	size_t n = p->km.n_steps, shown = n < REPORT_FIT_KM_POINTS ? n
		: REPORT_FIT_KM_POINTS;

	emit_json_key(w, "patience");
	emit_json_open(w, '{');
	emit_json_key_number(w, "n", (double)p->n);
	emit_json_key_number(w, "abandoned", (double)p->n_abandoned);
	emit_json_key_string_or_null(w, "family", p->best < 0 ? NULL
				     : fit_family_name(p->fits[p->best].family));
	emit_json_key_number(w, "longest_wait_s", p->longest_wait);
	report_fit_set_aside(w, p->fits, p->n_abandoned < 2 ? 0
			     : FIT_PATIENCE_FAMILIES);
	emit_json_key(w, "points");
	emit_json_open(w, '[');
	for (size_t k = 0; k < shown; k++)
		report_fit_step(w, p, shown < n ? k * n / shown : k);
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

int report_fit_json(FILE *f, const struct call_log *log,
		    const struct fit_calls *fc,
		    const struct report_fit_source *src)
{
	struct emit_json w = { .f = f };

	emit_json_open(&w, '{');
	emit_json_key_string(&w, "schema", REPORT_FIT_SCHEMA);
	emit_json_key_number(&w, "schema_version", REPORT_FIT_SCHEMA_VERSION);
	emit_json_key_string(&w, "callsim_version", CALLSIM_VERSION);
	report_fit_command(&w, src);
	emit_json_key_string(&w, "calls_log", src->log_path);
	emit_json_key_number(&w, "calls", (double)fc->n_calls);
	emit_json_key(&w, "lines");
	emit_json_open(&w, '[');
	for (int l = 0; l < fc->n_lines; l++) {
		const struct fit_line *fl = &fc->lines[l];

		emit_json_next(&w);
		emit_json_open(&w, '{');
		emit_json_key_string(&w, "name", log->lines[l]);
		emit_json_key_number(&w, "calls", (double)fl->n_calls);
		report_fit_duration(&w, "handle", &fl->handle);
		report_fit_duration(&w, "wrap", &fl->wrap);
		report_fit_patience(&w, &fl->patience);
		emit_json_close(&w, '}');
	}
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	fputc('\n', f);
	return ferror(f) ? -1 : 0;
}
