/* scenario_callback.c: a line's call-backs joined to their pool
 * (scenario_callback.h). The line's table is read before the pools, so
 * the pool's name is read here, after the walk, like the other rules that
 * join records. */
#include "models/scenario_callback.h"

#include <stdint.h>

/* Line i's callback mapping at c: its pool, by name. */
static void scenario_callback_pool(struct scenario_read *ld,
				   struct yaml_doc_at c, size_t i)
{
	const struct scenario_read_ref pools =
		SCENARIO_READ_REF(ld->sc, pools, "pool", "pools");
	struct callback_spec *cb = &ld->sc->lines[i].callback;
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, c, "pool", kp);
	long p = a.id ? scenario_read_ref(ld, a, &pools) : -1;

	cb->pool = p >= 0 ? (size_t)p : SIZE_MAX;
}

void scenario_callback_check(struct scenario_read *ld, struct yaml_doc_at top)
{
	const struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX],
	     cp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "lines", kp);

	for (size_t i = 0; i < sc->n_lines; i++) {
		struct yaml_doc_at l = yaml_doc_item(&ld->yd, s, (int)i,
						     sc->lines[i].name, ip);
		struct yaml_doc_at c = yaml_doc_key(&ld->yd, l, "callback", cp);
		if (c.id)
			scenario_callback_pool(ld, c, i);
	}
}
