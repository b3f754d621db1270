/* cmd_report.c: `callsim report` (see cmd_report.h and docs/report.md). */
#include "cli/cmd_report.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "results/report_html.h"
#include "sim/mem.h"

const char cmd_report_usage[] =
	"usage: callsim report RESULT.json [--out FILE.html]\n"
	"\n"
	"Turns a saved result into one HTML page with charts and their tables,\n"
	"which opens in a browser from the file alone, with no network: a run\n"
	"(`callsim run --format json`; with --intervals the page also has the\n"
	"hour-of-week heat maps), a comparison (`compare --format json`), a\n"
	"sweep (`sweep --format jsonl`) or an optimisation (`optimise --format\n"
	"json`, with or without --units). `--report FILE.html` on run, compare,\n"
	"sweep and optimise makes the page in one step.\n"
	"\n"
	"  --out FILE         write the page to FILE (default: stdout)\n"
	"\n"
	"exit status: 0 ok, 1 the page could not be written, 2 bad usage or a\n"
	"file that is not a result this callsim can read\n";

struct report_opts {
	const char *path;
	const char *out;
	bool help;
};

static const struct cli_opt report_opts_table[] = {
	CLI_OPT_TEXT("out", 'o', struct report_opts, out),
	CLI_OPT_FLAG("help", 'h', struct report_opts, help),
	CLI_OPT_END
};

static const struct cli_spec report_spec = {
	"report", report_opts_table, offsetof(struct report_opts, path), 1, NULL
};

/* Writes the page to the new file tmp; returns 0, or -1 after a failure
 * (printed). */
static int report_write_new(const char *cmd, const struct result *r,
			    const char *tmp)
{
	FILE *f = fopen(tmp, "w");
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	if (f == NULL) {
		fprintf(stderr, "callsim %s: %s: %s\n", cmd, tmp,
			strerror(errno));
		return -1;
	}
	st = report_html_write(f, r, &err);
	if (fclose(f) != 0 || st != SIM_OK) {
		fprintf(stderr, "callsim %s: %s: write error\n", cmd, tmp);
		remove(tmp);
		return -1;
	}
	return 0;
}

/* The page to a new file beside path, then renamed over it. */
static int report_write_file(const char *cmd, const struct result *r,
			     const char *path)
{
	size_t n = strlen(path) + sizeof ".tmp";
	char *tmp = mem_malloc(n);
	int rc = CLI_EXIT_FAILURE;

	if (tmp == NULL) {
		fprintf(stderr, "callsim %s: out of memory\n", cmd);
		return rc;
	}
	snprintf(tmp, n, "%s.tmp", path);
	if (report_write_new(cmd, r, tmp) == 0) {
		if (rename(tmp, path) == 0) {
			rc = CLI_EXIT_OK;
		} else {
			fprintf(stderr, "callsim %s: %s: %s\n", cmd, path,
				strerror(errno));
			remove(tmp);
		}
	}
	free(tmp);
	return rc;
}

int cmd_report_write(const char *cmd, const struct result *r,
		     const char *path)
{
	struct sim_err err;

	if (path != NULL && strcmp(path, "-") != 0)
		return report_write_file(cmd, r, path);
	sim_err_clear(&err);
	if (report_html_write(stdout, r, &err) != SIM_OK) {
		cli_print_err(cmd, &err);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

int cmd_report_of(const char *cmd,
		  enum sim_status (*write)(FILE *f, const void *arg,
					   struct sim_err *err),
		  const void *arg, const char *path)
{
	char *json = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);
	struct result *r = NULL;
	struct sim_err err;
	enum sim_status st;
	int rc = CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	if (mem == NULL) {
		fprintf(stderr, "callsim %s: out of memory\n", cmd);
		return rc;
	}
	st = write(mem, arg, &err);
	if (fclose(mem) != 0 || st != SIM_OK)
		sim_err_add(&err, SIM_ENOMEM, "out of memory");
	else if (result_read_text("the result", json, len, &r, &err) == SIM_OK)
		rc = cmd_report_write(cmd, r, path);
	if (sim_err_failed(&err))
		cli_print_err(cmd, &err);
	result_free(r);
	free(json);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	struct report_opts o = { 0 };
	struct result *r = NULL;
	struct sim_err err;
	int rc = cli_parse(&report_spec, argc, argv, &o);

	sim_err_clear(&err);
	if (rc == CLI_EXIT_OK && o.help) {
		fputs(cmd_report_usage, stdout);
		return CLI_EXIT_OK;
	}
	if (rc == CLI_EXIT_OK && o.path == NULL)
		rc = cli_usage_error("report", "which result? give the JSON "
				     "file `callsim run --format json` (or "
				     "compare, sweep, optimise) wrote");
	if (rc == CLI_EXIT_OK)
		rc = cli_output_apart("report", "--out", o.out,
				      (const char *const[]){ "the result", o.path,
							     NULL });
	if (rc == CLI_EXIT_USAGE)
		fputs("try 'callsim help report'\n", stderr);
	if (rc != CLI_EXIT_OK)
		return rc;
	if (result_read_file(o.path, &r, &err) != SIM_OK) {
		cli_print_err("report", &err);
		return err.status == SIM_ENOMEM ? CLI_EXIT_FAILURE
			: CLI_EXIT_USAGE;
	}
	rc = cmd_report_write("report", r, o.out);
	result_free(r);
	return rc;
}
