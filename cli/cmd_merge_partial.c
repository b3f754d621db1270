/* cmd_merge_partial.c: `callsim merge` of the parts of a long run (see
 * cmd_merge_partial.h and docs/experiments.md).
 *
 * The parts are the operands; the options are the output's, as `callsim
 * run` takes them. The JSON's "command" is the parts' command followed by
 * the merge's output options, so it reads as the run that was split and
 * the merged JSON is the same bytes as that run's. */
#include "cli/cmd_merge_partial.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "cli/cmd_merge.h"
#include "results/partial.h"
#include "results/report_run.h"
#include "sim/mem.h"

struct merge_opts {
	const char *out, *scenario;
	int format;                        /* enum report_run_format */
	bool wide, intervals, by_day, by_hour, require_slas, mixed_env, quiet,
	     help;
	const char **parts;                /* owned array, borrowed words */
	size_t n_parts;
	const char **words;                /* the output's options, for the
					      JSON's command */
	size_t n_words;
};

static const char *const merge_formats[] = { "table", "csv", "json", NULL };

static const struct cli_opt merge_opts_table[] = {
	CLI_OPT_TEXT("out", 'o', struct merge_opts, out),
	CLI_OPT_TEXT("scenario", 0, struct merge_opts, scenario),
	CLI_OPT_CHOICE("format", struct merge_opts, format, merge_formats),
	CLI_OPT_FLAG("wide", 0, struct merge_opts, wide),
	CLI_OPT_FLAG("intervals", 0, struct merge_opts, intervals),
	CLI_OPT_FLAG("by-day", 0, struct merge_opts, by_day),
	CLI_OPT_FLAG("by-hour", 0, struct merge_opts, by_hour),
	CLI_OPT_FLAG("require-slas", 0, struct merge_opts, require_slas),
	CLI_OPT_FLAG("mixed-environment", 0, struct merge_opts, mixed_env),
	CLI_OPT_FLAG("quiet", 'q', struct merge_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct merge_opts, help),
	CLI_OPT_END
};

static const struct cli_spec merge_spec = {
	"merge", merge_opts_table, 0, 0, NULL
};

/* The row of option word w ("--out", "--out=F", "-o"), or NULL. */
static const struct cli_opt *merge_row(const char *w)
{
	for (const struct cli_opt *r = merge_opts_table; r->name; r++) {
		size_t len = strlen(r->name);

		if ((w[0] == '-' && w[1] == r->short_name && w[1] && !w[2])
		    || (strncmp(w, "--", 2) == 0 && strncmp(w + 2, r->name, len)
			== 0 && (w[2 + len] == '\0' || w[2 + len] == '=')))
			return r;
	}
	return NULL;
}

/* Splits argv into the parts (o->parts) and the options (*opts, argv[0]
 * first, for cli_parse), and keeps the output's options, as typed, for
 * the JSON's command. Returns 0, or -1 when out of memory. */
static int merge_split(int argc, char **argv, struct merge_opts *o,
		       char **opts, int *n_opts)
{
	o->parts = mem_calloc((size_t)argc, sizeof *o->parts);
	o->words = mem_calloc((size_t)argc, sizeof *o->words);
	if (o->parts == NULL || o->words == NULL)
		return -1;
	*n_opts = 0;
	opts[(*n_opts)++] = argv[0];
	for (int i = 1; i < argc; i++) {
		const struct cli_opt *r = merge_row(argv[i]);
		bool out = r != NULL && (strcmp(r->name, "format") == 0
			|| strcmp(r->name, "wide") == 0
			|| strcmp(r->name, "intervals") == 0
			|| strcmp(r->name, "by-day") == 0
			|| strcmp(r->name, "by-hour") == 0
			|| strcmp(r->name, "require-slas") == 0);
		bool takes = r != NULL && r->has_value
			&& strchr(argv[i], '=') == NULL && i + 1 < argc;

		if (argv[i][0] != '-' || argv[i][1] == '\0') {
			o->parts[o->n_parts++] = argv[i];
			continue;
		}
		for (int k = 0; k <= (int)takes; k++) {
			opts[(*n_opts)++] = argv[i + k];
			if (out)
				o->words[o->n_words++] = argv[i + k];
		}
		i += takes;
	}
	return 0;
}

/* Parses argv into o; returns CLI_EXIT_OK or the exit code to stop with. */
static int merge_parse(int argc, char **argv, struct merge_opts *o)
{
	char **opts = mem_calloc((size_t)argc + 1, sizeof *opts);
	int n = 0, rc;

	if (opts == NULL || merge_split(argc, argv, o, opts, &n) != 0) {
		free(opts);
		fputs("callsim merge: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	rc = cli_parse(&merge_spec, n, opts, o);
	free(opts);
	if (rc != CLI_EXIT_OK || o->help)
		return rc;
	if (o->n_parts == 0)
		return cli_usage_error("merge", "name the parts to merge");
	if (o->wide && o->format != REPORT_RUN_CSV)
		return cli_usage_error("merge", "--wide is a form of CSV; give "
				       "it with --format csv");
	return CLI_EXIT_OK;
}

/* The run's output of s to f, as `callsim run` writes it with o's
 * options; command: the run's words. */
static enum sim_status merge_write(FILE *f, const struct summary *s,
				   const struct merge_opts *o,
				   const char *const *command, size_t n,
				   struct sim_err *err)
{
	const struct report_run_form form = {
		.format = o->format, .wide = o->wide,
		.intervals = o->intervals, .by_day = o->by_day,
		.by_hour = o->by_hour, .command = command, .n_command = n,
	};

	return report_run_write(f, s, &form, err);
}

/* The merged run's command: the parts' words, then the output's. Returns
 * a new array (free it), or NULL when out of memory. */
static const char **merge_command(const struct partial_merged *m,
				  const struct merge_opts *o, size_t *n)
{
	const char **w = mem_calloc(m->n_command + o->n_words + 1, sizeof *w);

	*n = 0;
	for (size_t i = 0; w != NULL && i < m->n_command; i++)
		w[(*n)++] = m->command[i];
	for (size_t i = 0; w != NULL && i < o->n_words; i++)
		w[(*n)++] = o->words[i];
	return w;
}

/* What merge_emit writes: the merged run, its command and the output's
 * options. */
struct merge_emit_job {
	const struct partial_merged *m;
	const struct merge_opts *o;
	const char *const *command;
	size_t n;
};

/* Writes the merged run of job (a struct merge_emit_job) to f. */
static enum sim_status merge_emit(FILE *f, const void *job,
				  struct sim_err *err)
{
	const struct merge_emit_job *j = job;

	return merge_write(f, j->m->s, j->o, j->command, j->n, err);
}

/* Writes the merged run to --out (through a file beside it, renamed into
 * place: cmd_merge.h) or stdout; returns the exit code. */
static int merge_output(const struct partial_merged *m,
			const struct merge_opts *o)
{
	struct merge_emit_job job = { .m = m, .o = o };
	const char **command = merge_command(m, o, &job.n);
	struct sim_err err;
	int rc = CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	job.command = command;
	if (command == NULL)
		fputs("callsim merge: out of memory\n", stderr);
	else if (o->out != NULL)
		rc = cmd_merge_out_write(o->out, merge_emit, &job);
	else if (merge_emit(stdout, &job, &err) == SIM_OK)
		rc = CLI_EXIT_OK;
	else
		cli_print_err("merge", &err);
	free(command);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (o->require_slas)
		cli_note_unmeasured("merge", "", m->s);
	return o->require_slas && summary_any_missed(m->s) ? CLI_EXIT_SLA
		: CLI_EXIT_OK;
}

/* Merges the parts and writes the run; returns the exit code. */
static int merge_parts(const struct merge_opts *o)
{
	struct partial_merge_opts po = { .scenario_path = o->scenario,
					 .mixed_env = o->mixed_env };
	struct partial_merged m;
	struct sim_err err, warnings;
	enum sim_status st;
	int rc;

	sim_err_clear(&err);
	sim_err_clear(&warnings);
	rc = cmd_merge_out_check(o->out);
	if (rc != CLI_EXIT_OK)
		return rc;
	st = partial_merge_files(o->parts, o->n_parts, &po, &m, &warnings,
				 &err);
	if (warnings.n_lines > 0)
		cli_print_err("merge", &warnings);
	if (st != SIM_OK) {
		cli_print_err("merge", &err);
		return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
	}
	rc = merge_output(&m, o);
	partial_merged_clear(&m);
	return rc;
}

int cmd_merge_partial(int argc, char **argv)
{
	struct merge_opts o = { .format = REPORT_RUN_TABLE };
	int rc = merge_parse(argc, argv, &o);

	if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_merge_usage, stdout);
	else if (rc == CLI_EXIT_OK)
		rc = merge_parts(&o);
	else if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help merge'\n", stderr);
	free(o.parts);
	free(o.words);
	return rc;
}
