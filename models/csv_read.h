/* csv_read.h: a CSV file (a weekly profile, empirical samples) read whole
 * and cut into rows in place. Cells are separated by ',' or, where numbers
 * have a decimal comma, by ';' (the first line decides); blank lines and
 * '#' comments are skipped. Problems are reported through a yaml_doc, as
 * "FILE.csv:LINE:COL: key.path: what is wrong", at most
 * CSV_READ_BAD_CELLS_MAX a file. */
#ifndef MODELS_CSV_READ_H
#define MODELS_CSV_READ_H

#include <stdarg.h>
#include <stddef.h>

#include "models/yaml_doc.h"

#define CSV_READ_BAD_CELLS_MAX 5 /* bad cells reported per CSV file */

/* A CSV file read whole and cut into rows in place. */
struct csv_read {
	char *text;
	char *next;                  /* start of the next unread line */
	char *row;                   /* start of the current line */
	int line;                    /* 1-based number of the current line */
	int n_bad;                   /* bad cells reported so far */
	char sep;                    /* ',' or ';'; 0 before the first row */
	int n_cells;                 /* cells of the first data line */
	int row_cells;               /* cells of the current line */
	int row_bad;                 /* the current line was reported */
	const char *ypath;           /* key path of the YAML that named it */
	char path[1100];             /* as opened, for messages */
};

/* Reports a problem at byte `at` of the current line. */
void csv_read_report(struct yaml_doc *yd, struct csv_read *c, const char *at,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Reports a problem at 0-based byte col of line `line` of the file, in
 * the log's column named column (NULL: none), capped as csv_read_report
 * is (four times over: a log has many columns). */
void csv_read_vreport_at(struct yaml_doc *yd, struct csv_read *c, int line,
			 int col, const char *column, const char *fmt,
			 va_list ap);
/* A log's columns: the names of its n fields, and the "COLUMN=FIELD"
 * mappings given with option `option` (e.g. "--map"). */
struct csv_read_fields {
	const char *const *names;
	int n;
	const char *const *map;
	size_t n_map;
	const char *option;
};
/* Finds each field's column among the header's n cells, the row c has
 * just read: the column a mapping names for it, else the column named as
 * it (any case). col[f] is -1 for a field with no column, and col_name[f]
 * the name of its column. Returns 0, or -1 with a malformed mapping, or a
 * field two columns give alike (two named as it, or two mapped to it),
 * reported in yd's errors. */
int csv_read_columns(struct yaml_doc *yd, const struct csv_read *c,
		     const struct csv_read_fields *fl, char **cells, int n,
		     int *col, const char **col_name);
/* Cuts the next data line into at most max trimmed cells; the last cell
 * keeps any further separators. Returns the number of cells, 0 at the
 * end; c->row_cells is how many the line holds (possibly more than max),
 * and c->row_bad whether the line was reported. */
int csv_read_row(struct yaml_doc *yd, struct csv_read *c, char **cells,
		 int max);
/* A cell as a number (yaml_doc_text_number); in a file separated by ';'
 * the decimal mark is a comma, and a point is refused with -4. */
int csv_read_number(const struct csv_read *c, const char *cell, double *v);
/* Reports a cell that csv_read_number refused (rc) or whose value is out
 * of range (rc 0), at its own position. */
void csv_read_bad_cell(struct yaml_doc *yd, struct csv_read *c,
		       const char *cell, int rc, const char *allowed);
/* A cell as a number within rule r (its bounds, open where r says; r's
 * `whole` is not read) into *v; 0 after reporting it with r->allowed. */
int csv_read_cell(struct yaml_doc *yd, struct csv_read *c, const char *cell,
		  const struct yaml_doc_rule *r, double *v);

#endif
