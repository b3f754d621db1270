/* sweep.h: the grid of a parameter sweep, and the file it fills.
 *
 * A sweep varies scenario values (key paths, as --set names them) over a
 * grid: each axis is a range "path=from:to:step" or a list
 * "path=v1,v2,...", and the points are every combination, numbered from 0
 * with the first axis varying slowest. A point is the scenario with one
 * override per axis, "path=value", the value text exactly as the grid holds
 * it, so the loader checks it as it checks any --set.
 *
 * The output is CSV (tidy: one row per figure, starting with the point
 * number and the value of each axis as fields of their own, then the
 * fields `callsim run --format csv` writes) or JSON Lines (one object per
 * point: its number, its values, then the members `callsim run --format
 * json` writes, on one line). Either starts with a header that identifies
 * the sweep (the scenario's name, a hash of every byte read to load the
 * points, seed, replications, days, axes, overrides): a CSV file with a "# {...}" comment line and the column
 * names, a JSON Lines file with a first object holding "callsim_sweep".
 * A shard's file (results/sweep_shard.h) holds some of the points: its
 * header names the shard last, and an end line follows its last point.
 *
 * Each point is formatted whole into memory and written with one write, so
 * an interrupted sweep leaves complete points followed by at most one
 * partial point; sweep_resume_scan finds where the complete points end. A
 * CSV row may span lines (a name with a line break, in quotes): the scan
 * counts rows, not lines.
 *
 * Nothing here prints except to a FILE * the caller gives; errors are
 * returned in a struct sim_err. Grids own their strings; free them with
 * sweep_grid_clear. */
#ifndef RESULTS_SWEEP_H
#define RESULTS_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "models/scenario.h"
#include "results/summary.h"
#include "results/sweep_shard.h"
#include "sim/sim_err.h"

/* The most points a grid may have: a sweep bigger than this is a typo in
 * a step more often than a plan. */
#define SWEEP_POINTS_MAX 100000
/* The most axes a grid may have. */
#define SWEEP_AXES_MAX 16

/* Tidy CSV (a row per figure), JSON Lines (an object per point), or wide
 * CSV (a row per point, a column per figure: results/report_csv.h). */
enum sweep_format { SWEEP_CSV, SWEEP_JSONL, SWEEP_CSV_WIDE };

/* One varied key path and its values. */
struct sweep_axis {
	char *spec;                /* as given, "path=from:to:step" */
	char *path;                /* "lines.999.volume.per_hour" */
	char **values;             /* texts of the values, in order */
	size_t n_values;           /* >= 1 */
};

struct sweep_grid {
	struct sweep_axis *axes;   /* owned */
	size_t n_axes;
	size_t n_points;           /* product of the axes' sizes; 1 if none */
};

/* Parses spec ("path=from:to:step", "path=v1,v2,..." or "path=v") and adds
 * it to g as the next (faster-varying) axis. A range holds from, from +
 * step, ... up to to (inclusive, within a rounding error), each printed
 * with %.10g; a text with a ',' is a list (empty items are refused), one
 * without ',' or ':' a single value. Returns SIM_OK; SIM_EINVAL with one
 * line in err for a malformed spec (no '=', a bound not in plain decimal,
 * step <= 0, from > to, an empty list), a path already varied, run.seed or
 * run.replications (every point shares them), too many axes or more than
 * SWEEP_POINTS_MAX points; SIM_ENOMEM. On failure g is unchanged. */
enum sim_status sweep_grid_add(struct sweep_grid *g, const char *spec,
			       struct sim_err *err);
/* Frees what g owns and empties it; an empty grid has one point. */
void sweep_grid_clear(struct sweep_grid *g);
/* The value text of axis `axis` at point `point` (< g->n_points). */
const char *sweep_grid_value(const struct sweep_grid *g, size_t point,
			     size_t axis);
/* The index of that value among the axis's values. */
size_t sweep_grid_index(const struct sweep_grid *g, size_t point,
			size_t axis);

/* The path of the axis whose values are scenario files (--vary
 * scenario=a.yaml,b.yaml): each point is built from the file of its value,
 * and the other axes and --set apply to each file alike. Its values are
 * always a list (a file name may hold ':'), of up to SWEEP_SCENARIOS_MAX
 * files, read once each. */
#define SWEEP_SCENARIO_PATH "scenario"
#define SWEEP_SCENARIOS_MAX 1000
/* The index of g's scenario axis, or g->n_axes when it has none. */
size_t sweep_grid_scenario_axis(const struct sweep_grid *g);

/* What a JSON Lines sweep's header says it is, as its last members
 * (results/result_read.h checks them): the version goes up when a key is
 * removed or changes meaning. */
#define SWEEP_SCHEMA "callsim.sweep"
#define SWEEP_SCHEMA_VERSION 1

/* What identifies a sweep, for the header and for --resume: what was
 * read and how it is run, never how a path was spelt, so "./f.yaml" and
 * "f.yaml" are the same sweep and an edited profile CSV is another. */
struct sweep_id {
	const char *name;              /* the scenario's name */
	uint64_t content_fnv1a;        /* sweep_content_add of every point */
	uint64_t seed;                 /* run.seed every point uses */
	unsigned replications;         /* run.replications of every point */
	double days, warmup_hours;     /* run.days, run.warmup_hours of point 0 */
	const struct sweep_grid *grid; /* borrowed */
	const char *const *sets;       /* the --set overrides, in order */
	size_t n_sets;
	enum sweep_format format;
	const struct scenario *sc;     /* SWEEP_CSV_WIDE: point 0's, whose
					  lines, pools, ... name the columns */
	struct sweep_shard shard;      /* the shard this file holds, or the
					  whole sweep ({0, 0}) */
};

/* Adds what the loader read for one point (the content_fnv1a of the point's
 * scenario: its file and every CSV it named) to id->content_fnv1a, which
 * starts at SCENARIO_FNV1A_INIT. Call it for every point, in order. */
void sweep_content_add(struct sweep_id *id, uint64_t point_content);

/* Writes the header of the sweep id to f (borrowed). Returns SIM_OK, or
 * SIM_EIO when f reports a write error. */
enum sim_status sweep_header_write(FILE *f, const struct sweep_id *id,
				   struct sim_err *err);

/* Writes point `point` of g, whose runs s summarises, to f in the given
 * format: the CSV rows (no column names) or the JSON line. Returns SIM_OK,
 * or SIM_ENOMEM / SIM_EIO with err filled. */
enum sim_status sweep_point_write(FILE *f, const struct sweep_grid *g,
				  size_t point, const struct summary *s,
				  enum sweep_format format, struct sim_err *err);

/* The number of rows one point of sc takes in the given format (the CSV
 * rows do not depend on the figures, only on the lines and pools; a JSON
 * Lines point is one line), found by formatting an empty summary. Returns
 * 0 when out of memory. */
size_t sweep_point_lines(const struct scenario *sc, enum sweep_format format);

/* A hash of the wide CSV's column names of a point of sc (after the
 * axes): points whose hashes differ cannot share one wide file. 0 when out
 * of memory. */
uint64_t sweep_point_columns(const struct scenario *sc);

/* What an existing sweep file holds. */
struct sweep_resume {
	size_t points_done;     /* complete points: the first points_done of
				   the shard's (all of the whole sweep's) */
	long keep_bytes;        /* the file up to here is the header and them */
	uint64_t hash;          /* the stream hash of those keep_bytes bytes
				   (scenario_fnv1a_stream) */
	bool has_header;        /* false: the file is empty or holds part of
				   the header only; start it again */
};

/* What sweep_resume_scan looks for in a file. */
struct sweep_scan {
	const char *name;             /* the file, for messages */
	const char *header;           /* as sweep_header_write gave it */
	size_t header_len;
	enum sweep_format format;
	const size_t *point_rows;     /* [n_points]: the rows each point takes
					 (sweep_point_lines of its scenario) */
	size_t n_points;
	struct sweep_shard shard;     /* the points expected, in order */
};

/* Reads the sweep file f (opened for reading, at its start) and checks its
 * header is scan->header. The shard's points must follow in order (0, 1,
 * ... for the whole sweep; K-1, K-1+N, ... for shard K/N), each with its
 * complete rows (a CSV row ends at a line break outside quotes, a JSON
 * Lines row at any); a point short of rows or a row without its '\n' is
 * the partial point an interrupted sweep leaves, and the file is kept only
 * up to the point before it. A shard's end line after its last point is
 * not kept either: the sweep writes it again when it ends. Returns SIM_OK
 * with *out filled; SIM_EINVAL when the header differs (the file belongs to
 * another sweep or shard), the points are out of order, or the end line's
 * hash is not that of the bytes before it (the file was edited), with one
 * line per problem in err naming the file; SIM_EIO or SIM_ENOMEM. */
enum sim_status sweep_resume_scan(FILE *f, const struct sweep_scan *scan,
				  struct sweep_resume *out,
				  struct sim_err *err);

/* Reads one whole row of a sweep file into *row (grown as getline grows
 * it; NUL-terminated): for CSV (csv true), a row goes on over line breaks
 * while a quoted field is open. Returns the row's bytes, its last '\n'
 * included, or -1 at the end of the file, on a read error, or when the
 * row is cut short (no line break at its end). */
ssize_t sweep_row_read(FILE *f, bool csv, char **row, size_t *cap);

/* The point number a row starts with ("12,..." or {"point":12,...}), or
 * -1 when it starts with neither. */
long sweep_row_point(const char *row);

#endif
