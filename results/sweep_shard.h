/* sweep_shard.h: a sweep split into shards, one a machine or a batch
 * task, and the line that marks a shard finished.
 *
 * Shard K of N (`--shard K/N`, K from 1) runs the points i of the grid with
 * i mod N = K - 1: points K-1, K-1+N, K-1+2N, ... Dealt round like cards,
 * so the shards get points from every part of the grid and take about as
 * long as each other even when the cost of a point grows along an axis
 * (more calls, fewer staff). A point keeps its number and its seed, so its
 * figures are the same bytes whichever shard runs it, and the shards'
 * files merge (results/sweep_merge.h) into the file of the whole sweep.
 *
 * A shard's file is a sweep file whose header ends with the member
 * "shard":"K/N" (the whole sweep's header has none: its output is as it
 * was before shards existed), followed by its points in order, then, once
 * every one of its points is written, the end line
 * {"end_of_shard":"K/N","points":P,"fnv1a":"H"} (P the grid's points, H
 * the hash of every byte of the file before the end line; after "# " in
 * CSV, as the header). The end line is how a merge tells a finished shard
 * from one a batch system killed at a point's boundary, and its hash how
 * it tells the bytes the shard wrote from bytes changed since: a row
 * edited, lost or doubled by hand keeps every row in its place, and only
 * the hash shows it.
 *
 * Nothing here prints; errors are returned in a struct sim_err. */
#ifndef RESULTS_SWEEP_SHARD_H
#define RESULTS_SWEEP_SHARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sim/sim_err.h"

/* The most shards a sweep may be split into: `callsim merge` holds every
 * part open at once, and a process may open about a thousand files. */
#define SWEEP_SHARDS_MAX 1000

/* Shard k of n (1 <= k <= n); n == 0: the whole sweep, not a shard. */
struct sweep_shard {
	unsigned k, n;
};

/* Parses "K/N" (whole numbers in plain decimal, 1 <= K <= N <=
 * SWEEP_SHARDS_MAX) into *out. Returns SIM_OK, or SIM_EINVAL with one line
 * in err saying what is allowed. */
enum sim_status sweep_shard_parse(const char *text, struct sweep_shard *out,
				  struct sim_err *err);

/* How many of n_points points shard s runs (all of them when s->n is 0);
 * 0 when there are fewer points than shards and s is one of the last. */
size_t sweep_shard_count(const struct sweep_shard *s, size_t n_points);

/* The grid's number of the j-th point (from 0) shard s runs. */
size_t sweep_shard_point(const struct sweep_shard *s, size_t j);

/* Writes the header's shard member, ,"shard":"K/N", when s is a shard;
 * nothing for the whole sweep. */
void sweep_shard_member(FILE *f, const struct sweep_shard *s);

/* Writes the end line of shard s (a shard: s->n > 0) of a grid of
 * n_points points, after "# " when the file is CSV; hash: of every byte
 * written before it (scenario_fnv1a_stream from SCENARIO_FNV1A_INIT: the
 * same however the bytes were split between calls). */
void sweep_shard_end_write(FILE *f, const struct sweep_shard *s,
			   size_t n_points, uint64_t hash, bool csv);

/* What a row of a shard's file is to the end line of shard s. */
enum sweep_shard_line {
	SWEEP_SHARD_ROW,          /* not its end line */
	SWEEP_SHARD_END,          /* its end line, vouching for bytes whose
				     hash is the one given */
	SWEEP_SHARD_END_CHANGED,  /* its end line, vouching for other bytes:
				     the file was changed */
	SWEEP_SHARD_END_EARLIER   /* its end line as callsim 0.1.0 wrote it
				     before the hash: vouching for nothing */
};

/* What the row text (len bytes, its '\n' included) is to the end line of
 * shard s of a grid of n_points points (a CSV file's when csv), the bytes
 * before it hashing to hash. */
enum sweep_shard_line sweep_shard_line_of(const char *text, size_t len,
					  const struct sweep_shard *s,
					  size_t n_points, uint64_t hash,
					  bool csv);

#endif
