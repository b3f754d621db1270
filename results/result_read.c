/* result_read.c: a run result read back and checked (see result_read.h).
 *
 * jansson parses; what is here bounds its input and checks the shape the
 * report relies on, so that the writer never meets a surprise. */
#include "results/result_read.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/report_json.h"
#include "results/result_check.h"
#include "sim/mem.h"


static int result_type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return RT_OBJECT;
	case JSON_ARRAY: return RT_ARRAY;
	case JSON_STRING: return RT_STRING;
	case JSON_INTEGER: return RT_NUMBER | RT_INTEGER;
	case JSON_REAL: return RT_NUMBER;
	case JSON_NULL: return RT_NULL;
	default: return 0;   /* true, false */
	}
}

static const char *result_type_words(int types)
{
	if (types & RT_INTEGER)
		return "a whole number";
	if (types & RT_NUMBER)
		return types & RT_NULL ? "a number or null" : "a number";
	if (types & RT_STRING)
		return types & RT_NULL ? "a string or null" : "a string";
	return types & RT_ARRAY ? "an array" : "an object";
}

/* Member key of obj (at path) when it is one of types, else NULL with the
 * problem recorded. */
const json_t *result_want(struct result_check *c, const json_t *obj,
			  const char *path, const char *key, int types)
{
	const json_t *v = json_object_get(obj, key);

	if (v != NULL && (result_type_of(v) & types))
		return v;
	if (v == NULL && (types & RT_NULL))
		return json_null();
	sim_err_add(c->err, SIM_EINVAL, "%s: %s%s%s: %s, must be %s", c->name,
		    path, *path ? "." : "", key, v ? "wrong type" : "missing",
		    result_type_words(types));
	return NULL;
}

/* A figure: {"mean", "ci_low", "ci_high"}, each a number or null. */
void result_check_figure(struct result_check *c, const json_t *obj,
			 const char *path, const char *key)
{
	static const char *const members[] = { "mean", "ci_low", "ci_high" };
	const json_t *f = result_want(c, obj, path, key, RT_OBJECT);
	char at[256];

	if (f == NULL)
		return;
	snprintf(at, sizeof at, "%s%s%s", path, *path ? "." : "", key);
	for (size_t i = 0; i < 3; i++)
		result_want(c, f, at, members[i], RT_NUMBER | RT_NULL);
}

/* "verdict": met, missed, uncertain or null. */
void result_check_verdict(struct result_check *c, const json_t *obj,
			  const char *path)
{
	const json_t *v = result_want(c, obj, path, "verdict",
				      RT_STRING | RT_NULL);
	const char *s = v && json_is_string(v) ? json_string_value(v) : NULL;

	if (s != NULL && strcmp(s, "met") != 0 && strcmp(s, "missed") != 0
	    && strcmp(s, "uncertain") != 0)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.verdict: \"%s\" is not "
			    "one of met, missed, uncertain", c->name, path, s);
}

/* The elements of array `key` of obj, each an object checked by fn. */
void result_check_list(struct result_check *c, const json_t *obj,
		       const char *path, const char *key,
		       void (*fn)(struct result_check *, const json_t *,
				  const char *))
{
	const json_t *a = result_want(c, obj, path, key, RT_ARRAY);
	char at[256];

	for (size_t i = 0; a != NULL && i < json_array_size(a); i++) {
		const json_t *e = json_array_get(a, i);

		/* A path longer than the buffer (only from nesting that
		 * the depth bound allows) is cut, and marked as cut. */
		if (snprintf(at, sizeof at, "%s%s%s[%zu]", path,
			     *path ? "." : "", key, i) >= (int)sizeof at)
			memcpy(at + sizeof at - 4, "...", 4);
		if (!json_is_object(e))
			sim_err_add(c->err, SIM_EINVAL, "%s: %s: must be an "
				    "object", c->name, at);
		else
			fn(c, e, at);
	}
}

void result_check_line(struct result_check *c, const json_t *o,
		       const char *at)
{
	static const char *const figures[] = {
		"offered", "answered", "abandoned", "service_level", "asa_s",
		"wait_p90_s"
	};

	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "target_s", RT_NUMBER);
	result_want(c, o, at, "goal", RT_NUMBER | RT_NULL);
	result_check_verdict(c, o, at);
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
		result_check_figure(c, o, at, figures[i]);
}

void result_check_grade(struct result_check *c, const json_t *o,
			const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "target_s", RT_NUMBER | RT_NULL);
	result_want(c, o, at, "goal", RT_NUMBER | RT_NULL);
	result_check_verdict(c, o, at);
	result_check_figure(c, o, at, "incidents");
	result_check_figure(c, o, at, "attended_within_target");
	result_check_figure(c, o, at, "attendance_p50_s");
	result_check_figure(c, o, at, "attendance_p90_s");
	result_check_figure(c, o, at, "attendance_p95_s");
}

static void result_check_area(struct result_check *c, const json_t *o,
			      const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "utilisation");
	result_check_figure(c, o, at, "units_on_duty");
	result_check_figure(c, o, at, "abstractions");
	result_check_figure(c, o, at, "abstraction_hours");
	result_check_list(c, o, at, "grades", result_check_grade);
}

/* A pool or role of the costs. */
static void result_check_staff(struct result_check *c, const json_t *o,
			       const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "fte", RT_NUMBER);
	result_want(c, o, at, "annual_cost", RT_NUMBER);
}

static void result_check_iline(struct result_check *c, const json_t *o,
			       const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "offered");
	result_check_figure(c, o, at, "service_level");
}

static void result_check_ipool(struct result_check *c, const json_t *o,
			       const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "staff_on_duty");
}

void result_check_hour_number(struct result_check *c, const json_t *o,
			      const char *at)
{
	const json_t *h = result_want(c, o, at, "hour", RT_INTEGER);
	size_t i = 0;

	sscanf(at, "intervals[%zu]", &i);
	if (h != NULL && json_integer_value(h) != (json_int_t)i)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.hour: must be %zu",
			    c->name, at, i);
	result_want(c, o, at, "label", RT_STRING);
}

/* One hour: its number is its place, and it has every line and pool. */
static void result_check_hour(struct result_check *c, const json_t *o,
			      const char *at)
{
	result_check_hour_number(c, o, at);
	result_check_list(c, o, at, "lines", result_check_iline);
	result_check_list(c, o, at, "pools", result_check_ipool);
}

/* "intervals", when present: 168 hours, each with as many lines and
 * pools as the result has. */
static void result_check_intervals(struct result_check *c, const json_t *r)
{
	const json_t *iv = json_object_get(r, "intervals");
	size_t n_lines = json_array_size(json_object_get(r, "lines"));
	size_t n_pools = json_array_size(json_object_get(r, "pools"));

	if (iv == NULL)
		return;
	if (!json_is_array(iv) || json_array_size(iv) != RESULT_HOURS) {
		sim_err_add(c->err, SIM_EINVAL, "%s: intervals: must be an "
			    "array of %d hours", c->name, RESULT_HOURS);
		return;
	}
	result_check_list(c, r, "", "intervals", result_check_hour);
	for (size_t h = 0; h < RESULT_HOURS && !sim_err_failed(c->err); h++) {
		const json_t *e = json_array_get(iv, h);

		if (json_array_size(json_object_get(e, "lines")) != n_lines
		    || json_array_size(json_object_get(e, "pools")) != n_pools)
			sim_err_add(c->err, SIM_EINVAL, "%s: intervals[%zu]: "
				    "must list every line and pool", c->name, h);
	}
}

static void result_check_dline(struct result_check *c, const json_t *o,
			       const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "offered");
	result_check_figure(c, o, at, "service_level");
	result_check_figure(c, o, at, "asa_s");
}

static void result_check_dgrade(struct result_check *c, const json_t *o,
				const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "incidents");
	result_check_figure(c, o, at, "attended_within_target");
}

/* One day: its number is its place from 1, and it has every line and
 * grade of the result. */
static void result_check_day(struct result_check *c, const json_t *o,
			     const char *at)
{
	const json_t *d = result_want(c, o, at, "day", RT_INTEGER);
	size_t i = 0;

	sscanf(at, "by_day[%zu]", &i);
	if (d != NULL && json_integer_value(d) != (json_int_t)i + 1)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.day: must be %zu",
			    c->name, at, i + 1);
	result_check_list(c, o, at, "lines", result_check_dline);
	result_check_list(c, o, at, "grades", result_check_dgrade);
	if (json_array_size(json_object_get(o, "lines")) != c->n_lines
	    || json_array_size(json_object_get(o, "grades")) != c->n_grades)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s: must list every line "
			    "and grade", c->name, at);
	/* Areas by day came later: a result may lack them. */
	if (json_object_get(o, "areas") == NULL)
		return;
	result_check_list(c, o, at, "areas", result_check_dgrade);
	if (json_array_size(json_object_get(o, "areas")) != c->n_areas)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s: must list every area",
			    c->name, at);
}

static void result_check_hgrade(struct result_check *c, const json_t *o,
				const char *at)
{
	static const char *const figures[] = {
		"incidents", "attended_within_target", "attendance_p50_s",
		"attendance_p90_s", "units_on_duty", "utilisation"
	};

	result_want(c, o, at, "name", RT_STRING);
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++)
		result_check_figure(c, o, at, figures[i]);
}

static void result_check_harea(struct result_check *c, const json_t *o,
			       const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_figure(c, o, at, "incidents");
	result_check_figure(c, o, at, "attended_within_target");
	result_check_figure(c, o, at, "units_on_duty");
	result_check_figure(c, o, at, "utilisation");
}

/* One hour of the response: its number is its place, and it has every
 * grade and area of the result. */
static void result_check_rhour(struct result_check *c, const json_t *o,
			       const char *at)
{
	const json_t *h = result_want(c, o, at, "hour", RT_INTEGER);
	size_t i = 0;

	sscanf(at, "by_hour[%zu]", &i);
	if (h != NULL && json_integer_value(h) != (json_int_t)i)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.hour: must be %zu",
			    c->name, at, i);
	result_want(c, o, at, "label", RT_STRING);
	result_check_list(c, o, at, "grades", result_check_hgrade);
	result_check_list(c, o, at, "areas", result_check_harea);
	if (json_array_size(json_object_get(o, "grades")) != c->n_grades
	    || json_array_size(json_object_get(o, "areas")) != c->n_areas)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s: must list every grade "
			    "and area", c->name, at);
}

/* "by_hour", when present (results of earlier versions lack it): 168
 * hours, or none for a calls-only result. */
static void result_check_by_hour(struct result_check *c, const json_t *r)
{
	const json_t *bh = json_object_get(r, "by_hour");

	if (bh == NULL)
		return;
	if (!json_is_array(bh) || json_array_size(bh) !=
	    (c->n_grades > 0 ? RESULT_HOURS : 0)) {
		sim_err_add(c->err, SIM_EINVAL, "%s: by_hour: must be an array "
			    "of %d hours (none without grades)", c->name,
			    RESULT_HOURS);
		return;
	}
	result_check_list(c, r, "", "by_hour", result_check_rhour);
}

static void result_check_wait_bin(struct result_check *c, const json_t *o,
				  const char *at)
{
	result_want(c, o, at, "from_s", RT_NUMBER);
	result_want(c, o, at, "to_s", RT_NUMBER | RT_NULL);
	result_check_figure(c, o, at, "answered");
}

static void result_check_wait_line(struct result_check *c, const json_t *o,
				   const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_check_list(c, o, at, "bins", result_check_wait_bin);
	if (json_array_size(json_object_get(o, "bins")) > RESULT_WAIT_BINS_MAX)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.bins: more than %d",
			    c->name, at, RESULT_WAIT_BINS_MAX);
}

/* "wait_distribution", when present: a distribution a line. */
static void result_check_waits(struct result_check *c, const json_t *r)
{
	const json_t *w = json_object_get(r, "wait_distribution");

	if (w == NULL)
		return;
	result_check_list(c, r, "", "wait_distribution",
			  result_check_wait_line);
	if (json_array_size(w) != c->n_lines)
		sim_err_add(c->err, SIM_EINVAL, "%s: wait_distribution: must "
			    "list every line", c->name);
}

/* "by_day", when present (results of earlier versions lack it). */
static void result_check_by_day(struct result_check *c, const json_t *r)
{
	const json_t *bd = json_object_get(r, "by_day");

	if (bd == NULL)
		return;
	result_check_list(c, r, "", "by_day", result_check_day);
}

/* "schema" and "schema_version": a run result of a version this callsim
 * writes. Returns false when it is not (nothing else is worth checking). */
static bool result_check_schema(struct result_check *c, const json_t *r)
{
	const json_t *s = result_want(c, r, "", "schema", RT_STRING);
	const json_t *v = s ? result_want(c, r, "", "schema_version",
					  RT_INTEGER) : NULL;

	if (s != NULL && strcmp(json_string_value(s), REPORT_JSON_SCHEMA)) {
		result_kinds_check(c, r);
		return false;
	}
	if (v != NULL
	    && json_integer_value(v) != REPORT_JSON_SCHEMA_VERSION) {
		sim_err_add(c->err, SIM_EINVAL, "%s: schema_version: %lld is "
			    "not supported (this callsim reads %d)", c->name,
			    (long long)json_integer_value(v),
			    REPORT_JSON_SCHEMA_VERSION);
		return false;
	}
	return v != NULL;
}

void result_check_costs(struct result_check *c, const json_t *r)
{
	const json_t *costs = result_want(c, r, "", "costs", RT_OBJECT);

	if (costs == NULL)
		return;
	result_check_list(c, costs, "costs", "pools", result_check_staff);
	result_check_list(c, costs, "costs", "roles", result_check_staff);
	result_want(c, costs, "costs", "total_annual_cost", RT_NUMBER);
}

/* A stream of deferrable work: the run page shows its agreement. */
void result_check_stream(struct result_check *c, const json_t *o,
			 const char *at)
{
	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "target_h", RT_NUMBER);
	result_want(c, o, at, "goal", RT_NUMBER | RT_NULL);
	result_check_verdict(c, o, at);
	result_check_figure(c, o, at, "within_target");
}

/* The streams of deferrable work, in a result of a scenario that has
 * some (the key is left out otherwise). */
static void result_check_streams(struct result_check *c, const json_t *r)
{
	if (json_object_get(r, "deferrable") != NULL)
		result_check_list(c, r, "", "deferrable", result_check_stream);
}

static void result_check_root(struct result_check *c, const json_t *r)
{
	static const char *const texts[] = {
		"callsim_version", "scenario", "content_fnv1a"
	};

	if (!json_is_object(r)) {
		sim_err_add(c->err, SIM_EINVAL, "%s: must hold a JSON object",
			    c->name);
		return;
	}
	if (!result_check_schema(c, r))
		return;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		result_want(c, r, "", texts[i], RT_STRING);
	result_want(c, r, "", "command", RT_ARRAY | RT_NULL);
	result_want(c, r, "", "seed", RT_INTEGER);
	result_want(c, r, "", "replications", RT_NUMBER);
	result_want(c, r, "", "days", RT_NUMBER);
	result_want(c, r, "", "warmup_hours", RT_NUMBER);
	result_check_list(c, r, "", "lines", result_check_line);
	result_check_list(c, r, "", "pools", result_check_staff);
	result_check_list(c, r, "", "grades", result_check_grade);
	result_check_list(c, r, "", "areas", result_check_area);
	result_check_streams(c, r);
	result_check_costs(c, r);
	if (!sim_err_failed(c->err))
		result_check_intervals(c, r);
	c->n_lines = json_array_size(json_object_get(r, "lines"));
	c->n_grades = json_array_size(json_object_get(r, "grades"));
	c->n_areas = json_array_size(json_object_get(r, "areas"));
	if (!sim_err_failed(c->err))
		result_check_by_day(c, r);
	if (!sim_err_failed(c->err))
		result_check_by_hour(c, r);
	if (!sim_err_failed(c->err))
		result_check_waits(c, r);
}

size_t result_read_depth(const char *text, size_t len)
{
	size_t depth = 0, max = 0;
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		char ch = text[i];

		if (in_string) {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				in_string = false;
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '[' || ch == '{') {
			max = ++depth > max ? depth : max;
		} else if ((ch == ']' || ch == '}') && depth > 0) {
			depth--;
		}
	}
	return max;
}

/* "command": every word a string. */
static void result_check_command(struct result_check *c, const json_t *r)
{
	const json_t *cmd = json_object_get(r, "command");

	for (size_t i = 0; json_is_array(cmd) && i < json_array_size(cmd); i++)
		if (!json_is_string(json_array_get(cmd, i)))
			sim_err_add(c->err, SIM_EINVAL, "%s: command[%zu]: "
				    "must be a string", c->name, i);
}

enum sim_status result_read_bounded(const char *name, const char *text,
				    size_t len, struct sim_err *err)
{
	if (len > RESULT_READ_SIZE_MAX)
		return sim_err_add(err, SIM_EINVAL, "%s: larger than %u MB, the "
				   "most a result may be", name,
				   RESULT_READ_SIZE_MAX >> 20);
	if (result_read_depth(text, len) > RESULT_READ_DEPTH_MAX)
		return sim_err_add(err, SIM_EINVAL, "%s: nested deeper than %d "
				   "levels, the most a result may be", name,
				   RESULT_READ_DEPTH_MAX);
	return SIM_OK;
}

enum sim_status result_read_text(const char *name, const char *text,
				 size_t len, struct result **out,
				 struct sim_err *err)
{
	struct result_check c = { .name = name, .err = err,
				  .kind = RESULT_RUN };
	json_error_t je;
	json_t *root;

	*out = NULL;
	if (result_read_bounded(name, text, len, err) != SIM_OK)
		return err->status;
	root = result_kinds_lines(text, len)
		? result_kinds_sweep(name, text, len, err)
		: json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL && sim_err_failed(err))
		return err->status;
	if (root == NULL)
		return sim_err_add(err, SIM_EINVAL, "%s:%d:%d: %s", name,
				   je.line, je.column, je.text);
	result_check_root(&c, root);
	if (!sim_err_failed(err))
		result_check_command(&c, root);
	if (sim_err_failed(err) || (*out = mem_malloc(sizeof **out)) == NULL) {
		json_decref(root);
		return sim_err_failed(err) ? err->status
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	(*out)->root = root;
	(*out)->kind = c.kind;
	(*out)->intervals = json_object_get(root, "intervals");
	(*out)->by_day = json_object_get(root, "by_day");
	(*out)->by_hour = json_object_get(root, "by_hour");
	(*out)->waits = json_object_get(root, "wait_distribution");
	return SIM_OK;
}

/* The bytes of the file at path, at most RESULT_READ_SIZE_MAX + 1 of them
 * (so an oversized file is seen to be one without reading it all). */
static char *result_slurp(const char *path, size_t *len, struct sim_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	if (f == NULL) {
		sim_err_add(err, SIM_EIO, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = mem_malloc((size_t)RESULT_READ_SIZE_MAX + 1);
	if (buf == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	} else {
		*len = fread(buf, 1, (size_t)RESULT_READ_SIZE_MAX + 1, f);
		if (ferror(f)) {
			sim_err_add(err, SIM_EIO, "%s: read error", path);
			free(buf);
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

enum sim_status result_read_file(const char *path, struct result **out,
				 struct sim_err *err)
{
	size_t len = 0;
	char *text = result_slurp(path, &len, err);
	enum sim_status st;

	*out = NULL;
	if (text == NULL)
		return err->status;
	st = result_read_text(path, text, len, out, err);
	free(text);
	return st;
}

void result_free(struct result *r)
{
	if (r == NULL)
		return;
	json_decref(r->root);
	free(r);
}

double result_number(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return json_is_number(v) ? json_number_value(v) : NAN;
}

double result_figure(const json_t *obj, const char *key, const char *member)
{
	return result_number(json_object_get(obj, key), member);
}

const char *result_string(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s != NULL ? s : "";
}
