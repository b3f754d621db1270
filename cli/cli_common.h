/* cli_common.h: what the subcommands of `callsim` share — exit codes,
 * one table-driven option parser (cli_parse: each option a row saying
 * what it does, so a kind of option is checked, and its message written,
 * once), the list of --set overrides, the bundled scenario
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
#include <stdio.h>

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

/* What an option does (cli_parse): most options of every command are one
 * of a few kinds, each checked with one message wherever it appears; the
 * rest are the command's own (CLI_OWN). A kind's field is at `at` in the
 * command's options struct. */
enum cli_kind {
	CLI_OWN,        /* the command's own handler gets the id and value */
	CLI_FLAG,       /* sets a bool */
	CLI_TEXT,       /* keeps the value in a const char * */
	CLI_LIST,       /* appends the value to a struct cli_strings */
	CLI_SET,        /* as CLI_LIST, after checking it is KEY=VALUE */
	CLI_CHOICE,     /* the value's index among choices, in an int */
	CLI_THREADS,    /* an unsigned, as --threads takes it */
	CLI_RUN,        /* run setting `id` (enum cli_run_setting) of a
			   const char *[CLI_RUN_SETTINGS], in plain decimal */
	CLI_USAGE       /* prints choices[0], the usage, and stops parsing
			   at once with success, whatever follows */
};

/* One option a subcommand accepts: "--name", or "-c" when short is not 0. */
struct cli_opt {
	const char *name;       /* long name without "--" */
	char short_name;        /* 0 when none */
	bool has_value;         /* "--name VALUE" or "--name=VALUE" */
	int id;                 /* CLI_OWN: for the handler; CLI_RUN: the
				   setting */
	enum cli_kind kind;     /* for cli_parse */
	size_t at;              /* offset of the kind's field */
	const char *const *choices;   /* CLI_CHOICE: NULL-ended */
};

/* Rows of a cli_parse table, for options struct T. */
#define CLI_OPT_FLAG(name, short_name, T, field)                          \
	{ name, short_name, false, 0, CLI_FLAG, offsetof(T, field), NULL }
#define CLI_OPT_TEXT(name, short_name, T, field)                          \
	{ name, short_name, true, 0, CLI_TEXT, offsetof(T, field), NULL }
#define CLI_OPT_LIST(name, T, field)                                      \
	{ name, 0, true, 0, CLI_LIST, offsetof(T, field), NULL }
#define CLI_OPT_SET(name, T, field)                                       \
	{ name, 0, true, 0, CLI_SET, offsetof(T, field), NULL }
#define CLI_OPT_CHOICE(name, T, field, choices)                           \
	{ name, 0, true, 0, CLI_CHOICE, offsetof(T, field), choices }
#define CLI_OPT_THREADS(T, field)                                         \
	{ "threads", 0, true, 0, CLI_THREADS, offsetof(T, field), NULL }
#define CLI_OPT_RUN(name, setting, T, field)                              \
	{ name, 0, true, setting, CLI_RUN, offsetof(T, field), NULL }
/* An option of the command's own, with a value or not. */
#define CLI_OPT_OWN(name, short_name, has_value, id)                      \
	{ name, short_name, has_value, id, CLI_OWN, 0, NULL }
/* --help and -h: usage is a NULL-ended array holding the usage text. */
#define CLI_OPT_USAGE(usage)                                              \
	{ "help", 'h', false, 0, CLI_USAGE, 0, usage }
#define CLI_OPT_END { NULL, 0, false, 0, CLI_OWN, 0, NULL }

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
/* Monotonic wall-clock seconds, for the speed lines printed on stderr. */
double cli_clock_s(void);
/* Where a long command draws its progress bar (results/progress.h):
 * stderr when it is a terminal and --quiet was not given, else NULL
 * (nothing: a log or a pipe gets no bar, and stdout never does). */
FILE *cli_progress_stream(bool quiet);

/* The run settings every simulating command takes as options. Each becomes
 * an override of its run.* key, validated by the loader like the file, and
 * comes after the --set overrides so that it wins. */
enum cli_run_setting {
	CLI_RUN_REPLICATIONS, CLI_RUN_SEED, CLI_RUN_DAYS, CLI_RUN_WARMUP,
	CLI_RUN_SETTINGS
};
/* The rows of the run settings, kept in T's field run_values. */
#define CLI_RUN_OPTIONS(T)                                                 \
	CLI_OPT_RUN("replications", CLI_RUN_REPLICATIONS, T, run_values),  \
	CLI_OPT_RUN("seed", CLI_RUN_SEED, T, run_values),                  \
	CLI_OPT_RUN("days", CLI_RUN_DAYS, T, run_values),                  \
	CLI_OPT_RUN("warmup-hours", CLI_RUN_WARMUP, T, run_values)

/* A command's options for cli_parse. */
struct cli_spec {
	const char *cmd;                   /* "run" */
	const struct cli_opt *opts;        /* ended by CLI_OPT_END */
	/* Operands: up to max_paths scenario paths, kept in the const char *
	 * [max_paths] at paths_at; with max_paths 0 none is allowed; with
	 * CLI_PATHS_ANY any number, appended to the struct cli_strings at
	 * paths_at. */
	size_t paths_at;
	int max_paths;
	/* The CLI_OWN options: returns CLI_EXIT_OK, an exit code, or
	 * CLI_STOP to end parsing at once with success. */
	int (*own)(void *o, int id, const char *value);
};

/* max_paths of a command taking any number of operands (merge's parts). */
#define CLI_PATHS_ANY (-1)

/* What an own handler returns to stop parsing (as `check --help` does). */
#define CLI_STOP (-1)

/* Parses argv (argv[0] the subcommand's name) into the options struct o
 * as spec's table says, printing what is wrong. Returns CLI_EXIT_OK,
 * CLI_STOP, or the exit code to stop with. */
int cli_parse(const struct cli_spec *spec, int argc, char **argv, void *o);
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

/* An output file that is one of the command's inputs would be written over
 * what is still to be read, or lost (a scenario, a log, a saved result).
 * inputs holds pairs, what and path ("the scenario", "force.yaml"), ended
 * by NULL; a NULL path is skipped, as are paths that do not exist yet.
 * An output that exists and is not a regular file (a directory, a device
 * such as /dev/full, a pipe) is refused too: it would be replaced by a
 * file. Returns CLI_EXIT_OK, or CLI_EXIT_USAGE after "callsim CMD: OPT
 * OUT is WHAT (PATH): give OPT a file of its own". */
int cli_output_apart(const char *cmd, const char *opt, const char *out,
		     const char *const inputs[]);
/* The same for an output opened where it is and written as it goes, not
 * renamed (a sweep's --out without --resume): a pipe, a terminal or a
 * device such as /dev/null takes the bytes as they come, so only a
 * directory is refused, with "callsim CMD: OPT OUT is a directory". */
int cli_output_in_place(const char *cmd, const char *opt, const char *out,
			const char *const inputs[]);
/* Two outputs of one command that name one file (however spelt, written
 * yet or not) would be written one over the other: the first lost, or the
 * run's end failing. outputs holds pairs, option and path ("--out",
 * "f.yaml"), ended by NULL; a NULL path is skipped. Returns CLI_EXIT_OK,
 * or CLI_EXIT_USAGE after "callsim CMD: OPT1 PATH1 and OPT2 PATH2 name one
 * file, and one would be written over the other: ...". */
int cli_outputs_distinct(const char *cmd, const char *const outputs[]);
/* An output file that is one of the CSV files the loaded scenario sc
 * read (a profile, an events list: models/scenario.h) would write over
 * the force's own data. outputs holds pairs, option and path, as
 * cli_outputs_distinct's; whose names the scenario ("the scenario",
 * "scenario B"). Returns CLI_EXIT_OK, or CLI_EXIT_USAGE after "callsim
 * CMD: OPT OUT is a CSV file WHOSE reads (KEY: PATH): give OPT a file of
 * its own". */
int cli_outputs_unread(const char *cmd, const char *const outputs[],
		       const struct scenario *sc, const char *whose);

/* Prints every line of err: scenario problems as they are, other failures
 * prefixed with "callsim CMD: ", then how many lines did not fit. */
void cli_print_err(const char *cmd, const struct sim_err *err);

/* Reads the scenario at path once (scenario_doc_read), to build every
 * variant a command needs from it. Returns CLI_EXIT_OK and a new document
 * in *out (free with scenario_doc_free), or, with the problems printed,
 * CLI_EXIT_USAGE for an unreadable file or one that is not a YAML
 * mapping, CLI_EXIT_FAILURE when out of memory. */
int cli_read_scenario(const char *cmd, const char *path,
		      struct scenario_doc **out);

/* args ("key=value" each) as edits of origin "--set" or "--vary",
 * borrowing args' strings: a new array (free it), or NULL when out of
 * memory (message printed). */
struct scenario_edit *cli_edits(const char *cmd, const struct cli_strings *args,
				const char *origin);

/* Builds doc with the edits in memory, printing every problem, or, for a
 * valid scenario, every warning on stderr; returns as cli_load_scenario. */
int cli_build_scenario(const char *cmd, const struct scenario_doc *doc,
		       const struct scenario_edit *edits, size_t n_edits,
		       struct scenario **out);

/* Loads the scenario at path with the overrides in one step
 * (scenario_load: the file read once, built once), for a command that
 * builds one scenario of it, printing every problem,
 * or, for a valid scenario, every warning (what it would not measure) on
 * stderr. Returns CLI_EXIT_OK and a new scenario in *out, or
 * CLI_EXIT_USAGE for an invalid or unreadable scenario, CLI_EXIT_FAILURE
 * when out of memory. Warnings never change the exit code. */
int cli_load_scenario(const char *cmd, const char *path,
		      const struct cli_strings *overrides, struct scenario **out);

/* The agreements of one progress line of a search, on f: each goal line's
 * service level and each deferrable stream's share within target, with
 * its interval and verdict, then the end of the line. */
void cli_progress_agreements(FILE *f, const struct summary *s);

#endif
