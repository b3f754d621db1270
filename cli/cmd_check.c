/* cmd_check.c: `callsim check` (see cmd_check.h and docs/cli.md). The
 * scenario goes through the same loader as `callsim run`, so a file that
 * passes check starts a run. */
#include "cli/cmd_check.h"

#include <stddef.h>
#include <stdio.h>

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

struct check_opts {
	const char *path;
	struct cli_strings sets;           /* --set, in order */
};

static const char *const check_usage_lines[] = { cmd_check_usage, NULL };

static const struct cli_opt check_opts_table[] = {
	CLI_OPT_SET("set", struct check_opts, sets),
	CLI_OPT_USAGE(check_usage_lines),
	CLI_OPT_END
};

static const struct cli_spec check_spec = {
	"check", check_opts_table, offsetof(struct check_opts, path), 1, NULL
};

/* Parses argv into o. Returns CLI_EXIT_OK, or the exit code to stop with
 * (CLI_STOP after printing help). */
static int check_parse(int argc, char **argv, struct check_opts *o)
{
	int rc = cli_parse(&check_spec, argc, argv, o);

	if (rc == CLI_EXIT_OK && o->path == NULL)
		return cli_usage_error("check", "which scenario? give its file");
	return rc;
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct scenario *sc = NULL;
	struct sim_err err;
	int rc = check_parse(argc, argv, &o);

	sim_err_clear(&err);
	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help check'\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = cli_load_scenario("check", o.path, &o.sets, &sc);
	if (rc == CLI_EXIT_OK && report_scenario_write(stdout, sc, &err) != SIM_OK) {
		cli_print_err("check", &err);
		rc = CLI_EXIT_FAILURE;
	}
	scenario_free(sc);
	cli_strings_clear(&o.sets);
	return rc == CLI_STOP ? CLI_EXIT_OK : rc;
}
