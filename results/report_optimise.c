/* report_optimise.c: the handlers `callsim optimise` found, as a table,
 * CSV or JSON (see report_optimise.h). */
#include "results/report_optimise.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "callsim_config.h"
#include "models/agreement.h"
#include "models/demand.h"
#include "models/roster.h"
#include "models/scenario_rota.h"
#include "models/week.h"
#include "results/emit.h"
#include "results/report_json.h"
#include "results/uncertain.h"

/* Handlers on duty (after shrinkage) the plan asks of pool p in hour h. */
static int report_optimise_on_duty(const struct report_optimise *x, size_t p,
				   size_t h)
{
	return x->plan->on_duty[p * HOURS_PER_WEEK + h];
}

/* Handlers to roster in pool p in hour h for that many on duty. */
static int report_optimise_rostered(const struct report_optimise *x,
				    size_t p, size_t h)
{
	return optimise_rostered(report_optimise_on_duty(x, p, h),
				 x->s->sc->pools[p].shrinkage);
}

/* Rostered person-hours a week of any pool, from its FTE. */
static double report_optimise_pool_hours(const struct pool_spec *p)
{
	return scenario_pool_fte(p) * p->hours_per_week;
}

/* A line is met when it has no goal or its verdict says so. */
static bool report_optimise_line_met(const struct summary_line *sl)
{
	return !sl->has_goal || sl->verdict == CI_MET;
}

/* So is a stream of deferrable work. */
static bool report_optimise_stream_met(const struct summary_deferrable *sd)
{
	return !sd->has_goal || sd->verdict == CI_MET;
}

/* Whether f failed; fills err when it did. */
static enum sim_status report_optimise_end(FILE *f, struct sim_err *err)
{
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the output failed");
	return SIM_OK;
}

/* Under a line whose agreement is met period by period, the share of
 * periods met that its verdict is of, and what it must reach. */
static void report_optimise_periods(FILE *f, const struct summary *s,
				    size_t l)
{
	const struct line_spec *ls = &s->sc->lines[l];
	const struct ci *c = &s->lines[l].periods_met;

	if (ls->per == AGREEMENT_HORIZON || !s->lines[l].has_goal)
		return;
	fprintf(f, "%-16s %s met %.2f%% [%.2f, %.2f], on at least %.4g%%\n",
		"", agreement_plural(ls->per), 100 * c->mean, 100 * c->lo,
		100 * c->hi, 100 * ls->on_at_least);
}

/* Each deferrable stream's goal, share taken within its target and
 * verdict, under the lines: the search meets them as it meets the lines'
 * (nothing without deferrable work). */
static void report_optimise_streams(FILE *f, const struct summary *s,
				    bool explain)
{
	const struct scenario *sc = s->sc;

	if (s->n_deferrable > 0)
		fprintf(f, "\n%-16s %-14s %-28s %s\n", "deferrable", "goal",
			"within target", "verdict");
	for (size_t i = 0; i < s->n_deferrable; i++) {
		const struct line_spec *w = &sc->deferrable[i].work;
		const struct summary_deferrable *sd = &s->deferrable[i];
		const struct ci *c = &sd->m[DF_WITHIN_TARGET];
		char goal[32] = "-", wt[64];

		if (sd->has_goal)
			snprintf(goal, sizeof goal, "%.4g%% in %.4g h",
				 100 * w->goal, w->target_s / 3600.0);
		snprintf(wt, sizeof wt, "%.2f%% [%.2f, %.2f]", 100 * c->mean,
			 100 * c->lo, 100 * c->hi);
		fprintf(f, "%-16s %-14s %-28s %s\n", w->name, goal, wt,
			sd->has_goal ? ci_verdict_name(sd->verdict) : "-");
		if (explain && sd->has_goal && sd->verdict == CI_UNCERTAIN)
			uncertain_write(f, "                 ", c, w->goal);
	}
}

/* Each line's goal, service level and verdict; with explain, the reason
 * under an uncertain verdict and how many replications would settle it. */
void report_optimise_lines(FILE *f, const struct summary *s, bool explain)
{
	const struct scenario *sc = s->sc;

	fprintf(f, "%-16s %-14s %-28s %s\n", "line", "goal", "service level",
		"verdict");
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct ci *c = &s->lines[l].m[CC_SERVICE_LEVEL];
		char goal[32] = "-", sl[64];

		if (s->lines[l].has_goal)
			snprintf(goal, sizeof goal, "%.4g%% in %.4g s",
				 100 * sc->lines[l].goal, sc->lines[l].target_s);
		snprintf(sl, sizeof sl, "%.2f%% [%.2f, %.2f]", 100 * c->mean,
			 100 * c->lo, 100 * c->hi);
		fprintf(f, "%-16s %-14s %-28s %s\n", sc->lines[l].name, goal, sl,
			s->lines[l].has_goal
			? ci_verdict_name(s->lines[l].verdict) : "-");
		report_optimise_periods(f, s, l);
		if (explain && s->lines[l].has_goal
		    && s->lines[l].verdict == CI_UNCERTAIN) {
			double g;

			c = summary_line_agreed(s, l, &g);
			uncertain_write(f, "                 ", c, g);
		}
	}
	report_optimise_streams(f, s, explain);
}

static void report_optimise_table_head(FILE *f, const struct report_optimise *x)
{
	const struct summary *s = x->s;
	const struct scenario *sc = s->sc;

	fprintf(f, "%s: staffing for every answering agreement\n", sc->name);
	report_optimise_count(f, x->sims, x->result_sim, s);
	if (x->why != NULL)   /* its first line: the limit that stopped it */
		fprintf(f, "not met: %.*s\n\n", (int)strcspn(x->why, "\n"),
			x->why);
	report_optimise_lines(f, s, true);
}

void report_optimise_count(FILE *f, unsigned long sims,
			   unsigned long result_sim, const struct summary *s)
{
	fprintf(f, "%lu simulation%s of %u replication%s (seed %" PRIu64 "); "
		"the result is simulation %lu\n\n", sims, sims == 1 ? "" : "s",
		s->replications, s->replications == 1 ? "" : "s", s->seed,
		result_sim);
}

/* One row of the costs table; money as people read it (models/currency.h). */
static void report_optimise_cost_row(FILE *f, const struct summary *s,
				     const char *name, const char *roster,
				     const char *hours, double fte, double cost)
{
	char money[CURRENCY_TEXT_MAX];

	currency_format(money, s->sc->currency, cost, 0);
	fprintf(f, "%-16s %-10s %14s %10.2f %*s\n", name, roster, hours, fte,
		currency_field(money, 14), money);
}

static void report_optimise_table_costs(FILE *f,
					const struct report_optimise *x)
{
	const struct summary *s = x->s;
	char hours[32];

	fprintf(f, "\n%-16s %-10s %14s %10s %14s\n", "pool", "roster",
		"hours a week", "FTE", "annual cost");
	for (size_t p = 0; p < s->sc->n_pools; p++) {
		const struct pool_spec *ps = &s->sc->pools[p];

		snprintf(hours, sizeof hours, "%.0f",
			 report_optimise_pool_hours(ps));
		report_optimise_cost_row(f, s, ps->name, x->plan->chosen[p]
					 ? "optimised" : "kept", hours,
					 s->pools[p].fte, s->pools[p].annual_cost);
	}
	report_optimise_cost_row(f, s, "pools", "", "", s->pools_fte,
				 s->pools_annual_cost);
	if (s->roles_fte > 0)
		report_optimise_cost_row(f, s, "with officers", "", "",
					 s->total_fte, s->total_annual_cost);
}

/* The heading of the hour-of-week table: the optimised pools, then the
 * lines with a goal. */
static void report_optimise_hours_head(FILE *f, const struct report_optimise *x)
{
	const struct scenario *sc = x->s->sc;

	fprintf(f, "\n%-10s", "hour");
	for (size_t p = 0; p < sc->n_pools; p++)
		if (x->plan->chosen[p])
			fprintf(f, " %22.22s", sc->pools[p].name);
	for (size_t l = 0; l < sc->n_lines; l++)
		if (x->s->lines[l].has_goal)
			fprintf(f, " %10.10s SL", sc->lines[l].name);
	fputc('\n', f);
}

/* One hour: on duty (rostered) per optimised pool, and the service level
 * of each line with a goal ("-" when the hour had no calls). */
static void report_optimise_hours_row(FILE *f, const struct report_optimise *x,
				      size_t h)
{
	const struct scenario *sc = x->s->sc;
	char label[SUMMARY_HOUR_LABEL_MAX];

	summary_hour_label(h, label);
	fprintf(f, "%-10s", label);
	for (size_t p = 0; p < sc->n_pools; p++)
		if (x->plan->chosen[p])
			fprintf(f, " %7d on duty (%3d)",
				report_optimise_on_duty(x, p, h),
				report_optimise_rostered(x, p, h));
	for (size_t l = 0; l < sc->n_lines; l++) {
		double sl = summary_iline(x->s, h, l, CC_I_SERVICE_LEVEL)->mean;

		if (!x->s->lines[l].has_goal)
			continue;
		if (isfinite(sl))
			fprintf(f, " %12.1f%%", 100 * sl);
		else
			fprintf(f, " %13s", "-");
	}
	fputc('\n', f);
}

enum sim_status report_optimise_table(FILE *f, const struct report_optimise *x,
				      struct sim_err *err)
{
	report_optimise_table_head(f, x);
	report_optimise_table_costs(f, x);
	report_optimise_hours_head(f, x);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		report_optimise_hours_row(f, x, h);
	fputs("\npools: handlers on duty after shrinkage (rostered)\n", f);
	return report_optimise_end(f, err);
}

/* The interval rows of hour h: each optimised pool's requirement, then
 * each line's service level. */
static void report_optimise_csv_hour(FILE *f, const struct report_optimise *x,
				     size_t h)
{
	const struct scenario *sc = x->s->sc;
	char label[SUMMARY_HOUR_LABEL_MAX];
	char name[SCENARIO_NAME_MAX + SUMMARY_HOUR_LABEL_MAX + 1];

	summary_hour_label(h, label);
	for (size_t p = 0; p < sc->n_pools; p++) {
		if (!x->plan->chosen[p])
			continue;
		snprintf(name, sizeof name, "%s@%s", sc->pools[p].name, label);
		emit_csv_key(f, "interval", name, "on_duty");
		emit_csv_exact(f, report_optimise_on_duty(x, p, h));
		emit_csv_key(f, "interval", name, "rostered");
		emit_csv_exact(f, report_optimise_rostered(x, p, h));
	}
	for (size_t l = 0; l < sc->n_lines; l++) {
		snprintf(name, sizeof name, "%s@%s", sc->lines[l].name, label);
		emit_csv_key(f, "interval", name, "service_level");
		emit_csv_ci(f, summary_iline(x->s, h, l, CC_I_SERVICE_LEVEL));
	}
}

/* The rows of each line, then each pool's costs and the totals. */
static void report_optimise_csv_lines(FILE *f, const struct summary *s)
{
	for (size_t l = 0; l < s->n_lines; l++) {
		const char *name = s->sc->lines[l].name;

		emit_csv_key(f, "line", name, "goal");
		emit_csv_exact(f, s->sc->lines[l].goal);
		emit_csv_key(f, "line", name, "service_level");
		emit_csv_ci(f, &s->lines[l].m[CC_SERVICE_LEVEL]);
		emit_csv_key(f, "line", name, "met");
		emit_csv_exact(f, report_optimise_line_met(&s->lines[l]));
	}
	for (size_t i = 0; i < s->n_deferrable; i++) {
		const char *name = s->sc->deferrable[i].work.name;

		emit_csv_key(f, "deferrable", name, "target_h");
		emit_csv_exact(f, s->sc->deferrable[i].work.target_s / 3600.0);
		emit_csv_key(f, "deferrable", name, "goal");
		emit_csv_exact(f, s->sc->deferrable[i].work.goal);
		emit_csv_key(f, "deferrable", name, "within_target");
		emit_csv_ci(f, &s->deferrable[i].m[DF_WITHIN_TARGET]);
		emit_csv_key(f, "deferrable", name, "met");
		emit_csv_exact(f, report_optimise_stream_met(&s->deferrable[i]));
	}
	for (size_t p = 0; p < s->n_pools; p++) {
		const char *name = s->sc->pools[p].name;

		emit_csv_key(f, "cost", name, "rostered_hours");
		emit_csv_exact(f, report_optimise_pool_hours(&s->sc->pools[p]));
		emit_csv_key(f, "cost", name, "fte");
		emit_csv_exact(f, s->pools[p].fte);
		emit_csv_key(f, "cost", name, "annual_cost");
		emit_csv_exact(f, s->pools[p].annual_cost);
	}
}

enum sim_status report_optimise_csv(FILE *f, const struct report_optimise *x,
				    struct sim_err *err)
{
	const struct summary *s = x->s;

	fputs("section,name,metric,mean,ci_low,ci_high\n", f);
	emit_csv_key(f, "optimise", s->sc->name, "simulations");
	emit_csv_exact(f, (double)x->sims);
	emit_csv_key(f, "optimise", s->sc->name, "result_simulation");
	emit_csv_exact(f, (double)x->result_sim);
	emit_csv_key(f, "optimise", s->sc->name, "replications");
	emit_csv_exact(f, s->replications);
	report_optimise_csv_lines(f, s);
	emit_csv_key(f, "cost", "pools", "fte");
	emit_csv_exact(f, s->pools_fte);
	emit_csv_key(f, "cost", "pools", "annual_cost");
	emit_csv_exact(f, s->pools_annual_cost);
	emit_csv_key(f, "cost", "total", "fte");
	emit_csv_exact(f, s->total_fte);
	emit_csv_key(f, "cost", "total", "annual_cost");
	emit_csv_exact(f, s->total_annual_cost);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		report_optimise_csv_hour(f, x, h);
	return report_optimise_end(f, err);
}

void report_optimise_json_periods(struct emit_json *w, const struct summary *s,
				  size_t l)
{
	const struct line_spec *ls = &s->sc->lines[l];

	if (ls->per == AGREEMENT_HORIZON)
		return;
	emit_json_key_string(w, "per", agreement_word(ls->per));
	emit_json_key_number(w, "on_at_least", ls->on_at_least);
	emit_json_key_figure(w, "periods_met", &s->lines[l].periods_met,
			     FIGURE_GOAL_SHARE);
}

/* "lines": one flat object per line: its goal, service level, verdict. */
static void report_optimise_json_lines(struct emit_json *w,
				       const struct summary *s)
{
	emit_json_key(w, "lines");
	emit_json_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct summary_line *sl = &s->lines[l];

		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_string(w, "name", s->sc->lines[l].name);
		emit_json_key_number(w, "target_s", s->sc->lines[l].target_s);
		emit_json_key_number(w, "goal", s->sc->lines[l].goal);
		emit_json_key_ci(w, "service_level", &sl->m[CC_SERVICE_LEVEL]);
		emit_json_key_string_or_null(w, "verdict", sl->has_goal
					     ? ci_verdict_name(sl->verdict) : NULL);
		report_optimise_json_periods(w, s, l);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* "deferrable": one flat object per stream of deferrable work: its pool,
 * target, goal, verdict and share within target (the keys of a run's, in
 * its order, with that one figure); left out without
 * deferrable work, as `callsim run` leaves its list out. */
void report_optimise_json_streams(struct emit_json *w, const struct summary *s)
{
	if (s->n_deferrable == 0)
		return;
	emit_json_key(w, "deferrable");
	emit_json_open(w, '[');
	for (size_t i = 0; i < s->n_deferrable; i++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		report_json_stream_head(w, s, i);
		emit_json_key_ci(w, "within_target",
				 &s->deferrable[i].m[DF_WITHIN_TARGET]);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* "pools": each pool's hours and costs; "costs": the totals. */
static void report_optimise_json_pools(struct emit_json *w,
				       const struct report_optimise *x)
{
	const struct summary *s = x->s;

	emit_json_key(w, "pools");
	emit_json_open(w, '[');
	for (size_t p = 0; p < s->n_pools; p++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_string(w, "name", s->sc->pools[p].name);
		emit_json_key_bool(w, "optimised", x->plan->chosen[p]);
		emit_json_key_number(w, "rostered_hours",
				     report_optimise_pool_hours(&s->sc->pools[p]));
		emit_json_key_number(w, "fte", s->pools[p].fte);
		emit_json_key_number(w, "annual_cost", s->pools[p].annual_cost);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_key(w, "costs");
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "pools_fte", s->pools_fte);
	emit_json_key_number(w, "pools_annual_cost", s->pools_annual_cost);
	emit_json_key_number(w, "fte", s->total_fte);
	emit_json_key_number(w, "annual_cost", s->total_annual_cost);
	emit_json_close(w, '}');
}

/* The mean on duty (after shrinkage) over hour h of the week of roster r,
 * weighing each step of the roster by how long it lasts. */
static double report_optimise_mean_on_duty(const struct roster *r, size_t h,
					   double from)
{
	double t = fmod(from + 3600.0 * (double)h, WEEK_S), end = t + 3600.0;
	double sum = 0;

	while (t < end) {
		double next = roster_next_change(r, t);

		next = next < end ? next : end;
		sum += roster_on_duty(r, t) * (next - t);
		t = next;
	}
	return sum / 3600.0;
}

/* "current_on_duty": the mean on duty of pool p over hour h under the
 * scenario's own roster; null when the scenario as given is not known or
 * its roster cannot be built. Hour h of the week is read in the run's
 * first week on or after its start (roster times count from the start
 * date, any weekday). */
static void report_optimise_json_current(struct emit_json *w,
					 const struct report_optimise *x,
					 size_t p, size_t h)
{
	const struct pool_spec *ps = x->base != NULL && p < x->base->n_pools
		? &x->base->pools[p] : NULL;
	struct roster_spec spec = { ps ? ps->shifts : NULL,
				    ps ? ps->n_shifts : 0,
				    ps ? ps->shrinkage : 0,
				    x->base ? demand_weekday(x->base->run.start) : 0 };
	double from = (double)(DAYS_PER_WEEK - spec.weekday) * DAY_S;
	struct sim_err err;
	struct roster *r;

	sim_err_clear(&err);
	r = ps == NULL ? NULL : ps->rota
		? roster_new_rota(&ps->rota->spec, ps->shrinkage, &err)
		: roster_new(&spec, &err);
	emit_json_key_number(w, "current_on_duty", r != NULL
			     ? report_optimise_mean_on_duty(r, h, from) : NAN);
	roster_free(r);
}

/* One hour of the week, on one line: the optimised pools' requirement and
 * every line's service level. */
static void report_optimise_json_hour(struct emit_json *w,
				      const struct report_optimise *x, size_t h)
{
	const struct scenario *sc = x->s->sc;
	char label[SUMMARY_HOUR_LABEL_MAX];

	summary_hour_label(h, label);
	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "hour", (double)h);
	emit_json_key_string(w, "label", label);
	emit_json_key(w, "pools");
	emit_json_open(w, '[');
	for (size_t p = 0; p < sc->n_pools; p++) {
		if (!x->plan->chosen[p])
			continue;
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", sc->pools[p].name);
		emit_json_key_number(w, "on_duty", report_optimise_on_duty(x, p, h));
		emit_json_key_number(w, "rostered",
				     report_optimise_rostered(x, p, h));
		report_optimise_json_current(w, x, p, h);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_key(w, "lines");
	emit_json_open(w, '[');
	for (size_t l = 0; l < sc->n_lines; l++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", sc->lines[l].name);
		emit_json_key_ci(w, "service_level",
				 summary_iline(x->s, h, l, CC_I_SERVICE_LEVEL));
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* One object, stable keys; "set" holds every override of the round shown
 * (--set, the rosters, the run settings) for `callsim run`. */
enum sim_status report_optimise_json(FILE *f, const struct report_optimise *x,
				     struct sim_err *err)
{
	struct emit_json w = { .f = f };

	emit_json_open(&w, '{');
	report_optimise_json_provenance(&w, REPORT_OPTIMISE_SCHEMA, x->s,
					x->command, x->n_command);
	emit_json_key_number(&w, "simulations", (double)x->sims);
	emit_json_key_number(&w, "result_simulation", (double)x->result_sim);
	emit_json_key_bool(&w, "met", x->met);
	report_optimise_json_lines(&w, x->s);
	report_optimise_json_streams(&w, x->s);
	report_optimise_json_pools(&w, x);
	emit_json_key(&w, "intervals");
	emit_json_open(&w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		report_optimise_json_hour(&w, x, h);
	emit_json_close(&w, ']');
	emit_json_key_strings(&w, "set", x->set, x->n_set);
	emit_json_close(&w, '}');
	fputc('\n', f);
	return report_optimise_end(f, err);
}

void report_optimise_json_provenance(struct emit_json *w, const char *schema,
				     const struct summary *s,
				     const char *const *command, size_t n)
{
	emit_json_key_string(w, "schema", schema);
	emit_json_key_number(w, "schema_version",
			     REPORT_OPTIMISE_SCHEMA_VERSION);
	emit_json_key_string(w, "callsim_version", CALLSIM_VERSION);
	emit_json_key_string(w, "scenario", s->sc->name);
	emit_json_key(w, "content_fnv1a");   /* of the file and its CSVs */
	fprintf(w->f, "\"%016" PRIx64 "\"", s->sc->content_fnv1a);
	emit_json_key(w, "command");
	if (command == NULL) {
		fputs("null", w->f);
	} else {
		emit_json_open_flat(w, '[');
		emit_json_next(w);
		emit_json_string(w->f, "callsim");
		for (size_t i = 0; i < n; i++) {
			emit_json_next(w);
			emit_json_string(w->f, command[i]);
		}
		emit_json_close(w, ']');
	}
	emit_json_key(w, "seed");
	fprintf(w->f, "%" PRIu64, s->seed);   /* exact, beyond %.10g */
	emit_json_key_number(w, "replications", s->replications);
	emit_json_key_number(w, "days", s->days);
	emit_json_key_number(w, "warmup_hours", s->warmup_s / 3600.0);
}
