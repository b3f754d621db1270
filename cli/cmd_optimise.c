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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "models/optimise.h"
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
	"                        [--format table|csv|json] [--quiet]\n"
	"       callsim optimise SCENARIO --units [--role NAME]... [--max-units N]\n"
	"                        [--start estimate|scenario] [the options above\n"
	"                        but --pool and --max-staff]\n"
	"\n"
	"Finds the least handlers on duty in each hour of the week, for each pool,\n"
	"such that every line with a goal meets it (verdict met): Erlang A (or C\n"
	"without patience) per hour first, then simulation raises the hours that\n"
	"fall short. Prints the hourly requirement, service levels, rostered\n"
	"hours, FTE and annual cost, and the --set overrides that roster it.\n"
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
	"  --quiet              no progress lines on stderr\n"
	"\n"
	"exit status: 0 found, 1 a run failed or the simulations ran out,\n"
	"2 bad usage or invalid scenario, 3 no staffing within --max-staff (or\n"
	"--max-units) meets the agreements (the last plan tried is printed)\n";

enum optimise_opt_id {
	OPT_POOL, OPT_MAX_STAFF, OPT_REPLICATIONS, OPT_SEED, OPT_THREADS,
	OPT_SET, OPT_MAX_SIMS, OPT_FORMAT, OPT_QUIET, OPT_HELP, OPT_UNITS,
	OPT_ROLE, OPT_MAX_UNITS, OPT_START, OPT_DAYS
};

static const struct cli_opt optimise_opts_table[] = {
	{ "pool", 0, true, OPT_POOL },
	{ "max-staff", 0, true, OPT_MAX_STAFF },
	{ "replications", 0, true, OPT_REPLICATIONS },
	{ "seed", 0, true, OPT_SEED },
	{ "threads", 0, true, OPT_THREADS },
	{ "set", 0, true, OPT_SET },
	{ "max-simulations", 0, true, OPT_MAX_SIMS },
	{ "format", 0, true, OPT_FORMAT },
	{ "quiet", 'q', false, OPT_QUIET },
	{ "help", 'h', false, OPT_HELP },
	{ "units", 0, false, OPT_UNITS },
	{ "role", 0, true, OPT_ROLE },
	{ "max-units", 0, true, OPT_MAX_UNITS },
	{ "start", 0, true, OPT_START },
	{ "days", 0, true, OPT_DAYS },
	{ NULL, 0, false, 0 }
};

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
	enum optimise_format format;
	bool quiet, help, units, start_scenario;
};

#define OPTIMISE_STAFF_MAX 100000
#define OPTIMISE_SIMS_MAX 10000
#define OPTIMISE_SIMS_DEFAULT 60
#define OPTIMISE_UNIT_SIMS_DEFAULT 300

/* A whole-number option 1..max. */
static int optimise_count(const char *name, const char *text,
			  unsigned long max, unsigned long *out)
{
	if (cli_parse_unsigned(text, max, out) != 0 || *out == 0)
		return cli_usage_error("optimise", "--%s must be a whole number "
				       "1..%lu in plain decimal, not '%s'", name,
				       max, text);
	return CLI_EXIT_OK;
}

static int optimise_format_parse(const char *text, enum optimise_format *out)
{
	static const char *const names[] = { "table", "csv", "json" };

	for (int f = OPT_TABLE_FMT; f <= OPT_JSON_FMT; f++)
		if (strcmp(text, names[f]) == 0) {
			*out = (enum optimise_format)f;
			return CLI_EXIT_OK;
		}
	return cli_usage_error("optimise", "--format must be table, csv or json, "
			       "not '%s'", text);
}

/* The options optimise_option leaves: the units mode's and the plain
 * ones. */
static int optimise_units_option(struct optimise_opts *o, int id,
				 const char *value)
{
	switch (id) {
	case OPT_ROLE:
		return cli_strings_add(&o->roles, value, NULL) == 0
			? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	case OPT_MAX_UNITS:
		return optimise_count("max-units", value, OPTIMISE_STAFF_MAX,
				      &o->max_units);
	case OPT_START:
		if (strcmp(value, "estimate") != 0 && strcmp(value, "scenario") != 0)
			return cli_usage_error("optimise", "--start must be estimate "
					       "or scenario, not '%s'", value);
		o->start_scenario = value[0] == 's';
		return CLI_EXIT_OK;
	case OPT_UNITS: o->units = true; return CLI_EXIT_OK;
	case OPT_DAYS:
		o->run_values[CLI_RUN_DAYS] = value;
		return cli_check_run_setting("optimise", CLI_RUN_DAYS, value);
	case OPT_REPLICATIONS:
		o->run_values[CLI_RUN_REPLICATIONS] = value;
		return cli_check_run_setting("optimise", CLI_RUN_REPLICATIONS,
					     value);
	case OPT_SEED:
		o->run_values[CLI_RUN_SEED] = value;
		return cli_check_run_setting("optimise", CLI_RUN_SEED, value);
	case OPT_QUIET: o->quiet = true; return CLI_EXIT_OK;
	default: o->help = true; return CLI_EXIT_OK;
	}
}

/* Applies one option; returns CLI_EXIT_OK or the exit code of a bad one. */
static int optimise_option(struct optimise_opts *o, int id, const char *value)
{
	switch (id) {
	case OPT_POOL:
		return cli_strings_add(&o->pools, value, NULL) == 0
			? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	case OPT_MAX_STAFF:
		return optimise_count("max-staff", value, OPTIMISE_STAFF_MAX,
				      &o->max_staff);
	case OPT_MAX_SIMS:
		return optimise_count("max-simulations", value, OPTIMISE_SIMS_MAX,
				      &o->max_sims);
	case OPT_THREADS:
		return cli_parse_threads("optimise", value, &o->threads);
	case OPT_SET:
		if (strchr(value, '=') == NULL)
			return cli_usage_error("optimise", "--set needs KEY=VALUE, "
					       "not '%s'", value);
		return cli_strings_add(&o->sets, value, NULL) == 0
			? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	case OPT_FORMAT: return optimise_format_parse(value, &o->format);
	default: return optimise_units_option(o, id, value);
	}
}

/* Refuses the options of one mode in the other, and sets the defaults. */
static int optimise_modes(struct optimise_opts *o)
{
	if (o->units && (o->pools.n > 0 || o->max_staff > 0))
		return cli_usage_error("optimise", "--units changes response units, "
				       "not pools: drop --%s",
				       o->pools.n > 0 ? "pool" : "max-staff");
	if (!o->units && (o->roles.n > 0 || o->max_units > 0 || o->start_scenario))
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
	struct cli_parser p = { .argc = argc, .argv = argv, .i = 1 };
	const char *value;
	int id, rc;

	while ((id = cli_next(&p, optimise_opts_table, &value)) != CLI_DONE) {
		if (id == CLI_BAD)
			return CLI_EXIT_USAGE;
		if (id == CLI_OPERAND && o->path != NULL)
			return cli_usage_error("optimise", "one scenario at a time: "
					       "'%s' and '%s'", o->path, value);
		if (id == CLI_OPERAND) {
			o->path = value;
			continue;
		}
		rc = optimise_option(o, id, value);
		if (rc != CLI_EXIT_OK)
			return rc;
	}
	if (!o->help && o->path == NULL)
		return cli_usage_error("optimise", "no scenario given");
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

/* One progress line of the handlers' search: each line's service level
 * and verdict. */
static void optimise_progress(void *arg, unsigned long sims,
			      const struct summary *s)
{
	(void)arg;
	fprintf(stderr, "callsim optimise: simulation %lu:", sims);
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal)
			fprintf(stderr, " %s %.2f%% [%.2f, %.2f] %s;",
				s->sc->lines[l].name,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].mean,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].lo,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].hi,
				ci_verdict_name(s->lines[l].verdict));
	fputc('\n', stderr);
}

/* One progress line of the units' search: each graded grade's figure and
 * verdict, and the officers' FTE. */
static void optimise_units_progress(void *arg, unsigned long sims,
				    const struct summary *s)
{
	(void)arg;
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

/* Writes the handlers' round r in the chosen format; returns the exit
 * code. */
static int optimise_print(const struct optimise_opts *o,
			  const struct search_hours *h, bool met)
{
	struct report_optimise res = {
		.plan = h->plan, .s = h->round.s, .sims = h->sims,
		.set = (const char *const *)h->round.edits,
		.n_set = h->round.n_edits, .met = met,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	if (o->format == OPT_CSV_FMT)
		st = report_optimise_csv(stdout, &res, &err);
	else if (o->format == OPT_JSON_FMT)
		st = report_optimise_json(stdout, &res, &err);
	else
		st = report_optimise_table(stdout, &res, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("optimise", &err);
	return CLI_EXIT_FAILURE;
}

/* Writes the units' best round in the chosen format; returns the exit
 * code. */
static int optimise_units_print(const struct optimise_opts *o,
				const struct scenario *base,
				const struct search_units *u, bool met)
{
	struct report_optimise_units res = {
		.base = base, .s = u->best.s, .chosen = u->u->chosen,
		.sims = u->sims, .set = (const char *const *)u->best.edits,
		.n_set = u->best.n_edits, .met = met,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	if (o->format == OPT_CSV_FMT)
		st = report_optimise_units_csv(stdout, &res, &err);
	else if (o->format == OPT_JSON_FMT)
		st = report_optimise_units_json(stdout, &res, &err);
	else
		st = report_optimise_units_table(stdout, &res, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("optimise", &err);
	return CLI_EXIT_FAILURE;
}

/* The pools named by --pool (every pool when none is); returns
 * CLI_EXIT_OK or, for a name the scenario lacks, CLI_EXIT_USAGE. */
static int optimise_chosen(const struct optimise_opts *o,
			   const struct scenario *sc, bool *chosen)
{
	for (size_t p = 0; p < sc->n_pools; p++)
		chosen[p] = o->pools.n == 0;
	for (size_t i = 0; i < o->pools.n; i++) {
		long p = scenario_pool_index(sc, o->pools.items[i]);

		if (p < 0)
			return cli_usage_error("optimise", "--pool %s: no such pool "
					       "in %s", o->pools.items[i], o->path);
		chosen[p] = true;
	}
	return CLI_EXIT_OK;
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
		if (r == sc->n_roles)
			return cli_usage_error("optimise", "--role %s: no such role "
					       "in %s", o->roles.items[i], o->path);
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
	int rc = chosen ? optimise_chosen(o, base, chosen) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (chosen == NULL)
		fputs("callsim optimise: out of memory\n", stderr);
	if (rc == CLI_EXIT_OK) {
		end = search_hours_run(spec, base, chosen, (int)o->max_staff, &h,
				       &err);
		rc = optimise_exit(end, &err);
	}
	if (h.round.s != NULL && (end == SEARCH_MET || end == SEARCH_UNMET)) {
		int prc = optimise_print(o, &h, end == SEARCH_MET);

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
					o->start_scenario };
	struct search_units u = { 0 };
	struct sim_err err;
	enum search_end end = SEARCH_FAILED;
	int rc = roles ? optimise_roles(o, base, roles) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (roles == NULL)
		fputs("callsim optimise: out of memory\n", stderr);
	if (rc == CLI_EXIT_OK) {
		end = search_units_run(spec, base, &us, &u, &err);
		rc = optimise_exit(end, &err);
	}
	/* A warning about the result, not progress, so --quiet keeps it. */
	if (u.cut)
		fprintf(stderr, "callsim optimise: stopped taking units off after "
			"%lu simulations (--max-simulations); the result meets "
			"every agreement but may not be the least\n", u.sims);
	if (u.best.s != NULL && (end == SEARCH_MET || end == SEARCH_UNMET)) {
		int prc = optimise_units_print(o, base, &u, end == SEARCH_MET);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	search_units_clear(&u);
	free(roles);
	return rc;
}

/* Loads the scenario as the options give it (warning once), then
 * searches; returns the exit code. */
static int optimise_main(const struct optimise_opts *o)
{
	struct cli_strings settings = { 0 }, first = { 0 };
	struct scenario *base = NULL;
	struct search_spec spec = {
		.path = o->path, .sets = (const char *const *)o->sets.items,
		.n_sets = o->sets.n, .threads = o->threads,
		.max_sims = o->max_sims,
	};
	int rc = CLI_EXIT_FAILURE;

	if (cli_run_settings_append(o->run_values, &settings) == 0
	    && cli_strings_append(&first, &o->sets) == 0
	    && cli_strings_append(&first, &settings) == 0)
		rc = cli_load_scenario("optimise", o->path, &first, &base);
	spec.settings = (const char *const *)settings.items;
	spec.n_settings = settings.n;
	spec.on_round = o->quiet ? NULL : o->units ? optimise_units_progress
			: optimise_progress;
	if (rc == CLI_EXIT_OK)
		rc = o->units ? optimise_units(o, &spec, base)
			      : optimise_hours(o, &spec, base);
	scenario_free(base);
	cli_strings_clear(&first);
	cli_strings_clear(&settings);
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
	return rc;
}

