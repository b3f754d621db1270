/* scenario_schema_deferrable.c: the keys of a stream of deferrable work
 * (scenario_schema.h; read by scenario_deferrable.c). A stream is kept in
 * a struct deferrable_spec whose first member is a line's record, so its
 * demand, handle time, target and goal sit where a line's do and the
 * line's readers and writers of those serve it too. */
#include "models/scenario_schema.h"

#include <math.h>
#include <stddef.h>

#include "models/scenario.h"

/* A stream's record begins with a line's. */
_Static_assert(offsetof(struct deferrable_spec, work) == 0, "work first");

/* At most a week: the drain after the horizon lasts a week at most, so
 * an item still open when it ends has waited past any target allowed. */
static const struct yaml_doc_rule R_WITHIN_H = {
	0, 168, 1, 0, 0, "a number of hours with 0 < hours <= 168"};
static const struct yaml_doc_rule R_DEFER_GOAL = {
	0, 1, 1, 0, 0, "a fraction with 0 < goal <= 1"};

#define LINE_AT(field) .offset = offsetof(struct line_spec, field)

const struct scenario_key scenario_schema_deferrable[] = {
	{.key = "name", .kind = SCENARIO_NAME, .scale = 1, .required = 1,
	 .doc = "unique among deferrable work"},
	{.key = "volume", .kind = SCENARIO_MAP, .scale = 1, .required = 1,
	 .sub = scenario_schema_volume,
	 .doc = "items a year, a day or an hour", LINE_AT(demand),
	 .form = SCENARIO_FORM_ONE_OF},
	{.key = "profile", .kind = SCENARIO_LIST, .scale = 1,
	 .doc = "the weekly shape of the items", LINE_AT(demand.profile),
	 .count = offsetof(struct line_spec, demand.n_slots),
	 .form = SCENARIO_FORM_FACTORS},
	{.key = "months", .kind = SCENARIO_MAP, LINE_AT(demand), .scale = 1,
	 .sub = scenario_schema_months, .doc = "a factor a calendar month",
	 .flow = 1, .shape = "a mapping of month (jan..dec) to factor"},
	{.key = "handle", .kind = SCENARIO_DIST, LINE_AT(handle), .scale = 1,
	 .required = 1, .doc = "handler time an item takes",
	 .give = "the handler time of an item, such as "
	 "{dist: lognormal, mean: 600, sd: 300}"},
	{.key = "answer", .kind = SCENARIO_MAP, .scale = 1, .required = 1,
	 .sub = scenario_schema_deferrable_answer,
	 .doc = "the target in hours", .flow = 1,
	 .give = "the target, such as {within_h: 24, goal: 0.95}",
	 .shape = "a mapping such as {within_h: 24, goal: 0.95}"},
	{.key = "pool", .kind = SCENARIO_REF, .store = SCENARIO_SIZE,
	 .offset = offsetof(struct deferrable_spec, pool), .scale = 1,
	 .required = 1, .of = &scenario_of_pools,
	 .doc = "the pool whose handlers work it",
	 .give = "the name of one of the pools"},
	{.key = NULL}};

const struct scenario_key scenario_schema_deferrable_answer[] = {
	{.key = "within_h", .kind = SCENARIO_NUMBER, .rule = &R_WITHIN_H,
	 .store = SCENARIO_DOUBLE, LINE_AT(target_s), .scale = 3600,
	 .required = 1, .doc = "taken by a handler within"},
	{.key = "goal", .kind = SCENARIO_NUMBER, .rule = &R_DEFER_GOAL,
	 .store = SCENARIO_DOUBLE, LINE_AT(goal), .scale = 1, .def = NAN,
	 .doc = "the share to take within it",
	 .absent = "   # no goal: no verdict"},
	{.key = NULL}};
