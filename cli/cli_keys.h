/* cli_keys.h: `callsim help keys` — every key path `--set` (and a sweep's
 * `--vary`) takes, walked from the scenario's schema
 * (models/scenario_schema.c), so a key added there is listed with no
 * other change. Bash completion reads this list (cli/callsim.bash). */
#ifndef CLI_CLI_KEYS_H
#define CLI_CLI_KEYS_H

#include <stdio.h>

/* Writes one key path a line, with its line of doc, to f: "run.days",
 * "lines.NAME.answer.goal" (NAME: an item of a list of named records,
 * by its name or its index from 0), "units.N.shifts.NAME.staff" (N: an
 * item of a list of unnamed records, by its index). */
void cli_keys_print(FILE *f);

#endif
