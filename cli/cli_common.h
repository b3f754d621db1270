/* cli_common.h: what the subcommands of `callsim` share — exit codes,
 * strict option parsing, the list of --set overrides, the bundled scenario
 * and the printing of library errors.
 *
 * Only this layer prints or exits. Messages go to stderr, lower-case and
 * without a full stop, as "callsim CMD: what is wrong"; a scenario's
 * problems are printed as the loader wrote them ("FILE:LINE:COL: ...") so
 * editors can jump to them. */
#ifndef CLI_CLI_COMMON_H
#define CLI_CLI_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "models/scenario.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* The exit codes of every subcommand (docs/cli.md). */
enum cli_exit {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FAILURE = 1,   /* the run failed (out of memory, write error) */
	CLI_EXIT_USAGE = 2,     /* bad usage or an invalid scenario */
	CLI_EXIT_SLA = 3        /* --require-slas and an SLA was missed */
};

/* One option a subcommand accepts: "--name", or "-c" when short is not 0. */
struct cli_opt {
	const char *name;       /* long name without "--" */
	char short_name;        /* 0 when none */
	bool has_value;         /* "--name VALUE" or "--name=VALUE" */
	int id;                 /* returned by cli_next */
};

/* Walks argv of one subcommand (argv[0] is the subcommand's name). */
struct cli_parser {
	int argc;
	char **argv;
	int i;                  /* next argument; start at 1 */
	bool operands_only;     /* after "--" */
};

/* What cli_next returns besides an option's id (ids must be >= 0). */
enum {
	CLI_OPERAND = -1,       /* *value is an operand (not an option) */
	CLI_DONE = -2,          /* no arguments left */
	CLI_BAD = -3            /* message printed; exit CLI_EXIT_USAGE */
};

/* The next option or operand of p, among opts (ended by a NULL name).
 * Sets *value to the option's value or the operand. An unknown option, a
 * missing value or a value given to a flag prints a message and returns
 * CLI_BAD. */
int cli_next(struct cli_parser *p, const struct cli_opt *opts,
	     const char **value);

/* Parses text as a whole number 0..max: digits only, no sign, no spaces,
 * no base prefix (plain decimal, as every number on the command line).
 * Returns 0 and sets *out, or -1. */
int cli_parse_unsigned(const char *text, unsigned long max,
		       unsigned long *out);

/* A growable list of owned strings (the --set overrides, in order). */
struct cli_strings {
	char **items;
	size_t n, cap;
};

/* Appends a copy of s, or "key=value" when value is not NULL. Returns 0, or
 * -1 when out of memory (message printed). */
int cli_strings_add(struct cli_strings *l, const char *s, const char *value);
/* Appends a copy of every item of src to l. Returns 0, or -1 when out of
 * memory (message printed). */
int cli_strings_append(struct cli_strings *l, const struct cli_strings *src);
/* Frees the items and empties l. */
void cli_strings_clear(struct cli_strings *l);

/* The largest --threads any command accepts. */
#define CLI_THREADS_MAX 1024
/* Parses --threads for command `cmd` into *threads (0 = every core).
 * Returns CLI_EXIT_OK, or CLI_EXIT_USAGE after saying what is allowed. */
int cli_parse_threads(const char *cmd, const char *value, unsigned *threads);
/* Monotonic wall-clock seconds, for the speed lines printed on stderr. */
double cli_clock_s(void);

/* The run settings every simulating command takes as options. Each becomes
 * an override of its run.* key, validated by the loader like the file, and
 * comes after the --set overrides so that it wins. A command's option ids
 * start with these four, so its table can begin with CLI_RUN_OPTIONS. */
enum cli_run_setting {
	CLI_RUN_REPLICATIONS, CLI_RUN_SEED, CLI_RUN_DAYS, CLI_RUN_WARMUP,
	CLI_RUN_SETTINGS
};
#define CLI_RUN_OPTIONS                                      \
	{ "replications", 0, true, CLI_RUN_REPLICATIONS },   \
	{ "seed", 0, true, CLI_RUN_SEED },                   \
	{ "days", 0, true, CLI_RUN_DAYS },                   \
	{ "warmup-hours", 0, true, CLI_RUN_WARMUP }
/* Checks the value of run setting `setting` (an enum cli_run_setting) is
 * written in plain decimal, the one rule for every number on the command
 * line (scenario_parse_decimal: "0x10" and "inf" are refused); its range
 * is the loader's to check, as in the file. Returns CLI_EXIT_OK, or
 * CLI_EXIT_USAGE after saying what is wrong. */
int cli_check_run_setting(const char *cmd, int setting, const char *value);
/* Appends "run.KEY=value" for each setting given (values[k] not NULL).
 * Returns 0, or -1 when out of memory (message printed). */
int cli_run_settings_append(const char *const values[CLI_RUN_SETTINGS],
			    struct cli_strings *out);

/* Path of the bundled West Midlands baseline: the installed copy when it
 * exists, else the one in the source tree. */
const char *cli_bundled_scenario(void);

/* Under --require-slas, says on stderr which agreements of s could not be
 * measured (fewer than two replications measured them) and so count as
 * missed; `side` is "" or "B: ". */
void cli_note_unmeasured(const char *cmd, const char *side,
			 const struct summary *s);

/* Prints "callsim CMD: message" and returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints every line of err: scenario problems as they are, other failures
 * prefixed with "callsim CMD: ", then how many lines did not fit. */
void cli_print_err(const char *cmd, const struct sim_err *err);

/* Loads the scenario at path with the overrides, printing every problem,
 * or, for a valid scenario, every warning (what it would not measure) on
 * stderr. Returns CLI_EXIT_OK and a new scenario in *out, or
 * CLI_EXIT_USAGE for an invalid or unreadable scenario, CLI_EXIT_FAILURE
 * when out of memory. Warnings never change the exit code. */
int cli_load_scenario(const char *cmd, const char *path,
		      const struct cli_strings *overrides, struct scenario **out);
/* As cli_load_scenario without the warnings, for a command that loads the
 * same scenario again (optimise's rounds) and warned the first time. */
int cli_reload_scenario(const char *cmd, const char *path,
			const struct cli_strings *overrides,
			struct scenario **out);

#endif
