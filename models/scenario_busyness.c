/* scenario_busyness.c: the busyness groups of a scenario, lines sharing
 * a random factor a day (scenario_busyness.h, models/busyness.h). */
#include "models/scenario_busyness.h"

#include <stddef.h>

/* The list reader reads a group's name into the record's start. */
_Static_assert(offsetof(struct busyness_spec, name) == 0, "name first");

/* Whether line l is in one of the first n groups; its group in *g. */
static int listed_before(const struct scenario *sc, size_t n, size_t l,
			 size_t *g)
{
	for (*g = 0; *g < n; (*g)++)
		for (size_t i = 0; i < sc->busyness[*g].n_lines; i++)
			if (sc->busyness[*g].lines[i] == l)
				return 1;
	return 0;
}

/* A line has one day factor: in two groups it would have two. */
static void check_one_group(struct scenario_read *ld, struct yaml_doc_at top,
			    const struct scenario_key *k, void *rec)
{
	const struct scenario *sc = rec;
	char kp[YAML_DOC_PATH_MAX], gp[YAML_DOC_PATH_MAX], lp[YAML_DOC_PATH_MAX],
	     ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, k->key, kp);
	size_t first;

	for (size_t g = 1; g < sc->n_busyness; g++) {
		const struct busyness_spec *b = &sc->busyness[g];
		struct yaml_doc_at it = yaml_doc_item(&ld->yd, s, (int)g,
						      b->name, gp);
		struct yaml_doc_at ls = yaml_doc_key(&ld->yd, it, "lines", lp);

		for (size_t i = 0; i < b->n_lines; i++)
			if (listed_before(sc, g, b->lines[i], &first))
				yaml_doc_problem(&ld->yd,
						 yaml_doc_item(&ld->yd, ls,
							       (int)i, NULL, ip),
						 "line %s is already in busyness "
						 "group %s; a line shares the "
						 "factor of one group at most",
						 sc->lines[b->lines[i]].name,
						 sc->busyness[first].name);
	}
}

const struct scenario_record_kind scenario_busyness_groups = {
	"busyness group", "a list of busyness groups such as {name: city, "
	"cv: 0.1, lines: [\"999\", \"101\"]}", NULL, 0, 1, NULL, 0, NULL,
	NULL, check_one_group, 1};
