/* cmd_check.c: `callsim check` (see cmd_check.h and docs/cli.md). The
 * scenario goes through the same loader as `callsim run`, so a file that
 * passes check starts a run. */
#include "cli/cmd_check.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli_common.h"
#include "results/report_scenario.h"

const char cmd_check_usage[] =
	"usage: callsim check SCENARIO [--set KEY=VALUE]...\n"
	"\n"
	"Validates SCENARIO with its overrides and prints it normalised: every\n"
	"key with its resolved value, defaults filled in, rates as calls a year\n"
	"and a day, incident response (grades, areas, roles, dispatch, units),\n"
	"and the FTE and annual cost each pool's and unit's roster implies. Every\n"
	"problem is reported as FILE:LINE:COL: key: what is wrong.\n"
	"\n"
	"  --set KEY=VALUE    override a scenario value (repeatable, in order)\n"
	"\n"
	"exit status: 0 valid, 1 failure, 2 bad usage or invalid scenario\n";

enum check_opt_id { OPT_SET, OPT_HELP };

static const struct cli_opt check_opts[] = {
	{ "set", 0, true, OPT_SET },
	{ "help", 'h', false, OPT_HELP },
	{ NULL, 0, false, 0 }
};

/* Parses argv: the scenario path into *path, overrides into sets. Returns
 * CLI_EXIT_OK, or the exit code to stop with (-1 after printing help). */
static int check_parse(int argc, char **argv, const char **path,
		       struct cli_strings *sets)
{
	struct cli_parser p = { .argc = argc, .argv = argv, .i = 1 };
	const char *value;
	int id;

	while ((id = cli_next(&p, check_opts, &value)) != CLI_DONE) {
		if (id == CLI_BAD)
			return CLI_EXIT_USAGE;
		if (id == OPT_HELP) {
			fputs(cmd_check_usage, stdout);
			return -1;
		}
		if (id == OPT_SET && strchr(value, '=') == NULL)
			return cli_usage_error("check", "--set needs KEY=VALUE, "
					       "not '%s'", value);
		if (id == OPT_SET && cli_strings_add(sets, value, NULL) != 0)
			return CLI_EXIT_FAILURE;
		if (id == CLI_OPERAND && *path != NULL)
			return cli_usage_error("check", "one scenario at a time: "
					       "'%s' and '%s'", *path, value);
		if (id == CLI_OPERAND)
			*path = value;
	}
	if (*path == NULL)
		return cli_usage_error("check", "which scenario? give its file");
	return CLI_EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
	struct cli_strings sets = { 0 };
	struct scenario *sc = NULL;
	const char *path = NULL;
	struct sim_err err;
	int rc = check_parse(argc, argv, &path, &sets);

	sim_err_clear(&err);
	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help check'\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = cli_load_scenario("check", path, &sets, &sc);
	if (rc == CLI_EXIT_OK && report_scenario_write(stdout, sc, &err) != SIM_OK) {
		cli_print_err("check", &err);
		rc = CLI_EXIT_FAILURE;
	}
	scenario_free(sc);
	cli_strings_clear(&sets);
	return rc < 0 ? CLI_EXIT_OK : rc;
}
