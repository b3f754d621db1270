/* oom_run.c: every allocation of `callsim run` failing in turn.
 *
 * This executable defines the allocation wrappers of sim/mem.h itself, so
 * the linker uses these instead of sim/mem.c's: they count calls and make
 * the N-th one fail. The test runs the run command in-process once to count
 * the allocations of a small scenario (two replications of one day, with
 * incident response), then once for each N, and checks that each run either
 * prints the same output as without a failure (where a failure is worked
 * round) or exits 1 with "out of memory" on stderr: never a crash, another
 * exit code or a silent change. In the AddressSanitizer build each run is
 * also checked for leaks.
 *
 * The counters are the test's own globals: the wrappers are called from
 * the whole program with no context to carry them, and they exist only in
 * this test executable, never in callsim. The run uses one thread, so the
 * N-th allocation is the same one every time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli/cli_common.h"
#include "cli/cmd_run.h"
#include "sim/mem.h"

#if defined(__SANITIZE_ADDRESS__)
#define OOM_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OOM_LEAK_CHECK 1
#endif
#endif
#ifdef OOM_LEAK_CHECK
int __lsan_do_recoverable_leak_check(void);
#endif

#define OUT_MAX (1 << 20)

static unsigned long oom_calls;    /* allocations so far in this run */
static unsigned long oom_fail_at;  /* the one to fail, 1-based; 0: none */

/* Counts the call; true when it is the one to fail. */
static int oom_now(void)
{
	if (++oom_calls != oom_fail_at)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *mem_malloc(size_t size)
{
	return oom_now() ? NULL : malloc(size);
}

void *mem_calloc(size_t n, size_t size)
{
	return oom_now() ? NULL : calloc(n, size);
}

void *mem_realloc(void *p, size_t size)
{
	return oom_now() ? NULL : realloc(p, size);
}

char *mem_strdup(const char *s)
{
	return oom_now() ? NULL : strdup(s);
}

char *mem_strndup(const char *s, size_t n)
{
	return oom_now() ? NULL : strndup(s, n);
}

/* What one run of the command gave. */
struct outcome {
	int rc;
	char *out, *err;       /* stdout and stderr, NUL-terminated */
	size_t out_len, err_len;
};

/* Reads a temporary file whole into a new NUL-terminated buffer. */
static char *slurp(FILE *f, size_t *len)
{
	char *buf = malloc(OUT_MAX + 1);

	if (!buf)
		abort();
	rewind(f);
	*len = fread(buf, 1, OUT_MAX, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Runs `callsim run ARGS` in-process with stdout and stderr captured. */
static void oom_run_once(int argc, char **argv, struct outcome *o)
{
	FILE *fo = tmpfile(), *fe = tmpfile();
	int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);

	if (!fo || !fe || saved_out < 0 || saved_err < 0)
		abort();
	fflush(stdout);
	fflush(stderr);
	dup2(fileno(fo), STDOUT_FILENO);
	dup2(fileno(fe), STDERR_FILENO);
	o->rc = cmd_run(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	o->out = slurp(fo, &o->out_len);
	o->err = slurp(fe, &o->err_len);
}

/* Checks the run that failed allocation n against the run with none;
 * returns 0 when it is acceptable, else prints why and returns 1. */
static int oom_judge(unsigned long n, const struct outcome *base,
		     const struct outcome *o)
{
	const char *why = NULL;

	if (oom_calls < n)
		why = "fewer allocations than the counting run made";
	else if (o->rc == CLI_EXIT_OK
		 && (o->out_len != base->out_len
		     || memcmp(o->out, base->out, o->out_len) != 0))
		why = "succeeded with different output";
	else if (o->rc != CLI_EXIT_OK && o->rc != CLI_EXIT_FAILURE)
		why = "exit code is neither 0 nor 1";
	else if (o->rc == CLI_EXIT_FAILURE && !strstr(o->err, "out of memory"))
		why = "failed without saying 'out of memory'";
#ifdef OOM_LEAK_CHECK
	else if (__lsan_do_recoverable_leak_check() != 0)
		why = "leaked memory";
#endif
	if (!why)
		return 0;
	fprintf(stderr, "allocation %lu failing: %s (exit %d)\nstderr:\n%s\n",
		n, why, o->rc, o->err);
	return 1;
}

static void outcome_free(struct outcome *o)
{
	free(o->out);
	free(o->err);
}

/* Counts the allocations of one run, then fails each in turn; returns
 * the number of unacceptable runs. */
static int oom_walk(int argc, char **argv)
{
	struct outcome base, o;
	unsigned long total, n;
	int bad = 0;

	oom_fail_at = 0;
	oom_calls = 0;
	oom_run_once(argc, argv, &base);
	total = oom_calls;
	if (base.rc != CLI_EXIT_OK) {
		fprintf(stderr, "%s: the run fails without any allocation failing "
			"(exit %d):\n%s", argv[1], base.rc, base.err);
		return 1;
	}
	for (n = 1; n <= total; n++) {
		oom_fail_at = n;
		oom_calls = 0;
		oom_run_once(argc, argv, &o);
		bad += oom_judge(n, &base, &o);
		outcome_free(&o);
	}
	printf("%s: %lu allocations, each failed in turn; %d bad\n", argv[1],
	       total, bad);
	outcome_free(&base);
	return bad;
}

int main(void)
{
	/* Two small forces, between them every kind of allocation: lines
	 * with patience, redials and wrap-up on two pools, and incident
	 * response with units, roles and areas. One thread: see above. */
	char *calls[] = { "run", "tests/cli/small.yaml", "--days", "1",
			  "--warmup-hours", "2", "--replications", "2",
			  "--threads", "1", "--intervals", NULL };
	char *units[] = { "run", "tests/cli/exp_units.yaml", "--days", "1",
			  "--warmup-hours", "2", "--replications", "2",
			  "--threads", "1", "--format", "json", NULL };
	int bad;

	gsl_set_error_handler_off();
	bad = oom_walk(11, calls);
	bad += oom_walk(12, units);
	return bad ? EXIT_FAILURE : EXIT_SUCCESS;
}
