/* result_kinds.c: the saved results other than a run — a comparison, a
 * sweep's JSON Lines, the two optimisations — checked for what their
 * reports read (see result_check.h). Each kind's schema name and version
 * come from the writer's header, so the two cannot drift apart. */
#include "results/result_check.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "results/partial.h"
#include "results/report_backtest.h"
#include "results/report_compare.h"
#include "results/report_fit.h"
#include "results/report_optimise.h"
#include "results/sweep.h"

/* "path.key" (or "key" at the top) into at. */
static void kinds_at(char at[256], const char *path, const char *key)
{
	snprintf(at, 256, "%s%s%s", path, *path ? "." : "", key);
}

/* Member key of obj: a verdict word or null. */
static void kinds_verdict_key(struct result_check *c, const json_t *obj,
			      const char *path, const char *key)
{
	const json_t *v = result_want(c, obj, path, key, RT_STRING | RT_NULL);
	const char *s = v && json_is_string(v) ? json_string_value(v) : NULL;

	if (s != NULL && strcmp(s, "met") != 0 && strcmp(s, "missed") != 0
	    && strcmp(s, "uncertain") != 0)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.%s: \"%s\" is not one of "
			    "met, missed, uncertain", c->name, path, key, s);
}

/* Member key of obj: true or false. */
static void kinds_bool(struct result_check *c, const json_t *obj,
		       const char *path, const char *key)
{
	char at[256];

	if (json_is_boolean(json_object_get(obj, key)))
		return;
	kinds_at(at, path, key);
	sim_err_add(c->err, SIM_EINVAL, "%s: %s: %s, must be true or false",
		    c->name, at, json_object_get(obj, key) ? "wrong type"
		    : "missing");
}

/* Array `key` of obj: each element a string. */
static void kinds_strings(struct result_check *c, const json_t *obj,
			  const char *path, const char *key)
{
	const json_t *a = result_want(c, obj, path, key, RT_ARRAY);
	char at[256];

	kinds_at(at, path, key);
	for (size_t i = 0; a != NULL && i < json_array_size(a); i++)
		if (!json_is_string(json_array_get(a, i)))
			sim_err_add(c->err, SIM_EINVAL, "%s: %s[%zu]: must be a "
				    "string", c->name, at, i);
}

/* Array `key` of obj holds as many elements as `want`. */
static void kinds_same_size(struct result_check *c, const json_t *obj,
			    const char *at, const char *key, size_t want)
{
	const json_t *a = json_object_get(obj, key);

	if (json_is_array(a) && json_array_size(a) != want)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.%s: must list %zu %s, "
			    "as the rest of the result does", c->name, at, key,
			    want, key);
}

/* "intervals": 168 hours, each checked by fn. */
static void kinds_intervals(struct result_check *c, const json_t *r,
			    void (*fn)(struct result_check *, const json_t *,
				       const char *))
{
	const json_t *iv = result_want(c, r, "", "intervals", RT_ARRAY);

	if (iv != NULL && json_array_size(iv) != RESULT_HOURS) {
		sim_err_add(c->err, SIM_EINVAL, "%s: intervals: must be an "
			    "array of %d hours", c->name, RESULT_HOURS);
		return;
	}
	result_check_list(c, r, "", "intervals", fn);
}

/* ------------------------------------------------------------------ */
/* A comparison                                                        */

/* Figure key of obj on both sides: {"a", "b", "diff"}, each a figure. */
static void kinds_sides(struct result_check *c, const json_t *obj,
			const char *path, const char *key)
{
	const json_t *f = result_want(c, obj, path, key, RT_OBJECT);
	char at[256];

	if (f == NULL)
		return;
	kinds_at(at, path, key);
	result_check_figure(c, f, at, "a");
	result_check_figure(c, f, at, "b");
	result_check_figure(c, f, at, "diff");
}

/* What every named item of a comparison has: its name, the sides it is
 * on and, with figures, each side's verdict. */
static void kinds_item(struct result_check *c, const json_t *o,
		       const char *at, bool verdicts)
{
	const json_t *in = result_want(c, o, at, "name", RT_STRING)
		? result_want(c, o, at, "in", RT_STRING) : NULL;
	const char *s = in ? json_string_value(in) : NULL;

	if (s != NULL && strcmp(s, "a") && strcmp(s, "b") && strcmp(s, "both"))
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.in: \"%s\" is not one "
			    "of a, b, both", c->name, at, s);
	if (!verdicts)
		return;
	kinds_verdict_key(c, o, at, "verdict_a");
	kinds_verdict_key(c, o, at, "verdict_b");
}

/* A line or grade's target and goal on each side; a deferrable stream's
 * target is in hours (`hours`). */
static void kinds_goals(struct result_check *c, const json_t *o,
			const char *at, bool hours)
{
	const char *const keys[] = {
		hours ? "target_h_a" : "target_s_a", "goal_a",
		hours ? "target_h_b" : "target_s_b", "goal_b"
	};

	for (size_t i = 0; i < 4; i++)
		result_want(c, o, at, keys[i], RT_NUMBER | RT_NULL);
}

static void kinds_cmp_line(struct result_check *c, const json_t *o,
			   const char *at)
{
	kinds_item(c, o, at, true);
	kinds_goals(c, o, at, false);
	kinds_sides(c, o, at, "service_level");
	kinds_sides(c, o, at, "asa_s");
	kinds_sides(c, o, at, "abandon_rate");
}

static void kinds_cmp_grade(struct result_check *c, const json_t *o,
			    const char *at)
{
	kinds_item(c, o, at, true);
	kinds_goals(c, o, at, false);
	kinds_sides(c, o, at, "attended_within_target");
}

/* A stream of deferrable work: the page shows its share within target. */
static void kinds_cmp_stream(struct result_check *c, const json_t *o,
			     const char *at)
{
	kinds_item(c, o, at, true);
	kinds_goals(c, o, at, true);
	kinds_sides(c, o, at, "within_target");
}

static void kinds_cmp_area(struct result_check *c, const json_t *o,
			   const char *at)
{
	static const char *const figures[] = {
		"emergency_attended_within_target", "utilisation",
		"abstractions", "abstraction_hours"
	};

	kinds_item(c, o, at, true);
	for (size_t i = 0; i < 4; i++)
		kinds_sides(c, o, at, figures[i]);
}

static void kinds_cmp_staff(struct result_check *c, const json_t *o,
			    const char *at)
{
	kinds_item(c, o, at, false);
	kinds_sides(c, o, at, "fte");
	kinds_sides(c, o, at, "annual_cost");
}

/* A side: the scenario it ran and its horizon. */
static void kinds_cmp_side(struct result_check *c, const json_t *r,
			   const char *key)
{
	const json_t *s = result_want(c, r, "", key, RT_OBJECT);

	if (s == NULL)
		return;
	result_want(c, s, key, "scenario", RT_STRING);
	result_want(c, s, key, "file", RT_STRING);
	result_want(c, s, key, "content_fnv1a", RT_STRING);
	result_want(c, s, key, "days", RT_NUMBER);
	result_want(c, s, key, "warmup_hours", RT_NUMBER);
}

/* A line of an hour: each side's service level and B's mean less A's. */
static void kinds_cmp_hour_line(struct result_check *c, const json_t *o,
				const char *at)
{
	const json_t *sl = result_want(c, o, at, "name", RT_STRING)
		? result_want(c, o, at, "service_level", RT_OBJECT) : NULL;
	char sat[256];

	result_want(c, o, at, "diff_of_means", RT_NUMBER | RT_NULL);
	if (sl == NULL)
		return;
	kinds_at(sat, at, "service_level");
	result_check_figure(c, sl, sat, "a");
	result_check_figure(c, sl, sat, "b");
}

/* The lines of an hour, as many as the comparison's. */
static void kinds_cmp_hour(struct result_check *c, const json_t *o,
			   const char *at)
{
	result_check_hour_number(c, o, at);
	result_check_list(c, o, at, "lines", kinds_cmp_hour_line);
	kinds_same_size(c, o, at, "lines", c->n_lines);
}

static void kinds_compare(struct result_check *c, const json_t *r)
{
	const json_t *costs;

	kinds_cmp_side(c, r, "a");
	kinds_cmp_side(c, r, "b");
	result_want(c, r, "", "seed", RT_INTEGER);
	result_want(c, r, "", "replications", RT_NUMBER);
	result_check_list(c, r, "", "lines", kinds_cmp_line);
	result_check_list(c, r, "", "grades", kinds_cmp_grade);
	/* Left out when neither side has deferrable work. */
	if (json_object_get(r, "deferrable") != NULL)
		result_check_list(c, r, "", "deferrable", kinds_cmp_stream);
	result_check_list(c, r, "", "areas", kinds_cmp_area);
	costs = result_want(c, r, "", "costs", RT_OBJECT);
	if (costs != NULL) {
		result_check_list(c, costs, "costs", "pools", kinds_cmp_staff);
		result_check_list(c, costs, "costs", "roles", kinds_cmp_staff);
	}
	c->n_lines = json_array_size(json_object_get(r, "lines"));
	if (!sim_err_failed(c->err))
		kinds_intervals(c, r, kinds_cmp_hour);
}

/* ------------------------------------------------------------------ */
/* The optimisations                                                   */

/* What heads both: the scenario, what made the result and how. */
static void kinds_opt_head(struct result_check *c, const json_t *r)
{
	result_want(c, r, "", "scenario", RT_STRING);
	result_want(c, r, "", "content_fnv1a", RT_STRING);
	result_want(c, r, "", "seed", RT_INTEGER);
	result_want(c, r, "", "replications", RT_NUMBER);
	result_want(c, r, "", "days", RT_NUMBER);
	result_want(c, r, "", "warmup_hours", RT_NUMBER);
	result_want(c, r, "", "simulations", RT_NUMBER);
	kinds_bool(c, r, "", "met");
	kinds_strings(c, r, "", "set");
}

static void kinds_opt_line(struct result_check *c, const json_t *o,
			   const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "target_s", RT_NUMBER);
	result_want(c, o, at, "goal", RT_NUMBER | RT_NULL);
	result_check_figure(c, o, at, "service_level");
	result_check_verdict(c, o, at);
}

/* A deferrable stream of the handlers' result (left out without any):
 * a run's stream, with the pool that works it. */
static void kinds_opt_stream(struct result_check *c, const json_t *o,
			     const char *at)
{
	result_check_stream(c, o, at);
	result_want(c, o, at, "pool", RT_STRING);
}

static void kinds_opt_pool(struct result_check *c, const json_t *o,
			   const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	kinds_bool(c, o, at, "optimised");
	result_want(c, o, at, "rostered_hours", RT_NUMBER);
	result_want(c, o, at, "fte", RT_NUMBER);
	result_want(c, o, at, "annual_cost", RT_NUMBER);
}

/* An optimised pool in an hour: its requirement, roster and current. */
static void kinds_opt_hour_pool(struct result_check *c, const json_t *o,
				const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "on_duty", RT_NUMBER);
	result_want(c, o, at, "rostered", RT_NUMBER);
	result_want(c, o, at, "current_on_duty", RT_NUMBER | RT_NULL);
}

static void kinds_opt_hour_line(struct result_check *c, const json_t *o,
				const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "service_level");
}

static void kinds_opt_hour(struct result_check *c, const json_t *o,
			   const char *at)
{
	result_check_hour_number(c, o, at);
	result_check_list(c, o, at, "pools", kinds_opt_hour_pool);
	result_check_list(c, o, at, "lines", kinds_opt_hour_line);
	kinds_same_size(c, o, at, "lines", c->n_lines);
	kinds_same_size(c, o, at, "pools", c->n_pools);
}

static void kinds_optimise(struct result_check *c, const json_t *r)
{
	const json_t *costs;

	kinds_opt_head(c, r);
	result_check_list(c, r, "", "lines", kinds_opt_line);
	if (json_object_get(r, "deferrable") != NULL)
		result_check_list(c, r, "", "deferrable", kinds_opt_stream);
	result_check_list(c, r, "", "pools", kinds_opt_pool);
	costs = result_want(c, r, "", "costs", RT_OBJECT);
	if (costs != NULL) {
		result_want(c, costs, "costs", "pools_annual_cost", RT_NUMBER);
		result_want(c, costs, "costs", "annual_cost", RT_NUMBER);
	}
	c->n_lines = json_array_size(json_object_get(r, "lines"));
	c->n_pools = json_array_size(json_object_get(json_array_get(
		json_object_get(r, "intervals"), 0), "pools"));
	if (!sim_err_failed(c->err))
		kinds_intervals(c, r, kinds_opt_hour);
}

/* A grade of the units' result, force-wide or in an area. */
static void kinds_units_grade(struct result_check *c, const json_t *o,
			      const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "attended_within_target");
	result_check_verdict(c, o, at);
}

static void kinds_units_top_grade(struct result_check *c, const json_t *o,
				  const char *at)
{
	kinds_units_grade(c, o, at);
	result_want(c, o, at, "target_s", RT_NUMBER | RT_NULL);
	result_want(c, o, at, "goal", RT_NUMBER | RT_NULL);
}

static void kinds_units_area(struct result_check *c, const json_t *o,
			     const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_list(c, o, at, "grades", kinds_units_grade);
	kinds_same_size(c, o, at, "grades", c->n_grades);
}

static void kinds_units_shift(struct result_check *c, const json_t *o,
			      const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "units", RT_NUMBER);
	result_want(c, o, at, "scenario_units", RT_NUMBER);
	result_want(c, o, at, "officers", RT_NUMBER);
}

static void kinds_units_entry(struct result_check *c, const json_t *o,
			      const char *at)
{
	result_want(c, o, at, "index", RT_INTEGER);
	result_want(c, o, at, "area", RT_STRING);
	result_want(c, o, at, "role", RT_STRING);
	result_want(c, o, at, "crew", RT_NUMBER);
	kinds_bool(c, o, at, "optimised");
	result_check_list(c, o, at, "shifts", kinds_units_shift);
}

/* "costs": the scenario's and the result's, each the same four sums. */
static void kinds_units_costs(struct result_check *c, const json_t *r)
{
	static const char *const sides[] = { "scenario", "result" };
	static const char *const keys[] = {
		"officers_fte", "officers_annual_cost", "fte", "annual_cost"
	};
	const json_t *costs = result_want(c, r, "", "costs", RT_OBJECT);
	char at[256];

	for (size_t s = 0; costs != NULL && s < 2; s++) {
		const json_t *side = result_want(c, costs, "costs", sides[s],
						 RT_OBJECT);

		kinds_at(at, "costs", sides[s]);
		for (size_t k = 0; side != NULL && k < 4; k++)
			result_want(c, side, at, keys[k], RT_NUMBER);
	}
}

static void kinds_optimise_units(struct result_check *c, const json_t *r)
{
	kinds_opt_head(c, r);
	result_check_list(c, r, "", "grades", kinds_units_top_grade);
	c->n_grades = json_array_size(json_object_get(r, "grades"));
	result_check_list(c, r, "", "areas", kinds_units_area);
	result_check_list(c, r, "", "units", kinds_units_entry);
	kinds_units_costs(c, r);
}

/* ------------------------------------------------------------------ */
/* A sweep                                                             */

static void kinds_sweep_header(struct result_check *c, const json_t *h)
{
	result_want(c, h, "header", "name", RT_STRING);
	result_want(c, h, "header", "content_fnv1a", RT_STRING);
	result_want(c, h, "header", "seed", RT_INTEGER);
	result_want(c, h, "header", "replications", RT_NUMBER);
	result_want(c, h, "header", "days", RT_NUMBER);
	result_want(c, h, "header", "warmup_hours", RT_NUMBER);
	result_want(c, h, "header", "points", RT_INTEGER);
	kinds_strings(c, h, "header", "vary");
	kinds_strings(c, h, "header", "set");
}

/* A point: its number is its place, its values are numbers or words, and
 * it has point 0's lines, grades and streams of deferrable work. */
static void kinds_sweep_point(struct result_check *c, const json_t *o,
			      const char *at)
{
	const json_t *p = result_want(c, o, at, "point", RT_INTEGER);
	const json_t *v = result_want(c, o, at, "values", RT_OBJECT);
	const char *key;
	const json_t *x;
	size_t i = 0;

	sscanf(at, "points[%zu]", &i);
	if (p != NULL && json_integer_value(p) != (json_int_t)i)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.point: must be %zu",
			    c->name, at, i);
	json_object_foreach((json_t *)v, key, x)
		if (!json_is_number(x) && !json_is_string(x))
			sim_err_add(c->err, SIM_EINVAL, "%s: %s.values.%s: must "
				    "be a number or a string", c->name, at, key);
	result_check_list(c, o, at, "lines", result_check_line);
	result_check_list(c, o, at, "grades", result_check_grade);
	/* Left out without deferrable work, so only when point 0 has it. */
	if (c->n_deferrable > 0)
		result_check_list(c, o, at, "deferrable", result_check_stream);
	result_check_costs(c, o);
	kinds_same_size(c, o, at, "lines", c->n_lines);
	kinds_same_size(c, o, at, "grades", c->n_grades);
	kinds_same_size(c, o, at, "deferrable", c->n_deferrable);
}

static void kinds_sweep(struct result_check *c, const json_t *r)
{
	const json_t *h = json_object_get(r, "header");
	const json_t *pts = json_object_get(r, "points");
	const json_t *p0 = json_array_get(pts, 0);
	const char *shard = json_string_value(json_object_get(h, "shard"));

	/* A shard holds every N-th point (results/sweep_shard.h): its points
	 * would be refused one by one as out of place. */
	if (json_object_get(h, "shard") != NULL) {
		sim_err_add(c->err, SIM_EINVAL, "%s: header.shard: \"%.20s\": "
			    "one shard of a sweep, not the whole sweep: join "
			    "the shards with `callsim merge PART... --out "
			    "FILE` and report on that", c->name,
			    shard != NULL ? shard : "?");
		return;
	}
	kinds_sweep_header(c, h);
	c->n_lines = json_array_size(json_object_get(p0, "lines"));
	c->n_grades = json_array_size(json_object_get(p0, "grades"));
	c->n_deferrable = json_array_size(json_object_get(p0, "deferrable"));
	if (json_array_size(pts) > (size_t)json_integer_value(
		    json_object_get(h, "points")))
		sim_err_add(c->err, SIM_EINVAL, "%s: holds more points than "
			    "its header's %lld", c->name, (long long)
			    json_integer_value(json_object_get(h, "points")));
	result_check_list(c, r, "", "points", kinds_sweep_point);
}

/* ------------------------------------------------------------------ */

/* The kinds by schema name, each with its checker. */
static const struct kinds_schema {
	const char *schema;
	int version;
	enum result_kind kind;
	void (*check)(struct result_check *, const json_t *);
} kinds_of[] = {
	{ REPORT_COMPARE_SCHEMA, REPORT_COMPARE_SCHEMA_VERSION, RESULT_COMPARE,
	  kinds_compare },
	{ SWEEP_SCHEMA, SWEEP_SCHEMA_VERSION, RESULT_SWEEP, kinds_sweep },
	{ REPORT_OPTIMISE_SCHEMA, REPORT_OPTIMISE_SCHEMA_VERSION,
	  RESULT_OPTIMISE, kinds_optimise },
	{ REPORT_OPTIMISE_UNITS_SCHEMA, REPORT_OPTIMISE_SCHEMA_VERSION,
	  RESULT_OPTIMISE_UNITS, kinds_optimise_units },
	{ REPORT_BACKTEST_SCHEMA, REPORT_BACKTEST_SCHEMA_VERSION,
	  RESULT_BACKTEST, result_backtest_check },
	{ REPORT_FIT_SCHEMA, REPORT_FIT_SCHEMA_VERSION, RESULT_FIT,
	  result_fit_check },
};

void result_kinds_check(struct result_check *c, const json_t *r)
{
	const char *s = json_string_value(json_object_get(r, "schema"));
	const json_t *top = c->kind == RESULT_SWEEP || (s && strcmp(s,
		SWEEP_SCHEMA) == 0) ? json_object_get(r, "header") : r;
	const json_t *v;

	for (size_t k = 0; k < sizeof kinds_of / sizeof *kinds_of; k++) {
		if (strcmp(s, kinds_of[k].schema) != 0)
			continue;
		v = result_want(c, top, top == r ? "" : "header",
				"schema_version", RT_INTEGER);
		if (v != NULL && json_integer_value(v) != kinds_of[k].version)
			sim_err_add(c->err, SIM_EINVAL, "%s: schema_version: "
				    "%lld is not supported (this callsim reads "
				    "%d)", c->name, (long long)
				    json_integer_value(v), kinds_of[k].version);
		result_want(c, top, top == r ? "" : "header",
			    "callsim_version", RT_STRING);
		c->kind = kinds_of[k].kind;
		if (!sim_err_failed(c->err))
			kinds_of[k].check(c, r);
		return;
	}
	if (strcmp(s, PARTIAL_SCHEMA) == 0) {
		sim_err_add(c->err, SIM_EINVAL, "%s: schema: \"%s\" is a part of "
			    "a run: join its parts with `callsim merge PART... "
			    "--format json` and report on that", c->name, s);
		return;
	}
	sim_err_add(c->err, SIM_EINVAL, "%s: schema: \"%s\" is not a result "
		    "callsim can report on (callsim.run, callsim.compare, "
		    "callsim.sweep, callsim.optimise, callsim.optimise_units, "
		    "callsim.backtest, callsim.fit)",
		    c->name, s);
}

/* The length of the line at text (up to len), without its line end. */
static size_t kinds_line_len(const char *text, size_t len)
{
	const char *nl = memchr(text, '\n', len);

	return nl != NULL ? (size_t)(nl - text) : len;
}

/* The comment that heads a sweep's CSV. */
static const char kinds_csv_head[] = "# {\"callsim_sweep\":";

bool result_kinds_lines(const char *text, size_t len)
{
	json_error_t je;
	json_t *first;

	if (len >= sizeof kinds_csv_head - 1
	    && memcmp(text, kinds_csv_head, sizeof kinds_csv_head - 1) == 0)
		return true;   /* refused by result_kinds_sweep, with a hint */
	first = json_loadb(text, kinds_line_len(text, len),
			   JSON_REJECT_DUPLICATES, &je);
	const char *s = json_string_value(json_object_get(first, "schema"));
	bool sweep = s != NULL && strcmp(s, SWEEP_SCHEMA) == 0;

	json_decref(first);
	return sweep;
}

/* Line `line` (from 1) of a sweep parsed, or NULL with err filled. */
static json_t *kinds_sweep_line(const char *name, const char *text,
				size_t n, size_t line, struct sim_err *err)
{
	json_error_t je;
	json_t *v;

	if (n == 0) {
		sim_err_add(err, SIM_EINVAL, "%s:%zu:1: an empty line; each line "
			    "of a sweep is one JSON object", name, line);
		return NULL;
	}
	v = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	if (v == NULL)
		sim_err_add(err, SIM_EINVAL, "%s:%zu:%d: %s", name, line,
			    je.column, je.text);
	else if (!json_is_object(v))
		sim_err_add(err, SIM_EINVAL, "%s:%zu:1: must be a JSON object",
			    name, line);
	if (v != NULL && !json_is_object(v)) {
		json_decref(v);
		v = NULL;
	}
	return v;
}

/* The header v into root, and its schema and version beside it, where
 * the reader looks first. Returns 0, or -1 when out of memory. */
static int kinds_sweep_head(json_t *root, json_t *v)
{
	static const char *const keys[2] = { "schema", "schema_version" };

	for (size_t k = 0; k < 2; k++) {
		json_t *x = json_object_get(v, keys[k]);

		if (x != NULL && json_object_set(root, keys[k], x) != 0)
			return -1;
	}
	return json_object_set(root, "header", v);
}

json_t *result_kinds_sweep(const char *name, const char *text, size_t len,
			   struct sim_err *err)
{
	json_t *root, *points;
	size_t at = 0, line = 1;

	if (len >= sizeof kinds_csv_head - 1
	    && memcmp(text, kinds_csv_head, sizeof kinds_csv_head - 1) == 0) {
		sim_err_add(err, SIM_EINVAL, "%s:1:1: a sweep saved as CSV; "
			    "`callsim report` reads a sweep's JSON Lines (save "
			    "it with --format jsonl)", name);
		return NULL;
	}
	root = json_object();
	points = json_array();
	if (root == NULL || points == NULL
	    || json_object_set(root, "points", points) != 0) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		at = len + 1;
	}
	for (; at < len && !sim_err_failed(err); line++) {
		size_t n = kinds_line_len(text + at, len - at);
		json_t *v = kinds_sweep_line(name, text + at, n, line, err);

		if (v != NULL && (line == 1
				  ? kinds_sweep_head(root, v)
				  : json_array_append(points, v)) != 0)
			sim_err_add(err, SIM_ENOMEM, "out of memory");
		json_decref(v);
		at += n + 1;
	}
	json_decref(points);
	if (sim_err_failed(err)) {
		json_decref(root);
		return NULL;
	}
	return root;
}
