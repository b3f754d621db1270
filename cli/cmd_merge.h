/* cmd_merge.h: `callsim merge` — joins the parts of a result computed in
 * pieces on several machines (the shards of `callsim sweep --shard K/N`)
 * into the file the result made in one piece writes, byte for byte
 * (docs/scale.md). */
#ifndef CLI_CMD_MERGE_H
#define CLI_CMD_MERGE_H

/* The usage text `callsim help merge` and `callsim merge --help` print. */
extern const char cmd_merge_usage[];

/* Runs the subcommand; argv[0] is "merge". Returns the exit code. */
int cmd_merge(int argc, char **argv);

#endif
