/* call_log_read.c: reading a call log and checking its rows
 * (call_log_read.h). The file is cut with the project's CSV reader
 * (csv_read.h) and read cell by cell as every log is (log_read.h); what
 * a call's cells must be, and the checks across rows, are here. */
#include "models/call_log_read.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/log_read.h"
#include "sim/mem.h"

_Static_assert(CALL_LOG_FIELDS <= LOG_READ_FIELDS_MAX,
	       "a call log reads more fields than a log may");

const char *const call_log_field_names[] = {
	"call_id", "line", "arrived", "answered", "abandoned", "wait_s",
	"talk_s", "wrap_s", "pool", "handler", "outcome", "counted",
	"caller_id", "redial", "duplicate"
};

static const char *const call_log_outcomes[] = {
	"answered", "abandoned", "unanswered_at_end"
};

/* What reading one file needs: the log's reader, the log and how to read
 * it. */
struct call_log_ctx {
	struct log_read r;
	struct call_log *log;
	const struct call_log_options *opt;
};

/* Checks the required columns are there. Returns 0, or -1 (reported). */
static int call_log_required(struct call_log_ctx *x)
{
	const char *miss = NULL;

	if (x->r.col[CALL_LOG_ARRIVED] < 0)
		miss = "arrived";
	else if (x->r.col[CALL_LOG_OUTCOME] < 0
		 && (x->r.col[CALL_LOG_ANSWERED] < 0
		     || x->r.col[CALL_LOG_ABANDONED] < 0))
		miss = x->r.col[CALL_LOG_ANSWERED] < 0 ? "answered" : "abandoned";
	if (!miss)
		return 0;
	sim_err_add(x->r.yd->err, SIM_ESCENARIO, "%s:1:1: no column for '%s' "
		    "(and no outcome column); name the column that holds it with "
		    "--map COLUMN=%s", x->r.c.path, miss, miss);
	return -1;
}

/* A duration cell of field f into *v (NAN when empty): a number >= 0.
 * Returns 0, or -1. */
static int call_log_duration(struct call_log_ctx *x, int f, double *v)
{
	const char *s = log_read_cell(&x->r, f);
	int rc;

	*v = NAN;
	if (!s)
		return 0;
	rc = csv_read_number(&x->r.c, s, v);
	if (rc == 0 && *v >= 0 && *v <= 1e9)
		return 0;
	if (rc == 0 && *v < 0)
		log_read_bad(&x->r, f, "negative duration %.60s s; must be >= 0", s);
	else
		log_read_bad(&x->r, f, "'%.60s' is not a duration in seconds from "
			     "0 to 1e9", s);
	*v = NAN;
	return -1;
}

/* The outcome: the outcome cell, else which of the times is given.
 * Returns 0, or -1. */
static int call_log_outcome(struct call_log_ctx *x, double answered,
			    double abandoned, int *out)
{
	const char *s = log_read_cell(&x->r, CALL_LOG_OUTCOME);

	if (x->r.col[CALL_LOG_OUTCOME] < 0) {
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
		log_read_bad(&x->r, CALL_LOG_OUTCOME, "'%.60s' is not an outcome; "
			     "must be answered, abandoned or unanswered_at_end",
			     s);
	else
		log_read_report_at(&x->r, x->r.c.line, 0, CALL_LOG_OUTCOME, "empty; "
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
		log_read_bad(&x->r, f, "%s %.3f s before the call arrived",
			     f == CALL_LOG_ANSWERED ? "answered" : "abandoned",
			     r->arrived - end);
		return -1;
	}
	if (isnan(r->wait_s))
		r->wait_s = end - r->arrived;
	else if (!isnan(end) && fabs(end - r->arrived - r->wait_s) > 0.0015) {
		log_read_bad(&x->r, CALL_LOG_WAIT, "%.3f s, but %s less arrived is "
			     "%.3f s", r->wait_s, call_log_field_names[f],
			     end - r->arrived);
		return -1;
	}
	if (!isnan(r->wait_s) || r->outcome == CALL_LOG_STILL_WAITING)
		return isnan(r->wait_s) ? -1 : 0;
	log_read_report_at(&x->r, x->r.c.line, 0, f, "empty, and no wait_s: the "
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
	bad += log_read_whole(&x->r, CALL_LOG_CALL_ID, 0, 9e15, -1, &r->id) != 0;
	bad += log_read_whole(&x->r, CALL_LOG_HANDLER, 1, 1e6, 0, &handler) != 0;
	r->handler = (int)handler;
	bad += log_read_whole(&x->r, CALL_LOG_CALLER_ID, 0, 9e15, -1,
			      &r->caller) != 0;
	bad += log_read_whole(&x->r, CALL_LOG_REDIAL, 0, 1, -1, &handler) != 0;
	r->redial = (int)handler;
	bad += log_read_whole(&x->r, CALL_LOG_DUPLICATE, 0, 1, -1, &handler) != 0;
	r->duplicate = (int)handler;
	rc = log_read_named(&x->r, CALL_LOG_LINE, x->log->lines,
			    &x->log->n_lines, CALL_LOG_NAMES_MAX, -3, &r->line);
	if (rc == -2)
		return -2;
	bad += rc != 0;
	rc = log_read_named(&x->r, CALL_LOG_POOL, x->log->pools,
			    &x->log->n_pools, CALL_LOG_NAMES_MAX, -1, &r->pool);
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
	int bad = x->r.c.row_bad, rc;

	memset(r, 0, sizeof *r);
	r->src_line = x->r.c.line;
	r->arrived_col = log_read_cell_col(&x->r, CALL_LOG_ARRIVED);
	r->id_col = x->r.col[CALL_LOG_CALL_ID] >= 0
		? log_read_cell_col(&x->r, CALL_LOG_CALL_ID) : 0;
	bad += log_read_time(&x->r, CALL_LOG_ARRIVED, &r->arrived) != 0;
	bad += log_read_time(&x->r, CALL_LOG_ANSWERED, &answered) != 0;
	bad += log_read_time(&x->r, CALL_LOG_ABANDONED, &abandoned) != 0;
	bad += log_read_whole(&x->r, CALL_LOG_COUNTED, 0, 1, 1, &counted) != 0;
	rc = call_log_cells(x, r);
	if (rc == -2)
		return -2;
	bad += rc;
	bad += call_log_outcome(x, answered, abandoned, &r->outcome) != 0;
	if (!bad && isnan(r->arrived)) {
		log_read_bad(&x->r, CALL_LOG_ARRIVED, "empty; every call needs "
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
	if (x->r.col[CALL_LOG_LINE] < 0) {
		r->line = 0;
		return 0;
	}
	log_read_bad(&x->r, CALL_LOG_LINE, "empty; every call needs its line");
	return -1;
}

/* Reads the current row and keeps it when good (log_read_rows). */
static int call_log_row(void *owner)
{
	struct call_log_ctx *x = owner;
	struct call_log *log = x->log;
	struct call_log_row r, *rows;
	int rc = call_log_row_read(x, &r);

	if (rc == 0 && call_log_line_given(x, &r) != 0)
		rc = -1;
	if (rc != 0)
		return rc;
	rows = log_read_room(log->rows, log->n, &log->cap, sizeof *rows);
	if (!rows)
		return -2;
	log->rows = rows;
	rows[log->n++] = r;
	return 0;
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
	int ids = x->r.col[CALL_LOG_CALL_ID] >= 0;

	if (ids)
		qsort(log->rows, log->n, sizeof *log->rows, call_log_by_id);
	for (size_t i = 1; i < log->n; i++) {
		struct call_log_row *r = &log->rows[i];
		const struct call_log_row *prev = &log->rows[i - 1];

		if (ids && r->id == prev->id)
			log_read_report_at(&x->r, r->src_line, r->id_col,
					   CALL_LOG_CALL_ID, "call %lld is "
					   "already on line %d", r->id,
					   prev->src_line);
		else if (r->arrived < prev->arrived)
			log_read_report_at(&x->r, r->src_line, r->arrived_col,
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
		log_read_report_at(&x->r, b->src_line, b->arrived_col,
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

/* The header, the rows, and the checks across rows. */
static enum sim_status call_log_body(struct call_log_ctx *x)
{
	enum sim_status st;

	if (log_read_header(&x->r, x->opt->map, x->opt->n_map, "--map",
			    x->log->has) != 0 || call_log_required(x) != 0)
		return SIM_ESCENARIO;
	if (x->r.col[CALL_LOG_LINE] < 0 &&
	    log_read_name(x->log->lines, &x->log->n_lines, CALL_LOG_NAMES_MAX,
			  "calls", strlen("calls")) < 0)
		return sim_err_add(x->r.yd->err, SIM_ENOMEM, "out of memory");
	st = log_read_rows(&x->r, call_log_row, x);
	x->log->n_read = x->r.n_read;
	x->log->n_bad = x->r.n_bad;
	x->log->n_uncounted = x->r.n_uncounted;
	if (st != SIM_OK)
		return st;
	call_log_order(x);
	qsort(x->log->rows, x->log->n, sizeof *x->log->rows,
	      call_log_by_arrival);
	if (call_log_gaps(x) != 0)
		return sim_err_add(x->r.yd->err, SIM_ENOMEM, "out of memory");
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
	x->r = (struct log_read){ .yd = yd, .field_names = call_log_field_names,
				  .n_fields = CALL_LOG_FIELDS,
				  .format = &log->format, .given = opt->format };
	x->log = log;
	x->opt = opt;
	log->format = opt->format;
	st = log_read_open(&x->r, path, "a call log");
	if (st == SIM_OK)
		st = call_log_body(x);
	log_read_close(&x->r);
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
