/* cmd_backtest.c: `callsim backtest` (cmd_backtest.h): options, the log
 * read as `callsim fit` reads it, the scenario built over the log's
 * period, and the back-test written. The work is results/backtest.c, the
 * writers results/report_backtest.c and report_html_backtest.c. */
#include "cli/cmd_backtest.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "cli/cli_log.h"
#include "cli/cmd_report.h"
#include "models/call_log_read.h"
#include "results/backtest.h"
#include "results/report_backtest.h"
#include "sim/mem.h"

const char cmd_backtest_usage[] =
	"usage: callsim backtest SCENARIO CALLS.csv [--map COLUMN=FIELD]...\n"
	"                  [--date-format F] [--replications N] [--seed S]\n"
	"                  [--set KEY=VALUE]... [--threads N] [--skip-bad-rows]\n"
	"                  [--format table|csv|json] [--report FILE.html]\n"
	"                  [--quiet]\n"
	"\n"
	"Runs SCENARIO over the period the call log covers and sets simulated\n"
	"against observed, per line and per hour of the week: offered calls,\n"
	"service level, ASA and abandonment, each simulated figure with the 95%\n"
	"prediction interval of one period (the spread of single replications),\n"
	"flagged where the observed value falls outside it.\n"
	"\n"
	"  --map COLUMN=FIELD  read FIELD from the column named COLUMN, as\n"
	"                      `callsim fit` does (repeatable)\n"
	"  --date-format F     auto (default), iso, dmy or mdy\n"
	"  --skip-bad-rows     leave out the log's rows with problems (and its\n"
	"                      gaps of a day or more) and compare the rest\n"
	"  --replications N    single replications to take the band from\n"
	"                      (default 39, at least 39)\n"
	"  --seed S            the master seed (default the scenario's)\n"
	"  --set KEY=VALUE     override a scenario value (repeatable); run.days,\n"
	"                      run.warmup_hours and run.start_date come from the log\n"
	"  --threads N         worker threads (default: one a core)\n"
	"  --format F          table (default), csv or json\n"
	"  --report FILE       also write an HTML report of observed against\n"
	"                      simulated by hour of the week\n"
	"  --quiet             no note on stderr of the rows --skip-bad-rows\n"
	"                      left out; errors and warnings are still printed\n"
	"\n"
	"exit status: 0 ok, 1 failure, 2 bad usage, scenario or log\n";

struct backtest_opts {
	const char *paths[2];
	struct cli_strings map, overrides;
	int date_format, format;
	const char *replications, *seed, *report;
	unsigned threads;
	bool skip;            /* --skip-bad-rows */
	bool quiet;
	const char **command; /* argv without --threads, for the JSON */
	size_t n_command;
};

static const char *const backtest_formats[] = { "table", "csv", "json",
						NULL };

static const char *const backtest_usage_lines[] = { cmd_backtest_usage, NULL };

static const struct cli_opt backtest_opts_table[] = {
	CLI_OPT_LIST("map", struct backtest_opts, map),
	CLI_OPT_CHOICE("date-format", struct backtest_opts, date_format,
		       log_time_format_names),
	CLI_OPT_TEXT("replications", 0, struct backtest_opts, replications),
	CLI_OPT_TEXT("seed", 0, struct backtest_opts, seed),
	CLI_OPT_SET("set", struct backtest_opts, overrides),
	CLI_OPT_THREADS(struct backtest_opts, threads),
	CLI_OPT_FLAG("skip-bad-rows", 0, struct backtest_opts, skip),
	CLI_OPT_CHOICE("format", struct backtest_opts, format,
		       backtest_formats),
	CLI_OPT_TEXT("report", 0, struct backtest_opts, report),
	CLI_OPT_FLAG("quiet", 'q', struct backtest_opts, quiet),
	CLI_OPT_USAGE(backtest_usage_lines),
	CLI_OPT_END
};

static const struct cli_spec backtest_spec = {
	"backtest", backtest_opts_table, offsetof(struct backtest_opts, paths),
	2, NULL
};

/* The words of the command line for the JSON's "command": all but
 * --threads and its value, which change only how fast it runs, so the
 * output is the same bytes whatever it was. Returns 0, or -1 when out of
 * memory. */
static int backtest_command(int argc, char **argv, struct backtest_opts *o)
{
	o->command = mem_calloc((size_t)argc, sizeof *o->command);
	if (o->command == NULL)
		return -1;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--threads") == 0) {
			i++;
			continue;
		}
		if (strncmp(argv[i], "--threads=", 10) != 0)
			o->command[o->n_command++] = argv[i];
	}
	return 0;
}

/* Parses argv into o. Returns CLI_EXIT_OK, or the exit code. */
static int backtest_parse(int argc, char **argv, struct backtest_opts *o)
{
	unsigned long r;
	int rc = cli_parse(&backtest_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (backtest_command(argc, argv, o) != 0) {
		fputs("callsim backtest: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	if (o->paths[1] == NULL)
		return cli_usage_error("backtest", "give a scenario and a call "
				       "log: callsim backtest SCENARIO CALLS.csv");
	if (o->replications
	    && (cli_parse_unsigned(o->replications, BACKTEST_REPLICATIONS_MAX,
				   &r) != 0 || r < BACKTEST_REPLICATIONS_MIN))
		return cli_usage_error("backtest", "--replications '%s': must be "
				       "a whole number from %d to %d (a 95%% "
				       "band needs 39)", o->replications,
				       BACKTEST_REPLICATIONS_MIN,
				       BACKTEST_REPLICATIONS_MAX);
	return cli_output_apart("backtest", "--report", o->report,
				(const char *const[]){ "the scenario file",
						       o->paths[0], "the call log",
						       o->paths[1], NULL });
}

/* Reads the log: CLI_EXIT_OK when it has no problem (or --skip-bad-rows
 * leaves the rows with problems out), else the exit code with its
 * problems printed. */
static int backtest_read(const struct backtest_opts *o, struct call_log *log)
{
	struct cli_log_read r = { "backtest", "compared", o->paths[1], o->skip,
				  o->quiet, 0, 0, 0 };
	struct sim_err err;
	struct yaml_doc yd = { 0 };
	struct call_log_options opt = {
		(const char *const *)o->map.items, o->map.n,
		(enum log_time_format)o->date_format
	};
	enum sim_status st;
	int rc;

	sim_err_clear(&err);
	yd.file = o->paths[1];
	yd.err = &err;
	st = call_log_read(o->paths[1], &opt, log, &yd);
	r.n_bad = log->n_bad;
	r.n_gaps = log->n_gaps;
	r.n_left = log->n;
	rc = cli_log_verdict(&r, st, &yd);
	if (rc == CLI_EXIT_OK && log->n == 0)
		return cli_usage_error("backtest", "%s: no counted call to "
				       "compare", o->paths[1]);
	return rc;
}

/* The overrides of the run: the user's --set, then the period's and the
 * options' run settings, which win. Returns 0 or -1 (printed). */
static int backtest_overrides(const struct backtest_opts *o,
			      const struct backtest_period *p,
			      struct cli_strings *out)
{
	char v[64];
	int bad = cli_strings_append(out, &o->overrides);

	snprintf(v, sizeof v, "%04d-%02d-%02d", p->start.year % 10000,
		 p->start.month % 100, p->start.mday % 100);
	bad |= cli_strings_add(out, "run.start_date", v);
	snprintf(v, sizeof v, "%.17g", p->warmup_hours);
	bad |= cli_strings_add(out, "run.warmup_hours", v);
	snprintf(v, sizeof v, "%.17g", p->days);
	bad |= cli_strings_add(out, "run.days", v);
	bad |= cli_strings_add(out, "run.replications", o->replications
			       ? o->replications : "39");
	if (o->seed)
		bad |= cli_strings_add(out, "run.seed", o->seed);
	return bad ? -1 : 0;
}

/* Builds the scenario over the log's period into *sc, and *p. */
static int backtest_scenario(const struct backtest_opts *o,
			     const struct call_log *log,
			     struct backtest_period *p, struct scenario **sc)
{
	struct cli_strings set = { 0 };
	int rc = cli_load_scenario("backtest", o->paths[0], &o->overrides, sc);

	if (rc != CLI_EXIT_OK)
		return rc;
	backtest_period_of(log, (*sc)->run.warmup_s, p);
	scenario_free(*sc);
	*sc = NULL;
	if (backtest_overrides(o, p, &set) != 0)
		rc = CLI_EXIT_FAILURE;
	else
		rc = cli_load_scenario("backtest", o->paths[0], &set, sc);
	cli_strings_clear(&set);
	return rc;
}

/* What --report hands cmd_report_of: the back-test and its source. */
struct backtest_page {
	struct backtest *b;
	const struct report_backtest_source *src;
};

/* The JSON of the back-test, for --report. */
static enum sim_status backtest_page_json(FILE *f, const void *arg,
					  struct sim_err *err)
{
	const struct backtest_page *pg = arg;

	(void)err;
	return report_backtest_json(f, pg->b, pg->src) == 0 ? SIM_OK : SIM_EIO;
}

/* Writes b as --format says to stdout, and the --report page. */
static int backtest_write(const struct backtest_opts *o, struct backtest *b,
			  const struct scenario *sc)
{
	struct report_backtest_source src = {
		sc->name, o->paths[0], o->paths[1],
		(unsigned long long)sc->content_fnv1a,
		o->command, o->n_command
	};
	struct backtest_page pg = { b, &src };
	int bad;

	if (o->format == 1)
		bad = report_backtest_csv(stdout, b);
	else if (o->format == 2)
		bad = report_backtest_json(stdout, b, &src);
	else
		bad = report_backtest_table(stdout, b, &src);
	bad |= fflush(stdout) != 0;
	if (bad) {
		fputs("callsim backtest: writing the output failed\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	if (o->report)
		return cmd_report_of("backtest", backtest_page_json, &pg,
				     o->report);
	return CLI_EXIT_OK;
}

/* Runs the back-test of the log read. */
static int backtest_go(const struct backtest_opts *o,
		       const struct call_log *log)
{
	struct backtest_period p;
	struct scenario *sc = NULL;
	struct backtest b = { 0 };
	struct sim_err err;
	int map[CALL_LOG_NAMES_MAX];
	int rc = backtest_scenario(o, log, &p, &sc);

	sim_err_clear(&err);
	if (rc == CLI_EXIT_OK)
		rc = cli_outputs_unread("backtest", (const char *const[]){
			"--report", o->report, NULL }, sc, "the scenario");
	if (rc == CLI_EXIT_OK && backtest_lines(log, sc, map, &err) != SIM_OK) {
		cli_print_err("backtest", &err);
		rc = CLI_EXIT_USAGE;
	}
	if (rc == CLI_EXIT_OK
	    && backtest_run(sc, log, map, &p, o->threads, &b, &err) != SIM_OK) {
		cli_print_err("backtest", &err);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK && b.same_as)
		fprintf(stderr, "callsim backtest: warning: replication %u is "
			"the log itself (a log that `callsim run --calls-log` wrote "
			"with seed %llu), so the log is inside its bands more often "
			"than 95%%; give another --seed\n", b.same_as, b.seed);
	if (rc == CLI_EXIT_OK)
		rc = backtest_write(o, &b, sc);
	backtest_clear(&b);
	scenario_free(sc);
	return rc;
}

int cmd_backtest(int argc, char **argv)
{
	struct backtest_opts o = { 0 };
	struct call_log log = { 0 };
	int rc = backtest_parse(argc, argv, &o);

	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help backtest'\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = backtest_read(&o, &log);
	if (rc == CLI_EXIT_OK)
		rc = backtest_go(&o, &log);
	call_log_clear(&log);
	cli_strings_clear(&o.map);
	cli_strings_clear(&o.overrides);
	free(o.command);
	return rc == CLI_STOP ? CLI_EXIT_OK : rc;
}
