/* scenario_deferrable.c: the deferrable work of a scenario
 * (scenario_deferrable.h, models/deferrable.h). A stream is read as a
 * line's demand is — its volume and profile through the line's hooks,
 * its months through the same table — since its record begins with a
 * line's. */
#include "models/scenario_deferrable.h"

#include <stddef.h>

#include "models/scenario_calls.h"
#include "models/scenario_read.h"

/* The list reader reads a stream's name into the record's start. */
_Static_assert(offsetof(struct deferrable_spec, work.name) == 0,
	       "name first");

static const struct scenario_record_hook deferrable_hooks[] = {
	{"volume", scenario_calls_volume}, {"profile", scenario_calls_profile},
	{NULL, NULL}};

/* Defaults kept in a stream's maps, read before its keys. */
static void init_deferrable(void *rec)
{
	struct line_spec *l = &((struct deferrable_spec *)rec)->work;

	scenario_schema_defaults(scenario_schema_deferrable_answer, l);
	scenario_schema_defaults(scenario_schema_months, &l->demand);
}

static const struct scenario_record_kind deferrable_kind = {
	"deferrable", "deferrable stream", "a list of deferrable work such as "
	"{name: live-chat, volume: {per_year: 50000}, handle: {dist: "
	"exponential, mean: 600}, answer: {within_h: 24}, pool: "
	"non-emergency}", NULL, sizeof(struct deferrable_spec), 0, 1,
	scenario_schema_deferrable, deferrable_hooks,
	1 + offsetof(struct deferrable_spec, work.pos), init_deferrable,
	NULL};

void scenario_deferrable_read(struct scenario_read *ld,
			      struct yaml_doc_at top)
{
	struct scenario *sc = ld->sc;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	int before = ld->yd.n_problems;

	sc->deferrable = scenario_record_list(ld, top, &deferrable_kind,
					      &sc->n_deferrable);
	if (ld->yd.n_problems != before || ld->yd.oom)
		return;
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, "deferrable", kp);
	for (size_t i = 0; i < sc->n_deferrable; i++)
		scenario_calls_check_peak(ld, yaml_doc_item(&ld->yd, s, (int)i,
			sc->deferrable[i].work.name, ip),
			&sc->deferrable[i].work);
}
