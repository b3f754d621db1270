/* cmd_sweep.c: `callsim sweep` (see cmd_sweep.h and docs/experiments.md).
 *
 * The scenario is read once; each point is a variant of it built in
 * memory (results/sweep_points.h: the --set edits, one edit per --vary
 * axis, then the run settings),
 * so a point's figures are byte for byte those of `callsim run` with the
 * same --set options, and every point uses the same seed.
 *
 * Before anything is written every point is built, on the threads, so a
 * bad value anywhere in the grid stops the sweep with nothing written; what
 * each point read (the scenario file and its CSVs) goes into the header's
 * identity, which --resume compares, so a sweep is judged by content, not
 * by how its paths were spelt.
 *
 * Points run in batches of a few points, each batch one experiment
 * (results/experiment.h) whose (point, replication) jobs are spread over
 * the threads together, so short runs with few
 * replications still keep every core busy; each batch's points are then
 * written in order, each with one write() and an fsync, so a sweep killed
 * at any instant leaves whole points and at most one partial point, which
 * --resume cuts off.
 *
 * Ctrl-C sets a flag (the one piece of process-wide state here: a signal
 * handler can reach nothing else) that is read between batches: the batch
 * in hand is finished and written, and the sweep stops with status 130.
 * A second Ctrl-C ends the process at once (SA_RESETHAND). */
#include "cli/cmd_sweep.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli_common.h"
#include "cli/cmd_report.h"
#include "results/experiment.h"
#include "results/summary.h"
#include "results/sweep.h"
#include "results/sweep_points.h"
#include "results/sweep_shard.h"
#include "results/progress.h"
#include "sim/replicate.h"
#include "sim/mem.h"

const char cmd_sweep_usage[] =
	"usage: callsim sweep SCENARIO --vary PATH=FROM:TO:STEP [--vary PATH=V1,V2,...]...\n"
	"                     [--replications N] [--seed S] [--days D]\n"
	"                     [--warmup-hours H] [--threads T] [--set KEY=VALUE]...\n"
	"                     [--format csv|jsonl] [--wide] [--out FILE] [--resume]\n"
	"                     [--shard K/N] [--quiet] [--report FILE.html]\n"
	"       callsim sweep --vary scenario=A.yaml,B.yaml,... [--vary ...]... [options]\n"
	"\n"
	"Runs SCENARIO at every combination of the --vary values (the first --vary\n"
	"varies slowest), every point with the same seed, and writes each point's\n"
	"figures, with the FTE and annual cost of its staffing, as it completes.\n"
	"\n"
	"  --vary PATH=FROM:TO:STEP  a range of numbers, both ends included\n"
	"  --vary PATH=V1,V2,...     a list of values (PATH as --set names it)\n"
	"  --vary scenario=A,B,...   a list of scenario files, instead of SCENARIO:\n"
	"                            every point of each file\n"
	"  --replications N          replications at every point (run.replications)\n"
	"  --seed S                  the seed of every point (run.seed)\n"
	"  --days D                  counted days at every point (run.days)\n"
	"  --warmup-hours H          hours simulated before counting\n"
	"                            (run.warmup_hours)\n"
	"  --threads T               threads; 0 = every core (default)\n"
	"  --set KEY=VALUE           override a scenario value at every point\n"
	"  --format F                csv (default; one row per figure) or jsonl\n"
	"                            (one JSON object per point)\n"
	"  --wide                    with csv: one row per point, one column per\n"
	"                            figure, verdicts included, for spreadsheets\n"
	"  --out FILE                write to FILE (refused if it exists, unless\n"
	"                            --resume) instead of stdout\n"
	"  --resume                  continue the sweep FILE holds: keep its finished\n"
	"                            points, run the rest (the same sweep: the same\n"
	"                            options and the same content of the scenario\n"
	"                            and the CSV files it reads)\n"
	"  --shard K/N               run only shard K of N: the points i with\n"
	"                            i mod N = K - 1 (join the N files with\n"
	"                            `callsim merge`)\n"
	"  --quiet                   no progress on stderr\n"
	"  --report FILE             also write the sweep's HTML report with\n"
	"                            charts to FILE once every point is done, as\n"
	"                            `callsim report` makes it from the JSON Lines\n"
	"                            (needs --format jsonl)\n"
	"\n"
	"Every point is loaded and checked before anything is written.\n"
	"\n"
	"exit status: 0 ok, 1 a run or a write failed, 2 bad usage or an invalid\n"
	"scenario at some point, 130 interrupted (the points written so far are\n"
	"kept)\n";

/* The exit status of an interrupted sweep: 128 + SIGINT, as shells use. */
#define SWEEP_EXIT_INTERRUPTED 130
/* Jobs per thread a batch aims at, so the last jobs of a batch leave few
 * threads idle. */
#define SWEEP_JOBS_PER_THREAD 4

/* Set by the SIGINT handler, read between batches. */
static volatile sig_atomic_t sweep_interrupted;

static void sweep_on_sigint(int sig)
{
	(void)sig;
	sweep_interrupted = 1;
}

struct sweep_opts {
	const char *path;
	struct sweep_grid grid;
	struct cli_strings sets;           /* --set, in order */
	const char *run_values[CLI_RUN_SETTINGS];  /* NULL when not given */
	unsigned threads;
	int format;                        /* enum sweep_format */
	const char *out;                   /* NULL: stdout */
	const char *report;                /* --report FILE, or NULL */
	struct sweep_shard shard;          /* --shard K/N; {0, 0}: all points */
	bool wide, resume, quiet, help;
};

/* In enum sweep_format order. */
static const char *const sweep_formats[] = { "csv", "jsonl", NULL };

enum sweep_opt_id { OPT_VARY, OPT_SHARD };

static const struct cli_opt sweep_opts_table[] = {
	CLI_RUN_OPTIONS(struct sweep_opts),
	CLI_OPT_OWN("vary", 0, true, OPT_VARY),
	CLI_OPT_OWN("shard", 0, true, OPT_SHARD),
	CLI_OPT_THREADS(struct sweep_opts, threads),
	CLI_OPT_SET("set", struct sweep_opts, sets),
	CLI_OPT_CHOICE("format", struct sweep_opts, format, sweep_formats),
	CLI_OPT_FLAG("wide", 0, struct sweep_opts, wide),
	CLI_OPT_TEXT("out", 'o', struct sweep_opts, out),
	CLI_OPT_FLAG("resume", 0, struct sweep_opts, resume),
	CLI_OPT_TEXT("report", 0, struct sweep_opts, report),
	CLI_OPT_FLAG("quiet", 'q', struct sweep_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct sweep_opts, help),
	CLI_OPT_END
};

/* --vary: one more axis of the grid; --shard K/N. */
static int sweep_option(void *arg, int id, const char *value)
{
	struct sweep_opts *o = arg;
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	st = id == OPT_SHARD ? sweep_shard_parse(value, &o->shard, &err)
			     : sweep_grid_add(&o->grid, value, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("sweep", &err);
	return err.status == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
}

static const struct cli_spec sweep_spec = {
	"sweep", sweep_opts_table, offsetof(struct sweep_opts, path), 1,
	sweep_option
};

/* The scenario is SCENARIO or the files of --vary scenario=..., one or
 * the other. */
static int sweep_parse_scenarios(const struct sweep_opts *o)
{
	bool files = sweep_grid_scenario_axis(&o->grid) < o->grid.n_axes;

	if (o->path == NULL && !files)
		return cli_usage_error("sweep", "no scenario given");
	if (o->path != NULL && files)
		return cli_usage_error("sweep", "both SCENARIO (%s) and --vary "
				       "scenario=... given; give the files in "
				       "one of them", o->path);
	return CLI_EXIT_OK;
}

/* --out and --report apart from every scenario file the sweep reads and
 * each other. */
static int sweep_outputs_apart(const struct sweep_opts *o)
{
	size_t k = sweep_grid_scenario_axis(&o->grid);
	const struct sweep_axis *files = k < o->grid.n_axes
		? &o->grid.axes[k] : NULL;
	size_t n = files ? files->n_values : 1;
	int rc = CLI_EXIT_OK;

	for (size_t i = 0; i < n && rc == CLI_EXIT_OK; i++) {
		const char *const in[] = {
			"a scenario file", files ? files->values[i] : o->path,
			NULL
		};

		/* Without --resume, --out is opened and written where it
		 * is: a pipe or /dev/null takes the points as they come. */
		rc = o->resume ? cli_output_apart("sweep", "--out", o->out, in)
			: cli_output_in_place("sweep", "--out", o->out, in);
		if (rc == CLI_EXIT_OK)
			rc = cli_output_apart("sweep", "--report", o->report,
					      in);
	}
	return rc == CLI_EXIT_OK ? cli_outputs_distinct("sweep",
		(const char *const[]){ "--out", o->out, "--report", o->report,
				       NULL }) : rc;
}

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int sweep_parse(int argc, char **argv, struct sweep_opts *o)
{
	int rc = cli_parse(&sweep_spec, argc, argv, o);

	if (rc != CLI_EXIT_OK || o->help)
		return rc;
	if (o->grid.n_axes == 0)
		return cli_usage_error("sweep", "nothing to vary; give at least "
				       "one --vary PATH=FROM:TO:STEP");
	rc = sweep_parse_scenarios(o);
	if (rc == CLI_EXIT_OK)
		rc = sweep_outputs_apart(o);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->resume && o->out == NULL)
		return cli_usage_error("sweep", "--resume needs --out FILE");
	if (o->wide && o->format != SWEEP_CSV)
		return cli_usage_error("sweep", "--wide is a form of CSV; give it "
				       "with --format csv");
	if (o->wide)
		o->format = SWEEP_CSV_WIDE;
	if (o->report != NULL && o->format != SWEEP_JSONL)
		return cli_usage_error("sweep", "--report needs --format jsonl");
	if (o->report != NULL && o->shard.n > 0)
		return cli_usage_error("sweep", "--report needs every point; "
				       "merge the shards (callsim merge) and "
				       "give the merged file to callsim report");
	return CLI_EXIT_OK;
}

/* The state of one sweep being run. */
struct sweep_run {
	const struct sweep_opts *o;
	struct sweep_points points;        /* how each point is built */
	struct scenario_doc *doc;          /* the scenario, read once */
	struct scenario_doc **docs;        /* [values of the scenario axis]:
					      its files, each read once; or
					      NULL */
	size_t n_docs;
	struct scenario_edit *sets;        /* --set, as edits */
	struct cli_strings settings;       /* the run settings */
	struct scenario_edit *run_edits;   /* settings, as edits */
	int fd;                            /* the output */
	FILE *tee;                         /* a copy of stdout for --report, or
					      NULL; into tee_buf */
	char *tee_buf;
	size_t tee_len;
	const char *out_name;              /* for messages */
	unsigned reps, threads;
	uint64_t *content;                 /* [n_points]: what each point read */
	size_t *rows;                      /* [n_points]: rows of each point */
	uint64_t *columns;                 /* [n_points]: wide CSV columns */
	size_t count;                      /* the points of this shard (all of
					      the whole sweep's) */
	size_t start;                      /* first of them not yet written,
					      counted in the shard */
	uint64_t hash;                     /* the stream hash of the bytes
					      written, for a shard's end
					      line (scenario_fnv1a_stream) */
	struct progress progress;
};

/* The exit code of a build that returned st, its problems printed. */
static int sweep_load_exit(enum sim_status st, const struct sim_err *err)
{
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("sweep", err);
	return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
}

/* Builds point `point`, printing its warnings when warn is set; returns
 * CLI_EXIT_OK or the exit code, printed. */
static int sweep_load(const struct sweep_run *r, size_t point, bool warn,
		      struct scenario **out)
{
	struct sim_err err, warnings;
	enum sim_status st;

	sim_err_clear(&err);
	sim_err_clear(&warnings);
	st = sweep_points_build(&r->points, point, warn ? &warnings : NULL, out,
				&err);
	if (st == SIM_OK)
		cli_print_err("sweep", &warnings);
	return sweep_load_exit(st, &err);
}

/* A wide CSV has one set of columns: every point's must be point 0's
 * (points of scenario files with other lines or pools cannot share it). */
static int sweep_check_columns(const struct sweep_run *r)
{
	const struct sweep_grid *g = &r->o->grid;
	size_t axis = sweep_grid_scenario_axis(g);

	if (r->o->format != SWEEP_CSV_WIDE)
		return CLI_EXIT_OK;
	for (size_t k = 1; k < g->n_points; k++)
		if (r->columns[k] != r->columns[0])
			return cli_usage_error("sweep", "--wide: point %zu%s%s%s "
				"has other columns than point 0 (the columns "
				"hold the scenario's name, lines, pools, grades "
				"and areas); one wide CSV "
				"holds one set of columns: give --format csv "
				"(a row per figure) or --format jsonl", k,
				axis < g->n_axes ? " (" : "",
				axis < g->n_axes ? sweep_grid_value(g, k, axis)
						 : "",
				axis < g->n_axes ? ")" : "");
	return CLI_EXIT_OK;
}

/* Builds and checks every point before anything is written, so a bad
 * value anywhere in the grid (0.5 agents, say), or an output that is a
 * CSV file some point reads, stops the sweep before point 0 is run, and
 * adds what each point read to the sweep's identity;
 * the first bad point (in point order) is the one reported. A shard
 * checks every point too: its identity is the whole sweep's, which the
 * merge of the shards compares. Keeps each point's content hash in
 * r->content (a point built again to run must have read the same bytes)
 * and its rows in r->rows (for --resume). */
static int sweep_check_points(struct sweep_run *r, struct sweep_id *id)
{
	size_t n = r->o->grid.n_points;
	const char *const outputs[] = { "--out", r->o->out, "--report",
					r->o->report, NULL };
	struct sweep_points_facts facts = { .reps = id->replications,
					    .format = r->o->format,
					    .outputs = outputs };
	struct sim_err err;
	enum sim_status st;

	facts.content = r->content = mem_calloc(n, sizeof *r->content);
	facts.rows = r->rows = mem_calloc(n, sizeof *r->rows);
	facts.columns = r->columns = mem_calloc(n, sizeof *r->columns);
	if (r->content == NULL || r->rows == NULL || r->columns == NULL) {
		fputs("callsim sweep: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	sim_err_clear(&err);
	st = sweep_points_check(&r->points, r->threads, &facts, &err);
	if (st != SIM_OK)
		return sweep_load_exit(st, &err);
	id->content_fnv1a = SCENARIO_FNV1A_INIT;
	for (size_t k = 0; k < n; k++)
		sweep_content_add(id, r->content[k]);
	return sweep_check_columns(r);
}

/* Writes all len bytes to fd and has them reach the disk (fsync fails on
 * pipes and terminals, where there is no disk to reach: that is fine). */
static int sweep_write_all(const struct sweep_run *r, const char *buf,
			   size_t len)
{
	if (r->tee != NULL)
		fwrite(buf, 1, len, r->tee);
	while (len > 0) {
		ssize_t n = write(r->fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "callsim sweep: writing %s failed (%s)\n",
				r->out_name, strerror(errno));
			return CLI_EXIT_FAILURE;
		}
		buf += n;
		len -= (size_t)n;
	}
	if (fsync(r->fd) != 0 && errno != EINVAL && errno != ENOTSUP
	    && errno != EROFS) {
		fprintf(stderr, "callsim sweep: saving %s failed (%s)\n",
			r->out_name, strerror(errno));
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

/* Writes the len bytes of buf that a memory stream built (complete when
 * ok, else out of memory) and frees buf. */
static int sweep_write_owned(const struct sweep_run *r, char *buf,
			     size_t len, bool ok)
{
	int rc;

	if (!ok) {
		free(buf);
		fputs("callsim sweep: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	rc = sweep_write_all(r, buf, len);
	free(buf);
	return rc;
}

/* The header of the sweep id, in memory (free it); NULL when out of
 * memory (message printed). */
static char *sweep_header(const struct sweep_id *id, size_t *len)
{
	struct sim_err err;
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, len);

	sim_err_clear(&err);
	if (mem != NULL) {
		enum sim_status st = sweep_header_write(mem, id, &err);

		if (fclose(mem) == 0 && st == SIM_OK)
			return buf;
	}
	fputs("callsim sweep: out of memory\n", stderr);
	free(buf);
	return NULL;
}

/* Starts the output afresh with the header: stdout, or --out FILE, which
 * must not hold anything yet unless --resume found nothing to keep in it:
 * a sweep that ran all night is not overwritten by a repeated command. */
static int sweep_open_new(struct sweep_run *r, const char *header, size_t len)
{
	const char *path = r->o->out;
	struct stat st;

	r->hash = scenario_fnv1a_stream(SCENARIO_FNV1A_INIT, header, len);
	if (path == NULL) {
		r->fd = STDOUT_FILENO;
		r->out_name = "stdout";
		return sweep_write_all(r, header, len);
	}
	r->out_name = path;
	if (!r->o->resume && stat(path, &st) == 0 && st.st_size > 0)
		return cli_usage_error("sweep", "%s exists; give --resume to "
				       "continue the sweep it holds, or remove it",
				       path);
	r->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (r->fd < 0) {
		fprintf(stderr, "callsim sweep: cannot write %s (%s)\n", path,
			strerror(errno));
		return CLI_EXIT_FAILURE;
	}
	return sweep_write_all(r, header, len);
}

/* Reads what --out FILE holds; returns CLI_EXIT_OK with *res filled (or
 * res->has_header false when there is no such file yet). */
static int sweep_scan(struct sweep_run *r, const char *header, size_t len,
		      struct sweep_resume *res)
{
	const char *path = r->o->out;
	struct sweep_scan scan = { .name = path, .header = header,
		.header_len = len, .format = r->o->format,
		.point_rows = r->rows, .n_points = r->o->grid.n_points,
		.shard = r->o->shard };
	FILE *f = fopen(path, "r");
	struct sim_err err;
	enum sim_status st;

	*res = (struct sweep_resume){ 0 };
	if (f == NULL && errno == ENOENT)
		return CLI_EXIT_OK;
	if (f == NULL) {
		fprintf(stderr, "callsim sweep: cannot read %s (%s)\n", path,
			strerror(errno));
		return CLI_EXIT_FAILURE;
	}
	sim_err_clear(&err);
	st = sweep_resume_scan(f, &scan, res, &err);
	fclose(f);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("sweep", &err);
	return st == SIM_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
}

/* --resume: keeps the header and the finished points of --out FILE, cuts
 * off a partial point, and appends from there. */
static int sweep_open_resume(struct sweep_run *r, const char *header,
			     size_t len)
{
	struct sweep_resume res;
	int rc = sweep_scan(r, header, len, &res);

	if (rc != CLI_EXIT_OK)
		return rc;
	if (!res.has_header)
		return sweep_open_new(r, header, len);
	r->out_name = r->o->out;
	if (truncate(r->o->out, res.keep_bytes) != 0
	    || (r->fd = open(r->o->out, O_WRONLY | O_APPEND)) < 0) {
		fprintf(stderr, "callsim sweep: cannot write %s (%s)\n",
			r->o->out, strerror(errno));
		return CLI_EXIT_FAILURE;
	}
	r->start = res.points_done;
	r->hash = res.hash;
	return CLI_EXIT_OK;
}

/* The points of one batch, each a trial of one experiment, so the
 * (point, replication) jobs of the batch are spread over the threads
 * together and each point's replications are folded in as they finish. */
struct sweep_batch {
	struct sweep_run *r;
	size_t first, n;                   /* the shard's points first ..
					      first + n - 1 */
	struct scenario **sc;              /* [n] */
	struct experiment_trial *trials;   /* [n] */
};

static void sweep_batch_free(struct sweep_batch *b)
{
	for (size_t k = 0; b->trials != NULL && k < b->n; k++)
		experiment_trial_clear(&b->trials[k]);
	for (size_t k = 0; b->sc != NULL && k < b->n; k++)
		scenario_free(b->sc[k]);
	free(b->trials);
	free(b->sc);
}

/* Loads the batch's points. */
static int sweep_batch_load(struct sweep_batch *b)
{
	const struct sweep_run *r = b->r;
	int rc = CLI_EXIT_OK;

	b->sc = mem_calloc(b->n, sizeof *b->sc);
	b->trials = mem_calloc(b->n, sizeof *b->trials);
	if (b->sc == NULL || b->trials == NULL) {
		fputs("callsim sweep: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	for (size_t k = 0; k < b->n && rc == CLI_EXIT_OK; k++) {
		size_t point = sweep_shard_point(&r->o->shard, b->first + k);

		rc = sweep_load(r, point, false, &b->sc[k]);
		if (rc == CLI_EXIT_OK
		    && b->sc[k]->content_fnv1a != r->content[point]) {
			fprintf(stderr, "callsim sweep: the scenario or a CSV it "
				"reads changed while the sweep ran (point %zu); "
				"the points written so far are kept\n", point);
			rc = CLI_EXIT_FAILURE;
		}
		b->trials[k].sc = b->sc[k];
	}
	return rc;
}

/* Summarises point k of the batch and writes it with one write(). */
static int sweep_batch_point(struct sweep_batch *b, size_t k)
{
	struct sweep_run *r = b->r;
	struct sim_err err;
	struct summary *s;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	enum sim_status st = SIM_ENOMEM;

	sim_err_clear(&err);
	s = summary_of_acc(b->trials[k].acc, &err);
	mem = s ? open_memstream(&buf, &len) : NULL;
	if (mem != NULL) {
		st = sweep_point_write(mem, &r->o->grid,
				       sweep_shard_point(&r->o->shard,
							 b->first + k),
				       s, r->o->format, &err);
		if (fclose(mem) != 0 && st == SIM_OK)
			st = SIM_ENOMEM;
	}
	summary_free(s);
	if (st == SIM_OK)
		r->hash = scenario_fnv1a_stream(r->hash, buf, len);
	return sweep_write_owned(r, buf, len, st == SIM_OK);
}

/* Runs the shard's points first .. first + n - 1 and writes them in
 * order. */
static int sweep_batch_run(struct sweep_run *r, size_t first, size_t n)
{
	struct sweep_batch b = { .r = r, .first = first, .n = n };
	struct experiment_spec spec = { .threads = r->threads,
		.on_replication = progress_on_replication, .arg = &r->progress };
	struct sim_err err;
	int rc = sweep_batch_load(&b);

	sim_err_clear(&err);
	if (rc == CLI_EXIT_OK
	    && experiment_run(b.trials, n, &spec, &err) != SIM_OK) {
		cli_print_err("sweep", &err);
		rc = CLI_EXIT_FAILURE;
	}
	for (size_t k = 0; rc == CLI_EXIT_OK && k < n; k++) {
		rc = sweep_batch_point(&b, k);
		if (rc == CLI_EXIT_OK) {
			r->start = first + k + 1;
			progress_step(&r->progress);
		}
	}
	sweep_batch_free(&b);
	return rc;
}

/* Runs every point not yet written, a batch at a time, until done or
 * interrupted. */
static int sweep_points(struct sweep_run *r)
{
	size_t n = r->count;
	size_t batch = (SWEEP_JOBS_PER_THREAD * r->threads + r->reps - 1) / r->reps;

	while (r->start < n) {
		size_t first = r->start;
		size_t b = batch < n - first ? batch : n - first;
		int rc;

		if (sweep_interrupted)
			return SWEEP_EXIT_INTERRUPTED;
		rc = sweep_batch_run(r, first, b);
		if (rc != CLI_EXIT_OK)
			return rc;
	}
	return CLI_EXIT_OK;
}

/* A shard's file ends with its end line once its last point is written
 * (results/sweep_shard.h), so a merge can tell it is finished. */
static int sweep_end(const struct sweep_run *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;

	if (r->o->shard.n == 0)
		return CLI_EXIT_OK;
	mem = open_memstream(&buf, &len);
	if (mem != NULL)
		sweep_shard_end_write(mem, &r->o->shard, r->o->grid.n_points,
				      r->hash, r->o->format != SWEEP_JSONL);
	return sweep_write_owned(r, buf, len,
				 mem != NULL && fclose(mem) == 0);
}

/* Runs the sweep into the opened output, with Ctrl-C caught and progress
 * on stderr. */
static int sweep_drive(struct sweep_run *r)
{
	struct sigaction on_int = { .sa_handler = sweep_on_sigint,
				    .sa_flags = SA_RESETHAND }, old;
	size_t total = r->count;
	char of_shard[48] = "";
	int rc;

	if (r->o->shard.n > 0)
		snprintf(of_shard, sizeof of_shard, " of shard %u/%u",
			 r->o->shard.k, r->o->shard.n);
	if (r->o->resume && !r->o->quiet)
		fprintf(stderr, "callsim sweep: %s holds %zu of %zu points%s%s\n",
			r->out_name, r->start, total, of_shard,
			r->start < total ? "; running the rest" : "");
	sigemptyset(&on_int.sa_mask);
	sigaction(SIGINT, &on_int, &old);
	progress_init(&r->progress, r->o->quiet ? NULL : stderr,
		      isatty(STDERR_FILENO), "sweep", "points", total, r->start,
		      r->reps);
	rc = sweep_points(r);
	if (rc == CLI_EXIT_OK)
		rc = sweep_end(r);
	progress_end(&r->progress);
	sigaction(SIGINT, &old, NULL);
	if (rc == SWEEP_EXIT_INTERRUPTED)
		fprintf(stderr, "callsim sweep: interrupted; %zu of %zu points are "
			"in %s%s\n", r->start, total, r->out_name,
			r->o->out ? "; run the same command with --resume to "
				    "finish" : "");
	return rc;
}

/* The identity of the sweep, from its point 0 (the checks of the other
 * points add what they read). */
static struct sweep_id sweep_id_of(const struct sweep_opts *o,
				   const struct scenario *base)
{
	return (struct sweep_id){
		.name = base->name, .seed = base->run.seed,
		.replications = base->run.replications,
		.days = base->run.days, .warmup_hours = base->run.warmup_s / 3600.0,
		.grid = &o->grid, .sets = (const char *const *)o->sets.items,
		.n_sets = o->sets.n, .format = o->format, .sc = base,
		.shard = o->shard,
	};
}

/* Reads the scenario once: SCENARIO, or each file of the scenario axis.
 * Returns the exit code (problems printed). */
static int sweep_read_docs(struct sweep_run *r)
{
	const struct sweep_grid *g = &r->o->grid;
	size_t axis = sweep_grid_scenario_axis(g);
	int rc = CLI_EXIT_OK;

	if (axis == g->n_axes)
		return cli_read_scenario("sweep", r->o->path, &r->doc);
	r->docs = mem_calloc(g->axes[axis].n_values, sizeof *r->docs);
	if (r->docs == NULL) {
		fputs("callsim sweep: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	r->n_docs = g->axes[axis].n_values;
	for (size_t v = 0; v < r->n_docs && rc == CLI_EXIT_OK; v++)
		rc = cli_read_scenario("sweep", g->axes[axis].values[v],
				       &r->docs[v]);
	return rc;
}

/* Sets up r for the sweep o: its threads, the scenario read once, and
 * how its points are built from it (--set, the axes, the run settings).
 * Returns the exit code (problems printed). */
static int sweep_run_init(struct sweep_run *r, const struct sweep_opts *o)
{
	int rc;

	*r = (struct sweep_run){ .o = o, .fd = -1,
		.count = sweep_shard_count(&o->shard, o->grid.n_points) };
	r->threads = o->threads ? o->threads : replicate_default_threads();
	if (cli_run_settings_append(o->run_values, &r->settings) != 0)
		return CLI_EXIT_FAILURE;
	rc = sweep_read_docs(r);
	if (rc != CLI_EXIT_OK)
		return rc;
	r->sets = cli_edits("sweep", &o->sets, "--set");
	r->run_edits = cli_edits("sweep", &r->settings, "--set");
	if (r->sets == NULL || r->run_edits == NULL)
		return CLI_EXIT_FAILURE;
	r->points = (struct sweep_points){
		.doc = r->doc, .docs = (const struct scenario_doc *const *)r->docs,
		.sets = r->sets, .n_sets = o->sets.n,
		.grid = &o->grid, .settings = r->run_edits,
		.n_settings = r->settings.n,
	};
	return CLI_EXIT_OK;
}

/* Frees what sweep_run_init set up. */
static void sweep_run_free(struct sweep_run *r)
{
	if (r->tee != NULL)
		fclose(r->tee);
	free(r->tee_buf);
	free(r->content);
	free(r->rows);
	free(r->columns);
	free(r->sets);
	free(r->run_edits);
	scenario_doc_free(r->doc);
	for (size_t v = 0; v < r->n_docs; v++)
		scenario_doc_free(r->docs[v]);
	free(r->docs);
	cli_strings_clear(&r->settings);
}

/* --report with the points on stdout: a copy of what is written, from
 * the header on. Returns the exit code. */
static int sweep_tee_open(struct sweep_run *r)
{
	if (r->o->report == NULL || r->o->out != NULL)
		return CLI_EXIT_OK;
	r->tee = open_memstream(&r->tee_buf, &r->tee_len);
	if (r->tee != NULL)
		return CLI_EXIT_OK;
	fputs("callsim sweep: out of memory\n", stderr);
	return CLI_EXIT_FAILURE;
}

/* --report once the sweep is done: the page of the file written (all of
 * it, with the points a --resume kept), or of the copy of stdout. Returns
 * the exit code. */
static int sweep_report(struct sweep_run *r)
{
	char *text = NULL;
	size_t len = 0;
	struct result *res = NULL;
	struct sim_err err;
	enum sim_status st;
	int rc = CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (r->tee != NULL) {
		fclose(r->tee);
		r->tee = NULL;
		text = r->tee_buf;
		len = r->tee_len;
		r->tee_buf = NULL;
		st = result_read_text("the sweep", text, len, &res, &err);
	} else {
		st = result_read_file(r->o->out, &res, &err);
	}
	if (st == SIM_OK)
		rc = cmd_report_write("sweep", res, r->o->report);
	else
		cli_print_err("sweep", &err);
	result_free(res);
	free(text);
	return rc;
}

/* Checks every point, opens the output and runs the sweep. */
static int sweep_main(const struct sweep_opts *o)
{
	struct sweep_run r;
	struct scenario *base = NULL;
	struct sweep_id id;
	char *header = NULL;
	size_t len = 0;
	int rc = sweep_run_init(&r, o);

	if (rc == CLI_EXIT_OK)
		rc = sweep_load(&r, 0, true, &base);
	if (rc == CLI_EXIT_OK) {
		id = sweep_id_of(o, base);
		rc = sweep_check_points(&r, &id);
	}
	if (rc == CLI_EXIT_OK && (header = sweep_header(&id, &len)) == NULL)
		rc = CLI_EXIT_FAILURE;
	if (rc == CLI_EXIT_OK)
		rc = sweep_tee_open(&r);
	if (rc == CLI_EXIT_OK) {
		r.reps = base->run.replications;
		rc = o->resume ? sweep_open_resume(&r, header, len)
			       : sweep_open_new(&r, header, len);
	}
	if (rc == CLI_EXIT_OK)
		rc = sweep_drive(&r);
	if (rc == CLI_EXIT_OK && o->report != NULL)
		rc = sweep_report(&r);
	if (r.fd > STDERR_FILENO && close(r.fd) != 0 && rc == CLI_EXIT_OK) {
		fprintf(stderr, "callsim sweep: closing %s failed (%s)\n",
			r.out_name, strerror(errno));
		rc = CLI_EXIT_FAILURE;
	}
	free(header);
	scenario_free(base);
	sweep_run_free(&r);
	return rc;
}

int cmd_sweep(int argc, char **argv)
{
	struct sweep_opts o = { .format = SWEEP_CSV,
				.grid = { .n_points = 1 } };
	int rc = sweep_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_sweep_usage, stdout);
	else if (rc == CLI_EXIT_OK)
		rc = sweep_main(&o);
	else if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help sweep'\n", stderr);
	sweep_grid_clear(&o.grid);
	cli_strings_clear(&o.sets);
	return rc;
}
