/* scenario_schema_rota.c: the keys of a pool's rota and of the rota's
 * shifts (scenario_schema.h; read by scenario_rota.c). Kept apart from
 * the other tables as the rota is a concept of its own. */
#include "models/scenario_schema.h"

#include <stddef.h>

#include "models/rota.h"
#include "models/scenario_pools.h"
#include "models/scenario_rota.h"
#include "models/scenario_schema_rows.h"

static const struct yaml_doc_rule R_TEAMS = {
	1, ROTA_TEAMS_MAX, 0, 0, 1, "a whole number of teams from 1 to 64"};
static const struct yaml_doc_rule R_PER_TEAM = {
	0, 1e6, 0, 0, 1, "a whole number of people from 0 to 1000000"};
static const struct yaml_doc_rule R_DAY = {
	0, ROTA_DAYS_MAX - 1, 0, 0, 1, "a whole number of days from 0 to 365"};

const struct scenario_key scenario_schema_rota[] = {
	OTHER("pattern", SCENARIO_TEXT, 1,
	      "a named pattern, or shift names and rest days",
	      .give = "a named pattern (6on4off, 3x3x3, 4on4off, 2x2x2) or "
	      "shift names and rest days R, such as \"E,E,L,L,N,N,R,R,R,R\"",
	      AT(scenario_rota, pattern), .form = SCENARIO_FORM_POINTER),
	RECORDS("shifts", scenario_schema_rota_shift, scenario_pools_shifts,
		scenario_rota, shifts, n_shifts, shift_spec,
		"the shifts the pattern names", .shape = "a list of shifts "
		"such as {name: E, start: \"07:00\", hours: 10}"),
	NEEDED("teams", R_TEAMS, scenario_rota, teams, SCENARIO_SIZE, 1,
	       "teams working the pattern"),
	NEEDED("per_team", R_PER_TEAM, scenario_rota, per_team, SCENARIO_INT,
	       1, "people in each team"),
	VALUES("offsets", R_DAY, SCENARIO_SIZE, scenario_rota, offsets,
	       "each team's day of the cycle on the start date",
	       .give = "a list of days into the cycle, one a team",
	       .note = "   # days into the cycle"),
	DATE("start", scenario_rota, start, "the date the cycle starts"),
	END};

const struct scenario_key scenario_schema_rota_shift[] = {
	NAME("as the pattern spells it"),
	CLOCK("start", scenario_schema_clock, shift_spec, start_s, "\"HH:MM\""),
	{.key = "hours", .kind = SCENARIO_SPAN, .doc = "the length; or end",
	 IN_HOURS(shift_spec)},
	OTHER("end", SCENARIO_SPAN, 0, "\"HH:MM\" up to \"48:00\"; or hours"),
	END};
