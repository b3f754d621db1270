/* cmd_run_log.c: the log files of `callsim run` (see cmd_run_log.h). */
#include "cli/cmd_run_log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_common.h"
#include "results/run_log_csv.h"
#include "sim/mem.h"

bool cmd_run_log_wanted(const struct cmd_run_log *l)
{
	return l->calls_path != NULL || l->incidents_path != NULL;
}

int cmd_run_log_check(const struct cmd_run_log *l)
{
	if (l->replication != NULL && !cmd_run_log_wanted(l))
		return cli_usage_error("run", "--log-replication chooses the "
				       "replication of --calls-log or "
				       "--incidents-log; give one of them");
	if (l->calls_path != NULL && l->incidents_path != NULL &&
	    strcmp(l->calls_path, l->incidents_path) == 0)
		return cli_usage_error("run", "--calls-log and --incidents-log "
				       "are both '%s'; give two files",
				       l->calls_path);
	return CLI_EXIT_OK;
}

/* K of --log-replication, 1 to the run's replications (default 1); in a
 * part of a run (--replications-range A:B), A + 1 to B (default A + 1). */
static int cmd_run_log_index(struct cmd_run_log *l, const struct scenario *sc)
{
	unsigned long lo = (unsigned long)l->first + 1, k = lo;
	unsigned long hi = l->end ? l->end : sc->run.replications;

	if (l->replication != NULL &&
	    (cli_parse_unsigned(l->replication, hi, &k) != 0 || k < lo)) {
		if (l->end)
			fprintf(stderr, "callsim run: --log-replication '%s': "
				"must be a whole number from %lu to %lu, a "
				"replication of --replications-range %lu:%lu "
				"(which counts from 0)\n", l->replication, lo,
				hi, lo - 1, hi);
		else
			fprintf(stderr, "callsim run: --log-replication '%s': "
				"must be a whole number from 1 to %lu (the "
				"run's replications)\n", l->replication, hi);
		return CLI_EXIT_USAGE;
	}
	l->index = (unsigned)(k - 1);
	return CLI_EXIT_OK;
}

/* Opens PATH.tmp for option opt; returns CLI_EXIT_OK or the exit code. */
static int cmd_run_log_file(const char *opt, const char *path, char **tmp,
			    FILE **f)
{
	size_t n = strlen(path) + sizeof ".tmp";

	if ((*tmp = mem_malloc(n)) == NULL) {
		fputs("callsim run: out of memory\n", stderr);
		return CLI_EXIT_FAILURE;
	}
	snprintf(*tmp, n, "%s.tmp", path);
	if ((*f = fopen(*tmp, "w")) == NULL) {
		fprintf(stderr, "callsim run: %s %s: cannot write %s: %s\n", opt,
			path, *tmp, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return CLI_EXIT_USAGE;
	}
	return CLI_EXIT_OK;
}

int cmd_run_log_open(struct cmd_run_log *l, const struct scenario *sc)
{
	int rc = cmd_run_log_index(l, sc);

	if (rc == CLI_EXIT_OK && l->incidents_path != NULL && sc->n_grades == 0) {
		fprintf(stderr, "callsim run: --incidents-log %s: the scenario "
			"has no grades, so no incidents to log\n",
			l->incidents_path);
		rc = CLI_EXIT_USAGE;
	}
	if (rc == CLI_EXIT_OK && l->calls_path != NULL)
		rc = cmd_run_log_file("--calls-log", l->calls_path,
				      &l->calls_tmp, &l->calls);
	if (rc == CLI_EXIT_OK && l->incidents_path != NULL)
		rc = cmd_run_log_file("--incidents-log", l->incidents_path,
				      &l->incidents_tmp, &l->incidents);
	if (rc == CLI_EXIT_OK) {
		l->csv = run_log_csv_new(sc, l->calls, l->incidents, &l->hook);
		if (l->csv == NULL) {
			fputs("callsim run: out of memory\n", stderr);
			rc = CLI_EXIT_FAILURE;
		}
	}
	if (rc != CLI_EXIT_OK)
		cmd_run_log_close(l, false);
	return rc;
}

const struct run_log *cmd_run_log_hook(const struct cmd_run_log *l)
{
	return l->csv != NULL ? &l->hook : NULL;
}

/* Closes f (written to tmp for opt's path); renames it over path when
 * ok, else removes it. Returns ok after any write error (printed). */
static bool cmd_run_log_finish(const char *opt, const char *path,
			       char **tmp, FILE **f, bool ok)
{
	bool failed;

	if (*f == NULL)
		return ok;
	failed = ferror(*f) != 0;
	failed = fclose(*f) != 0 || failed;
	*f = NULL;
	if (ok && failed)
		fprintf(stderr, "callsim run: %s %s: write error\n", opt, path);
	ok = ok && !failed;
	if (ok && rename(*tmp, path) != 0) {
		fprintf(stderr, "callsim run: %s %s: %s\n", opt, path,
			strerror(errno));
		ok = false;
	}
	if (!ok)
		remove(*tmp);
	free(*tmp);
	*tmp = NULL;
	return ok;
}

int cmd_run_log_close(struct cmd_run_log *l, bool ok)
{
	bool calls_ok = cmd_run_log_finish("--calls-log", l->calls_path,
					   &l->calls_tmp, &l->calls, ok);
	bool incidents_ok = cmd_run_log_finish("--incidents-log",
					       l->incidents_path,
					       &l->incidents_tmp,
					       &l->incidents, ok);

	run_log_csv_free(l->csv);
	l->csv = NULL;
	return (calls_ok && incidents_ok) || !ok ? CLI_EXIT_OK
						 : CLI_EXIT_FAILURE;
}
