/* partial_merge.c: the parts of a long run checked to be of one run and to
 * cover its replications once each, and their sums added into the run's
 * summary (see partial.h). One part's document is held at a time. */
#include "results/partial.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

/* A part's range, kept for the check of gaps and overlaps. */
struct partial_merge_range {
	const char *name;
	uint32_t first, end;
};

/* The strings of array a joined by spaces into buf (cut short with "..."
 * when long), for a message. */
static const char *partial_merge_words(const json_t *a, char *buf,
				       size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < json_array_size(a) && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i > 0 ? " " : "",
					json_string_value(json_array_get(a, i)));
	if (len >= size && size > 4)
		memcpy(buf + size - 4, "...", 4);
	return buf;
}

/* Environments of p (named b) and of the first part (named a): each item
 * that differs refused, or a warning when mixed is allowed. */
static void partial_merge_env(const struct partial_part *first, const char *a,
			      const struct partial_part *p, const char *b,
			      bool mixed, struct sim_err *warnings,
			      struct sim_err *err)
{
	for (int k = 0; k < PARTIAL_ENV_KEYS; k++) {
		if (strcmp(first->env.v[k], p->env.v[k]) == 0)
			continue;
		sim_err_add(mixed ? warnings : err, SIM_EINVAL,
			    "%s: environment.%s: \"%s\", but %s has \"%s\": "
			    "%s", b, partial_env_key(k), p->env.v[k], a,
			    first->env.v[k], mixed
			    ? "merged as --mixed-environment asks; the figures "
			      "may differ in their last digits from a run on "
			      "either"
			    : "parts built or run differently may differ in "
			      "their last bits; give --mixed-environment to "
			      "merge them all the same");
	}
}

/* p (named b) is of the run the first part (named a) is of: every
 * difference in err. */
static void partial_merge_same(const struct partial_part *first,
			       const char *a, const struct partial_part *p,
			       const char *b, bool mixed,
			       struct sim_err *warnings, struct sim_err *err)
{
	char x[256], y[256];
	int before = err->n_lines;

	if (strcmp(first->version, p->version) != 0)
		sim_err_add(err, SIM_EINVAL, "%s: callsim_version: %s, but %s "
			    "has %s: parts must be run by one version of "
			    "callsim", b, p->version, a, first->version);
	partial_merge_env(first, a, p, b, mixed, warnings, err);
	if (strcmp(first->fingerprint, p->fingerprint) != 0)
		sim_err_add(err, SIM_EINVAL, "%s: content_fnv1a: %s, but %s "
			    "has %s: the parts were run on different scenario "
			    "files", b, p->fingerprint, a, first->fingerprint);
	if (first->seed != p->seed)
		sim_err_add(err, SIM_EINVAL, "%s: seed: %" PRIu64 ", but %s has "
			    "%" PRIu64 ": parts of one run share its seed", b,
			    p->seed, a, first->seed);
	if (first->days != p->days || first->warmup_hours != p->warmup_hours)
		sim_err_add(err, SIM_EINVAL, "%s: days %g, warm-up %g hours, "
			    "but %s has %g and %g: parts of one run share its "
			    "horizon", b, p->days, p->warmup_hours, a,
			    first->days, first->warmup_hours);
	if (first->replications != p->replications)
		sim_err_add(err, SIM_EINVAL, "%s: replications: %" PRIu32 ", "
			    "but %s has %" PRIu32 ": parts of one run share "
			    "its number of replications", b, p->replications,
			    a, first->replications);
	/* The options in words, when nothing above has said how they differ. */
	if (err->n_lines == before
	    && (!json_equal(first->overrides, p->overrides)
		|| !json_equal(first->command, p->command)))
		sim_err_add(err, SIM_EINVAL, "%s: command: \"%s\", but %s has "
			    "\"%s\": parts of one run are run with the same "
			    "options", b,
			    partial_merge_words(p->command, x, sizeof x), a,
			    partial_merge_words(first->command, y, sizeof y));
}

/* Loads the scenario the first part p (named name) was run on, checks it
 * is the file it was run on, and makes the accumulator of the run. */
static enum sim_status partial_merge_start(const struct partial_part *p,
					   const char *name,
					   const struct partial_merge_opts *o,
					   struct partial_merged *out,
					   struct summary_acc **acc,
					   struct sim_err *warnings,
					   struct sim_err *err)
{
	const char **overrides = mem_calloc(json_array_size(p->overrides) + 1,
					    sizeof *overrides);
	struct scenario_source src = {
		.path = o->scenario_path != NULL ? o->scenario_path
			: p->scenario_path,
		.overrides = overrides,
		.n_overrides = json_array_size(p->overrides),
		.warnings = warnings,
	};
	char fp[24];
	enum sim_status st;

	if (overrides == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; i < src.n_overrides; i++)
		overrides[i] = json_string_value(json_array_get(p->overrides, i));
	st = scenario_load(&src, &out->sc, err);
	free(overrides);
	if (st != SIM_OK && o->scenario_path == NULL)
		sim_err_add(err, st, "%s: scenario_path: \"%s\", as the part "
			    "was run, is read again for the scenario's names, "
			    "goals and rosters; where it is elsewhere (a merge "
			    "on another machine), give it with --scenario FILE",
			    name, p->scenario_path);
	if (st != SIM_OK)
		return st;
	snprintf(fp, sizeof fp, "%016" PRIx64, out->sc->content_fnv1a);
	if (strcmp(fp, p->fingerprint) != 0)
		return sim_err_add(err, SIM_EINVAL, "%s: content_fnv1a: %s, but "
				   "the scenario %s read now has %s: it has "
				   "changed since the part was run", name,
				   p->fingerprint, src.path, fp);
	*acc = summary_acc_new(out->sc);
	return *acc == NULL ? sim_err_add(err, SIM_ENOMEM, "out of memory")
		: SIM_OK;
}

static int partial_merge_by_first(const void *a, const void *b)
{
	const struct partial_merge_range *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* The ranges (sorted here) cover 0 .. reps - 1 once each: every gap,
 * overlap and duplicate in err, naming the parts. */
static enum sim_status partial_merge_ranges(struct partial_merge_range *r,
					    size_t n, uint32_t reps,
					    struct sim_err *err)
{
	uint32_t next = 0;
	const char *last = NULL;

	qsort(r, n, sizeof *r, partial_merge_by_first);
	for (size_t i = 0; i < n; i++) {
		if (r[i].first > next)
			sim_err_add(err, SIM_EINVAL, "replications %" PRIu32
				    ":%" PRIu32 " are in no part (a gap %s%s "
				    "and %s)", next, r[i].first,
				    last != NULL ? "between " : "before",
				    last != NULL ? last : "", r[i].name);
		else if (i > 0 && r[i].first == r[i - 1].first
			 && r[i].end == r[i - 1].end)
			sim_err_add(err, SIM_EINVAL, "%s and %s both hold "
				    "replications %" PRIu32 ":%" PRIu32 " (a "
				    "duplicate)", r[i - 1].name, r[i].name,
				    r[i].first, r[i].end);
		else if (r[i].first < next)
			sim_err_add(err, SIM_EINVAL, "%s (%" PRIu32 ":%" PRIu32
				    ") overlaps %s, which holds up to %" PRIu32,
				    r[i].name, r[i].first, r[i].end, last, next);
		if (r[i].end > next) {
			next = r[i].end;
			last = r[i].name;
		}
	}
	if (next < reps)
		sim_err_add(err, SIM_EINVAL, "replications %" PRIu32 ":%" PRIu32
			    " are in no part (the run has %" PRIu32 "; the "
			    "last part, %s, ends at %" PRIu32 ")", next, reps,
			    reps, last, next);
	return sim_err_failed(err) ? err->status : SIM_OK;
}

/* The first part's command words into out. */
static enum sim_status partial_merge_command(const struct partial_part *p,
					     struct partial_merged *out,
					     struct sim_err *err)
{
	size_t n = json_array_size(p->command);

	out->command = mem_calloc(n + 1, sizeof *out->command);
	if (out->command == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++) {
		out->command[i] = mem_strdup(
			json_string_value(json_array_get(p->command, i)));
		if (out->command[i] == NULL)
			return sim_err_add(err, SIM_ENOMEM, "out of memory");
		out->n_command = i + 1;
	}
	return SIM_OK;
}

/* Part i (at path) read into p and added to acc: the first one starts the
 * run (scenario, accumulator), the others are checked against it. */
static enum sim_status partial_merge_one(size_t i, const char *const *paths,
					 struct partial_part *first,
					 struct partial_part *p,
					 const struct partial_merge_opts *o,
					 struct partial_merged *out,
					 struct summary_acc **acc,
					 struct sim_err *warnings,
					 struct sim_err *err)
{
	enum sim_status st = partial_read_file(paths[i], p, err);

	if (st == SIM_OK && i == 0)
		st = partial_merge_start(p, paths[0], o, out, acc, warnings,
					 err);
	if (st == SIM_OK && i > 0) {
		partial_merge_same(first, paths[0], p, paths[i], o->mixed_env,
				   warnings, err);
		st = sim_err_failed(err) ? err->status : SIM_OK;
	}
	if (st == SIM_OK)
		st = partial_part_add(p, paths[i], *acc, err);
	return st;
}

enum sim_status partial_merge_files(const char *const *paths, size_t n,
				    const struct partial_merge_opts *opts,
				    struct partial_merged *out,
				    struct sim_err *warnings,
				    struct sim_err *err)
{
	struct partial_part first = { 0 }, p = { 0 };
	struct partial_merge_range *ranges = mem_calloc(n, sizeof *ranges);
	struct summary_acc *acc = NULL;
	enum sim_status st = ranges != NULL ? SIM_OK
		: sim_err_add(err, SIM_ENOMEM, "out of memory");

	*out = (struct partial_merged){ 0 };
	for (size_t i = 0; st == SIM_OK && i < n; i++) {
		struct partial_part *cur = i == 0 ? &first : &p;

		st = partial_merge_one(i, paths, &first, cur, opts, out, &acc,
				       warnings, err);
		ranges[i] = (struct partial_merge_range){ paths[i], cur->first,
							  cur->end };
		/* Only the first part's head is kept, to check the others. */
		if (i == 0 && first.root != NULL)
			json_object_del(first.root, "sums");
		if (i > 0)
			partial_part_clear(&p);
	}
	if (st == SIM_OK)
		st = partial_merge_ranges(ranges, n, first.replications, err);
	if (st == SIM_OK && (out->s = summary_of_acc(acc, err)) == NULL)
		st = err->status;
	if (st == SIM_OK)
		st = partial_merge_command(&first, out, err);
	partial_part_clear(&first);
	summary_acc_free(acc);
	free(ranges);
	if (st != SIM_OK)
		partial_merged_clear(out);
	return st;
}

void partial_merged_clear(struct partial_merged *m)
{
	summary_free(m->s);
	scenario_free(m->sc);
	for (size_t i = 0; m->command != NULL && i < m->n_command; i++)
		free(m->command[i]);
	free(m->command);
	*m = (struct partial_merged){ 0 };
}
