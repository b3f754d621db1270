/* cmd_optimise.c: `callsim optimise` (see cmd_optimise.h and
 * docs/experiments.md).
 *
 * The plan (models/optimise.h) starts from Erlang A or C in every hour of
 * the week; each round puts it on the roster as one-hour shifts — through
 * the same --set overrides a user could give `callsim run`, so the roster
 * printed at the end reproduces the last simulation exactly — simulates the
 * scenario, and raises the hours whose service level falls short, until
 * every line with a goal has the verdict "met". */
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
	"                        [--replications N] [--seed S] [--threads T]\n"
	"                        [--set KEY=VALUE]... [--max-simulations N]\n"
	"                        [--format table|csv|json] [--quiet]\n"
	"\n"
	"Finds the least handlers on duty in each hour of the week, for each pool,\n"
	"such that every line with a goal meets it (verdict met): Erlang A (or C\n"
	"without patience) per hour first, then simulation raises the hours that\n"
	"fall short. Prints the hourly requirement, service levels, rostered\n"
	"hours, FTE and annual cost, and the --set overrides that roster it.\n"
	"\n"
	"  --pool NAME          optimise this pool (repeatable; default every pool);\n"
	"                       other pools keep their roster\n"
	"  --max-staff N        most on duty in one hour of one pool (default 500)\n"
	"  --replications N     replications of each simulation (run.replications)\n"
	"  --seed S             master random seed (run.seed)\n"
	"  --threads T          threads; 0 = every core (default)\n"
	"  --set KEY=VALUE      override a scenario value (repeatable)\n"
	"  --max-simulations N  give up after N simulations (default 60)\n"
	"  --format F           table (default), csv or json\n"
	"  --quiet              no progress lines on stderr\n"
	"\n"
	"exit status: 0 found, 1 a run failed or the simulations ran out,\n"
	"2 bad usage or invalid scenario, 3 no staffing within --max-staff meets\n"
	"the agreements (the last plan tried is printed)\n";

enum optimise_opt_id {
	OPT_POOL, OPT_MAX_STAFF, OPT_REPLICATIONS, OPT_SEED, OPT_THREADS,
	OPT_SET, OPT_MAX_SIMS, OPT_FORMAT, OPT_QUIET, OPT_HELP
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
	{ NULL, 0, false, 0 }
};

#define OPTIMISE_STAFF_MAX 100000
#define OPTIMISE_SIMS_MAX 10000
#define OPTIMISE_THREADS_MAX 1024

enum optimise_format { OPT_TABLE_FMT, OPT_CSV_FMT, OPT_JSON_FMT };

struct optimise_opts {
	const char *path;
	struct cli_strings pools;          /* --pool names */
	struct cli_strings sets;           /* --set, then the run settings */
	const char *replications, *seed;
	unsigned long max_staff, max_sims;
	unsigned threads;
	enum optimise_format format;
	bool quiet, help;
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
	case OPT_REPLICATIONS: o->replications = value; return CLI_EXIT_OK;
	case OPT_SEED: o->seed = value; return CLI_EXIT_OK;
	case OPT_QUIET: o->quiet = true; return CLI_EXIT_OK;
	default: o->help = true; return CLI_EXIT_OK;
	}
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
	return CLI_EXIT_OK;
}

/* The overrides of one round: --set, each chosen pool's roster, then the
 * run settings (last, so they win as in `callsim run`). */
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
	if (o->replications != NULL)
		bad |= cli_strings_add(l, "run.replications", o->replications);
	if (o->seed != NULL)
		bad |= cli_strings_add(l, "run.seed", o->seed);
	return bad;
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

/* Rosters the plan, loads the scenario so and simulates it. */
static int optimise_simulate(const struct optimise_opts *o,
			     const struct scenario *base,
			     const struct optimise_plan *plan,
			     struct optimise_round *r)
{
	int rc;

	optimise_round_clear(r);
	if (optimise_overrides(o, base, plan, &r->overrides) != 0)
		return CLI_EXIT_FAILURE;
	rc = cli_load_scenario("optimise", o->path, &r->overrides, &r->sc);
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
		rc = optimise_simulate(o, base, plan, r);
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
	const struct cli_strings *overrides;
	size_t roster_first, roster_n;     /* the rosters among them */
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

/* One JSON object, stable keys; "set" holds the rosters as overrides for
 * `callsim run --set`. */
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
	fputs("\n  ],\n  \"set\": [", stdout);
	for (size_t i = 0; i < x->roster_n; i++) {
		printf("%s\n    ", i ? "," : "");
		optimise_json_string(x->overrides->items[x->roster_first + i]);
	}
	fputs("\n  ]\n}\n", stdout);
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
			.overrides = &r.overrides, .roster_first = o->sets.n,
		};
		int prc;

		for (size_t p = 0; p < base->n_pools; p++)
			x.roster_n += chosen[p];
		prc = optimise_print(o, &x, rc == CLI_EXIT_OK);
		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	optimise_round_clear(&r);
	optimise_plan_free(plan);
	free(chosen);
	return rc;
}

int cmd_optimise(int argc, char **argv)
{
	struct optimise_opts o = { .max_staff = 500, .max_sims = 60 };
	struct scenario *base = NULL;
	struct cli_strings first = { 0 };
	int rc = optimise_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_optimise_usage, stdout);
	} else if (rc == CLI_EXIT_OK) {
		for (size_t i = 0; rc == CLI_EXIT_OK && i < o.sets.n; i++)
			rc = cli_strings_add(&first, o.sets.items[i], NULL);
		if (rc == CLI_EXIT_OK && o.replications)
			rc = cli_strings_add(&first, "run.replications", o.replications);
		if (rc == CLI_EXIT_OK && o.seed)
			rc = cli_strings_add(&first, "run.seed", o.seed);
		rc = rc == 0 ? cli_load_scenario("optimise", o.path, &first, &base)
			     : CLI_EXIT_FAILURE;
		if (rc == CLI_EXIT_OK)
			rc = optimise_main(&o, base);
	} else if (rc == CLI_EXIT_USAGE) {
		fputs("try 'callsim help optimise'\n", stderr);
	}
	scenario_free(base);
	cli_strings_clear(&first);
	cli_strings_clear(&o.pools);
	cli_strings_clear(&o.sets);
	return rc;
}
