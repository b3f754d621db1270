/* report_roster.c: the roster `callsim roster` found, as a table or JSON
 * (see report_roster.h). */
#include "results/report_roster.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "callsim_config.h"
#include "models/week.h"
#include "results/emit.h"
#include "results/report_optimise.h"

void report_roster_cost(const struct scenario *sc, const struct roster_search *r,
			bool lp, double *fte, double *annual_cost)
{
	*fte = *annual_cost = 0;
	for (size_t p = 0; p < r->n_pools; p++) {
		const struct roster_plan *rp = r->pools[p];
		double f;

		if (rp == NULL)
			continue;
		f = roster_plan_fte(rp, sc->pools[p].hours_per_week, lp);
		*fte += f;
		*annual_cost += f * sc->pools[p].cost_per_fte;
	}
}

/* Whether f failed; fills err when it did. */
static enum sim_status report_roster_end(FILE *f, struct sim_err *err)
{
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the output failed");
	return SIM_OK;
}

/* "96.31%" of line l's service level in s, or "-" without one. */
static void report_roster_sl(const struct summary *s, size_t l, char *buf,
			     size_t n)
{
	double sl = s ? s->lines[l].m[CC_SERVICE_LEVEL].mean : NAN;

	if (isfinite(sl))
		snprintf(buf, n, "%.2f%%", 100 * sl);
	else
		snprintf(buf, n, "-");
}

/* The rules each person's sequence was checked against: a rota's, or
 * none when the roster is headcounts per day. */
const char *report_roster_rules(struct roster_plan *const *plans, size_t n)
{
	for (size_t p = 0; p < n; p++)
		if (plans[p] != NULL && plans[p]->pattern != NULL)
			return rota_wtr_rules;
	return "none (headcounts per day, not each person's sequence of "
	       "shifts: give --rota)";
}

void report_roster_counts(FILE *f, unsigned long solves, unsigned long sims,
			  const struct summary *s)
{
	fprintf(f, "%lu solve%s and %lu simulation%s, the last of %u "
		"replication%s (seed %" PRIu64 ")\n", solves,
		solves == 1 ? "" : "s", sims, sims == 1 ? "" : "s",
		s->replications, s->replications == 1 ? "" : "s", s->seed);
}

static void report_roster_table_head(FILE *f, const struct report_roster *x)
{
	const struct summary *s = x->r->round.s;
	const struct scenario *sc = s->sc;

	fprintf(f, "%s: least-cost roster for every answering agreement\n",
		sc->name);
	report_roster_counts(f, x->r->solves, x->r->sims, s);
	fprintf(f, "rules checked: %s\n\n",
		report_roster_rules(x->r->pools, x->r->n_pools));
	report_optimise_lines(f, s, false);
}

/* Whether candidate i is the first of p's with its start and length (and,
 * for the pool's own shifts, always). */
static bool report_roster_first(const struct roster_plan *p, size_t i)
{
	if (p->shifts[i].name != NULL)
		return true;
	for (size_t j = 0; j < i; j++)
		if (p->shifts[j].start_s == p->shifts[i].start_s
		    && p->shifts[j].hours == p->shifts[i].hours)
			return false;
	return true;
}

/* One row of the shift table: start, length and each day's headcount of
 * the candidates with candidate i's start and length; nothing when all
 * are 0. */
static void report_roster_shift_row(FILE *f, const struct roster_plan *p,
				    size_t i)
{
	const struct roster_plan_shift *a = &p->shifts[i];
	int day[DAYS_PER_WEEK] = { 0 }, any = 0;

	for (size_t j = i; j < p->n_shifts; j++) {
		const struct roster_plan_shift *b = &p->shifts[j];

		if (b->start_s != a->start_s || b->hours != a->hours
		    || (a->name != NULL && j != i))
			continue;
		for (size_t d = 0; d < DAYS_PER_WEEK; d++)
			if ((b->days >> d) & 1u)
				day[d] += b->staff, any += b->staff;
	}
	if (any == 0)
		return;
	fprintf(f, "  %-14s %02d:%02d %6g", a->name ? a->name : "",
		(int)(a->start_s / 3600), (int)fmod(a->start_s / 60, 60),
		a->hours);
	for (size_t d = 0; d < DAYS_PER_WEEK; d++)
		fprintf(f, " %5d", day[d]);
	fputc('\n', f);
}

static void report_roster_table_shifts(FILE *f, const struct report_roster *x)
{

	for (size_t q = 0; q < x->r->n_pools; q++) {
		const struct roster_plan *p = x->r->pools[q];
		double fte = p ? roster_plan_fte(p, x->base->pools[q].hours_per_week,
						 false) : 0;
		char money[CURRENCY_TEXT_MAX];

		if (p == NULL)
			continue;
		currency_format(money, x->base->currency,
				fte * x->base->pools[q].cost_per_fte, 0);
		fprintf(f, "\npool %s: %.0f rostered hours a week, %.2f FTE, "
			"annual cost %s", x->base->pools[q].name, p->hours,
			fte, money);
		roster_plan_limit_note(f, p);
		fputc('\n', f);
		report_roster_plan_rows(f, p);
	}
}

/* A rota of teams: how many, of how many, and each team's offset. */
static void report_roster_team_rows(FILE *f, const struct roster_plan *p)
{
	fprintf(f, "  %zu teams of %d%s, %d in post; each team's day of the "
		"cycle on %s%s:", p->n_teams, p->per_team,
		p->keep ? " (the scenario's teams and offsets, re-sized)" : "",
		roster_plan_people(p), p->start[0] ? p->start : "the run's start",
		p->start[0] ? " (the cycle's start)" : "");
	for (size_t t = 0; t < p->n_teams; t++)
		fprintf(f, " %zu", p->team_offset[t]);
	fputc('\n', f);
}

/* A rota's rows: its pattern, the rules it keeps, and its teams. */
static void report_roster_rota_rows(FILE *f, const struct roster_plan *p)
{
	fprintf(f, "  rota %s: a cycle of %zu days, each person's sequence "
		"checked against the %s\n", p->rota_text, p->n_days,
		rota_wtr_rules);
	report_roster_team_rows(f, p);
}

void report_roster_plan_rows(FILE *f, const struct roster_plan *p)
{
	static const char *const days[DAYS_PER_WEEK] = { WEEK_DAY_LABELS };

	if (p->pattern != NULL) {
		report_roster_rota_rows(f, p);
		return;
	}

	fprintf(f, "  %-14s %-5s %6s", "shift", "start", "hours");
	for (size_t d = 0; d < DAYS_PER_WEEK; d++)
		fprintf(f, " %5s", days[d]);
	fputc('\n', f);
	for (size_t i = 0; i < p->n_shifts; i++)
		if (report_roster_first(p, i))
			report_roster_shift_row(f, p, i);
}

/* The references: FTE, annual cost and each goal line's service level. */
static void report_roster_table_refs(FILE *f, const struct report_roster *x)
{
	const struct summary *s = x->r->round.s;
	struct report_roster_ref me = { "roster", "this roster", 0, 0, s,
					x->met };

	report_roster_cost(x->base, x->r, false, &me.fte, &me.annual_cost);
	fprintf(f, "\n%-34s %10s %14s", "rostered pools", "FTE", "annual cost");
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal)
			fprintf(f, " %10.10s SL", s->sc->lines[l].name);
	fputc('\n', f);
	for (size_t i = 0; i <= x->n_refs; i++) {
		const struct report_roster_ref *r = i ? &x->refs[i - 1] : &me;
		char money[CURRENCY_TEXT_MAX];

		/* Money as people read it (models/currency.h). */
		currency_format(money, x->base->currency, r->annual_cost, 0);
		if (isfinite(r->fte))
			fprintf(f, "%-34s %10.2f %*s", r->label, r->fte,
				currency_field(money, 14), money);
		else   /* a reference that could not be had */
			fprintf(f, "%-34s %10s %14s", r->label, "-", "-");
		for (size_t l = 0; l < s->n_lines; l++) {
			char sl[32];

			if (!s->lines[l].has_goal)
				continue;
			report_roster_sl(r->s, l, sl, sizeof sl);
			fprintf(f, " %13s", sl);
		}
		fputc('\n', f);
	}
}

/* The hour-of-week table: each rostered pool's on-duty cover against its
 * requirement, and each goal line's service level. */
static void report_roster_table_hours(FILE *f, const struct report_roster *x)
{
	const struct summary *s = x->r->round.s;
	const struct roster_search *r = x->r;

	fprintf(f, "\n%-10s", "hour");
	for (size_t p = 0; p < r->n_pools; p++)
		if (r->pools[p] != NULL)
			fprintf(f, " %21.21s", x->base->pools[p].name);
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal)
			fprintf(f, " %10.10s SL", s->sc->lines[l].name);
	fputc('\n', f);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		char label[SUMMARY_HOUR_LABEL_MAX];

		summary_hour_label(h, label);
		fprintf(f, "%-10s", label);
		for (size_t p = 0; p < r->n_pools; p++)
			if (r->pools[p] != NULL)
				fprintf(f, " %11d on duty/%3d",
					roster_plan_on_duty(r->pools[p], h),
					r->plan->on_duty[p * HOURS_PER_WEEK + h]);
		for (size_t l = 0; l < s->n_lines; l++) {
			double sl = summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;

			if (!s->lines[l].has_goal)
				continue;
			if (isfinite(sl))
				fprintf(f, " %12.1f%%", 100 * sl);
			else
				fprintf(f, " %13s", "-");
		}
		fputc('\n', f);
	}
	fputs("\npools: least handlers on duty in the hour after shrinkage / "
	      "the last programme's requirement\n(trimming lowers it, to 0 "
	      "at most, in hours that shifts needed in other hours cover "
	      "anyway)\n", f);
}

/* The roster of a rostered pool, as the scenario's own text: after
 * "pools.NAME.shifts=" (or, for a rota of teams, "pools.NAME.rota=", and
 * *what is "rota") of the last such override of set. */
static const char *report_roster_shifts_text(const struct report_roster *x,
					     size_t pool, const char **what)
{
	char key[SCENARIO_NAME_MAX + 32];

	*what = x->r->pools[pool]->teams ? "rota" : "shifts";
	snprintf(key, sizeof key, "pools.%s.%s=", x->base->pools[pool].name,
		 *what);
	/* The last: a --set of the pool's shifts comes before the roster. */
	for (size_t i = x->n_set; i-- > 0;)
		if (strncmp(x->set[i], key, strlen(key)) == 0)
			return x->set[i] + strlen(key);
	return NULL;
}

/* Writes text single-quoted for a POSIX shell, a quote in it as '\'',
 * so the line pasted runs with text as one argument. */
void report_roster_shell(FILE *f, const char *text)
{
	fputc('\'', f);
	for (const char *c = text; *c; c++)
		if (*c == '\'')
			fputs("'\\''", f);
		else
			fputc(*c, f);
	fputc('\'', f);
}

/* The roster as a scenario fragment, and as --set overrides. */
static void report_roster_table_text(FILE *f, const struct report_roster *x)
{
	bool teams = false;

	for (size_t p = 0; p < x->r->n_pools; p++)
		teams = teams || (x->r->pools[p] && x->r->pools[p]->teams);
	fprintf(f, "\nscenario fragment (replaces the pools' %s):\npools:\n",
		teams ? "shifts or rotas" : "shifts");
	for (size_t p = 0; p < x->r->n_pools; p++) {
		const char *what = NULL, *text = x->r->pools[p]
			? report_roster_shifts_text(x, p, &what) : NULL;

		if (text == NULL)
			continue;
		fputs("  - name: ", f);
		roster_plan_quote(f, x->base->pools[p].name);
		fprintf(f, "\n    %s: %s\n", what, text);
	}
	fputs("\ncallsim run overrides (the last simulation):\n", f);
	for (size_t i = 0; i < x->n_set; i++) {
		fputs("  --set ", f);
		report_roster_shell(f, x->set[i]);
		fputc('\n', f);
	}
}

enum sim_status report_roster_table(FILE *f, const struct report_roster *x,
				    struct sim_err *err)
{
	report_roster_table_head(f, x);
	report_roster_table_shifts(f, x);
	report_roster_table_refs(f, x);
	report_roster_table_hours(f, x);
	report_roster_table_text(f, x);
	return report_roster_end(f, err);
}

/* Provenance, as a run's JSON has it. */
static void report_roster_json_provenance(struct emit_json *w,
					  const struct report_roster *x)
{
	report_roster_json_head(w, x->base, x->command, x->n_command);
}

void report_roster_json_head(struct emit_json *w, const struct scenario *base,
			     const char *const *command, size_t n_command)
{
	emit_json_key_string(w, "schema", REPORT_ROSTER_SCHEMA);
	emit_json_key_number(w, "schema_version", REPORT_ROSTER_SCHEMA_VERSION);
	emit_json_key_string(w, "callsim_version", CALLSIM_VERSION);
	emit_json_key(w, "content_fnv1a");
	fprintf(w->f, "\"%016" PRIx64 "\"", base->content_fnv1a);
	emit_json_key(w, "command");
	emit_json_open_flat(w, '[');
	emit_json_next(w);
	emit_json_string(w->f, "callsim");
	for (size_t i = 0; i < n_command; i++) {
		emit_json_next(w);
		emit_json_string(w->f, command[i]);
	}
	emit_json_close(w, ']');
}

/* "lines": each line's goal, service level and verdict under s. */
static void report_roster_json_lines(struct emit_json *w, const char *key,
				     const struct summary *s)
{
	emit_json_key(w, key);
	emit_json_open(w, '[');
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct summary_line *sl = &s->lines[l];

		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_string(w, "name", s->sc->lines[l].name);
		emit_json_key_number(w, "goal", s->sc->lines[l].goal);
		emit_json_key_ci(w, "service_level", &sl->m[CC_SERVICE_LEVEL]);
		emit_json_key_string_or_null(w, "verdict", sl->has_goal
					     ? ci_verdict_name(sl->verdict) : NULL);
		report_optimise_json_periods(w, s, l);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* One shift entry with staff of pool plan p. */
void report_roster_json_shift(struct emit_json *w,
				     const struct roster_plan_shift *sh)
{
	static const char *const keys[DAYS_PER_WEEK] = { WEEK_DAY_KEYS };
	char start[8];

	snprintf(start, sizeof start, "%02d:%02d", (int)(sh->start_s / 3600),
		 (int)fmod(sh->start_s / 60, 60));
	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_string_or_null(w, "name", sh->name);
	emit_json_key_string(w, "start", start);
	emit_json_key_number(w, "hours", sh->hours);
	emit_json_key(w, "days");
	emit_json_open_flat(w, '[');
	for (size_t d = 0; d < DAYS_PER_WEEK; d++)
		if ((sh->days >> d) & 1u) {
			emit_json_next(w);
			emit_json_string(w->f, keys[d]);
		}
	emit_json_close(w, ']');
	emit_json_key_number(w, "staff", sh->staff);
	emit_json_close(w, '}');
}

/* A rota of teams' "teams", "per_team", "offsets" (each team's day of
 * the cycle on "start", null: the run's start), and "kept". */
static void report_roster_json_teams(struct emit_json *w,
				     const struct roster_plan *p)
{
	emit_json_key_number(w, "teams", (double)p->n_teams);
	emit_json_key_number(w, "per_team", p->per_team);
	emit_json_key_number(w, "people", roster_plan_people(p));
	emit_json_key(w, "offsets");
	emit_json_open_flat(w, '[');
	for (size_t t = 0; t < p->n_teams; t++) {
		emit_json_next(w);
		fprintf(w->f, "%zu", p->team_offset[t]);
	}
	emit_json_close(w, ']');
	emit_json_key_string_or_null(w, "start", p->start[0] ? p->start : NULL);
	emit_json_key_bool(w, "kept", p->keep);
}

/* "rota": null, or the pattern, the rules checked and the people who
 * start it on each day of its cycle. */
void report_roster_json_rota(struct emit_json *w, const struct roster_plan *p)
{
	emit_json_key(w, "rota");
	if (p->pattern == NULL) {
		fputs("null", w->f);
		return;
	}
	emit_json_open(w, '{');
	emit_json_key_string(w, "pattern", p->rota_text);
	emit_json_key_number(w, "cycle_days", (double)p->n_days);
	emit_json_key_string(w, "rules_checked", rota_wtr_rules);
	report_roster_json_teams(w, p);
	emit_json_key(w, "starts");
	emit_json_open(w, '[');
	for (size_t i = 0; i < p->n_shifts; i++) {
		if (p->shifts[i].staff == 0 || p->shifts[i].offset < 0)
			continue;
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_number(w, "cycle_day", p->shifts[i].offset + 1);
		emit_json_key_number(w, "people", p->shifts[i].staff);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* One rostered pool: hours, FTE, cost, LP bound, shifts, hourly cover. */
static void report_roster_json_pool(struct emit_json *w,
				    const struct report_roster *x, size_t q)
{
	const struct roster_plan *p = x->r->pools[q];
	const struct pool_spec *ps = &x->base->pools[q];

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "name", ps->name);
	emit_json_key_number(w, "rostered_hours", p->hours);
	emit_json_key_number(w, "fte", roster_plan_fte(p, ps->hours_per_week,
							false));
	emit_json_key_number(w, "annual_cost", roster_plan_fte(p,
			     ps->hours_per_week, false) * ps->cost_per_fte);
	emit_json_key_number(w, "lp_bound_hours", p->lp_hours);
	emit_json_key_bool(w, "optimal", p->optimal);
	emit_json_key(w, "shifts");
	emit_json_open(w, '[');
	for (size_t i = 0; p->pattern == NULL && i < p->n_shifts; i++)
		if (p->shifts[i].staff > 0)
			report_roster_json_shift(w, &p->shifts[i]);
	emit_json_close(w, ']');
	report_roster_json_rota(w, p);
	emit_json_key(w, "hours");
	emit_json_open(w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		emit_json_key_number(w, "on_duty",
				     roster_plan_on_duty(p, h));
		emit_json_key_number(w, "requirement",
				     x->r->plan->on_duty[q * HOURS_PER_WEEK + h]);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* "references": each with FTE, cost and (when simulated) its lines. */
static void report_roster_json_refs(struct emit_json *w,
				    const struct report_roster *x)
{
	emit_json_key(w, "references");
	emit_json_open(w, '[');
	for (size_t i = 0; i < x->n_refs; i++) {
		const struct report_roster_ref *r = &x->refs[i];

		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", r->name);
		emit_json_key_number(w, "fte", r->fte);
		emit_json_key_number(w, "annual_cost", r->annual_cost);
		if (r->s != NULL) {
			emit_json_key_bool(w, "met", r->met);
			report_roster_json_lines(w, "lines", r->s);
		}
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

enum sim_status report_roster_json(FILE *f, const struct report_roster *x,
				   struct sim_err *err)
{
	const struct summary *s = x->r->round.s;
	struct emit_json w = { .f = f };
	double fte, cost;

	report_roster_cost(x->base, x->r, false, &fte, &cost);
	emit_json_open(&w, '{');
	report_roster_json_provenance(&w, x);
	emit_json_key_string(&w, "scenario", s->sc->name);
	emit_json_key(&w, "seed");
	fprintf(f, "%" PRIu64, s->seed);   /* exact, beyond %.10g */
	emit_json_key_number(&w, "replications", s->replications);
	emit_json_key_number(&w, "solves", (double)x->r->solves);
	emit_json_key_number(&w, "simulations", (double)x->r->sims);
	emit_json_key_bool(&w, "met", x->met);
	emit_json_key_string(&w, "rules_checked",
			     report_roster_rules(x->r->pools, x->r->n_pools));
	emit_json_key_number(&w, "fte", fte);
	emit_json_key_number(&w, "annual_cost", cost);
	report_roster_json_lines(&w, "lines", s);
	report_optimise_json_streams(&w, s);
	emit_json_key(&w, "pools");
	emit_json_open(&w, '[');
	for (size_t q = 0; q < x->r->n_pools; q++)
		if (x->r->pools[q] != NULL)
			report_roster_json_pool(&w, x, q);
	emit_json_close(&w, ']');
	report_roster_json_refs(&w, x);
	emit_json_key_strings(&w, "set", x->set, x->n_set);
	emit_json_close(&w, '}');
	fputc('\n', f);
	return report_roster_end(f, err);
}

/* CSV: one line's rows under summary s, in section `section`, names
 * prefixed with `prefix` ("" or "REFERENCE/"). */
static void report_roster_csv_lines(FILE *f, const char *section,
				    const char *prefix, const struct summary *s)
{
	char name[2 * SCENARIO_NAME_MAX + 2];

	for (size_t l = 0; l < s->n_lines; l++) {
		const struct summary_line *sl = &s->lines[l];

		snprintf(name, sizeof name, "%s%s", prefix, s->sc->lines[l].name);
		emit_csv_key(f, section, name, "service_level");
		emit_csv_ci(f, &sl->m[CC_SERVICE_LEVEL]);
		emit_csv_key(f, section, name, "met");
		emit_csv_exact(f, !sl->has_goal || sl->verdict == CI_MET);
	}
}

/* CSV: each deferrable stream's share within target and whether it is
 * met, in section deferrable (nothing without deferrable work). */
static void report_roster_csv_streams(FILE *f, const struct summary *s)
{
	for (size_t i = 0; i < s->n_deferrable; i++) {
		const struct summary_deferrable *sd = &s->deferrable[i];
		const char *name = s->sc->deferrable[i].work.name;

		emit_csv_key(f, "deferrable", name, "within_target");
		emit_csv_ci(f, &sd->m[DF_WITHIN_TARGET]);
		emit_csv_key(f, "deferrable", name, "met");
		emit_csv_exact(f, !sd->has_goal || sd->verdict == CI_MET);
	}
}

/* CSV: the shifts of pool q with staff, named "POOL@HH:MM+H@Day". */
static void report_roster_csv_shifts(FILE *f, const struct report_roster *x,
				     size_t q)
{
	static const char *const days[DAYS_PER_WEEK] = { WEEK_DAY_LABELS };
	const struct roster_plan *p = x->r->pools[q];
	char name[SCENARIO_NAME_MAX + 48];

	for (size_t i = 0; i < p->n_shifts; i++) {
		const struct roster_plan_shift *sh = &p->shifts[i];

		for (size_t d = 0; sh->staff > 0 && d < DAYS_PER_WEEK; d++) {
			if (!((sh->days >> d) & 1u))
				continue;
			snprintf(name, sizeof name, "%s@%02d:%02d+%gh@%s",
				 x->base->pools[q].name, (int)(sh->start_s / 3600),
				 (int)fmod(sh->start_s / 60, 60), sh->hours, days[d]);
			emit_csv_key(f, "shift", name, "staff");
			emit_csv_exact(f, sh->staff);
		}
	}
}

/* CSV: pool q's costs, shifts and hourly cover. */
static void report_roster_csv_pool(FILE *f, const struct report_roster *x,
				   size_t q)
{
	const struct roster_plan *p = x->r->pools[q];
	const struct pool_spec *ps = &x->base->pools[q];
	char name[SCENARIO_NAME_MAX + SUMMARY_HOUR_LABEL_MAX + 1];

	emit_csv_key(f, "pool", ps->name, "rostered_hours");
	emit_csv_exact(f, p->hours);
	emit_csv_key(f, "pool", ps->name, "fte");
	emit_csv_exact(f, roster_plan_fte(p, ps->hours_per_week, false));
	emit_csv_key(f, "pool", ps->name, "annual_cost");
	emit_csv_exact(f, roster_plan_fte(p, ps->hours_per_week, false)
		       * ps->cost_per_fte);
	emit_csv_key(f, "pool", ps->name, "lp_bound_hours");
	emit_csv_exact(f, p->lp_hours);
	if (p->teams) {   /* a rota of teams: its size; offsets in JSON */
		emit_csv_key(f, "rota", ps->name, "teams");
		emit_csv_exact(f, (double)p->n_teams);
		emit_csv_key(f, "rota", ps->name, "per_team");
		emit_csv_exact(f, p->per_team);
		emit_csv_key(f, "rota", ps->name, "people");
		emit_csv_exact(f, roster_plan_people(p));
	}
	report_roster_csv_shifts(f, x, q);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		char label[SUMMARY_HOUR_LABEL_MAX];

		summary_hour_label(h, label);
		snprintf(name, sizeof name, "%s@%s", ps->name, label);
		emit_csv_key(f, "interval", name, "on_duty");
		emit_csv_exact(f, roster_plan_on_duty(p, h));
		emit_csv_key(f, "interval", name, "requirement");
		emit_csv_exact(f, x->r->plan->on_duty[q * HOURS_PER_WEEK + h]);
	}
}

enum sim_status report_roster_csv(FILE *f, const struct report_roster *x,
				  struct sim_err *err)
{
	const struct summary *s = x->r->round.s;
	double fte, cost;

	report_roster_cost(x->base, x->r, false, &fte, &cost);
	fputs("section,name,metric,mean,ci_low,ci_high\n", f);
	emit_csv_key(f, "roster", s->sc->name, "solves");
	emit_csv_exact(f, (double)x->r->solves);
	emit_csv_key(f, "roster", s->sc->name, "simulations");
	emit_csv_exact(f, (double)x->r->sims);
	emit_csv_key(f, "roster", s->sc->name, "replications");
	emit_csv_exact(f, s->replications);
	emit_csv_key(f, "roster", s->sc->name, "fte");
	emit_csv_exact(f, fte);
	emit_csv_key(f, "roster", s->sc->name, "annual_cost");
	emit_csv_exact(f, cost);
	report_roster_csv_lines(f, "line", "", s);
	report_roster_csv_streams(f, s);
	for (size_t i = 0; i < x->n_refs; i++) {
		char prefix[64];

		emit_csv_key(f, "reference", x->refs[i].name, "fte");
		emit_csv_exact(f, x->refs[i].fte);
		emit_csv_key(f, "reference", x->refs[i].name, "annual_cost");
		emit_csv_exact(f, x->refs[i].annual_cost);
		snprintf(prefix, sizeof prefix, "%s/", x->refs[i].name);
		if (x->refs[i].s != NULL)
			report_roster_csv_lines(f, "reference", prefix, x->refs[i].s);
	}
	for (size_t q = 0; q < x->r->n_pools; q++)
		if (x->r->pools[q] != NULL)
			report_roster_csv_pool(f, x, q);
	return report_roster_end(f, err);
}
