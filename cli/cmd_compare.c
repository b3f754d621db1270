/* cmd_compare.c: `callsim compare` (see cmd_compare.h and docs/cli.md).
 *
 * Side A is the first scenario with --set and --set-a overrides, side B the
 * second (or the first again) with --set and --set-b; the run options
 * (--replications, --seed, --days, --warmup-hours) are appended to both,
 * so the last word wins as in `callsim run`. Both sides must then agree on
 * the seed and the number of replications: replication i of B is paired
 * with replication i of A, and the pairing is what makes the interval of
 * the difference honest. All 2R replications run on one thread pool, each
 * writing its own slot, so stdout never depends on the thread count. */
#include "cli/cmd_compare.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_command.h"
#include "cli/cli_common.h"
#include "cli/cmd_report.h"
#include "results/compare.h"
#include "results/experiment.h"
#include "results/progress.h"
#include "results/report_compare.h"
#include "sim/replicate.h"

const char cmd_compare_usage[] =
	"usage: callsim compare A.yaml [B.yaml] [--set KEY=VALUE]...\n"
	"                       [--set-a KEY=VALUE]... [--set-b KEY=VALUE]...\n"
	"                       [--replications N] [--seed S] [--days D]\n"
	"                       [--warmup-hours H] [--threads T]\n"
	"                       [--format table|csv|json] [--require-slas]\n"
	"                       [--report FILE.html] [--verbose | --quiet]\n"
	"\n"
	"Runs A and B (B defaults to A: compare two variants of one scenario\n"
	"with --set-a and --set-b) with common random numbers and reports, for\n"
	"each line's service level, ASA and abandon rate, each grade's attended\n"
	"within target and p90 attendance, each deferrable stream's share\n"
	"within target, and the FTE and annual cost of each pool, role and in\n"
	"total: A, B, the difference B-A and the 95% confidence interval of the\n"
	"paired difference, with each side's verdicts.\n"
	"\n"
	"  --set KEY=VALUE    override a value on both sides (repeatable)\n"
	"  --set-a KEY=VALUE  override a value of A only, after --set\n"
	"  --set-b KEY=VALUE  override a value of B only, after --set\n"
	"  --replications N   replications of each side, >= 2 (run.replications)\n"
	"  --seed S           master random seed of both sides (run.seed)\n"
	"  --days D           counted days after the warm-up (run.days)\n"
	"  --warmup-hours H   hours simulated before counting (run.warmup_hours)\n"
	"  --threads T        threads to run replications on; 0 = every core\n"
	"                     (default); the output does not depend on it\n"
	"  --format F         table (default), csv or json\n"
	"  --require-slas     exit 3 when B misses a line's, grade's or\n"
	"                     deferrable stream's goal\n"
	"  --report FILE      also write the comparison's HTML report with\n"
	"                     charts to FILE, as `callsim report` makes it from\n"
	"                     the JSON\n"
	"  --verbose          print wall time and events a second on stderr\n"
	"  --quiet            no progress bar and no timings, not even on a\n"
	"                     terminal (errors and warnings are still printed)\n"
	"\n"
	"A and B must end up with the same run.seed and run.replications.\n"
	"\n"
	"exit status: 0 ok, 1 the run failed, 2 bad usage or invalid scenario,\n"
	"3 B missed an SLA and --require-slas was given\n";

enum cmp_format { CMP_TABLE, CMP_CSV, CMP_JSON };

struct cmp_opts {
	const char *paths[2];              /* paths[1] NULL: B is A's file */
	struct cli_strings sets[3];        /* --set, --set-a, --set-b */
	const char *run_values[CLI_RUN_SETTINGS];   /* NULL when not given */
	unsigned threads;
	int format;                        /* enum cmp_format */
	const char *report;                /* --report FILE, or NULL */
	struct cli_command command;        /* the words the JSON records */
	bool require_slas, verbose, quiet, help;
};

static const char *const cmp_formats[] = { "table", "csv", "json", NULL };

static const struct cli_opt cmp_opts_table[] = {
	CLI_RUN_OPTIONS(struct cmp_opts),
	CLI_OPT_SET("set", struct cmp_opts, sets[0]),
	CLI_OPT_SET("set-a", struct cmp_opts, sets[1]),
	CLI_OPT_SET("set-b", struct cmp_opts, sets[2]),
	CLI_OPT_THREADS(struct cmp_opts, threads),
	CLI_OPT_CHOICE("format", struct cmp_opts, format, cmp_formats),
	CLI_OPT_FLAG("require-slas", 0, struct cmp_opts, require_slas),
	CLI_OPT_TEXT("report", 0, struct cmp_opts, report),
	CLI_OPT_FLAG("verbose", 'v', struct cmp_opts, verbose),
	CLI_OPT_FLAG("quiet", 'q', struct cmp_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct cmp_opts, help),
	CLI_OPT_END
};

static const struct cli_spec cmp_spec = {
	"compare", cmp_opts_table, offsetof(struct cmp_opts, paths), 2, NULL
};

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int cmp_parse(int argc, char **argv, struct cmp_opts *o)
{
	int rc = cli_parse(&cmp_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->quiet && o->verbose)
		return cli_usage_error("compare", "give --verbose or --quiet, not "
				       "both");
	if (!o->help && o->paths[0] == NULL)
		return cli_usage_error("compare", "which scenarios? give A.yaml "
				       "and B.yaml, or one file and --set-b");
	if (cli_command_of(argc, argv, &o->command) != 0) {
		fputs("callsim compare: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	return cli_output_apart("compare", "--report", o->report,
				(const char *const[]){ "scenario A", o->paths[0],
						       "scenario B", o->paths[1],
						       NULL });
}

/* The overrides of side `side` (0 = A, 1 = B): --set, then the side's own,
 * then the run options, so the run options win. Returns 0 or -1 (out of
 * memory, message printed). */
static int cmp_side_overrides(const struct cmp_opts *o, int side,
			      struct cli_strings *out)
{
	const struct cli_strings *lists[2] = { &o->sets[0], &o->sets[1 + side] };

	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			if (cli_strings_add(out, lists[l]->items[i], NULL) != 0)
				return -1;
	return cli_run_settings_append(o->run_values, out);
}

/* Builds side `side` into *out: of doc, or, when doc is NULL, of its own
 * file loaded in one step. Returns the exit code. */
static int cmp_build(const struct cmp_opts *o, int side,
		     const struct scenario_doc *doc, struct scenario **out)
{
	struct cli_strings ov = { 0 };
	struct scenario_edit *edits = NULL;
	int rc = CLI_EXIT_FAILURE;

	if (cmp_side_overrides(o, side, &ov) != 0)
		rc = CLI_EXIT_FAILURE;
	else if (doc == NULL)
		rc = cli_load_scenario("compare", o->paths[side], &ov, out);
	else if ((edits = cli_edits("compare", &ov, "--set")) != NULL)
		rc = cli_build_scenario("compare", doc, edits, ov.n, out);
	free(edits);
	cli_strings_clear(&ov);
	return rc;
}

/* Builds both sides into sc[0] and sc[1], each file read once: one file
 * (with --set-b) is read once and both sides built from it; two files
 * are loaded one each. Returns the exit code. */
static int cmp_load(const struct cmp_opts *o, struct scenario *sc[2])
{
	struct scenario_doc *doc = NULL;
	int rc = CLI_EXIT_OK;

	if (o->paths[1] == NULL)
		rc = cli_read_scenario("compare", o->paths[0], &doc);
	for (int side = 0; side < 2 && rc == CLI_EXIT_OK; side++)
		rc = cmp_build(o, side, doc, &sc[side]);
	scenario_doc_free(doc);
	return rc;
}

/* The pairing needs one seed and one number of replications. */
static int cmp_check_pairing(struct scenario *const sc[2])
{
	const struct run_spec *a = &sc[0]->run, *b = &sc[1]->run;

	if (a->seed != b->seed)
		return cli_usage_error("compare", "A and B differ in run.seed "
				       "(%" PRIu64 " and %" PRIu64 "); give --seed "
				       "to run both with one seed", a->seed, b->seed);
	if (a->replications != b->replications)
		return cli_usage_error("compare", "A and B differ in "
				       "run.replications (%u and %u); give "
				       "--replications to run both alike",
				       a->replications, b->replications);
	/* A difference of costs in two currencies would be no number. */
	if (sc[0]->currency != sc[1]->currency)
		return cli_usage_error("compare", "A and B differ in currency "
				       "(%s and %s); give --set-b currency=%s to "
				       "compare their costs",
				       currency_name(sc[0]->currency),
				       currency_name(sc[1]->currency),
				       currency_name(sc[0]->currency));
	return CLI_EXIT_OK;
}

/* The comparison and the words of its command, for the JSON writer. */
struct cmp_result {
	const struct compare *c;
	const struct cli_command *command;
};

static enum sim_status cmp_json(FILE *f, const void *arg,
				struct sim_err *err)
{
	const struct cmp_result *x = arg;

	return report_compare_json_run(f, x->c, x->command->words,
				       x->command->n, err);
}

static enum sim_status cmp_write(const struct cmp_result *x, int f,
				 struct sim_err *err)
{
	switch (f) {
	case CMP_CSV:
		return report_compare_csv(stdout, x->c, err);
	case CMP_JSON:
		return cmp_json(stdout, x, err);
	case CMP_TABLE:
		break;
	}
	return report_compare_table(stdout, x->c, err);
}

/* Simulates both sides paired (experiment_compare), compares and writes;
 * returns the exit code. */
static int cmp_run(struct scenario *const sc[2], const struct cmp_opts *o)
{
	size_t n = sc[0]->run.replications;
	unsigned threads = o->threads ? o->threads : replicate_default_threads();
	struct sim_err err;
	double t0 = cli_clock_s();
	struct compare *c;
	int rc = CLI_EXIT_FAILURE;

	struct progress progress;
	struct experiment_spec spec = {
		.threads = threads, .on_replication = progress_on_replication,
		.arg = &progress,
	};

	sim_err_clear(&err);
	progress_init(&progress, cli_progress_stream(o->quiet), true,
		      "compare", NULL, 1, 0, (unsigned)n);
	c = experiment_compare(sc[0], sc[1], &spec, &err);
	progress_end(&progress);
	if (c != NULL && !o->quiet && (o->verbose || isatty(STDERR_FILENO)))
		fprintf(stderr, "callsim compare: 2 x %zu replications, %" PRIu64
			" + %" PRIu64 " events in %.2f s\n", n, c->a->events,
			c->b->events, cli_clock_s() - t0);
	if (c == NULL || cmp_write(&(struct cmp_result){ c, &o->command },
				   o->format, &err) != SIM_OK) {
		cli_print_err("compare", &err);
	} else if (o->report != NULL
		   && cmd_report_of("compare", cmp_json, &(struct cmp_result){
				    c, &o->command }, o->report) != CLI_EXIT_OK) {
		rc = CLI_EXIT_FAILURE;
	} else {
		if (o->require_slas)
			cli_note_unmeasured("compare", "B: ", c->b);
		rc = o->require_slas && compare_b_missed(c) ? CLI_EXIT_SLA
			: CLI_EXIT_OK;
	}
	compare_free(c);
	return rc;
}

int cmd_compare(int argc, char **argv)
{
	struct cmp_opts o = { .format = CMP_TABLE };
	struct scenario *sc[2] = { NULL, NULL };
	int rc = cmp_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_compare_usage, stdout);
	} else if (rc == CLI_EXIT_OK) {
		rc = cmp_load(&o, sc);
		for (int side = 0; side < 2 && rc == CLI_EXIT_OK; side++)
			rc = cli_outputs_unread("compare", (const char *const[]){
				"--report", o.report, NULL }, sc[side],
				side == 0 ? "scenario A" : "scenario B");
		if (rc == CLI_EXIT_OK)
			rc = cmp_check_pairing(sc);
		if (rc == CLI_EXIT_OK)
			rc = cmp_run(sc, &o);
	} else if (rc == CLI_EXIT_USAGE) {
		fputs("try 'callsim help compare'\n", stderr);
	}
	scenario_free(sc[0]);
	scenario_free(sc[1]);
	for (int l = 0; l < 3; l++)
		cli_strings_clear(&o.sets[l]);
	cli_command_clear(&o.command);
	return rc;
}
