/* emit.h: the small text emitters the writers share — a JSON emitter that
 * pretty-prints objects, arrays, strings and numbers, and RFC 4180 CSV
 * fields — so every report quotes, escapes and prints numbers alike.
 *
 * Numbers are printed with %.10g; a NAN or infinite number (nothing
 * measured) is null in JSON and an empty field in CSV. The JSON emitter
 * keeps its nesting state in a struct emit_json on the caller's stack,
 * never in statics; it borrows the FILE. Nothing here reports errors: the
 * writers check the stream once at the end (ferror). */
#ifndef RESULTS_EMIT_H
#define RESULTS_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "sim/ci.h"

#define EMIT_JSON_DEPTH_MAX 8

struct emit_json {
	FILE *f;                             /* borrowed */
	int depth;                           /* 0 before the first open */
	bool first[EMIT_JSON_DEPTH_MAX];     /* nothing written yet at depth */
};

/* A JSON string: quotes, backslashes and control characters escaped; other
 * bytes (UTF-8 from the scenario file) pass through unchanged. */
void emit_json_string(FILE *f, const char *s);
/* A JSON number, or null when x is not finite. */
void emit_json_number(FILE *f, double x);
/* Opens an object ('{') or array ('['), and closes it with the matching
 * bracket; an empty one prints as {} or []. */
void emit_json_open(struct emit_json *w, char bracket);
void emit_json_close(struct emit_json *w, char bracket);
/* Starts an array element: a comma after the previous one, a new line and
 * the indent. */
void emit_json_next(struct emit_json *w);
/* Starts an object member: emit_json_next, then "key": . */
void emit_json_key(struct emit_json *w, const char *key);
void emit_json_key_number(struct emit_json *w, const char *key, double x);
void emit_json_key_string(struct emit_json *w, const char *key, const char *s);
/* A string, or null when s is NULL. */
void emit_json_key_string_or_null(struct emit_json *w, const char *key,
				  const char *s);
/* A measured figure on one line: {"mean": x, "ci_low": a, "ci_high": b}. */
void emit_json_key_ci(struct emit_json *w, const char *key, const struct ci *c);

/* A CSV field, quoted only when RFC 4180 needs it (a comma, quote or line
 * break), so plain names stay plain and any name still parses. */
void emit_csv_field(FILE *f, const char *s);
/* A CSV number field; empty when x is not finite. */
void emit_csv_number(FILE *f, double x);

#endif
