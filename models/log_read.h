/* log_read.h: reading a log of the force's own records — a CSV file
 * whose header names its columns, one row a call (call_log_read.h) or an
 * incident (incident_log_read.h) — the part both logs share.
 *
 * Each of a log's fields is found in the column of its name, or the
 * column an option "COLUMN=field" maps to it; the rows are cut one by
 * one, and a cell is read as a time, a whole number or a name, each
 * problem reported at the cell that has it, as "FILE:LINE:COL: column:
 * what is wrong" in the yaml_doc's err. What a field means, which are
 * required and the checks across rows are the logs' own. */
#ifndef MODELS_LOG_READ_H
#define MODELS_LOG_READ_H

#include <stddef.h>

#include "models/csv_read.h"
#include "models/log_time.h"
#include "models/yaml_doc.h"

#define LOG_READ_FIELDS_MAX 16      /* fields a log reads */
#define LOG_READ_COLUMNS_MAX 256    /* columns of a log's header */
#define LOG_READ_ROWS_MAX 100000000
#define LOG_READ_BYTES_MAX ((size_t)1 << 30)   /* 1 GiB */

/* One log file being read: the file, its fields' columns and the current
 * row's cells. */
struct log_read {
	struct yaml_doc *yd;
	struct csv_read c;
	const char *const *field_names;
	int n_fields;
	int col[LOG_READ_FIELDS_MAX];    /* -1: not in the file */
	const char *col_name[LOG_READ_FIELDS_MAX];
	char *cells[LOG_READ_COLUMNS_MAX];
	int nc;                          /* cells of the current row */
	enum log_time_format *format;    /* the log's: detected from its
					    first time when auto */
	enum log_time_format given;      /* as the options gave it */
	size_t n_read, n_bad, n_uncounted;   /* data rows: all, left out
						for a problem, counted 0 */
};

/* Reads the file at path whole into x->c (x->yd and the fields set by
 * the caller); `what` names the kind with its article ("a call log").
 * Returns SIM_OK, or SIM_ESCENARIO or SIM_ENOMEM with the problem
 * reported. The text is freed by log_read_close. */
enum sim_status log_read_open(struct log_read *x, const char *path,
			      const char *what);
void log_read_close(struct log_read *x);
/* Finds the fields' columns in the header row, through the mappings
 * given with `option`; has[f] says whether field f has one. Returns 0,
 * or -1 with the problem reported (no header row, a bad mapping). */
int log_read_header(struct log_read *x, const char *const *map,
		    size_t n_map, const char *option, int *has);
/* Reads every data row with row(owner), which returns 0 for a good row,
 * 1 for one not counted, -1 for a bad one (reported) and -2 when out of
 * memory; a row of the wrong shape, already reported, is bad without
 * it. Counts the rows in x. Returns SIM_OK, or SIM_ESCENARIO (too many
 * rows) or SIM_ENOMEM, reported. */
enum sim_status log_read_rows(struct log_read *x, int (*row)(void *owner),
			      void *owner);

/* The cell of field f in the current row, unquoted, or NULL when the
 * field has no column or the cell is empty. */
char *log_read_cell(struct log_read *x, int f);
/* The 0-based byte column of field f's cell in the current row. */
int log_read_cell_col(const struct log_read *x, int f);
/* Reports a problem at 0-based byte col of line `line`, for field f (or
 * none when f < 0). */
void log_read_report_at(struct log_read *x, int line, int col, int f,
			const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Reports a problem at the cell of field f of the current row. */
void log_read_bad(struct log_read *x, int f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A time cell of field f into *t (NAN when empty). Returns 0, or -1. */
int log_read_time(struct log_read *x, int f, double *t);
/* A whole number cell of field f, from lo to hi, into *v (dflt when
 * empty). Returns 0, or -1. */
int log_read_whole(struct log_read *x, int f, double lo, double hi,
		   long long dflt, long long *v);
/* The index of the name of len bytes among the *n names, added when new.
 * Returns -1 when there are max already, -2 out of memory. */
int log_read_name(char **names, int *n, int max, const char *name,
		  size_t len);
/* A name cell of field f into *idx (dflt when empty), added to the *n
 * names when new. Returns 0, -1 (reported: a name a scenario cannot hold,
 * or one name more than max) or -2 out of memory. */
int log_read_named(struct log_read *x, int f, char **names, int *n, int max,
		   int dflt, int *idx);
/* rows (n of them, room for *cap, each of size bytes) with room for one
 * more: rows itself, or grown, *cap doubled from 1,024. NULL when out of
 * memory, rows untouched. */
void *log_read_room(void *rows, size_t n, size_t *cap, size_t size);

#endif
