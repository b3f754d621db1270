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

#include "models/scenario_rota.h"
#include "models/scenario_schema.h"
#include "models/week.h"
#include "results/report_rota.h"

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

/* A distribution as a flow mapping with the parameters a planner gives,
 * those its kind takes in the schema. */
static void rs_dist(FILE *f, const struct dist *d)
{
	const char *const *key = scenario_schema_dist_keys[d->kind] + 1;

	fprintf(f, "{dist: %s", dist_kind_name(d->kind));
	for (; d->kind != DIST_EMPIRICAL && *key; key++)
		fprintf(f, ", %s: %s", *key, rs_g(scenario_schema_get(
			scenario_schema_find(scenario_schema_dist, *key), d)).s);
	fputs(d->kind == DIST_EMPIRICAL ? ", values: [" : "", f);
	for (size_t i = 0; d->kind == DIST_EMPIRICAL && i < d->n_values; i++)
		fprintf(f, "%s%s", i ? ", " : "", rs_g(d->values[i]).s);
	fputs(d->kind == DIST_EMPIRICAL ? "]" : "", f);
	fprintf(f, "}   # seconds, mean %.10g\n", dist_mean(d));
}

/* Where a record is being written: block rows each on a line of their
 * own at indent (the first row of a list item at first), or flow rows
 * inside {...}, sep before each. */
struct rs {
	FILE *f;
	const struct scenario *sc;
	const struct rs_hook *hooks;
	const char *indent;          /* this row's, block style */
	char base[16];               /* the record's rows' indent */
	const char *sep;             /* flow style: "" first, then ", " */
};

/* Writes row k of rec itself, in place of the row's kind. */
struct rs_hook {
	const char *key;
	void (*write)(struct rs *w, const struct scenario_key *k,
		      const void *rec);
};

static void rs_block(struct rs *w, const struct scenario_key *t,
		     const void *rec, const char *first);
static void rs_flow_rows(struct rs *w, const struct scenario_key *t,
			 const void *rec);
static void rs_records(struct rs *w, const struct scenario_key *k,
		       const void *rec);

static const void *rs_at(const struct scenario_key *k, const void *rec)
{
	return (const char *)rec + k->offset;
}

/* "INDENTkey: " on a line of its own, or "SEPkey: " inside a flow, in
 * one write: check writes a thousand rows for a large force. */
static void rs_open(struct rs *w, const struct scenario_key *k)
{
	const char *lead = w->sep ? w->sep : w->indent;
	size_t a = strlen(lead), b = strlen(k->key);
	char buf[96];

	w->sep = w->sep ? ", " : NULL;
	if (a + b + 2 > sizeof buf) {
		fprintf(w->f, "%s%s: ", lead, k->key);
		return;
	}
	memcpy(buf, lead, a);
	memcpy(buf + a, k->key, b);
	memcpy(buf + a + b, ": ", 2);
	fwrite(buf, 1, a + b + 2, w->f);
}

/* The end of a block row: its note and the line's end. */
static void rs_close(struct rs *w, const struct scenario_key *k)
{
	if (w->sep)
		return;
	if (k->note)
		fputs(k->note, w->f);
	fputc('\n', w->f);
}

static const char *const rs_days[7] = {WEEK_DAY_KEYS};

/* The value of row k in rec, as the file gives it, by the row's kind. */
static void rs_put(struct rs *w, const struct scenario_key *k, const void *rec)
{
	const struct demand_date *d = rs_at(k, rec);
	double v = k->kind == SCENARIO_CLOCK || k->kind == SCENARIO_WHEN ||
		   k->kind == SCENARIO_WORD ? scenario_schema_get(k, rec) : 0;

	if (k->kind == SCENARIO_TEXT || k->kind == SCENARIO_NAME)
		rs_string(w->f, rs_at(k, rec));
	else if (k->kind == SCENARIO_WORD)
		fputs(k->words[(int)v], w->f);
	else if (k->kind == SCENARIO_CLOCK || k->kind == SCENARIO_WHEN) {
		fputc('"', w->f);
		if (k->kind == SCENARIO_WHEN)
			fprintf(w->f, "%s ", rs_days[(long)(v / DAY_S) % 7]);
		rs_clock(w->f, fmod(v, DAY_S));
		fputc('"', w->f);
	} else if (k->kind == SCENARIO_DATE)
		fprintf(w->f, "\"%04d-%02d-%02d\"", d->year, d->month, d->mday);
	else if (k->kind == SCENARIO_SEED)
		fprintf(w->f, "%" PRIu64, *(const uint64_t *)rs_at(k, rec));
	else
		fputs(rs_value(k, rec).s, w->f);
}

/* A map's row: on one line, or its rows indented under its key. */
static void rs_map(struct rs *w, const struct scenario_key *k, const void *rec)
{
	struct rs sub = *w;

	if (k->flow || w->sep) {
		rs_open(w, k);
		fputc('{', w->f);
		rs_flow_rows(&sub, k->sub, rs_at(k, rec));
		fputc('}', w->f);
		rs_close(w, k);
		return;
	}
	fprintf(w->f, "%s%s:\n", w->indent, k->key);
	snprintf(sub.base, sizeof sub.base, "%.13s  ", w->base);
	rs_block(&sub, k->sub, rs_at(k, rec), sub.base);
}

/* A reference, or a list of them "[a, b]", by the names of the records
 * of the list they refer to. */
static void rs_refs(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	int one = k->kind == SCENARIO_REF;
	const size_t *idx = one ? rs_at(k, rec) :
		*(const size_t *const *)rs_at(k, rec);
	size_t n = one ? 1 : *(const size_t *)(const void *)
		((const char *)rec + k->count);

	rs_open(w, k);
	fputs(one ? "" : "[", w->f);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", w->f);
		rs_string(w->f, scenario_schema_ref_name(w->sc, k->of, idx[i]));
	}
	fputs(one ? "" : "]", w->f);
	rs_close(w, k);
}

/* A list of numbers "[2, 5]", as the row keeps them; nothing when it is
 * empty (absent). */
static void rs_values(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	const void *items = *(const void *const *)rs_at(k, rec);
	size_t n = *(const size_t *)(const void *)
		((const char *)rec + k->count);

	if (n == 0)
		return;
	rs_open(w, k);
	for (size_t i = 0; i < n; i++)
		fprintf(w->f, "%s%s", i ? ", " : "[", rs_g(scenario_schema_item(
			k, items, i)).s);
	fputc(']', w->f);
	rs_close(w, k);
}

/* Row k of rec, by its hook or its kind; kinds read only by hooks (lists
 * of records, spans) have nothing to write without one. */
static void rs_row(struct rs *w, const struct scenario_key *k, const void *rec)
{
	const struct rs_hook *h = w->hooks;

	if (k->shown && !(*(const double *)(const void *)
			  ((const char *)rec + k->shown - 1) > 0))
		return;
	/* An optional number without a default (NAN) left out, as given. */
	if (k->kind == SCENARIO_NUMBER && isnan(k->def) &&
	    isnan(scenario_schema_get(k, rec)))
		return;
	for (; h && h->key && (h->key[0] != k->key[0] ||
			       strcmp(h->key, k->key) != 0); h++)
		;
	if (h && h->key)
		h->write(w, k, rec);
	else if (k->kind == SCENARIO_MAP)
		rs_map(w, k, rec);
	else if (k->of)
		rs_refs(w, k, rec);
	else if (k->kind == SCENARIO_LIST && k->rule)
		rs_values(w, k, rec);
	else if (k->kind == SCENARIO_LIST && k->size)
		rs_records(w, k, rec);
	else if (k->kind == SCENARIO_DIST && k->given &&
		 !*(const int *)(const void *)((const char *)rec + k->given - 1))
		fputs(k->absent, w->f);
	else if (k->kind == SCENARIO_DIST) {
		rs_open(w, k);
		rs_dist(w->f, rs_at(k, rec));
	} else if (k->kind != SCENARIO_LIST && k->kind != SCENARIO_SPAN) {
		rs_open(w, k);
		rs_put(w, k, rec);
		rs_close(w, k);
	}
}

/* The rows of t, one a line at w's base indent, the first at first. */
static void rs_block(struct rs *w, const struct scenario_key *t,
		     const void *rec, const char *first)
{
	w->sep = NULL;
	for (w->indent = first; t->key; t++, w->indent = w->base)
		rs_row(w, t, rec);
}

static void rs_flow_rows(struct rs *w, const struct scenario_key *t,
			 const void *rec)
{
	for (w->sep = ""; t->key; t++)
		rs_row(w, t, rec);
}

/* A list item written on one line, "INDENT- {key: value, ...}". */
static void rs_flow_item(struct rs *w, const struct scenario_key *t,
			 const void *rec)
{
	fprintf(w->f, "%s- {", w->base);
	rs_flow_rows(w, t, rec);
	fputs("}\n", w->f);
	w->sep = NULL;
}

/* A list of records kept at row k's place, one a line under its key;
 * the row's absent text when there are none. */
static void rs_records(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	const char *items = *(const char *const *)rs_at(k, rec);
	size_t n = *(const size_t *)(const void *)
		((const char *)rec + k->count);
	struct rs sub = {w->f, w->sc, w->hooks, NULL, "", NULL};

	if (n == 0) {
		fputs(k->absent ? k->absent : "", w->f);
		return;
	}
	fprintf(w->f, "%s%s:%s\n", w->indent, k->key, k->note ? k->note : "");
	snprintf(sub.base, sizeof sub.base, "%.13s  ", w->base);
	for (size_t i = 0; i < n; i++)
		rs_flow_item(&sub, k->sub, items + i * k->size);
}

/* A list item in block style at "  - ". */
static void rs_item(FILE *f, const struct scenario *sc,
		    const struct scenario_key *t, const struct rs_hook *hooks,
		    const void *rec)
{
	struct rs w = {f, sc, hooks, NULL, "    ", NULL};

	rs_block(&w, t, rec, "  - ");
}

/* The weekly profile, twelve factors a row. */
static void rs_profile(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	const struct demand_spec *d = &((const struct line_spec *)rec)->demand;
	FILE *f = w->f;

	(void)k;
	fprintf(f, "    profile: [   # %zu %s factors from Monday 00:00\n",
		d->n_slots, d->n_slots == 168 ? "hourly" : "quarter-hourly");
	for (size_t i = 0; i < d->n_slots; i++)
		fprintf(f, "%s%s%s", i % 12 == 0 ? "      " : " ", rs_g(d->profile[i]).s,
			i + 1 == d->n_slots ? "\n" : (i % 12 == 11 ? ",\n" : ","));
	fputs("    ]\n", f);
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
static void rs_volume(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	double rate_per_s =
		((const struct line_spec *)rec)->demand.mean_rate_per_s;
	FILE *f = w->f;
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
	fprintf(f, "    %s: {%s: %s}   # %s; ", k->key,
		rs_volume_units[pick].key, best.s, rs_volume_units[pick].comment);
	if (pick == 0)
		fprintf(f, "%.10g a year of %g days\n", per_day * RS_YEAR_DAYS,
			RS_YEAR_DAYS);
	else
		fprintf(f, "%.10g a day\n", per_day);
}

/* A target {within_s, goal[, per, on_at_least]} (a line's answer, a
 * grade's attend). */
static void rs_target(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	const struct scenario_key *goal = &k->sub[1];
	const struct scenario_key *per = scenario_schema_find(k->sub, "per");

	rs_open(w, k);
	fputc('{', w->f);
	w->sep = "";
	rs_row(w, &k->sub[0], rec);
	if (!isnan(scenario_schema_get(goal, rec)))
		rs_row(w, goal, rec);
	/* per and on_at_least only for an agreement met period by period:
	 * without them the goal is the horizon's, as before they existed.
	 * Found by name: a deferrable stream's target has neither row. */
	if (per && scenario_schema_get(per, rec) != 0) {
		rs_row(w, per, rec);
		rs_row(w, scenario_schema_find(k->sub, "on_at_least"), rec);
	}
	w->sep = NULL;
	fputs(isnan(scenario_schema_get(goal, rec)) ? "}   # no goal: no "
	      "verdict\n" : "}\n", w->f);
}

/* incidents: {GRADE: probability, ...}, every grade, so the mix a run
 * uses is all in one place; nothing when there are no grades. */
static void rs_hook_incidents(struct rs *w, const struct scenario_key *k,
			      const void *rec)
{
	const struct line_spec *l = rec;
	double none = 1.0;

	if (w->sc->n_grades == 0)
		return;
	fprintf(w->f, "    %s: {", k->key);
	for (size_t g = 0; g < w->sc->n_grades; g++) {
		fputs(g ? ", " : "", w->f);
		rs_string(w->f, w->sc->grades[g].name);
		fprintf(w->f, ": %s", rs_g(l->incident_p[g]).s);
		none -= l->incident_p[g];
	}
	fprintf(w->f, "}   # %.10g resolved on the call\n", none);
}

static const struct rs_hook rs_line_hooks[] = {
	{"volume", rs_volume}, {"profile", rs_profile},
	{"answer", rs_target},
	{"incidents", rs_hook_incidents}, {NULL, NULL}};

static void rs_hook_hours(struct rs *w, const struct scenario_key *k,
			  const void *rec)
{
	rs_open(w, k);
	fputs(rs_g(((const struct shift_spec *)rec)->duration_s / 3600.0).s,
	      w->f);
}

static void rs_hook_days(struct rs *w, const struct scenario_key *k,
			 const void *rec)
{
	const char *sep = "";

	rs_open(w, k);
	fputc('[', w->f);
	for (int d = 0; d < 7; d++)
		if (((const struct shift_spec *)rec)->days & (1u << d)) {
			fputs(sep, w->f);
			fputs(rs_days[d], w->f);
			sep = ", ";
		}
	fputc(']', w->f);
}

static const struct rs_hook rs_shift_hooks[] = {
	{"hours", rs_hook_hours}, {"days", rs_hook_days}, {NULL, NULL}};

/* A roster's shifts under its key and the row's note. */
static void rs_shifts(struct rs *w, const struct scenario_key *k,
		      const struct shift_spec *s, size_t n)
{
	struct rs sub = {w->f, w->sc, rs_shift_hooks, NULL, "      ", NULL};

	fprintf(w->f, "    %s:%s\n", k->key, k->note ? k->note : "");
	for (size_t i = 0; i < n; i++)
		rs_flow_item(&sub, k->sub, &s[i]);
}

static void rs_hook_pool_shifts(struct rs *w, const struct scenario_key *k,
				const void *rec)
{
	const struct pool_spec *p = rec;

	if (p->rota)
		return;
	rs_shifts(w, k, p->shifts, p->n_shifts);
	fprintf(w->f, "    # the roster implies %.10g FTE, an annual cost of "
		"%.10g\n", scenario_pool_fte(p), scenario_pool_cost(p));
}

static void rs_hook_rota_pattern(struct rs *w, const struct scenario_key *k,
				 const void *rec)
{
	rs_open(w, k);
	rs_string(w->f, ((const struct scenario_rota *)rec)->pattern);
	rs_close(w, k);
}

static void rs_hook_rota_shifts(struct rs *w, const struct scenario_key *k,
				const void *rec)
{
	const struct scenario_rota *r = rec;
	struct rs sub = {w->f, w->sc, rs_shift_hooks, NULL, "        ", NULL};

	fprintf(w->f, "      %s:\n", k->key);
	for (size_t i = 0; i < r->n_shifts; i++)
		rs_flow_item(&sub, k->sub, &r->shifts[i]);
}

static void rs_hook_rota_start(struct rs *w, const struct scenario_key *k,
			       const void *rec)
{
	struct scenario_rota r = *(const struct scenario_rota *)rec;

	if (r.start.year == 0)
		r.start = w->sc->run.start;
	rs_open(w, k);
	rs_put(w, k, &r);
	rs_close(w, k);
}

static const struct rs_hook rs_rota_hooks[] = {
	{"pattern", rs_hook_rota_pattern}, {"shifts", rs_hook_rota_shifts},
	{"start", rs_hook_rota_start},
	{NULL, NULL}};

/* A rota pool's rota and what it gives (results/report_rota.h). */
static void rs_hook_pool_rota(struct rs *w, const struct scenario_key *k,
			      const void *rec)
{
	const struct pool_spec *p = rec;
	struct rs sub = {w->f, w->sc, rs_rota_hooks, NULL, "      ", NULL};
	struct report_rota_of o = {p->rota, p->shrinkage, p->hours_per_week,
		0.0, 0.0, 0, demand_weekday(w->sc->run.start)};

	if (!p->rota)
		return;
	o.fte = scenario_pool_fte(p);
	o.cost = scenario_pool_cost(p);
	fprintf(w->f, "    %s:\n", k->key);
	rs_block(&sub, k->sub, p->rota, "      ");
	report_rota_write(w->f, &o, "    ");
}

static const struct rs_hook rs_pool_hooks[] = {
	{"shifts", rs_hook_pool_shifts},
	{"rota", rs_hook_pool_rota},
	{NULL, NULL}};

/* A stream is written as a line's demand and target are. */
static const struct rs_hook rs_deferrable_hooks[] = {
	{"volume", rs_volume}, {"profile", rs_profile},
	{"answer", rs_target}, {NULL, NULL}};

static void rs_hook_attend(struct rs *w, const struct scenario_key *k,
			   const void *rec)
{
	if (isnan(((const struct grade_spec *)rec)->target_s))
		fputs("    # no attend: no attendance target\n", w->f);
	else
		rs_target(w, k, rec);
}

static const struct rs_hook rs_grade_hooks[] = {
	{"attend", rs_hook_attend}, {NULL, NULL}};

/* travel_by_hour, when given: 168 factors, twelve a row (a CSV's are
 * written inline, as a profile's are). */
static void rs_hook_travel_hours(struct rs *w, const struct scenario_key *k,
				 const void *rec)
{
	const struct travel_week *t = rs_at(k, rec);
	char in[24];

	if (!t->given)
		return;
	snprintf(in, sizeof in, "%.13s  ", w->base);
	fprintf(w->f, "%s%s: [   # travel factors by hour from Monday 00:00\n",
		w->indent, k->key);
	for (size_t i = 0; i < HOURS_PER_WEEK; i++)
		fprintf(w->f, "%s%s%s", i % 12 == 0 ? in : " ",
			rs_g(t->factor[i]).s, i + 1 == HOURS_PER_WEEK ? "\n" :
			(i % 12 == 11 ? ",\n" : ","));
	fprintf(w->f, "%s]\n", w->base);
}

static const struct rs_hook rs_area_hooks[] = {
	{"travel_by_hour", rs_hook_travel_hours}, {NULL, NULL}};

/* A role: what it attends, or, for ring-fenced neighbourhood officers,
 * when they may be abstracted. */
static void rs_hook_attends(struct rs *w, const struct scenario_key *k,
			    const void *rec)
{
	const struct role_spec *r = rec;
	const char *sep = "";

	if (r->neighbourhood)
		return;
	rs_open(w, k);
	fputc('[', w->f);
	for (size_t g = 0; g < w->sc->n_grades; g++)
		if (r->attends & (1u << g)) {
			fputs(sep, w->f);
			rs_string(w->f, w->sc->grades[g].name);
			sep = ", ";
		}
	fputs("]\n", w->f);
}

static void rs_hook_abstraction(struct rs *w, const struct scenario_key *k,
				const void *rec)
{
	if (((const struct role_spec *)rec)->neighbourhood)
		rs_map(w, k, rec);
}

static const struct rs_hook rs_role_hooks[] = {
	{"attends", rs_hook_attends}, {"abstraction", rs_hook_abstraction},
	{NULL, NULL}};

static void rs_hook_unit_shifts(struct rs *w, const struct scenario_key *k,
				const void *rec)
{
	const struct unit_spec *u = rec;

	if (u->rota)
		return;
	rs_shifts(w, k, u->shifts, u->n_shifts);
	fprintf(w->f, "    # the roster implies %.10g FTE, an annual cost of "
		"%.10g\n", scenario_unit_fte(w->sc, u),
		scenario_unit_cost(w->sc, u));
}

/* A unit roster's rota and what it gives, in units and officers
 * (results/report_rota.h). */
static void rs_hook_unit_rota(struct rs *w, const struct scenario_key *k,
			      const void *rec)
{
	const struct unit_spec *u = rec;
	struct rs sub = {w->f, w->sc, rs_rota_hooks, NULL, "      ", NULL};
	struct report_rota_of o = {u->rota, u->shrinkage, 0.0, 0.0, 0.0,
		u->crew, demand_weekday(w->sc->run.start)};

	if (!u->rota)
		return;
	o.hours_per_week = w->sc->roles[u->role].hours_per_week;
	o.fte = scenario_unit_fte(w->sc, u);
	o.cost = scenario_unit_cost(w->sc, u);
	fprintf(w->f, "    %s:\n", k->key);
	rs_block(&sub, k->sub, u->rota, "      ");
	report_rota_write(w->f, &o, "    ");
}

static const struct rs_hook rs_unit_hooks[] = {
	{"shifts", rs_hook_unit_shifts}, {"rota", rs_hook_unit_rota},
	{NULL, NULL}};

/* A spec built in code may leave max_waiting 0, for the default. */
static void rs_hook_max_waiting(struct rs *w, const struct scenario_key *k,
				const void *rec)
{
	const struct run_spec *r = rec;

	rs_open(w, k);
	fprintf(w->f, "%zu\n", r->max_waiting ? r->max_waiting :
		(size_t)SCENARIO_MAX_WAITING_DEFAULT);
}

/* The top level's hooks, and those of its maps (run, dispatch). */
static const struct rs_hook rs_top_hooks[] = {
	{"max_waiting", rs_hook_max_waiting},
	{"travel_by_hour", rs_hook_travel_hours}, {NULL, NULL}};

/* A list of the top level, each item through t and hooks. */
#define RS_LIST(f, sc, header, t, hooks, items, n)                          \
	do {                                                                \
		fputs(header, f);                                           \
		for (size_t i_ = 0; i_ < (n); i_++)                         \
			rs_item(f, sc, t, hooks, &(items)[i_]);             \
	} while (0)

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
static void rs_response(struct rs *w, double *fte, double *cost)
{
	const struct scenario *sc = w->sc;

	if (sc->n_grades == 0)
		return;
	RS_LIST(w->f, sc, "grades:   # highest first\n", scenario_schema_grade,
		rs_grade_hooks, sc->grades, sc->n_grades);
	RS_LIST(w->f, sc, "areas:\n", scenario_schema_area, rs_area_hooks,
		sc->areas, sc->n_areas);
	RS_LIST(w->f, sc, "roles:\n", scenario_schema_role, rs_role_hooks,
		sc->roles, sc->n_roles);
	rs_row(w, scenario_schema_find(scenario_schema_top, "dispatch"), sc);
	RS_LIST(w->f, sc, "units:\n", scenario_schema_unit, rs_unit_hooks,
		sc->units, sc->n_units);
	rs_role_costs(w->f, sc);
	for (size_t u = 0; u < sc->n_units; u++) {
		*fte += scenario_unit_fte(sc, &sc->units[u]);
		*cost += scenario_unit_cost(sc, &sc->units[u]);
	}
}

enum sim_status report_scenario_write(FILE *f, const struct scenario *sc,
				      struct sim_err *err)
{
	struct rs w = {f, sc, rs_top_hooks, "", "", NULL};
	const struct scenario_key *t = scenario_schema_top;
	double fte = 0.0, cost = 0.0;

	rs_row(&w, scenario_schema_find(t, "name"), sc);
	/* Only when not the default, so a scenario in pounds reads as before. */
	if (sc->currency != CURRENCY_GBP)
		rs_row(&w, scenario_schema_find(t, "currency"), sc);
	rs_row(&w, scenario_schema_find(t, "run"), sc);
	RS_LIST(f, sc, "lines:\n", scenario_schema_line, rs_line_hooks,
		sc->lines, sc->n_lines);
	RS_LIST(f, sc, "pools:\n", scenario_schema_pool, rs_pool_hooks,
		sc->pools, sc->n_pools);
	for (size_t p = 0; p < sc->n_pools; p++) {
		fte += scenario_pool_fte(&sc->pools[p]);
		cost += scenario_pool_cost(&sc->pools[p]);
	}
	fprintf(f, "# all pools: %.10g FTE, an annual cost of %.10g\n", fte, cost);
	if (sc->n_busyness > 0)
		RS_LIST(f, sc, "busyness:\n", scenario_schema_busyness, NULL,
			sc->busyness, sc->n_busyness);
	if (sc->n_deferrable > 0)
		RS_LIST(f, sc, "deferrable:\n", scenario_schema_deferrable,
			rs_deferrable_hooks, sc->deferrable, sc->n_deferrable);
	if (sc->events[0])
		rs_row(&w, scenario_schema_find(t, "events"), sc);
	rs_response(&w, &fte, &cost);
	if (sc->n_grades > 0)
		fprintf(f, "# all pools and units: %.10g FTE, an annual cost of "
			"%.10g\n", fte, cost);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the scenario failed");
	return SIM_OK;
}
