/* scenario_doc.c: a scenario read once, and built into many variants
 * (scenario.h). The bytes are kept by the store below the loader
 * (scenario_bytes.c); a variant is those bytes walked by the loader with
 * its edits (scenario_load.c). */
#include <assert.h>
#include <stdlib.h>

#include "models/scenario.h"
#include "models/scenario_bytes.h"
#include "models/scenario_load.h"
#include "sim/mem.h"

struct scenario_doc {
	struct scenario_bytes *bytes;
};

enum sim_status scenario_doc_read(const struct scenario_source *src,
				  struct scenario_doc **out,
				  struct sim_err *err)
{
	struct scenario_doc *d = mem_calloc(1, sizeof *d);
	struct sim_err *scratch;
	struct scenario *sc = NULL;
	enum sim_status st;

	assert(src && out && err);
	*out = NULL;
	if (!d)
		return sim_err_add(err, SIM_ENOMEM, "%s: out of memory while "
				   "reading the scenario", src->path ?
				   src->path : "<text>");
	st = scenario_bytes_open(src, &d->bytes, err);
	if (st != SIM_OK) {
		free(d);
		return st;
	}
	/* One build without edits reads every CSV the file names, and keeps
	 * them; its problems are reported again by the builds that follow. */
	scratch = mem_malloc(sizeof *scratch);
	if (scratch) {
		sim_err_clear(scratch);
		d->bytes->filling = 1;
		scenario_load_bytes(d->bytes, NULL, 0, NULL, &sc, scratch);
		d->bytes->filling = 0;
		scenario_free(sc);
		free(scratch);
	}
	*out = d;
	return SIM_OK;
}

void scenario_doc_free(struct scenario_doc *d)
{
	if (!d)
		return;
	scenario_bytes_free(d->bytes);
	free(d);
}

enum sim_status scenario_doc_build(const struct scenario_doc *d,
				   const struct scenario_edit *edits,
				   size_t n_edits, struct sim_err *warnings,
				   struct scenario **out,
				   struct sim_err *err)
{
	return scenario_load_bytes(d->bytes, edits, n_edits, warnings, out,
				   err);
}
