/* result_check.h: the checks every kind of saved result is read with
 * (results/result_read.c holds them; results/result_kinds.c checks the
 * kinds other than a run with them). A check records each problem in
 * c->err as "FILE: KEY.PATH: what is wrong" and goes on, so one reading
 * names every problem. */
#ifndef RESULTS_RESULT_CHECK_H
#define RESULTS_RESULT_CHECK_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "results/result_read.h"
#include "sim/sim_err.h"

/* What a member may be: a mask of these. */
enum {
	RT_OBJECT = 1, RT_ARRAY = 2, RT_STRING = 4, RT_NUMBER = 8,
	RT_INTEGER = 16, RT_NULL = 32
};

/* One check of a parsed document; problems go to err with the file name. */
struct result_check {
	const char *name;
	struct sim_err *err;
	size_t n_lines, n_grades;    /* of the result, for its days */
	size_t n_areas;              /* ... and its hours */
	enum result_kind kind;       /* found from "schema" */
	size_t n_pools;              /* an optimisation's first hour's */
	size_t n_deferrable;         /* a sweep's point 0's streams */
};

/* Member key of obj (at path) when it is one of types, else NULL with the
 * problem recorded (an absent member is null when null is allowed). */
const json_t *result_want(struct result_check *c, const json_t *obj,
			  const char *path, const char *key, int types);
/* A figure: {"mean", "ci_low", "ci_high"}, each a number or null. */
void result_check_figure(struct result_check *c, const json_t *obj,
			 const char *path, const char *key);
/* "verdict": met, missed, uncertain or null. */
void result_check_verdict(struct result_check *c, const json_t *obj,
			  const char *path);
/* The elements of array `key` of obj, each an object checked by fn. */
void result_check_list(struct result_check *c, const json_t *obj,
		       const char *path, const char *key,
		       void (*fn)(struct result_check *, const json_t *,
				  const char *));
/* A run's line, grade and costs (a sweep's points have them too). */
void result_check_line(struct result_check *c, const json_t *o,
		       const char *at);
void result_check_grade(struct result_check *c, const json_t *o,
			const char *at);
/* A stream of deferrable work of a run (or of a sweep's point). */
void result_check_stream(struct result_check *c, const json_t *o,
			 const char *at);
void result_check_costs(struct result_check *c, const json_t *r);
/* An hour of "intervals" (at "intervals[N]"): its "hour" is N, its place,
 * and it has a "label". */
void result_check_hour_number(struct result_check *c, const json_t *o,
			      const char *at);

/* Checks r, whose "schema" is a string other than a run's, as the kind it
 * names (setting c->kind), or records that it names none this callsim
 * reads. */
void result_kinds_check(struct result_check *c, const json_t *r);
/* A back-test (schema callsim.backtest), in results/result_backtest.c. */
void result_backtest_check(struct result_check *c, const json_t *r);
/* A fit (schema callsim.fit), in results/result_fit.c. */
void result_fit_check(struct result_check *c, const json_t *r);
/* Whether text is JSON Lines of a sweep: its first line is an object
 * whose "schema" is a sweep's (or a sweep's CSV, which
 * result_kinds_sweep refuses with a hint). */
bool result_kinds_lines(const char *text, size_t len);
/* The sweep in text as one document {"schema", "header", "points"}: each
 * line parsed on its own (duplicate keys refused), a syntax error named
 * FILE:LINE:COL. Returns the new document, or NULL with err filled. */
json_t *result_kinds_sweep(const char *name, const char *text, size_t len,
			   struct sim_err *err);

#endif
