/* log_read.c: the part of reading a log that the call log and the
 * incident log share (log_read.h): the file, its columns, the loop over
 * its rows and the readers of a cell. */
#include "models/log_read.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/file_read.h"
#include "models/scenario.h"
#include "sim/mem.h"

enum sim_status log_read_open(struct log_read *x, const char *path,
			      const char *what)
{
	/* "a call log" is read as "the call log" in the message's head. */
	const char *kind = strchr(what, ' ');
	char why[200];
	size_t len;
	int e;

	memset(&x->c, 0, sizeof x->c);
	snprintf(x->c.path, sizeof x->c.path, "%s", path);
	e = file_read_whole(path, LOG_READ_BYTES_MAX, &x->c.text, &len);
	if (e == 0) {
		x->c.next = x->c.text;
		return SIM_OK;
	}
	return sim_err_add(x->yd->err, e == ENOMEM ? SIM_ENOMEM : SIM_ESCENARIO,
			   "%s: cannot read the %s: %s", path,
			   kind ? kind + 1 : what,
			   file_read_fail_text(e, LOG_READ_BYTES_MAX, what, why,
					       sizeof why));
}

void log_read_close(struct log_read *x)
{
	free(x->c.text);
	x->c.text = NULL;
}

int log_read_header(struct log_read *x, const char *const *map,
		    size_t n_map, const char *option, int *has)
{
	int n = csv_read_row(x->yd, &x->c, x->cells, LOG_READ_COLUMNS_MAX);
	struct csv_read_fields fl = { x->field_names, x->n_fields, map, n_map,
				      option };

	if (n == 0) {
		for (int f = 0; f < x->n_fields; f++)
			x->col[f] = -1;
		sim_err_add(x->yd->err, SIM_ESCENARIO, "%s: no header row: the "
			    "first line must name the columns", x->c.path);
		return -1;
	}
	if (csv_read_columns(x->yd, &x->c, &fl, x->cells, n, x->col,
			     x->col_name))
		return -1;
	for (int f = 0; f < x->n_fields; f++)
		has[f] = x->col[f] >= 0;
	return 0;
}

enum sim_status log_read_rows(struct log_read *x, int (*row)(void *owner),
			      void *owner)
{
	int rc;

	while ((x->nc = csv_read_row(x->yd, &x->c, x->cells,
				     LOG_READ_COLUMNS_MAX)) > 0) {
		if (++x->n_read > LOG_READ_ROWS_MAX)
			return sim_err_add(x->yd->err, SIM_ESCENARIO, "%s: more "
					   "than %d rows", x->c.path,
					   LOG_READ_ROWS_MAX);
		/* A row of the wrong shape was reported as one problem; its
		 * cells are not read, which would report it again. */
		rc = x->c.row_bad ? -1 : row(owner);
		if (rc == -2)
			return sim_err_add(x->yd->err, SIM_ENOMEM,
					   "out of memory");
		x->n_bad += rc == -1;
		x->n_uncounted += rc == 1;
	}
	return SIM_OK;
}

/* A quoted cell loses its quotes, and a doubled quote inside it is one. */
char *log_read_cell(struct log_read *x, int f)
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

int log_read_cell_col(const struct log_read *x, int f)
{
	return (int)(x->cells[x->col[f]] - x->c.row);
}

void log_read_report_at(struct log_read *x, int line, int col, int f,
			const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_read_vreport_at(x->yd, &x->c, line, col,
			    f >= 0 ? x->col_name[f] : NULL, fmt, ap);
	va_end(ap);
}

void log_read_bad(struct log_read *x, int f, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	log_read_report_at(x, x->c.line, log_read_cell_col(x, f), f, "%s",
			   msg);
}

int log_read_time(struct log_read *x, int f, double *t)
{
	const char *s = log_read_cell(x, f), *why;

	*t = NAN;
	if (!s)
		return 0;
	if (*x->format == LOG_TIME_AUTO)
		*x->format = log_time_detect(s, x->given);
	why = log_time_parse(s, *x->format, t);
	if (!why)
		return 0;
	log_read_bad(x, f, "'%.60s' is %s", s, why);
	return -1;
}

int log_read_whole(struct log_read *x, int f, double lo, double hi,
		   long long dflt, long long *v)
{
	const char *s = log_read_cell(x, f);
	double d;

	*v = dflt;
	if (!s)
		return 0;
	if (csv_read_number(&x->c, s, &d) == 0 && d == floor(d) && d >= lo
	    && d <= hi) {
		*v = (long long)d;
		return 0;
	}
	log_read_bad(x, f, "'%.60s' is not a whole number from %.0f to %.0f",
		     s, lo, hi);
	return -1;
}

int log_read_name(char **names, int *n, int max, const char *name,
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

/* A name a scenario can hold, as its loader reads one (scenario_record.c):
 * under SCENARIO_NAME_MAX bytes, without '.' or '=' (they would break
 * --set paths) or control characters. */
static int log_read_usable(const char *s)
{
	if (strlen(s) >= SCENARIO_NAME_MAX || strpbrk(s, ".="))
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int log_read_named(struct log_read *x, int f, char **names, int *n, int max,
		   int dflt, int *idx)
{
	const char *s = log_read_cell(x, f);

	*idx = dflt;
	if (!s)
		return 0;
	/* A fitted scenario names its lines, pools, grades and areas so:
	 * one its loader would refuse is refused here, at its cell. */
	if (!log_read_usable(s)) {
		*idx = -1;
		log_read_bad(x, f, "'%.60s' is not a usable name; must be at "
			     "most %d characters, without '.', '=' or control "
			     "characters", s, SCENARIO_NAME_MAX - 1);
		return -1;
	}
	*idx = log_read_name(names, n, max, s, strlen(s));
	if (*idx == -1)
		log_read_bad(x, f, "'%.60s' is one name more than the %d a log "
			     "may have", s, max);
	return *idx < 0 ? *idx : 0;
}

void *log_read_room(void *rows, size_t n, size_t *cap, size_t size)
{
	size_t want;
	void *p;

	if (n < *cap)
		return rows;
	want = *cap ? *cap * 2 : 1024;
	p = mem_realloc(rows, want * size);
	if (p)
		*cap = want;
	return p;
}
