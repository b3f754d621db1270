/* emit.h: the small text emitters the writers share — a JSON emitter that
 * pretty-prints objects, arrays, strings and numbers, and RFC 4180 CSV
 * fields — so every report quotes, escapes and prints numbers alike.
 *
 * Numbers are printed with %.10g; a NAN or infinite number (nothing
 * measured) is null in JSON and an empty field in CSV. The JSON emitter
 * keeps its nesting state in a struct emit_json on the caller's stack,
 * never in statics; it borrows the FILE. Nothing here reports errors: the
 * writers check the stream once at the end (ferror).
 *
 * A container opened flat keeps its members, and everything opened inside
 * it, on the current line ({"name": "a", "units": 3}): the small objects of
 * a long list then read one to a line. A compact emitter writes no
 * whitespace at all ({"name":"a","units":3}): a JSON Lines record. */
#ifndef RESULTS_EMIT_H
#define RESULTS_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "models/figure.h"
#include "sim/ci.h"

#define EMIT_JSON_DEPTH_MAX 12

struct emit_json {
	FILE *f;                             /* borrowed */
	int depth;                           /* 0 before the first open */
	bool compact;                        /* no whitespace anywhere */
	bool script_safe;                    /* strings as emit_json_string_script
						writes them */
	bool first[EMIT_JSON_DEPTH_MAX];     /* nothing written yet at depth */
	bool flat[EMIT_JSON_DEPTH_MAX];      /* members on one line at depth */
};

/* A JSON string: quotes, backslashes and control characters escaped; other
 * bytes (UTF-8 from the scenario file) pass through unchanged. */
void emit_json_string(FILE *f, const char *s);
/* A JSON string that is safe inside an HTML <script> element: also
 * writes <, >, & and the line separators U+2028 and U+2029 as \uXXXX, so
 * no string (a scenario's names) can end the element or open a comment. */
void emit_json_string_script(FILE *f, const char *s);
/* A string through w: emit_json_string_script when w->script_safe. */
void emit_json_text(const struct emit_json *w, const char *s);
/* A JSON number, or null when x is not finite. */
void emit_json_number(FILE *f, double x);
/* Opens an object ('{') or array ('['), and closes it with the matching
 * bracket; an empty one prints as {} or []. */
void emit_json_open(struct emit_json *w, char bracket);
void emit_json_close(struct emit_json *w, char bracket);
/* Opens an object or array flat (see above); close it with
 * emit_json_close. */
void emit_json_open_flat(struct emit_json *w, char bracket);
/* Starts an array element: a comma after the previous one, a new line and
 * the indent; inside a flat container, ", " after the previous one. */
void emit_json_next(struct emit_json *w);
/* Starts an object member: emit_json_next, then "key": . */
void emit_json_key(struct emit_json *w, const char *key);
void emit_json_key_number(struct emit_json *w, const char *key, double x);
void emit_json_key_string(struct emit_json *w, const char *key, const char *s);
/* A string, or null when s is NULL. */
void emit_json_key_string_or_null(struct emit_json *w, const char *key,
				  const char *s);
void emit_json_key_bool(struct emit_json *w, const char *key, bool b);
/* An array of the strings items[0 .. n), one a line. */
void emit_json_key_strings(struct emit_json *w, const char *key,
			   const char *const *items, size_t n);
/* A measured figure on one line, its members named by the kind of its
 * interval: {"mean": x, "ci_low": a, "ci_high": b} for a confidence
 * interval of the mean, {"mean", "pi_low", "pi_high"} for a prediction
 * interval of one period, {"share", "ci_low", "ci_high"} for the share of
 * periods that met a goal. */
void emit_json_key_figure(struct emit_json *w, const char *key,
			  const struct ci *c, enum figure_interval kind);
/* emit_json_key_figure of a confidence interval of the mean. */
void emit_json_key_ci(struct emit_json *w, const char *key, const struct ci *c);

/* A CSV field, quoted only when RFC 4180 needs it (a comma, quote or line
 * break), so plain names stay plain and any name still parses. */
void emit_csv_field(FILE *f, const char *s);
/* A CSV number field; empty when x is not finite. */
void emit_csv_number(FILE *f, double x);

/* Tidy rows, "section,name,metric,mean,ci_low,ci_high": emit_csv_key
 * writes the three text columns, then emit_csv_ci the figure (mean and
 * interval) or emit_csv_exact an exact value, which repeats as the
 * interval; either ends the row. */
void emit_csv_key(FILE *f, const char *section, const char *name,
		  const char *metric);
void emit_csv_ci(FILE *f, const struct ci *c);
/* The three fields of a figure, ",mean,low,high", without the line end:
 * for rows that go on after it (a comparison's sides). */
void emit_csv_interval(FILE *f, const struct ci *c);
void emit_csv_exact(FILE *f, double x);

#endif
