/* cmd_merge_partial.h: `callsim merge` of the parts of a long run (written
 * by `callsim run --replications-range A:B --partial OUT.json`): the run's
 * output, in any of run's formats, the same bytes as the run made whole. */
#ifndef CLI_CMD_MERGE_PARTIAL_H
#define CLI_CMD_MERGE_PARTIAL_H

/* Merges the parts argv names (argv[0] is "merge"). Returns the exit
 * code. */
int cmd_merge_partial(int argc, char **argv);

#endif
