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
 * (models/optimise.h): a first guess, units added where a graded
 * agreement falls short, then units taken off while every agreement stays
 * met; the round printed is always the last one that met them all. */
#include "cli/cmd_optimise.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "models/contact_centre.h"
#include "models/optimise.h"
#include "results/summary.h"
#include "sim/replicate.h"

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
#define OPTIMISE_THREADS_MAX 1024

enum optimise_format { OPT_TABLE_FMT, OPT_CSV_FMT, OPT_JSON_FMT };

struct optimise_opts {
	const char *path;
	struct cli_strings pools;          /* --pool names */
	struct cli_strings roles;          /* --role names */
	struct cli_strings sets;           /* --set, then the run settings */
	const char *replications, *seed, *days;
	unsigned long max_staff, max_units, max_sims;  /* 0: not given */
	unsigned threads;
	enum optimise_format format;
	bool quiet, help, units, start_scenario;
};

/* A whole-number option 1..max. */
static int optimise_count(const char *name, const char *text,
			  unsigned long max, unsigned long *out)
{
	if (cli_parse_unsigned(text, max, out) != 0 || *out == 0)
		return cli_usage_error("optimise", "--%s must be a whole number "
				       "1..%lu, not '%s'", name, max, text);
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
	case OPT_DAYS: o->days = value; return CLI_EXIT_OK;
	case OPT_REPLICATIONS: o->replications = value; return CLI_EXIT_OK;
	case OPT_SEED: o->seed = value; return CLI_EXIT_OK;
	case OPT_QUIET: o->quiet = true; return CLI_EXIT_OK;
	default: o->help = true; return CLI_EXIT_OK;
	}
}

/* Applies one option; returns CLI_EXIT_OK or the exit code of a bad one. */
static int optimise_option(struct optimise_opts *o, int id, const char *value)
{
	unsigned long n;

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
		if (cli_parse_unsigned(value, OPTIMISE_THREADS_MAX, &n) != 0)
			return cli_usage_error("optimise", "--threads must be a whole "
					       "number 0..%d (0 = every core), not "
					       "'%s'", OPTIMISE_THREADS_MAX, value);
		o->threads = (unsigned)n;
		return CLI_EXIT_OK;
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

/* The run settings given as options, appended to l as overrides (last, so
 * they win as in `callsim run`); returns 0 or -1 when out of memory. */
static int optimise_run_settings(const struct optimise_opts *o,
				 struct cli_strings *l)
{
	int bad = 0;

	if (o->replications != NULL)
		bad |= cli_strings_add(l, "run.replications", o->replications);
	if (o->seed != NULL)
		bad |= cli_strings_add(l, "run.seed", o->seed);
	if (o->days != NULL)
		bad |= cli_strings_add(l, "run.days", o->days);
	return bad;
}

/* The overrides of one round: --set, each chosen pool's roster, then the
 * run settings. */
static int optimise_overrides(const struct optimise_opts *o,
			      const struct scenario *base,
			      const struct optimise_plan *plan,
			      struct cli_strings *l)
{
	int bad = 0;

	for (size_t i = 0; i < o->sets.n; i++)
		bad |= cli_strings_add(l, o->sets.items[i], NULL);
	for (size_t p = 0; p < plan->n_pools; p++) {
		char *roster = plan->chosen[p]
			? optimise_shifts_override(base, plan, p) : NULL;

		if (plan->chosen[p] && roster == NULL) {
			fputs("callsim optimise: out of memory\n", stderr);
			return -1;
		}
		if (roster != NULL)
			bad |= cli_strings_add(l, roster, NULL);
		free(roster);
	}
	return bad | optimise_run_settings(o, l);
}

/* One round: the scenario with the plan's rosters, and its summary. */
struct optimise_round {
	struct cli_strings overrides;
	struct scenario *sc;
	struct summary *s;
	struct cc_result **results;
	size_t n;
};

static void optimise_round_clear(struct optimise_round *r)
{
	for (size_t i = 0; r->results != NULL && i < r->n; i++)
		cc_result_free(r->results[i]);
	free(r->results);
	summary_free(r->s);
	scenario_free(r->sc);
	cli_strings_clear(&r->overrides);
	*r = (struct optimise_round){ 0 };
}

static enum sim_status optimise_job(void *arg, size_t index,
				    struct sim_err *err)
{
	struct optimise_round *r = arg;

	return cc_run(r->sc, (uint32_t)index, r->results[index], err);
}

/* Runs the replications of r->sc and summarises them. */
static int optimise_run(struct optimise_round *r, unsigned threads)
{
	struct sim_err err;

	sim_err_clear(&err);
	r->n = r->sc->run.replications;
	r->results = calloc(r->n, sizeof *r->results);
	for (size_t i = 0; r->results != NULL && i < r->n; i++)
		if ((r->results[i] = cc_result_new(r->sc)) == NULL) {
			fputs("callsim optimise: out of memory\n", stderr);
			return CLI_EXIT_FAILURE;
		}
	if (r->results == NULL) {
		fputs("callsim optimise: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	if (replicate_run(r->n, threads, optimise_job, r, &err) != SIM_OK
	    || (r->s = summary_new(r->sc, (const struct cc_result *const *)
				   r->results, r->n, &err)) == NULL) {
		cli_print_err("optimise", &err);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

/* Loads the scenario with the round's overrides and simulates it. */
static int optimise_simulate(const struct optimise_opts *o,
			     struct optimise_round *r)
{
	int rc = cli_load_scenario("optimise", o->path, &r->overrides, &r->sc);

	if (rc != CLI_EXIT_OK)
		return rc;
	return optimise_run(r, o->threads ? o->threads
					  : replicate_default_threads());
}

/* Reads the round's verdicts (met[l]) and hourly service levels
 * (hour_sl[h][l]); returns whether every line with a goal is met. */
static bool optimise_verdicts(const struct summary *s, bool *met,
			      double *hour_sl)
{
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
static void optimise_progress(const struct optimise_opts *o,
			      const struct summary *s, unsigned long sim)
{
	if (o->quiet)
		return;
	fprintf(stderr, "callsim optimise: simulation %lu:", sim);
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
static bool optimise_unreachable(const struct scenario *sc,
				 const struct optimise_plan *plan,
				 const bool *met)
{
	for (size_t l = 0; l < sc->n_lines; l++) {
		long p = plan->primary[l];

		if (met[l] || (p >= 0 && plan->chosen[p]))
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
 * code, *sims the simulations run, r the last round. */
static int optimise_search(const struct optimise_opts *o,
			   const struct scenario *base,
			   struct optimise_plan *plan,
			   struct optimise_round *r, unsigned long *sims)
{
	bool *met = calloc(base->n_lines + 1, sizeof *met);
	double *hour_sl = calloc(HOURS_PER_WEEK * base->n_lines + 1,
				 sizeof *hour_sl);
	int rc = met && hour_sl ? CLI_EXIT_OK : CLI_EXIT_FAILURE;

	for (*sims = 0; rc == CLI_EXIT_OK; ) {
		optimise_round_clear(r);
		rc = optimise_overrides(o, base, plan, &r->overrides) == 0
			? optimise_simulate(o, r) : CLI_EXIT_FAILURE;
		if (rc != CLI_EXIT_OK)
			break;
		++*sims;
		optimise_progress(o, r->s, *sims);
		if (optimise_verdicts(r->s, met, hour_sl))
			break;
		if (optimise_unreachable(base, plan, met)) {
			rc = CLI_EXIT_SLA;
		} else if (*sims >= o->max_sims) {
			fprintf(stderr, "callsim optimise: no staffing found in %lu "
				"simulations; give more --max-simulations\n", *sims);
			rc = CLI_EXIT_FAILURE;
		} else if (optimise_plan_raise(plan, base, hour_sl, met) == 0) {
			fprintf(stderr, "callsim optimise: no staffing with at most "
				"%lu on duty in an hour (--max-staff) meets every "
				"agreement\n", o->max_staff);
			rc = CLI_EXIT_SLA;
		}
	}
	if (met == NULL || hour_sl == NULL)
		fputs("callsim optimise: out of memory\n", stderr);
	free(met);
	free(hour_sl);
	return rc;
}

/* What the outputs show. */
struct optimise_result {
	const struct optimise_plan *plan;
	const struct scenario *sc;         /* the last round's scenario */
	const struct summary *s;           /* and its figures */
	unsigned long sims;
	const struct cli_strings *overrides;   /* all the last run loaded */
};

static int optimise_on_duty(const struct optimise_result *x, size_t p,
			    size_t h)
{
	return x->plan->on_duty[p * HOURS_PER_WEEK + h];
}

static int optimise_roster_at(const struct optimise_result *x, size_t p,
			      size_t h)
{
	return optimise_rostered(optimise_on_duty(x, p, h),
				 x->sc->pools[p].shrinkage);
}

/* Rostered person-hours a week of any pool, from its FTE. */
static double optimise_pool_hours(const struct pool_spec *p)
{
	return scenario_pool_fte(p) * p->hours_per_week;
}

static void optimise_table_head(const struct optimise_result *x)
{
	const struct summary *s = x->s;

	printf("%s: staffing for every answering agreement\n", x->sc->name);
	printf("%lu simulations of %u replications (seed %llu)\n\n", x->sims,
	       s->replications, (unsigned long long)s->seed);
	printf("%-16s %-14s %-28s %s\n", "line", "goal", "service level",
	       "verdict");
	for (size_t l = 0; l < s->n_lines; l++) {
		const struct ci *c = &s->lines[l].m[CC_SERVICE_LEVEL];
		char goal[32] = "-", sl[64];

		if (s->lines[l].has_goal)
			snprintf(goal, sizeof goal, "%.4g%% in %.4g s",
				 100 * x->sc->lines[l].goal, x->sc->lines[l].target_s);
		snprintf(sl, sizeof sl, "%.2f%% [%.2f, %.2f]", 100 * c->mean,
			 100 * c->lo, 100 * c->hi);
		printf("%-16s %-14s %-28s %s\n", x->sc->lines[l].name, goal, sl,
		       s->lines[l].has_goal ? ci_verdict_name(s->lines[l].verdict)
					    : "-");
	}
}

static void optimise_table_costs(const struct optimise_result *x)
{
	printf("\n%-16s %-10s %14s %10s %14s\n", "pool", "roster",
	       "hours a week", "FTE", "annual cost");
	for (size_t p = 0; p < x->sc->n_pools; p++) {
		const struct pool_spec *ps = &x->sc->pools[p];

		printf("%-16s %-10s %14.0f %10.2f %14.0f\n", ps->name,
		       x->plan->chosen[p] ? "optimised" : "kept",
		       optimise_pool_hours(ps), x->s->pools[p].fte,
		       x->s->pools[p].annual_cost);
	}
	printf("%-16s %-10s %14s %10.2f %14.0f\n", "pools", "", "",
	       x->s->pools_fte, x->s->pools_annual_cost);
	if (x->s->roles_fte > 0)
		printf("%-16s %-10s %14s %10.2f %14.0f\n", "with officers", "",
		       "", x->s->total_fte, x->s->total_annual_cost);
}

/* The hour-of-week table: on duty / rostered per optimised pool, and the
 * service level of each line with a goal. */
static void optimise_table_hours(const struct optimise_result *x)
{
	char label[SUMMARY_HOUR_LABEL_MAX];

	printf("\n%-10s", "hour");
	for (size_t p = 0; p < x->sc->n_pools; p++)
		if (x->plan->chosen[p])
			printf(" %22.22s", x->sc->pools[p].name);
	for (size_t l = 0; l < x->sc->n_lines; l++)
		if (x->s->lines[l].has_goal)
			printf(" %10.10s SL", x->sc->lines[l].name);
	printf("\n");
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		summary_hour_label(h, label);
		printf("%-10s", label);
		for (size_t p = 0; p < x->sc->n_pools; p++)
			if (x->plan->chosen[p])
				printf(" %7d on duty (%3d)", optimise_on_duty(x, p, h),
				       optimise_roster_at(x, p, h));
		for (size_t l = 0; l < x->sc->n_lines; l++)
			if (x->s->lines[l].has_goal) {
				double sl = summary_iline(x->s, h, l,
							  CC_I_SERVICE_LEVEL)->mean;

				if (isfinite(sl))
					printf(" %12.1f%%", 100 * sl);
				else
					printf(" %13s", "-");
			}
		printf("\n");
	}
}

/* A CSV field, quoted when RFC 4180 needs it. */
static void optimise_csv_field(const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

/* A number, or nothing (CSV) / null (JSON) when there is none. */
static void optimise_number(double x, const char *none)
{
	if (isfinite(x))
		printf("%.10g", x);
	else
		fputs(none, stdout);
}

/* One row: section,name,metric,mean,ci_low,ci_high. */
static void optimise_csv_row(const char *section, const char *name,
			     const char *metric, const struct ci *c)
{
	optimise_csv_field(section);
	putchar(',');
	optimise_csv_field(name);
	printf(",%s,", metric);
	optimise_number(c->mean, "");
	putchar(',');
	optimise_number(c->lo, "");
	putchar(',');
	optimise_number(c->hi, "");
	putchar('\n');
}

static void optimise_csv_exact(const char *section, const char *name,
			       const char *metric, double x)
{
	struct ci c = { .mean = x, .lo = x, .hi = x, .n = 1 };

	optimise_csv_row(section, name, metric, &c);
}

static void optimise_csv_hour(const struct optimise_result *x, size_t h)
{
	char label[SUMMARY_HOUR_LABEL_MAX];
	char name[SCENARIO_NAME_MAX + SUMMARY_HOUR_LABEL_MAX + 1];

	summary_hour_label(h, label);
	for (size_t p = 0; p < x->sc->n_pools; p++)
		if (x->plan->chosen[p]) {
			snprintf(name, sizeof name, "%s@%s", x->sc->pools[p].name,
				 label);
			optimise_csv_exact("interval", name, "on_duty",
					   optimise_on_duty(x, p, h));
			optimise_csv_exact("interval", name, "rostered",
					   optimise_roster_at(x, p, h));
		}
	for (size_t l = 0; l < x->sc->n_lines; l++) {
		snprintf(name, sizeof name, "%s@%s", x->sc->lines[l].name, label);
		optimise_csv_row("interval", name, "service_level",
				 summary_iline(x->s, h, l, CC_I_SERVICE_LEVEL));
	}
}

/* Tidy CSV, as `callsim run --format csv`. */
static void optimise_csv(const struct optimise_result *x)
{
	const struct summary *s = x->s;

	puts("section,name,metric,mean,ci_low,ci_high");
	optimise_csv_exact("optimise", x->sc->name, "simulations", (double)x->sims);
	optimise_csv_exact("optimise", x->sc->name, "replications",
			   s->replications);
	for (size_t l = 0; l < s->n_lines; l++) {
		const char *name = x->sc->lines[l].name;

		optimise_csv_exact("line", name, "goal", x->sc->lines[l].goal);
		optimise_csv_row("line", name, "service_level",
				 &s->lines[l].m[CC_SERVICE_LEVEL]);
		optimise_csv_exact("line", name, "met", !s->lines[l].has_goal
				   || s->lines[l].verdict == CI_MET);
	}
	for (size_t p = 0; p < s->n_pools; p++) {
		const char *name = x->sc->pools[p].name;

		optimise_csv_exact("cost", name, "rostered_hours",
				   optimise_pool_hours(&x->sc->pools[p]));
		optimise_csv_exact("cost", name, "fte", s->pools[p].fte);
		optimise_csv_exact("cost", name, "annual_cost",
				   s->pools[p].annual_cost);
	}
	optimise_csv_exact("cost", "pools", "fte", s->pools_fte);
	optimise_csv_exact("cost", "pools", "annual_cost", s->pools_annual_cost);
	optimise_csv_exact("cost", "total", "fte", s->total_fte);
	optimise_csv_exact("cost", "total", "annual_cost", s->total_annual_cost);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		optimise_csv_hour(x, h);
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void optimise_json_string(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void optimise_json_ci(const struct ci *c)
{
	fputs("{\"mean\": ", stdout);
	optimise_number(c->mean, "null");
	fputs(", \"ci_low\": ", stdout);
	optimise_number(c->lo, "null");
	fputs(", \"ci_high\": ", stdout);
	optimise_number(c->hi, "null");
	putchar('}');
}

static void optimise_json_lines(const struct optimise_result *x)
{
	const struct summary *s = x->s;

	fputs(",\n  \"lines\": [", stdout);
	for (size_t l = 0; l < s->n_lines; l++) {
		printf("%s\n    {\"name\": ", l ? "," : "");
		optimise_json_string(x->sc->lines[l].name);
		fputs(", \"target_s\": ", stdout);
		optimise_number(x->sc->lines[l].target_s, "null");
		fputs(", \"goal\": ", stdout);
		optimise_number(x->sc->lines[l].goal, "null");
		fputs(", \"service_level\": ", stdout);
		optimise_json_ci(&s->lines[l].m[CC_SERVICE_LEVEL]);
		fputs(", \"verdict\": ", stdout);
		if (s->lines[l].has_goal)
			optimise_json_string(ci_verdict_name(s->lines[l].verdict));
		else
			fputs("null", stdout);
		putchar('}');
	}
	fputs("\n  ]", stdout);
}

static void optimise_json_pools(const struct optimise_result *x)
{
	const struct summary *s = x->s;

	fputs(",\n  \"pools\": [", stdout);
	for (size_t p = 0; p < s->n_pools; p++) {
		printf("%s\n    {\"name\": ", p ? "," : "");
		optimise_json_string(x->sc->pools[p].name);
		printf(", \"optimised\": %s, \"rostered_hours\": %.10g, "
		       "\"fte\": %.10g, \"annual_cost\": %.10g}",
		       x->plan->chosen[p] ? "true" : "false",
		       optimise_pool_hours(&x->sc->pools[p]), s->pools[p].fte,
		       s->pools[p].annual_cost);
	}
	printf("\n  ],\n  \"costs\": {\"pools_fte\": %.10g, "
	       "\"pools_annual_cost\": %.10g, \"fte\": %.10g, "
	       "\"annual_cost\": %.10g}", s->pools_fte, s->pools_annual_cost,
	       s->total_fte, s->total_annual_cost);
}

/* One hour of the week, on one line of the output. */
static void optimise_json_hour(const struct optimise_result *x, size_t h)
{
	char label[SUMMARY_HOUR_LABEL_MAX];
	bool first = true;

	summary_hour_label(h, label);
	printf("%s\n    {\"hour\": %zu, \"label\": \"%s\", \"pools\": [",
	       h ? "," : "", h, label);
	for (size_t p = 0; p < x->sc->n_pools; p++)
		if (x->plan->chosen[p]) {
			printf("%s{\"name\": ", first ? "" : ", ");
			optimise_json_string(x->sc->pools[p].name);
			printf(", \"on_duty\": %d, \"rostered\": %d}",
			       optimise_on_duty(x, p, h), optimise_roster_at(x, p, h));
			first = false;
		}
	fputs("], \"lines\": [", stdout);
	for (size_t l = 0; l < x->sc->n_lines; l++) {
		printf("%s{\"name\": ", l ? ", " : "");
		optimise_json_string(x->sc->lines[l].name);
		fputs(", \"service_level\": ", stdout);
		optimise_json_ci(summary_iline(x->s, h, l, CC_I_SERVICE_LEVEL));
		putchar('}');
	}
	fputs("]}", stdout);
}

/* The overrides the last simulation loaded, as a JSON list: given to
 * `callsim run --set` in this order they reproduce it. */
static void optimise_json_set(const struct cli_strings *l)
{
	putchar('[');
	for (size_t i = 0; i < l->n; i++) {
		printf("%s\n    ", i ? "," : "");
		optimise_json_string(l->items[i]);
	}
	fputs("\n  ]", stdout);
}

/* One JSON object, stable keys; "set" holds every override of the last
 * simulation (--set, the rosters, the run settings) for `callsim run`. */
static void optimise_json(const struct optimise_result *x, bool met)
{
	fputs("{\n  \"scenario\": ", stdout);
	optimise_json_string(x->sc->name);
	printf(",\n  \"simulations\": %lu,\n  \"replications\": %u,\n  "
	       "\"seed\": %llu,\n  \"met\": %s", x->sims, x->s->replications,
	       (unsigned long long)x->s->seed, met ? "true" : "false");
	optimise_json_lines(x);
	optimise_json_pools(x);
	fputs(",\n  \"intervals\": [", stdout);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		optimise_json_hour(x, h);
	fputs("\n  ],\n  \"set\": ", stdout);
	optimise_json_set(x->overrides);
	fputs("\n}\n", stdout);
}

/* Writes the result in the chosen format; returns the exit code. */
static int optimise_print(const struct optimise_opts *o,
			  const struct optimise_result *x, bool met)
{
	if (o->format == OPT_CSV_FMT) {
		optimise_csv(x);
	} else if (o->format == OPT_JSON_FMT) {
		optimise_json(x, met);
	} else {
		optimise_table_head(x);
		optimise_table_costs(x);
		optimise_table_hours(x);
		printf("\npools: handlers on duty after shrinkage (rostered)\n");
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("callsim optimise: writing the output failed\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
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

/* Plans, searches and prints; returns the exit code. */
static int optimise_main(const struct optimise_opts *o,
			 const struct scenario *base)
{
	bool *chosen = calloc(base->n_pools + 1, sizeof *chosen);
	struct optimise_plan *plan = NULL;
	struct optimise_round r = { 0 };
	struct sim_err err;
	unsigned long sims = 0;
	int rc = chosen ? optimise_chosen(o, base, chosen) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (rc == CLI_EXIT_OK
	    && (plan = optimise_plan_new(base, chosen, (int)o->max_staff, &err)) == NULL) {
		cli_print_err("optimise", &err);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK)
		rc = optimise_search(o, base, plan, &r, &sims);
	if (r.s != NULL && (rc == CLI_EXIT_OK || rc == CLI_EXIT_SLA)) {
		struct optimise_result x = {
			.plan = plan, .sc = r.sc, .s = r.s, .sims = sims,
			.overrides = &r.overrides,
		};
		int prc = optimise_print(o, &x, rc == CLI_EXIT_OK);
		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	optimise_round_clear(&r);
	optimise_plan_free(plan);
	free(chosen);
	return rc;
}

/* ------------------------------------------------------------------ */
/* --units: response units per area and shift (models/optimise.h)      */

/* The search for units: the plan, the figures of the round last read, and
 * the simulations run. */
struct units_search {
	const struct optimise_opts *o;
	const struct scenario *base;
	struct optimise_units *u;
	bool *met;                 /* [n_grades] force-wide verdict met */
	double *area_wt;           /* [n_areas][n_grades] within target */
	unsigned long sims;
};

/* The roles whose units change: --role names, else the default. Returns
 * CLI_EXIT_OK, or CLI_EXIT_USAGE for an unknown or neighbourhood role. */
static int units_roles(const struct optimise_opts *o,
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

/* Whether the scenario gives --units something to do; says why not. */
static int units_usable(const struct optimise_opts *o,
			const struct scenario *sc, const bool *roles)
{
	bool graded = false, chosen = false;

	if (sc->n_grades == 0)
		return cli_usage_error("optimise", "--units: %s has no incident "
				       "response (grades, areas, roles, units)",
				       o->path);
	for (size_t g = 0; g < sc->n_grades; g++)
		graded |= !isnan(sc->grades[g].target_s)
			  && !isnan(sc->grades[g].goal);
	for (size_t e = 0; e < sc->n_units; e++)
		chosen |= roles[sc->units[e].role]
			  && !sc->roles[sc->units[e].role].neighbourhood;
	if (!graded)
		return cli_usage_error("optimise", "--units: no grade of %s has an "
				       "attendance goal (attend: {within_s, goal})",
				       o->path);
	if (!chosen)
		return cli_usage_error("optimise", "--units: %s has no units of "
				       "the roles to optimise", o->path);
	return CLI_EXIT_OK;
}

/* The overrides of one round: --set, the staff of every shift of every
 * chosen entry, then the run settings. */
static int units_overrides(const struct units_search *x,
			   struct cli_strings *l)
{
	int bad = 0;

	for (size_t i = 0; i < x->o->sets.n; i++)
		bad |= cli_strings_add(l, x->o->sets.items[i], NULL);
	for (size_t e = 0; e < x->u->n_units; e++)
		for (size_t k = 0; x->u->chosen[e]
		     && k < x->base->units[e].n_shifts; k++) {
			char *set = optimise_units_override(x->base, x->u, e, k);

			if (set == NULL) {
				fputs("callsim optimise: out of memory\n", stderr);
				return -1;
			}
			bad |= cli_strings_add(l, set, NULL);
			free(set);
		}
	return bad | optimise_run_settings(x->o, l);
}

/* Reads a round's verdicts into x->met and area figures into x->area_wt;
 * returns whether every grade with a goal is met. */
static bool units_verdicts(struct units_search *x, const struct summary *s)
{
	bool all = true;

	for (size_t g = 0; g < s->n_grades; g++) {
		x->met[g] = !s->grades[g].has_goal
			    || s->grades[g].verdict == CI_MET;
		all = all && x->met[g];
		for (size_t a = 0; a < s->n_areas; a++)
			x->area_wt[a * s->n_grades + g] =
				summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET].mean;
	}
	return all;
}

/* One progress line: each graded grade's figure and verdict, and the
 * officers' FTE. */
static void units_progress(const struct units_search *x,
			   const struct summary *s)
{
	if (x->o->quiet)
		return;
	fprintf(stderr, "callsim optimise: simulation %lu:", x->sims);
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

/* Simulates the plan into r. */
static int units_simulate(struct units_search *x, struct optimise_round *r)
{
	int rc;

	optimise_round_clear(r);
	if (units_overrides(x, &r->overrides) != 0)
		return CLI_EXIT_FAILURE;
	rc = optimise_simulate(x->o, r);
	if (rc == CLI_EXIT_OK) {
		x->sims++;
		units_progress(x, r->s);
	}
	return rc;
}

/* Whether a grade that misses its goal has no chosen units attending it,
 * so that raising cannot help; says which. */
static bool units_unreachable(const struct units_search *x)
{
	const struct scenario *sc = x->base;

	for (size_t g = 0; g < sc->n_grades; g++) {
		bool attended = false;

		for (size_t e = 0; e < sc->n_units; e++)
			attended |= x->u->chosen[e]
				    && (sc->roles[sc->units[e].role].attends
					& (1u << g));
		if (x->met[g] || attended)
			continue;
		fprintf(stderr, "callsim optimise: grade %s misses its goal and no "
			"role being optimised attends it; give --role\n",
			sc->grades[g].name);
		return true;
	}
	return false;
}

/* Simulates and adds units until every graded agreement is met; returns
 * the exit code, r the last round. */
static int units_raise_all(struct units_search *x, struct optimise_round *r)
{
	for (;;) {
		int rc = units_simulate(x, r);

		if (rc != CLI_EXIT_OK || units_verdicts(x, r->s))
			return rc;
		if (units_unreachable(x))
			return CLI_EXIT_SLA;
		if (x->sims >= x->o->max_sims) {
			fprintf(stderr, "callsim optimise: no units found in %lu "
				"simulations; give more --max-simulations\n", x->sims);
			return CLI_EXIT_FAILURE;
		}
		if (optimise_units_raise(x->u, x->base, x->met, x->area_wt) == 0) {
			fprintf(stderr, "callsim optimise: no units with at most %lu "
				"on a shift (--max-units) meet every attendance "
				"agreement\n", x->o->max_units);
			return CLI_EXIT_SLA;
		}
	}
}

/* Says why trimming ended, when it is not because it was done. */
static void units_trim_end(const struct units_search *x, int rc, long a,
			   bool allocated)
{
	if (!allocated)
		fputs("callsim optimise: out of memory\n", stderr);
	else if (rc == CLI_EXIT_OK && a >= 0 && !x->o->quiet)
		fprintf(stderr, "callsim optimise: stopped taking units off after "
			"%lu simulations (--max-simulations); the result meets "
			"every agreement but may not be the least\n", x->sims);
}

/* Units the chosen entries of area a roster on their shifts, summed. */
static int units_in_area(const struct units_search *x, size_t a)
{
	int n = 0;

	for (size_t e = 0; e < x->base->n_units; e++)
		for (size_t i = x->u->first[e]; x->u->chosen[e]
		     && x->base->units[e].area == a && i < x->u->first[e + 1]; i++)
			n += x->u->staff[i];
	return n;
}

/* Takes up to step[a] units off the area optimise_units_lower picks (the
 * one with most to spare among those not done), one at a time so each goes
 * where it is least missed; returns the area, or -1 when none is left. */
static long units_take_off(struct units_search *x, const bool *done,
			   bool *only, const int *step)
{
	long a = optimise_units_lower(x->u, x->base, x->area_wt, done);

	if (a < 0)
		return -1;
	/* Every other area closed, so the further units come off this one. */
	for (size_t b = 0; b < x->base->n_areas; b++)
		only[b] = b != (size_t)a;
	for (int k = 1; k < step[a]
	     && optimise_units_lower(x->u, x->base, x->area_wt, only) >= 0; k++)
		;
	return a;
}

/* Takes units off while every agreement stays met: an area whose step
 * breaks one gets its units back and half the step; at a step of one it is
 * done. best holds the last round that met them all; returns the exit
 * code. */
static int units_trim(struct units_search *x, struct optimise_round *best,
		      struct optimise_round *trial)
{
	size_t n = x->u->first[x->u->n_units], n_areas = x->base->n_areas;
	bool *done = calloc(2 * n_areas + 1, sizeof *done);
	int *saved = malloc((n + n_areas + 1) * sizeof *saved), *step;
	int rc = done && saved ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	long a = 0;

	step = saved + n;
	/* A first step of an eighth of the area's units: a few simulations
	 * find the area's least where one unit at a time takes hundreds. */
	for (size_t b = 0; rc == CLI_EXIT_OK && b < n_areas; b++)
		step[b] = units_in_area(x, b) / 8 > 1 ? units_in_area(x, b) / 8 : 1;
	while (rc == CLI_EXIT_OK && x->sims < x->o->max_sims) {
		memcpy(saved, x->u->staff, n * sizeof *saved);
		if ((a = units_take_off(x, done, done + n_areas, step)) < 0)
			break;
		rc = units_simulate(x, trial);
		if (rc == CLI_EXIT_OK && units_verdicts(x, trial->s)) {
			struct optimise_round kept = *best;

			*best = *trial;
			*trial = kept;
		} else if (rc == CLI_EXIT_OK) {
			memcpy(x->u->staff, saved, n * sizeof *saved);
			done[a] = step[a] == 1;
			step[a] /= 2;
			units_verdicts(x, best->s);
		}
	}
	units_trim_end(x, rc, a, done && saved);
	free(done);
	free(saved);
	return rc;
}

/* What the units outputs show: the scenario as given and the round
 * printed (its scenario holds the units simulated). */
struct units_result {
	const struct scenario *base, *sc;
	const struct summary *s;
	const bool *chosen;
	unsigned long sims;
	const struct cli_strings *overrides;
	bool met;
};

/* Officers' and all staff's FTE and annual cost of a scenario's rosters. */
struct units_cost {
	double officers_fte, officers_cost, fte, cost;
};

static struct units_cost units_cost_of(const struct scenario *sc)
{
	struct units_cost c = { 0 };

	for (size_t e = 0; e < sc->n_units; e++) {
		c.officers_fte += scenario_unit_fte(sc, &sc->units[e]);
		c.officers_cost += scenario_unit_cost(sc, &sc->units[e]);
	}
	c.fte = c.officers_fte;
	c.cost = c.officers_cost;
	for (size_t p = 0; p < sc->n_pools; p++) {
		c.fte += scenario_pool_fte(&sc->pools[p]);
		c.cost += scenario_pool_cost(&sc->pools[p]);
	}
	return c;
}

static void units_table_grades(const struct units_result *x)
{
	const struct summary *s = x->s;

	printf("%s: response units for every attendance agreement\n",
	       x->sc->name);
	printf("%lu simulations of %u replications (seed %llu)\n\n", x->sims,
	       s->replications, (unsigned long long)s->seed);
	printf("%-16s %-16s %-28s %s\n", "grade", "goal", "within target",
	       "verdict");
	for (size_t g = 0; g < s->n_grades; g++) {
		const struct ci *c = &s->grades[g].m[RSP_WITHIN_TARGET];
		char goal[48] = "-", wt[64] = "-";

		if (s->grades[g].has_goal)
			snprintf(goal, sizeof goal, "%.4g%% in %.4g s",
				 100 * x->sc->grades[g].goal,
				 x->sc->grades[g].target_s);
		if (isfinite(c->mean))
			snprintf(wt, sizeof wt, "%.2f%% [%.2f, %.2f]", 100 * c->mean,
				 100 * c->lo, 100 * c->hi);
		printf("%-16s %-16s %-28s %s\n", x->sc->grades[g].name, goal, wt,
		       s->grades[g].has_goal
		       ? ci_verdict_name(s->grades[g].verdict) : "-");
	}
}

static void units_table_units(const struct units_result *x)
{
	printf("\n%-16s %-14s %-12s %7s %9s %9s\n", "area", "role", "shift",
	       "units", "scenario", "officers");
	for (size_t e = 0; e < x->sc->n_units; e++) {
		const struct unit_spec *us = &x->sc->units[e];

		for (size_t k = 0; x->chosen[e] && k < us->n_shifts; k++)
			printf("%-16s %-14s %-12s %7d %9d %9d\n",
			       x->sc->areas[us->area].name,
			       x->sc->roles[us->role].name, us->shifts[k].name,
			       us->shifts[k].staff,
			       x->base->units[e].shifts[k].staff,
			       us->shifts[k].staff * us->crew);
	}
}

/* Each area's within target for the grades with a goal. */
static void units_table_areas(const struct units_result *x)
{
	const struct summary *s = x->s;

	printf("\n%-16s", "area");
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal)
			printf(" %28.28s", x->sc->grades[g].name);
	printf("\n");
	for (size_t a = 0; a < s->n_areas; a++) {
		printf("%-16s", x->sc->areas[a].name);
		for (size_t g = 0; g < s->n_grades; g++) {
			const struct ci *c =
				&summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET];
			char wt[64] = "-";

			if (!s->grades[g].has_goal)
				continue;
			if (isfinite(c->mean))
				snprintf(wt, sizeof wt, "%.1f%% [%.1f, %.1f]",
					 100 * c->mean, 100 * c->lo, 100 * c->hi);
			printf(" %28s", wt);
		}
		printf("\n");
	}
}

static void units_table_costs(const struct units_result *x)
{
	struct units_cost was = units_cost_of(x->base), now = units_cost_of(x->sc);

	printf("\n%-24s %10s %14s\n", "cost", "FTE", "annual cost");
	printf("%-24s %10.1f %14.0f\n", "officers, scenario", was.officers_fte,
	       was.officers_cost);
	printf("%-24s %10.1f %14.0f\n", "officers, result", now.officers_fte,
	       now.officers_cost);
	printf("%-24s %+10.1f %+14.0f\n", "change", now.officers_fte
	       - was.officers_fte, now.officers_cost - was.officers_cost);
	printf("%-24s %10.1f %14.0f\n", "all staff, scenario", was.fte, was.cost);
	printf("%-24s %10.1f %14.0f\n", "all staff, result", now.fte, now.cost);
}

/* The name of a shift's rows in CSV: its --set key path. */
static void units_shift_key(char *buf, size_t size, size_t e,
			    const struct shift_spec *sh)
{
	snprintf(buf, size, "units.%zu.shifts.%s", e, sh->name);
}

static void units_csv_units(const struct units_result *x)
{
	char key[SHIFT_NAME_MAX + 48];

	for (size_t e = 0; e < x->sc->n_units; e++) {
		const struct unit_spec *us = &x->sc->units[e];

		for (size_t k = 0; k < us->n_shifts; k++) {
			units_shift_key(key, sizeof key, e, &us->shifts[k]);
			optimise_csv_exact("units", key, "units", us->shifts[k].staff);
			optimise_csv_exact("units", key, "scenario_units",
					   x->base->units[e].shifts[k].staff);
			optimise_csv_exact("units", key, "officers",
					   us->shifts[k].staff * us->crew);
			optimise_csv_exact("units", key, "optimised", x->chosen[e]);
		}
	}
}

static void units_csv_costs(const char *name, struct units_cost c)
{
	optimise_csv_exact("cost", name, "officers_fte", c.officers_fte);
	optimise_csv_exact("cost", name, "officers_annual_cost", c.officers_cost);
	optimise_csv_exact("cost", name, "fte", c.fte);
	optimise_csv_exact("cost", name, "annual_cost", c.cost);
}

/* Tidy CSV: section,name,metric,mean,ci_low,ci_high. */
static void units_csv(const struct units_result *x)
{
	const struct summary *s = x->s;
	char name[2 * RESPONSE_NAME_MAX + 2];

	puts("section,name,metric,mean,ci_low,ci_high");
	optimise_csv_exact("optimise", x->sc->name, "simulations", (double)x->sims);
	optimise_csv_exact("optimise", x->sc->name, "replications",
			   s->replications);
	for (size_t g = 0; g < s->n_grades; g++) {
		optimise_csv_exact("grade", x->sc->grades[g].name, "goal",
				   x->sc->grades[g].goal);
		optimise_csv_row("grade", x->sc->grades[g].name,
				 "attended_within_target",
				 &s->grades[g].m[RSP_WITHIN_TARGET]);
		optimise_csv_exact("grade", x->sc->grades[g].name, "met",
				   !s->grades[g].has_goal
				   || s->grades[g].verdict == CI_MET);
	}
	for (size_t a = 0; a < s->n_areas; a++)
		for (size_t g = 0; g < s->n_grades; g++) {
			snprintf(name, sizeof name, "%s/%s", x->sc->areas[a].name,
				 x->sc->grades[g].name);
			optimise_csv_row("area", name, "attended_within_target",
					 &summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET]);
		}
	units_csv_units(x);
	units_csv_costs("scenario", units_cost_of(x->base));
	units_csv_costs("result", units_cost_of(x->sc));
}

/* A grade's name, figure and verdict (null without a goal), as members
 * of an object the caller opens and closes. */
static void units_json_grade(const struct scenario *sc, size_t g,
			     const struct summary_grade *sg)
{
	fputs("\"name\": ", stdout);
	optimise_json_string(sc->grades[g].name);
	fputs(", \"attended_within_target\": ", stdout);
	optimise_json_ci(&sg->m[RSP_WITHIN_TARGET]);
	fputs(", \"verdict\": ", stdout);
	if (sg->has_goal)
		optimise_json_string(ci_verdict_name(sg->verdict));
	else
		fputs("null", stdout);
}

static void units_json_grades(const struct units_result *x)
{
	const struct summary *s = x->s;

	fputs(",\n  \"grades\": [", stdout);
	for (size_t g = 0; g < s->n_grades; g++) {
		printf("%s\n    {", g ? "," : "");
		units_json_grade(x->sc, g, &s->grades[g]);
		fputs(", \"target_s\": ", stdout);
		optimise_number(x->sc->grades[g].target_s, "null");
		fputs(", \"goal\": ", stdout);
		optimise_number(x->sc->grades[g].goal, "null");
		putchar('}');
	}
	fputs("\n  ],\n  \"areas\": [", stdout);
	for (size_t a = 0; a < s->n_areas; a++) {
		printf("%s\n    {\"name\": ", a ? "," : "");
		optimise_json_string(x->sc->areas[a].name);
		fputs(", \"grades\": [", stdout);
		for (size_t g = 0; g < s->n_grades; g++) {
			fputs(g ? ", {" : "{", stdout);
			units_json_grade(x->sc, g, summary_area_grade(s, a, g));
			putchar('}');
		}
		fputs("]}", stdout);
	}
	fputs("\n  ]", stdout);
}

static void units_json_units(const struct units_result *x)
{
	fputs(",\n  \"units\": [", stdout);
	for (size_t e = 0; e < x->sc->n_units; e++) {
		const struct unit_spec *us = &x->sc->units[e];

		printf("%s\n    {\"index\": %zu, \"area\": ", e ? "," : "", e);
		optimise_json_string(x->sc->areas[us->area].name);
		fputs(", \"role\": ", stdout);
		optimise_json_string(x->sc->roles[us->role].name);
		printf(", \"crew\": %d, \"optimised\": %s, \"shifts\": [", us->crew,
		       x->chosen[e] ? "true" : "false");
		for (size_t k = 0; k < us->n_shifts; k++) {
			printf("%s{\"name\": ", k ? ", " : "");
			optimise_json_string(us->shifts[k].name);
			printf(", \"units\": %d, \"scenario_units\": %d, "
			       "\"officers\": %d}", us->shifts[k].staff,
			       x->base->units[e].shifts[k].staff,
			       us->shifts[k].staff * us->crew);
		}
		fputs("]}", stdout);
	}
	fputs("\n  ]", stdout);
}

static void units_json_cost(const char *name, struct units_cost c, bool last)
{
	printf("\"%s\": {\"officers_fte\": %.10g, \"officers_annual_cost\": "
	       "%.10g, \"fte\": %.10g, \"annual_cost\": %.10g}%s", name,
	       c.officers_fte, c.officers_cost, c.fte, c.cost, last ? "" : ", ");
}

static void units_json(const struct units_result *x)
{
	fputs("{\n  \"scenario\": ", stdout);
	optimise_json_string(x->sc->name);
	printf(",\n  \"optimised\": \"units\",\n  \"simulations\": %lu,\n  "
	       "\"replications\": %u,\n  \"seed\": %llu,\n  \"met\": %s", x->sims,
	       x->s->replications, (unsigned long long)x->s->seed,
	       x->met ? "true" : "false");
	units_json_grades(x);
	units_json_units(x);
	fputs(",\n  \"costs\": {", stdout);
	units_json_cost("scenario", units_cost_of(x->base), false);
	units_json_cost("result", units_cost_of(x->sc), true);
	fputs("},\n  \"set\": ", stdout);
	optimise_json_set(x->overrides);
	fputs("\n}\n", stdout);
}

/* Writes the result in the chosen format; returns the exit code. */
static int units_print(const struct optimise_opts *o,
		       const struct units_result *x)
{
	if (o->format == OPT_CSV_FMT) {
		units_csv(x);
	} else if (o->format == OPT_JSON_FMT) {
		units_json(x);
	} else {
		units_table_grades(x);
		units_table_units(x);
		units_table_areas(x);
		units_table_costs(x);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("callsim optimise: writing the output failed\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

/* Raises, then trims; returns the exit code, best the round to print. */
static int units_search_run(struct units_search *x, struct optimise_round *best)
{
	struct optimise_round trial = { 0 };
	int rc = units_raise_all(x, best);

	if (rc == CLI_EXIT_OK)
		rc = units_trim(x, best, &trial);
	optimise_round_clear(&trial);
	return rc;
}

/* Plans, searches and prints the units; returns the exit code. */
static int optimise_units_main(const struct optimise_opts *o,
			       const struct scenario *base)
{
	bool *roles = calloc(base->n_roles + 1, sizeof *roles);
	struct units_search x = { .o = o, .base = base };
	struct optimise_round best = { 0 };
	struct sim_err err;
	int rc = roles ? units_roles(o, base, roles) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	x.met = calloc(base->n_grades + 1, sizeof *x.met);
	x.area_wt = calloc(base->n_areas * base->n_grades + 1, sizeof *x.area_wt);
	if (x.met == NULL || x.area_wt == NULL)
		rc = CLI_EXIT_FAILURE;
	if (rc == CLI_EXIT_OK)
		rc = units_usable(o, base, roles);
	if (rc == CLI_EXIT_OK
	    && (x.u = optimise_units_new(base, roles, (int)o->max_units, &err)) == NULL) {
		cli_print_err("optimise", &err);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK && !o->start_scenario)
		optimise_units_estimate(x.u, base);
	if (rc == CLI_EXIT_OK)
		rc = units_search_run(&x, &best);
	if (best.s != NULL && (rc == CLI_EXIT_OK || rc == CLI_EXIT_SLA)) {
		struct units_result res = {
			.base = base, .sc = best.sc, .s = best.s, .chosen = x.u->chosen,
			.sims = x.sims, .overrides = &best.overrides,
			.met = rc == CLI_EXIT_OK,
		};
		int prc = units_print(o, &res);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	optimise_round_clear(&best);
	optimise_units_free(x.u);
	free(x.met);
	free(x.area_wt);
	free(roles);
	return rc;
}

int cmd_optimise(int argc, char **argv)
{
	struct optimise_opts o = { 0 };
	struct scenario *base = NULL;
	struct cli_strings first = { 0 };
	int rc = optimise_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_optimise_usage, stdout);
	} else if (rc == CLI_EXIT_OK) {
		for (size_t i = 0; rc == CLI_EXIT_OK && i < o.sets.n; i++)
			rc = cli_strings_add(&first, o.sets.items[i], NULL);
		if (rc == CLI_EXIT_OK)
			rc = optimise_run_settings(&o, &first);
		rc = rc == 0 ? cli_load_scenario("optimise", o.path, &first, &base)
			     : CLI_EXIT_FAILURE;
		if (rc == CLI_EXIT_OK)
			rc = o.units ? optimise_units_main(&o, base)
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
