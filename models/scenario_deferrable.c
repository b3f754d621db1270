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

/* Each stream's peak rate, once the list read cleanly. */
static void check_peaks(struct scenario_read *ld, struct yaml_doc_at top,
			const struct scenario_key *k, void *rec)
{
	const struct scenario *sc = rec;
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at s = yaml_doc_key(&ld->yd, top, k->key, kp);

	for (size_t i = 0; i < sc->n_deferrable; i++)
		scenario_calls_check_peak(ld, yaml_doc_item(&ld->yd, s, (int)i,
			sc->deferrable[i].work.name, ip),
			&sc->deferrable[i].work);
}

const struct scenario_record_kind scenario_deferrable_streams = {
	"deferrable stream", "a list of deferrable work such as "
	"{name: live-chat, volume: {per_year: 50000}, handle: {dist: "
	"exponential, mean: 600}, answer: {within_h: 24}, pool: "
	"non-emergency}", NULL, 0, 1, deferrable_hooks,
	1 + offsetof(struct deferrable_spec, work.pos), NULL, NULL,
	check_peaks, 1};
