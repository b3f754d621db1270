/* incident_log_read.h: a command-and-control system's incident log (one
 * CSV row an incident), read and checked for what a fit needs.
 *
 * Columns are found by name, as in a call log (call_log_read.h): the
 * names callsim run --incidents-log writes (any case), or the column an
 * option "COLUMN=field" maps to a field. Required: grade, created. The
 * others are used when present: call_id links an incident to its call,
 * area its area, dispatched, arrived and cleared time its response, unit
 * ("AREA/ROLE/N") which unit was sent, preempted whether a unit was taken
 * off it. A row with counted 0 (a run's warm-up) is left out.
 *
 * Problems, each "FILE:LINE:COL: column: what is wrong" in the yaml_doc's
 * err: a cell that cannot be read, a time before the one it follows
 * (dispatched before created, arrived before dispatched, cleared before
 * arrived), a unit not written AREA/ROLE/N, an incident id given twice.
 * A row with a problem is not kept. */
#ifndef MODELS_INCIDENT_LOG_READ_H
#define MODELS_INCIDENT_LOG_READ_H

#include <stddef.h>

#include "models/log_time.h"
#include "models/yaml_doc.h"

enum incident_log_field {
	INCIDENT_LOG_ID, INCIDENT_LOG_CALL_ID, INCIDENT_LOG_GRADE,
	INCIDENT_LOG_AREA, INCIDENT_LOG_CREATED, INCIDENT_LOG_DISPATCHED,
	INCIDENT_LOG_ARRIVED, INCIDENT_LOG_CLEARED, INCIDENT_LOG_UNIT,
	INCIDENT_LOG_PREEMPTED, INCIDENT_LOG_COUNTED, INCIDENT_LOG_FIELDS
};

#define INCIDENT_LOG_NAMES_MAX 64   /* grades, areas, roles a log may name */
#define INCIDENT_LOG_GRADES_MAX 8   /* as a scenario's grades */

struct incident_log_row {
	double created, dispatched, arrived, cleared;   /* UTC s; NAN: empty */
	long long id, call_id;      /* -1 when not given */
	int grade, area;            /* indices into names; area -1: none */
	int unit_area, unit_role;   /* -1 without a unit */
	long long unit_n;           /* the unit's number, 0 without one */
	int preempted;
	int src_line, id_col;       /* in the file, for messages */
};

struct incident_log {
	struct incident_log_row *rows;   /* in the order of the file */
	size_t n, cap;
	char *grades[INCIDENT_LOG_NAMES_MAX];
	int n_grades;
	char *areas[INCIDENT_LOG_NAMES_MAX];
	int n_areas;
	char *roles[INCIDENT_LOG_NAMES_MAX];
	int n_roles;
	int has[INCIDENT_LOG_FIELDS];    /* the column was found */
	size_t n_read, n_bad, n_uncounted;
	enum log_time_format format;
};

struct incident_log_options {
	const char *const *map;          /* "COLUMN=field" each */
	size_t n_map;
	enum log_time_format format;
};

/* The field names, in enum order. */
extern const char *const incident_log_field_names[];

/* Reads the log at path into *log (free with incident_log_clear).
 * Problems are added to yd->err and counted in yd->n_problems; rows with
 * one are left out and counted in n_bad. Returns SIM_OK (read, problems
 * or not), SIM_ESCENARIO when it could not be read at all, or
 * SIM_ENOMEM. */
enum sim_status incident_log_read(const char *path,
				  const struct incident_log_options *opt,
				  struct incident_log *log, struct yaml_doc *yd);
/* Frees what log owns and zeroes it; NULL is a no-op. */
void incident_log_clear(struct incident_log *log);

#endif
