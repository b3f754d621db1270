/* sweep_merge.h: the files of a sweep's shards joined into the file of the
 * whole sweep (`callsim merge`; results/sweep_shard.h says what a shard
 * holds).
 *
 * The parts must be the N shards of one split of one sweep, each once:
 * their headers, the "shard" member aside, must be the same bytes (the
 * same scenario content, seed, replications, days, warm-up, grid, --set
 * overrides, format and callsim version), every part must say the same N,
 * no shard may be given twice and none may be missing, and each must be
 * finished (its end line after its last point). The merged file is the
 * header without "shard", the column names, and every point in order,
 * each taken whole from the shard that ran it, byte for byte: so it is
 * the very file the unsharded sweep writes.
 *
 * Every part is read twice: once to check it all, once to copy its points,
 * so nothing is written when a part is wrong, and memory holds one row of
 * each part, whatever the size of the sweep.
 *
 * Nothing here prints except to the FILE * given for the output; problems
 * are returned in a struct sim_err, one line each, naming the parts. */
#ifndef RESULTS_SWEEP_MERGE_H
#define RESULTS_SWEEP_MERGE_H

#include <stddef.h>
#include <stdio.h>

#include "sim/sim_err.h"

/* One part given to the merge. */
struct sweep_merge_part {
	const char *name;      /* as the user named it, for messages */
	FILE *f;               /* borrowed, open for reading, seekable */
};

/* Checks the n parts (1 <= n <= SWEEP_SHARDS_MAX) and writes the whole
 * sweep to out (borrowed). Returns SIM_OK; SIM_EINVAL, with nothing
 * written, when the parts are not the finished shards of one split of one
 * sweep, each once (err names them and says what differs, which shards are
 * missing, given twice, of another split or unfinished); SIM_EIO when a
 * part cannot be read or out cannot be written; SIM_ENOMEM. */
enum sim_status sweep_merge(const struct sweep_merge_part *parts, size_t n,
			    FILE *out, struct sim_err *err);

#endif
