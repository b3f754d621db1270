/* report_scenario.c: the normalised scenario as YAML (see
 * report_scenario.h), written by walking the schema's tables
 * (models/scenario_schema.h) as the loader reads them: each row by its
 * form, or its kind where the form does not say, left out (its `absent`
 * text instead) where its `shown` test fails, its note after it. Only
 * derived figures are hooks (rs_hooks). Strings and numbers are written
 * so that they read back exactly (emit_yaml.h), so `callsim check` on its
 * own output gives the same scenario, bit for bit; derived figures in
 * comments use %.10g. */
#include "results/report_scenario.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "models/scenario_rota.h"
#include "models/scenario_schema.h"
#include "models/week.h"
#include "results/emit_yaml.h"
#include "results/report_rota.h"

#define RS_YEAR_DAYS 365.0   /* the year a volume per_year is spread over */
#define rs_g(x) emit_yaml_number(x).s

/* Where a record is being written: block rows each on a line of their
 * own at indent (the first row of a list item at "  - "), or flow rows
 * inside {...}, sep before each; after: the absent text of a row left out
 * of a flow, written after its closing brace. */
struct rs {
	FILE *f;
	const struct scenario *sc;
	const char *indent;          /* this row's, block style */
	char base[16];               /* the record's rows' indent */
	const char *sep;             /* flow style: "" first, then ", " */
	const char *after;
};

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
	fprintf(w->f, "%s%s: ", w->sep ? w->sep : w->indent, k->key);
	w->sep = w->sep ? ", " : NULL;
}

/* The end of a block row: its note and the line's end. */
static void rs_close(struct rs *w, const struct scenario_key *k)
{
	if (!w->sep)
		fprintf(w->f, "%s\n", k->note ? k->note : "");
}

/* Whether row k of rec is written: not an optional number without a
 * default (NAN) or text left out, nor an empty list of records or of
 * numbers, nor a distribution not given, and its `shown` test holds, and
 * so does the test that makes it needed: a row needed only with another
 * value means nothing without it. */
static int rs_shown(const struct scenario_key *k, const void *rec)
{
	if ((k->kind == SCENARIO_NUMBER && isnan(k->def) &&
	     isnan(scenario_schema_get(k, rec))) ||
	    (k->kind == SCENARIO_TEXT && !k->required &&
	     !*(const char *)rs_at(k, rec)) ||
	    (k->kind == SCENARIO_LIST && (k->size || k->rule) &&
	     rs_count(k, rec) == 0) ||
	    (k->given && !*(const int *)(const void *)
	     ((const char *)rec + k->given - 1)))
		return 0;
	return (!k->shown || scenario_schema_holds(k->shown_if, k->shown, rec))
	       && (!k->needed ||
		   scenario_schema_holds(k->needed_if, k->needed, rec));
}

/* A time of day "07:00", or of the week "sat 22:00" (scenario files give
 * them to the minute), or a date, where one not given (year 0) is the
 * run's start. */
static void rs_time(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	static const char *const days[7] = {WEEK_DAY_KEYS};
	const struct demand_date *d = rs_at(k, rec);
	double v;
	long min;

	if (k->kind == SCENARIO_DATE) {
		d = d->year ? d : &w->sc->run.start;
		fprintf(w->f, "\"%04d-%02d-%02d\"", d->year, d->month, d->mday);
		return;
	}
	v = scenario_schema_get(k, rec);
	min = lround(fmod(v, DAY_S) / 60.0);
	fprintf(w->f, "\"%s%s%02ld:%02ld\"", k->kind == SCENARIO_WHEN ?
		days[(long)(v / DAY_S) % 7] : "", k->kind == SCENARIO_WHEN ?
		" " : "", min / 60 % 24, min % 60);
}

/* A value on one line, by its kind: a whole number kept as one needs no
 * search for its digits. */
static void rs_scalar(struct rs *w, const struct scenario_key *k,
		      const void *rec)
{
	double v = k->kind == SCENARIO_NUMBER || k->kind == SCENARIO_WORD ||
		   k->kind == SCENARIO_BOOL || k->kind == SCENARIO_SPAN ?
		   scenario_schema_get(k, rec) : 0;

	rs_open(w, k);
	if (k->kind == SCENARIO_TEXT || k->kind == SCENARIO_NAME)
		emit_yaml_string(w->f, rs_at(k, rec));
	else if (k->kind == SCENARIO_WORD || k->kind == SCENARIO_BOOL)
		fputs(k->kind == SCENARIO_WORD ? k->words[(int)v] :
		      v != 0 ? "true" : "false", w->f);
	else if (k->kind == SCENARIO_CLOCK || k->kind == SCENARIO_WHEN ||
		 k->kind == SCENARIO_DATE)
		rs_time(w, k, rec);
	else if (k->kind == SCENARIO_SEED)
		fprintf(w->f, "%" PRIu64, *(const uint64_t *)rs_at(k, rec));
	else if (k->store != SCENARIO_DOUBLE && k->scale == 1)
		fprintf(w->f, "%lld", (long long)v);
	else
		fputs(rs_g(v), w->f);
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
			scenario_schema_find(scenario_schema_dist, *key), d)));
	for (size_t i = 0; d->kind == DIST_EMPIRICAL && i < d->n_values; i++)
		fprintf(w->f, "%s%s", i ? ", " : ", values: [",
			rs_g(d->values[i]));
	fprintf(w->f, "%s}   # seconds, mean %.10g\n",
		d->kind == DIST_EMPIRICAL ? "]" : "", dist_mean(d));
}

/* How many items row k's list has: the records of the list it names
 * (a bit set of them, or a number for each), its words, or its count. */
static size_t rs_items(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	size_t n = 0;

	if (k->form != SCENARIO_FORM_BITS && k->form != SCENARIO_FORM_BY_NAME)
		return k->kind == SCENARIO_REF ? 1 : rs_count(k, rec);
	if (k->of)
		return *(const size_t *)(const void *)
			((const char *)w->sc + k->of->count);
	while (k->words[n])
		n++;
	return n;
}

/* A list "[a, b]": of references by their records' names, of a bit
 * set's members (words bare, names quoted), or of numbers; a single
 * reference bare; a number for each record, {"name": x, ...}, with
 * nothing for no records and the line left for its hook to end. */
static void rs_list(struct rs *w, const struct scenario_key *k,
		    const void *rec)
{
	int bits = k->form == SCENARIO_FORM_BITS, one = k->kind == SCENARIO_REF;
	int named = k->form == SCENARIO_FORM_BY_NAME;
	const void *v = one || bits || named ? rs_at(k, rec) :
		*(const void *const *)rs_at(k, rec);
	size_t n = rs_items(w, k, rec);
	const char *sep = "";

	if (named && n == 0)
		return;
	rs_open(w, k);
	fputs(one ? "" : named ? "{" : "[", w->f);
	for (size_t i = 0; i < n; i++) {
		if (bits && !(*(const unsigned *)v & (1u << i)))
			continue;
		fputs(sep, w->f);
		sep = ", ";
		if (k->rule)
			fputs(rs_g(scenario_schema_item(k, v, i)), w->f);
		else if (!k->of)
			fputs(k->words[i], w->f);
		else
			emit_yaml_string(w->f, scenario_schema_ref_name(w->sc,
				k->of, bits || named ? i : ((const size_t *)v)[i]));
		if (named)
			fprintf(w->f, ": %s", rs_g(((const double *)v)[i]));
	}
	fputs(one ? "" : named ? "}" : "]", w->f);
	if (!named)
		rs_close(w, k);
}

/* An array of factors, twelve a line, under a comment saying what they
 * are: the note, or how many a week; without a count, a week of hours,
 * kept as a struct travel_week. */
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
			w->base, i % 12 ? "" : "  ", rs_g(v[i]),
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
	const struct scenario_key *t = k->sub, *pick;
	double rate = *(const double *)rs_at(t, rs_at(k, rec));
	double per_day = rate * DAY_S;
	size_t n = 0, day = 0;
	struct emit_yaml_num num, best;
	int exact;

	for (; t[n].key; n++)
		day = t[n].scale == 1.0 / DAY_S ? n : day;
	exact = emit_yaml_exact(per_day, rate, t[day].scale, &best);
	pick = exact ? &t[day] : NULL;
	for (size_t i = day; !exact && i < day + n; i++)
		if (emit_yaml_scaled(rate, rate / t[i % n].scale,
				     t[i % n].scale, &num) &&
		    (!pick || strlen(num.s) < strlen(best.s))) {
			best = num;
			pick = &t[i % n];
		}
	if (!pick)
		best = emit_yaml_number(per_day);
	pick = pick ? pick : &t[day];
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
	fprintf(w->f, "}%s", w->after ? w->after : "");
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

	if (!k->size) {         /* names or numbers */
		rs_list(w, k, rec);
		return;
	}
	fprintf(w->f, "%s%s:%s\n", w->indent, k->key, k->note ? k->note : "");
	snprintf(sub.base, sizeof sub.base, "%.13s  ", top ? "  " : w->base);
	for (size_t i = 0; i < rs_count(k, rec); i++) {
		if (top)
			rs_block(&sub, k->sub, items + i * k->size, "  - ");
		else {
			fprintf(w->f, "%s- ", sub.base);
			rs_flow(&sub, k->sub, items + i * k->size);
			fputc('\n', w->f);
		}
	}
}

/* What follows row key of table t: a figure derived from the record. A
 * unit roster's figures are its role's officers, a pool's its people. */
struct rs_hook {
	const struct scenario_key *t;
	const char *key;
	void (*write)(struct rs *w, const void *rec, int unit);
	int unit;
};

/* The calls of a line that create no incident. */
static void rs_resolved(struct rs *w, const void *rec, int unit)
{
	double none = 1.0;

	(void)unit;
	for (size_t g = 0; g < w->sc->n_grades; g++)
		none -= ((const struct line_spec *)rec)->incident_p[g];
	if (w->sc->n_grades > 0)
		fprintf(w->f, "   # %.10g resolved on the call\n", none);
}

static void rs_fte(struct rs *w, const char *what, double fte, double cost)
{
	fprintf(w->f, "%s# %s %.10g FTE, an annual cost of %.10g\n", w->base,
		what, fte, cost);
}

/* The FTE, or the annual cost, that a pool's roster, or a unit
 * roster's, implies. */
static double rs_staff(const struct scenario *sc, const void *rec,
		       int unit, int cost)
{
	return unit ? (cost ? scenario_unit_cost : scenario_unit_fte)(sc, rec)
		: (cost ? scenario_pool_cost : scenario_pool_fte)(rec);
}

static void rs_roster(struct rs *w, const void *rec, int unit)
{
	rs_fte(w, "the roster implies", rs_staff(w->sc, rec, unit, 0),
	       rs_staff(w->sc, rec, unit, 1));
}

/* A pool's or a unit roster's rota: what it gives (report_rota.h). */
static void rs_rota(struct rs *w, const void *rec, int unit)
{
	const struct pool_spec *p = rec;
	const struct unit_spec *u = rec;
	struct report_rota_of o = {unit ? u->rota : p->rota,
		unit ? u->shrinkage : p->shrinkage, unit ?
		w->sc->roles[u->role].hours_per_week : p->hours_per_week,
		rs_staff(w->sc, rec, unit, 0),
		rs_staff(w->sc, rec, unit, 1), unit ? u->crew : 0,
		demand_weekday(w->sc->run.start)};

	(void)report_rota_write(w->f, &o, w->base);
}

/* The officers of each role, summed over the role's unit rosters in the
 * order of the file (as the run's report sums them), with units; and
 * then everyone: the pools' people, and with units the officers. */
static void rs_total(struct rs *w, const void *rec, int unit)
{
	const struct scenario *sc = rec;
	char what[RESPONSE_NAME_MAX + 8];
	double fte = 0.0, cost = 0.0;

	for (size_t r = 0; unit && r < sc->n_roles; r++) {
		double rf = 0.0, rc = 0.0;

		for (size_t u = 0; u < sc->n_units; u++)
			if (sc->units[u].role == r) {
				rf += scenario_unit_fte(sc, &sc->units[u]);
				rc += scenario_unit_cost(sc, &sc->units[u]);
			}
		snprintf(what, sizeof what, "role %s:", sc->roles[r].name);
		rs_fte(w, what, rf, rc);
	}
	for (size_t p = 0; p < sc->n_pools; p++) {
		fte += scenario_pool_fte(&sc->pools[p]);
		cost += scenario_pool_cost(&sc->pools[p]);
	}
	for (size_t u = 0; unit && u < sc->n_units; u++) {
		fte += scenario_unit_fte(sc, &sc->units[u]);
		cost += scenario_unit_cost(sc, &sc->units[u]);
	}
	rs_fte(w, unit ? "all pools and units:" : "all pools:", fte, cost);
}

static const struct rs_hook rs_hooks[] = {
	{scenario_schema_line, "incidents", rs_resolved, 0},
	{scenario_schema_pool, "shifts", rs_roster, 0},
	{scenario_schema_pool, "rota", rs_rota, 0},
	{scenario_schema_unit, "shifts", rs_roster, 1},
	{scenario_schema_unit, "rota", rs_rota, 1},
	{scenario_schema_top, "pools", rs_total, 0},
	{scenario_schema_top, "units", rs_total, 1},
	{NULL, NULL, NULL, 0}};

/* A row whose value is a record a pointer at its offset points to. */
static void rs_pointer(struct rs *w, const struct scenario_key *k,
		       const void *rec)
{
	struct scenario_key in = *k;

	in.form = SCENARIO_FORM_KIND;
	in.offset = in.shown = 0;
	rs_row(w, &in, *(const void *const *)rs_at(k, rec));
}

typedef void rs_writer(struct rs *w, const struct scenario_key *k,
		       const void *rec);

/* How each form, and each kind, is written; kinds read only by hooks of
 * the loader (a shift's end) have nothing to write. */
static rs_writer *const rs_forms[] = {
	[SCENARIO_FORM_NUMBER] = rs_scalar, [SCENARIO_FORM_FACTORS] = rs_factors,
	[SCENARIO_FORM_ONE_OF] = rs_one_of, [SCENARIO_FORM_BITS] = rs_list,
	[SCENARIO_FORM_BY_NAME] = rs_list, [SCENARIO_FORM_POINTER] = rs_pointer};
static rs_writer *const rs_kinds[] = {
	[SCENARIO_NUMBER] = rs_scalar, [SCENARIO_NAME] = rs_scalar,
	[SCENARIO_TEXT] = rs_scalar, [SCENARIO_REF] = rs_list,
	[SCENARIO_WORD] = rs_scalar, [SCENARIO_BOOL] = rs_scalar,
	[SCENARIO_CLOCK] = rs_scalar, [SCENARIO_WHEN] = rs_scalar,
	[SCENARIO_DATE] = rs_scalar, [SCENARIO_SEED] = rs_scalar,
	[SCENARIO_DIST] = rs_dist, [SCENARIO_MAP] = rs_map,
	[SCENARIO_LIST] = rs_records};

/* Row k of rec by its form or its kind, or its absent text, and the
 * figure its hook derives. */
static void rs_row(struct rs *w, const struct scenario_key *k, const void *rec)
{
	rs_writer *write = k->form ? rs_forms[k->form] : rs_kinds[k->kind];

	if (!rs_shown(k, rec)) {
		if (k->absent && w->sep)
			w->after = k->absent;
		else if (k->absent)
			fputs(k->absent, w->f);
		return;
	}
	if (write)
		write(w, k, rec);
	for (const struct rs_hook *h = rs_hooks; h->key; h++)
		if (h->key[0] == k->key[0] && strcmp(h->key, k->key) == 0 &&
		    scenario_schema_find(h->t, k->key) == k)
			h->write(w, rec, h->unit);
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
