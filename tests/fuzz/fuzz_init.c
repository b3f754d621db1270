/* fuzz_init.c: the set-up every harness shares, linked into each harness
 * and its replay.
 *
 * The command's main() turns GSL's aborting error handler off; so must a
 * harness, or a GSL domain error would look like a crash. */
#include <gsl/gsl_errno.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gsl_set_error_handler_off();
	return 0;
}
