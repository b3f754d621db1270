/* scenario_schema_rows.h: constructors of the rows of the schema's
 * tables (scenario_schema.h), shared by models/scenario_schema*.c and
 * included by nothing else. Each says what every row of its sort holds
 * (its kind, how a number is kept, where its value goes), so that a row
 * reads as its key, its place, its range or words, and its doc; further
 * fields of the row (.give, .note, ...) may follow the doc, which is the
 * last named argument. A number NEEDED has no default; an OPTIONAL one
 * keeps def when absent. */
#ifndef MODELS_SCENARIO_SCHEMA_ROWS_H
#define MODELS_SCENARIO_SCHEMA_ROWS_H

#include <stddef.h>

#include "models/scenario_schema.h"

#define AT(rec, field) .offset = offsetof(struct rec, field)
#define NEEDED(k, r, rec, field, st, sc, ...) \
	{.key = k, .kind = SCENARIO_NUMBER, .rule = &r, .store = st, \
	 AT(rec, field), .scale = sc, .required = 1, .doc = __VA_ARGS__}
#define OPTIONAL(k, r, rec, field, st, sc, d, ...) \
	{.key = k, .kind = SCENARIO_NUMBER, .rule = &r, .store = st, \
	 AT(rec, field), .scale = sc, .def = d, .doc = __VA_ARGS__}
#define FLAG(k, rec, field, ...) \
	{.key = k, .kind = SCENARIO_BOOL, .store = SCENARIO_INT, \
	 AT(rec, field), .scale = 1, .doc = __VA_ARGS__}
/* One of the words w, kept as its index; noun names an unknown one. */
#define WORD(k, w, n, rec, field, ...) \
	{.key = k, .kind = SCENARIO_WORD, .store = SCENARIO_INT, \
	 AT(rec, field), .scale = 1, .words = w, .noun = n, .doc = __VA_ARGS__}
/* Text in the buffer at field, whose size bounds it. */
#define TEXT(k, req, rec, field, ...) \
	{.key = k, .kind = SCENARIO_TEXT, AT(rec, field), .scale = 1, \
	 .required = req, .size = sizeof(((struct rec *)0)->field), \
	 .doc = __VA_ARGS__}
/* A time of day "HH:MM" within rule r, required. */
#define CLOCK(k, r, rec, field, ...) \
	{.key = k, .kind = SCENARIO_CLOCK, .rule = &r, AT(rec, field), \
	 .scale = 1, .required = 1, .give = "a time of day \"HH:MM\"", \
	 .doc = __VA_ARGS__}
/* A date "YYYY-MM-DD", any day of the week. */
#define DATE(k, rec, field, ...) \
	{.key = k, .kind = SCENARIO_DATE, AT(rec, field), .scale = 1, \
	 .give = "a date \"YYYY-MM-DD\"", .doc = __VA_ARGS__}
/* The name of a record of the scenario's list f, kept as its index;
 * required. */
#define REF(k, f, rec, field, ...) \
	{.key = k, .kind = SCENARIO_REF, .store = SCENARIO_SIZE, \
	 AT(rec, field), .scale = 1, .required = 1, .of = &scenario_of_##f, \
	 .doc = __VA_ARGS__}
/* A row read by a hook of its record's part of the loader. */
#define OTHER(k, kd, req, ...) \
	{.key = k, .kind = kd, .scale = 1, .required = req, .doc = __VA_ARGS__}
/* An item's name, read by the list reader. */
#define NAME(...) OTHER("name", SCENARIO_NAME, 1, __VA_ARGS__)
#define NESTED(k, kd, req, s, ...) \
	{.key = k, .kind = kd, .scale = 1, .required = req, .sub = s, \
	 .doc = __VA_ARGS__}
/* A map of rows of its own, kept in the record at field (of type rec). */
#define MAP(k, req, s, rec, field, ...) \
	{.key = k, .kind = SCENARIO_MAP, AT(rec, field), .scale = 1, \
	 .required = req, .sub = s, .doc = __VA_ARGS__}
/* A map whose rows are kept in the record itself. */
#define INNER(k, req, s, ...) \
	{.key = k, .kind = SCENARIO_MAP, .scale = 1, .required = req, \
	 .sub = s, .doc = __VA_ARGS__}
#define DIST(k, req, rec, field, ...) \
	{.key = k, .kind = SCENARIO_DIST, AT(rec, field), .scale = 1, \
	 .required = req, .doc = __VA_ARGS__}
/* A list of names of records of the scenario's list f, kept as a new
 * array of their indices at field and their number at n_field. */
#define REFS(k, req, f, rec, field, ...) \
	{.key = k, .kind = SCENARIO_LIST, AT(rec, field), .scale = 1, \
	 .required = req, .of = &scenario_of_##f, \
	 .count = offsetof(struct rec, n_##field), .doc = __VA_ARGS__}
/* An optional list of records of table s, kept as an array at field and
 * their number at n, read as kind says, which check writes one a line. */
#define RECORDS(k, s, kd, rec, field, n, item, ...) \
	{.key = k, .kind = SCENARIO_LIST, AT(rec, field), .scale = 1, \
	 .sub = s, .items = &kd, .count = offsetof(struct rec, n), \
	 .size = sizeof(struct item), .doc = __VA_ARGS__}
/* A list of numbers, each within rule r and kept as st, in a new array
 * at field, their number at n_field. */
#define VALUES(k, r, st, rec, field, ...) \
	{.key = k, .kind = SCENARIO_LIST, .rule = &r, .store = st, \
	 AT(rec, field), .scale = 1, .count = offsetof(struct rec, n_##field), \
	 .doc = __VA_ARGS__}
/* A demand's weekly profile (a hook reads it): its factors, and their
 * number, in the record's demand. */
#define PROFILE(rec, ...) \
	{.key = "profile", .kind = SCENARIO_LIST, AT(rec, demand.profile), \
	 .scale = 1, .count = offsetof(struct rec, demand.n_slots), \
	 .form = SCENARIO_FORM_FACTORS, .doc = __VA_ARGS__}
/* check writes the row only when the number at field is above 0. */
#define SHOWN(rec, field) .shown = 1 + offsetof(struct rec, field)
#define GIVEN(rec, field) .given = 1 + offsetof(struct rec, field)
/* check writes the row only when the pointer at field is set, or not. */
#define HELD(rec, field) SHOWN(rec, field), .shown_if = SCENARIO_SHOWN_HELD
#define NOT_HELD(rec, field) SHOWN(rec, field), \
	.shown_if = SCENARIO_SHOWN_NOT_HELD
/* check writes a shift's length in hours (read by a hook, as hours or
 * end). */
#define IN_HOURS(rec) AT(rec, duration_s), .store = SCENARIO_DOUBLE, \
	.scale = 3600, .form = SCENARIO_FORM_NUMBER
#define NO_GOAL .absent = "   # no goal: no verdict"
#define END {.key = NULL}
#define D SCENARIO_DOUBLE

#endif
