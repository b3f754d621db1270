/* report_scenario.c: the normalised scenario as YAML (see
 * report_scenario.h).
 *
 * Strings are always double-quoted (names such as "999" would otherwise read
 * as numbers). Values are printed with the fewest digits that read back as
 * the same double, so `callsim check` on its own output gives the same
 * scenario, bit for bit; derived figures in comments use %.10g. */
#include "results/report_scenario.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario_schema.h"
#include "models/week.h"

#define RS_YEAR_DAYS 365.0   /* the year a volume per_year is spread over */

/* A double-quoted YAML string: quotes, backslashes and control characters
 * escaped, other bytes (UTF-8) unchanged, except those a YAML reader would
 * refuse raw (DEL and the C1 controls) or fold into a space inside quotes
 * (NEL, U+2028, U+2029), which are escaped too, so the text reads back to
 * the same name. */
static void rs_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++p);
		else if (p[0] == 0xe2 && p[1] == 0x80 &&
			 (p[2] == 0xa8 || p[2] == 0xa9)) {
			fputs(p[2] == 0xa8 ? "\\u2028" : "\\u2029", f);
			p += 2;
		} else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* A time of day "07:00": scenario files give times to the minute. */
static void rs_clock(FILE *f, double s)
{
	long min = lround(s / 60.0);

	fprintf(f, "%02ld:%02ld", min / 60 % 24, min % 60);
}

/* A number as text: the shortest %.Ng, from 10 digits, that strtod reads
 * back exactly. Returned by value so several fit in one fprintf (a
 * temporary lives to the end of the full expression). */
struct rs_num {
	char s[32];
};

static struct rs_num rs_g(double x)
{
	struct rs_num n;

	for (int digits = 10; digits <= 17; digits++) {
		snprintf(n.s, sizeof n.s, "%.*g", digits, x);
		if (strtod(n.s, NULL) == x)
			break;
	}
	return n;
}

/* The shortest text, from 10 digits, of y that the loader, multiplying
 * what it reads by scale, turns into exactly value; 0 when none does. */
static int rs_try(double y, double value, double scale, struct rs_num *n)
{
	for (int digits = 10; digits <= 17; digits++) {
		snprintf(n->s, sizeof n->s, "%.*g", digits, y);
		if (strtod(n->s, NULL) * scale == value)
			return 1;
	}
	return 0;
}

/* A number that the loader multiplies by scale (a volume into calls a
 * second) to get value, written so that it does so exactly: y0 (value
 * over scale) first, then its neighbours, since the number read may lie a
 * unit in the last place or two from y0. (Hours need no such search:
 * seconds the loader got by multiplying hours by 3600, divided by 3600
 * again, multiply back to the same seconds; tests/cli/check.py checks
 * it.) Returns 0 when no number near y0 gives value (it came from another
 * unit). */
static int rs_scaled(double value, double y0, double scale, struct rs_num *n)
{
	double up = y0, down = y0;

	if (rs_try(y0, value, scale, n))
		return 1;
	for (int k = 0; k < 4; k++) {
		up = nextafter(up, INFINITY);
		down = nextafter(down, -INFINITY);
		if (rs_try(up, value, scale, n) || rs_try(down, value, scale, n))
			return 1;
	}
	return 0;
}

/* The value of number or flag row k in rec, as the file gives it: the
 * schema says where the record keeps it and in which units. A whole
 * number kept as one needs no search for its digits. */
static struct rs_num rs_value(const struct scenario_key *k, const void *rec)
{
	double v = scenario_schema_get(k, rec);
	struct rs_num n;

	if (k->kind == SCENARIO_BOOL)
		memcpy(n.s, v != 0 ? "true" : "false", v != 0 ? 5 : 6);
	else if (k->store != SCENARIO_DOUBLE && k->scale == 1)
		snprintf(n.s, sizeof n.s, "%lld", (long long)v);
	else
		n = rs_g(v);
	return n;
}

/* "INDENTkey: value[COMMENT]" for the number or flag row `key` of t. */
static void rs_key(FILE *f, const char *indent, const struct scenario_key *t,
		   const char *key, const void *rec, const char *comment)
{
	fputs(indent, f);
	fputs(key, f);
	fputs(": ", f);
	fputs(rs_value(scenario_schema_find(t, key), rec).s, f);
	fputs(comment ? comment : "", f);
	fputc('\n', f);
}

/* "SEPkey: value" of the number row `key` of t, inside a flow mapping. */
static void rs_flow(FILE *f, const char *sep, const struct scenario_key *t,
		    const char *key, const void *rec)
{
	fputs(sep, f);
	fputs(key, f);
	fputs(": ", f);
	fputs(rs_value(scenario_schema_find(t, key), rec).s, f);
}

/* A target {within_s, goal} of table t (a line's answer, a grade's
 * attend), under key. */
static void rs_target(FILE *f, const char *key, const struct scenario_key *t,
		      const void *rec, double goal)
{
	fprintf(f, "    %s: {", key);
	rs_flow(f, "", t, "within_s", rec);
	if (isnan(goal)) {
		fputs("}   # no goal: no verdict\n", f);
	} else {
		rs_flow(f, ", ", t, "goal", rec);
		fputs("}\n", f);
	}
}

/* Every number and flag of table t, in its order, without comments. */
static void rs_keys(FILE *f, const char *indent, const struct scenario_key *t,
		    const void *rec)
{
	for (; t->key; t++)
		if (t->kind == SCENARIO_NUMBER || t->kind == SCENARIO_BOOL)
			rs_key(f, indent, t, t->key, rec, NULL);
}

static const char *const rs_days[7] = {WEEK_DAY_KEYS};

/* A distribution as a flow mapping with the parameters a planner gives. */
static void rs_dist(FILE *f, const struct dist *d)
{
	fprintf(f, "{dist: %s", dist_kind_name(d->kind));
	switch (d->kind) {
	case DIST_EXPONENTIAL:
		fprintf(f, ", mean: %s", rs_g(d->mean).s);
		break;
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		fprintf(f, ", mean: %s, sd: %s", rs_g(d->mean).s, rs_g(d->sd).s);
		break;
	case DIST_WEIBULL:
		fprintf(f, ", shape: %s, scale: %s", rs_g(d->shape).s,
			rs_g(d->scale).s);
		break;
	case DIST_DETERMINISTIC:
		fprintf(f, ", value: %s", rs_g(d->value).s);
		break;
	case DIST_UNIFORM:
		fprintf(f, ", min: %s, max: %s", rs_g(d->min).s, rs_g(d->max).s);
		break;
	case DIST_EMPIRICAL:
		fputs(", values: [", f);
		for (size_t i = 0; i < d->n_values; i++)
			fprintf(f, "%s%s", i ? ", " : "", rs_g(d->values[i]).s);
		fputc(']', f);
		break;
	}
	fprintf(f, "}   # seconds, mean %.10g\n", dist_mean(d));
}

static void rs_run(FILE *f, const struct scenario *sc)
{
	const struct run_spec *r = &sc->run;

	fputs("name: ", f);
	rs_string(f, sc->name);
	fputs("\nrun:\n", f);
	rs_key(f, "  ", scenario_schema_run, "days", r, NULL);
	rs_key(f, "  ", scenario_schema_run, "warmup_hours", r, NULL);
	rs_key(f, "  ", scenario_schema_run, "replications", r, NULL);
	fprintf(f, "  seed: %" PRIu64 "\n", r->seed);
	fprintf(f, "  start_date: \"%04d-%02d-%02d\"   # a Monday, time 0\n",
		r->start.year, r->start.month, r->start.mday);
	fprintf(f, "  max_waiting: %zu\n", r->max_waiting ? r->max_waiting :
		(size_t)SCENARIO_MAX_WAITING_DEFAULT);
}

/* The weekly profile, twelve factors a row. */
static void rs_profile(FILE *f, const struct demand_spec *d)
{
	fprintf(f, "    profile: [   # %zu %s factors from Monday 00:00\n",
		d->n_slots, d->n_slots == 168 ? "hourly" : "quarter-hourly");
	for (size_t i = 0; i < d->n_slots; i++)
		fprintf(f, "%s%s%s", i % 12 == 0 ? "      " : " ", rs_g(d->profile[i]).s,
			i + 1 == d->n_slots ? "\n" : (i % 12 == 11 ? ",\n" : ","));
	fputs("    ]\n", f);
}

static void rs_surges(FILE *f, const struct demand_spec *d)
{
	if (d->n_surges == 0) {
		fputs("    surges: []\n", f);
		return;
	}
	fputs("    surges:\n", f);
	for (size_t i = 0; i < d->n_surges; i++) {
		const struct surge_spec *s = &d->surges[i];

		fprintf(f, "      - {start: \"%s ", rs_days[(long)(s->start_s / DAY_S) % 7]);
		rs_clock(f, fmod(s->start_s, DAY_S));
		fputc('"', f);
		rs_flow(f, ", ", scenario_schema_surge, "hours", s);
		rs_flow(f, ", ", scenario_schema_surge, "factor", s);
		if (s->n_weeks > 0) {
			fputs(", weeks: [", f);
			for (size_t w = 0; w < s->n_weeks; w++)
				fprintf(f, "%s%u", w ? ", " : "", s->weeks[w]);
			fputc(']', f);
		}
		fputs("}\n", f);
	}
}

/* The units a volume may be written in, as the loader reads them. */
static const struct {
	const char *key, *comment;
	double per_s;                /* what the loader multiplies by */
} rs_volume_units[3] = {
	{"per_day", "calls a day", 1.0 / DAY_S},
	{"per_hour", "calls an hour", 1.0 / 3600.0},
	{"per_year", "calls a year of 365 days", 1.0 / (RS_YEAR_DAYS * DAY_S)},
};

/* The volume as the loader reads it back to exactly the same rate: calls
 * a day with the fewest digits that do ("480" rather than
 * "479.99999999999994"), as always before; when no such number is exact
 * (40 an hour is not 960 a day in binary), the unit whose exact number is
 * shortest. */
static void rs_volume(FILE *f, double rate_per_s)
{
	double per_day = rate_per_s * DAY_S;
	struct rs_num n, best;
	size_t u, pick = 3;
	int as_before = rs_try(per_day, rate_per_s, rs_volume_units[0].per_s,
			       &best);

	if (as_before)
		pick = 0;
	for (u = 0; !as_before && u < 3; u++)
		if (rs_scaled(rate_per_s, rate_per_s / rs_volume_units[u].per_s,
			      rs_volume_units[u].per_s, &n) &&
		    (pick == 3 || strlen(n.s) < strlen(best.s))) {
			best = n;
			pick = u;
		}
	if (pick == 3) {	/* not from the loader: the nearest a day */
		best = rs_g(per_day);
		pick = 0;
	}
	fprintf(f, "    volume: {%s: %s}   # %s; ", rs_volume_units[pick].key,
		best.s, rs_volume_units[pick].comment);
	if (pick == 0)
		fprintf(f, "%.10g a year of %g days\n", per_day * RS_YEAR_DAYS,
			RS_YEAR_DAYS);
	else
		fprintf(f, "%.10g a day\n", per_day);
}

static void rs_demand(FILE *f, const struct demand_spec *d)
{
	const struct scenario_key *m;

	rs_volume(f, d->mean_rate_per_s);
	rs_profile(f, d);
	fputs("    months: {", f);
	for (m = scenario_schema_months; m->key; m++)
		fprintf(f, "%s%s: %s", m > scenario_schema_months ? ", " : "",
			m->key, rs_g(scenario_schema_get(m, d)).s);
	fputs("}\n", f);
	rs_surges(f, d);
}

/* incidents: {GRADE: probability, ...}, every grade, so the mix a run
 * uses is all in one place; nothing when there are no grades. */
static void rs_incidents(FILE *f, const struct scenario *sc,
			 const struct line_spec *l)
{
	double none = 1.0;

	if (sc->n_grades == 0)
		return;
	fputs("    incidents: {", f);
	for (size_t g = 0; g < sc->n_grades; g++) {
		fputs(g ? ", " : "", f);
		rs_string(f, sc->grades[g].name);
		fprintf(f, ": %s", rs_g(l->incident_p[g]).s);
		none -= l->incident_p[g];
	}
	fprintf(f, "}   # %.10g resolved on the call\n", none);
}

static void rs_line(FILE *f, const struct scenario *sc, const struct line_spec *l)
{
	fputs("  - name: ", f);
	rs_string(f, l->name);
	fputc('\n', f);
	rs_demand(f, &l->demand);
	/* An absent patience or wrap is left out: the file format has no
	 * word for "none". */
	if (l->has_patience) {
		fputs("    patience: ", f);
		rs_dist(f, &l->patience);
	} else {
		fputs("    # no patience: callers never abandon\n", f);
	}
	fputs("    redial:\n", f);
	rs_key(f, "      ", scenario_schema_redial, "probability", l, NULL);
	if (l->redial_probability > 0) {
		fputs("      delay: ", f);
		rs_dist(f, &l->redial_delay);
	}
	fputs("    handle: ", f);
	rs_dist(f, &l->handle);
	if (l->has_wrap) {
		fputs("    wrap: ", f);
		rs_dist(f, &l->wrap);
	} else {
		fputs("    # no wrap: no after-call work\n", f);
	}
	rs_target(f, "answer", scenario_schema_answer, l, l->goal);
	rs_incidents(f, sc, l);
}

static void rs_shift(FILE *f, const struct shift_spec *s)
{
	bool first = true;

	fputs("      - {name: ", f);
	rs_string(f, s->name);
	fputs(", start: \"", f);
	rs_clock(f, s->start_s);
	fprintf(f, "\", hours: %s, days: [", rs_g(s->duration_s / 3600.0).s);
	for (int d = 0; d < 7; d++)
		if (s->days & (1u << d)) {
			fprintf(f, "%s%s", first ? "" : ", ", rs_days[d]);
			first = false;
		}
	fputc(']', f);
	rs_flow(f, ", ", scenario_schema_shift, "staff", s);
	fputs("}\n", f);
}

static void rs_pool(FILE *f, const struct scenario *sc, const struct pool_spec *p)
{
	fputs("  - name: ", f);
	rs_string(f, p->name);
	fputs("\n    serves: [", f);
	for (size_t i = 0; i < p->n_serves; i++) {
		fputs(i ? ", " : "", f);
		rs_string(f, sc->lines[p->serves[i]].name);
	}
	fputs("]   # in priority order\n", f);
	rs_key(f, "    ", scenario_schema_pool, "shrinkage", p, NULL);
	rs_key(f, "    ", scenario_schema_pool, "hours_per_week", p,
	       "   # contracted hours of one FTE");
	rs_key(f, "    ", scenario_schema_pool, "cost_per_fte", p, "   # a year");
	fputs("    shifts:\n", f);
	for (size_t i = 0; i < p->n_shifts; i++)
		rs_shift(f, &p->shifts[i]);
	fprintf(f, "    # the roster implies %.10g FTE, an annual cost of %.10g\n",
		scenario_pool_fte(p), scenario_pool_cost(p));
}

static void rs_grade(FILE *f, const struct grade_spec *g)
{
	fputs("  - name: ", f);
	rs_string(f, g->name);
	fputc('\n', f);
	if (isnan(g->target_s))
		fputs("    # no attend: no attendance target\n", f);
	else
		rs_target(f, "attend", scenario_schema_attend, g, g->goal);
	if (g->has_delay) {
		fputs("    delay: ", f);
		rs_dist(f, &g->delay);
	} else {
		fputs("    # no delay: a unit is sought at once\n", f);
	}
	fputs("    travel: ", f);
	rs_dist(f, &g->travel);
	fputs("    on_scene: ", f);
	rs_dist(f, &g->on_scene);
	rs_key(f, "    ", scenario_schema_grade, "preemptible", g, NULL);
}

static void rs_area(FILE *f, const struct scenario *sc, const struct area_spec *a)
{
	fputs("  - name: ", f);
	rs_string(f, a->name);
	fputc('\n', f);
	rs_key(f, "    ", scenario_schema_area, "share", a, NULL);
	fputs("    neighbours: [", f);
	for (size_t i = 0; i < a->n_neighbours; i++) {
		fputs(i ? ", " : "", f);
		rs_string(f, sc->areas[a->neighbours[i]].name);
	}
	fputs("]   # nearest first\n", f);
	rs_key(f, "    ", scenario_schema_area, "travel_factor", a, NULL);
}

/* A role: what it attends, or, for ring-fenced neighbourhood officers,
 * when they may be abstracted; then its cost. */
static void rs_role(FILE *f, const struct scenario *sc, const struct role_spec *r)
{
	fputs("  - name: ", f);
	rs_string(f, r->name);
	fputc('\n', f);
	rs_key(f, "    ", scenario_schema_role, "neighbourhood", r, NULL);
	if (r->neighbourhood) {
		fprintf(f, "    abstraction: {allowed: %s, after_s: %s}\n",
			r->abstraction == ABSTRACTION_EMERGENCY_ONLY
			? "emergency_only" : "never", rs_g(r->abstract_after_s).s);
	} else {
		bool first = true;

		fputs("    attends: [", f);
		for (size_t g = 0; g < sc->n_grades; g++)
			if (r->attends & (1u << g)) {
				fputs(first ? "" : ", ", f);
				rs_string(f, sc->grades[g].name);
				first = false;
			}
		fputs("]\n", f);
	}
	rs_key(f, "    ", scenario_schema_role, "cost_per_fte", r, "   # a year");
	rs_key(f, "    ", scenario_schema_role, "hours_per_week", r,
	       "   # contracted hours of one FTE");
}

static void rs_dispatch(FILE *f, const struct dispatch_spec *d)
{
	fputs("dispatch:\n", f);
	rs_keys(f, "  ", scenario_schema_dispatch, d);
}

static void rs_unit(FILE *f, const struct scenario *sc, const struct unit_spec *u)
{
	fputs("  - area: ", f);
	rs_string(f, sc->areas[u->area].name);
	fputs("\n    role: ", f);
	rs_string(f, sc->roles[u->role].name);
	fputc('\n', f);
	rs_key(f, "    ", scenario_schema_unit, "crew", u, "   # officers a unit");
	rs_key(f, "    ", scenario_schema_unit, "shrinkage", u, NULL);
	fputs("    shifts:   # staff = units on the shift\n", f);
	for (size_t i = 0; i < u->n_shifts; i++)
		rs_shift(f, &u->shifts[i]);
	fprintf(f, "    # the roster implies %.10g FTE, an annual cost of %.10g\n",
		scenario_unit_fte(sc, u), scenario_unit_cost(sc, u));
}

/* The officers of each role, summed over the role's unit rosters, in the
 * order of the file (as the run's report sums them). */
static void rs_role_costs(FILE *f, const struct scenario *sc)
{
	for (size_t r = 0; r < sc->n_roles; r++) {
		double fte = 0.0, cost = 0.0;

		for (size_t u = 0; u < sc->n_units; u++)
			if (sc->units[u].role == r) {
				fte += scenario_unit_fte(sc, &sc->units[u]);
				cost += scenario_unit_cost(sc, &sc->units[u]);
			}
		fprintf(f, "# role %s: %.10g FTE, an annual cost of %.10g\n",
			sc->roles[r].name, fte, cost);
	}
}

/* grades, areas, roles, dispatch and units, and the units' FTE and cost
 * added to *fte and *cost; nothing for calls only. */
static void rs_response(FILE *f, const struct scenario *sc, double *fte,
			double *cost)
{
	if (sc->n_grades == 0)
		return;
	fputs("grades:   # highest first\n", f);
	for (size_t g = 0; g < sc->n_grades; g++)
		rs_grade(f, &sc->grades[g]);
	fputs("areas:\n", f);
	for (size_t a = 0; a < sc->n_areas; a++)
		rs_area(f, sc, &sc->areas[a]);
	fputs("roles:\n", f);
	for (size_t r = 0; r < sc->n_roles; r++)
		rs_role(f, sc, &sc->roles[r]);
	rs_dispatch(f, &sc->dispatch);
	fputs("units:\n", f);
	for (size_t u = 0; u < sc->n_units; u++)
		rs_unit(f, sc, &sc->units[u]);
	rs_role_costs(f, sc);
	for (size_t u = 0; u < sc->n_units; u++) {
		*fte += scenario_unit_fte(sc, &sc->units[u]);
		*cost += scenario_unit_cost(sc, &sc->units[u]);
	}
}

enum sim_status report_scenario_write(FILE *f, const struct scenario *sc,
				      struct sim_err *err)
{
	double fte = 0.0, cost = 0.0;

	rs_run(f, sc);
	fputs("lines:\n", f);
	for (size_t l = 0; l < sc->n_lines; l++)
		rs_line(f, sc, &sc->lines[l]);
	fputs("pools:\n", f);
	for (size_t p = 0; p < sc->n_pools; p++) {
		rs_pool(f, sc, &sc->pools[p]);
		fte += scenario_pool_fte(&sc->pools[p]);
		cost += scenario_pool_cost(&sc->pools[p]);
	}
	fprintf(f, "# all pools: %.10g FTE, an annual cost of %.10g\n", fte, cost);
	rs_response(f, sc, &fte, &cost);
	if (sc->n_grades > 0)
		fprintf(f, "# all pools and units: %.10g FTE, an annual cost of "
			"%.10g\n", fte, cost);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the scenario failed");
	return SIM_OK;
}
