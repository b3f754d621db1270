/* report_scenario.c: the normalised scenario as YAML (see
 * report_scenario.h), written by walking the schema's tables
 * (models/scenario_schema.h): each row by its kind, or by its form where
 * the kind does not say, left out where its `shown` test fails (its
 * `absent` text instead), with its note after it. The derived figures
 * (FTE and cost, the rota's table, the calls resolved without an
 * incident) are the only hooks.
 *
 * Strings are always double-quoted (names such as "999" would otherwise read
 * as numbers). Values are printed with the fewest digits that read back as
 * the same double, so `callsim check` on its own output gives the same
 * scenario, bit for bit; derived figures in comments use %.10g. */
#include "results/report_scenario.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "models/scenario_rota.h"
#include "models/scenario_schema.h"
#include "models/week.h"
#include "results/report_rota.h"

#define RS_YEAR_DAYS 365.0   /* the year a volume per_year is spread over */

/* Where a record is being written: block rows each on a line of their
 * own at indent (the first row of a list item at first), or flow rows
 * inside {...}, sep before each, and the absent text of a row left out
 * of the flow, written after its closing brace. */
struct rs {
	FILE *f;
	const struct scenario *sc;
	const char *indent;          /* this row's, block style */
	char base[16];               /* the record's rows' indent */
	const char *sep;             /* flow style: "" first, then ", " */
	const char *after;
};

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

/* A number as text, returned by value so several fit in one fprintf (a
 * temporary lives to the end of the full expression). */
struct rs_num {
	char s[32];
};

/* The shortest text, from 10 digits, of y that the loader, multiplying
 * what it reads by scale, turns into exactly value; 0 when none does
 * (n then holds 17 digits). */
static int rs_try(double y, double value, double scale, struct rs_num *n)
{
	for (int digits = 10; digits <= 17; digits++) {
		snprintf(n->s, sizeof n->s, "%.*g", digits, y);
		if (strtod(n->s, NULL) * scale == value)
			return 1;
	}
	return 0;
}

static struct rs_num rs_g(double x)
{
	struct rs_num n;

	rs_try(x, x, 1, &n);
	return n;
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

static const void *rs_at(const struct scenario_key *k, const void *rec)
{
	return (const char *)rec + k->offset;
}

static size_t rs_count(const struct scenario_key *k, const void *rec)
{
	return *(const size_t *)(const void *)((const char *)rec + k->count);
}

/* "INDENTkey: " on a line of its own, or "SEPkey: " inside a flow. */
static void rs_open(struct rs *w, const struct scenario_key *k)
{
	fputs(w->sep ? w->sep : w->indent, w->f);
	fputs(k->key, w->f);
	fputs(": ", w->f);
	w->sep = w->sep ? ", " : NULL;
}

/* The end of a block row: its note and the line's end. */
static void rs_close(struct rs *w, const struct scenario_key *k)
{
	if (w->sep)
		return;
	fputs(k->note ? k->note : "", w->f);
	fputc('\n', w->f);
}

/* Whether row k of rec is written: not an optional number without a
 * default (NAN) or text left out, nor an empty list of records or
 * numbers, nor an absent distribution, and its `shown` test holds. */
static int rs_shown(const struct scenario_key *k, const void *rec)
{
	const char *at = (const char *)rec + k->shown - 1;

	if ((k->kind == SCENARIO_NUMBER && isnan(k->def) &&
	     isnan(scenario_schema_get(k, rec))) ||
	    (k->kind == SCENARIO_TEXT && !k->required &&
	     !*(const char *)rs_at(k, rec)) ||
	    (k->kind == SCENARIO_LIST && (k->size || k->rule) &&
	     rs_count(k, rec) == 0) ||
	    (k->given && !*(const int *)(const void *)
	     ((const char *)rec + k->given - 1)))
		return 0;
	if (!k->shown)
		return 1;
	switch (k->shown_if) {
	case SCENARIO_SHOWN_POSITIVE:
		return *(const double *)(const void *)at > 0;
	case SCENARIO_SHOWN_NUMBER:
		return !isnan(*(const double *)(const void *)at);
	case SCENARIO_SHOWN_SET:
	case SCENARIO_SHOWN_UNSET:
		return (*(const int *)(const void *)at != 0) ==
		       (k->shown_if == SCENARIO_SHOWN_SET);
	case SCENARIO_SHOWN_HELD:
	case SCENARIO_SHOWN_NOT_HELD:
		return (*(const void *const *)(const void *)at != NULL) ==
		       (k->shown_if == SCENARIO_SHOWN_HELD);
	default:
		return *(const size_t *)(const void *)at != 0;
	}
}

/* A time of day "07:00", with the day before it for a time of the week:
 * scenario files give times to the minute. A date not given (year 0)
 * is the run's start. */
static void rs_time(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	static const char *const days[7] = {WEEK_DAY_KEYS};
	const struct demand_date *d = rs_at(k, rec);
	double v = scenario_schema_get(k, rec);
	long min = lround(fmod(v, DAY_S) / 60.0);

	if (k->kind == SCENARIO_DATE && d->year == 0)
		d = &w->sc->run.start;
	if (k->kind == SCENARIO_DATE)
		fprintf(w->f, "\"%04d-%02d-%02d\"", d->year, d->month, d->mday);
	else
		fprintf(w->f, "\"%s%s%02ld:%02ld\"", k->kind == SCENARIO_WHEN ?
			days[(long)(v / DAY_S) % 7] : "", k->kind ==
			SCENARIO_WHEN ? " " : "", min / 60 % 24, min % 60);
}

/* A value on one line, by its kind: a whole number kept as one needs no
 * search for its digits. */
static void rs_scalar(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	double v = k->kind == SCENARIO_SEED || k->kind == SCENARIO_TEXT ||
		   k->kind == SCENARIO_NAME ? 0 : scenario_schema_get(k, rec);

	rs_open(w, k);
	if (k->kind == SCENARIO_TEXT || k->kind == SCENARIO_NAME)
		rs_string(w->f, rs_at(k, rec));
	else if (k->kind == SCENARIO_WORD)
		fputs(k->words[(int)v], w->f);
	else if (k->kind == SCENARIO_BOOL)
		fputs(v != 0 ? "true" : "false", w->f);
	else if (k->kind == SCENARIO_CLOCK || k->kind == SCENARIO_WHEN ||
		 k->kind == SCENARIO_DATE)
		rs_time(w, k, rec);
	else if (k->kind == SCENARIO_SEED)
		fprintf(w->f, "%" PRIu64, *(const uint64_t *)rs_at(k, rec));
	else if (k->store != SCENARIO_DOUBLE && k->scale == 1)
		fprintf(w->f, "%lld", (long long)v);
	else
		fputs(rs_g(v).s, w->f);
	rs_close(w, k);
}

/* A distribution as a flow mapping with the parameters its kind takes
 * in the schema, and its mean. */
static void rs_dist(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	const struct dist *d = rs_at(k, rec);
	const char *const *key = scenario_schema_dist_keys[d->kind] + 1;

	rs_open(w, k);
	fprintf(w->f, "{dist: %s", dist_kind_name(d->kind));
	for (; d->kind != DIST_EMPIRICAL && *key; key++)
		fprintf(w->f, ", %s: %s", *key, rs_g(scenario_schema_get(
			scenario_schema_find(scenario_schema_dist, *key), d)).s);
	for (size_t i = 0; d->kind == DIST_EMPIRICAL && i < d->n_values; i++)
		fprintf(w->f, "%s%s", i ? ", " : ", values: [",
			rs_g(d->values[i]).s);
	fputs(d->kind == DIST_EMPIRICAL ? "]" : "", w->f);
	fprintf(w->f, "}   # seconds, mean %.10g\n", dist_mean(d));
}

/* The records of the list row k names, or its words. */
static size_t rs_members(struct rs *w, const struct scenario_key *k)
{
	size_t n = 0;

	if (k->of)
		return *(const size_t *)(const void *)
			((const char *)w->sc + k->of->count);
	while (k->words[n])
		n++;
	return n;
}

/* A list "[a, b]" of the names of references, of a bit set's members
 * (words bare, records' names quoted), or of numbers; a single reference
 * without brackets. */
static void rs_list(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	int one = k->kind == SCENARIO_REF, bits = k->form == SCENARIO_FORM_BITS;
	const void *items = one || bits ? rs_at(k, rec) :
		*(const void *const *)rs_at(k, rec);
	size_t n = one ? 1 : bits ? rs_members(w, k) : rs_count(k, rec);
	const char *sep = "";

	rs_open(w, k);
	fputs(one ? "" : "[", w->f);
	for (size_t i = 0; i < n; i++) {
		if (bits && !(*(const unsigned *)items & (1u << i)))
			continue;
		fputs(sep, w->f);
		sep = ", ";
		if (k->rule)
			fputs(rs_g(scenario_schema_item(k, items, i)).s, w->f);
		else if (!k->of)
			fputs(k->words[i], w->f);
		else
			rs_string(w->f, scenario_schema_ref_name(w->sc, k->of,
				  bits ? i : ((const size_t *)items)[i]));
	}
	fputs(one ? "" : "]", w->f);
	rs_close(w, k);
}

/* A map of a number for each record of the list of, by name:
 * {"A": 0.1, ...}; nothing when the list is empty. */
static void rs_by_name(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	const double *v = rs_at(k, rec);
	size_t n = rs_members(w, k);

	if (n == 0)
		return;
	rs_open(w, k);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "{", w->f);
		rs_string(w->f, scenario_schema_ref_name(w->sc, k->of, i));
		fprintf(w->f, ": %s", rs_g(v[i]).s);
	}
	fputc('}', w->f);
}

/* An array of factors, twelve a line, under a comment saying what they
 * are: the note, or how many a week. */
static void rs_factors(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	const double *v = (const void *)((const char *)rec + k->offset +
		(k->count ? 0 : offsetof(struct travel_week, factor)));
	size_t n = k->count ? rs_count(k, rec) : HOURS_PER_WEEK;

	fprintf(w->f, "%s%s: [", w->indent, k->key);
	if (k->note)
		fputs(k->note, w->f);
	else
		fprintf(w->f, "   # %zu %s factors from Monday 00:00", n,
			n == HOURS_PER_WEEK ? "hourly" : "quarter-hourly");
	for (size_t i = 0; i < n; i++)
		fprintf(w->f, "%s%s%s%s%s", i % 12 ? " " : "\n", i % 12 ? "" :
			w->base, i % 12 ? "" : "  ", rs_g(v[i]).s,
			i + 1 < n ? "," : "");
	fprintf(w->f, "\n%s]\n", w->base);
}

/* A map whose rows keep one rate (calls a second) in different units,
 * written as one row: the day's when its fewest digits read back
 * exactly, as always before; else, from the day's on, the row whose
 * exact number is shortest (40 an hour is not 960 a day in binary);
 * else the day's, nearest. A comment names the unit and adds another. */
static void rs_one_of(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	const struct scenario_key *t = k->sub, *pick = NULL;
	double rate = *(const double *)rs_at(t, rs_at(k, rec));
	double per_day = rate * DAY_S;
	size_t n = 0, day = 0;
	struct rs_num num, best;
	int exact;

	for (; t[n].key; n++)
		day = t[n].scale == 1.0 / DAY_S ? n : day;
	exact = rs_try(per_day, rate, t[day].scale, &best);
	pick = exact ? &t[day] : NULL;
	for (size_t i = 0; !exact && i < n; i++)
		if (rs_scaled(rate, rate / t[(day + i) % n].scale,
			      t[(day + i) % n].scale, &num) &&
		    (!pick || strlen(num.s) < strlen(best.s))) {
			best = num;
			pick = &t[(day + i) % n];
		}
	if (!pick) {
		best = rs_g(per_day);
		pick = &t[day];
	}
	rs_open(w, k);
	fprintf(w->f, "{%s: %s}   # %s; ", pick->key, best.s, pick->doc);
	if (pick == &t[day])
		fprintf(w->f, "%.10g a year of %g days\n",
			per_day * RS_YEAR_DAYS, RS_YEAR_DAYS);
	else
		fprintf(w->f, "%.10g a day\n", per_day);
}

static void rs_row(struct rs *w, const struct scenario_key *k,
		   const void *rec);

/* The rows of t, one a line at w's base indent, the first at first. */
static void rs_block(struct rs *w, const struct scenario_key *t,
		     const void *rec, const char *first)
{
	w->sep = NULL;
	for (w->indent = first; t->key; t++, w->indent = w->base)
		rs_row(w, t, rec);
}

/* The rows of t inside {...}, and the absent text of a row left out. */
static void rs_flow(struct rs *w, const struct scenario_key *t,
		    const void *rec)
{
	fputc('{', w->f);
	for (w->sep = "", w->after = NULL; t->key; t++)
		rs_row(w, t, rec);
	fputc('}', w->f);
	fputs(w->after ? w->after : "", w->f);
}

/* A map's row: on one line, or its rows indented under its key. */
static void rs_map(struct rs *w, const struct scenario_key *k, const void *rec)
{
	struct rs sub = *w;

	if (k->flow || w->sep) {
		rs_open(w, k);
		rs_flow(&sub, k->sub, rs_at(k, rec));
		rs_close(w, k);
		return;
	}
	fprintf(w->f, "%s%s:\n", w->indent, k->key);
	snprintf(sub.base, sizeof sub.base, "%.13s  ", w->base);
	rs_block(&sub, k->sub, rs_at(k, rec), sub.base);
}

/* A list of records under its key and note: at the top level each item
 * a block, "  - name: ...", below it each on one line, "- {...}". */
static void rs_records(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	const char *items = *(const char *const *)rs_at(k, rec);
	struct rs sub = {w->f, w->sc, NULL, "", NULL, NULL};
	int top = w->base[0] == '\0';

	fprintf(w->f, "%s%s:%s\n", w->indent, k->key, k->note ? k->note : "");
	snprintf(sub.base, sizeof sub.base, "%.13s  ", top ? "  " : w->base);
	for (size_t i = 0; i < rs_count(k, rec); i++) {
		if (top) {
			rs_block(&sub, k->sub, items + i * k->size, "  - ");
			continue;
		}
		fprintf(w->f, "%s- ", sub.base);
		rs_flow(&sub, k->sub, items + i * k->size);
		fputc('\n', w->f);
	}
}

/* What a row of table t is followed by: a figure derived from it. */
struct rs_hook {
	const struct scenario_key *table;
	const char *key;
	void (*write)(struct rs *w, const void *rec);
};

/* The calls of a line that create no incident. */
static void rs_resolved(struct rs *w, const void *rec)
{
	double none = 1.0;

	for (size_t g = 0; g < w->sc->n_grades; g++)
		none -= ((const struct line_spec *)rec)->incident_p[g];
	if (w->sc->n_grades > 0)
		fprintf(w->f, "   # %.10g resolved on the call\n", none);
}

static void rs_implies(struct rs *w, const char *what, double fte,
		       double cost)
{
	fprintf(w->f, "%s# %s %.10g FTE, an annual cost of %.10g\n", w->base,
		what, fte, cost);
}

static void rs_pool_roster(struct rs *w, const void *rec)
{
	rs_implies(w, "the roster implies", scenario_pool_fte(rec),
		   scenario_pool_cost(rec));
}

static void rs_unit_roster(struct rs *w, const void *rec)
{
	rs_implies(w, "the roster implies", scenario_unit_fte(w->sc, rec),
		   scenario_unit_cost(w->sc, rec));
}

/* A pool's or a unit roster's rota: what it gives (report_rota.h). */
static void rs_pool_rota(struct rs *w, const void *rec)
{
	const struct pool_spec *p = rec;
	struct report_rota_of o = {p->rota, p->shrinkage, p->hours_per_week,
		scenario_pool_fte(p), scenario_pool_cost(p), 0,
		demand_weekday(w->sc->run.start)};

	(void)report_rota_write(w->f, &o, w->base);
}

static void rs_unit_rota(struct rs *w, const void *rec)
{
	const struct unit_spec *u = rec;
	struct report_rota_of o = {u->rota, u->shrinkage,
		w->sc->roles[u->role].hours_per_week,
		scenario_unit_fte(w->sc, u), scenario_unit_cost(w->sc, u),
		u->crew, demand_weekday(w->sc->run.start)};

	(void)report_rota_write(w->f, &o, w->base);
}

/* The pools' FTE and cost, and the units' added when all is true. */
static void rs_total(struct rs *w, const char *what, int all)
{
	double fte = 0.0, cost = 0.0;

	for (size_t p = 0; p < w->sc->n_pools; p++) {
		fte += scenario_pool_fte(&w->sc->pools[p]);
		cost += scenario_pool_cost(&w->sc->pools[p]);
	}
	for (size_t u = 0; all && u < w->sc->n_units; u++) {
		fte += scenario_unit_fte(w->sc, &w->sc->units[u]);
		cost += scenario_unit_cost(w->sc, &w->sc->units[u]);
	}
	rs_implies(w, what, fte, cost);
}

static void rs_pools(struct rs *w, const void *rec)
{
	(void)rec;
	rs_total(w, "all pools:", 0);
}

/* The officers of each role, summed over the role's unit rosters, in the
 * order of the file (as the run's report sums them), then everyone. */
static void rs_units(struct rs *w, const void *rec)
{
	const struct scenario *sc = rec;
	char what[RESPONSE_NAME_MAX + 8];

	for (size_t r = 0; r < sc->n_roles; r++) {
		double fte = 0.0, cost = 0.0;

		for (size_t u = 0; u < sc->n_units; u++)
			if (sc->units[u].role == r) {
				fte += scenario_unit_fte(sc, &sc->units[u]);
				cost += scenario_unit_cost(sc, &sc->units[u]);
			}
		snprintf(what, sizeof what, "role %s:", sc->roles[r].name);
		rs_implies(w, what, fte, cost);
	}
	rs_total(w, "all pools and units:", 1);
}

static const struct rs_hook rs_hooks[] = {
	{scenario_schema_line, "incidents", rs_resolved},
	{scenario_schema_pool, "shifts", rs_pool_roster},
	{scenario_schema_pool, "rota", rs_pool_rota},
	{scenario_schema_unit, "shifts", rs_unit_roster},
	{scenario_schema_unit, "rota", rs_unit_rota},
	{scenario_schema_top, "pools", rs_pools},
	{scenario_schema_top, "units", rs_units},
	{NULL, NULL, NULL}};

/* Row k of rec by its form or its kind (kinds read only by hooks, such
 * as a shift's end, have nothing to write), or its absent text, and
 * what follows it. */
static void rs_row(struct rs *w, const struct scenario_key *k, const void *rec)
{
	struct scenario_key in = *k;

	if (!rs_shown(k, rec)) {
		if (k->absent && w->sep)
			w->after = k->absent;
		else if (k->absent)
			fputs(k->absent, w->f);
		return;
	}
	in.form = SCENARIO_FORM_KIND;
	in.offset = in.shown = 0;
	if (k->form == SCENARIO_FORM_POINTER)
		rs_row(w, &in, *(const void *const *)rs_at(k, rec));
	else if (k->form == SCENARIO_FORM_FACTORS)
		rs_factors(w, k, rec);
	else if (k->form == SCENARIO_FORM_ONE_OF)
		rs_one_of(w, k, rec);
	else if (k->form == SCENARIO_FORM_BY_NAME)
		rs_by_name(w, k, rec);
	else if (k->kind == SCENARIO_MAP)
		rs_map(w, k, rec);
	else if (k->kind == SCENARIO_LIST && k->size)
		rs_records(w, k, rec);
	else if (k->kind == SCENARIO_DIST)
		rs_dist(w, k, rec);
	else if (k->kind == SCENARIO_REF || k->kind == SCENARIO_LIST)
		rs_list(w, k, rec);
	else if (k->kind != SCENARIO_SPAN || k->form == SCENARIO_FORM_NUMBER)
		rs_scalar(w, k, rec);
	for (const struct rs_hook *h = rs_hooks; h->key; h++)
		if (h->key[0] == k->key[0] && strcmp(h->key, k->key) == 0 &&
		    scenario_schema_find(h->table, k->key) == k)
			h->write(w, rec);
}

enum sim_status report_scenario_write(FILE *f, const struct scenario *sc,
				      struct sim_err *err)
{
	/* The top level in the order check has always written it: dispatch
	 * before the units. */
	static const char *const order[] = {"name", "currency", "run", "lines",
		"pools", "busyness", "deferrable", "events", "grades", "areas",
		"roles", "dispatch", "units", NULL};
	struct rs w = {f, sc, "", "", NULL, NULL};

	for (const char *const *key = order; *key; key++)
		rs_row(&w, scenario_schema_find(scenario_schema_top, *key), sc);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the scenario failed");
	return SIM_OK;
}
