/* cmd_fit.c: `callsim fit` (cmd_fit.h): options, the log's problems on
 * stderr, and the fitted scenario on stdout or in --out. Reading the log
 * is models/call_log_read.c, fitting models/fit_calls.c, writing
 * results/fit_scenario.c. */
#include "cli/cmd_fit.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "cli/cli_log.h"
#include "cli/cmd_report.h"
#include "models/call_log_read.h"
#include "models/fit_calls.h"
#include "models/fit_incidents.h"
#include "models/incident_log_read.h"
#include "results/fit_scenario.h"
#include "results/report_fit.h"
#include "sim/mem.h"

const char cmd_fit_usage[] =
	"usage: callsim fit CALLS.csv [--incidents CAD.csv] [--map COLUMN=FIELD]...\n"
	"                  [--incident-map COLUMN=FIELD]... [--date-format F]\n"
	"                  [--answer-within S] [--profile auto|hour|quarter]\n"
	"                  [--skip-bad-rows] [--out FILE] [--report FILE.html]\n"
	"                  [--quiet]\n"
	"\n"
	"Fits a scenario to a call log (one CSV row a call, as `callsim run\n"
	"--calls-log` writes or a telephony system exports): each line's volume,\n"
	"hour-of-week profile, month factors, handle and wrap-up distributions\n"
	"and callers' patience, and each pool's staffing by hour of the day;\n"
	"with an incident log, each line's grade mix and the grades' delay,\n"
	"travel and time on scene, the areas' shares, the roles and units;\n"
	"every fitted value with a comment saying what it was fitted from.\n"
	"\n"
	"  --incidents FILE    an incident log (one CSV row an incident, as `callsim\n"
	"                      run --incidents-log` writes)\n"
	"  --map COLUMN=FIELD  read FIELD (call_id, line, arrived, answered,\n"
	"                      abandoned, wait_s, talk_s, wrap_s, pool, handler,\n"
	"                      outcome, counted, caller_id, redial) from the\n"
	"                      column named COLUMN\n"
	"                      (repeatable; by default a column named as the field)\n"
	"  --incident-map COLUMN=FIELD  the same for the incident log's fields\n"
	"                      (incident_id, call_id, grade, area, created,\n"
	"                      dispatched, arrived, cleared, unit, preempted, counted)\n"
	"  --date-format F     auto (default: DD/MM/YYYY when the first time has\n"
	"                      a '/', else ISO 8601), iso, dmy or mdy\n"
	"  --answer-within S   every line's answering target, seconds (default 10)\n"
	"  --profile P         each line's profile: auto (default: 672 quarter-hours\n"
	"                      where the data support them, else 168 hours), hour\n"
	"                      or quarter (a warning says what the data lack)\n"
	"  --skip-bad-rows     leave out the rows with problems and fit the rest\n"
	"                      (without it, a log with problems fits nothing)\n"
	"  --out FILE          write the scenario to FILE (default stdout)\n"
	"  --report FILE       also write an HTML page of each line's handle,\n"
	"                      wrap-up and patience against what was fitted\n"
	"  --quiet             no note on stderr of the rows --skip-bad-rows\n"
	"                      left out; errors and warnings are still printed\n"
	"\n"
	"exit status: 0 ok, 1 failure, 2 bad usage or a log with problems\n";

struct fit_opts {
	const char *path;
	const char *incidents;
	struct cli_strings map, incident_map;
	int date_format;
	const char *answer_within;
	int profile;          /* enum fit_quarter_mode */
	const char *out;
	const char *report;
	bool skip;
	bool quiet;
	char **argv;          /* as given, for the report's "command" */
	int argc;
};

static const char *const fit_usage_lines[] = { cmd_fit_usage, NULL };

static const struct cli_opt fit_opts_table[] = {
	CLI_OPT_TEXT("incidents", 0, struct fit_opts, incidents),
	CLI_OPT_LIST("map", struct fit_opts, map),
	CLI_OPT_LIST("incident-map", struct fit_opts, incident_map),
	CLI_OPT_CHOICE("date-format", struct fit_opts, date_format,
		       log_time_format_names),
	CLI_OPT_TEXT("answer-within", 0, struct fit_opts, answer_within),
	CLI_OPT_CHOICE("profile", struct fit_opts, profile,
		       fit_quarter_mode_names),
	CLI_OPT_FLAG("skip-bad-rows", 0, struct fit_opts, skip),
	CLI_OPT_TEXT("out", 'o', struct fit_opts, out),
	CLI_OPT_TEXT("report", 0, struct fit_opts, report),
	CLI_OPT_FLAG("quiet", 'q', struct fit_opts, quiet),
	CLI_OPT_USAGE(fit_usage_lines),
	CLI_OPT_END
};

static const struct cli_spec fit_spec = {
	"fit", fit_opts_table, offsetof(struct fit_opts, path), 1, NULL
};

/* --out and --report apart from the logs the fit reads and each other. */
static int fit_outputs_apart(const struct fit_opts *o)
{
	const char *const in[] = {
		"the call log", o->path, "the incident log", o->incidents, NULL
	};
	int rc = cli_output_apart("fit", "--out", o->out, in);

	if (rc == CLI_EXIT_OK)
		rc = cli_output_apart("fit", "--report", o->report, in);
	return rc == CLI_EXIT_OK
		? cli_outputs_distinct("fit", (const char *const[]){
			"--out", o->out, "--report", o->report, NULL }) : rc;
}

/* Parses argv into o and the answering target into *within. Returns
 * CLI_EXIT_OK, or the exit code to stop with. */
static int fit_parse(int argc, char **argv, struct fit_opts *o,
		     double *within)
{
	int rc = cli_parse(&fit_spec, argc, argv, o);
	char *end;

	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->path == NULL)
		return cli_usage_error("fit", "which call log? give its file");
	*within = 10;
	if (o->answer_within) {
		*within = strtod(o->answer_within, &end);
		if (end == o->answer_within || *end || !(*within >= 0)
		    || *within > 1e9)
			return cli_usage_error("fit", "--answer-within '%s': must "
					       "be seconds from 0 to 1e9",
					       o->answer_within);
	}
	return fit_outputs_apart(o);
}

/* Reads the log, printing its problems: CLI_EXIT_OK when it may be
 * fitted (no problem, or --skip-bad-rows), else the exit code. */
static int fit_read(const struct fit_opts *o, struct call_log *log)
{
	struct cli_log_read r = { "fit", "fitted", o->path, o->skip,
				  o->quiet, 0, 0, 0 };
	struct sim_err err;
	struct yaml_doc yd = { 0 };
	struct call_log_options opt = {
		(const char *const *)o->map.items, o->map.n,
		(enum log_time_format)o->date_format
	};
	enum sim_status st;

	sim_err_clear(&err);
	yd.file = o->path;
	yd.err = &err;
	st = call_log_read(o->path, &opt, log, &yd);
	r.n_bad = log->n_bad;
	r.n_gaps = log->n_gaps;
	r.n_left = log->n;
	return cli_log_verdict(&r, st, &yd);
}

/* Reads the incident log of --incidents, as fit_read the call log. */
static int fit_read_incidents(const struct fit_opts *o,
			      struct incident_log *il)
{
	struct cli_log_read r = { "fit", "fitted", o->incidents, o->skip,
				  o->quiet, 0, 0, 0 };
	struct sim_err err;
	struct yaml_doc yd = { 0 };
	struct incident_log_options opt = {
		(const char *const *)o->incident_map.items, o->incident_map.n,
		(enum log_time_format)o->date_format
	};
	enum sim_status st;

	if (!o->incidents)
		return CLI_EXIT_OK;
	sim_err_clear(&err);
	yd.file = o->incidents;
	yd.err = &err;
	st = incident_log_read(o->incidents, &opt, il, &yd);
	r.n_bad = il->n_bad;
	r.n_left = il->n;
	return cli_log_verdict(&r, st, &yd);
}

/* Refuses a fit that could not make a scenario: a line with fewer than
 * two talk times. */
static int fit_usable(const struct call_log *log, const struct fit_calls *fc)
{
	for (int l = 0; l < fc->n_lines; l++) {
		const struct fit_duration *h = &fc->lines[l].handle;

		if (h->n >= 2 && !h->all_zero)
			continue;
		return cli_usage_error("fit", "line '%s': %zu answered call%s "
				       "with a talk time above 0; a handle time "
				       "needs 2 at least", log->lines[l], h->n,
				       h->n == 1 ? "" : "s");
	}
	return CLI_EXIT_OK;
}

/* Chooses each line's profile as --profile asks, warning where a
 * quarter-hour profile is forced on data that do not support it. */
static void fit_profiles(const struct fit_opts *o, const struct call_log *log,
			 struct fit_calls *fc)
{
	char why[256];

	for (int l = 0; l < fc->n_lines; l++) {
		struct fit_quarter *fq = &fc->lines[l].quarter;

		fit_quarter_choose(fq, (enum fit_quarter_mode)o->profile);
		if (fq->slots != FIT_QUARTER_SLOTS || fq->supported)
			continue;
		fit_quarter_shortfall(fq, "; ", why, sizeof why);
		fprintf(stderr, "callsim fit: warning: line '%s': --profile "
			"quarter on data that do not support it: %s; its 672 "
			"factors are written as asked\n", log->lines[l], why);
	}
}

/* Writes the scenario to --out (whole or not at all: FILE.tmp, then
 * renamed) or stdout. */
static int fit_write(const struct fit_opts *o, const struct call_log *log,
		     const struct fit_calls *fc,
		     const struct fit_scenario_opts *so)
{
	char tmp[4200];
	FILE *f = stdout;
	int bad;

	if (o->out) {
		snprintf(tmp, sizeof tmp, "%s.tmp", o->out);
		f = strlen(o->out) < 4000 ? fopen(tmp, "w") : NULL;
	}
	if (!f) {
		fprintf(stderr, "callsim fit: cannot write %s\n", o->out);
		return CLI_EXIT_FAILURE;
	}
	bad = fit_scenario_write(f, log, fc, so) != 0;
	bad |= o->out ? fclose(f) != 0 : fflush(f) != 0;
	if (o->out && !bad)
		bad = rename(tmp, o->out) != 0;
	if (o->out && bad)
		remove(tmp);
	if (bad)
		fprintf(stderr, "callsim fit: writing %s failed\n",
			o->out ? o->out : "the output");
	return bad ? CLI_EXIT_FAILURE : CLI_EXIT_OK;
}

/* Fits the incident log il, when one was given, into so. Returns
 * CLI_EXIT_OK or the exit code to stop with (reported). */
static int fit_incidents(const struct incident_log *il,
			 const struct call_log *log,
			 struct fit_scenario_opts *so, struct fit_incidents **fi)
{
	struct sim_err err;

	sim_err_clear(&err);
	if (!so->ilog_source)
		return CLI_EXIT_OK;
	*fi = mem_calloc(1, sizeof **fi);
	if (!*fi) {
		fputs("callsim fit: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	if (fit_incidents_estimate(il, log, *fi, &err) != SIM_OK) {
		cli_print_err("fit", &err);
		return err.status == SIM_ENOMEM ? CLI_EXIT_FAILURE
						: CLI_EXIT_USAGE;
	}
	so->ilog = il;
	so->incidents = *fi;
	return CLI_EXIT_OK;
}

/* What --report hands cmd_report_of: the log and its fit. */
struct fit_page {
	const struct fit_opts *o;
	const struct call_log *log;
	const struct fit_calls *fc;
};

/* The JSON of the fit, for --report. */
static enum sim_status fit_page_json(FILE *f, const void *arg,
				     struct sim_err *err)
{
	const struct fit_page *pg = arg;
	struct report_fit_source src = {
		pg->o->path, (const char *const *)pg->o->argv,
		(size_t)pg->o->argc
	};

	(void)err;
	return report_fit_json(f, pg->log, pg->fc, &src) == 0 ? SIM_OK : SIM_EIO;
}

/* Fits the logs read and writes the scenario. */
static int fit_run(const struct fit_opts *o, const struct call_log *log,
		   const struct incident_log *il, double within)
{
	struct fit_calls *fc = mem_calloc(1, sizeof *fc);
	struct fit_incidents *fi = NULL;
	struct fit_scenario_opts so = { o->path, within, 10, 1, o->incidents,
					NULL, NULL,
					log->has[CALL_LOG_DUPLICATE] };
	struct sim_err err;
	int rc;

	sim_err_clear(&err);
	if (!fc) {
		fputs("callsim fit: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	if (fit_calls_estimate(log, fc, &err) != SIM_OK) {
		cli_print_err("fit", &err);
		rc = err.status == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
	} else {
		rc = fit_usable(log, fc);
		fit_profiles(o, log, fc);
		if (rc == CLI_EXIT_OK)
			rc = fit_incidents(il, log, &so, &fi);
		if (rc == CLI_EXIT_OK)
			rc = fit_write(o, log, fc, &so);
		if (rc == CLI_EXIT_OK && o->report) {
			struct fit_page pg = { o, log, fc };

			rc = cmd_report_of("fit", fit_page_json, &pg, o->report);
		}
	}
	fit_calls_clear(fc);
	free(fc);
	free(fi);
	return rc;
}

int cmd_fit(int argc, char **argv)
{
	struct fit_opts o = { .argv = argv, .argc = argc };
	struct call_log log = { 0 };
	struct incident_log il = { 0 };
	double within = 10;
	int rc = fit_parse(argc, argv, &o, &within);

	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help fit'\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = fit_read(&o, &log);
	if (rc == CLI_EXIT_OK)
		rc = fit_read_incidents(&o, &il);
	if (rc == CLI_EXIT_OK)
		rc = fit_run(&o, &log, &il, within);
	call_log_clear(&log);
	incident_log_clear(&il);
	cli_strings_clear(&o.map);
	cli_strings_clear(&o.incident_map);
	return rc == CLI_STOP ? CLI_EXIT_OK : rc;
}
