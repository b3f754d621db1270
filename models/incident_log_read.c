/* incident_log_read.c: reading an incident log and checking its rows
 * (incident_log_read.h). The file is read cell by cell as every log is
 * (log_read.h); what an incident's cells must be, and the checks across
 * rows, are here. */
#include "models/incident_log_read.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/log_read.h"
#include "sim/mem.h"

_Static_assert(INCIDENT_LOG_FIELDS <= LOG_READ_FIELDS_MAX,
	       "an incident log reads more fields than a log may");

const char *const incident_log_field_names[] = {
	"incident_id", "call_id", "grade", "area", "created", "dispatched",
	"arrived", "cleared", "unit", "preempted", "counted"
};

/* What reading one file needs: the log's reader, the log and how to read
 * it. */
struct incident_log_ctx {
	struct log_read r;
	struct incident_log *log;
	const struct incident_log_options *opt;
};

/* Finds the fields' columns and checks the required ones. Returns 0, or
 * -1 (reported). */
static int incident_log_header(struct incident_log_ctx *x)
{
	if (log_read_header(&x->r, x->opt->map, x->opt->n_map,
			    "--incident-map", x->log->has))
		return -1;
	for (int f = INCIDENT_LOG_GRADE; f <= INCIDENT_LOG_CREATED; f += 2)
		if (x->r.col[f] < 0) {
			sim_err_add(x->r.yd->err, SIM_ESCENARIO, "%s:1:1: no "
				    "column for '%s'; name the column that holds "
				    "it with --incident-map COLUMN=%s", x->r.c.path,
				    incident_log_field_names[f],
				    incident_log_field_names[f]);
			return -1;
		}
	return 0;
}

/* A name cell (grade, area) into *idx (-1 when empty). Returns 0, -1
 * (reported) or -2 out of memory. */
static int incident_log_named(struct incident_log_ctx *x, int f,
			      char **names, int *n, int max, int *idx)
{
	return log_read_named(&x->r, f, names, n, max, -1, idx);
}

/* The unit cell, "AREA/ROLE/N", into r. Returns 0, -1 (reported) or -2. */
static int incident_log_unit(struct incident_log_ctx *x,
			     struct incident_log_row *r)
{
	const char *s = log_read_cell(&x->r, INCIDENT_LOG_UNIT), *a, *b;
	struct incident_log *log = x->log;
	char *end;

	r->unit_area = r->unit_role = -1;
	if (!s)
		return 0;
	a = strchr(s, '/');
	b = a ? strrchr(s, '/') : NULL;
	r->unit_n = b && b > a + 1 && a > s ? strtoll(b + 1, &end, 10) : 0;
	if (!b || b == a || r->unit_n < 1 || r->unit_n > 1000000 || *end) {
		log_read_bad(&x->r, INCIDENT_LOG_UNIT, "'%.60s' is not a unit "
				 "AREA/ROLE/N (N a whole number from 1 to "
				 "1000000)", s);
		r->unit_n = 0;
		return -1;
	}
	r->unit_area = log_read_name(log->areas, &log->n_areas,
					 INCIDENT_LOG_NAMES_MAX, s,
					 (size_t)(a - s));
	r->unit_role = log_read_name(log->roles, &log->n_roles,
					 INCIDENT_LOG_NAMES_MAX, a + 1,
					 (size_t)(b - a - 1));
	if (r->unit_area == -2 || r->unit_role == -2)
		return -2;
	if (r->unit_area >= 0 && r->unit_role >= 0)
		return 0;
	log_read_bad(&x->r, INCIDENT_LOG_UNIT, "'%.60s' names one area or role "
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
	log_read_bad(&x->r, f, "%.3f s before %s", from - t,
			 incident_log_field_names[ff]);
	return -1;
}

/* The times of the current row and their order. Returns bad cells. */
static int incident_log_times(struct incident_log_ctx *x,
			      struct incident_log_row *r)
{
	int bad = 0;

	bad += log_read_time(&x->r, INCIDENT_LOG_CREATED, &r->created) != 0;
	bad += log_read_time(&x->r, INCIDENT_LOG_DISPATCHED,
				 &r->dispatched) != 0;
	bad += log_read_time(&x->r, INCIDENT_LOG_ARRIVED, &r->arrived) != 0;
	bad += log_read_time(&x->r, INCIDENT_LOG_CLEARED, &r->cleared) != 0;
	if (bad)
		return bad;
	if (isnan(r->created)) {
		log_read_bad(&x->r, INCIDENT_LOG_CREATED, "empty; every "
			     "incident needs the time it was created");
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
	int bad = x->r.c.row_bad, rc;

	memset(r, 0, sizeof *r);
	r->src_line = x->r.c.line;
	r->id_col = x->r.col[INCIDENT_LOG_ID] >= 0 && x->r.col[INCIDENT_LOG_ID] < x->r.nc
		? log_read_cell_col(&x->r, INCIDENT_LOG_ID) : 0;
	bad += incident_log_times(x, r);
	bad += log_read_whole(&x->r, INCIDENT_LOG_ID, 0, 9e15, -1, &r->id) != 0;
	bad += log_read_whole(&x->r, INCIDENT_LOG_CALL_ID, 0, 9e15, -1,
				  &r->call_id) != 0;
	bad += log_read_whole(&x->r, INCIDENT_LOG_PREEMPTED, 0, 1, 0, &pre) != 0;
	bad += log_read_whole(&x->r, INCIDENT_LOG_COUNTED, 0, 1, 1,
				  &counted) != 0;
	r->preempted = (int)pre;
	rc = incident_log_named(x, INCIDENT_LOG_GRADE, log->grades,
				&log->n_grades, INCIDENT_LOG_GRADES_MAX,
				&r->grade);
	if (rc == 0 && r->grade < 0) {
		log_read_bad(&x->r, INCIDENT_LOG_GRADE, "empty; every incident "
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

/* Reads the current row and keeps it when good (log_read_rows). */
static int incident_log_row(void *owner)
{
	struct incident_log_ctx *x = owner;
	struct incident_log *log = x->log;
	struct incident_log_row r, *rows;
	int rc = incident_log_row_read(x, &r);

	if (rc != 0)
		return rc;
	rows = log_read_room(log->rows, log->n, &log->cap, sizeof *rows);
	if (!rows)
		return -2;
	log->rows = rows;
	rows[log->n++] = r;
	return 0;
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

	if (x->r.col[INCIDENT_LOG_ID] < 0)
		return;
	qsort(log->rows, log->n, sizeof *log->rows, incident_log_by_id);
	for (size_t i = 0; i < log->n; i++) {
		const struct incident_log_row *r = &log->rows[i];

		if (w > 0 && r->id >= 0 && r->id == log->rows[w - 1].id) {
			log_read_report_at(&x->r, r->src_line, r->id_col,
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

enum sim_status incident_log_read(const char *path,
				  const struct incident_log_options *opt,
				  struct incident_log *log, struct yaml_doc *yd)
{
	struct incident_log_ctx *x = mem_calloc(1, sizeof *x);
	enum sim_status st;

	memset(log, 0, sizeof *log);
	if (!x)
		return sim_err_add(yd->err, SIM_ENOMEM, "out of memory");
	x->r = (struct log_read){ .yd = yd,
				  .field_names = incident_log_field_names,
				  .n_fields = INCIDENT_LOG_FIELDS,
				  .format = &log->format, .given = opt->format };
	x->log = log;
	x->opt = opt;
	log->format = opt->format;
	st = log_read_open(&x->r, path, "an incident log");
	if (st == SIM_OK)
		st = incident_log_header(x) ? SIM_ESCENARIO : SIM_OK;
	if (st == SIM_OK) {
		st = log_read_rows(&x->r, incident_log_row, x);
		log->n_read = x->r.n_read;
		log->n_bad = x->r.n_bad;
		log->n_uncounted = x->r.n_uncounted;
	}
	if (st == SIM_OK)
		incident_log_unique(x);
	log_read_close(&x->r);
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
