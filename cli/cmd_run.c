/* cmd_run.c: `callsim run` (see cmd_run.h and docs/cli.md).
 *
 * The run settings given as options (--replications, --seed, --days,
 * --warmup-hours) are turned into overrides appended after the --set ones,
 * so the loader checks them exactly as it checks the file and the last word
 * wins. Replications run on threads and are folded into exact per-figure
 * sums as they finish (results/summary.h), so memory does not grow with
 * their number and stdout is the same bytes whatever the thread count.
 * Timings go to stderr only. */
#include "cli/cmd_run.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_common.h"
#include "cli/cmd_report.h"
#include "cli/cmd_run_log.h"
#include "models/contact_centre.h"
#include "results/experiment.h"
#include "results/partial.h"
#include "results/progress.h"
#include "results/report_json.h"
#include "results/report_run.h"
#include "results/summary.h"
#include "sim/mem.h"
#include "sim/replicate.h"

const char cmd_run_usage[] =
	"usage: callsim run [SCENARIO] [--replications N] [--seed S] [--days D]\n"
	"                   [--warmup-hours H] [--threads T] [--set KEY=VALUE]...\n"
	"                   [--format table|csv|json] [--wide] [--intervals]\n"
	"                   [--by-day] [--by-hour] [--require-slas]\n"
	"                   [--report FILE.html]\n"
	"                   [--replications-range A:B --partial OUT.json]\n"
	"                   [--calls-log FILE.csv] [--incidents-log FILE.csv]\n"
	"                   [--log-replication K]\n"
	"                   [--verbose | --quiet]\n"
	"\n"
	"Simulates SCENARIO (default: the bundled West Midlands baseline) and\n"
	"reports every figure as its mean over replications with a 95% confidence\n"
	"interval.\n"
	"\n"
	"  --replications N   independent replications, >= 2 (run.replications)\n"
	"  --seed S           master random seed (run.seed)\n"
	"  --days D           counted days after the warm-up (run.days)\n"
	"  --warmup-hours H   hours simulated before counting (run.warmup_hours)\n"
	"  --threads T        threads to run replications on; 0 = every core\n"
	"                     (default); the output does not depend on it\n"
	"  --set KEY=VALUE    override a scenario value, e.g. lines.999.answer.goal=0.95\n"
	"                     (repeatable, applied in order)\n"
	"  --format F         table (default), csv or json\n"
	"  --wide             with --format csv: a row per hour of the week, a\n"
	"                     column per figure, for spreadsheets\n"
	"  --intervals        add the hour-of-week figures\n"
	"  --by-day           add the table of figures by day of the horizon\n"
	"                     (CSV and JSON always carry them)\n"
	"  --by-hour          add the tables of the incident response by hour of\n"
	"                     the week (CSV and JSON always carry them)\n"
	"  --report FILE      also write the run's HTML report with charts to\n"
	"                     FILE, as `callsim report` makes it from the JSON;\n"
	"                     implies --intervals\n"
	"  --calls-log FILE   also write one replication's calls to FILE, a row\n"
	"                     a call (columns in docs/output.md); stdout is\n"
	"                     the same with or without it\n"
	"  --incidents-log FILE  and its incidents, a row an incident\n"
	"  --log-replication K  which replication's calls and incidents the\n"
	"                     logs hold: K from 1 (the default) to\n"
	"                     --replications, the same rows whatever --threads\n"
	"                     is; in a part (--replications-range A:B), A+1 to\n"
	"                     B (default A+1); needs --calls-log or\n"
	"                     --incidents-log\n"
	"  --require-slas     exit 3 when a line's service level or a grade's\n"
	"                     attendance within target misses its goal\n"
	"  --replications-range A:B\n"
	"                     run only replications A..B-1 of the run's N (the\n"
	"                     same random numbers as in the whole run)...\n"
	"  --partial OUT      ...and save them to OUT for `callsim merge`, which\n"
	"                     joins the parts into the run's output; nothing on\n"
	"                     stdout (docs/experiments.md, Splitting a long run)\n"
	"  --verbose          print wall time and events a second on stderr\n"
	"  --quiet            no progress bar and no timings, not even on a\n"
	"                     terminal (errors and warnings are still printed)\n"
	"\n"
	"exit status: 0 ok, 1 the run failed, 2 bad usage or invalid scenario,\n"
	"3 an SLA was missed and --require-slas was given\n";


struct run_opts {
	const char *path;                  /* NULL: the bundled scenario */
	struct cli_strings overrides;      /* --set ones, then the run settings */
	const char *run_values[CLI_RUN_SETTINGS];  /* NULL when not given */
	const char *report;                /* --report FILE, or NULL */
	const char *range, *partial;       /* --replications-range, --partial */
	uint32_t first, end;               /* the range, parsed */
	struct cmd_run_log log;            /* --calls-log and the rest */
	const char **command;              /* owned: the words the JSON records */
	size_t n_command;
	unsigned threads;
	int format;                        /* enum report_run_format */
	bool intervals, by_day, by_hour, wide, require_slas, verbose, quiet,
	     help;
};

static const char *const run_formats[] = { "table", "csv", "json", NULL };

static const struct cli_opt run_opts_table[] = {
	CLI_RUN_OPTIONS(struct run_opts),
	CLI_OPT_THREADS(struct run_opts, threads),
	CLI_OPT_SET("set", struct run_opts, overrides),
	CLI_OPT_CHOICE("format", struct run_opts, format, run_formats),
	CLI_OPT_FLAG("wide", 0, struct run_opts, wide),
	CLI_OPT_FLAG("intervals", 0, struct run_opts, intervals),
	CLI_OPT_FLAG("by-day", 0, struct run_opts, by_day),
	CLI_OPT_FLAG("by-hour", 0, struct run_opts, by_hour),
	CLI_OPT_TEXT("report", 0, struct run_opts, report),
	CLI_OPT_TEXT("replications-range", 0, struct run_opts, range),
	CLI_OPT_TEXT("partial", 0, struct run_opts, partial),
	CLI_OPT_TEXT("calls-log", 0, struct run_opts, log.calls_path),
	CLI_OPT_TEXT("incidents-log", 0, struct run_opts, log.incidents_path),
	CLI_OPT_TEXT("log-replication", 0, struct run_opts, log.replication),
	CLI_OPT_FLAG("require-slas", 0, struct run_opts, require_slas),
	CLI_OPT_FLAG("verbose", 'v', struct run_opts, verbose),
	CLI_OPT_FLAG("quiet", 'q', struct run_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct run_opts, help),
	CLI_OPT_END
};

static const struct cli_spec run_spec = {
	"run", run_opts_table, offsetof(struct run_opts, path), 1, NULL
};

/* Whether argv[i] is an option with a value that leaves the figures as
 * they are, as "--name=VALUE" (*next 0) or "--name VALUE" (*next 1). */
static bool run_dropped_value(const char *arg, int *next)
{
	static const char *const valued[] = {
		"--threads", "--calls-log", "--incidents-log",
		"--log-replication", "--replications-range", "--partial", NULL
	};

	for (size_t k = 0; valued[k] != NULL; k++) {
		size_t n = strlen(valued[k]);
		if (strncmp(arg, valued[k], n) == 0 &&
		    (arg[n] == '\0' || arg[n] == '=')) {
			*next = arg[n] == '\0';
			return true;
		}
	}
	return false;
}

/* The words of the command line that decide the figures, for the JSON's
 * "command": all but --threads, --verbose, --quiet and the logs', which
 * change only how fast and how chatty the run is and what else it writes,
 * so stdout stays the same bytes whatever they were, and
 * --replications-range and --partial, so a part names the run it is of.
 * Returns 0, or -1 when out of memory. */
static int run_command(int argc, char **argv, struct run_opts *o)
{
	static const char *const dropped[] = {
		"--verbose", "-v", "--quiet", "-q", NULL
	};
	int next;

	o->command = mem_malloc((size_t)argc * sizeof *o->command);
	if (o->command == NULL)
		return -1;
	for (int i = 0; i < argc; i++) {
		bool drop = false;

		for (size_t k = 0; dropped[k] != NULL; k++)
			drop = drop || strcmp(argv[i], dropped[k]) == 0;
		if (run_dropped_value(argv[i], &next)) {
			i += next;   /* and its value */
			continue;
		}
		if (!drop)
			o->command[o->n_command++] = argv[i];
	}
	return 0;
}

/* --replications-range A:B into o->first, o->end, given with --partial
 * and without the options of the output, which `callsim merge` takes.
 * Returns CLI_EXIT_OK or the exit code to stop with. */
static int run_parse_range(struct run_opts *o)
{
	const char *colon = o->range ? strchr(o->range, ':') : NULL;
	char a[16] = "";
	unsigned long first, end;

	if ((o->range != NULL) != (o->partial != NULL))
		return cli_usage_error("run", "give --replications-range and "
				       "--partial together");
	if (o->range == NULL)
		return CLI_EXIT_OK;
	if (colon != NULL && (size_t)(colon - o->range) < sizeof a)
		memcpy(a, o->range, (size_t)(colon - o->range));
	if (colon == NULL || cli_parse_unsigned(a, UINT32_MAX, &first) != 0
	    || cli_parse_unsigned(colon + 1, UINT32_MAX, &end) != 0
	    || first >= end)
		return cli_usage_error("run", "--replications-range '%s': must "
				       "be A:B, whole numbers with A < B (the "
				       "replications A..B-1)", o->range);
	if (o->format != REPORT_RUN_TABLE || o->wide || o->intervals || o->by_day
	    || o->by_hour || o->report != NULL || o->require_slas)
		return cli_usage_error("run", "--partial writes no output: give "
				       "the output's options to `callsim "
				       "merge`");
	o->first = (uint32_t)first;
	o->end = (uint32_t)end;
	return CLI_EXIT_OK;
}

/* Every file the run writes apart from the scenario it reads: a part, a
 * log or a report written over it would lose the force's scenario (and a
 * part's merge reads it again); and apart from each other. */
static int run_outputs_apart(const struct run_opts *o)
{
	const char *const in[] = {
		"the scenario file", o->path ? o->path : cli_bundled_scenario(),
		NULL
	};
	int rc = cli_output_apart("run", "--partial", o->partial, in);

	if (rc == CLI_EXIT_OK)
		rc = cli_output_apart("run", "--calls-log", o->log.calls_path,
				      in);
	if (rc == CLI_EXIT_OK)
		rc = cli_output_apart("run", "--incidents-log",
				      o->log.incidents_path, in);
	if (rc == CLI_EXIT_OK)
		rc = cli_output_apart("run", "--report", o->report, in);
	return rc == CLI_EXIT_OK ? cli_outputs_distinct("run",
		(const char *const[]){ "--partial", o->partial, "--calls-log",
				       o->log.calls_path, "--incidents-log",
				       o->log.incidents_path, "--report",
				       o->report, NULL }) : rc;
}

/* Every file the run writes apart from the CSV files the loaded scenario
 * reads (a profile, the events): known once sc is loaded, and checked
 * before a log is opened. */
static int run_outputs_unread(const struct run_opts *o,
			      const struct scenario *sc)
{
	return cli_outputs_unread("run", (const char *const[]){
		"--partial", o->partial, "--calls-log", o->log.calls_path,
		"--incidents-log", o->log.incidents_path, "--report", o->report,
		NULL }, sc, "the scenario");
}

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int run_parse(int argc, char **argv, struct run_opts *o)
{
	int rc = cli_parse(&run_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->quiet && o->verbose)
		return cli_usage_error("run", "give --verbose or --quiet, not both");
	if (o->wide && o->format != REPORT_RUN_CSV)
		return cli_usage_error("run", "--wide is a form of CSV; give it "
				       "with --format csv");
	/* The logs' own check first: it names the two logs given alike. */
	if ((rc = run_parse_range(o)) != CLI_EXIT_OK ||
	    (rc = cmd_run_log_check(&o->log)) != CLI_EXIT_OK ||
	    (rc = run_outputs_apart(o)) != CLI_EXIT_OK)
		return rc;
	if (run_command(argc, argv, o) != 0) {
		fputs("callsim run: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	o->intervals = o->intervals || o->report != NULL;   /* the heat maps */
	return cli_run_settings_append(o->run_values, &o->overrides) == 0
		? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

/* Wall time and speed on stderr: never on stdout, which must not depend on
 * the machine. */
static void run_report_speed(const struct summary *s, unsigned threads,
			     double wall_s)
{
	fprintf(stderr, "callsim run: %u replications, %" PRIu64 " events in "
		"%.2f s on %u threads (%.3g million events a second)\n",
		s->replications, s->events, wall_s, threads,
		wall_s > 0 ? 1e-6 * (double)s->events / wall_s : 0.0);
}

static enum sim_status run_write(const struct summary *s,
				 const struct run_opts *o, struct sim_err *err)
{
	const struct report_run_form form = {
		.format = o->format, .wide = o->wide,
		.intervals = o->intervals, .by_day = o->by_day,
		.by_hour = o->by_hour, .command = o->command,
		.n_command = o->n_command,
	};

	return report_run_write(stdout, s, &form, err);
}

/* --report: the run's JSON, read back as `callsim report` reads a saved
 * one, so both make the same page. Returns the exit code. */
static int run_report(const struct summary *s, const struct run_opts *o)
{
	char *json = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);
	struct result *r = NULL;
	struct sim_err err;
	enum sim_status st;
	int rc = CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (mem == NULL) {
		fputs("callsim run: out of memory\n", stderr);
		return rc;
	}
	st = report_json_write_run(mem, s, true, o->command, o->n_command,
				   &err);
	if (fclose(mem) != 0 || st != SIM_OK)
		sim_err_add(&err, SIM_ENOMEM, "out of memory");
	else if (result_read_text("the run's result", json, len, &r, &err)
		 == SIM_OK)
		rc = cmd_report_write("run", r, o->report);
	if (sim_err_failed(&err))
		cli_print_err("run", &err);
	result_free(r);
	free(json);
	return rc;
}

/* Simulates, summarises and writes; returns the exit code. */
static int run_scenario(const struct scenario *sc, const struct run_opts *o)
{
	size_t n = sc->run.replications;
	unsigned threads = o->threads ? o->threads : replicate_default_threads();
	struct summary *s = NULL;
	struct sim_err err;
	double t0 = cli_clock_s();
	int rc = CLI_EXIT_FAILURE;

	struct progress progress;
	struct experiment_spec spec = {
		.threads = threads, .on_replication = progress_on_replication,
		.arg = &progress, .log = cmd_run_log_hook(&o->log),
		.log_replication = o->log.index,
	};

	sim_err_clear(&err);
	/* A bar on a terminal only: a log gets the speed line of --verbose. */
	progress_init(&progress, cli_progress_stream(o->quiet), true, "run",
		      NULL, 1, 0, (unsigned)n);
	s = experiment_summarise(sc, &spec, &err);
	progress_end(&progress);
	if (s == NULL) {
		cli_print_err("run", &err);
		goto out;
	}
	if (!o->quiet && (o->verbose || isatty(STDERR_FILENO)))
		run_report_speed(s, threads < n ? threads : (unsigned)n,
				 cli_clock_s() - t0);
	if (run_write(s, o, &err) != SIM_OK) {
		cli_print_err("run", &err);
		goto out;
	}
	if (o->report != NULL && run_report(s, o) != CLI_EXIT_OK)
		goto out;
	if (o->require_slas)
		cli_note_unmeasured("run", "", s);
	rc = o->require_slas && summary_any_missed(s) ? CLI_EXIT_SLA : CLI_EXIT_OK;
out:
	summary_free(s);
	return rc;
}

/* --partial: replications first..end-1 run and saved for `callsim merge`
 * (results/partial.h). Returns the exit code. */
static int run_partial(const struct scenario *sc, const struct run_opts *o)
{
	struct partial_run run = {
		.scenario_path = o->path ? o->path : cli_bundled_scenario(),
		.overrides = (const char *const *)o->overrides.items,
		.n_overrides = o->overrides.n,
		.command = o->command, .n_command = o->n_command,
		.first = o->first, .end = o->end,
	};
	struct progress progress;
	struct experiment_spec spec = {
		.threads = o->threads, .on_replication = progress_on_replication,
		.arg = &progress, .log = cmd_run_log_hook(&o->log),
		.log_replication = o->log.index,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	progress_init(&progress, cli_progress_stream(o->quiet), true, "run",
		      NULL, 1, 0, o->end - o->first);
	st = partial_run(sc, &spec, &run, o->partial, &err);
	progress_end(&progress);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("run", &err);
	return st == SIM_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
}

int cmd_run(int argc, char **argv)
{
	struct run_opts o = { .format = REPORT_RUN_TABLE };
	struct scenario *sc = NULL;
	int rc = run_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_run_usage, stdout);
	} else if (rc == CLI_EXIT_OK) {
		rc = cli_load_scenario("run", o.path ? o.path : cli_bundled_scenario(),
				       &o.overrides, &sc);
		if (rc == CLI_EXIT_OK)
			rc = run_outputs_unread(&o, sc);
		o.log.first = o.first;
		o.log.end = o.end;
		if (rc == CLI_EXIT_OK && cmd_run_log_wanted(&o.log))
			rc = cmd_run_log_open(&o.log, sc);
		if (rc == CLI_EXIT_OK)
			rc = o.partial ? run_partial(sc, &o)
				: run_scenario(sc, &o);
		if (cmd_run_log_close(&o.log, rc == CLI_EXIT_OK ||
				      rc == CLI_EXIT_SLA) != CLI_EXIT_OK)
			rc = CLI_EXIT_FAILURE;
	} else if (rc == CLI_EXIT_USAGE) {
		fputs("try 'callsim help run'\n", stderr);
	}
	scenario_free(sc);
	cli_strings_clear(&o.overrides);
	free(o.command);
	return rc;
}
