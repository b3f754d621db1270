/* cmd_roster.c: `callsim roster` (see cmd_roster.h and
 * docs/experiments.md). The search is results/roster_search.c, its
 * references the optimiser's hour-by-hour search (results/search_hours.c)
 * and the scenario's own roster; this file holds the options, the
 * progress lines and the printing through results/report_roster.c. */
#include "cli/cmd_roster.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "cli/cli_search_doc.h"
#include "models/rota.h"
#include "models/week.h"
#include "results/experiment.h"
#include "results/report_roster.h"
#include "results/report_roster_units.h"
#include "results/roster_search.h"
#include "results/roster_units.h"
#include "results/search_hours.h"
#include "sim/mem.h"

const char cmd_roster_usage[] =
	"usage: callsim roster SCENARIO [--pool NAME]... [--lengths H,H,...]\n"
	"                      [--starts HH:MM,...|any] [--step 15m|1h]\n"
	"                      [--units [--role NAME]...] [--rota PATTERN]\n"
	"                      [--max-staff N] [--keep-shape] [--max-rounds N]\n"
	"                      [--time-limit S] [--replications N] [--seed S]\n"
	"                      [--days D] [--threads T] [--set KEY=VALUE]...\n"
	"                      [--format table|csv|json] [--quiet]\n"
	"\n"
	"Finds the least-cost shifts (start, length and headcount on each day of\n"
	"the week) whose handlers on duty meet every answering agreement: the\n"
	"Erlang A (or C) requirement per hour, a set-covering integer programme\n"
	"over the allowed shifts (GLPK), then simulation; where a line misses its\n"
	"goal the requirement is raised in the hours that fall short and the\n"
	"programme solved again; an uncertain verdict doubles the replications\n"
	"(up to 8 times the scenario's). Prints the shifts, the cover each hour,\n"
	"FTE and annual cost beside the LP bound, the hour-by-hour plan of\n"
	"`callsim optimise`, the scenario's own roster and its shifts re-sized,\n"
	"and the roster as a scenario fragment and as --set overrides for run.\n"
	"A pool or unit roster on a rota is searched as teams on its pattern\n"
	"(or --rota's), written back as its rota (teams, per_team, offsets).\n"
	"With --units, the same for the response: the least-cost unit rosters of\n"
	"each area whose units on duty meet every attendance agreement, force-wide\n"
	"and in every area (the M/M/c units needed each hour, then the same\n"
	"programme, simulation and raising; a missed area is raised in its\n"
	"busiest quarter of the week).\n"
	"\n"
	"  --pool NAME          roster this pool (repeatable; default every pool);\n"
	"                       other pools keep their roster\n"
	"  --lengths H,H,...    shift lengths in hours allowed (default: each\n"
	"                       pool's own)\n"
	"  --starts T,T,...     shift starts allowed, HH:MM, or any (every step of\n"
	"                       the day; default: each pool's own)\n"
	"  --step S             1h (default) or 15m: the requirement's interval\n"
	"                       and the grid starts and lengths lie on\n"
	"  --max-staff N        most on duty in one interval of one pool, or with\n"
	"                       --units of one unit entry (default 500)\n"
	"  --keep-shape         keep each pool's own shifts; choose headcounts only\n"
	"                       (on a rota: keep its teams, choose their size)\n"
	"  --rota PATTERN       roster people (or units) on a rotating pattern: a\n"
	"                       name (6on4off, 3x3x3, 4on4off, 2x2x2) or the\n"
	"                       pool's own shift names and R (rest) by commas,\n"
	"                       such as early,early,late,late,night,night,R,R,R,R,\n"
	"                       keeping the Working Time Regulations (11 h rest\n"
	"                       between shifts, at most 6 in a row); its teams\n"
	"                       are chosen, written back as a rota\n"
	"  --units              roster the response units instead of the pools\n"
	"  --role NAME          with --units, roster this role's units (repeatable;\n"
	"                       default every non-neighbourhood role attending the\n"
	"                       first grade)\n"
	"  --max-rounds N       give up after N simulations (default 40); trimming\n"
	"                       a roster met stops there too\n"
	"  --time-limit S       seconds each programme may take (default 60);\n"
	"                       then the best found, its gap to the LP bound\n"
	"  --replications N     replications of each simulation (run.replications)\n"
	"  --seed S             master random seed (run.seed)\n"
	"  --days D             counted days of each simulation (run.days)\n"
	"  --threads T          threads; 0 = every core (default)\n"
	"  --set KEY=VALUE      override a scenario value (repeatable)\n"
	"  --format F           table (default), csv or json (--units: table or\n"
	"                       json)\n"
	"  --quiet              no progress lines on stderr\n"
	"\n"
	"exit status: 0 found, 1 a run or the solver failed or the rounds ran out,\n"
	"2 bad usage or invalid scenario, 3 the allowed shifts within --max-staff\n"
	"cannot cover the requirement (the hours short are named)\n";

enum roster_format { ROSTER_TABLE_FMT, ROSTER_CSV_FMT, ROSTER_JSON_FMT };

#define ROSTER_VALUES_MAX 96      /* starts or lengths in a list */
#define ROSTER_STAFF_MAX 100000
#define ROSTER_ROUNDS_MAX 1000
#define ROSTER_TIME_LIMIT_S 60.0
#define ROSTER_TIME_LIMIT_MAX_S 86400.0

/* The options, as parsed. */
struct roster_opts {
	const char *path;
	const char *rota;                  /* --rota, or NULL */
	struct cli_strings pools;          /* --pool names */
	struct cli_strings roles;          /* --role names */
	struct cli_strings sets;           /* --set */
	const char *run_values[CLI_RUN_SETTINGS];  /* NULL when not given */
	double lengths_s[ROSTER_VALUES_MAX], starts_s[ROSTER_VALUES_MAX];
	size_t n_lengths, n_starts;
	bool any_start, keep_shape, units, quiet, help;
	unsigned long max_staff, max_rounds;   /* 0: not given */
	double time_limit_s;               /* 0: not given */
	unsigned threads;
	int format;                        /* enum roster_format */
	int step;                          /* 0: 1h, 1: 15m */
};

static const char *const roster_formats[] = { "table", "csv", "json", NULL };
static const char *const roster_steps[] = { "1h", "15m", NULL };

enum roster_opt_id { RO_MAX_STAFF, RO_MAX_ROUNDS, RO_LENGTHS, RO_STARTS,
		     RO_ROTA, RO_TIME_LIMIT };

#define ROSTER_OPT_RUN(name, setting) \
	CLI_OPT_RUN(name, setting, struct roster_opts, run_values)

static const struct cli_opt roster_opts_table[] = {
	CLI_OPT_LIST("pool", struct roster_opts, pools),
	CLI_OPT_OWN("lengths", 0, true, RO_LENGTHS),
	CLI_OPT_OWN("starts", 0, true, RO_STARTS),
	CLI_OPT_CHOICE("step", struct roster_opts, step, roster_steps),
	CLI_OPT_OWN("max-staff", 0, true, RO_MAX_STAFF),
	CLI_OPT_FLAG("keep-shape", 0, struct roster_opts, keep_shape),
	CLI_OPT_OWN("rota", 0, true, RO_ROTA),
	CLI_OPT_FLAG("units", 0, struct roster_opts, units),
	CLI_OPT_LIST("role", struct roster_opts, roles),
	CLI_OPT_OWN("max-rounds", 0, true, RO_MAX_ROUNDS),
	CLI_OPT_OWN("time-limit", 0, true, RO_TIME_LIMIT),
	ROSTER_OPT_RUN("replications", CLI_RUN_REPLICATIONS),
	ROSTER_OPT_RUN("seed", CLI_RUN_SEED),
	ROSTER_OPT_RUN("days", CLI_RUN_DAYS),
	CLI_OPT_THREADS(struct roster_opts, threads),
	CLI_OPT_SET("set", struct roster_opts, sets),
	CLI_OPT_CHOICE("format", struct roster_opts, format, roster_formats),
	CLI_OPT_FLAG("quiet", 'q', struct roster_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct roster_opts, help),
	CLI_OPT_END
};

/* One length in hours, 0 < h <= 24, plain decimal; -1 if not. */
static double roster_length(const char *text, size_t n)
{
	char buf[32], *end;
	double h;

	if (n == 0 || n >= sizeof buf || text[0] < '0' || text[0] > '9')
		return -1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	h = strtod(buf, &end);
	return *end == '\0' && h > 0 && h <= 24 ? h * HOUR_S : -1;
}

/* One start "HH:MM", 00:00..23:59; -1 if not. */
static double roster_start(const char *t, size_t n)
{
	int hh, mm;

	if (n != 5 || t[2] != ':' || t[0] < '0' || t[0] > '9' || t[1] < '0'
	    || t[1] > '9' || t[3] < '0' || t[3] > '5' || t[4] < '0' || t[4] > '9')
		return -1;
	hh = (t[0] - '0') * 10 + (t[1] - '0');
	mm = (t[3] - '0') * 10 + (t[4] - '0');
	return hh < 24 ? hh * HOUR_S + mm * 60.0 : -1;
}

/* A comma-separated list of lengths or starts into out[*n]. */
static int roster_list(const char *text, bool starts, double *out, size_t *n)
{
	const char *p = text;

	*n = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		double v = starts ? roster_start(p, len) : roster_length(p, len);

		if (v < 0 || *n == ROSTER_VALUES_MAX)
			return cli_usage_error("roster", starts
				? "--starts must be any or times HH:MM (00:00 to "
				  "23:59) separated by commas, at most %d, not '%s'"
				: "--lengths must be hours 0 < H <= 24 in plain "
				  "decimal separated by commas, at most %d, not "
				  "'%s'", ROSTER_VALUES_MAX, text);
		out[(*n)++] = v;
		if (p[len] == '\0')
			return CLI_EXIT_OK;
		p += len + 1;
	}
}

/* --time-limit: seconds in plain decimal, 0 < S <= a day (GLPK counts
 * milliseconds, so 0.001 is the least that means anything). */
static int roster_time_limit(const char *text, double *out)
{
	char *end;
	size_t digits = strspn(text, "0123456789.");

	*out = digits > 0 && text[digits] == '\0' && text[0] != '.'
	       ? strtod(text, &end) : -1;
	if (*out >= 0.001 && *out <= ROSTER_TIME_LIMIT_MAX_S)
		return CLI_EXIT_OK;
	return cli_usage_error("roster", "--time-limit must be seconds from "
			       "0.001 to %.0f in plain decimal, not '%s'",
			       ROSTER_TIME_LIMIT_MAX_S, text);
}

/* The options of the command's own. */
static int roster_own(void *arg, int id, const char *text)
{
	struct roster_opts *o = arg;
	unsigned long *out = id == RO_MAX_STAFF ? &o->max_staff : &o->max_rounds;
	unsigned long max = id == RO_MAX_STAFF ? ROSTER_STAFF_MAX
			    : ROSTER_ROUNDS_MAX;

	if (id == RO_LENGTHS)
		return roster_list(text, false, o->lengths_s, &o->n_lengths);
	if (id == RO_TIME_LIMIT)
		return roster_time_limit(text, &o->time_limit_s);
	if (id == RO_ROTA && (text[0] == '\0' || strlen(text) >= 256))
		return cli_usage_error("roster", "--rota must be a named pattern "
				       "(%s) or shift names and R by commas, "
				       "1..255 characters", rota_named_list);
	if (id == RO_ROTA) {
		o->rota = text;
		return CLI_EXIT_OK;
	}
	if (id == RO_STARTS && strcmp(text, "any") == 0) {
		o->any_start = true;
		o->n_starts = 0;
		return CLI_EXIT_OK;
	}
	if (id == RO_STARTS) {
		o->any_start = false;
		return roster_list(text, true, o->starts_s, &o->n_starts);
	}
	if (cli_parse_unsigned(text, max, out) != 0 || *out == 0)
		return cli_usage_error("roster", "--%s must be a whole number "
				       "1..%lu in plain decimal, not '%s'",
				       id == RO_MAX_STAFF ? "max-staff"
				       : "max-rounds", max, text);
	return CLI_EXIT_OK;
}

static const struct cli_spec roster_spec = {
	"roster", roster_opts_table, offsetof(struct roster_opts, path), 1,
	roster_own
};

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int roster_parse(int argc, char **argv, struct roster_opts *o)
{
	int rc = cli_parse(&roster_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (!o->help && o->path == NULL)
		return cli_usage_error("roster", "no scenario given");
	if (o->keep_shape && (o->n_lengths > 0 || o->n_starts > 0
			      || o->any_start))
		return cli_usage_error("roster", "--keep-shape keeps each pool's "
				       "own starts and lengths: drop --%s",
				       o->n_lengths > 0 ? "lengths" : "starts");
	if (o->rota && (o->keep_shape || o->n_lengths > 0 || o->n_starts > 0
			|| o->any_start))
		return cli_usage_error("roster", "--rota fixes the shifts: drop "
				       "--%s", o->keep_shape ? "keep-shape"
				       : o->n_lengths > 0 ? "lengths" : "starts");
	if (!o->units && o->roles.n > 0)
		return cli_usage_error("roster", "--role is for --units");
	if (o->units && o->pools.n > 0)
		return cli_usage_error("roster", "--units rosters response units, "
				       "not pools: give --role, not --pool");
	if (o->units && o->format == ROSTER_CSV_FMT)
		return cli_usage_error("roster", "--units writes --format table "
				       "or json");
	if (o->max_staff == 0)
		o->max_staff = 500;
	if (o->max_rounds == 0)
		o->max_rounds = ROSTER_SEARCH_ROUNDS;
	if (o->time_limit_s == 0)
		o->time_limit_s = ROSTER_TIME_LIMIT_S;
	return CLI_EXIT_OK;
}

/* One progress line: each goal line's service level and verdict, then
 * each deferrable stream's share within target; arg
 * points at the name of a reference's search, or is NULL. */
static void roster_progress(void *arg, unsigned long sims,
			    const struct summary *s)
{
	const char *const *name = arg;

	fprintf(stderr, "callsim roster: %s%ssimulation %lu (%u replications):",
		name ? *name : "", name ? ", " : "", sims, s->replications);
	cli_progress_agreements(stderr, s);
}

/* Whether every line and deferrable stream with a goal is met in s. */
static bool roster_all_met(const struct summary *s)
{
	for (size_t l = 0; s != NULL && l < s->n_lines; l++)
		if (s->lines[l].has_goal && s->lines[l].verdict != CI_MET)
			return false;
	for (size_t i = 0; s != NULL && i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal && s->deferrable[i].verdict != CI_MET)
			return false;
	return s != NULL;
}

/* What the command holds while it works. */
struct roster_run {
	const struct roster_opts *o;
	struct search_spec spec;
	const struct scenario *base;
	bool *chosen;
	struct roster_shape shape;
	struct roster_search main, kept;
	struct search_hours hours;
	struct summary *today;
	struct report_roster_ref refs[4];
	size_t n_refs;
	const char *label[2];              /* the references' progress names */
	unsigned long ref_sims;
};

/* The reference of the scenario's own roster: its FTE and cost over the
 * rostered pools, and its simulation. */
static void roster_ref_today(struct roster_run *r, struct sim_err *err)
{
	struct report_roster_ref *ref = &r->refs[r->n_refs++];

	*ref = (struct report_roster_ref){ "scenario", "the scenario's roster",
					   0, 0, NULL, false };
	for (size_t p = 0; p < r->base->n_pools; p++)
		if (r->chosen[p]) {
			ref->fte += scenario_pool_fte(&r->base->pools[p]);
			ref->annual_cost += scenario_pool_cost(&r->base->pools[p]);
		}
	r->today = experiment_summarise(r->base, &(struct experiment_spec){
			.threads = r->o->threads }, err);
	r->ref_sims += r->today != NULL;
	ref->s = r->today;
	ref->met = roster_all_met(r->today);
}

/* The reference of the optimiser's hour-by-hour plan. */
static void roster_ref_hours(struct roster_run *r, struct sim_err *err)
{
	struct report_roster_ref *ref = &r->refs[r->n_refs++];
	struct search_spec spec = r->spec;
	enum search_end end;

	*ref = (struct report_roster_ref){ "hour_by_hour",
		"hour by hour (callsim optimise)", NAN, NAN, NULL, false };
	/* A pool on a rota takes no hour-by-hour headcounts: its teams set
	 * who is on duty, so there is no such plan to weigh it against. */
	for (size_t p = 0; p < r->base->n_pools; p++)
		if (r->chosen[p] && r->base->pools[p].rota)
			return;
	spec.on_round = r->o->quiet ? NULL : roster_progress;
	r->label[0] = "hour-by-hour plan";
	spec.arg = &r->label[0];
	spec.max_sims = 60;
	end = search_hours_run(&spec, r->base, r->chosen, (int)r->o->max_staff,
			       &r->hours, err);
	r->ref_sims += r->hours.sims;
	if (end != SEARCH_MET || r->hours.round.s == NULL)
		return;
	ref->fte = ref->annual_cost = 0;
	for (size_t p = 0; p < r->base->n_pools; p++)
		if (r->chosen[p]) {
			ref->fte += r->hours.round.s->pools[p].fte;
			ref->annual_cost += r->hours.round.s->pools[p].annual_cost;
		}
	ref->s = r->hours.round.s;
	ref->met = true;
}

/* The reference of the scenario's own shifts re-sized (--keep-shape). */
static void roster_ref_kept(struct roster_run *r, struct sim_err *err)
{
	struct report_roster_ref *ref = &r->refs[r->n_refs++];
	struct roster_shape shape = r->shape;
	struct roster_search_spec rs = { r->chosen, (int)r->o->max_staff,
		&shape, (unsigned)r->o->max_rounds, 0 };
	struct search_spec spec = r->spec;
	enum search_end end;

	*ref = (struct report_roster_ref){ "keep_shape",
		"the scenario's shifts re-sized", NAN, NAN, NULL, false };
	for (size_t p = 0; p < r->base->n_pools; p++)
		if (r->chosen[p] && r->base->pools[p].rota)
			ref->label = "the scenario's roster re-sized";
	shape.keep_shape = true;
	shape.rota = NULL;
	shape.n_lengths = shape.n_starts = 0;
	shape.any_start = false;
	rs.max_replications = ROSTER_SEARCH_REPLICATIONS_FACTOR
			      * r->base->run.replications;
	r->label[1] = "--keep-shape";
	spec.arg = &r->label[1];
	end = roster_search_run(&spec, r->base, &rs, &r->kept, err);
	r->ref_sims += r->kept.sims;
	if (end != SEARCH_MET)
		return;
	report_roster_cost(r->base, &r->kept, false, &ref->fte,
			   &ref->annual_cost);
	ref->s = r->kept.round.s;
	ref->met = true;
}

/* Every reference; a reference that fails is shown without figures and
 * its problem as a warning. */
static void roster_refs(struct roster_run *r)
{
	struct report_roster_ref *lp = &r->refs[r->n_refs++];
	struct sim_err err;

	*lp = (struct report_roster_ref){ "lp_bound",
		"LP bound (these shifts, fractional)", 0, 0, NULL, false };
	report_roster_cost(r->base, &r->main, true, &lp->fte, &lp->annual_cost);
	sim_err_clear(&err);
	roster_ref_hours(r, &err);
	if (!r->o->keep_shape)
		roster_ref_kept(r, &err);
	roster_ref_today(r, &err);
	if (err.n_lines > 0)
		cli_print_err("roster: a reference", &err);
}

/* How a search's end becomes the exit code, its problem printed. */
static int roster_exit(enum search_end end, const struct sim_err *err)
{
	static const int rc[] = {
		[SEARCH_MET] = CLI_EXIT_OK, [SEARCH_UNMET] = CLI_EXIT_SLA,
		[SEARCH_INVALID] = CLI_EXIT_USAGE, [SEARCH_FAILED] = CLI_EXIT_FAILURE,
	};

	if (end != SEARCH_MET)
		cli_print_err("roster", err);
	return rc[end];
}

/* Writes the roster in the chosen format; returns the exit code. */
static int roster_print(struct roster_run *r, int argc, char **argv)
{
	static enum sim_status (*const writers[])(
		FILE *, const struct report_roster *, struct sim_err *) = {
		[ROSTER_TABLE_FMT] = report_roster_table,
		[ROSTER_CSV_FMT] = report_roster_csv,
		[ROSTER_JSON_FMT] = report_roster_json,
	};
	const struct search_round *round = &r->main.round;
	char **set = experiment_edits_text(round->edits, round->n_edits);
	struct report_roster res = {
		.base = r->base, .r = &r->main, .set = (const char *const *)set,
		.n_set = round->n_edits, .met = true, .refs = r->refs,
		.n_refs = r->n_refs, .command = (const char *const *)argv,
		.n_command = (size_t)argc,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	st = set == NULL ? sim_err_add(&err, SIM_ENOMEM, "out of memory")
			 : writers[r->o->format](stdout, &res, &err);
	experiment_edits_text_free(set, round->n_edits);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("roster", &err);
	return CLI_EXIT_FAILURE;
}

/* Searches, then the references, then prints; returns the exit code. */
static int roster_search(struct roster_run *r, int argc, char **argv)
{
	const struct roster_opts *o = r->o;
	struct roster_search_spec rs = { r->chosen, (int)o->max_staff,
		&r->shape, (unsigned)o->max_rounds,
		ROSTER_SEARCH_REPLICATIONS_FACTOR * r->base->run.replications };
	struct sim_err err;
	enum search_end end;
	int rc;

	sim_err_clear(&err);
	end = roster_search_run(&r->spec, r->base, &rs, &r->main, &err);
	rc = roster_exit(end, &err);
	if (end != SEARCH_MET)
		return rc;
	/* A warning about the result, not progress, so --quiet keeps it. */
	if (r->main.cut)
		fprintf(stderr, "callsim roster: stopped trimming after %lu "
			"simulations (--max-rounds); the roster meets every "
			"agreement but may not be the least\n", r->main.sims);
	if (!o->quiet)
		fprintf(stderr, "callsim roster: found in %lu solves and %lu "
			"simulations; now the references\n", r->main.solves,
			r->main.sims);
	roster_refs(r);
	if (!o->quiet)
		fprintf(stderr, "callsim roster: the references took %lu more "
			"simulations\n", r->ref_sims);
	return roster_print(r, argc, argv);
}

/* The roles whose units change: --role names, else the default. Returns
 * CLI_EXIT_OK, or CLI_EXIT_USAGE for an unknown or neighbourhood role. */
static int roster_roles(const struct roster_opts *o, const struct scenario *sc,
			bool *roles)
{
	if (o->roles.n == 0)
		optimise_units_roles(sc, roles);
	for (size_t i = 0; i < o->roles.n; i++) {
		size_t r = 0;

		while (r < sc->n_roles
		       && strcmp(sc->roles[r].name, o->roles.items[i]) != 0)
			r++;
		if (r == sc->n_roles || sc->roles[r].neighbourhood) {
			char names[CLI_SEARCH_DOC_NAMES_MAX];

			return cli_usage_error("roster", r == sc->n_roles
				? "--role %s: no such role in %s; roles are: %s"
				: "--role %s: a neighbourhood role attends only "
				  "when abstracted and is never rostered here"
				  "%.0s%.0s",
				o->roles.items[i], o->path,
				cli_search_doc_roles(sc, names, sizeof names));
		}
		roles[r] = true;
	}
	return CLI_EXIT_OK;
}

/* One progress line of --units: each graded grade's verdict force-wide
 * and the areas missing it. */
static void roster_units_progress(void *arg, unsigned long sims,
				  const struct summary *s)
{
	(void)arg;
	fprintf(stderr, "callsim roster: simulation %lu (%u replications):",
		sims, s->replications);
	for (size_t g = 0; g < s->n_grades; g++) {
		size_t missed = 0;

		if (!s->grades[g].has_goal)
			continue;
		for (size_t a = 0; a < s->n_areas; a++)
			missed += summary_area_grade(s, a, g)->verdict != CI_MET;
		fprintf(stderr, " %s %.2f%% %s, %zu of %zu areas not met;",
			s->sc->grades[g].name,
			100 * s->grades[g].m[RSP_WITHIN_TARGET].mean,
			ci_verdict_name(s->grades[g].verdict), missed, s->n_areas);
	}
	fputc('\n', stderr);
}

/* Prints the unit rosters found; returns the exit code. */
static int roster_units_print(struct roster_run *r, const struct roster_units *u,
			      const bool *roles, int argc, char **argv)
{
	const struct search_round *round = &u->round;
	char **set = experiment_edits_text(round->edits, round->n_edits);
	struct report_roster_units res = {
		.base = r->base, .r = u, .roles = roles,
		.set = (const char *const *)set, .n_set = round->n_edits,
		.today = r->today, .command = (const char *const *)argv,
		.n_command = (size_t)argc,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	st = set == NULL ? sim_err_add(&err, SIM_ENOMEM, "out of memory")
		: r->o->format == ROSTER_JSON_FMT
		? report_roster_units_json(stdout, &res, &err)
		: report_roster_units_table(stdout, &res, &err);
	experiment_edits_text_free(set, round->n_edits);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("roster", &err);
	return CLI_EXIT_FAILURE;
}

/* Unit rosters found: the warning of a cut trim, the scenario's own
 * rosters simulated as the reference, then the result printed; returns
 * the exit code. */
static int roster_units_found(struct roster_run *r, const struct roster_units *u,
			      const bool *roles, int argc, char **argv)
{
	struct sim_err err;

	sim_err_clear(&err);
	if (u->cut)
		fprintf(stderr, "callsim roster: stopped trimming after %lu "
			"simulations (--max-rounds); the rosters meet every "
			"agreement but may not be the least\n", u->sims);
	if (!r->o->quiet)
		fprintf(stderr, "callsim roster: found in %lu solves and %lu "
			"simulations; now the scenario's own rosters\n",
			u->solves, u->sims);
	r->today = experiment_summarise(r->base, &(struct experiment_spec){
			.threads = r->o->threads }, &err);
	if (r->today == NULL)
		cli_print_err("roster: a reference", &err);
	return roster_units_print(r, u, roles, argc, argv);
}

/* --units: searches the unit rosters, simulates the scenario's own as
 * the reference, prints; returns the exit code. */
static int roster_units_cmd(struct roster_run *r, int argc, char **argv)
{
	const struct roster_opts *o = r->o;
	bool *roles = mem_calloc(r->base->n_roles + 1, sizeof *roles);
	struct roster_units_spec us = { roles, (int)o->max_staff, &r->shape,
		(unsigned)o->max_rounds,
		ROSTER_SEARCH_REPLICATIONS_FACTOR * r->base->run.replications };
	struct roster_units out = { 0 };
	struct sim_err err;
	enum search_end end;
	int rc = roles ? roster_roles(o, r->base, roles) : CLI_EXIT_FAILURE;


	sim_err_clear(&err);
	r->spec.on_round = o->quiet ? NULL : roster_units_progress;
	end = rc == CLI_EXIT_OK
		? roster_units_run(&r->spec, r->base, &us, &out, &err)
		: SEARCH_FAILED;
	if (rc == CLI_EXIT_OK)
		rc = roster_exit(end, &err);
	if (end == SEARCH_MET)
		rc = roster_units_found(r, &out, roles, argc, argv);
	roster_units_clear(&out);
	free(roles);
	return rc;
}

/* Frees what r holds. */
static void roster_run_clear(struct roster_run *r)
{
	roster_search_clear(&r->main);
	roster_search_clear(&r->kept);
	search_hours_clear(&r->hours);
	summary_free(r->today);
	free(r->chosen);
}

/* Reads the scenario once, builds it, searches; returns the exit code. */
static int roster_main(const struct roster_opts *o, int argc, char **argv)
{
	struct cli_search_doc d = { 0 };
	struct scenario *base = NULL;
	struct roster_run r = { .o = o };
	int rc = cli_search_doc_load("roster", o->path, &o->sets, o->run_values,
				     &d, &base);

	r.spec = (struct search_spec){ .path = o->path, .threads = o->threads,
		.max_sims = 1000, .on_round = o->quiet ? NULL : roster_progress };
	cli_search_doc_spec(&d, o->sets.n, &r.spec);
	r.shape = (struct roster_shape){ o->step ? 900 : 3600, o->lengths_s,
		o->n_lengths, o->starts_s, o->n_starts, o->any_start,
		o->keep_shape, o->time_limit_s, o->rota };
	r.base = base;
	if (rc == CLI_EXIT_OK) {
		r.chosen = mem_calloc(base->n_pools + 1, sizeof *r.chosen);
		rc = r.chosen ? cli_search_doc_pools("roster",
			&o->pools, o->path, base, r.chosen)
		: CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK)
		rc = o->units ? roster_units_cmd(&r, argc, argv)
			      : roster_search(&r, argc, argv);
	roster_run_clear(&r);
	scenario_free(base);
	cli_search_doc_clear(&d);
	return rc;
}

int cmd_roster(int argc, char **argv)
{
	struct roster_opts o = { 0 };
	int rc = roster_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_roster_usage, stdout);
	else if (rc == CLI_EXIT_OK)
		rc = roster_main(&o, argc, argv);
	else if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help roster'\n", stderr);
	cli_strings_clear(&o.pools);
	cli_strings_clear(&o.roles);
	cli_strings_clear(&o.sets);
	return rc;
}
