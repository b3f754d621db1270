/* scenario_load.h: what the parts of the scenario loader share. Not for
 * callers: they use scenario.h.
 *
 * The loader walks a scenario's YAML document (yaml_doc.h) record by
 * record, each through its table in the schema (scenario_schema.h):
 *   scenario_bytes.c      below the walk: the file's and its CSVs'
 *                         bytes, each read once
 *   scenario_load.c       the walk from the top, run settings, warnings
 *                         and the entry points
 *   scenario_doc.c        above the walk: variants of bytes read once
 *   scenario_record.c     the walker: a record through its table, each
 *                         row by its kind or its hook, and the one
 *                         reader of lists of records
 *   scenario_read.c       what every part reads with: mapping keys,
 *                         times of day, dates, CSV files, lists of
 *                         factors (inline or CSV), sets of words, lists
 *                         of names of other records
 *   scenario_dist.c       distributions, and empirical samples from CSV
 *   scenario_calls.c      lines' hooks: volume, profile, surges, redial,
 *                         incidents; a line's peak rate
 *   scenario_pools.c      pools' and shifts' hooks: serves, a shift's
 *                         length, days; every line served
 *   scenario_incidents.c  grades, areas, roles, units: their hooks and
 *                         the rules between them
 * Every part reports problems through the load's yaml_doc and carries on,
 * so one pass finds them all. */
#ifndef MODELS_SCENARIO_LOAD_H
#define MODELS_SCENARIO_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario_calls.h"
#include "models/scenario_dist.h"
#include "models/scenario_incidents.h"
#include "models/scenario_pools.h"
#include "models/scenario_read.h"

/* Walks the bytes of b, with the edits applied in order to a copy of its
 * document, into a new scenario *out; warnings (NULL: not wanted) are
 * added to `warnings`, problems to err. scenario_doc_build's work, and
 * scenario_load's. */
enum sim_status scenario_load_bytes(const struct scenario_bytes *b,
				    const struct scenario_edit *edits,
				    size_t n_edits, struct sim_err *warnings,
				    struct scenario **out, struct sim_err *err);

#endif
