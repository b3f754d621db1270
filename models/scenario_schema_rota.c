/* scenario_schema_rota.c: the keys of a pool's rota and of the rota's
 * shifts (scenario_schema.h; read by scenario_rota.c). Kept apart from
 * the other tables as the rota is a concept of its own. */
#include "models/scenario_schema.h"

#include <stddef.h>

#include "models/rota.h"
#include "models/scenario_pools.h"
#include "models/scenario_rota.h"

static const struct yaml_doc_rule R_TEAMS = {
	1, ROTA_TEAMS_MAX, 0, 0, 1, "a whole number of teams from 1 to 64"};
static const struct yaml_doc_rule R_PER_TEAM = {
	0, 1e6, 0, 0, 1, "a whole number of people from 0 to 1000000"};
static const struct yaml_doc_rule R_DAY = {
	0, ROTA_DAYS_MAX - 1, 0, 0, 1, "a whole number of days from 0 to 365"};
static const struct yaml_doc_rule R_START = {
	0, 86399, 0, 0, 0, "\"HH:MM\" from \"00:00\" to \"23:59\""};

const struct scenario_key scenario_schema_rota[] = {
	{.key = "pattern", .kind = SCENARIO_TEXT, .scale = 1, .required = 1,
	 .doc = "a named pattern, or shift names and rest days",
	 .give = "a named pattern (6on4off, 3x3x3, 4on4off, 2x2x2) or shift "
	 "names and rest days R, such as \"E,E,L,L,N,N,R,R,R,R\"",
	 .offset = offsetof(struct scenario_rota, pattern),
	 .form = SCENARIO_FORM_POINTER},
	{.key = "shifts", .kind = SCENARIO_LIST, .scale = 1,
	 .sub = scenario_schema_rota_shift, .items = &scenario_pools_shifts,
	 .shape = "a list of shifts such as {name: E, start: \"07:00\", "
	 "hours: 10}",
	 .doc = "the shifts the pattern names",
	 .offset = offsetof(struct scenario_rota, shifts),
	 .count = offsetof(struct scenario_rota, n_shifts),
	 .size = sizeof(struct shift_spec)},
	{.key = "teams", .kind = SCENARIO_NUMBER, .rule = &R_TEAMS,
	 .store = SCENARIO_SIZE, .offset = offsetof(struct scenario_rota, teams),
	 .scale = 1, .required = 1, .doc = "teams working the pattern"},
	{.key = "per_team", .kind = SCENARIO_NUMBER, .rule = &R_PER_TEAM,
	 .store = SCENARIO_INT,
	 .offset = offsetof(struct scenario_rota, per_team), .scale = 1,
	 .required = 1, .doc = "people in each team"},
	{.key = "offsets", .kind = SCENARIO_LIST, .rule = &R_DAY,
	 .store = SCENARIO_SIZE,
	 .offset = offsetof(struct scenario_rota, offsets), .scale = 1,
	 .count = offsetof(struct scenario_rota, n_offsets),
	 .doc = "each team's day of the cycle on the start date",
	 .give = "a list of days into the cycle, one a team",
	 .note = "   # days into the cycle"},
	{.key = "start", .kind = SCENARIO_DATE,
	 .offset = offsetof(struct scenario_rota, start), .scale = 1,
	 .doc = "the date the cycle starts", .give = "a date \"YYYY-MM-DD\""},
	{.key = NULL}};

const struct scenario_key scenario_schema_rota_shift[] = {
	{.key = "name", .kind = SCENARIO_NAME, .scale = 1, .required = 1,
	 .doc = "as the pattern spells it"},
	{.key = "start", .kind = SCENARIO_CLOCK, .rule = &R_START,
	 .offset = offsetof(struct shift_spec, start_s), .scale = 1,
	 .required = 1, .doc = "\"HH:MM\"", .give = "a time of day \"HH:MM\""},
	{.key = "hours", .kind = SCENARIO_SPAN, .store = SCENARIO_DOUBLE,
	 .offset = offsetof(struct shift_spec, duration_s), .scale = 3600,
	 .doc = "the length; or end", .form = SCENARIO_FORM_NUMBER},
	{.key = "end", .kind = SCENARIO_SPAN, .scale = 1,
	 .doc = "\"HH:MM\" up to \"48:00\"; or hours"},
	{.key = NULL}};
