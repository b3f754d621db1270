/* call_log_read.h: a telephony system's call log (one CSV row a call),
 * read and checked for what a fit needs.
 *
 * Columns are found by name: each field below is the column of that name
 * in the header row (the names callsim run --calls-log writes, any case),
 * or the column an option "COLUMN=field" maps to it, so an export with
 * its own headers is read as it is. Required: arrived, and either outcome
 * or answered and abandoned. A wait is wait_s, or answered/abandoned less
 * arrived; an outcome is the outcome column, or which of answered and
 * abandoned is given. A row with counted 0 (a run's warm-up) is left out.
 *
 * Problems, each "FILE:LINE:COL: column: what is wrong" in the yaml_doc's
 * err: a cell that cannot be read, a negative duration, an answer or
 * abandonment before arrival, a call id given twice, call ids out of the
 * order of arrival (or, without ids, rows out of order), and a gap of a
 * day or more with no call. A row with a problem is not kept; a gap is
 * kept in `gaps` so a fit leaves it out of the period observed. */
#ifndef MODELS_CALL_LOG_READ_H
#define MODELS_CALL_LOG_READ_H

#include <stddef.h>

#include "models/log_time.h"
#include "models/yaml_doc.h"

enum call_log_field {
	CALL_LOG_CALL_ID, CALL_LOG_LINE, CALL_LOG_ARRIVED, CALL_LOG_ANSWERED,
	CALL_LOG_ABANDONED, CALL_LOG_WAIT, CALL_LOG_TALK, CALL_LOG_WRAP,
	CALL_LOG_POOL, CALL_LOG_HANDLER, CALL_LOG_OUTCOME, CALL_LOG_COUNTED,
	CALL_LOG_CALLER_ID, CALL_LOG_REDIAL, CALL_LOG_DUPLICATE, CALL_LOG_FIELDS
};

enum call_log_outcome {
	CALL_LOG_WAS_ANSWERED, CALL_LOG_WAS_ABANDONED, CALL_LOG_STILL_WAITING
};

#define CALL_LOG_NAMES_MAX 64      /* lines, and pools, a log may name */
#define CALL_LOG_GAP_S 86400.0     /* no call for this long is a gap */

struct call_log_row {
	double arrived;          /* seconds since the epoch (UTC) */
	double wait_s;
	double talk_s, wrap_s;   /* NAN when not given */
	long long id;            /* -1 without a call_id column */
	long long caller;        /* caller_id; -1 when not given */
	int redial;              /* 1 a redial, 0 not, -1 not given */
	int duplicate;           /* 1 about an incident already reported,
				    0 not, -1 not given */
	int line, pool;          /* indices into names; pool -1 when none */
	int handler;             /* 0 when none */
	int outcome;             /* enum call_log_outcome */
	int src_line;            /* in the file, for messages */
	int id_col, arrived_col;
};

struct call_log_gap {
	double from, to;         /* the arrivals either side */
};

struct call_log {
	struct call_log_row *rows;     /* in order of arrival */
	size_t n, cap;
	char *lines[CALL_LOG_NAMES_MAX];
	int n_lines;
	char *pools[CALL_LOG_NAMES_MAX];
	int n_pools;
	int has[CALL_LOG_FIELDS];      /* the column was found */
	size_t n_read;                 /* data rows in the file */
	size_t n_bad;                  /* rows left out for a problem */
	size_t n_uncounted;            /* rows with counted 0 */
	struct call_log_gap *gaps;
	size_t n_gaps;
	enum log_time_format format;   /* as detected or given */
};

/* How to read a log. */
struct call_log_options {
	const char *const *map;        /* "COLUMN=field" each */
	size_t n_map;
	enum log_time_format format;
};

/* The field names, in enum order. */
extern const char *const call_log_field_names[];

/* Reads the log at path into *log (free with call_log_clear). Problems
 * are added to yd->err and counted in yd->n_problems; rows with one are
 * left out and counted in n_bad. Returns SIM_OK (the log read, problems
 * or not), SIM_ESCENARIO when it could not be read at all (unreadable,
 * no header, a required column missing, a bad --map), or SIM_ENOMEM. */
enum sim_status call_log_read(const char *path,
			      const struct call_log_options *opt,
			      struct call_log *log, struct yaml_doc *yd);
/* Frees what log owns and zeroes it; NULL is a no-op. */
void call_log_clear(struct call_log *log);

#endif
