/* scenario_schema_callback.c: the keys of a line's call-backs of
 * abandoned callers (scenario_schema.h; the pool they name is resolved by
 * scenario_callback.c once the pools are read). Kept apart from the other
 * tables as call-backs are a concept of their own. */
#include "models/scenario_schema.h"

#include <stddef.h>

#include "models/scenario.h"

/* A call-back queued longer than a year would be a scenario error: the
 * bound keeps every time finite. */
static const struct yaml_doc_rule R_TARGET = {
	0, SCENARIO_SECONDS_MAX, 1, 0, 0,
	"a positive number of seconds, at most 1e9"};
static const char *const W_AHEAD[] = {"after_own", "before_own", NULL};

const struct scenario_key scenario_schema_callback[] = {
	{.key = "probability", .kind = SCENARIO_NUMBER,
	 .rule = &scenario_schema_probability, .store = SCENARIO_DOUBLE,
	 .offset = offsetof(struct callback_spec, probability), .scale = 1,
	 .required = 1, .doc = "the share of abandoned calls called back"},
	{.key = "target_s", .kind = SCENARIO_NUMBER, .rule = &R_TARGET,
	 .store = SCENARIO_DOUBLE,
	 .offset = offsetof(struct callback_spec, target_s), .scale = 1,
	 .required = 1, .doc = "call back within, from the abandonment"},
	{.key = "handle", .kind = SCENARIO_DIST,
	 .offset = offsetof(struct callback_spec, handle), .scale = 1,
	 .required = 1, .doc = "a call-back's handler time",
	 .give = "a call-back's handler time, such as "
	 "{dist: lognormal, mean: 180, sd: 120}"},
	{.key = "pool", .kind = SCENARIO_REF, .store = SCENARIO_SIZE,
	 .offset = offsetof(struct callback_spec, pool), .scale = 1,
	 .required = 1, .of = &scenario_of_pools, .late = 1,
	 .doc = "the pool whose handlers call back",
	 .give = "the name of a pool"},
	{.key = "priority", .kind = SCENARIO_WORD, .store = SCENARIO_INT,
	 .offset = offsetof(struct callback_spec, ahead), .scale = 1,
	 .doc = "after_own or before_own (the pool's own lines)",
	 .give = "after_own or before_own", .words = W_AHEAD,
	 .noun = "value"},
	{.key = NULL}};
