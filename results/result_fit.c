/* result_fit.c: a saved fit (schema callsim.fit, results/report_fit.h)
 * checked with the reader's primitives (result_check.h). */
#include <stdio.h>

#include "results/result_check.h"

/* The members of each point of array "points" of o (at path). */
static void result_fit_points(struct result_check *c, const json_t *o,
			      const char *path, const char *const *keys,
			      size_t n)
{
	const json_t *pts = result_want(c, o, path, "points", RT_ARRAY);
	/* path (under 300 bytes), ".points[", an index of up to 20 digits, "]" */
	char at[300 + sizeof ".points[]" + 20];

	for (size_t i = 0; pts != NULL && i < json_array_size(pts); i++) {
		const json_t *p = json_array_get(pts, i);

		snprintf(at, sizeof at, "%s.points[%zu]", path, i);
		if (!json_is_object(p)) {
			sim_err_add(c->err, SIM_EINVAL, "%s: %s: must be an "
				    "object", c->name, at);
			continue;
		}
		for (size_t k = 0; k < n; k++)
			result_want(c, p, at, keys[k], RT_NUMBER | RT_NULL);
	}
}

/* Handle or wrap-up: an object, or null when nothing was fitted. */
static void result_fit_duration(struct result_check *c, const json_t *o,
				const char *at, const char *key)
{
	static const char *const keys[] = { "p", "x", "fitted" };
	const json_t *d = result_want(c, o, at, key, RT_OBJECT | RT_NULL);
	char path[300];

	if (!json_is_object(d))
		return;
	snprintf(path, sizeof path, "%s.%s", at, key);
	result_want(c, d, path, "n", RT_NUMBER);
	result_want(c, d, path, "family", RT_STRING);
	result_want(c, d, path, "ks", RT_NUMBER | RT_NULL);
	result_want(c, d, path, "ks_max", RT_NUMBER);
	result_fit_points(c, d, path, keys, 3);
}

static void result_fit_line(struct result_check *c, const json_t *o,
			    const char *at)
{
	static const char *const keys[] = { "t", "km", "km_low", "km_high",
					    "fitted" };
	const json_t *p;
	char path[300];

	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "calls", RT_NUMBER);
	result_fit_duration(c, o, at, "handle");
	result_fit_duration(c, o, at, "wrap");
	p = result_want(c, o, at, "patience", RT_OBJECT);
	if (p == NULL)
		return;
	snprintf(path, sizeof path, "%s.patience", at);
	result_want(c, p, path, "n", RT_NUMBER);
	result_want(c, p, path, "abandoned", RT_NUMBER);
	result_want(c, p, path, "family", RT_STRING | RT_NULL);
	result_want(c, p, path, "longest_wait_s", RT_NUMBER | RT_NULL);
	result_fit_points(c, p, path, keys, 5);
}

void result_fit_check(struct result_check *c, const json_t *r)
{
	result_want(c, r, "", "calls_log", RT_STRING);
	result_want(c, r, "", "calls", RT_NUMBER);
	result_want(c, r, "", "command", RT_ARRAY | RT_NULL);
	result_check_list(c, r, "", "lines", result_fit_line);
}
