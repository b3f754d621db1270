/* cli_command.h: the words of a command line that decide a result's
 * figures, recorded in its JSON ("command") so a report can say what made
 * it (docs/report.md). */
#ifndef CLI_CLI_COMMAND_H
#define CLI_CLI_COMMAND_H

#include <stddef.h>

/* The words the JSON records: argv from the subcommand's name on. */
struct cli_command {
	const char **words;   /* owned array; the strings are argv's */
	size_t n;
};

/* Keeps every word of argv[0 .. argc) but --threads (and its value),
 * --verbose, -v, --quiet and -q, which change only how fast and how
 * chatty a command is, so the result is the same bytes whatever they were.
 * Returns 0, or -1 when out of memory. */
int cli_command_of(int argc, char **argv, struct cli_command *out);
void cli_command_clear(struct cli_command *c);

#endif
