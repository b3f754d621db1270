/* result_backtest.c: a saved back-test (schema callsim.backtest,
 * results/report_backtest.h) checked with the reader's primitives
 * (result_check.h), so its page can walk it without further checks. */
#include <stdio.h>
#include <string.h>

#include "results/backtest.h"
#include "results/result_check.h"

/* A cell: its numbers (or null) and its flag. */
static void result_backtest_cell(struct result_check *c, const json_t *o,
				 const char *at, const char *key)
{
	static const char *const nums[] = {
		"observed", "median", "pi_low", "pi_high", "p_flag"
	};
	const json_t *cell = result_want(c, o, at, key, RT_OBJECT);
	const json_t *flag;
	char path[300];

	if (cell == NULL)
		return;
	snprintf(path, sizeof path, "%s%s%s", at, *at ? "." : "", key);
	for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
		result_want(c, cell, path, nums[i], RT_NUMBER | RT_NULL);
	result_want(c, cell, path, "replications", RT_INTEGER);
	flag = result_want(c, cell, path, "flag", RT_STRING | RT_NULL);
	if (json_is_string(flag) && strcmp(json_string_value(flag), "inside")
	    && strcmp(json_string_value(flag), "below")
	    && strcmp(json_string_value(flag), "above"))
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.flag: must be inside, "
			    "below, above or null", c->name, path);
}

/* The four figures of a slot. */
static void result_backtest_figures(struct result_check *c, const json_t *o,
				    const char *at)
{
	for (int m = 0; m < BACKTEST_METRICS; m++)
		result_backtest_cell(c, o, at, backtest_metric_names[m]);
}

/* An hour of the week: its number is its place. */
static void result_backtest_hour(struct result_check *c, const json_t *o,
				 const char *at)
{
	const char *idx = strrchr(at, '[');
	const json_t *h = result_want(c, o, at, "hour", RT_INTEGER);
	size_t i = 0;

	if (idx != NULL)
		sscanf(idx, "[%zu]", &i);
	if (h != NULL && json_integer_value(h) != (json_int_t)i)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.hour: must be %zu",
			    c->name, at, i);
	result_backtest_figures(c, o, at);
}

/* A line: its name, target, whole period and 168 hours. */
static void result_backtest_line(struct result_check *c, const json_t *o,
				 const char *at)
{
	const json_t *p, *hours;
	char path[300];

	result_want(c, o, at, "name", RT_STRING);
	result_want(c, o, at, "target_s", RT_NUMBER);
	p = result_want(c, o, at, "period", RT_OBJECT);
	snprintf(path, sizeof path, "%s.period", at);
	if (p != NULL)
		result_backtest_figures(c, p, path);
	hours = result_want(c, o, at, "hours", RT_ARRAY);
	if (hours != NULL && json_array_size(hours) != BACKTEST_HOURS)
		sim_err_add(c->err, SIM_EINVAL, "%s: %s.hours: must hold %d "
			    "hours, holds %zu", c->name, at, BACKTEST_HOURS,
			    json_array_size(hours));
	else
		result_check_list(c, o, at, "hours", result_backtest_hour);
}

/* The members of an object at path, each of the types given. */
static void result_backtest_members(struct result_check *c, const json_t *r,
				    const char *path, const char *const *keys,
				    size_t n, int types)
{
	const json_t *o = *path ? result_want(c, r, "", path, RT_OBJECT) : r;

	for (size_t i = 0; o != NULL && i < n; i++)
		result_want(c, o, path, keys[i], types);
}

void result_backtest_check(struct result_check *c, const json_t *r)
{
	static const char *const top[] = {
		"scenario", "scenario_path", "calls_log"
	};
	static const char *const texts[] = { "from", "to", "start_date" };
	static const char *const nums[] = { "days", "calls", "warmup_hours" };
	static const char *const sums[] = {
		"level", "cells_compared", "cells_flagged", "expected_flagged",
		"expected_flagged_sd"
	};

	result_backtest_members(c, r, "", top, 3, RT_STRING);
	result_backtest_members(c, r, "period", texts, 3, RT_STRING);
	result_backtest_members(c, r, "period", nums, 3, RT_NUMBER);
	result_backtest_members(c, r, "summary", sums, 5, RT_NUMBER);
	result_want(c, r, "", "replications", RT_INTEGER);
	result_want(c, r, "", "command", RT_ARRAY | RT_NULL);
	result_check_list(c, r, "", "lines", result_backtest_line);
}
