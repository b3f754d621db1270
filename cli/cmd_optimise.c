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
 * --units does the same for the response units of each area's shifts
 * (cmd_optimise_units.c); both searches run their rounds through
 * cmd_optimise_round.c and print through the writers of results/. */
#include "cli/cmd_optimise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "cli/cmd_optimise_round.h"
#include "cli/cmd_optimise_units.h"
#include "models/optimise.h"
#include "results/report_optimise.h"
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

static int optimise_format_parse(const char *text, enum cmd_optimise_format *out)
{
	static const char *const names[] = { "table", "csv", "json" };

	for (int f = OPT_TABLE_FMT; f <= OPT_JSON_FMT; f++)
		if (strcmp(text, names[f]) == 0) {
			*out = (enum cmd_optimise_format)f;
			return CLI_EXIT_OK;
		}
	return cli_usage_error("optimise", "--format must be table, csv or json, "
			       "not '%s'", text);
}

/* The options optimise_option leaves: the units mode's and the plain
 * ones. */
static int optimise_units_option(struct cmd_optimise_opts *o, int id,
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
		o->days = value;
		return cli_check_run_setting("optimise", CLI_RUN_DAYS, value);
	case OPT_REPLICATIONS:
		o->replications = value;
		return cli_check_run_setting("optimise", CLI_RUN_REPLICATIONS,
					     value);
	case OPT_SEED:
		o->seed = value;
		return cli_check_run_setting("optimise", CLI_RUN_SEED, value);
	case OPT_QUIET: o->quiet = true; return CLI_EXIT_OK;
	default: o->help = true; return CLI_EXIT_OK;
	}
}

/* Applies one option; returns CLI_EXIT_OK or the exit code of a bad one. */
static int optimise_option(struct cmd_optimise_opts *o, int id, const char *value)
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
static int optimise_modes(struct cmd_optimise_opts *o)
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
static int optimise_parse(int argc, char **argv, struct cmd_optimise_opts *o)
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

/* The search for handlers: the plan, the figures of the round last read,
 * and the simulations run. */
struct hours_search {
	const struct cmd_optimise_opts *o;
	const struct scenario *base;
	struct optimise_plan *plan;
	bool *met;                 /* [n_lines] verdict met */
	double *hour_sl;           /* [HOURS_PER_WEEK][n_lines] service level */
	unsigned long sims;
};

/* The overrides of one round: --set, each chosen pool's roster, then the
 * run settings. */
static int optimise_overrides(const struct hours_search *x,
			      struct cli_strings *l)
{
	const struct optimise_plan *plan = x->plan;
	int bad = cmd_optimise_round_add_sets(x->o, l);

	for (size_t p = 0; p < plan->n_pools; p++) {
		char *roster = plan->chosen[p]
			? optimise_shifts_override(x->base, plan, p) : NULL;

		if (plan->chosen[p] && roster == NULL) {
			fputs("callsim optimise: out of memory\n", stderr);
			return -1;
		}
		if (roster != NULL)
			bad |= cli_strings_add(l, roster, NULL);
		free(roster);
	}
	return bad | cmd_optimise_round_add_settings(x->o, l);
}

/* Reads the round's verdicts (met[l]) and hourly service levels
 * (hour_sl[h][l]); returns whether every line with a goal is met. */
static bool optimise_verdicts(struct hours_search *x, const struct summary *s)
{
	bool *met = x->met;
	double *hour_sl = x->hour_sl;
	bool all = true;

	for (size_t l = 0; l < s->n_lines; l++) {
		met[l] = !s->lines[l].has_goal || s->lines[l].verdict == CI_MET;
		all = all && met[l];
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			hour_sl[h * s->n_lines + l] =
				summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;
	}
	return all;
}

/* One progress line: each line's service level and verdict. */
static void optimise_progress(const struct hours_search *x,
			      const struct summary *s)
{
	if (x->o->quiet)
		return;
	fprintf(stderr, "callsim optimise: simulation %lu:", x->sims);
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

/* Whether a line that misses its goal has its load on a pool --pool left
 * out (or on none): raising the plan cannot help it. Says which. */
static bool optimise_unreachable(const struct hours_search *x)
{
	const struct scenario *sc = x->base;
	const struct optimise_plan *plan = x->plan;

	for (size_t l = 0; l < sc->n_lines; l++) {
		long p = plan->primary[l];

		if (x->met[l] || (p >= 0 && plan->chosen[p]))
			continue;
		if (p < 0)
			fprintf(stderr, "callsim optimise: line %s misses its goal "
				"and no pool answers it\n", sc->lines[l].name);
		else
			fprintf(stderr, "callsim optimise: line %s misses its goal "
				"and pool %s, which answers it first, is not "
				"optimised; add --pool %s\n", sc->lines[l].name,
				sc->pools[p].name, sc->pools[p].name);
		return true;
	}
	return false;
}

/* Simulates and raises until every agreement is met; returns the exit
 * code, r the last round. */
static int optimise_search(struct hours_search *x, struct cmd_optimise_round *r)
{
	for (;;) {
		int rc;

		cmd_optimise_round_clear(r);
		rc = optimise_overrides(x, &r->overrides) == 0
			? cmd_optimise_round_simulate(x->o, r) : CLI_EXIT_FAILURE;
		if (rc != CLI_EXIT_OK)
			return rc;
		x->sims++;
		optimise_progress(x, r->s);
		rc = cmd_optimise_round_judged(r->s, false);
		if (rc != CLI_EXIT_OK)
			return rc;
		if (optimise_verdicts(x, r->s))
			return CLI_EXIT_OK;
		if (optimise_unreachable(x))
			return CLI_EXIT_SLA;
		if (x->sims >= x->o->max_sims) {
			fprintf(stderr, "callsim optimise: no staffing found in %lu "
				"simulations; give more --max-simulations\n", x->sims);
			return CLI_EXIT_FAILURE;
		}
		if (optimise_plan_raise(x->plan, x->base, x->hour_sl, x->met) == 0) {
			fprintf(stderr, "callsim optimise: no staffing with at most "
				"%lu on duty in an hour (--max-staff) meets every "
				"agreement\n", x->o->max_staff);
			return CLI_EXIT_SLA;
		}
	}
}

/* Writes the round r in the chosen format; returns the exit code. */
static int optimise_print(const struct hours_search *x,
			  const struct cmd_optimise_round *r, bool met)
{
	struct report_optimise res = {
		.plan = x->plan, .s = r->s, .sims = x->sims,
		.set = cmd_optimise_round_overrides(r), .n_set = r->overrides.n,
		.met = met,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	if (x->o->format == OPT_CSV_FMT)
		st = report_optimise_csv(stdout, &res, &err);
	else if (x->o->format == OPT_JSON_FMT)
		st = report_optimise_json(stdout, &res, &err);
	else
		st = report_optimise_table(stdout, &res, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("optimise", &err);
	return CLI_EXIT_FAILURE;
}

/* The pools named by --pool (every pool when none is); returns
 * CLI_EXIT_OK or, for a name the scenario lacks, CLI_EXIT_USAGE. */
static int optimise_chosen(const struct cmd_optimise_opts *o,
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

/* Plans, searches and prints; returns the exit code. */
static int optimise_main(const struct cmd_optimise_opts *o,
			 const struct scenario *base)
{
	bool *chosen = mem_calloc(base->n_pools + 1, sizeof *chosen);
	struct hours_search x = { .o = o, .base = base };
	struct cmd_optimise_round r = { 0 };
	struct sim_err err;
	int rc = chosen ? optimise_chosen(o, base, chosen) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	x.met = mem_calloc(base->n_lines + 1, sizeof *x.met);
	x.hour_sl = mem_calloc(HOURS_PER_WEEK * base->n_lines + 1, sizeof *x.hour_sl);
	if (rc == CLI_EXIT_OK && (x.met == NULL || x.hour_sl == NULL)) {
		fputs("callsim optimise: out of memory\n", stderr);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK && (x.plan = optimise_plan_new(base, chosen,
			(int)o->max_staff, &err)) == NULL) {
		cli_print_err("optimise", &err);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK)
		rc = optimise_search(&x, &r);
	if (r.s != NULL && (rc == CLI_EXIT_OK || rc == CLI_EXIT_SLA)) {
		int prc = optimise_print(&x, &r, rc == CLI_EXIT_OK);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	cmd_optimise_round_clear(&r);
	optimise_plan_free(x.plan);
	free(x.met);
	free(x.hour_sl);
	free(chosen);
	return rc;
}

int cmd_optimise(int argc, char **argv)
{
	struct cmd_optimise_opts o = { 0 };
	struct scenario *base = NULL;
	struct cli_strings first = { 0 };
	int rc = optimise_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_optimise_usage, stdout);
	} else if (rc == CLI_EXIT_OK) {
		rc = cmd_optimise_round_add_sets(&o, &first)
		     | cmd_optimise_round_add_settings(&o, &first);
		rc = rc == 0 ? cli_load_scenario("optimise", o.path, &first, &base)
			     : CLI_EXIT_FAILURE;
		if (rc == CLI_EXIT_OK)
			rc = o.units ? cmd_optimise_units(&o, base)
				     : optimise_main(&o, base);
	} else if (rc == CLI_EXIT_USAGE) {
		fputs("try 'callsim help optimise'\n", stderr);
	}
	scenario_free(base);
	cli_strings_clear(&first);
	cli_strings_clear(&o.pools);
	cli_strings_clear(&o.roles);
	cli_strings_clear(&o.sets);
	return rc;
}

