/* scenario_schema_callback.c: the keys of a line's call-backs of
 * abandoned callers (scenario_schema.h; the pool they name is resolved by
 * scenario_callback.c once the pools are read). Kept apart from the other
 * tables as call-backs are a concept of their own. */
#include "models/scenario_schema.h"

#include <stddef.h>

#include "models/scenario.h"
#include "models/scenario_schema_rows.h"

const struct scenario_key scenario_schema_callback[] = {
	NEEDED("probability", scenario_schema_probability, callback_spec,
	       probability, D, 1, "the share of abandoned calls called back"),
	/* A call-back queued longer than 1e9 s would be a scenario error:
	 * the bound keeps every time finite. */
	NEEDED("target_s", scenario_schema_seconds_pos, callback_spec,
	       target_s, D, 1, "call back within, from the abandonment"),
	DIST("handle", 1, callback_spec, handle, "a call-back's handler time",
	     .give = "a call-back's handler time, such as "
	     "{dist: lognormal, mean: 180, sd: 120}"),
	REF("pool", pools, callback_spec, pool,
	    "the pool whose handlers call back", .late = 1,
	    .give = "the name of a pool"),
	WORD("priority", scenario_schema_ahead, "value", callback_spec, ahead,
	     "after_own or before_own (the pool's own lines)",
	     .give = "after_own or before_own"),
	END};
