/* cmd_merge.h: `callsim merge` — joins the parts of a result computed in
 * pieces on several machines (the shards of `callsim sweep --shard K/N`)
 * into the file the result made in one piece writes, byte for byte
 * (docs/scale.md). */
#ifndef CLI_CMD_MERGE_H
#define CLI_CMD_MERGE_H

#include <stdio.h>

#include "sim/sim_err.h"

/* The usage text `callsim help merge` and `callsim merge --help` print. */
extern const char cmd_merge_usage[];

/* Runs the subcommand; argv[0] is "merge". Returns the exit code. */
int cmd_merge(int argc, char **argv);

/* Whether --out path (NULL: stdout) may be written: a merge never
 * replaces a file, least of all one of its own parts. Returns CLI_EXIT_OK,
 * or CLI_EXIT_USAGE with the problem printed. */
int cmd_merge_out_check(const char *path);

/* Writes the merge through write(f, arg, err) into a new file beside path
 * (path.tmp), renamed to path when write returns SIM_OK and removed
 * otherwise, so a failed merge never leaves half a file. Returns the exit
 * code: CLI_EXIT_OK, CLI_EXIT_USAGE when write says SIM_EINVAL, or
 * CLI_EXIT_FAILURE; problems printed. */
int cmd_merge_out_write(const char *path,
			enum sim_status (*write)(FILE *f, const void *arg,
						 struct sim_err *err),
			const void *arg);

#endif
