/* scenario_events.c: dated events on top of the weekly profile — New
 * Year's Eve, a home match, a heatwave week — read from the CSV the
 * top-level key `events` names, and turned into each line's demand
 * windows over the dates the run covers (scenario_events.h).
 *
 * The CSV's first line names its columns: date ("YYYY-MM-DD"), start
 * ("HH:MM"), hours, then one column a line, by the line's name, holding
 * the factor that multiplies its rate (empty: 1), and optionally `event`,
 * a label for people. Each row is an event. Events multiply with the
 * profile, the month factors, the surges and each other. */
#include "models/scenario_events.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/local_clock.h"
#include "models/local_time.h"
#include "models/week.h"

#define EVENTS_COLUMNS_MAX (SCENARIO_LIST_MAX + 4)
#define EVENTS_FIXED "date, start and hours"

/* The columns of the file: where date, start, hours are, and what each
 * column holds: a line's factors (the line's index), the label (-2),
 * date, start or hours (-3, -4, -5; events_fixed), or nothing (-1). */
struct events_cols {
	int date, start, hours, n;
	long line[EVENTS_COLUMNS_MAX];
};

/* One row, kept until every row is read. */
struct events_row {
	double at_s;                 /* local seconds from 1970-01-01 00:00 */
	double duration_s;
	double *factor;              /* [n_lines] */
	int *col;                    /* [n_lines]: 0-based byte column of the
					line's cell, for messages */
	int line;                    /* of the file, 1-based */
};

struct events_file {
	struct csv_read c;
	struct events_cols cols;
	struct events_row *rows;
	size_t n;
};

static const char *const events_fixed[] = {"event", "date", "start",
					   "hours", NULL};

/* The first of the n columns whose code is x, or -1. */
static int events_find(const long *v, int n, long x)
{
	for (int i = 0; i < n; i++)
		if (v[i] == x)
			return i;
	return -1;
}

/* Column i of the header: date, start, hours, event or a line, each
 * once. Returns 0 after reporting a problem. */
static int events_column(struct scenario_read *ld, struct events_file *f,
			 char **cells, int i)
{
	int w = yaml_doc_word_index(cells[i], events_fixed);
	long *code = &f->cols.line[i];

	*code = w >= 0 ? -2 - w : scenario_line_index(ld->sc, cells[i]);
	if (*code == -1)
		csv_read_report(&ld->yd, &f->c, cells[i], "'%.60s' is not a "
				"column; columns are date, start, hours, event "
				"and the names of the lines", cells[i]);
	else if (events_find(f->cols.line, i, *code) >= 0)
		csv_read_report(&ld->yd, &f->c, cells[i], "column '%.60s' is "
				"given twice; give each column once", cells[i]);
	else
		return 1;
	return 0;
}

/* The header: every cell a known column, each once, date, start and
 * hours present. Returns 0 after reporting a problem. */
static int events_header(struct scenario_read *ld, struct events_file *f,
			 char **cells, int nc)
{
	struct events_cols *k = &f->cols;
	int ok = 1;

	k->n = nc;
	for (int i = 0; i < nc; i++)
		ok &= events_column(ld, f, cells, i);
	k->date = events_find(k->line, nc, -3);
	k->start = events_find(k->line, nc, -4);
	k->hours = events_find(k->line, nc, -5);
	if (ok && (k->date < 0 || k->start < 0 || k->hours < 0)) {
		csv_read_report(&ld->yd, &f->c, cells[0], "the first line names "
				"the columns and must have " EVENTS_FIXED
				", then a factor column a line (such as "
				"date,start,hours,999,101)");
		ok = 0;
	}
	return ok;
}

/* The date, start and hours of a row into r; 0 after a problem. */
static int events_when(struct scenario_read *ld, struct events_file *f,
		       char **cells, struct events_row *r)
{
	static const struct yaml_doc_rule hours_rule = {
		0, SCENARIO_EVENT_HOURS_MAX, 1, 0, 0,
		"a number of hours with 0 < hours <= 744"};
	const struct events_cols *k = &f->cols;
	double start = scenario_read_clock_s(cells[k->start]), hours;
	struct demand_date d;
	int ok = 1, dated = scenario_read_date(cells[k->date], &d);

	if (!dated) {
		csv_read_report(&ld->yd, &f->c, cells[k->date], "'%.60s' is not "
				"a date; must be a date \"YYYY-MM-DD\"",
				cells[k->date]);
		ok = 0;
	}
	if (start < 0 || start >= DAY_S) {
		csv_read_report(&ld->yd, &f->c, cells[k->start], "'%.60s' is not "
				"a time of day; must be \"HH:MM\" from \"00:00\" "
				"to \"23:59\"", cells[k->start]);
		ok = 0;
	}
	if (!csv_read_cell(&ld->yd, &f->c, cells[k->hours], &hours_rule,
			   &hours))
		ok = 0;
	r->at_s = (dated ? (double)demand_day_number(d) : 0) * DAY_S + start;
	r->duration_s = ok ? hours * HOUR_S : 0;
	return ok;
}

/* The factors of a row, a line at a time (an empty cell is 1). */
static int events_factors(struct scenario_read *ld, struct events_file *f,
			  char **cells, struct events_row *r)
{
	static const struct yaml_doc_rule factor_rule = {
		0, SCENARIO_EVENTS_FACTOR_MAX, 0, 0, 0,
		"a factor from 0 to 1000, or empty for 1"};
	const struct events_cols *k = &f->cols;
	int ok = 1;

	r->line = f->c.line;
	for (size_t l = 0; l < ld->sc->n_lines; l++)
		r->factor[l] = 1.0;
	for (int i = 0; i < k->n; i++)
		if (k->line[i] >= 0)
			r->col[k->line[i]] = (int)(cells[i] - f->c.row);
	for (int i = 0; i < k->n; i++)
		if (k->line[i] >= 0 && cells[i][0] != '\0' &&
		    !csv_read_cell(&ld->yd, &f->c, cells[i], &factor_rule,
				   &r->factor[k->line[i]]))
			ok = 0;
	return ok;
}

/* Room for one more row (the rows' array holds SCENARIO_LIST_MAX); 0
 * after reporting too many or no memory. */
static int events_grow(struct scenario_read *ld, struct events_file *f,
		       char *at)
{
	if (f->n == SCENARIO_LIST_MAX) {
		csv_read_report(&ld->yd, &f->c, at, "more than %d events; a "
				"file may hold at most %d", SCENARIO_LIST_MAX,
				SCENARIO_LIST_MAX);
		return 0;
	}
	f->rows[f->n].factor = scenario_read_calloc(ld, ld->sc->n_lines + 1,
						    sizeof(double));
	f->rows[f->n].col = scenario_read_calloc(ld, ld->sc->n_lines + 1,
						 sizeof(int));
	f->n++;
	return f->rows[f->n - 1].factor && f->rows[f->n - 1].col;
}

/* Every row after the header; returns 0 when the file is not usable. a
 * is the key that names the file. */
static int events_rows(struct scenario_read *ld, struct yaml_doc_at a,
		       struct events_file *f)
{
	char *cells[EVENTS_COLUMNS_MAX];
	int nc, before = ld->yd.n_problems;

	nc = csv_read_row(&ld->yd, &f->c, cells, EVENTS_COLUMNS_MAX);
	if (nc == 0) {
		yaml_doc_problem(&ld->yd, a, "'%.200s' has no lines; its first "
				 "names the columns: " EVENTS_FIXED ", then a "
				 "factor column a line", f->c.path);
		return 0;
	}
	if (!events_header(ld, f, cells, nc))
		return 0;
	while ((nc = csv_read_row(&ld->yd, &f->c, cells,
				  EVENTS_COLUMNS_MAX)) > 0) {
		if (f->c.row_bad)
			continue;
		if (f->c.row_cells != f->cols.n) {
			csv_read_report(&ld->yd, &f->c, cells[nc - 1], "has %d "
					"cells; the first line names %d columns",
					f->c.row_cells, f->cols.n);
			continue;
		}
		if (!events_grow(ld, f, cells[0]))
			return 0;
		if (events_when(ld, f, cells, &f->rows[f->n - 1]))
			events_factors(ld, f, cells, &f->rows[f->n - 1]);
	}
	return ld->yd.n_problems == before;
}

/* Row r's window [*a, *b) in scenario time, on clock c whose time 0 is
 * t0 local seconds from 1970. */
static void events_window(const struct local_clock *c, double t0,
			  const struct events_row *r, double *a, double *b)
{
	*a = local_clock_elapsed(c, r->at_s - t0);
	*b = local_clock_elapsed(c, r->at_s - t0 + r->duration_s);
}

/* Each line's windows: the rows that change its rate and overlap the
 * run, at scenario times (time 0 is run.start_date 00:00). A row's date,
 * start and end (start + hours) are local times, placed where the clock
 * shows them (models/local_clock.h): a day-long event on the day the
 * clocks go back lasts 25 hours. A row that misses the run leaves
 * nothing, so a run whose dates miss every event is the run without the
 * file. */
static void events_windows(struct scenario_read *ld, const struct events_file *f)
{
	struct scenario *sc = ld->sc;
	double t0 = (double)demand_day_number(sc->run.start) * DAY_S;
	double end = scenario_horizon_s(sc), a, b;
	struct local_clock c;

	local_clock_init(&c, sc->run.start);

	for (size_t l = 0; l < sc->n_lines && !ld->yd.oom; l++) {
		struct demand_spec *dm = &sc->lines[l].demand;

		dm->windows = scenario_read_calloc(ld, f->n, sizeof *dm->windows);
		if (!dm->windows)
			return;
		for (size_t j = 0; j < f->n; j++) {
			const struct events_row *r = &f->rows[j];

			events_window(&c, t0, r, &a, &b);
			if (r->factor[l] != 1 && a < end && b > 0 && b > a)
				dm->windows[dm->n_windows++] =
					(struct demand_window){a, b - a,
							       r->factor[l]};
		}
	}
}

/* ---- the bounds: what the events do where they meet ---------------------
 *
 * The events of a line that change its rate are swept in time order: at
 * each start or end the set in force changes, and between two of those
 * the set, hence the product of its factors, is constant; the largest
 * product is the true one, as events that never meet are never
 * multiplied together. The line's highest rate in the run is its own rate
 * plan's (models/demand.h), the one the simulation draws arrivals from:
 * the profile, the month, the surges in force and the events, over
 * segments cut at every change of any of them in scenario time, so the
 * hour the clocks repeat in October is read twice, as it happens. */

/* An edge of one line's event: where it starts or ends. */
struct events_edge {
	double t;                    /* local seconds from 1970-01-01 */
	int start;                   /* 1 where it starts, 0 where it ends */
	size_t row;
};

/* The line being swept: its edges in time order and the rows in force. */
struct events_sweep {
	const struct events_file *f;
	size_t l;
	struct events_edge *edge;    /* [2 * rows] */
	size_t n_edges;
	size_t *active;              /* [rows] */
	size_t n_active;
};

/* The line's rate over the run: its plan, and the clock its events'
 * windows are placed on. */
struct events_scan {
	struct demand_plan *plan;    /* NULL: no event of the line meets the run */
	struct local_clock clock;
	double day0;                 /* local seconds from 1970 of 00:00 on
					run.start_date */
};

/* What the sweep found, the largest product of the events in force at
 * one time, and the plan, the highest rate in the run; each with when
 * it starts, and the latest-starting event then in force, whose cell is
 * blamed (rate_n 0: none). */
struct events_peak {
	double product, product_at;  /* product_at: local seconds from 1970 */
	size_t product_row, product_n;
	double rate, rate_at;        /* rate_at: scenario time */
	double rate_events;          /* the events' product then */
	size_t rate_row, rate_n;
};

/* Edges sort by time; at one time an end comes before a start, as an
 * event is in force over [start, end). */
static int events_edge_cmp(const void *a, const void *b)
{
	const struct events_edge *x = a, *y = b;

	if (x->t != y->t)
		return (x->t > y->t) - (x->t < y->t);
	if (x->start != y->start)
		return x->start - y->start;
	return (x->row > y->row) - (x->row < y->row);
}

/* Applies one edge to the rows in force. */
static void events_apply(struct events_sweep *w, const struct events_edge *e)
{
	if (e->start) {
		w->active[w->n_active++] = e->row;
		return;
	}
	for (size_t i = 0; i < w->n_active; i++)
		if (w->active[i] == e->row) {
			w->active[i] = w->active[--w->n_active];
			return;
		}
}

/* The stretch from u of the rows in force: their product (all factors,
 * as the rate multiplies them all). */
static void events_stretch(const struct events_sweep *w, double u,
			   struct events_peak *pk)
{
	const struct events_row *rows = w->f->rows;
	double p = 1;
	size_t latest = w->active[0];

	for (size_t i = 0; i < w->n_active; i++) {
		size_t r = w->active[i];

		p *= rows[r].factor[w->l];
		if (rows[r].at_s > rows[latest].at_s ||
		    (rows[r].at_s == rows[latest].at_s && r > latest))
			latest = r;
	}
	if (p > pk->product) {
		pk->product = p;
		pk->product_at = u;
		pk->product_row = latest;
		pk->product_n = w->n_active;
	}
}

/* Sweeps line w->l's events in time order into pk. A row whose end
 * rounds to its start here (hours too few for a date's seconds to tell
 * apart; its window in the run, counted from the run's start, may still
 * last a moment) ends at the next time after its start, so that it is
 * in force at its start and only there. */
static void events_sweep_line(struct events_sweep *w, struct events_peak *pk)
{
	const struct events_file *f = w->f;

	w->n_edges = w->n_active = 0;
	for (size_t r = 0; r < f->n; r++) {
		const struct events_row *e = &f->rows[r];
		double end = fmax(e->at_s + e->duration_s,
				  nextafter(e->at_s, INFINITY));

		if (e->factor[w->l] == 1)
			continue;
		w->edge[w->n_edges++] = (struct events_edge){e->at_s, 1, r};
		w->edge[w->n_edges++] = (struct events_edge){end, 0, r};
	}
	qsort(w->edge, w->n_edges, sizeof *w->edge, events_edge_cmp);
	for (size_t i = 0; i < w->n_edges;) {
		double t = w->edge[i].t;

		for (; i < w->n_edges && w->edge[i].t == t; i++)
			events_apply(w, &w->edge[i]);
		if (w->n_active > 0 && i < w->n_edges)
			events_stretch(w, t, pk);
	}
}

/* Reports a problem at the cell of line l in row r. */
static void events_report_row(struct scenario_read *ld, struct events_file *f,
			      size_t r, size_t l, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void events_report_row(struct scenario_read *ld, struct events_file *f,
			      size_t r, size_t l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	csv_read_vreport_at(&ld->yd, &f->c, f->rows[r].line, f->rows[r].col[l],
			    f->c.ypath, fmt, ap);
	va_end(ap);
}

/* Line l's peaks against the bounds: the events in force at one time may
 * multiply its rate by at most SCENARIO_EVENTS_FACTOR_MAX (wherever they
 * fall), and its rate in the run may reach at most
 * SCENARIO_PEAK_RATE_MAX. */
static void events_report_peak(struct scenario_read *ld, struct events_file *f,
			       size_t l, const struct events_scan *s,
			       const struct events_peak *pk)
{
	const char *name = ld->sc->lines[l].name;
	char when[LOCAL_TIME_MINUTE_MAX];
	struct local_span sp = {0, 0, 0};

	if (pk->product > SCENARIO_EVENTS_FACTOR_MAX) {
		local_time_minute_text(pk->product_at, when);
		events_report_row(ld, f, pk->product_row, l, "from %s the %zu "
				  "events then in force (this one the latest) "
				  "multiply line %s's rate by %.4g; the events "
				  "in force at one time may multiply it by at "
				  "most %g", when, pk->product_n, name,
				  pk->product, SCENARIO_EVENTS_FACTOR_MAX);
	} else if (pk->rate > SCENARIO_PEAK_RATE_MAX && pk->rate_n > 0) {
		/* With no event in force the peak is the line's own, which
		 * its check of the scenario (scenario_calls.c) bounded
		 * already. */
		local_time_minute_text(s->day0 + local_clock_s(&s->clock, &sp,
							 pk->rate_at), when);
		events_report_row(ld, f, pk->rate_row, l, "at its peak, from "
				  "%s, line %s would have %.4g calls a second "
				  "(%.4g without events x %.4g, the events "
				  "then in force); must be at most %g calls a "
				  "second", when, name, pk->rate,
				  pk->rate / pk->rate_events, pk->rate_events,
				  SCENARIO_PEAK_RATE_MAX);
	}
}

/* Line l's scan of its rate over the run: a rate plan, when an event of
 * the line meets the run. Returns 0 when out of memory. */
static int events_scan_init(struct scenario_read *ld, size_t l,
			    struct events_scan *s)
{
	const struct scenario *sc = ld->sc;
	const struct demand_spec *dm = &sc->lines[l].demand;
	struct sim_err err;

	memset(s, 0, sizeof *s);
	local_clock_init(&s->clock, sc->run.start);
	s->day0 = (double)demand_day_number(sc->run.start) * DAY_S;
	if (dm->n_windows == 0)
		return 1;
	sim_err_clear(&err);
	s->plan = demand_plan_new(dm, sc->run.start, scenario_horizon_s(sc),
				  &err);
	return s->plan != NULL;
}

/* Line l's highest rate in the run, and the events in force where it
 * begins: their product and the latest-starting of them. A segment of
 * the plan lies wholly inside or outside each window, whose edges cut
 * it, so "in force" is read at its start. */
static void events_rate_peak(const struct events_file *f, size_t l,
			     const struct events_scan *s,
			     struct events_peak *pk)
{
	double a, b;

	if (!s->plan)
		return;
	pk->rate = demand_plan_peak(s->plan, &pk->rate_at);
	for (size_t r = 0; r < f->n; r++) {
		const struct events_row *e = &f->rows[r];

		events_window(&s->clock, s->day0, e, &a, &b);
		if (e->factor[l] == 1 || !(a <= pk->rate_at && pk->rate_at < b))
			continue;
		pk->rate_events *= e->factor[l];
		if (pk->rate_n++ == 0 || e->at_s >= f->rows[pk->rate_row].at_s)
			pk->rate_row = r;
	}
}

/* Every line's events against the bounds, once the windows are laid. */
static void events_check(struct scenario_read *ld, struct events_file *f)
{
	struct events_sweep w = {f, 0, NULL, 0, NULL, 0};

	w.edge = scenario_read_calloc(ld, 2 * f->n, sizeof *w.edge);
	w.active = scenario_read_calloc(ld, f->n, sizeof *w.active);
	for (w.l = 0; w.l < ld->sc->n_lines && w.edge && w.active; w.l++) {
		struct events_peak pk = {0, 0, 0, 0, 0, 0, 1, 0, 0};
		struct events_scan s;

		if (!events_scan_init(ld, w.l, &s)) {
			ld->yd.oom = 1;
			break;
		}
		events_sweep_line(&w, &pk);
		events_rate_peak(f, w.l, &s, &pk);
		events_report_peak(ld, f, w.l, &s, &pk);
		demand_plan_free(s.plan);
	}
	free(w.edge);
	free(w.active);
}

void scenario_events_read(struct scenario_read *ld, struct yaml_doc_at top)
{
	const struct scenario_key *k = scenario_schema_find(scenario_schema_top,
							    "events");
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at a = yaml_doc_key(&ld->yd, top, k->key, kp);
	struct events_file f;
	int before = ld->yd.n_problems;

	if (!a.id)
		return;
	scenario_record_row(ld, top, k, ld->sc);
	/* The columns name lines: read once they read cleanly. */
	if (ld->yd.n_problems != before || ld->sc->n_lines == 0 || ld->yd.oom)
		return;
	memset(&f, 0, sizeof f);
	if (!scenario_read_csv(ld, a, SCENARIO_PROFILE_CSV_MAX, "an events CSV",
			       &f.c))
		return;
	f.rows = scenario_read_calloc(ld, SCENARIO_LIST_MAX, sizeof *f.rows);
	if (f.rows && events_rows(ld, a, &f) && !ld->yd.oom) {
		events_windows(ld, &f);
		if (!ld->yd.oom)
			events_check(ld, &f);
	}
	for (size_t j = 0; j < f.n; j++) {
		free(f.rows[j].factor);
		free(f.rows[j].col);
	}
	free(f.rows);
	free(f.c.text);
}
