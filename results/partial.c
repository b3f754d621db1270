/* partial.c: a part of a long run run and saved, and parts merged into the
 * run's summary (see partial.h; reading a part back is partial_read.c). */
#include "results/partial.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gsl/gsl_version.h>
#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

#include "callsim_config.h"
#include "results/emit.h"
#include "results/result_read.h"
#include "sim/mem.h"

static const char *const partial_env_keys[PARTIAL_ENV_KEYS] = {
	"compiler", "libc", "gsl", "arch", "cpu", "fma_contract"
};

const char *partial_env_key(enum partial_env_key k)
{
	return partial_env_keys[k];
}

/* The CPU features glibc's x86-64 libm chooses its exp and log by (an FMA
 * and AVX2 version, an FMA4 one, or SSE2), as words; "none" elsewhere. */
static void partial_env_cpu(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	__builtin_cpu_init();
	if (__builtin_cpu_supports("fma"))
		len += (size_t)snprintf(buf + len, size - len, "fma ");
	if (__builtin_cpu_supports("fma4"))
		len += (size_t)snprintf(buf + len, size - len, "fma4 ");
	if (__builtin_cpu_supports("avx2"))
		len += (size_t)snprintf(buf + len, size - len, "avx2 ");
#endif
	if (len == 0)
		snprintf(buf, size, "none");
	else
		buf[len - 1] = '\0';
}

void partial_env_get(struct partial_env *out)
{
	memset(out, 0, sizeof *out);
#if defined(__clang__)
	snprintf(out->v[PARTIAL_ENV_COMPILER], PARTIAL_ENV_TEXT_MAX,
		 "clang %s", __clang_version__);
#elif defined(__GNUC__)
	snprintf(out->v[PARTIAL_ENV_COMPILER], PARTIAL_ENV_TEXT_MAX,
		 "gcc %s", __VERSION__);
#else
	snprintf(out->v[PARTIAL_ENV_COMPILER], PARTIAL_ENV_TEXT_MAX, "unknown");
#endif
#if defined(__GLIBC__)
	snprintf(out->v[PARTIAL_ENV_LIBC], PARTIAL_ENV_TEXT_MAX, "glibc %s",
		 gnu_get_libc_version());
#else
	snprintf(out->v[PARTIAL_ENV_LIBC], PARTIAL_ENV_TEXT_MAX, "unknown");
#endif
	snprintf(out->v[PARTIAL_ENV_GSL], PARTIAL_ENV_TEXT_MAX, "%s",
		 gsl_version);
#if defined(__x86_64__)
	snprintf(out->v[PARTIAL_ENV_ARCH], PARTIAL_ENV_TEXT_MAX, "x86_64");
#elif defined(__aarch64__)
	snprintf(out->v[PARTIAL_ENV_ARCH], PARTIAL_ENV_TEXT_MAX, "aarch64");
#else
	snprintf(out->v[PARTIAL_ENV_ARCH], PARTIAL_ENV_TEXT_MAX, "other");
#endif
	partial_env_cpu(out->v[PARTIAL_ENV_CPU], PARTIAL_ENV_TEXT_MAX);
#if defined(__FP_FAST_FMA)
	snprintf(out->v[PARTIAL_ENV_FMA_CONTRACT], PARTIAL_ENV_TEXT_MAX, "yes");
#else
	snprintf(out->v[PARTIAL_ENV_FMA_CONTRACT], PARTIAL_ENV_TEXT_MAX, "no");
#endif
}

/* Every figure's exact sums, one a line: [n, "s1", e1, "s2", e2]. */
static void partial_write_sums(struct emit_json *w, const struct summary_acc *a)
{
	struct moments_exact x;

	emit_json_key(w, "sums");
	emit_json_open(w, '[');
	for (size_t k = 0; k < summary_acc_figures(a); k++) {
		summary_acc_get_exact(a, k, &x);
		emit_json_next(w);
		fprintf(w->f, "[%" PRIu64 ", \"%s\", %ld, \"%s\", %ld]", x.n,
			x.s1, x.e1, x.s2, x.e2);
	}
	emit_json_close(w, ']');
}

/* What identifies the run: the version, the environment, the scenario and
 * what was given on the command line. */
static void partial_write_head(struct emit_json *w, const struct scenario *sc,
			       const struct partial_run *run)
{
	struct partial_env env;
	char text[24];

	partial_env_get(&env);
	emit_json_key_string(w, "schema", PARTIAL_SCHEMA);
	emit_json_key_number(w, "schema_version", PARTIAL_SCHEMA_VERSION);
	emit_json_key_string(w, "callsim_version", CALLSIM_VERSION);
	emit_json_key(w, "environment");
	emit_json_open(w, '{');
	for (int k = 0; k < PARTIAL_ENV_KEYS; k++)
		emit_json_key_string(w, partial_env_keys[k], env.v[k]);
	emit_json_close(w, '}');
	snprintf(text, sizeof text, "%016" PRIx64, sc->content_fnv1a);
	emit_json_key_string(w, "content_fnv1a", text);
	emit_json_key_string(w, "scenario_path", run->scenario_path);
	emit_json_key_strings(w, "overrides", run->overrides, run->n_overrides);
	emit_json_key_strings(w, "command", run->command, run->n_command);
	snprintf(text, sizeof text, "%" PRIu64, sc->run.seed);
	emit_json_key_string(w, "seed", text);   /* beyond JSON's integers */
	emit_json_key_number(w, "days", sc->run.days);
	emit_json_key_number(w, "warmup_hours", sc->run.warmup_s / 3600.0);
}

/* The part's members but its last, without the object's closing brace,
 * to f. */
static void partial_write_body(FILE *f, const struct summary_acc *a,
			       const struct scenario *sc,
			       const struct partial_run *run)
{
	struct emit_json w = { .f = f, .depth = 0 };

	emit_json_open(&w, '{');
	partial_write_head(&w, sc, run);
	emit_json_key_number(&w, "replications", sc->run.replications);
	emit_json_key_number(&w, "first", run->first);
	emit_json_key_number(&w, "end", run->end);
	emit_json_key(&w, "events");
	fprintf(f, "%" PRIu64, summary_acc_events(a));
	emit_json_key_number(&w, "figures", (double)summary_acc_figures(a));
	partial_write_sums(&w, a);
}

/* The body is made in memory first: the check member that ends the part
 * is the hash of every byte before it. */
enum sim_status partial_write(FILE *f, const struct summary_acc *a,
			      const struct scenario *sc,
			      const struct partial_run *run,
			      struct sim_err *err)
{
	char *body = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&body, &len);

	if (mem == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	partial_write_body(mem, a, sc, run);
	if (fclose(mem) != 0) {
		free(body);
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	fwrite(body, 1, len, f);
	fprintf(f, PARTIAL_CHECK_HEAD "%016" PRIx64 PARTIAL_CHECK_TAIL,
		scenario_fnv1a(SCENARIO_FNV1A_INIT, body, len));
	free(body);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the partial result "
				   "failed");
	return SIM_OK;
}

/* Writes the part to path through path.tmp, renamed once whole. */
static enum sim_status partial_save(const char *path,
				    const struct summary_acc *a,
				    const struct scenario *sc,
				    const struct partial_run *run,
				    struct sim_err *err)
{
	size_t len = strlen(path);
	char *tmp = mem_malloc(len + 5);
	enum sim_status st;
	FILE *f;

	if (tmp == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	memcpy(tmp, path, len);
	memcpy(tmp + len, ".tmp", 5);
	f = fopen(tmp, "w");
	if (f == NULL) {
		st = sim_err_add(err, SIM_EIO, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return st;
	}
	st = partial_write(f, a, sc, run, err);
	if (fclose(f) != 0 && st == SIM_OK)
		st = sim_err_add(err, SIM_EIO, "%s: %s", tmp, strerror(errno));
	if (st == SIM_OK && rename(tmp, path) != 0)
		st = sim_err_add(err, SIM_EIO, "%s: %s", path, strerror(errno));
	if (st != SIM_OK)
		remove(tmp);
	free(tmp);
	return st;
}

enum sim_status partial_run(const struct scenario *sc,
			    const struct experiment_spec *spec,
			    const struct partial_run *run, const char *path,
			    struct sim_err *err)
{
	struct experiment_spec s = *spec;
	struct experiment_trial t = { .sc = sc };
	enum sim_status st;

	if (run->first >= run->end || run->end > sc->run.replications)
		return sim_err_add(err, SIM_EINVAL, "--replications-range "
				   "%" PRIu32 ":%" PRIu32 ": must be A:B with "
				   "0 <= A < B <= %u, the run's replications",
				   run->first, run->end, sc->run.replications);
	s.first = run->first;
	s.count = run->end - run->first;
	st = experiment_run(&t, 1, &s, err);
	if (st == SIM_OK)
		st = partial_save(path, t.acc, sc, run, err);
	experiment_trial_clear(&t);
	return st;
}

/* Whether the file at path, a regular file small enough to be a result,
 * is a JSON object whose "schema" is PARTIAL_SCHEMA wherever it stands. */
static bool partial_is_document(const char *path)
{
	struct stat st;
	json_t *doc;
	bool is;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)
	    || (uintmax_t)st.st_size > RESULT_READ_SIZE_MAX)
		return false;
	/* A sweep's CSV shard fails at its first byte, a JSON Lines shard
	 * at its second line: neither is read far. */
	doc = json_load_file(path, 0, NULL);
	is = json_is_string(json_object_get(doc, "schema"))
	     && strcmp(json_string_value(json_object_get(doc, "schema")),
		       PARTIAL_SCHEMA) == 0;
	json_decref(doc);
	return is;
}

bool partial_is_file(const char *path)
{
	char head[512];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return false;
	n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	/* However the JSON is spaced, so a part reformatted since it was
	 * written reaches the reader of parts, which says what is wrong. */
	for (const char *p = strstr(head, "\"schema\""); p != NULL;
	     p = strstr(p + 1, "\"schema\"")) {
		const char *v = p + strlen("\"schema\"");

		v += strspn(v, " \t\r\n");
		if (*v++ != ':')
			continue;
		v += strspn(v, " \t\r\n");
		if (strncmp(v, "\"" PARTIAL_SCHEMA "\"",
			    sizeof PARTIAL_SCHEMA + 1) == 0)
			return true;
	}
	/* Not near the start: its keys may have been re-ordered (`jq -S`
	 * sorts them, and "schema" falls far down), which the reader of
	 * parts also tells the user. */
	return partial_is_document(path);
}
