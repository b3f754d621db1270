/* call_log_read.c: reading a call log and checking its rows
 * (call_log_read.h). The file is cut with the project's CSV reader
 * (csv_read.h); a log's cells are checked here, each problem reported at
 * the cell that has it. */
#include "models/call_log_read.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/csv_read.h"
#include "models/file_read.h"
#include "sim/mem.h"

#define CALL_LOG_COLUMNS_MAX 256   /* columns of a log's header */
#define CALL_LOG_ROWS_MAX 100000000

const char *const call_log_field_names[] = {
	"call_id", "line", "arrived", "answered", "abandoned", "wait_s",
	"talk_s", "wrap_s", "pool", "handler", "outcome", "counted",
	"caller_id", "redial", "duplicate"
};

static const char *const call_log_outcomes[] = {
	"answered", "abandoned", "unanswered_at_end"
};

/* What reading one file needs: the reader, the columns of the fields and
 * their names as the file gives them. */
struct call_log_ctx {
	struct yaml_doc *yd;
	struct csv_read c;
	struct call_log *log;
	const struct call_log_options *opt;
	int col[CALL_LOG_FIELDS];        /* -1: not in the file */
	const char *col_name[CALL_LOG_FIELDS];
	char *cells[CALL_LOG_COLUMNS_MAX];
	int nc;
};

/* Reports a problem at column `col` (0-based byte) of line `line` of the
 * file, for field f (csv_read_vreport_at). */
static void call_log_report_at(struct call_log_ctx *x, int line, int col,
			       int f, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void call_log_report_at(struct call_log_ctx *x, int line, int col,
			       int f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_read_vreport_at(x->yd, &x->c, line, col,
			    f >= 0 ? x->col_name[f] : NULL, fmt, ap);
	va_end(ap);
}

/* Finds the fields' columns in the header row. Returns 0, or -1 with the
 * problem reported. */
static int call_log_header(struct call_log_ctx *x)
{
	int n = csv_read_row(x->yd, &x->c, x->cells, CALL_LOG_COLUMNS_MAX);
	struct csv_read_fields fl = { call_log_field_names, CALL_LOG_FIELDS,
				      x->opt->map, x->opt->n_map, "--map" };

	if (n == 0) {
		for (int f = 0; f < CALL_LOG_FIELDS; f++)
			x->col[f] = -1;
		sim_err_add(x->yd->err, SIM_ESCENARIO, "%s: no header row: the "
			    "first line must name the columns", x->c.path);
		return -1;
	}
	if (csv_read_columns(x->yd, &fl, x->cells, n, x->col, x->col_name))
		return -1;
	for (int f = 0; f < CALL_LOG_FIELDS; f++)
		x->log->has[f] = x->col[f] >= 0;
	return 0;
}

/* Checks the required columns are there. Returns 0, or -1 (reported). */
static int call_log_required(struct call_log_ctx *x)
{
	const char *miss = NULL;

	if (x->col[CALL_LOG_ARRIVED] < 0)
		miss = "arrived";
	else if (x->col[CALL_LOG_OUTCOME] < 0
		 && (x->col[CALL_LOG_ANSWERED] < 0
		     || x->col[CALL_LOG_ABANDONED] < 0))
		miss = x->col[CALL_LOG_ANSWERED] < 0 ? "answered" : "abandoned";
	if (!miss)
		return 0;
	sim_err_add(x->yd->err, SIM_ESCENARIO, "%s:1:1: no column for '%s' "
		    "(and no outcome column); name the column that holds it with "
		    "--map COLUMN=%s", x->c.path, miss, miss);
	return -1;
}

/* The cell of field f in the current row, unquoted, or NULL when the
 * field has no column or the cell is empty. */
static char *call_log_cell(struct call_log_ctx *x, int f)
{
	char *s;
	size_t len;

	if (x->col[f] < 0 || x->col[f] >= x->nc)
		return NULL;
	s = x->cells[x->col[f]];
	len = strlen(s);
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		char *r = s + 1, *w = s + 1;

		s[len - 1] = '\0';
		for (; *r; r++)
			if (*r != '"' || r[1] != '"' || (r++, 1))
				*w++ = *r;
		*w = '\0';
		s++;
	}
	return *s ? s : NULL;
}

/* Reports a problem at the cell of field f of the current row. */
static void call_log_bad(struct call_log_ctx *x, int f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void call_log_bad(struct call_log_ctx *x, int f, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	const char *at = x->cells[x->col[f]];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	call_log_report_at(x, x->c.line, (int)(at - x->c.row), f, "%s", msg);
}

/* A time cell of field f into *t (NAN when empty). Returns 0, or -1. */
static int call_log_time(struct call_log_ctx *x, int f, double *t)
{
	const char *s = call_log_cell(x, f), *why;

	*t = NAN;
	if (!s)
		return 0;
	if (x->log->format == LOG_TIME_AUTO)
		x->log->format = log_time_detect(s, x->opt->format);
	why = log_time_parse(s, x->log->format, t);
	if (!why)
		return 0;
	call_log_bad(x, f, "'%.60s' is %s", s, why);
	return -1;
}

/* A duration cell of field f into *v (NAN when empty): a number >= 0.
 * Returns 0, or -1. */
static int call_log_duration(struct call_log_ctx *x, int f, double *v)
{
	const char *s = call_log_cell(x, f);
	int rc;

	*v = NAN;
	if (!s)
		return 0;
	rc = csv_read_number(&x->c, s, v);
	if (rc == 0 && *v >= 0 && *v <= 1e9)
		return 0;
	if (rc == 0 && *v < 0)
		call_log_bad(x, f, "negative duration %.60s s; must be >= 0", s);
	else
		call_log_bad(x, f, "'%.60s' is not a duration in seconds from "
			     "0 to 1e9", s);
	*v = NAN;
	return -1;
}

/* The index of name among names, added when new. Returns -1 when there
 * are CALL_LOG_NAMES_MAX already, -2 out of memory. */
static int call_log_name(char **names, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	if (*n >= CALL_LOG_NAMES_MAX)
		return -1;
	names[*n] = mem_strdup(name);
	return names[*n] ? (*n)++ : -2;
}

/* A name cell of field f (line or pool) into *idx (dflt when empty).
 * Returns 0, -1 (reported) or -2 out of memory. */
static int call_log_named(struct call_log_ctx *x, int f, char **names,
			  int *n, int dflt, int *idx)
{
	const char *s = call_log_cell(x, f);

	*idx = dflt;
	if (!s)
		return 0;
	*idx = call_log_name(names, n, s);
	if (*idx == -1)
		call_log_bad(x, f, "'%.60s' is one name more than the %d a "
			     "log may have", s, CALL_LOG_NAMES_MAX);
	return *idx < 0 ? *idx : 0;
}

/* A whole number cell of field f, from lo to hi, into *v (dflt when
 * empty). Returns 0, or -1. */
static int call_log_whole(struct call_log_ctx *x, int f, double lo,
			  double hi, long long dflt, long long *v)
{
	const char *s = call_log_cell(x, f);
	double d;

	*v = dflt;
	if (!s)
		return 0;
	if (csv_read_number(&x->c, s, &d) == 0 && d == floor(d) && d >= lo
	    && d <= hi) {
		*v = (long long)d;
		return 0;
	}
	call_log_bad(x, f, "'%.60s' is not a whole number from %.0f to %.0f",
		     s, lo, hi);
	return -1;
}

/* The outcome: the outcome cell, else which of the times is given.
 * Returns 0, or -1. */
static int call_log_outcome(struct call_log_ctx *x, double answered,
			    double abandoned, int *out)
{
	const char *s = call_log_cell(x, CALL_LOG_OUTCOME);

	if (x->col[CALL_LOG_OUTCOME] < 0) {
		*out = !isnan(answered) ? CALL_LOG_WAS_ANSWERED
			: !isnan(abandoned) ? CALL_LOG_WAS_ABANDONED
			: CALL_LOG_STILL_WAITING;
		return 0;
	}
	for (int i = 0; s && i < 3; i++)
		if (strcasecmp(s, call_log_outcomes[i]) == 0) {
			*out = i;
			return 0;
		}
	if (s)
		call_log_bad(x, CALL_LOG_OUTCOME, "'%.60s' is not an outcome; "
			     "must be answered, abandoned or unanswered_at_end",
			     s);
	else
		call_log_report_at(x, x->c.line, 0, CALL_LOG_OUTCOME, "empty; "
				   "must be answered, abandoned or "
				   "unanswered_at_end");
	return -1;
}

/* The wait: wait_s, else answered or abandoned less arrived; checks that
 * neither comes before arrived and that they agree with wait_s. Returns
 * 0, or -1. */
static int call_log_wait(struct call_log_ctx *x, struct call_log_row *r,
			 double answered, double abandoned)
{
	double end = r->outcome == CALL_LOG_WAS_ANSWERED ? answered : abandoned;
	int f = r->outcome == CALL_LOG_WAS_ANSWERED ? CALL_LOG_ANSWERED
		: CALL_LOG_ABANDONED;

	if (!isnan(end) && end < r->arrived) {
		call_log_bad(x, f, "%s %.3f s before the call arrived",
			     f == CALL_LOG_ANSWERED ? "answered" : "abandoned",
			     r->arrived - end);
		return -1;
	}
	if (isnan(r->wait_s))
		r->wait_s = end - r->arrived;
	else if (!isnan(end) && fabs(end - r->arrived - r->wait_s) > 0.0015) {
		call_log_bad(x, CALL_LOG_WAIT, "%.3f s, but %s less arrived is "
			     "%.3f s", r->wait_s, call_log_field_names[f],
			     end - r->arrived);
		return -1;
	}
	if (!isnan(r->wait_s) || r->outcome == CALL_LOG_STILL_WAITING)
		return isnan(r->wait_s) ? -1 : 0;
	call_log_report_at(x, x->c.line, 0, f, "empty, and no wait_s: the "
			   "call's wait is not known");
	return -1;
}

/* The cells of the current row that are not times. Returns the number of
 * bad cells, or -2 out of memory. */
static int call_log_cells(struct call_log_ctx *x, struct call_log_row *r)
{
	long long handler;
	int bad = 0, rc;

	bad += call_log_duration(x, CALL_LOG_WAIT, &r->wait_s) != 0;
	bad += call_log_duration(x, CALL_LOG_TALK, &r->talk_s) != 0;
	bad += call_log_duration(x, CALL_LOG_WRAP, &r->wrap_s) != 0;
	bad += call_log_whole(x, CALL_LOG_CALL_ID, 0, 9e15, -1, &r->id) != 0;
	bad += call_log_whole(x, CALL_LOG_HANDLER, 1, 1e6, 0, &handler) != 0;
	r->handler = (int)handler;
	bad += call_log_whole(x, CALL_LOG_CALLER_ID, 0, 9e15, -1,
			      &r->caller) != 0;
	bad += call_log_whole(x, CALL_LOG_REDIAL, 0, 1, -1, &handler) != 0;
	r->redial = (int)handler;
	bad += call_log_whole(x, CALL_LOG_DUPLICATE, 0, 1, -1, &handler) != 0;
	r->duplicate = (int)handler;
	rc = call_log_named(x, CALL_LOG_LINE, x->log->lines, &x->log->n_lines,
			    -3, &r->line);
	if (rc == -2)
		return -2;
	bad += rc != 0;
	rc = call_log_named(x, CALL_LOG_POOL, x->log->pools, &x->log->n_pools,
			    -1, &r->pool);
	if (rc == -2)
		return -2;
	return bad + (rc != 0);
}

/* Reads the current row into *r. Returns 0 for a good row, 1 for one not
 * counted, -1 for a bad one (reported), -2 out of memory. */
static int call_log_row_read(struct call_log_ctx *x, struct call_log_row *r)
{
	double answered, abandoned;
	long long counted;
	int bad = x->c.row_bad, rc;

	memset(r, 0, sizeof *r);
	r->src_line = x->c.line;
	r->arrived_col = (int)(x->cells[x->col[CALL_LOG_ARRIVED]] - x->c.row);
	r->id_col = x->col[CALL_LOG_CALL_ID] >= 0
		? (int)(x->cells[x->col[CALL_LOG_CALL_ID]] - x->c.row) : 0;
	bad += call_log_time(x, CALL_LOG_ARRIVED, &r->arrived) != 0;
	bad += call_log_time(x, CALL_LOG_ANSWERED, &answered) != 0;
	bad += call_log_time(x, CALL_LOG_ABANDONED, &abandoned) != 0;
	bad += call_log_whole(x, CALL_LOG_COUNTED, 0, 1, 1, &counted) != 0;
	rc = call_log_cells(x, r);
	if (rc == -2)
		return -2;
	bad += rc;
	bad += call_log_outcome(x, answered, abandoned, &r->outcome) != 0;
	if (!bad && isnan(r->arrived)) {
		call_log_report_at(x, x->c.line, r->arrived_col,
				   CALL_LOG_ARRIVED, "empty; every call needs "
				   "its arrival time");
		bad++;
	}
	if (!bad)
		bad += call_log_wait(x, r, answered, abandoned) != 0;
	if (bad)
		return -1;
	return counted ? 0 : 1;
}

/* A call with no line: the log's only line when it has no line column. */
static int call_log_line_given(struct call_log_ctx *x, struct call_log_row *r)
{
	if (r->line != -3)
		return 0;
	if (x->col[CALL_LOG_LINE] < 0) {
		r->line = 0;
		return 0;
	}
	call_log_report_at(x, x->c.line, (int)(x->cells[x->col[CALL_LOG_LINE]]
					       - x->c.row), CALL_LOG_LINE,
			   "empty; every call needs its line");
	return -1;
}

/* Appends r to the log. Returns 0, or -1 out of memory. */
static int call_log_push(struct call_log *log, const struct call_log_row *r)
{
	if (log->n == log->cap) {
		size_t cap = log->cap ? log->cap * 2 : 1024;
		struct call_log_row *p = mem_realloc(log->rows,
						     cap * sizeof *p);

		if (!p)
			return -1;
		log->rows = p;
		log->cap = cap;
	}
	log->rows[log->n++] = *r;
	return 0;
}

/* Reads every data row. Returns SIM_OK or SIM_ENOMEM. */
static enum sim_status call_log_rows(struct call_log_ctx *x)
{
	struct call_log_row r;
	int rc;

	while ((x->nc = csv_read_row(x->yd, &x->c, x->cells,
				     CALL_LOG_COLUMNS_MAX)) > 0) {
		if (++x->log->n_read > CALL_LOG_ROWS_MAX)
			return sim_err_add(x->yd->err, SIM_ESCENARIO, "%s: more "
					   "than %d rows", x->c.path,
					   CALL_LOG_ROWS_MAX);
		/* A row of the wrong shape was reported as one problem; its
		 * cells are not read, which would report it again. */
		rc = x->c.row_bad ? -1 : call_log_row_read(x, &r);
		if (rc == -2)
			return sim_err_add(x->yd->err, SIM_ENOMEM,
					   "out of memory");
		if (rc == 0 && call_log_line_given(x, &r) != 0)
			rc = -1;
		x->log->n_bad += rc == -1;
		x->log->n_uncounted += rc == 1;
		if (rc == 0 && call_log_push(x->log, &r) != 0)
			return sim_err_add(x->yd->err, SIM_ENOMEM,
					   "out of memory");
	}
	return SIM_OK;
}

static int call_log_by_id(const void *a, const void *b)
{
	const struct call_log_row *x = a, *y = b;

	if (x->id != y->id)
		return (x->id > y->id) - (x->id < y->id);
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

static int call_log_by_arrival(const void *a, const void *b)
{
	const struct call_log_row *x = a, *y = b;

	if (x->arrived != y->arrived)
		return (x->arrived > y->arrived) - (x->arrived < y->arrived);
	return (x->src_line > y->src_line) - (x->src_line < y->src_line);
}

/* Drops the rows marked (line < 0), keeping the order. */
static void call_log_compact(struct call_log *log)
{
	size_t w = 0;

	for (size_t i = 0; i < log->n; i++)
		if (log->rows[i].line >= 0)
			log->rows[w++] = log->rows[i];
	log->n_bad += log->n - w;
	log->n = w;
}

/* With call ids: each given once, and in the order of arrival (a system
 * numbers calls as they come, though it may write them as they end).
 * Without: rows in the order of arrival. A row that repeats an id, or
 * arrived before the row before it, is marked and reported; it is judged
 * against the row before it whatever that row's state, so one misplaced
 * row costs at most two. */
static void call_log_order(struct call_log_ctx *x)
{
	struct call_log *log = x->log;
	int ids = x->col[CALL_LOG_CALL_ID] >= 0;

	if (ids)
		qsort(log->rows, log->n, sizeof *log->rows, call_log_by_id);
	for (size_t i = 1; i < log->n; i++) {
		struct call_log_row *r = &log->rows[i];
		const struct call_log_row *prev = &log->rows[i - 1];

		if (ids && r->id == prev->id)
			call_log_report_at(x, r->src_line, r->id_col,
					   CALL_LOG_CALL_ID, "call %lld is "
					   "already on line %d", r->id,
					   prev->src_line);
		else if (r->arrived < prev->arrived)
			call_log_report_at(x, r->src_line, r->arrived_col,
					   CALL_LOG_ARRIVED, "%s arrived %.3f s "
					   "before %s on line %d: rows out of "
					   "order", ids ? "call" : "this call",
					   prev->arrived - r->arrived,
					   ids ? "the call numbered before it"
					   : "the row", prev->src_line);
		else
			continue;
		r->line = -1;
	}
	call_log_compact(log);
}

/* Reports and keeps each gap of CALL_LOG_GAP_S or more between arrivals.
 * Returns 0, or -1 out of memory. */
static int call_log_gaps(struct call_log_ctx *x)
{
	struct call_log *log = x->log;

	for (size_t i = 1; i < log->n; i++) {
		const struct call_log_row *a = &log->rows[i - 1], *b = &log->rows[i];
		struct call_log_gap *g;

		if (b->arrived - a->arrived < CALL_LOG_GAP_S)
			continue;
		call_log_report_at(x, b->src_line, b->arrived_col,
				   CALL_LOG_ARRIVED, "no call for %.1f days "
				   "before this one (since line %d): a gap in "
				   "the data", (b->arrived - a->arrived) / 86400,
				   a->src_line);
		g = mem_realloc(log->gaps, (log->n_gaps + 1) * sizeof *g);
		if (!g)
			return -1;
		log->gaps = g;
		g[log->n_gaps].from = a->arrived;
		g[log->n_gaps++].to = b->arrived;
	}
	return 0;
}

/* Reads the whole file into x->c. Returns SIM_OK, SIM_ESCENARIO or
 * SIM_ENOMEM (reported). */
static enum sim_status call_log_open(struct call_log_ctx *x, const char *path)
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
			   "%s: cannot read the call log: %s", path,
			   file_read_fail_text(e, CALL_LOG_BYTES_MAX, "a call log",
					       why, sizeof why));
}

/* The header, the rows, and the checks across rows. */
static enum sim_status call_log_body(struct call_log_ctx *x)
{
	enum sim_status st;

	if (call_log_header(x) != 0 || call_log_required(x) != 0)
		return SIM_ESCENARIO;
	if (x->col[CALL_LOG_LINE] < 0 && call_log_name(x->log->lines,
						       &x->log->n_lines,
						       "calls") < 0)
		return sim_err_add(x->yd->err, SIM_ENOMEM, "out of memory");
	st = call_log_rows(x);
	if (st != SIM_OK)
		return st;
	call_log_order(x);
	qsort(x->log->rows, x->log->n, sizeof *x->log->rows,
	      call_log_by_arrival);
	if (call_log_gaps(x) != 0)
		return sim_err_add(x->yd->err, SIM_ENOMEM, "out of memory");
	return SIM_OK;
}

enum sim_status call_log_read(const char *path,
			      const struct call_log_options *opt,
			      struct call_log *log, struct yaml_doc *yd)
{
	struct call_log_ctx *x = mem_calloc(1, sizeof *x);
	enum sim_status st;

	memset(log, 0, sizeof *log);
	if (!x)
		return sim_err_add(yd->err, SIM_ENOMEM, "out of memory");
	x->yd = yd;
	x->log = log;
	x->opt = opt;
	log->format = opt->format;
	st = call_log_open(x, path);
	if (st == SIM_OK)
		st = call_log_body(x);
	free(x->c.text);
	free(x);
	if (st != SIM_OK)
		call_log_clear(log);
	return st;
}

void call_log_clear(struct call_log *log)
{
	if (!log)
		return;
	for (int i = 0; i < log->n_lines; i++)
		free(log->lines[i]);
	for (int i = 0; i < log->n_pools; i++)
		free(log->pools[i]);
	free(log->rows);
	free(log->gaps);
	memset(log, 0, sizeof *log);
}
