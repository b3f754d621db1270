/* incident_log_read.c: reading an incident log and checking its rows
 * (incident_log_read.h). The file is cut with the project's CSV reader
 * (csv_read.h); each problem is reported at the cell that has it. */
#include "models/incident_log_read.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/call_log_read.h"
#include "models/csv_read.h"
#include "models/file_read.h"
#include "sim/mem.h"

#define INCIDENT_LOG_COLUMNS_MAX 256
#define INCIDENT_LOG_ROWS_MAX 100000000

const char *const incident_log_field_names[] = {
	"incident_id", "call_id", "grade", "area", "created", "dispatched",
	"arrived", "cleared", "unit", "preempted", "counted"
};

struct incident_log_ctx {
	struct yaml_doc *yd;
	struct csv_read c;
	struct incident_log *log;
	const struct incident_log_options *opt;
	int col[INCIDENT_LOG_FIELDS];
	const char *col_name[INCIDENT_LOG_FIELDS];
	char *cells[INCIDENT_LOG_COLUMNS_MAX];
	int nc;
};

/* Reports a problem at 0-based byte col of line `line`, for field f
 * (csv_read_vreport_at). */
static void incident_log_report_at(struct incident_log_ctx *x, int line,
				   int col, int f, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void incident_log_report_at(struct incident_log_ctx *x, int line,
				   int col, int f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_read_vreport_at(x->yd, &x->c, line, col,
			    f >= 0 ? x->col_name[f] : NULL, fmt, ap);
	va_end(ap);
}

/* Finds the fields' columns and checks the required ones. Returns 0, or
 * -1 (reported). */
static int incident_log_header(struct incident_log_ctx *x)
{
	int n = csv_read_row(x->yd, &x->c, x->cells, INCIDENT_LOG_COLUMNS_MAX);
	struct csv_read_fields fl = {
		incident_log_field_names, INCIDENT_LOG_FIELDS, x->opt->map,
		x->opt->n_map, "--incident-map"
	};

	if (csv_read_columns(x->yd, &fl, x->cells, n, x->col, x->col_name))
		return -1;
	for (int f = 0; f < INCIDENT_LOG_FIELDS; f++)
		x->log->has[f] = x->col[f] >= 0;
	for (int f = INCIDENT_LOG_GRADE; f <= INCIDENT_LOG_CREATED; f += 2)
		if (x->col[f] < 0) {
			sim_err_add(x->yd->err, SIM_ESCENARIO, "%s:1:1: no "
				    "column for '%s'; name the column that holds "
				    "it with --incident-map COLUMN=%s", x->c.path,
				    incident_log_field_names[f],
				    incident_log_field_names[f]);
			return -1;
		}
	return 0;
}

/* The cell of field f, unquoted, or NULL when absent or empty. */
static char *incident_log_cell(struct incident_log_ctx *x, int f)
{
	char *s;
	size_t len;

	if (x->col[f] < 0 || x->col[f] >= x->nc)
		return NULL;
	s = x->cells[x->col[f]];
	len = strlen(s);
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s[len - 1] = '\0';
		s++;
	}
	return *s ? s : NULL;
}

static void incident_log_bad(struct incident_log_ctx *x, int f,
			     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void incident_log_bad(struct incident_log_ctx *x, int f,
			     const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	incident_log_report_at(x, x->c.line,
			       (int)(x->cells[x->col[f]] - x->c.row), f, "%s",
			       msg);
}

/* A time cell into *t (NAN when empty). Returns 0, or -1 (reported). */
static int incident_log_time(struct incident_log_ctx *x, int f, double *t)
{
	const char *s = incident_log_cell(x, f), *why;

	*t = NAN;
	if (!s)
		return 0;
	if (x->log->format == LOG_TIME_AUTO)
		x->log->format = log_time_detect(s, x->opt->format);
	why = log_time_parse(s, x->log->format, t);
	if (!why)
		return 0;
	incident_log_bad(x, f, "'%.60s' is %s", s, why);
	return -1;
}

/* A whole number cell from lo to hi into *v (dflt when empty). */
static int incident_log_whole(struct incident_log_ctx *x, int f, double lo,
			      double hi, long long dflt, long long *v)
{
	const char *s = incident_log_cell(x, f);
	double d;

	*v = dflt;
	if (!s)
		return 0;
	if (csv_read_number(&x->c, s, &d) == 0 && d == floor(d) && d >= lo
	    && d <= hi) {
		*v = (long long)d;
		return 0;
	}
	incident_log_bad(x, f, "'%.60s' is not a whole number from %.0f to "
			 "%.0f", s, lo, hi);
	return -1;
}

/* The index of name among names (added when new): -1 when there are max
 * already, -2 out of memory. */
static int incident_log_name(char **names, int *n, int max, const char *name,
			     size_t len)
{
	for (int i = 0; i < *n; i++)
		if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
			return i;
	if (*n >= max)
		return -1;
	names[*n] = mem_strndup(name, len);
	return names[*n] ? (*n)++ : -2;
}

/* A name cell (grade, area) into *idx (-1 when empty). Returns 0, -1
 * (reported) or -2 out of memory. */
static int incident_log_named(struct incident_log_ctx *x, int f,
			      char **names, int *n, int max, int *idx)
{
	const char *s = incident_log_cell(x, f);

	*idx = -1;
	if (!s)
		return 0;
	*idx = incident_log_name(names, n, max, s, strlen(s));
	if (*idx == -1) {
		incident_log_bad(x, f, "'%.60s' is one name more than the %d a "
				 "log may have", s, max);
		return -1;
	}
	return *idx < 0 ? *idx : 0;
}

/* The unit cell, "AREA/ROLE/N", into r. Returns 0, -1 (reported) or -2. */
static int incident_log_unit(struct incident_log_ctx *x,
			     struct incident_log_row *r)
{
	const char *s = incident_log_cell(x, INCIDENT_LOG_UNIT), *a, *b;
	struct incident_log *log = x->log;
	char *end;

	r->unit_area = r->unit_role = -1;
	if (!s)
		return 0;
	a = strchr(s, '/');
	b = a ? strrchr(s, '/') : NULL;
	r->unit_n = b && b > a + 1 && a > s ? strtoll(b + 1, &end, 10) : 0;
	if (!b || b == a || r->unit_n < 1 || r->unit_n > 1000000 || *end) {
		incident_log_bad(x, INCIDENT_LOG_UNIT, "'%.60s' is not a unit "
				 "AREA/ROLE/N (N a whole number from 1 to "
				 "1000000)", s);
		r->unit_n = 0;
		return -1;
	}
	r->unit_area = incident_log_name(log->areas, &log->n_areas,
					 INCIDENT_LOG_NAMES_MAX, s,
					 (size_t)(a - s));
	r->unit_role = incident_log_name(log->roles, &log->n_roles,
					 INCIDENT_LOG_NAMES_MAX, a + 1,
					 (size_t)(b - a - 1));
	if (r->unit_area == -2 || r->unit_role == -2)
		return -2;
	if (r->unit_area >= 0 && r->unit_role >= 0)
		return 0;
	incident_log_bad(x, INCIDENT_LOG_UNIT, "'%.60s' names one area or role "
			 "more than the %d a log may have", s,
			 INCIDENT_LOG_NAMES_MAX);
	return -1;
}

/* A time t of field f that may not come before `from` (field ff). */
static int incident_log_after(struct incident_log_ctx *x, int f, double t,
			      int ff, double from)
{
	if (isnan(t) || isnan(from) || t >= from)
		return 0;
	incident_log_bad(x, f, "%.3f s before %s", from - t,
			 incident_log_field_names[ff]);
	return -1;
}

/* The times of the current row and their order. Returns bad cells. */
static int incident_log_times(struct incident_log_ctx *x,
			      struct incident_log_row *r)
{
	int bad = 0;

	bad += incident_log_time(x, INCIDENT_LOG_CREATED, &r->created) != 0;
	bad += incident_log_time(x, INCIDENT_LOG_DISPATCHED,
				 &r->dispatched) != 0;
	bad += incident_log_time(x, INCIDENT_LOG_ARRIVED, &r->arrived) != 0;
	bad += incident_log_time(x, INCIDENT_LOG_CLEARED, &r->cleared) != 0;
	if (bad)
		return bad;
	if (isnan(r->created)) {
		incident_log_report_at(x, x->c.line,
				       (int)(x->cells[x->col[INCIDENT_LOG_CREATED]]
					     - x->c.row), INCIDENT_LOG_CREATED,
				       "empty; every incident needs the time it "
				       "was created");
		return 1;
	}
	bad += incident_log_after(x, INCIDENT_LOG_DISPATCHED, r->dispatched,
				  INCIDENT_LOG_CREATED, r->created);
	bad += incident_log_after(x, INCIDENT_LOG_ARRIVED, r->arrived,
				  INCIDENT_LOG_CREATED, r->created);
	bad += incident_log_after(x, INCIDENT_LOG_CLEARED, r->cleared,
				  INCIDENT_LOG_ARRIVED, r->arrived);
	return bad;
}

/* Reads the current row into *r: 0 good, 1 not counted, -1 bad
 * (reported), -2 out of memory. */
static int incident_log_row_read(struct incident_log_ctx *x,
				 struct incident_log_row *r)
{
	struct incident_log *log = x->log;
	long long counted, pre;
	int bad = x->c.row_bad, rc;

	memset(r, 0, sizeof *r);
	r->src_line = x->c.line;
	r->id_col = x->col[INCIDENT_LOG_ID] >= 0 && x->col[INCIDENT_LOG_ID] < x->nc
		? (int)(x->cells[x->col[INCIDENT_LOG_ID]] - x->c.row) : 0;
	bad += incident_log_times(x, r);
	bad += incident_log_whole(x, INCIDENT_LOG_ID, 0, 9e15, -1, &r->id) != 0;
	bad += incident_log_whole(x, INCIDENT_LOG_CALL_ID, 0, 9e15, -1,
				  &r->call_id) != 0;
	bad += incident_log_whole(x, INCIDENT_LOG_PREEMPTED, 0, 1, 0, &pre) != 0;
	bad += incident_log_whole(x, INCIDENT_LOG_COUNTED, 0, 1, 1,
				  &counted) != 0;
	r->preempted = (int)pre;
	rc = incident_log_named(x, INCIDENT_LOG_GRADE, log->grades,
				&log->n_grades, INCIDENT_LOG_GRADES_MAX,
				&r->grade);
	if (rc == 0 && r->grade < 0) {
		incident_log_bad(x, INCIDENT_LOG_GRADE, "empty; every incident "
				 "needs its grade");
		rc = -1;
	}
	if (rc == 0)
		rc = incident_log_named(x, INCIDENT_LOG_AREA, log->areas,
					&log->n_areas, INCIDENT_LOG_NAMES_MAX,
					&r->area);
	if (rc == 0)
		rc = incident_log_unit(x, r);
	if (rc == -2)
		return -2;
	bad += rc != 0;
	return bad ? -1 : counted ? 0 : 1;
}

static int incident_log_push(struct incident_log *log,
			     const struct incident_log_row *r)
{
	if (log->n == log->cap) {
		size_t cap = log->cap ? log->cap * 2 : 1024;
		struct incident_log_row *p = mem_realloc(log->rows,
							 cap * sizeof *p);

		if (!p)
			return -1;
		log->rows = p;
		log->cap = cap;
	}
	log->rows[log->n++] = *r;
	return 0;
}

/* Reads every data row. Returns SIM_OK, SIM_ESCENARIO or SIM_ENOMEM. */
static enum sim_status incident_log_rows(struct incident_log_ctx *x)
{
	struct incident_log_row r;
	int rc;

	while ((x->nc = csv_read_row(x->yd, &x->c, x->cells,
				     INCIDENT_LOG_COLUMNS_MAX)) > 0) {
		if (++x->log->n_read > INCIDENT_LOG_ROWS_MAX)
			return sim_err_add(x->yd->err, SIM_ESCENARIO, "%s: more "
					   "than %d rows", x->c.path,
					   INCIDENT_LOG_ROWS_MAX);
		/* A row of the wrong shape was reported as one problem; its
		 * cells are not read, which would report it again. */
		rc = x->c.row_bad ? -1 : incident_log_row_read(x, &r);
		if (rc == -2 || (rc == 0 && incident_log_push(x->log, &r)))
			return sim_err_add(x->yd->err, SIM_ENOMEM,
					   "out of memory");
		x->log->n_bad += rc == -1;
		x->log->n_uncounted += rc == 1;
	}
	return SIM_OK;
}

static int incident_log_by_id(const void *a, const void *b)
{
	const struct incident_log_row *x = a, *y = b;

	if (x->id != y->id)
		return (x->id > y->id) - (x->id < y->id);
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

/* With incident ids: each given once; a repeat is reported and left out. */
static void incident_log_unique(struct incident_log_ctx *x)
{
	struct incident_log *log = x->log;
	size_t w = 0;

	if (x->col[INCIDENT_LOG_ID] < 0)
		return;
	qsort(log->rows, log->n, sizeof *log->rows, incident_log_by_id);
	for (size_t i = 0; i < log->n; i++) {
		const struct incident_log_row *r = &log->rows[i];

		if (w > 0 && r->id >= 0 && r->id == log->rows[w - 1].id) {
			incident_log_report_at(x, r->src_line, r->id_col,
					       INCIDENT_LOG_ID,
					       "incident %lld is already on line "
					       "%d", r->id,
					       log->rows[w - 1].src_line);
			log->n_bad++;
			continue;
		}
		log->rows[w++] = *r;
	}
	log->n = w;
}

static enum sim_status incident_log_open(struct incident_log_ctx *x,
					 const char *path)
{
	char why[200];
	size_t len;
	int e;

	memset(&x->c, 0, sizeof x->c);
	snprintf(x->c.path, sizeof x->c.path, "%s", path);
	e = file_read_whole(path, CALL_LOG_BYTES_MAX, &x->c.text, &len);
	if (e == 0) {
		x->c.next = x->c.text;
		return SIM_OK;
	}
	return sim_err_add(x->yd->err, e == ENOMEM ? SIM_ENOMEM : SIM_ESCENARIO,
			   "%s: cannot read the incident log: %s", path,
			   file_read_fail_text(e, CALL_LOG_BYTES_MAX,
					       "an incident log", why,
					       sizeof why));
}

enum sim_status incident_log_read(const char *path,
				  const struct incident_log_options *opt,
				  struct incident_log *log, struct yaml_doc *yd)
{
	struct incident_log_ctx *x = mem_calloc(1, sizeof *x);
	enum sim_status st;

	memset(log, 0, sizeof *log);
	if (!x)
		return sim_err_add(yd->err, SIM_ENOMEM, "out of memory");
	x->yd = yd;
	x->log = log;
	x->opt = opt;
	log->format = opt->format;
	st = incident_log_open(x, path);
	if (st == SIM_OK)
		st = incident_log_header(x) ? SIM_ESCENARIO : SIM_OK;
	if (st == SIM_OK)
		st = incident_log_rows(x);
	if (st == SIM_OK)
		incident_log_unique(x);
	free(x->c.text);
	free(x);
	if (st != SIM_OK)
		incident_log_clear(log);
	return st;
}

void incident_log_clear(struct incident_log *log)
{
	if (!log)
		return;
	for (int i = 0; i < log->n_grades; i++)
		free(log->grades[i]);
	for (int i = 0; i < log->n_areas; i++)
		free(log->areas[i]);
	for (int i = 0; i < log->n_roles; i++)
		free(log->roles[i]);
	free(log->rows);
	memset(log, 0, sizeof *log);
}
