/* scenario_schema_deferrable.c: the keys of a stream of deferrable work
 * (scenario_schema.h; read by scenario_deferrable.c). A stream is kept in
 * a struct deferrable_spec whose first member is a line's record, so its
 * demand, handle time, target and goal sit where a line's do and the
 * line's readers and writers of those serve it too. */
#include "models/scenario_schema.h"

#include <math.h>
#include <stddef.h>

#include "models/scenario.h"
#include "models/scenario_schema_rows.h"

/* A stream's record begins with a line's. */
_Static_assert(offsetof(struct deferrable_spec, work) == 0, "work first");

/* At most a week: the drain after the horizon lasts a week at most, so
 * an item still open when it ends has waited past any target allowed. */
static const struct yaml_doc_rule R_WITHIN_H = {
	0, 168, 1, 0, 0, "a number of hours with 0 < hours <= 168"};

const struct scenario_key scenario_schema_deferrable[] = {
	NAME("unique among deferrable work"),
	NESTED("volume", SCENARIO_MAP, 1, scenario_schema_volume,
	       "items a year, a day or an hour", AT(line_spec, demand),
	       .form = SCENARIO_FORM_ONE_OF),
	PROFILE(line_spec, "the weekly shape of the items"),
	MAP("months", 0, scenario_schema_months, line_spec, demand,
	    "a factor a calendar month", .flow = 1,
	    .shape = "a mapping of month (jan..dec) to factor"),
	DIST("handle", 1, line_spec, handle, "handler time an item takes",
	     .give = "the handler time of an item, such as "
	     "{dist: lognormal, mean: 600, sd: 300}"),
	INNER("answer", 1, scenario_schema_deferrable_answer,
	      "the target in hours", .flow = 1,
	      .give = "the target, such as {within_h: 24, goal: 0.95}",
	      .shape = "a mapping such as {within_h: 24, goal: 0.95}"),
	REF("pool", pools, deferrable_spec, pool,
	    "the pool whose handlers work it",
	    .give = "the name of one of the pools"),
	END};

const struct scenario_key scenario_schema_deferrable_answer[] = {
	NEEDED("within_h", R_WITHIN_H, line_spec, target_s, D, 3600,
	       "taken by a handler within"),
	OPTIONAL("goal", scenario_schema_goal, line_spec, goal, D, 1, NAN,
		 "the share to take within it", NO_GOAL),
	END};
