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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/local_clock.h"
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
	double at_s;                 /* seconds from 1970-01-01 00:00 */
	double duration_s;
	double *factor;              /* [n_lines] */
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

	for (size_t l = 0; l < ld->sc->n_lines; l++)
		r->factor[l] = 1.0;
	for (int i = 0; i < k->n; i++)
		if (k->line[i] >= 0 && cells[i][0] != '\0' &&
		    !csv_read_cell(&ld->yd, &f->c, cells[i], &factor_rule,
				   &r->factor[k->line[i]]))
			ok = 0;
	return ok;
}

/* A line's highest rate without events: its volume at the profile's peak
 * (rescaled to mean 1), in its highest month, with every surge above 1
 * taken to meet. */
static double events_base_peak(const struct demand_spec *dm)
{
	double sum = 0, top = 0, month = 0, surge = 1;

	for (size_t i = 0; i < dm->n_slots; i++) {
		sum += dm->profile[i];
		top = fmax(top, dm->profile[i]);
	}
	for (size_t i = 0; i < 12; i++)
		month = fmax(month, dm->month_factor[i]);
	for (size_t i = 0; i < dm->n_surges; i++)
		surge *= fmax(dm->surges[i].factor, 1);
	return sum > 0 ? dm->mean_rate_per_s * top * (double)dm->n_slots / sum *
			 month * surge : 0;
}

/* The row just read (the last) against the rows before it: for each
 * line, its factor above 1 times those of the earlier events it
 * overlaps, taken to meet, must stay within SCENARIO_EVENTS_FACTOR_MAX,
 * and the line's peak rate with them within SCENARIO_PEAK_RATE_MAX. */
static void events_bound(struct scenario_read *ld, struct events_file *f,
			 char **cells)
{
	const struct events_row *e = &f->rows[f->n - 1];
	const struct events_cols *k = &f->cols;

	for (int i = 0; i < k->n; i++) {
		long l = k->line[i];
		double p, peak;

		if (l < 0 || e->factor[l] <= 1)
			continue;
		p = e->factor[l];
		for (size_t j = 0; j + 1 < f->n; j++) {
			const struct events_row *o = &f->rows[j];

			if (o->at_s < e->at_s + e->duration_s &&
			    e->at_s < o->at_s + o->duration_s)
				p *= fmax(o->factor[l], 1);
		}
		peak = events_base_peak(&ld->sc->lines[l].demand) * p;
		if (p > SCENARIO_EVENTS_FACTOR_MAX)
			csv_read_report(&ld->yd, &f->c, cells[i], "with the "
					"events it overlaps, this multiplies line "
					"%s's rate by %.4g; events that meet may "
					"multiply it by at most %g",
					ld->sc->lines[l].name, p,
					SCENARIO_EVENTS_FACTOR_MAX);
		else if (peak > SCENARIO_PEAK_RATE_MAX)
			csv_read_report(&ld->yd, &f->c, cells[i], "at its peak "
					"line %s would have %.4g calls a second "
					"(its peak without events x %.4g, the "
					"events that meet here); must be at most "
					"%g calls a second", ld->sc->lines[l].name,
					peak, p, SCENARIO_PEAK_RATE_MAX);
	}
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
	return f->rows[f->n++].factor != NULL;
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
		if (events_when(ld, f, cells, &f->rows[f->n - 1]) &&
		    events_factors(ld, f, cells, &f->rows[f->n - 1]))
			events_bound(ld, f, cells);
	}
	return ld->yd.n_problems == before;
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
	double end = scenario_horizon_s(sc);
	struct local_clock c;

	local_clock_init(&c, sc->run.start);

	for (size_t l = 0; l < sc->n_lines && !ld->yd.oom; l++) {
		struct demand_spec *dm = &sc->lines[l].demand;

		dm->windows = scenario_read_calloc(ld, f->n, sizeof *dm->windows);
		if (!dm->windows)
			return;
		for (size_t j = 0; j < f->n; j++) {
			const struct events_row *r = &f->rows[j];
			double a = local_clock_elapsed(&c, r->at_s - t0);
			double b = local_clock_elapsed(&c, r->at_s - t0 +
						       r->duration_s);

			if (r->factor[l] != 1 && a < end && b > 0 && b > a)
				dm->windows[dm->n_windows++] =
					(struct demand_window){a, b - a,
							       r->factor[l]};
		}
	}
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
	if (f.rows && events_rows(ld, a, &f) && !ld->yd.oom)
		events_windows(ld, &f);
	for (size_t j = 0; j < f.n; j++)
		free(f.rows[j].factor);
	free(f.rows);
	free(f.c.text);
}
