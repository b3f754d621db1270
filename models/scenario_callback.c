/* scenario_callback.c: a line's call-backs joined to their pool
 * (scenario_callback.h). The line's table is read before the pools, so
 * the pool's name is read here, after the walk, like the other rules that
 * join records. */
#include "models/scenario_callback.h"

void scenario_callback_check(struct scenario_read *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX],
	     cp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "lines", kp);
	const struct scenario_key *pool =
		scenario_schema_find(scenario_schema_callback, "pool");

	for (size_t i = 0; i < sc->n_lines; i++) {
		struct yaml_doc_at l = yaml_doc_item(&ld->yd, s, (int)i,
						     sc->lines[i].name, ip);
		struct yaml_doc_at c = yaml_doc_key(&ld->yd, l, "callback", cp);
		if (c.id)
			scenario_record_late(ld, c, pool,
					     &ld->sc->lines[i].callback);
	}
}
