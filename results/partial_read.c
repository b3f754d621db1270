/* partial_read.c: a part of a long run read back, bounded and checked
 * (see partial.h): every key of its head type-checked and in range, and
 * its sums, when added, checked to be sums that values have. */
#include "results/partial.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "models/file_read.h"
#include "results/result_check.h"
#include "results/result_read.h"
#include "sim/mem.h"

/* The most replications a run has, hence a part's end. */
#define PARTIAL_REPLICATIONS_MAX 1000000

/* Integer member key of r in lo .. hi into *out, else the problem in c. */
static void partial_read_int(struct result_check *c, const json_t *r,
			     const char *key, json_int_t lo, json_int_t hi,
			     json_int_t *out)
{
	const json_t *v = result_want(c, r, "", key, RT_INTEGER);

	*out = lo;
	if (v == NULL)
		return;
	if (json_integer_value(v) < lo || json_integer_value(v) > hi) {
		sim_err_add(c->err, SIM_EINVAL, "%s: %s: %" JSON_INTEGER_FORMAT
			    " is out of range %" JSON_INTEGER_FORMAT "..%"
			    JSON_INTEGER_FORMAT, c->name, key,
			    json_integer_value(v), lo, hi);
		return;
	}
	*out = json_integer_value(v);
}

/* String member key of r (at path), at most max bytes, or "" with the
 * problem in c. */
static const char *partial_read_string(struct result_check *c,
				       const json_t *r, const char *path,
				       const char *key, size_t max)
{
	const json_t *v = result_want(c, r, path, key, RT_STRING);

	if (v == NULL)
		return "";
	if (json_string_length(v) > max || strlen(json_string_value(v))
	    != json_string_length(v)) {
		sim_err_add(c->err, SIM_EINVAL, "%s: %s%s%s: longer than %zu "
			    "bytes or holding a NUL", c->name, path,
			    *path ? "." : "", key, max);
		return "";
	}
	return json_string_value(v);
}

/* Array member key of r whose elements are all strings, or NULL. */
static const json_t *partial_read_words(struct result_check *c,
					const json_t *r, const char *key)
{
	const json_t *a = result_want(c, r, "", key, RT_ARRAY);

	for (size_t i = 0; a != NULL && i < json_array_size(a); i++)
		if (!json_is_string(json_array_get(a, i))) {
			sim_err_add(c->err, SIM_EINVAL, "%s: %s[%zu]: must be "
				    "a string", c->name, key, i);
			return NULL;
		}
	return a;
}

/* "schema" and "schema_version": a part this callsim reads. */
static bool partial_read_schema(struct result_check *c, const json_t *r)
{
	const char *s = partial_read_string(c, r, "", "schema", 64);
	json_int_t v;

	if (sim_err_failed(c->err))
		return false;
	if (strcmp(s, PARTIAL_SCHEMA) != 0) {
		sim_err_add(c->err, SIM_EINVAL, "%s: schema: \"%s\" is not a "
			    "part of a run (%s, written by callsim run "
			    "--partial)", c->name, s, PARTIAL_SCHEMA);
		return false;
	}
	partial_read_int(c, r, "schema_version", 1, PARTIAL_SCHEMA_VERSION,
			 &v);
	if (!sim_err_failed(c->err) && v < PARTIAL_SCHEMA_VERSION)
		sim_err_add(c->err, SIM_EINVAL, "%s: schema_version %"
			    JSON_INTEGER_FORMAT ": a part an earlier callsim "
			    "wrote, before parts carried check_fnv1a to show "
			    "they were not changed; run the part again with "
			    "this callsim (schema_version %d)", c->name, v,
			    PARTIAL_SCHEMA_VERSION);
	return !sim_err_failed(c->err);
}

/* The environment and what identifies the run, into p. */
static void partial_read_head(struct result_check *c, const json_t *r,
			      struct partial_part *p)
{
	const json_t *env = result_want(c, r, "", "environment", RT_OBJECT);
	const char *seed;
	char *end;

	p->version = partial_read_string(c, r, "", "callsim_version", 64);
	for (int k = 0; env != NULL && k < PARTIAL_ENV_KEYS; k++)
		strcpy(p->env.v[k], partial_read_string(c, env, "environment",
			partial_env_key(k), PARTIAL_ENV_TEXT_MAX - 1));
	p->fingerprint = partial_read_string(c, r, "", "content_fnv1a", 16);
	p->scenario_path = partial_read_string(c, r, "", "scenario_path",
					       4096);
	p->overrides = partial_read_words(c, r, "overrides");
	p->command = partial_read_words(c, r, "command");
	seed = partial_read_string(c, r, "", "seed", 20);
	p->seed = strtoull(seed, &end, 10);
	if (json_is_string(json_object_get(r, "seed"))
	    && (seed[0] < '0' || seed[0] > '9' || *end != '\0'))
		sim_err_add(c->err, SIM_EINVAL, "%s: seed: \"%s\" is not a "
			    "whole number", c->name, seed);
	if (result_want(c, r, "", "days", RT_NUMBER) != NULL)
		p->days = result_number(r, "days");
	if (result_want(c, r, "", "warmup_hours", RT_NUMBER) != NULL)
		p->warmup_hours = result_number(r, "warmup_hours");
}

/* The range, the events and the sums, into p. */
static void partial_read_range(struct result_check *c, const json_t *r,
			       struct partial_part *p)
{
	json_int_t reps, first, end, events, figures;

	partial_read_int(c, r, "replications", 2, PARTIAL_REPLICATIONS_MAX,
			 &reps);
	partial_read_int(c, r, "first", 0, reps - 1, &first);
	partial_read_int(c, r, "end", first + 1, reps, &end);
	partial_read_int(c, r, "events", 0, INT64_MAX, &events);
	partial_read_int(c, r, "figures", 0, INT64_MAX, &figures);
	p->sums = result_want(c, r, "", "sums", RT_ARRAY);
	if (p->sums != NULL && json_array_size(p->sums) != (size_t)figures)
		sim_err_add(c->err, SIM_EINVAL, "%s: sums: %zu of them, but "
			    "figures says %" JSON_INTEGER_FORMAT, c->name,
			    json_array_size(p->sums), figures);
	p->replications = (uint32_t)reps;
	p->first = (uint32_t)first;
	p->end = (uint32_t)end;
	p->events = (uint64_t)events;
}

enum sim_status partial_read_text(const char *name, const char *text,
				  size_t len, struct partial_part *out,
				  struct sim_err *err)
{
	struct result_check c = { .name = name, .err = err };
	json_error_t je;

	*out = (struct partial_part){ 0 };
	if (result_read_bounded(name, text, len, err) != SIM_OK)
		return err->status;
	out->root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (out->root == NULL)
		return sim_err_add(err, SIM_EINVAL, "%s:%d:%d: %s", name,
				   je.line, je.column, je.text);
	if (!json_is_object(out->root))
		sim_err_add(err, SIM_EINVAL, "%s: must be a JSON object", name);
	else if (partial_read_schema(&c, out->root)) {
		partial_read_head(&c, out->root, out);
		partial_read_range(&c, out->root, out);
	}
	if (!sim_err_failed(err))
		return SIM_OK;
	partial_part_clear(out);
	return err->status;
}

/* Whether text (len bytes of the part name) ends with the check member
 * partial_write writes, holding the hash of the bytes before it. */
static enum sim_status partial_read_check(const char *name, const char *text,
					  size_t len, struct sim_err *err)
{
	size_t head = sizeof PARTIAL_CHECK_HEAD - 1;
	size_t tail = sizeof PARTIAL_CHECK_TAIL - 1, body;
	char want[24];

	if (len < head + 16 + tail
	    || memcmp(text + len - tail, PARTIAL_CHECK_TAIL, tail) != 0
	    || memcmp(text + len - tail - 16 - head, PARTIAL_CHECK_HEAD,
		      head) != 0)
		return sim_err_add(err, SIM_EINVAL, "%s: check_fnv1a: not the "
				   "part's last member, where callsim run "
				   "--partial writes it: the file was changed "
				   "since callsim wrote it (a part written "
				   "again by a tool, even only re-spaced or "
				   "with its keys re-ordered, is changed); run "
				   "the part again", name);
	body = len - tail - 16 - head;
	snprintf(want, sizeof want, "%016" PRIx64,
		 scenario_fnv1a(SCENARIO_FNV1A_INIT, text, body));
	if (memcmp(want, text + body + head, 16) != 0)
		return sim_err_add(err, SIM_EINVAL, "%s: check_fnv1a: \"%.16s\","
				   " but the bytes before it hash to \"%s\": "
				   "the file was changed since callsim wrote it "
				   "(run the part again)", name,
				   text + body + head, want);
	return SIM_OK;
}

enum sim_status partial_read_file(const char *path, struct partial_part *out,
				  struct sim_err *err)
{
	char *text = NULL, why[128];
	size_t len = 0;
	int e = file_read_whole(path, RESULT_READ_SIZE_MAX, &text, &len);
	enum sim_status st;

	*out = (struct partial_part){ 0 };
	if (e != 0)
		return sim_err_add(err, SIM_EIO, "%s: %s", path,
				   file_read_fail_text(e, RESULT_READ_SIZE_MAX,
						       "a partial result", why,
						       sizeof why));
	st = partial_read_text(path, text, len, out, err);
	if (st == SIM_OK && partial_read_check(path, text, len, err) != SIM_OK) {
		partial_part_clear(out);
		st = err->status;
	}
	free(text);
	return st;
}

void partial_part_clear(struct partial_part *p)
{
	json_decref(p->root);
	*p = (struct partial_part){ 0 };
}

/* Element k of a part's sums into *x: [n, "s1", e1, "s2", e2], n at most
 * max (the values its replications can have added). Returns false when it
 * is not of that shape. */
static bool partial_read_sum(const json_t *e, uint64_t max,
			     struct moments_exact *x)
{
	const json_t *v[5];

	if (!json_is_array(e) || json_array_size(e) != 5)
		return false;
	for (size_t i = 0; i < 5; i++)
		v[i] = json_array_get(e, i);
	if (!json_is_integer(v[0]) || !json_is_string(v[1])
	    || !json_is_integer(v[2]) || !json_is_string(v[3])
	    || !json_is_integer(v[4]) || json_integer_value(v[0]) < 0
	    || (uint64_t)json_integer_value(v[0]) > max
	    || json_string_length(v[1]) > MOMENTS_HEX_MAX + 1
	    || json_string_length(v[3]) > MOMENTS_HEX_MAX)
		return false;
	x->n = (uint64_t)json_integer_value(v[0]);
	memset(x->s1, 0, sizeof x->s1);
	memset(x->s2, 0, sizeof x->s2);
	memcpy(x->s1, json_string_value(v[1]), json_string_length(v[1]));
	memcpy(x->s2, json_string_value(v[3]), json_string_length(v[3]));
	/* Out of the exponents' range either way: refused when added. */
	x->e1 = (long)(json_integer_value(v[2]) > 100000 ? 100000
		       : json_integer_value(v[2]) < -100000 ? -100000
		       : json_integer_value(v[2]));
	x->e2 = (long)(json_integer_value(v[4]) > 100000 ? 100000
		       : json_integer_value(v[4]) < -100000 ? -100000
		       : json_integer_value(v[4]));
	return true;
}

enum sim_status partial_part_add(const struct partial_part *p,
				 const char *name, struct summary_acc *a,
				 struct sim_err *err)
{
	struct moments_exact x;
	size_t n = json_array_size(p->sums);

	if (n != summary_acc_figures(a))
		return sim_err_add(err, SIM_EINVAL, "%s: sums: %zu figures, but "
				   "a run of the scenario has %zu", name, n,
				   summary_acc_figures(a));
	for (size_t k = 0; k < n; k++) {
		uint64_t max = (uint64_t)(p->end - p->first)
			       * summary_acc_values_max(a, k);

		if (!partial_read_sum(json_array_get(p->sums, k), max, &x)
		    || summary_acc_add_exact(a, k, &x) != 0)
			return sim_err_add(err, SIM_EINVAL, "%s: sums[%zu]: not "
					   "the sums of at most %" PRIu64 " "
					   "values of %" PRIu32 " replications, "
					   "as [n, \"s1\", e1, \"s2\", e2]",
					   name, k, max, p->end - p->first);
	}
	summary_acc_add_count(a, p->end - p->first, p->events);
	return SIM_OK;
}
