/* partial.h: a long run split into parts — replications A..B-1 of its
 * numbering run on one machine (`callsim run --replications-range A:B
 * --partial OUT.json`), saved with everything the run's outputs are built
 * from, and the parts merged (`callsim merge`) into the summary the
 * single run would have made, the same bytes in every format.
 *
 * A part saves, beside its range and what identifies the run (version,
 * floating-point environment, scenario fingerprint and path, the overrides
 * and command words that decide the figures), the exact sums of every
 * figure of its summary_acc (sim/moments.h: sums of values and squares as
 * integers times powers of two, never rounded), the count of replications
 * and of events. Replication i draws the same random streams whichever
 * part runs it, and exact sums merge in any grouping to the same values:
 * so the merged summary is the single run's, bit for bit.
 *
 * The file is JSON, schema PARTIAL_SCHEMA, version PARTIAL_SCHEMA_VERSION
 * (docs/output.md). Reading one back is bounded (RESULT_READ_SIZE_MAX
 * bytes, RESULT_READ_DEPTH_MAX levels, every key type-checked, every sum
 * checked to be one that values have), so no file makes the merge crash
 * or use unbounded memory; the merge holds one part's document at a time
 * and one accumulator, whatever the number of parts or replications.
 *
 * Nothing here prints; problems are returned in a struct sim_err, each
 * naming the part's file. */
#ifndef RESULTS_PARTIAL_H
#define RESULTS_PARTIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "models/scenario.h"
#include "results/experiment.h"
#include "results/summary.h"
#include "sim/sim_err.h"

#define PARTIAL_SCHEMA "callsim.run_partial"
/* 2 since parts end with check_fnv1a; a part of version 1 is refused as
 * one an earlier callsim wrote. */
#define PARTIAL_SCHEMA_VERSION 2

/* What may change exp, log and the samplers in their last bit, so two
 * builds give the same bytes only when all of it matches: the compiler
 * and its version, the C library (its libm), GSL's version, the machine,
 * the CPU features glibc's libm picks its exp and log by, and whether the
 * compiler may fuse multiply-adds in callsim's own code. */
enum partial_env_key {
	PARTIAL_ENV_COMPILER, PARTIAL_ENV_LIBC, PARTIAL_ENV_GSL,
	PARTIAL_ENV_ARCH, PARTIAL_ENV_CPU, PARTIAL_ENV_FMA_CONTRACT,
	PARTIAL_ENV_KEYS
};
#define PARTIAL_ENV_TEXT_MAX 128
struct partial_env {
	char v[PARTIAL_ENV_KEYS][PARTIAL_ENV_TEXT_MAX];
};
/* The JSON key of environment item k ("compiler", "libc", ...). */
const char *partial_env_key(enum partial_env_key k);
/* This build's environment on this machine. */
void partial_env_get(struct partial_env *out);

/* What a part is of: the run, as its command words say it, and the range
 * of its replications. Borrows everything. */
struct partial_run {
	const char *scenario_path;          /* the file run */
	/* The --set overrides then the run settings, as the loader took
	 * them (`run.seed=7`): what the merge loads the scenario with. */
	const char *const *overrides;
	size_t n_overrides;
	/* The words after "callsim" that decide the figures, without
	 * --replications-range and --partial (and without --threads,
	 * --verbose, --quiet): the run the parts are of. */
	const char *const *command;
	size_t n_command;
	uint32_t first, end;                /* replications first .. end-1 */
};

/* Runs replications run->first .. run->end - 1 of sc (sc->run.
 * replications of them in all, end <= that) as spec says (threads, whom
 * to tell of each replication; its first and count are set here), and
 * writes the part to the file at path (through a temporary file renamed
 * at the end, so a part that exists is whole). Returns SIM_OK, or the
 * run's failure, SIM_EIO or SIM_ENOMEM with err filled. */
enum sim_status partial_run(const struct scenario *sc,
			    const struct experiment_spec *spec,
			    const struct partial_run *run, const char *path,
			    struct sim_err *err);

/* A part ends with the member "check_fnv1a": scenario_fnv1a (64-bit
 * FNV-1a of the byte count, 8 bytes least significant first, then of the
 * bytes), as 16 lower-case hexadecimal digits, of every byte of the file
 * before the comma that starts it. The file ends with exactly PARTIAL_CHECK_HEAD,
 * the digits and PARTIAL_CHECK_TAIL, so a part changed after callsim
 * wrote it (a sum edited by hand, a line lost in a copy) is refused,
 * where values that are only plausible would pass every other check. */
#define PARTIAL_CHECK_HEAD ",\n  \"check_fnv1a\": \""
#define PARTIAL_CHECK_TAIL "\"\n}\n"

/* Writes the part holding a (the replications of run's range of sc) as
 * JSON to f. */
enum sim_status partial_write(FILE *f, const struct summary_acc *a,
			      const struct scenario *sc,
			      const struct partial_run *run,
			      struct sim_err *err);

/* Whether the file at path is a part (its "schema" is PARTIAL_SCHEMA, found
 * within its first bytes however the JSON is spaced): what `callsim merge`
 * dispatches on. */
bool partial_is_file(const char *path);

struct partial_merge_opts {
	/* The scenario file to load instead of the path the parts name
	 * (its fingerprint must still match), or NULL. */
	const char *scenario_path;
	/* Merge parts whose floating-point environments differ, with a
	 * warning, instead of refusing them. */
	bool mixed_env;
};

/* The run the parts make up. */
struct partial_merged {
	struct scenario *sc;                /* owned */
	struct summary *s;                  /* owned; borrows sc */
	/* The parts' command words (the run's, without its range): owned,
	 * borrowing from nothing. */
	char **command;
	size_t n_command;
};

/* Reads the parts at paths[0 .. n), checks they are of one run (the same
 * version, environment, scenario fingerprint, overrides and command, and
 * their ranges cover 0 .. run.replications - 1 with no gap and no
 * overlap), loads the scenario, and adds their sums into the run's
 * summary in *out (free with partial_merged_clear). Returns SIM_OK, with
 * differing environments in warnings when opts allow them; SIM_EINVAL
 * naming the parts that do not fit, SIM_ESCENARIO or SIM_EIO for the
 * scenario, SIM_EIO for a file that cannot be read, SIM_ENOMEM. */
enum sim_status partial_merge_files(const char *const *paths, size_t n,
				    const struct partial_merge_opts *opts,
				    struct partial_merged *out,
				    struct sim_err *warnings,
				    struct sim_err *err);
void partial_merged_clear(struct partial_merged *m);

/* ---- one part read back (results/partial_read.c) --------------------- */

struct partial_part {
	json_t *root;                       /* owned: the checked document */
	const char *version;                /* borrowed from root, as below */
	struct partial_env env;
	const char *fingerprint, *scenario_path;
	const json_t *overrides, *command;  /* arrays of strings */
	uint64_t seed;
	double days, warmup_hours;
	uint32_t first, end, replications;
	uint64_t events;
	const json_t *sums;                 /* [n, "s1", e1, "s2", e2] each */
};

/* Reads and checks the part in len bytes of text (name for messages).
 * Returns SIM_OK and fills *out (free with partial_part_clear); SIM_EINVAL
 * with every problem in err, "NAME: KEY: what is wrong"; SIM_ENOMEM. */
enum sim_status partial_read_text(const char *name, const char *text,
				  size_t len, struct partial_part *out,
				  struct sim_err *err);
/* The same from the file at path, whose bytes must also be those its
 * check member vouches for (SIM_EINVAL naming "check_fnv1a" otherwise);
 * SIM_EIO when it cannot be read. */
enum sim_status partial_read_file(const char *path, struct partial_part *out,
				  struct sim_err *err);
void partial_part_clear(struct partial_part *p);
/* Adds p's sums into a (of the scenario p was run on). Returns SIM_OK, or
 * SIM_EINVAL naming the file when their number is not a's or one is not
 * a sum of at most p's replications' values (nothing sensible added). */
enum sim_status partial_part_add(const struct partial_part *p,
				 const char *name, struct summary_acc *a,
				 struct sim_err *err);

#endif
