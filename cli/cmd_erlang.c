/* cmd_erlang.c: `callsim erlang` (see cmd_erlang.h and docs/experiments.md).
 *
 * Erlang C (no --patience: callers wait for ever) or Erlang A (exponential
 * patience of the given mean), in steady state, for one hour's arrival
 * rate. The service level is, as everywhere in callsim, the fraction of ALL
 * callers answered within the target, abandoned ones counting against it.
 *
 * Rostered staff is ceil(agents / (1 - shrinkage)): the people to put on
 * the roster so that, after shrinkage takes its share, at least `agents`
 * are left, the planner's usual gross-up. (The optimiser instead matches
 * the simulator's roster, which rounds the on-duty count half up: see
 * cmd_optimise.c.) */
#include "cli/cmd_erlang.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "models/erlang.h"

const char cmd_erlang_usage[] =
	"usage: callsim erlang --calls-per-hour X --aht S --target T [--goal G]\n"
	"                      [--patience P] [--shrinkage F]\n"
	"                      [--agents N | --table FROM:TO]\n"
	"                      [--format table|csv|json]\n"
	"\n"
	"Erlang C (or, with --patience, Erlang A) for one interval in steady state:\n"
	"the least agents whose service level meets the goal, or the figures of\n"
	"the agent counts given.\n"
	"\n"
	"  --calls-per-hour X  arrivals an hour, > 0\n"
	"  --aht S             mean handle time (talk + wrap-up), seconds, > 0\n"
	"  --target T          answer within T seconds, >= 0\n"
	"  --goal G            service level goal, a fraction 0 < G < 1 (needed\n"
	"                      unless --agents or --table is given)\n"
	"  --patience P        mean patience, seconds, > 0: Erlang A (callers\n"
	"                      abandon after an exponential patience)\n"
	"  --shrinkage F       fraction of rostered staff not available, 0 <= F < 1\n"
	"                      (default 0); rostered = ceil(agents / (1 - F))\n"
	"  --agents N          the figures of N agents\n"
	"  --table FROM:TO     the figures of FROM .. TO agents, one row each\n"
	"  --format F          table (default), csv or json\n"
	"\n"
	"exit status: 0 ok, 1 no agent count up to the search limit meets the\n"
	"goal, 2 bad usage\n";

enum erlang_opt_id {
	OPT_CALLS, OPT_AHT, OPT_TARGET, OPT_GOAL, OPT_PATIENCE, OPT_SHRINKAGE,
	OPT_AGENTS, OPT_TABLE, OPT_FORMAT, OPT_HELP
};

static const struct cli_opt erlang_opts_table[] = {
	{ "calls-per-hour", 0, true, OPT_CALLS },
	{ "aht", 0, true, OPT_AHT },
	{ "target", 0, true, OPT_TARGET },
	{ "goal", 0, true, OPT_GOAL },
	{ "patience", 0, true, OPT_PATIENCE },
	{ "shrinkage", 0, true, OPT_SHRINKAGE },
	{ "agents", 0, true, OPT_AGENTS },
	{ "table", 0, true, OPT_TABLE },
	{ "format", 0, true, OPT_FORMAT },
	{ "help", 'h', false, OPT_HELP },
	{ NULL, 0, false, 0 }
};

/* The most agents looked at: beyond any contact centre, and bounded so a
 * typo does not keep the machine busy. */
#define ERLANG_AGENTS_MAX 100000
/* The most rows of --table. */
#define ERLANG_ROWS_MAX 10000

/* The numeric options OPT_CALLS .. OPT_SHRINKAGE: their lowest value
 * (excluded when lo_open), their highest (excluded), and what they are. */
struct erlang_range {
	double lo, hi;
	bool lo_open;
	const char *what;
};

static const struct erlang_range erlang_ranges[] = {
	[OPT_CALLS] = { 0, INFINITY, true, "a number of calls above 0" },
	[OPT_AHT] = { 0, INFINITY, true, "a number of seconds above 0" },
	[OPT_TARGET] = { 0, INFINITY, false, "a number of seconds >= 0" },
	[OPT_GOAL] = { 0, 1, true, "a fraction above 0 and below 1" },
	[OPT_PATIENCE] = { 0, INFINITY, true, "a number of seconds above 0" },
	[OPT_SHRINKAGE] = { 0, 1, false, "a fraction >= 0 and below 1" },
};

enum erlang_format { ERLANG_TABLE, ERLANG_CSV, ERLANG_JSON };

struct erlang_opts {
	double value[OPT_SHRINKAGE + 1];   /* indexed by the ids above; NAN
					      when not given */
	unsigned long from, to;            /* agents to show; from 0: find */
	bool has_agents;
	enum erlang_format format;
	bool help;
};

/* One agent count and its figures. */
struct erlang_row {
	int agents;
	struct erlang_result r;
	long rostered;
};

/* A numeric option, checked against its range. */
static int erlang_number(struct erlang_opts *o, int id, const char *text)
{
	const struct erlang_range *r = &erlang_ranges[id];
	char *end;
	double x;

	errno = 0;
	x = strtod(text, &end);
	if (end == text || *end != '\0' || errno == ERANGE || !isfinite(x)
	    || x < r->lo || (r->lo_open && x == r->lo) || x >= r->hi)
		return cli_usage_error("erlang", "--%s must be %s, not '%s'",
				       erlang_opts_table[id].name, r->what, text);
	o->value[id] = x;
	return CLI_EXIT_OK;
}

/* --agents N or --table FROM:TO. */
static int erlang_agents(struct erlang_opts *o, int id, const char *text)
{
	const char *colon = strchr(text, ':');
	char from[32];

	if (o->from != 0)
		return cli_usage_error("erlang", "give one of --agents and --table, "
				       "once");
	if (id == OPT_AGENTS
	    && (cli_parse_unsigned(text, ERLANG_AGENTS_MAX, &o->from) != 0
		|| o->from == 0))
		return cli_usage_error("erlang", "--agents must be a whole number "
				       "1..%d, not '%s'", ERLANG_AGENTS_MAX, text);
	if (id == OPT_AGENTS) {
		o->to = o->from;
		return CLI_EXIT_OK;
	}
	if (colon == NULL || (size_t)(colon - text) >= sizeof from
	    || (snprintf(from, sizeof from, "%.*s", (int)(colon - text), text),
		cli_parse_unsigned(from, ERLANG_AGENTS_MAX, &o->from) != 0)
	    || cli_parse_unsigned(colon + 1, ERLANG_AGENTS_MAX, &o->to) != 0
	    || o->from == 0 || o->from > o->to || o->to - o->from >= ERLANG_ROWS_MAX) {
		o->from = 0;
		return cli_usage_error("erlang", "--table must be FROM:TO, whole "
				       "numbers 1 <= FROM <= TO <= %d, at most %d "
				       "rows, not '%s'", ERLANG_AGENTS_MAX,
				       ERLANG_ROWS_MAX, text);
	}
	return CLI_EXIT_OK;
}

static int erlang_option(struct erlang_opts *o, int id, const char *value)
{
	if (id <= OPT_SHRINKAGE)
		return erlang_number(o, id, value);
	if (id == OPT_AGENTS || id == OPT_TABLE)
		return erlang_agents(o, id, value);
	if (id == OPT_HELP) {
		o->help = true;
		return CLI_EXIT_OK;
	}
	if (strcmp(value, "table") == 0)
		o->format = ERLANG_TABLE;
	else if (strcmp(value, "csv") == 0)
		o->format = ERLANG_CSV;
	else if (strcmp(value, "json") == 0)
		o->format = ERLANG_JSON;
	else
		return cli_usage_error("erlang", "--format must be table, csv or "
				       "json, not '%s'", value);
	return CLI_EXIT_OK;
}

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int erlang_parse(int argc, char **argv, struct erlang_opts *o)
{
	struct cli_parser p = { .argc = argc, .argv = argv, .i = 1 };
	static const int needed[] = { OPT_CALLS, OPT_AHT, OPT_TARGET };
	const char *value;
	int id, rc;

	while ((id = cli_next(&p, erlang_opts_table, &value)) != CLI_DONE) {
		if (id == CLI_BAD)
			return CLI_EXIT_USAGE;
		if (id == CLI_OPERAND)
			return cli_usage_error("erlang", "unexpected argument '%s'",
					       value);
		rc = erlang_option(o, id, value);
		if (rc != CLI_EXIT_OK)
			return rc;
	}
	if (o->help)
		return CLI_EXIT_OK;
	for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
		if (isnan(o->value[needed[i]]))
			return cli_usage_error("erlang", "--%s is needed",
					       erlang_opts_table[needed[i]].name);
	if (o->from == 0 && isnan(o->value[OPT_GOAL]))
		return cli_usage_error("erlang", "--goal is needed to find the "
				       "agents (or give --agents or --table)");
	return CLI_EXIT_OK;
}

/* The queue of the options: rates per second. */
static struct erlang_queue erlang_queue_of(const struct erlang_opts *o)
{
	double patience = o->value[OPT_PATIENCE];

	return (struct erlang_queue){
		.lambda = o->value[OPT_CALLS] / 3600,
		.mu = 1 / o->value[OPT_AHT],
		.c = 1,
		.theta = isnan(patience) ? 0 : 1 / patience,
	};
}

/* The figures of c agents. The margin keeps an exact quotient such as
 * 7 / (1 - 0.3) = 10.000000000000002 from rounding up to 11. */
static void erlang_row_of(const struct erlang_opts *o, int c,
			  struct erlang_row *row)
{
	struct erlang_queue q = erlang_queue_of(o);
	double shrinkage = isnan(o->value[OPT_SHRINKAGE]) ? 0
			   : o->value[OPT_SHRINKAGE];
	int rc;

	q.c = c;
	row->agents = c;
	rc = erlang_solve(&q, o->value[OPT_TARGET], &row->r);
	assert(rc == 0);   /* the options were checked: the queue is valid */
	(void)rc;
	/* Erlang C with the load at the agents never settles; the rates'
	 * rounding (200/3600 * 180) must not turn that into a huge wait. */
	if (q.theta == 0 && q.lambda / q.mu >= c * (1 - 1e-9))
		row->r = (struct erlang_result){ NAN, NAN, NAN, NAN, NAN, NAN, NAN };
	row->rostered = (long)ceil(c / (1 - shrinkage) - 1e-9);
}

/* Whether a row meets the goal: 1, 0, or -1 when no goal was given. */
static int erlang_meets(const struct erlang_opts *o, const struct erlang_row *row)
{
	double goal = o->value[OPT_GOAL];

	if (isnan(goal))
		return -1;
	return row->r.service_level >= goal;
}

/* A figure for the table: scaled and printed, or "-" when undefined (an
 * Erlang C queue with as many Erlangs as agents never settles). */
static const char *erlang_cell(char *buf, size_t size, const char *fmt,
			       double x)
{
	if (isfinite(x))
		snprintf(buf, size, fmt, x);
	else
		snprintf(buf, size, "-");
	return buf;
}

static void erlang_table_heading(const struct erlang_opts *o, long required)
{
	double a = o->value[OPT_CALLS] / 3600 * o->value[OPT_AHT];

	if (isnan(o->value[OPT_PATIENCE]))
		printf("Erlang C (callers wait until answered)\n");
	else
		printf("Erlang A (mean patience %.10g s)\n", o->value[OPT_PATIENCE]);
	printf("%.10g calls an hour, handle time %.10g s: %.4g Erlangs offered\n",
	       o->value[OPT_CALLS], o->value[OPT_AHT], a);
	printf("answer within %.10g s", o->value[OPT_TARGET]);
	if (!isnan(o->value[OPT_GOAL]))
		printf(", goal %.10g%%", 100 * o->value[OPT_GOAL]);
	printf("\n");
	if (required > 0)
		printf("required: %ld agents\n", required);
	printf("\n%7s  %13s  %9s  %9s  %8s  %10s  %8s  %s\n", "agents",
	       "service level", "ASA (s)", "occupancy", "P(wait)", "P(abandon)",
	       "rostered", "goal");
}

static void erlang_table_row(const struct erlang_opts *o,
			     const struct erlang_row *row)
{
	static const char *const verdicts[] = { "-", "missed", "met" };
	char sl[32], asa[32], occ[32], pw[32], pa[32];

	printf("%7d  %13s  %9s  %9s  %8s  %10s  %8ld  %s\n", row->agents,
	       erlang_cell(sl, sizeof sl, "%.2f%%", 100 * row->r.service_level),
	       erlang_cell(asa, sizeof asa, "%.1f", row->r.asa_s),
	       erlang_cell(occ, sizeof occ, "%.2f%%", 100 * row->r.occupancy),
	       erlang_cell(pw, sizeof pw, "%.2f%%", 100 * row->r.p_wait),
	       erlang_cell(pa, sizeof pa, "%.2f%%", 100 * row->r.p_abandon),
	       row->rostered, verdicts[erlang_meets(o, row) + 1]);
}

/* A number in CSV (empty) or JSON (null) when undefined. */
static void erlang_number_out(double x, const char *none)
{
	if (isfinite(x))
		printf("%.10g", x);
	else
		fputs(none, stdout);
}

static void erlang_csv_row(const struct erlang_opts *o,
			   const struct erlang_row *row)
{
	const double x[] = { row->r.service_level, row->r.asa_s,
			     row->r.mean_wait_s, row->r.occupancy,
			     row->r.p_wait, row->r.p_abandon };
	int meets = erlang_meets(o, row);

	printf("%d", row->agents);
	for (size_t i = 0; i < sizeof x / sizeof x[0]; i++) {
		putchar(',');
		erlang_number_out(x[i], "");
	}
	printf(",%ld,%s\n", row->rostered,
	       meets < 0 ? "" : meets ? "true" : "false");
}

static void erlang_json_row(const struct erlang_opts *o,
			    const struct erlang_row *row, bool first)
{
	static const char *const keys[] = { "service_level", "asa_s",
		"mean_wait_s", "occupancy", "p_wait", "p_abandon" };
	const double x[] = { row->r.service_level, row->r.asa_s,
			     row->r.mean_wait_s, row->r.occupancy,
			     row->r.p_wait, row->r.p_abandon };
	int meets = erlang_meets(o, row);

	printf("%s\n    {\"agents\": %d", first ? "" : ",", row->agents);
	for (size_t i = 0; i < sizeof x / sizeof x[0]; i++) {
		printf(", \"%s\": ", keys[i]);
		erlang_number_out(x[i], "null");
	}
	printf(", \"rostered\": %ld, \"meets_goal\": %s}", row->rostered,
	       meets < 0 ? "null" : meets ? "true" : "false");
}

/* The inputs and the answer, the head of the JSON object. */
static void erlang_json_head(const struct erlang_opts *o, long required)
{
	static const char *const keys[] = { "calls_per_hour", "aht_s",
		"target_s", "goal", "patience_s", "shrinkage" };

	printf("{\n  \"model\": \"%s\"", isnan(o->value[OPT_PATIENCE])
	       ? "erlang_c" : "erlang_a");
	for (int k = OPT_CALLS; k <= OPT_SHRINKAGE; k++) {
		printf(",\n  \"%s\": ", keys[k]);
		erlang_number_out(k == OPT_SHRINKAGE && isnan(o->value[k]) ? 0
				  : o->value[k], "null");
	}
	printf(",\n  \"load_erlangs\": %.10g", o->value[OPT_CALLS] / 3600
	       * o->value[OPT_AHT]);
	printf(",\n  \"required_agents\": ");
	if (required > 0)
		printf("%ld", required);
	else
		fputs("null", stdout);
	printf(",\n  \"rows\": [");
}

/* Prints the rows from..to in the chosen format. */
static int erlang_print(const struct erlang_opts *o, unsigned long from,
			unsigned long to, long required)
{
	struct erlang_row row;

	if (o->format == ERLANG_TABLE)
		erlang_table_heading(o, required);
	else if (o->format == ERLANG_CSV)
		puts("agents,service_level,asa_s,mean_wait_s,occupancy,p_wait,"
		     "p_abandon,rostered,meets_goal");
	else
		erlang_json_head(o, required);
	for (unsigned long c = from; c <= to; c++) {
		erlang_row_of(o, (int)c, &row);
		if (o->format == ERLANG_TABLE)
			erlang_table_row(o, &row);
		else if (o->format == ERLANG_CSV)
			erlang_csv_row(o, &row);
		else
			erlang_json_row(o, &row, c == from);
	}
	if (o->format == ERLANG_JSON)
		puts("\n  ]\n}");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("callsim erlang: writing the output failed\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

/* The least agents meeting the goal, searched up to far past the load
 * (a + 20 sqrt(a) + 100 agents answer any sane goal at once). */
static int erlang_find(const struct erlang_opts *o)
{
	struct erlang_queue q = erlang_queue_of(o);
	double a = q.lambda / q.mu;
	double limit = fmin(ERLANG_AGENTS_MAX, ceil(a + 20 * sqrt(a) + 100));
	int c = erlang_required(q.lambda, q.mu, q.theta, o->value[OPT_TARGET],
				o->value[OPT_GOAL], (int)limit);

	if (c < 0) {
		fprintf(stderr, "callsim erlang: no agent count up to %.0f meets "
			"the goal\n", limit);
		return CLI_EXIT_FAILURE;
	}
	return erlang_print(o, (unsigned long)c, (unsigned long)c, c);
}

int cmd_erlang(int argc, char **argv)
{
	struct erlang_opts o = { .format = ERLANG_TABLE };
	int rc;

	for (int k = OPT_CALLS; k <= OPT_SHRINKAGE; k++)
		o.value[k] = NAN;
	rc = erlang_parse(argc, argv, &o);
	if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_erlang_usage, stdout);
	else if (rc == CLI_EXIT_OK && o.from == 0)
		rc = erlang_find(&o);
	else if (rc == CLI_EXIT_OK)
		rc = erlang_print(&o, o.from, o.to, -1);
	else if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help erlang'\n", stderr);
	return rc;
}
