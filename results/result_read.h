/* result_read.h: a saved result (`callsim run --format json`, and the
 * JSON of compare, optimise and the JSON Lines of sweep, whose checks are
 * in results/result_kinds.h) read back with jansson, bounded and checked,
 * for the report writer (results/report_html.h).
 *
 * The file is refused before parsing when it is larger than
 * RESULT_READ_SIZE_MAX bytes or nests deeper than RESULT_READ_DEPTH_MAX,
 * so no input can make the reader use unbounded memory or stack. After
 * parsing, every key the report reads is checked for its type (a figure is
 * an object with "mean", "ci_low" and "ci_high", each a number or null),
 * and the schema ("callsim.run") and schema_version must be ones this
 * callsim writes. A result that passes can be walked without further
 * checks. Each problem is one line "FILE:LINE:COL: message" (a syntax
 * error) or "FILE: KEY.PATH: message". */
#ifndef RESULTS_RESULT_READ_H
#define RESULTS_RESULT_READ_H

#include <jansson.h>
#include <stddef.h>

#include "sim/sim_err.h"

#define RESULT_READ_SIZE_MAX (64u << 20)
#define RESULT_READ_DEPTH_MAX 32
/* Hours of the week in "intervals" (7 x 24). */
#define RESULT_HOURS 168
/* Bins of a line's wait distribution a result may hold. */
#define RESULT_WAIT_BINS_MAX 64

/* What a result is, by its "schema". */
enum result_kind {
	RESULT_RUN,                  /* callsim.run */
	RESULT_COMPARE,              /* callsim.compare */
	RESULT_SWEEP,                /* callsim.sweep (JSON Lines) */
	RESULT_OPTIMISE,             /* callsim.optimise */
	RESULT_OPTIMISE_UNITS,       /* callsim.optimise_units */
	RESULT_BACKTEST,             /* callsim.backtest */
	RESULT_FIT                   /* callsim.fit */
};

struct result {
	json_t *root;                /* owned: the checked document; of a
					sweep, {"header": the first line,
					"points": [the others]} */
	enum result_kind kind;
	const json_t *intervals;     /* borrowed from root; NULL when the run
					was saved without --intervals */
	const json_t *by_day;        /* borrowed from root; NULL when the
					result has no figures by day */
	const json_t *by_hour;       /* borrowed; NULL when the result has no
					response by hour (earlier versions) */
	const json_t *waits;         /* "wait_distribution", borrowed; NULL
					when the result has none */
};

/* Reads and checks the result in the file at path. Returns SIM_OK and a new
 * result in *out (free with result_free); SIM_EIO when the file cannot be
 * read, SIM_EINVAL when it is not a run result this callsim can report on,
 * SIM_ENOMEM; err says why, naming the file. */
enum sim_status result_read_file(const char *path, struct result **out,
				 struct sim_err *err);
/* As result_read_file, from len bytes of text; name is used in messages. */
enum sim_status result_read_text(const char *name, const char *text,
				 size_t len, struct result **out,
				 struct sim_err *err);
void result_free(struct result *r);
/* The deepest nesting of [ and { in len bytes of text, outside strings:
 * jansson recurses once a level, so a reader refuses text nested deeper
 * than RESULT_READ_DEPTH_MAX before parsing it. */
size_t result_read_depth(const char *text, size_t len);
/* Checks len bytes of text against both bounds before it is parsed:
 * SIM_OK, or SIM_EINVAL with err saying which bound, name first. */
enum sim_status result_read_bounded(const char *name, const char *text,
				    size_t len, struct sim_err *err);

/* A number member of obj: its value, or NAN when it is null or absent. */
double result_number(const json_t *obj, const char *key);
/* The "mean" (or "ci_low", "ci_high": member) of figure `key` of obj, or
 * NAN. */
double result_figure(const json_t *obj, const char *key, const char *member);
/* A string member of obj, or "" when it is null or absent. */
const char *result_string(const json_t *obj, const char *key);

#endif
