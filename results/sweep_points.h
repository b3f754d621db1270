/* sweep_points.h: the points of a sweep as variants of its scenario.
 *
 * Point k is the scenario document (read once, before any point is built)
 * with, in order, the caller's edits (--set), one edit per axis of the
 * grid (results/sweep.h), then the run settings, exactly as `callsim run`
 * orders them, so a point's figures are byte for byte those of `callsim
 * run` with the same --set options. It is built in memory by the
 * experiment path (experiment_variant_build), and an axis's edit has
 * origin "--vary", so a problem with it is named as the user wrote it:
 * "--vary path=value", not "--set". Every point has the same seed: neighbouring
 * points see the same callers (common random numbers) and differ only by
 * the change.
 *
 * Nothing here prints; problems are returned in a struct sim_err. */
#ifndef RESULTS_SWEEP_POINTS_H
#define RESULTS_SWEEP_POINTS_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario.h"
#include "results/sweep.h"
#include "sim/sim_err.h"

/* What the points are built from (all borrowed). */
struct sweep_points {
	const struct scenario_doc *doc;    /* the scenario, read once */
	const struct scenario_edit *sets;  /* edits before the axes */
	size_t n_sets;
	const struct sweep_grid *grid;
	const struct scenario_edit *settings;  /* edits after them (run.*) */
	size_t n_settings;
	/* With a scenario axis (results/sweep.h): docs[v] is the file of its
	 * value v, each read once, and doc is not used; else NULL. */
	const struct scenario_doc *const *docs;
};

/* Builds point `point` (< grid->n_points) into *out, its warnings into
 * warnings when not NULL. Returns SIM_OK and a new scenario; the loader's
 * status with every problem in err; SIM_ENOMEM. Safe to call from several
 * threads at once. */
enum sim_status sweep_points_build(const struct sweep_points *p, size_t point,
				   struct sim_err *warnings,
				   struct scenario **out, struct sim_err *err);

/* What sweep_points_check learns of every point. */
struct sweep_points_facts {
	unsigned reps;           /* the run.replications every point must have */
	enum sweep_format format;
	uint64_t *content;       /* [n_points]: what each point read */
	size_t *rows;            /* [n_points]: rows each point takes */
	uint64_t *columns;       /* [n_points]: SWEEP_CSV_WIDE: a hash of the
				    point's column names; else not touched */
	const char *const *outputs; /* pairs, option and path ("--out",
				    "s.csv"), ended by NULL (a NULL path
				    skipped): the files the sweep writes,
				    which no point may read as a CSV; or
				    NULL */
};

/* Builds every point on `threads` threads (0: one a core), so that a bad
 * value anywhere in the grid is found before anything runs, and keeps in
 * facts->content[k] what point k read (its scenario's content_fnv1a: the
 * hash of the document's bytes and of the CSVs it names, so a point built
 * again to run is known to have the same), in facts->rows[k] the rows the
 * point takes in the format (sweep_point_lines), and for a wide CSV a hash
 * of its column names in facts->columns[k]. Returns SIM_OK; the lowest
 * failing point's problems in err, SIM_EINVAL when a point changes
 * run.replications from reps (every point must run as many) or reads one
 * of facts->outputs as a CSV (scenario_csv_apart); SIM_ENOMEM. */
enum sim_status sweep_points_check(const struct sweep_points *p,
				   unsigned threads,
				   const struct sweep_points_facts *facts,
				   struct sim_err *err);

#endif
