/* cmd_merge.c: `callsim merge` (see cmd_merge.h and docs/scale.md).
 *
 * A part says what it is by the "schema" of its header (its first line,
 * after "# " in a CSV, or the whole JSON document), and each kind of
 * result has its own merger in results/, found in merge_kinds by that
 * name: every part must be of one kind. The merger checks the parts
 * belong together and writes the whole; nothing is written unless every
 * check passes, and --out FILE is written beside its place and renamed
 * into it, so a failure never leaves half a file. */
#include "cli/cmd_merge.h"

#include <errno.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli_common.h"
#include "cli/cmd_merge_partial.h"
#include "results/partial.h"
#include "results/result_read.h"
#include "results/sweep.h"
#include "results/sweep_merge.h"
#include "results/sweep_shard.h"
#include "sim/mem.h"

const char cmd_merge_usage[] =
	"usage: callsim merge PART... [--out FILE] [--quiet]\n"
	"       callsim merge RUN-PART... [--out FILE] [--format table|csv|json]\n"
	"                     [--wide] [--intervals] [--by-day] [--by-hour]\n"
	"                     [--require-slas] [--scenario FILE]\n"
	"                     [--mixed-environment] [--quiet]\n"
	"\n"
	"Joins the parts of a result computed in pieces into the file the\n"
	"result computed whole writes, byte for byte: the N files of\n"
	"`callsim sweep --shard K/N` (CSV, wide CSV or JSON Lines), given in\n"
	"any order. The parts must be one split of one sweep (the same\n"
	"scenario content, grid, seed, options and callsim version), every\n"
	"shard once, finished and unchanged since it was written (its end\n"
	"line's hash); otherwise nothing is written and the parts at fault\n"
	"are named.\n"
	"\n"
	"  --out FILE                write to FILE (refused if it exists)\n"
	"                            instead of stdout\n"
	"  --quiet                   accepted as every command takes it: merge\n"
	"                            prints no progress; errors and warnings\n"
	"                            are still printed\n"
	"\n"
	"The parts of a long run (`callsim run --replications-range A:B\n"
	"--partial RUN-PART`), in any order, make the run's output, the same\n"
	"bytes as the run with all its replications; they must cover 0..N-1\n"
	"once each and come from one run (version, floating-point environment,\n"
	"scenario, seed, options):\n"
	"\n"
	"  --format F, --wide, --intervals, --by-day, --by-hour, --require-slas\n"
	"                            the output, as `callsim run` takes them\n"
	"  --scenario FILE           read the scenario from FILE instead of the\n"
	"                            path the parts name (the same bytes)\n"
	"  --mixed-environment       merge parts whose floating-point\n"
	"                            environments differ, with a warning\n"
	"\n"
	"exit status: 0 ok, 1 reading or writing failed part-way (a disk\n"
	"error, a full disk), 2 bad usage, a part that cannot be opened or\n"
	"parts that do not make one whole, 3 --require-slas and an agreement\n"
	"missed\n";

struct merge_opts {
	struct cli_strings parts;          /* PART..., in order */
	const char *out;                   /* NULL: stdout */
	bool quiet, help;
};

static const struct cli_opt merge_opts_table[] = {
	CLI_OPT_TEXT("out", 'o', struct merge_opts, out),
	CLI_OPT_FLAG("quiet", 'q', struct merge_opts, quiet),
	CLI_OPT_FLAG("help", 'h', struct merge_opts, help),
	CLI_OPT_END
};

static const struct cli_spec merge_spec = {
	"merge", merge_opts_table, offsetof(struct merge_opts, parts),
	CLI_PATHS_ANY, NULL
};

/* The parts, opened, and what they are. */
struct merge_input {
	const char *const *names;          /* [n] */
	FILE **files;                      /* [n] */
	size_t n;
};

/* Joins a sweep's shards (results/sweep_merge.h). */
static enum sim_status merge_sweep(const struct merge_input *in, FILE *out,
				   struct sim_err *err)
{
	struct sweep_merge_part *parts = mem_calloc(in->n, sizeof *parts);
	enum sim_status st;

	if (parts == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; i < in->n; i++)
		parts[i] = (struct sweep_merge_part){ in->names[i],
						      in->files[i] };
	st = sweep_merge(parts, in->n, out, err);
	free(parts);
	return st;
}

/* The kinds of result merge joins, by the "schema" their parts name. A
 * kind computed in pieces another way (a run's replications in ranges,
 * say) is one more row: its schema and a function handing the parts to
 * its merger in results/. */
static const struct merge_kind {
	const char *schema;
	enum sim_status (*merge)(const struct merge_input *in, FILE *out,
				 struct sim_err *err);
} merge_kinds[] = {
	{ SWEEP_SCHEMA, merge_sweep },
};

#define MERGE_KINDS (sizeof merge_kinds / sizeof *merge_kinds)

/* The "schema" of the JSON object text (n bytes) into schema (cap bytes);
 * false when text is not an object naming one. */
static bool merge_schema_in(const char *text, size_t n, char *schema,
			    size_t cap)
{
	json_t *v = json_loadb(text, n, 0, NULL);
	const char *s = json_string_value(json_object_get(v, "schema"));
	bool ok = s != NULL && strlen(s) < cap;

	if (ok)
		strcpy(schema, s);
	json_decref(v);
	return ok;
}

/* Says that part `name` is no kind merge joins: its schema, or NULL when
 * it names none, and the schemas merge knows. */
static void merge_unknown(const char *name, const char *schema)
{
	char known[256] = "";
	size_t len = 0;

	for (size_t k = 0; k < MERGE_KINDS && len < sizeof known; k++)
		len += (size_t)snprintf(known + len, sizeof known - len, "%s%s",
					k == 0 ? "" : ", ", merge_kinds[k].schema);
	if (schema != NULL)
		cli_usage_error("merge", "%s: its schema is \"%s\"; merge joins "
				"parts of %s", name, schema, known);
	else
		cli_usage_error("merge", "%s: names no schema; merge joins parts "
				"of %s", name, known);
}

/* The schema part f (named name) says it is: its first line's (a sweep's
 * header), or the whole document's; f is left at its start. Returns the
 * index of its kind in merge_kinds, or -1 with the problem printed. */
static int merge_kind_of(FILE *f, const char *name)
{
	char schema[64] = "", *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, f);
	size_t skip = n >= 2 && strncmp(line, "# ", 2) == 0 ? 2 : 0;
	bool found = n > 0 && merge_schema_in(line + skip, (size_t)n - skip,
					      schema, sizeof schema);
	json_t *doc = NULL;
	struct stat st;

	free(line);
	rewind(f);
	/* A whole document is parsed only when it is small enough to be a
	 * result (result_read.h): a large file is a sweep's, which names its
	 * schema on its first line. */
	if (!found && fstat(fileno(f), &st) == 0
	    && st.st_size <= RESULT_READ_SIZE_MAX) {
		doc = json_loadf(f, JSON_DISABLE_EOF_CHECK, NULL);
		found = json_is_string(json_object_get(doc, "schema"))
			&& strlen(json_string_value(json_object_get(doc,
				"schema"))) < sizeof schema;
		if (found)
			strcpy(schema, json_string_value(json_object_get(doc,
				"schema")));
		json_decref(doc);
		rewind(f);
	}
	for (size_t k = 0; found && k < MERGE_KINDS; k++)
		if (strcmp(schema, merge_kinds[k].schema) == 0)
			return (int)k;
	merge_unknown(name, found ? schema : NULL);
	return -1;
}

/* Opens every part and finds their kind, one for all; *kind its index.
 * Returns the exit code (problems printed). */
static int merge_open(struct merge_input *in, int *kind)
{
	int rc = CLI_EXIT_OK;

	for (size_t i = 0; i < in->n && rc == CLI_EXIT_OK; i++) {
		int k;

		in->files[i] = fopen(in->names[i], "r");
		if (in->files[i] == NULL)
			return cli_usage_error("merge", "cannot read %s (%s)",
					       in->names[i], strerror(errno));
		k = merge_kind_of(in->files[i], in->names[i]);
		if (k < 0)
			rc = CLI_EXIT_USAGE;
		else if (i > 0 && k != *kind)
			rc = cli_usage_error("merge", "%s is a %s and %s a %s; "
					     "merge joins parts of one kind",
					     in->names[0],
					     merge_kinds[*kind].schema,
					     in->names[i], merge_kinds[k].schema);
		*kind = k;
	}
	return rc;
}

/* The exit code of a merger's status, its problems printed. */
static int merge_exit(enum sim_status st, const struct sim_err *err)
{
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("merge", err);
	return st == SIM_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
}

int cmd_merge_out_check(const char *path)
{
	struct stat st;

	if (path != NULL && stat(path, &st) == 0)
		return cli_usage_error("merge", "%s exists; remove it or give "
				       "another --out", path);
	return CLI_EXIT_OK;
}

int cmd_merge_out_write(const char *path,
			enum sim_status (*write)(FILE *f, const void *arg,
						 struct sim_err *err),
			const void *arg)
{
	size_t n = strlen(path) + sizeof ".tmp";
	char *tmp = mem_malloc(n);
	FILE *out = NULL;
	struct sim_err err;
	enum sim_status st;
	int rc;

	sim_err_clear(&err);
	if (tmp != NULL) {
		snprintf(tmp, n, "%s.tmp", path);
		out = fopen(tmp, "wx");
	}
	if (out == NULL) {
		fprintf(stderr, "callsim merge: cannot write %s.tmp (%s)\n",
			path, tmp ? strerror(errno) : "out of memory");
		free(tmp);
		return CLI_EXIT_FAILURE;
	}
	st = write(out, arg, &err);
	if (fclose(out) != 0 && st == SIM_OK)
		st = sim_err_add(&err, SIM_EIO, "writing %s failed", path);
	if (st == SIM_OK && rename(tmp, path) != 0)
		st = sim_err_add(&err, SIM_EIO, "cannot write %s (%s)", path,
				 strerror(errno));
	rc = merge_exit(st, &err);
	if (rc != CLI_EXIT_OK)
		remove(tmp);
	free(tmp);
	return rc;
}

/* The parts and their kind, for merge_kind_write. */
struct merge_job {
	const struct merge_input *in;
	int kind;
};

/* Merges the parts of job (a struct merge_job) into f. */
static enum sim_status merge_kind_write(FILE *f, const void *job,
					struct sim_err *err)
{
	const struct merge_job *j = job;

	return merge_kinds[j->kind].merge(j->in, f, err);
}

/* Opens the parts and merges them to --out FILE or stdout. */
static int merge_main(const struct merge_opts *o)
{
	struct merge_input in = { (const char *const *)o->parts.items, NULL,
				  o->parts.n };
	struct merge_job job = { &in, 0 };
	struct sim_err err;
	int rc = cmd_merge_out_check(o->out);

	if (rc != CLI_EXIT_OK)
		return rc;
	in.files = mem_calloc(in.n, sizeof *in.files);
	if (in.files == NULL) {
		fputs("callsim merge: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	rc = merge_open(&in, &job.kind);
	sim_err_clear(&err);
	if (rc == CLI_EXIT_OK && o->out != NULL)
		rc = cmd_merge_out_write(o->out, merge_kind_write, &job);
	else if (rc == CLI_EXIT_OK)
		rc = merge_exit(merge_kind_write(stdout, &job, &err), &err);
	for (size_t i = 0; i < in.n; i++)
		if (in.files[i] != NULL)
			fclose(in.files[i]);
	free(in.files);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	struct merge_opts o = { .out = NULL };
	int rc;

	/* The parts of a long run take the output options of `callsim run`
	 * too: they are merged, options and all, by cmd_merge_partial. */
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-' && partial_is_file(argv[i]))
			return cmd_merge_partial(argc, argv);
	rc = cli_parse(&merge_spec, argc, argv, &o);

	if (rc == CLI_EXIT_OK && !o.help && o.parts.n == 0)
		rc = cli_usage_error("merge", "no parts given; give the files "
				     "to join");
	if (rc == CLI_EXIT_OK && o.parts.n > SWEEP_SHARDS_MAX)
		rc = cli_usage_error("merge", "%zu parts; at most %d",
				     o.parts.n, SWEEP_SHARDS_MAX);
	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help merge'\n", stderr);
	else if (rc == CLI_EXIT_OK && o.help)
		fputs(cmd_merge_usage, stdout);
	else if (rc == CLI_EXIT_OK)
		rc = merge_main(&o);
	cli_strings_clear(&o.parts);
	return rc;
}
