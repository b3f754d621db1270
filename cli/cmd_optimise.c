/* cmd_optimise.c: `callsim optimise` (see cmd_optimise.h and
 * docs/experiments.md).
 *
 * The plan (models/optimise.h) starts from Erlang A or C in every hour of
 * the week; each round puts it on the roster as one-hour shifts — through
 * the same --set overrides a user could give `callsim run`, so the roster
 * printed at the end reproduces the last simulation exactly — simulates the
 * scenario, and raises the hours whose service level falls short, until
 * every line with a goal has the verdict "met".
 *
 * --units does the same for the response units of each area's shifts.
 * The searches are results/search_hours.c and results/search_units.c;
 * this file holds the options, the progress lines and the printing,
 * through the writers of results/. */
#include "cli/cmd_optimise.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_command.h"
#include "cli/cli_common.h"
#include "cli/cli_search_doc.h"
#include "cli/cmd_report.h"
#include "models/optimise.h"
#include "results/experiment.h"
#include "results/progress.h"
#include "results/report_optimise.h"
#include "results/report_optimise_units.h"
#include "results/search_hours.h"
#include "results/search_units.h"
#include "sim/mem.h"

const char cmd_optimise_usage[] =
	"usage: callsim optimise SCENARIO [--pool NAME]... [--max-staff N]\n"
	"                        [--replications N] [--seed S] [--days D]\n"
	"                        [--threads T] [--set KEY=VALUE]...\n"
	"                        [--max-simulations N]\n"
	"                        [--format table|csv|json] [--report FILE.html]\n"
	"                        [--quiet]\n"
	"       callsim optimise SCENARIO --units [--role NAME]... [--max-units N]\n"
	"                        [--start estimate|scenario] [the options above\n"
	"                        but --pool and --max-staff]\n"
	"\n"
	"Finds the least handlers on duty in each hour of the week, for each pool,\n"
	"such that every line with a goal meets it (verdict met): Erlang A (or C\n"
	"without patience) per hour first, then simulation raises the hours that\n"
	"fall short. Every deferrable stream with a goal must be met too: once\n"
	"the lines are, a stream that misses gets its pool one more handler in\n"
	"the hours where its items likeliest find every handler busy, round by\n"
	"round (at most 20 such rounds). Prints the hourly requirement, service\n"
	"levels, each stream's share within target, rostered hours, FTE and\n"
	"annual cost, and the --set overrides that roster it.\n"
	"\n"
	"With --units, finds instead the least response units on each shift of\n"
	"each area's unit rosters (the shift pattern kept) such that every grade\n"
	"with an attendance goal meets it: an M/M/c first guess per area and hour,\n"
	"then simulation adds a unit to the worst area of each grade that falls\n"
	"short, then takes units off the areas with most to spare while every\n"
	"agreement stays met.\n"
	"\n"
	"  --pool NAME          optimise this pool (repeatable; default every pool);\n"
	"                       other pools keep their roster\n"
	"  --max-staff N        most on duty in one hour of one pool (default 500)\n"
	"  --units              optimise response units, not call handlers\n"
	"  --role NAME          change the units of this role (repeatable; default\n"
	"                       every non-neighbourhood role attending the first\n"
	"                       grade); other units keep their roster\n"
	"  --max-units N        most units on one shift of one unit entry\n"
	"                       (default 500)\n"
	"  --start S            estimate (default): the M/M/c first guess;\n"
	"                       scenario: the scenario's own units\n"
	"  --replications N     replications of each simulation (run.replications)\n"
	"  --seed S             master random seed (run.seed)\n"
	"  --days D             counted days of each simulation (run.days)\n"
	"  --threads T          threads; 0 = every core (default)\n"
	"  --set KEY=VALUE      override a scenario value (repeatable)\n"
	"  --max-simulations N  give up after N simulations (default 60; 300 with\n"
	"                       --units)\n"
	"  --format F           table (default), csv or json\n"
	"  --report FILE        also write the result's HTML report with charts\n"
	"                       to FILE, as `callsim report` makes it from the\n"
	"                       JSON\n"
	"  --quiet              no progress lines or bar on stderr\n"
	"\n"
	"exit status: 0 found, 1 a run failed or the simulations ran out,\n"
	"2 bad usage or invalid scenario, 3 no staffing within --max-staff (or\n"
	"--max-units, or the rounds for a deferrable stream) meets the\n"
	"agreements (the last plan tried is printed, with why)\n";

enum optimise_format { OPT_TABLE_FMT, OPT_CSV_FMT, OPT_JSON_FMT };

/* The options, as parsed. */
struct optimise_opts {
	const char *path;
	struct cli_strings pools;          /* --pool names */
	struct cli_strings roles;          /* --role names */
	struct cli_strings sets;           /* --set */
	const char *run_values[CLI_RUN_SETTINGS];  /* NULL when not given */
	unsigned long max_staff, max_units, max_sims;  /* 0: not given */
	unsigned threads;                  /* 0: every core */
	int format;                        /* enum optimise_format */
	int start;                         /* 1: --start scenario */
	const char *report;                /* --report FILE, or NULL */
	struct cli_command command;        /* the words the JSON records */
	bool quiet, help, units;
};

static const char *const optimise_formats[] = { "table", "csv", "json", NULL };
static const char *const optimise_starts[] = { "estimate", "scenario", NULL };

enum optimise_opt_id { OPT_MAX_STAFF, OPT_MAX_SIMS, OPT_MAX_UNITS };

#define OPTIMISE_OPT_RUN(name, setting) \
	CLI_OPT_RUN(name, setting, struct optimise_opts, run_values)

static const struct cli_opt optimise_opts_table[] = {
	CLI_OPT_LIST("pool", struct optimise_opts, pools),
	CLI_OPT_OWN("max-staff", 0, true, OPT_MAX_STAFF),
	OPTIMISE_OPT_RUN("replications", CLI_RUN_REPLICATIONS),
	OPTIMISE_OPT_RUN("seed", CLI_RUN_SEED),
	CLI_OPT_THREADS(struct optimise_opts, threads),
	CLI_OPT_SET("set", struct optimise_opts, sets),
	CLI_OPT_OWN("max-simulations", 0, true, OPT_MAX_SIMS),
	CLI_OPT_CHOICE("format", struct optimise_opts, format, optimise_formats),
	CLI_OPT_FLAG("quiet", 'q', struct optimise_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct optimise_opts, help),
	CLI_OPT_FLAG("units", 0, struct optimise_opts, units),
	CLI_OPT_LIST("role", struct optimise_opts, roles),
	CLI_OPT_OWN("max-units", 0, true, OPT_MAX_UNITS),
	CLI_OPT_CHOICE("start", struct optimise_opts, start, optimise_starts),
	OPTIMISE_OPT_RUN("days", CLI_RUN_DAYS),
	CLI_OPT_TEXT("report", 0, struct optimise_opts, report),
	CLI_OPT_END
};

#define OPTIMISE_STAFF_MAX 100000
#define OPTIMISE_SIMS_MAX 10000
#define OPTIMISE_SIMS_DEFAULT 60
#define OPTIMISE_UNIT_SIMS_DEFAULT 300

/* --max-staff, --max-simulations, --max-units: a whole number 1..max. */
static int optimise_count(void *arg, int id, const char *text)
{
	static const char *const names[] = {
		[OPT_MAX_STAFF] = "max-staff", [OPT_MAX_SIMS] = "max-simulations",
		[OPT_MAX_UNITS] = "max-units",
	};
	struct optimise_opts *o = arg;
	unsigned long *out = id == OPT_MAX_STAFF ? &o->max_staff
			     : id == OPT_MAX_SIMS ? &o->max_sims : &o->max_units;
	unsigned long max = id == OPT_MAX_SIMS ? OPTIMISE_SIMS_MAX
			    : OPTIMISE_STAFF_MAX;

	if (cli_parse_unsigned(text, max, out) != 0 || *out == 0)
		return cli_usage_error("optimise", "--%s must be a whole number "
				       "1..%lu in plain decimal, not '%s'",
				       names[id], max, text);
	return CLI_EXIT_OK;
}

static const struct cli_spec optimise_spec = {
	"optimise", optimise_opts_table, offsetof(struct optimise_opts, path), 1,
	optimise_count
};

/* Refuses the options of one mode in the other, and sets the defaults. */
static int optimise_modes(struct optimise_opts *o)
{
	if (o->units && (o->pools.n > 0 || o->max_staff > 0))
		return cli_usage_error("optimise", "--units changes response units, "
				       "not pools: drop --%s",
				       o->pools.n > 0 ? "pool" : "max-staff");
	if (!o->units && (o->roles.n > 0 || o->max_units > 0 || o->start))
		return cli_usage_error("optimise", "--%s needs --units",
				       o->roles.n > 0 ? "role" : o->max_units > 0
				       ? "max-units" : "start");
	if (o->max_staff == 0)
		o->max_staff = 500;
	if (o->max_units == 0)
		o->max_units = 500;
	if (o->max_sims == 0)
		o->max_sims = o->units ? OPTIMISE_UNIT_SIMS_DEFAULT
				       : OPTIMISE_SIMS_DEFAULT;
	return CLI_EXIT_OK;
}

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int optimise_parse(int argc, char **argv, struct optimise_opts *o)
{
	int rc = cli_parse(&optimise_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (!o->help && o->path == NULL)
		return cli_usage_error("optimise", "no scenario given");
	if (cli_command_of(argc, argv, &o->command) != 0) {
		fputs("callsim optimise: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	rc = cli_output_apart("optimise", "--report", o->report,
			      (const char *const[]){ "the scenario file",
						     o->path, NULL });
	if (rc != CLI_EXIT_OK)
		return rc;
	return o->help ? CLI_EXIT_OK : optimise_modes(o);
}

/* How a search's end becomes the exit code, its problem printed. */
static int optimise_exit(enum search_end end, const struct sim_err *err)
{
	static const int rc[] = {
		[SEARCH_MET] = CLI_EXIT_OK, [SEARCH_UNMET] = CLI_EXIT_SLA,
		[SEARCH_INVALID] = CLI_EXIT_USAGE, [SEARCH_FAILED] = CLI_EXIT_FAILURE,
	};

	if (end != SEARCH_MET)
		cli_print_err("optimise", err);
	return rc[end];
}

/* Before a round's line: the bar of its replications is wiped (on a
 * terminal), and started again for the next round. */
static void optimise_bar_restart(struct progress *p)
{
	progress_end(p);
	progress_init(p, p->f, true, "optimise", NULL, 1, 0, p->reps_per_step);
}

/* One progress line of the handlers' search: each line's service level
 * and verdict, then each deferrable stream's share within target. */
static void optimise_progress(void *arg, unsigned long sims,
			      const struct summary *s)
{
	optimise_bar_restart(arg);
	fprintf(stderr, "callsim optimise: simulation %lu:", sims);
	cli_progress_agreements(stderr, s);
}

/* One progress line of the units' search: each graded grade's figure and
 * verdict, and the officers' FTE. */
static void optimise_units_progress(void *arg, unsigned long sims,
				    const struct summary *s)
{
	optimise_bar_restart(arg);
	fprintf(stderr, "callsim optimise: simulation %lu:", sims);
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal)
			fprintf(stderr, " %s %.2f%% [%.2f, %.2f] %s;",
				s->sc->grades[g].name,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].mean,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].lo,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].hi,
				ci_verdict_name(s->grades[g].verdict));
	fprintf(stderr, " officers %.1f FTE\n", s->roles_fte);
}

/* The exit code of a result written with status st; err says why not. */
static int optimise_written(enum sim_status st, const struct sim_err *err)
{
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("optimise", err);
	return CLI_EXIT_FAILURE;
}

/* The JSON writers in the shape --report takes. */
static enum sim_status optimise_json_of(FILE *f, const void *arg,
					struct sim_err *err)
{
	return report_optimise_json(f, arg, err);
}

static enum sim_status optimise_units_json_of(FILE *f, const void *arg,
					      struct sim_err *err)
{
	return report_optimise_units_json(f, arg, err);
}

/* Writes the handlers' round r in the chosen format, and the report with
 * --report; returns the exit code. */
static int optimise_print(const struct optimise_opts *o,
			  const struct scenario *base,
			  const struct search_hours *h, bool met,
			  const char *why)
{
	static enum sim_status (*const writers[])(
		FILE *, const struct report_optimise *, struct sim_err *) = {
		[OPT_TABLE_FMT] = report_optimise_table,
		[OPT_CSV_FMT] = report_optimise_csv,
		[OPT_JSON_FMT] = report_optimise_json,
	};
	char **set = experiment_edits_text(h->round.edits, h->round.n_edits);
	struct report_optimise res = {
		.plan = h->plan, .s = h->round.s, .sims = h->sims,
		.result_sim = h->round.sim,
		.set = (const char *const *)set,
		.n_set = h->round.n_edits, .met = met, .why = why, .base = base,
		.command = o->command.words, .n_command = o->command.n,
	};
	struct sim_err err;
	enum sim_status st;
	int rc;

	sim_err_clear(&err);
	st = set == NULL ? sim_err_add(&err, SIM_ENOMEM, "out of memory")
			 : writers[o->format](stdout, &res, &err);
	rc = optimise_written(st, &err);
	if (rc == CLI_EXIT_OK && o->report != NULL)
		rc = cmd_report_of("optimise", optimise_json_of, &res,
				   o->report);
	experiment_edits_text_free(set, h->round.n_edits);
	return rc;
}

/* Writes the units' best round in the chosen format; returns the exit
 * code. */
static int optimise_units_print(const struct optimise_opts *o,
				const struct scenario *base,
				const struct search_units *u, bool met)
{
	static enum sim_status (*const writers[])(
		FILE *, const struct report_optimise_units *,
		struct sim_err *) = {
		[OPT_TABLE_FMT] = report_optimise_units_table,
		[OPT_CSV_FMT] = report_optimise_units_csv,
		[OPT_JSON_FMT] = report_optimise_units_json,
	};
	char **set = experiment_edits_text(u->best.edits, u->best.n_edits);
	struct report_optimise_units res = {
		.base = base, .s = u->best.s, .chosen = u->u->chosen,
		.sims = u->sims, .result_sim = u->best.sim,
		.set = (const char *const *)set,
		.n_set = u->best.n_edits, .met = met,
		.command = o->command.words, .n_command = o->command.n,
	};
	struct sim_err err;
	enum sim_status st;
	int rc;

	sim_err_clear(&err);
	st = set == NULL ? sim_err_add(&err, SIM_ENOMEM, "out of memory")
			 : writers[o->format](stdout, &res, &err);
	rc = optimise_written(st, &err);
	if (rc == CLI_EXIT_OK && o->report != NULL)
		rc = cmd_report_of("optimise", optimise_units_json_of, &res,
				   o->report);
	experiment_edits_text_free(set, u->best.n_edits);
	return rc;
}

/* The roles whose units change: --role names, else the default. Returns
 * CLI_EXIT_OK, or CLI_EXIT_USAGE for an unknown or neighbourhood role. */
static int optimise_roles(const struct optimise_opts *o,
			  const struct scenario *sc, bool *roles)
{
	if (o->roles.n == 0) {
		optimise_units_roles(sc, roles);
		return CLI_EXIT_OK;
	}
	for (size_t i = 0; i < o->roles.n; i++) {
		size_t r = 0;

		while (r < sc->n_roles && strcmp(sc->roles[r].name,
						 o->roles.items[i]) != 0)
			r++;
		if (r == sc->n_roles) {
			char names[CLI_SEARCH_DOC_NAMES_MAX];

			return cli_usage_error("optimise", "--role %s: no such role "
					       "in %s; roles are: %s",
					       o->roles.items[i], o->path,
					       cli_search_doc_roles(sc, names,
								    sizeof names));
		}
		if (sc->roles[r].neighbourhood)
			return cli_usage_error("optimise", "--role %s: a "
					       "neighbourhood role attends only when "
					       "abstracted and is never optimised",
					       o->roles.items[i]);
		roles[r] = true;
	}
	return CLI_EXIT_OK;
}

/* Searches the handlers of the chosen pools and prints; returns the exit
 * code. */
static int optimise_hours(const struct optimise_opts *o,
			  const struct search_spec *spec,
			  const struct scenario *base)
{
	bool *chosen = mem_calloc(base->n_pools + 1, sizeof *chosen);
	struct search_hours h = { 0 };
	struct sim_err err;
	enum search_end end = SEARCH_FAILED;
	int rc = chosen ? cli_search_doc_pools("optimise",
			&o->pools, o->path, base, chosen)
		: CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (chosen == NULL)
		fputs("callsim optimise: out of memory\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = cli_search_doc_no_rota(o->path, base, chosen);
	if (rc == CLI_EXIT_OK) {
		end = search_hours_run(spec, base, chosen, (int)o->max_staff, &h,
				       &err);
		rc = optimise_exit(end, &err);
	}
	if (h.round.s != NULL && (end == SEARCH_MET || end == SEARCH_UNMET)) {
		int prc = optimise_print(o, base, &h, end == SEARCH_MET,
					 end == SEARCH_MET ? NULL : err.text);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	search_hours_clear(&h);
	free(chosen);
	return rc;
}

/* Searches the units of the chosen roles and prints; returns the exit
 * code. */
static int optimise_units(const struct optimise_opts *o,
			  const struct search_spec *spec,
			  const struct scenario *base)
{
	bool *roles = mem_calloc(base->n_roles + 1, sizeof *roles);
	struct search_units_spec us = { roles, (int)o->max_units,
					o->start == 1 };
	struct search_units u = { 0 };
	struct sim_err err;
	enum search_end end = SEARCH_FAILED;
	int rc = roles ? optimise_roles(o, base, roles) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (roles == NULL)
		fputs("callsim optimise: out of memory\n", stderr);
	if (rc == CLI_EXIT_OK)
		rc = cli_search_doc_units(o->path, base, roles);
	if (rc == CLI_EXIT_OK) {
		end = search_units_run(spec, base, &us, &u, &err);
		rc = optimise_exit(end, &err);
	}
	/* A warning about the result, not progress, so --quiet keeps it. */
	if (u.cut)
		fprintf(stderr, "callsim optimise: stopped taking units off after "
			"%lu simulation%s (--max-simulations); the result "
			"(simulation %lu) meets every agreement but may not be "
			"the least\n", u.sims, u.sims == 1 ? "" : "s",
			u.best.sim);
	if (u.best.s != NULL && (end == SEARCH_MET || end == SEARCH_UNMET)) {
		int prc = optimise_units_print(o, base, &u, end == SEARCH_MET);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	search_units_clear(&u);
	free(roles);
	return rc;
}

/* Reads the scenario once, builds it as the options give it, then
 * searches, every round built from it in memory; returns the exit code. */
static int optimise_main(const struct optimise_opts *o)
{
	struct cli_search_doc d = { 0 };
	struct scenario *base = NULL;
	struct search_spec spec = {
		.path = o->path, .threads = o->threads,
		.max_sims = o->max_sims,
	};
	struct progress bar;
	int rc = cli_search_doc_load("optimise", o->path, &o->sets, o->run_values,
				     &d, &base);

	/* A round changes staffing, never a CSV path: base reads them all. */
	if (rc == CLI_EXIT_OK)
		rc = cli_outputs_unread("optimise", (const char *const[]){
			"--report", o->report, NULL }, base, "the scenario");
	cli_search_doc_spec(&d, o->sets.n, &spec);
	spec.on_round = o->quiet ? NULL : o->units ? optimise_units_progress
			: optimise_progress;
	/* Each round's replications as a bar on a terminal, wiped before
	 * the round's line. */
	progress_init(&bar, cli_progress_stream(o->quiet), true, "optimise",
		      NULL, 1, 0, base ? base->run.replications : 0);
	spec.on_replication = progress_on_replication;
	spec.arg = &bar;
	if (rc == CLI_EXIT_OK)
		rc = o->units ? optimise_units(o, &spec, base)
			      : optimise_hours(o, &spec, base);
	progress_end(&bar);
	scenario_free(base);
	cli_search_doc_clear(&d);
	return rc;
}

int cmd_optimise(int argc, char **argv)
{
	struct optimise_opts o = { 0 };
	int rc = optimise_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_optimise_usage, stdout);
	else if (rc == CLI_EXIT_OK)
		rc = optimise_main(&o);
	else if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help optimise'\n", stderr);
	cli_strings_clear(&o.pools);
	cli_strings_clear(&o.roles);
	cli_strings_clear(&o.sets);
	cli_command_clear(&o.command);
	return rc;
}

