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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "models/erlang.h"
#include "models/scenario.h"
#include "results/report_erlang.h"
#include "sim/mem.h"

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
	"  --goal G            service level goal, a fraction 0 < G <= 1 (needed\n"
	"                      unless --agents or --table is given)\n"
	"  --patience P        mean patience, seconds, > 0: Erlang A (callers\n"
	"                      abandon after an exponential patience)\n"
	"  --shrinkage F       fraction of rostered staff not available, 0 <= F < 1\n"
	"                      (default 0); rostered = ceil(agents / (1 - F))\n"
	"  --agents N          the figures of N agents\n"
	"  --table FROM:TO     the figures of FROM .. TO agents, one row each\n"
	"  --format F          table (default), csv or json\n"
	"\n"
	"Numbers are plain decimal (such as 200, 0.8 or 1e3).\n"
	"\n"
	"exit status: 0 ok, 1 a write failed, 2 bad usage, 3 no agent count up\n"
	"to the search limit meets the goal\n";

/* The command's own options; the table below is in this order, so an id
 * is also its row. */
enum erlang_opt_id {
	OPT_CALLS, OPT_AHT, OPT_TARGET, OPT_GOAL, OPT_PATIENCE, OPT_SHRINKAGE,
	OPT_AGENTS, OPT_TABLE
};

/* The most agents looked at: beyond any contact centre, and bounded so a
 * typo does not keep the machine busy. */
#define ERLANG_AGENTS_MAX 100000
/* The most rows of --table. */
#define ERLANG_ROWS_MAX 10000

/* The numeric options OPT_CALLS .. OPT_SHRINKAGE: their lowest value
 * (excluded when lo_open), their highest (excluded unless hi_closed), and
 * what they are. A goal of 1 is allowed, as in a scenario: every caller
 * answered within the target, which no finite staff guarantees when
 * waits are exponential, so the answer is exit 3. */
struct erlang_range {
	double lo, hi;
	bool lo_open, hi_closed;
	const char *what;
};

static const struct erlang_range erlang_ranges[] = {
	[OPT_CALLS] = { 0, INFINITY, true, false, "a number of calls above 0" },
	[OPT_AHT] = { 0, INFINITY, true, false, "a number of seconds above 0" },
	[OPT_TARGET] = { 0, INFINITY, false, false, "a number of seconds >= 0" },
	[OPT_GOAL] = { 0, 1, true, true, "a fraction above 0 and at most 1" },
	[OPT_PATIENCE] = { 0, INFINITY, true, false,
			   "a number of seconds above 0" },
	[OPT_SHRINKAGE] = { 0, 1, false, false, "a fraction >= 0 and below 1" },
};

enum erlang_format { ERLANG_TABLE, ERLANG_CSV, ERLANG_JSON };

struct erlang_opts {
	double value[OPT_SHRINKAGE + 1];   /* indexed by the ids above; NAN
					      when not given (shrinkage 0) */
	unsigned long from, to;            /* agents to show; from 0: find */
	bool has_agents;
	int format;                        /* enum erlang_format */
	bool help;
};

static const char *const erlang_formats[] = { "table", "csv", "json", NULL };

static const struct cli_opt erlang_opts_table[] = {
	CLI_OPT_OWN("calls-per-hour", 0, true, OPT_CALLS),
	CLI_OPT_OWN("aht", 0, true, OPT_AHT),
	CLI_OPT_OWN("target", 0, true, OPT_TARGET),
	CLI_OPT_OWN("goal", 0, true, OPT_GOAL),
	CLI_OPT_OWN("patience", 0, true, OPT_PATIENCE),
	CLI_OPT_OWN("shrinkage", 0, true, OPT_SHRINKAGE),
	CLI_OPT_OWN("agents", 0, true, OPT_AGENTS),
	CLI_OPT_OWN("table", 0, true, OPT_TABLE),
	CLI_OPT_CHOICE("format", struct erlang_opts, format, erlang_formats),
	CLI_OPT_FLAG("help", 'h', struct erlang_opts, help),
	CLI_OPT_END
};

/* A numeric option in plain decimal, checked against its range. */
static int erlang_number(struct erlang_opts *o, int id, const char *text)
{
	const struct erlang_range *r = &erlang_ranges[id];
	double x;

	if (!scenario_parse_decimal(text, &x) || !isfinite(x) || x < r->lo
	    || (r->lo_open && x == r->lo) || x > r->hi
	    || (!r->hi_closed && x == r->hi))
		return cli_usage_error("erlang", "--%s must be %s, in plain "
				       "decimal, not '%s'",
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
				       "1..%d in plain decimal, not '%s'",
				       ERLANG_AGENTS_MAX, text);
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
				       "numbers in plain decimal, 1 <= FROM <= TO "
				       "<= %d, at most %d "
				       "rows, not '%s'", ERLANG_AGENTS_MAX,
				       ERLANG_ROWS_MAX, text);
	}
	return CLI_EXIT_OK;
}

/* The command's own options: a number or the agents to show. */
static int erlang_option(void *arg, int id, const char *value)
{
	struct erlang_opts *o = arg;

	if (id <= OPT_SHRINKAGE)
		return erlang_number(o, id, value);
	return erlang_agents(o, id, value);
}

/* No operands: every input is an option. */
static const struct cli_spec erlang_spec = {
	"erlang", erlang_opts_table, 0, 0, erlang_option
};

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int erlang_parse(int argc, char **argv, struct erlang_opts *o)
{
	static const int needed[] = { OPT_CALLS, OPT_AHT, OPT_TARGET };
	int rc = cli_parse(&erlang_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK || o->help)
		return rc;
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
			  struct report_erlang_row *row)
{
	struct erlang_queue q = erlang_queue_of(o);
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
	row->rostered = (long)ceil(c / (1 - o->value[OPT_SHRINKAGE]) - 1e-9);
}

/* Writes x in the chosen format. */
static enum sim_status erlang_write(const struct erlang_opts *o,
				    const struct report_erlang *x,
				    struct sim_err *err)
{
	switch (o->format) {
	case ERLANG_CSV:
		return report_erlang_csv(stdout, x, err);
	case ERLANG_JSON:
		return report_erlang_json(stdout, x, err);
	case ERLANG_TABLE:
		break;
	}
	return report_erlang_table(stdout, x, err);
}

/* Computes and prints the rows from..to; returns the exit code. */
static int erlang_print(const struct erlang_opts *o, unsigned long from,
			unsigned long to, long required)
{
	struct report_erlang x = {
		.calls_per_hour = o->value[OPT_CALLS], .aht_s = o->value[OPT_AHT],
		.target_s = o->value[OPT_TARGET], .goal = o->value[OPT_GOAL],
		.patience_s = o->value[OPT_PATIENCE],
		.shrinkage = o->value[OPT_SHRINKAGE], .required = required,
		.n_rows = to - from + 1,
	};
	struct report_erlang_row *rows = mem_calloc(x.n_rows, sizeof *rows);
	struct sim_err err;
	int rc;

	sim_err_clear(&err);
	if (rows == NULL) {
		fputs("callsim erlang: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	for (size_t i = 0; i < x.n_rows; i++)
		erlang_row_of(o, (int)(from + i), &rows[i]);
	x.rows = rows;
	rc = erlang_write(o, &x, &err) == SIM_OK ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	if (rc != CLI_EXIT_OK)
		cli_print_err("erlang", &err);
	free(rows);
	return rc;
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
		return CLI_EXIT_SLA;
	}
	return erlang_print(o, (unsigned long)c, (unsigned long)c, c);
}

int cmd_erlang(int argc, char **argv)
{
	struct erlang_opts o = { .format = ERLANG_TABLE };
	int rc;

	/* Options not given are NAN, but for shrinkage, which is 0. */
	for (int k = OPT_CALLS; k < OPT_SHRINKAGE; k++)
		o.value[k] = NAN;
	o.value[OPT_SHRINKAGE] = 0;
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
