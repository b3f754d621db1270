/* cli_common.c: option parsing, overrides, the bundled scenario and error
 * printing shared by the subcommands (see cli_common.h). */
#include "cli/cli_common.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "callsim_config.h"
#include "results/experiment.h"
#include "sim/mem.h"

/* Walks argv of one subcommand (argv[0] is the subcommand's name). */
struct cli_parser {
	int argc;
	char **argv;
	int i;                  /* next argument; start at 1 */
	bool operands_only;     /* after "--" */
};

/* What the walk finds besides an option. */
enum {
	CLI_OPERAND = -1,       /* an operand (not an option) */
	CLI_DONE = -2,          /* no arguments left */
	CLI_BAD = -3            /* message printed; exit CLI_EXIT_USAGE */
};

/* The option of opts that arg names ("--name", "--name=...", "-c"), and
 * where its attached value starts (NULL if none). */
static const struct cli_opt *cli_find(const struct cli_opt *opts,
				      const char *arg, const char **attached)
{
	*attached = NULL;
	if (arg[1] != '-') {
		for (; opts->name; opts++)
			if (opts->short_name && arg[1] == opts->short_name
			    && arg[2] == '\0')
				return opts;
		return NULL;
	}
	for (; opts->name; opts++) {
		size_t n = strlen(opts->name);

		if (strncmp(arg + 2, opts->name, n) != 0)
			continue;
		if (arg[2 + n] == '\0')
			return opts;
		if (arg[2 + n] == '=') {
			*attached = arg + 3 + n;
			return opts;
		}
	}
	return NULL;
}

/* The next option or operand of p, among opts (ended by a NULL name).
 * Sets *value to the option's value or the operand, and *row to the
 * option. Returns CLI_OPERAND, CLI_DONE, CLI_BAD (an unknown option, a
 * missing value or a value given to a flag: message printed) or 0. */
static int cli_next(struct cli_parser *p, const struct cli_opt *opts,
		    const char **value, const struct cli_opt **row)
{
	const char *cmd = p->argv[0], *arg, *attached;
	const struct cli_opt *o;

	if (p->i >= p->argc)
		return CLI_DONE;
	arg = p->argv[p->i++];
	if (!p->operands_only && strcmp(arg, "--") == 0) {
		p->operands_only = true;
		return cli_next(p, opts, value, row);
	}
	*value = arg;
	/* "-" alone is an operand by convention (it names stdin). */
	if (p->operands_only || arg[0] != '-' || arg[1] == '\0')
		return CLI_OPERAND;
	*row = o = cli_find(opts, arg, &attached);
	if (o == NULL) {
		cli_usage_error(cmd, "unknown option '%s'", arg);
		return CLI_BAD;
	}
	if (!o->has_value && attached != NULL) {
		cli_usage_error(cmd, "option '--%s' takes no value", o->name);
		return CLI_BAD;
	}
	if (!o->has_value)
		return 0;
	if (attached == NULL && p->i >= p->argc) {
		cli_usage_error(cmd, "option '%s' needs a value", arg);
		return CLI_BAD;
	}
	if (attached == NULL)
		attached = p->argv[p->i++];
	*value = attached;
	return 0;
}

int cli_parse_unsigned(const char *text, unsigned long max,
		       unsigned long *out)
{
	char *end;
	unsigned long v;

	/* strtoul alone would accept " 2", "+2", "-1" (as a huge number) and
	 * "0x10": insist on plain decimal digits. */
	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(text, &end, 10);
	if (*end != '\0' || errno == ERANGE || v > max)
		return -1;
	*out = v;
	return 0;
}

int cli_strings_add(struct cli_strings *l, const char *s, const char *value)
{
	size_t len = strlen(s) + (value ? strlen(value) + 1 : 0) + 1;
	char *copy;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		char **items = mem_realloc(l->items, cap * sizeof *items);

		if (items == NULL)
			goto nomem;
		l->items = items;
		l->cap = cap;
	}
	copy = mem_malloc(len);
	if (copy == NULL)
		goto nomem;
	if (value != NULL)
		snprintf(copy, len, "%s=%s", s, value);
	else
		snprintf(copy, len, "%s", s);
	l->items[l->n++] = copy;
	return 0;
nomem:
	fputs("callsim: out of memory\n", stderr);
	return -1;
}

int cli_strings_append(struct cli_strings *l, const struct cli_strings *src)
{
	for (size_t i = 0; i < src->n; i++)
		if (cli_strings_add(l, src->items[i], NULL) != 0)
			return -1;
	return 0;
}

void cli_strings_clear(struct cli_strings *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	*l = (struct cli_strings){ 0 };
}

const char *cli_bundled_scenario(void)
{
	static const char installed[] =
		CALLSIM_DATADIR "/scenarios/west-midlands-2024.yaml";

	if (access(installed, R_OK) == 0)
		return installed;
	return CALLSIM_SOURCEDIR "/scenarios/west-midlands-2024.yaml";
}

void cli_note_unmeasured(const char *cmd, const char *side,
			 const struct summary *s)
{
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal
		    && summary_unmeasured(&s->lines[l].m[CC_SERVICE_LEVEL]))
			fprintf(stderr, "callsim %s: %sline %s: its service level "
				"was measured in %zu of %u replications; "
				"--require-slas counts it as missed\n", cmd, side,
				s->sc->lines[l].name,
				s->lines[l].m[CC_SERVICE_LEVEL].n, s->replications);
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal
		    && summary_unmeasured(&s->grades[g].m[RSP_WITHIN_TARGET]))
			fprintf(stderr, "callsim %s: %sgrade %s: its attendance "
				"was measured in %zu of %u replications; "
				"--require-slas counts it as missed\n", cmd, side,
				s->sc->grades[g].name,
				s->grades[g].m[RSP_WITHIN_TARGET].n, s->replications);
	for (size_t i = 0; i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal
		    && summary_unmeasured(&s->deferrable[i].m[DF_WITHIN_TARGET]))
			fprintf(stderr, "callsim %s: %sdeferrable %s: its share "
				"within target was measured in %zu of %u "
				"replications; --require-slas counts it as "
				"missed\n", cmd, side,
				s->sc->deferrable[i].work.name,
				s->deferrable[i].m[DF_WITHIN_TARGET].n,
				s->replications);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "callsim %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_EXIT_USAGE;
}

/* Whether paths a and b name one file (both exist). */
static bool cli_same_file(const char *a, const char *b)
{
	struct stat x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
	       x.st_ino == y.st_ino;
}

/* Refuses out when it is one of inputs (cli_output_apart). */
static int cli_output_not_input(const char *cmd, const char *opt,
				const char *out, const char *const inputs[])
{
	for (size_t i = 0; inputs[i] != NULL; i += 2)
		if (inputs[i + 1] != NULL && cli_same_file(out, inputs[i + 1]))
			return cli_usage_error(cmd, "%s %s is %s (%s): give %s "
					       "a file of its own", opt, out,
					       inputs[i], inputs[i + 1], opt);
	return CLI_EXIT_OK;
}

int cli_output_apart(const char *cmd, const char *opt, const char *out,
		     const char *const inputs[])
{
	struct stat st;

	if (out == NULL)
		return CLI_EXIT_OK;
	/* An output is written beside its name and renamed over it (or, a
	 * resumed sweep's, read, cut and appended to): a device, a pipe or a
	 * directory there would be replaced by a file, or the run lost at
	 * its end. */
	if (stat(out, &st) == 0 && !S_ISREG(st.st_mode))
		return cli_usage_error(cmd, "%s %s is not a regular file (a "
				       "directory, a device or a pipe): give %s "
				       "the name of a file", opt, out, opt);
	return cli_output_not_input(cmd, opt, out, inputs);
}

int cli_output_in_place(const char *cmd, const char *opt, const char *out,
			const char *const inputs[])
{
	struct stat st;

	if (out == NULL)
		return CLI_EXIT_OK;
	if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
		return cli_usage_error(cmd, "%s %s is a directory: give %s the "
				       "name of a file", opt, out, opt);
	return cli_output_not_input(cmd, opt, out, inputs);
}

/* The directory of path into dir (cap bytes; "." when path names none);
 * returns path's last component. */
static const char *cli_path_dir(const char *path, char *dir, size_t cap)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(dir, cap, ".");
	else
		snprintf(dir, cap, "%.*s", slash == path ? 1 : (int)(slash - path),
			 path);
	return slash != NULL ? slash + 1 : path;
}

/* Whether outputs a and b name one file: one file when either exists,
 * else one name in one directory (neither is written yet). */
static bool cli_same_output(const char *a, const char *b)
{
	char da[4096], db[4096];
	const char *na = cli_path_dir(a, da, sizeof da);
	const char *nb = cli_path_dir(b, db, sizeof db);
	struct stat x;

	if (stat(a, &x) == 0 || stat(b, &x) == 0)
		return cli_same_file(a, b);
	return strcmp(na, nb) == 0 && cli_same_file(da, db);
}

int cli_outputs_distinct(const char *cmd, const char *const outputs[])
{
	for (size_t i = 0; outputs[i] != NULL; i += 2)
		for (size_t j = i + 2; outputs[j] != NULL; j += 2)
			if (outputs[i + 1] != NULL && outputs[j + 1] != NULL &&
			    cli_same_output(outputs[i + 1], outputs[j + 1]))
				return cli_usage_error(cmd, "%s %s and %s %s "
					"name one file, and one would be written "
					"over the other: give each a file of its "
					"own",
					outputs[i], outputs[i + 1], outputs[j],
					outputs[j + 1]);
	return CLI_EXIT_OK;
}

int cli_outputs_unread(const char *cmd, const char *const outputs[],
		       const struct scenario *sc, const char *whose)
{
	struct sim_err err;

	sim_err_clear(&err);
	for (size_t i = 0; outputs[i] != NULL; i += 2)
		if (scenario_csv_apart(sc, outputs[i], outputs[i + 1], whose,
				       &err) != SIM_OK) {
			cli_print_err(cmd, &err);
			return CLI_EXIT_USAGE;
		}
	return CLI_EXIT_OK;
}

void cli_print_err(const char *cmd, const struct sim_err *err)
{
	const char *line = err->text;
	int shown = 0;

	while (*line) {
		const char *nl = strchr(line, '\n');
		int len = nl ? (int)(nl - line) : (int)strlen(line);

		if (err->status == SIM_ESCENARIO)
			fprintf(stderr, "%.*s\n", len, line);
		else
			fprintf(stderr, "callsim %s: %.*s\n", cmd, len, line);
		shown++;
		line += len + (nl != NULL);
	}
	if (err->n_lines > shown)
		fprintf(stderr, "callsim %s: %d more problems not shown\n", cmd,
			err->n_lines - shown);
}

int cli_read_scenario(const char *cmd, const char *path,
		      struct scenario_doc **out)
{
	struct scenario_source src = { .path = path };
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	st = scenario_doc_read(&src, out, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err(cmd, &err);
	return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
}

struct scenario_edit *cli_edits(const char *cmd, const struct cli_strings *args,
				const char *origin)
{
	struct scenario_edit *e = mem_calloc(args->n + 1, sizeof *e);

	if (e == NULL)
		fprintf(stderr, "callsim %s: out of memory\n", cmd);
	for (size_t i = 0; e != NULL && i < args->n; i++)
		e[i] = experiment_edit(args->items[i], origin);
	return e;
}

/* The exit code of a build that returned st, with its warnings or its
 * problems printed. */
static int cli_built(const char *cmd, enum sim_status st,
		     const struct sim_err *warnings, const struct sim_err *err)
{
	if (st == SIM_OK) {
		cli_print_err(cmd, warnings);
		return CLI_EXIT_OK;
	}
	cli_print_err(cmd, err);
	return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
}

int cli_build_scenario(const char *cmd, const struct scenario_doc *doc,
		       const struct scenario_edit *edits, size_t n_edits,
		       struct scenario **out)
{
	struct sim_err err, warnings;
	struct experiment_variant v = { doc, edits, n_edits };
	enum sim_status st;

	sim_err_clear(&err);
	sim_err_clear(&warnings);
	st = experiment_variant_build(&v, &warnings, out, &err);
	return cli_built(cmd, st, &warnings, &err);
}

int cli_load_scenario(const char *cmd, const char *path,
		      const struct cli_strings *overrides, struct scenario **out)
{
	struct sim_err err, warnings;
	struct scenario_source src = {
		.path = path,
		.overrides = (const char *const *)overrides->items,
		.n_overrides = overrides->n,
		.warnings = &warnings,
	};
	enum sim_status st;

	sim_err_clear(&err);
	sim_err_clear(&warnings);
	st = scenario_load(&src, out, &err);
	return cli_built(cmd, st, &warnings, &err);
}

/* The scenario keys of the run settings, in enum cli_run_setting order. */
static const char *const cli_run_keys[CLI_RUN_SETTINGS] = {
	"run.replications", "run.seed", "run.days", "run.warmup_hours"
};

/* Checks the value of run setting `setting` (an enum cli_run_setting) is
 * written in plain decimal, the one rule for every number on the command
 * line (scenario_parse_decimal: "0x10" and "inf" are refused); its range
 * is the loader's to check, as in the file. Returns CLI_EXIT_OK, or
 * CLI_EXIT_USAGE after saying what is wrong. */
static int cli_check_run_setting(const char *cmd, int setting,
				 const char *value)
{
	static const char *const names[CLI_RUN_SETTINGS] = {
		"replications", "seed", "days", "warmup-hours"
	};
	/* Each setting's own example: a fraction is no count of
	 * replications nor a seed. */
	static const char *const examples[CLI_RUN_SETTINGS] = {
		"20", "2025", "28 or 0.5", "24 or 0.5"
	};
	double x;

	assert(setting >= 0 && setting < CLI_RUN_SETTINGS);
	if (scenario_parse_decimal(value, &x))
		return CLI_EXIT_OK;
	return cli_usage_error(cmd, "--%s must be a number in plain decimal "
			       "(such as %s), not '%s'", names[setting],
			       examples[setting], value);
}

int cli_run_settings_append(const char *const values[CLI_RUN_SETTINGS],
			    struct cli_strings *out)
{
	for (int k = 0; k < CLI_RUN_SETTINGS; k++)
		if (values[k] != NULL
		    && cli_strings_add(out, cli_run_keys[k], values[k]) != 0)
			return -1;
	return 0;
}

/* Parses --threads for command `cmd` into *threads (0 = every core).
 * Returns CLI_EXIT_OK, or CLI_EXIT_USAGE after saying what is allowed. */
static int cli_parse_threads(const char *cmd, const char *value,
			     unsigned *threads)
{
	unsigned long n;

	if (cli_parse_unsigned(value, CLI_THREADS_MAX, &n) != 0)
		return cli_usage_error(cmd, "--threads must be a whole number "
				       "0..%d in plain decimal (0 = every core), "
				       "not '%s'",
				       CLI_THREADS_MAX, value);
	*threads = (unsigned)n;
	return CLI_EXIT_OK;
}

FILE *cli_progress_stream(bool quiet)
{
	return !quiet && isatty(STDERR_FILENO) ? stderr : NULL;
}

double cli_clock_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The value's index among opt's choices into *out, or says what is
 * allowed: "--format must be table, csv or json, not 'x'". */
static int cli_choice(const char *cmd, const struct cli_opt *opt,
		      const char *value, int *out)
{
	const char *const *c = opt->choices;
	char allowed[128] = "";
	size_t n = 0;

	for (; c[n] != NULL; n++)
		if (strcmp(c[n], value) == 0) {
			*out = (int)n;
			return CLI_EXIT_OK;
		}
	for (size_t i = 0, len = 0; i < n && len < sizeof allowed; i++)
		len += (size_t)snprintf(allowed + len, sizeof allowed - len,
					"%s%s", i == 0 ? "" : i + 1 < n ? ", "
					: " or ", c[i]);
	return cli_usage_error(cmd, "--%s must be %s, not '%s'", opt->name,
			       allowed, value);
}

/* Applies option opt with its value to o; returns CLI_EXIT_OK, CLI_STOP
 * or the exit code of a bad one. */
static int cli_apply(const struct cli_spec *spec, const struct cli_opt *opt,
		     void *o, const char *value)
{
	char *field = (char *)o + opt->at;

	switch (opt->kind) {
	case CLI_FLAG:
		*(bool *)field = true;
		return CLI_EXIT_OK;
	case CLI_TEXT:
		*(const char **)field = value;
		return CLI_EXIT_OK;
	case CLI_SET:
		if (strchr(value, '=') == NULL)
			return cli_usage_error(spec->cmd, "--%s needs KEY=VALUE, "
					       "not '%s'", opt->name, value);
		/* fall through */
	case CLI_LIST:
		return cli_strings_add((struct cli_strings *)field, value, NULL)
			== 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	case CLI_CHOICE:
		return cli_choice(spec->cmd, opt, value, (int *)field);
	case CLI_THREADS:
		return cli_parse_threads(spec->cmd, value, (unsigned *)field);
	case CLI_RUN:
		((const char **)field)[opt->id] = value;
		return cli_check_run_setting(spec->cmd, opt->id, value);
	case CLI_USAGE:
		fputs(opt->choices[0], stdout);
		return CLI_STOP;
	case CLI_OWN:
		break;
	}
	return spec->own(o, opt->id, value);
}

/* Keeps operand value as the next scenario path, or says there are too
 * many. */
static int cli_operand(const struct cli_spec *spec, void *o, const char *value)
{
	const char **paths = (const char **)((char *)o + spec->paths_at);
	int n = 0;

	if (spec->max_paths == CLI_PATHS_ANY)
		return cli_strings_add((struct cli_strings *)paths, value, NULL)
			== 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	while (n < spec->max_paths && paths[n] != NULL)
		n++;
	if (n < spec->max_paths) {
		paths[n] = value;
		return CLI_EXIT_OK;
	}
	if (spec->max_paths == 0)
		return cli_usage_error(spec->cmd, "unexpected argument '%s'",
				       value);
	if (spec->max_paths == 1)
		return cli_usage_error(spec->cmd, "one scenario at a time: "
				       "'%s' and '%s'", paths[0], value);
	return cli_usage_error(spec->cmd, "two scenarios at most: '%s', '%s' "
			       "and '%s'", paths[0], paths[1], value);
}

int cli_parse(const struct cli_spec *spec, int argc, char **argv, void *o)
{
	struct cli_parser p = { .argc = argc, .argv = argv, .i = 1 };
	const struct cli_opt *row = NULL;
	const char *value;
	int got, rc = CLI_EXIT_OK;

	assert(spec->max_paths <= 2);
	while (rc == CLI_EXIT_OK
	       && (got = cli_next(&p, spec->opts, &value, &row)) != CLI_DONE) {
		if (got == CLI_BAD)
			rc = CLI_EXIT_USAGE;
		else if (got == CLI_OPERAND)
			rc = cli_operand(spec, o, value);
		else
			rc = cli_apply(spec, row, o, value);
	}
	return rc;
}

void cli_progress_agreements(FILE *f, const struct summary *s)
{
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal)
			fprintf(f, " %s %.2f%% [%.2f, %.2f] %s;",
				s->sc->lines[l].name,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].mean,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].lo,
				100 * s->lines[l].m[CC_SERVICE_LEVEL].hi,
				ci_verdict_name(s->lines[l].verdict));
	for (size_t i = 0; i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal)
			fprintf(f, " deferrable %s %.2f%% [%.2f, %.2f] %s;",
				s->sc->deferrable[i].work.name,
				100 * s->deferrable[i].m[DF_WITHIN_TARGET].mean,
				100 * s->deferrable[i].m[DF_WITHIN_TARGET].lo,
				100 * s->deferrable[i].m[DF_WITHIN_TARGET].hi,
				ci_verdict_name(s->deferrable[i].verdict));
	fputc('\n', f);
}
