/* main.c: the `callsim` command — one table maps each subcommand to the
 * function in its own file (cmd_<name>.c), as git does.
 *
 * To add a subcommand: write cli/cmd_<name>.c with cmd_<name>() and
 * cmd_<name>_usage, add it to cli/meson.build and to the table below, test
 * it in tests/cli/, and document it in docs/cli.md. */
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>      /* mallopt: see main_tune_malloc */
#endif

#include <gsl/gsl_errno.h>

#include "callsim_config.h"
#include "cli/cli_common.h"
#include "cli/cli_keys.h"
#include "cli/cmd_backtest.h"
#include "cli/cmd_check.h"
#include "cli/cmd_compare.h"
#include "cli/cmd_erlang.h"
#include "cli/cmd_fit.h"
#include "cli/cmd_merge.h"
#include "cli/cmd_optimise.h"
#include "cli/cmd_roster.h"
#include "cli/cmd_report.h"
#include "cli/cmd_run.h"
#include "cli/cmd_sweep.h"

static const char main_usage[] =
	"usage: callsim <command> [options]\n"
	"       callsim --help | --version\n"
	"\n"
	"commands:\n"
	"  run      simulate a scenario; report service levels with confidence intervals\n"
	"  check    validate a scenario and print it normalised\n"
	"  compare  run two scenarios or variants alike; report the differences\n"
	"  sweep    run every point of a grid of scenario values; CSV or JSON Lines\n"
	"  merge    join a sweep's shards, or a long run's parts, run apart, into one\n"
	"  optimise least handlers per hour of the week that meet every agreement\n"
	"  roster   least-cost shifts whose cover meets every answering agreement\n"
	"  erlang   analytic Erlang C / Erlang A staffing calculator\n"
	"  fit      fit a scenario to a call log: demand, durations, patience\n"
	"  backtest run a scenario over a call log's period; observed against simulated\n"
	"  report   turn a saved run result (JSON) into an HTML page with charts\n"
	"  help     show how to use a command: callsim help run; the keys --set\n"
	"           takes: callsim help keys\n"
	"\n"
	"exit status: 0 ok, 1 the run failed, 2 bad usage or invalid scenario,\n"
	"3 an SLA was missed and --require-slas was given\n";

static int cmd_help(int argc, char **argv);

/* Writes text on stdout; the exit code, 1 when stdout could not take it
 * (a full disk, a closed pipe). */
static int main_print(const char *text)
{
	if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		fputs("callsim: writing the output failed\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

struct main_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
};

static const struct main_cmd main_cmds[] = {
	{ "run", cmd_run, cmd_run_usage },
	{ "check", cmd_check, cmd_check_usage },
	{ "compare", cmd_compare, cmd_compare_usage },
	{ "sweep", cmd_sweep, cmd_sweep_usage },
	{ "merge", cmd_merge, cmd_merge_usage },
	{ "erlang", cmd_erlang, cmd_erlang_usage },
	{ "fit", cmd_fit, cmd_fit_usage },
	{ "backtest", cmd_backtest, cmd_backtest_usage },
	{ "optimise", cmd_optimise, cmd_optimise_usage },
	{ "roster", cmd_roster, cmd_roster_usage },
	{ "report", cmd_report, cmd_report_usage },
	{ "help", cmd_help,
	  "usage: callsim help [COMMAND | keys]\n"
	  "\n"
	  "Prints the usage of COMMAND, or the list of commands; `callsim help\n"
	  "keys` lists every key path --set takes (NAME: an item of a list by\n"
	  "its name or index, N: by its index), with a line about each.\n" },
};

static const struct main_cmd *main_find(const char *name)
{
	for (size_t i = 0; i < sizeof main_cmds / sizeof main_cmds[0]; i++)
		if (strcmp(main_cmds[i].name, name) == 0)
			return &main_cmds[i];
	return NULL;
}

/* `callsim help NAME` of no command: exit 2, naming the commands of the
 * table, so a new one is named with no change here. */
static int main_help_unknown(const char *name)
{
	char list[512] = "";
	size_t n = sizeof main_cmds / sizeof main_cmds[0], len = 0;

	for (size_t i = 0; i < n && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
					i == 0 ? "" : i + 1 < n ? ", " : " and ",
					main_cmds[i].name);
	return cli_usage_error("help", "no such command '%s'; the commands are "
			       "%s, and `callsim help keys` lists the scenario "
			       "keys", name, list);
}

/* `callsim help [COMMAND | keys]`: the usage on stdout. */
static int cmd_help(int argc, char **argv)
{
	const struct main_cmd *c;

	if (argc < 2) {
		return main_print(main_usage);
	}
	if (argc > 2)
		return cli_usage_error("help", "one command at a time");
	if (strcmp(argv[1], "keys") == 0) {
		cli_keys_print(stdout);
		return main_print("");
	}
	c = main_find(argv[1]);
	if (c == NULL)
		return main_help_unknown(argv[1]);
	return main_print(c->usage);
}

/* Replications are folded in as they finish, so each one's model memory is
 * freed before the next is allocated. glibc would hand that memory back to
 * the kernel at every free (it lies at the top of the heap, above its trim
 * threshold) and fault it in, zeroed, again: with replications of a day
 * that doubled a run's time. Keeping up to 64 MB of freed memory, and
 * serving large blocks from the heap rather than fresh mappings, makes
 * each replication reuse the last one's pages; peak memory is unchanged.
 * Before any thread starts, as mallopt requires. */
static void main_tune_malloc(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

int main(int argc, char **argv)
{
	const struct main_cmd *c;

	/* GSL's default handler aborts the process: errors are checked where
	 * GSL returns them instead. Before any thread starts. */
	gsl_set_error_handler_off();
	main_tune_malloc();
	if (argc < 2) {
		fputs(main_usage, stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		return main_print(main_usage);
	}
	if (strcmp(argv[1], "--version") == 0) {
		return main_print("callsim " CALLSIM_VERSION "\n");
	}
	c = main_find(argv[1]);
	if (c == NULL) {
		fprintf(stderr, "callsim: unknown command '%s'\n", argv[1]);
		fputs(main_usage, stderr);
		return CLI_EXIT_USAGE;
	}
	return c->fn(argc - 1, argv + 1);
}
