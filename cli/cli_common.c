/* cli_common.c: option parsing, overrides, the bundled scenario and error
 * printing shared by the subcommands (see cli_common.h). */
#include "cli/cli_common.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "callsim_config.h"
#include "results/experiment.h"
#include "sim/mem.h"

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

int cli_next(struct cli_parser *p, const struct cli_opt *opts,
	     const char **value)
{
	const char *cmd = p->argv[0], *arg, *attached;
	const struct cli_opt *o;

	if (p->i >= p->argc)
		return CLI_DONE;
	arg = p->argv[p->i++];
	if (!p->operands_only && strcmp(arg, "--") == 0) {
		p->operands_only = true;
		return cli_next(p, opts, value);
	}
	*value = arg;
	/* "-" alone is an operand by convention (it names stdin). */
	if (p->operands_only || arg[0] != '-' || arg[1] == '\0')
		return CLI_OPERAND;
	o = cli_find(opts, arg, &attached);
	if (o == NULL) {
		cli_usage_error(cmd, "unknown option '%s'", arg);
		return CLI_BAD;
	}
	if (!o->has_value && attached != NULL) {
		cli_usage_error(cmd, "option '--%s' takes no value", o->name);
		return CLI_BAD;
	}
	if (!o->has_value)
		return o->id;
	if (attached == NULL && p->i >= p->argc) {
		cli_usage_error(cmd, "option '%s' needs a value", arg);
		return CLI_BAD;
	}
	if (attached == NULL)
		attached = p->argv[p->i++];
	*value = attached;
	return o->id;
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

/* Loads the scenario, printing its problems, and its warnings when warn
 * is set (a command that loads one scenario many times warns once). */
static int cli_load(const char *cmd, const char *path,
		    const struct cli_strings *overrides, bool warn,
		    struct scenario **out)
{
	struct sim_err err, warnings;
	struct experiment_variant v = {
		.path = path,
		.edits = (const char *const *)overrides->items,
		.n_edits = overrides->n,
	};
	enum sim_status st;

	sim_err_clear(&err);
	sim_err_clear(&warnings);
	st = experiment_variant_build(&v, warn ? &warnings : NULL, out, &err);
	if (st == SIM_OK) {
		cli_print_err(cmd, &warnings);
		return CLI_EXIT_OK;
	}
	cli_print_err(cmd, &err);
	return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
}

int cli_load_scenario(const char *cmd, const char *path,
		      const struct cli_strings *overrides, struct scenario **out)
{
	return cli_load(cmd, path, overrides, true, out);
}

int cli_reload_scenario(const char *cmd, const char *path,
			const struct cli_strings *overrides,
			struct scenario **out)
{
	return cli_load(cmd, path, overrides, false, out);
}

/* The scenario keys of the run settings, in enum cli_run_setting order. */
static const char *const cli_run_keys[CLI_RUN_SETTINGS] = {
	"run.replications", "run.seed", "run.days", "run.warmup_hours"
};

int cli_check_run_setting(const char *cmd, int setting, const char *value)
{
	static const char *const names[CLI_RUN_SETTINGS] = {
		"replications", "seed", "days", "warmup-hours"
	};
	double x;

	assert(setting >= 0 && setting < CLI_RUN_SETTINGS);
	if (scenario_parse_decimal(value, &x))
		return CLI_EXIT_OK;
	return cli_usage_error(cmd, "--%s must be a number in plain decimal "
			       "(such as 20 or 0.5), not '%s'", names[setting],
			       value);
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

int cli_parse_threads(const char *cmd, const char *value, unsigned *threads)
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

double cli_clock_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
