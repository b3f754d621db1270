/* sweep_points.c: a sweep's points built and checked (see
 * sweep_points.h). */
#include "results/sweep_points.h"

#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/experiment.h"
#include "sim/mem.h"
#include "sim/replicate.h"

/* Copies the loader's lines of from into to (empty), naming "--vary"
 * where an axis's edit is the culprit of a scenario problem: the user
 * wrote --vary, not --set. */
static void sweep_points_relabel(const struct sweep_grid *g,
				 const struct sim_err *from, struct sim_err *to)
{
	if (from->status != SIM_ESCENARIO) {
		*to = *from;
		return;
	}
	for (const char *line = from->text; *line; ) {
		int len = (int)strcspn(line, "\n");
		bool vary = false;

		for (size_t a = 0; !vary && a < g->n_axes; a++) {
			size_t n = strlen(g->axes[a].path);

			vary = strncmp(line, "--set ", 6) == 0
			       && strncmp(line + 6, g->axes[a].path, n) == 0
			       && line[6 + n] == '=';
		}
		if (vary)
			sim_err_add(to, from->status, "--vary %.*s", len - 6,
				    line + 6);
		else
			sim_err_add(to, from->status, "%.*s", len, line);
		line += len + (line[len] == '\n');
	}
	to->n_lines += from->n_lines - from->n_kept;
}

/* The edits of point `point` into edits[] (each axis's edit newly
 * allocated into axis[]); returns how many, or 0 when out of memory (a
 * point always has an edit per axis, and a grid at least one axis). */
static size_t sweep_points_edits(const struct sweep_points *p, size_t point,
				 const char **edits, char **axis)
{
	size_t n = 0;

	for (size_t i = 0; i < p->n_sets; i++)
		edits[n++] = p->sets[i];
	for (size_t a = 0; a < p->grid->n_axes; a++) {
		const char *value = sweep_grid_value(p->grid, point, a);
		size_t len = strlen(p->grid->axes[a].path) + strlen(value) + 2;

		axis[a] = mem_malloc(len);
		if (axis[a] == NULL)
			return 0;
		snprintf(axis[a], len, "%s=%s", p->grid->axes[a].path, value);
		edits[n++] = axis[a];
	}
	for (size_t i = 0; i < p->n_settings; i++)
		edits[n++] = p->settings[i];
	return n;
}

/* Builds the variant of point `point` with the loader's own messages. */
static enum sim_status sweep_points_load(const struct sweep_points *p,
					 size_t point, struct sim_err *warnings,
					 struct scenario **out,
					 struct sim_err *err)
{
	size_t n_axes = p->grid->n_axes;
	const char **edits = mem_calloc(p->n_sets + n_axes + p->n_settings + 1,
					sizeof *edits);
	char **axis = mem_calloc(n_axes + 1, sizeof *axis);
	struct experiment_variant v = { .path = p->path, .edits = edits };
	enum sim_status st;

	assert(n_axes >= 1);
	if (edits != NULL && axis != NULL)
		v.n_edits = sweep_points_edits(p, point, edits, axis);
	if (v.n_edits > 0)
		st = experiment_variant_build(&v, warnings, out, err);
	else
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t a = 0; axis != NULL && a < n_axes; a++)
		free(axis[a]);
	free(axis);
	free(edits);
	return st;
}

enum sim_status sweep_points_build(const struct sweep_points *p, size_t point,
				   struct sim_err *warnings,
				   struct scenario **out, struct sim_err *err)
{
	struct sim_err raw, raw_warnings;
	enum sim_status st;

	*out = NULL;
	sim_err_clear(&raw);
	sim_err_clear(&raw_warnings);
	st = sweep_points_load(p, point, warnings ? &raw_warnings : NULL, out,
			       &raw);
	if (warnings != NULL)
		sweep_points_relabel(p->grid, &raw_warnings, warnings);
	if (st != SIM_OK)
		sweep_points_relabel(p->grid, &raw, err);
	return st;
}

/* What the threads checking the points share: each job writes only its
 * own point's slot of content. */
struct sweep_points_job {
	const struct sweep_points *p;
	unsigned reps;
	uint64_t *content;
};

/* Job k: builds point k and keeps what it read. */
static enum sim_status sweep_points_one(void *arg, size_t k,
					struct sim_err *err)
{
	struct sweep_points_job *job = arg;
	struct scenario *sc;
	enum sim_status st = sweep_points_build(job->p, k, NULL, &sc, err);

	if (st == SIM_OK && sc->run.replications != job->reps)
		st = sim_err_add(err, SIM_EINVAL, "point %zu changes "
				 "run.replications; every point must run as "
				 "many", k);
	if (st == SIM_OK)
		job->content[k] = sc->content_fnv1a;
	scenario_free(sc);
	return st;
}

enum sim_status sweep_points_check(const struct sweep_points *p,
				   unsigned threads, unsigned reps,
				   uint64_t *content, struct sim_err *err)
{
	struct sweep_points_job job = { p, reps, content };

	return replicate_run(p->grid->n_points, threads, sweep_points_one, &job,
			     err);
}
