/* cli_log.c: the verdict on a log's problems (cli_log.h). */
#include "cli/cli_log.h"

#include <stdio.h>

#include "cli/cli_common.h"

static const char *cli_log_s(size_t n)
{
	return n == 1 ? "" : "s";
}

int cli_log_verdict(const struct cli_log_read *r, enum sim_status st,
		    const struct yaml_doc *yd)
{
	int problems = yd->n_problems;

	if (st != SIM_OK || problems > 0)
		cli_print_err(r->cmd, yd->err);
	if (st != SIM_OK)
		return st == SIM_ENOMEM ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
	if (problems == 0)
		return CLI_EXIT_OK;
	fprintf(stderr, "callsim %s: %d problem%s in %s: %zu row%s with "
		"problems, %zu gap%s\n", r->cmd, problems,
		cli_log_s((size_t)problems), r->path, r->n_bad,
		cli_log_s(r->n_bad), r->n_gaps, cli_log_s(r->n_gaps));
	if (r->skip) {
		if (!r->quiet)
			fprintf(stderr, "callsim %s: --skip-bad-rows: %zu row%s left "
			"out, %zu gap%s left out of the period; using the "
			"%zu rows left\n", r->cmd, r->n_bad,
			cli_log_s(r->n_bad), r->n_gaps, cli_log_s(r->n_gaps),
			r->n_left);
		return CLI_EXIT_OK;
	}
	fprintf(stderr, "callsim %s: nothing %s; --skip-bad-rows leaves those "
		"rows out and uses the rest\n", r->cmd, r->done);
	return CLI_EXIT_USAGE;
}
