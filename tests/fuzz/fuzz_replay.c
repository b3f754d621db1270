/* fuzz_replay.c: runs a libFuzzer harness over saved inputs without
 * libFuzzer, so the seed corpus and every regression input found by
 * fuzzing are replayed by the ordinary test command, in every build.
 *
 * Usage: fuzz_replay_HARNESS PATH...  where each PATH is a file or a
 * directory of files (not searched recursively); a PATH that does not
 * exist holds nothing to replay. Exits 0 when every input ran; a failing
 * input aborts with the harness's message, and the name of the input is
 * printed before it runs. */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file into a new buffer; NULL on failure. */
static uint8_t *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0
	    && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

/* Runs one input; returns 0, or 1 when it cannot be read. */
static int replay_file(const char *path)
{
	size_t len = 0;
	uint8_t *buf = read_all(path, &len);

	if (!buf) {
		fprintf(stderr, "fuzz_replay: cannot read %s\n", path);
		return 1;
	}
	fprintf(stderr, "fuzz_replay: %s\n", path);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

/* Runs every regular file in dir, in name order (so a failure is always
 * reported against the same input); returns the number of failures. */
static int replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), bad = n < 0, i;

	for (i = 0; i < n; i++) {
		char path[4096];
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			bad += replay_file(path);
		free(names[i]);
	}
	free(names);
	if (n < 0)
		fprintf(stderr, "fuzz_replay: cannot list %s\n", dir);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0, i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		struct stat st;

		/* A harness's regressions directory exists only once fuzzing
		 * has found something for it. */
		if (stat(argv[i], &st) != 0 && errno == ENOENT)
			fprintf(stderr, "fuzz_replay: no %s, nothing to replay\n",
				argv[i]);
		else if (S_ISDIR(st.st_mode))
			bad += replay_dir(argv[i]);
		else
			bad += replay_file(argv[i]);
	}
	return bad ? EXIT_FAILURE : EXIT_SUCCESS;
}
