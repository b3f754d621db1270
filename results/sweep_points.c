/* sweep_points.c: a sweep's points built and checked (see
 * sweep_points.h). */
#include "results/sweep_points.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "results/experiment.h"
#include "sim/mem.h"
#include "sim/replicate.h"

/* The edits of point `point` into edits[]: the caller's, one per axis
 * (origin "--vary", so a problem with it is named as the user wrote it),
 * the run settings. Returns how many. */
static size_t sweep_points_edits(const struct sweep_points *p, size_t point,
				 struct scenario_edit *edits)
{
	size_t n = 0;

	for (size_t i = 0; i < p->n_sets; i++)
		edits[n++] = p->sets[i];
	for (size_t a = 0; a < p->grid->n_axes; a++)
		if (a != sweep_grid_scenario_axis(p->grid))
			edits[n++] = (struct scenario_edit){
			.path = p->grid->axes[a].path,
			.text = sweep_grid_value(p->grid, point, a),
			.origin = "--vary",
		};
	for (size_t i = 0; i < p->n_settings; i++)
		edits[n++] = p->settings[i];
	return n;
}

enum sim_status sweep_points_build(const struct sweep_points *p, size_t point,
				   struct sim_err *warnings,
				   struct scenario **out, struct sim_err *err)
{
	struct scenario_edit *edits = mem_calloc(p->n_sets + p->grid->n_axes
						 + p->n_settings, sizeof *edits);
	size_t axis = sweep_grid_scenario_axis(p->grid);
	struct experiment_variant v = { .doc = p->doc, .edits = edits };
	enum sim_status st;

	assert(p->grid->n_axes >= 1);
	if (axis < p->grid->n_axes)
		v.doc = p->docs[sweep_grid_index(p->grid, point, axis)];
	*out = NULL;
	if (edits == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	v.n_edits = sweep_points_edits(p, point, edits);
	st = experiment_variant_build(&v, warnings, out, err);
	free(edits);
	return st;
}

/* What the threads checking the points share: each job writes only its
 * own point's slots of the facts. */
struct sweep_points_job {
	const struct sweep_points *p;
	const struct sweep_points_facts *facts;
};

/* Refuses each of outputs (pairs, option and path; NULL: none) that is
 * a CSV file point k's scenario sc reads: a point may vary a CSV path,
 * so each point's are its own. */
static enum sim_status sweep_points_apart(const struct scenario *sc, size_t k,
					  const char *const *outputs,
					  struct sim_err *err)
{
	char whose[64];
	enum sim_status st = SIM_OK;

	snprintf(whose, sizeof whose, "the scenario of point %zu", k);
	for (size_t i = 0; outputs != NULL && outputs[i] != NULL
	     && st == SIM_OK; i += 2)
		st = scenario_csv_apart(sc, outputs[i], outputs[i + 1], whose,
					err);
	return st;
}

/* Job k: builds point k and keeps what it read. */
static enum sim_status sweep_points_one(void *arg, size_t k,
					struct sim_err *err)
{
	struct sweep_points_job *job = arg;
	const struct sweep_points_facts *facts = job->facts;
	struct scenario *sc;
	enum sim_status st = sweep_points_build(job->p, k, NULL, &sc, err);

	if (st == SIM_OK && sc->run.replications != facts->reps)
		st = sim_err_add(err, SIM_EINVAL, "point %zu changes "
				 "run.replications; every point must run as "
				 "many", k);
	if (st == SIM_OK)
		st = sweep_points_apart(sc, k, facts->outputs, err);
	if (st == SIM_OK) {
		facts->content[k] = sc->content_fnv1a;
		facts->rows[k] = sweep_point_lines(sc, facts->format);
		if (facts->format == SWEEP_CSV_WIDE)
			facts->columns[k] = sweep_point_columns(sc);
		if (facts->rows[k] == 0)
			st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	scenario_free(sc);
	return st;
}

enum sim_status sweep_points_check(const struct sweep_points *p,
				   unsigned threads,
				   const struct sweep_points_facts *facts,
				   struct sim_err *err)
{
	struct sweep_points_job job = { p, facts };

	return replicate_run(p->grid->n_points, threads, sweep_points_one, &job,
			     err);
}
