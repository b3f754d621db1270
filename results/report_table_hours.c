/* report_table_hours.c: the response by hour of the week as text tables
 * (see report_table_hours.h): a row an hour, a column each figure of the
 * block with a place in the table (`row` in models/figure.h) for each
 * grade, then for each area. */
#include "results/report_table_hours.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "models/week.h"

/* What one of the two tables shows: its block, how many items and their
 * names, and a figure of an item in an hour. */
struct rth_table {
	enum figure_block b;
	size_t n_items;
	const char *(*name)(const struct summary *s, size_t i);
	const struct ci *(*at)(const struct summary *s, size_t h, size_t i,
			       size_t k);
};

static const char *rth_grade_name(const struct summary *s, size_t i)
{
	return s->sc->grades[i].name;
}

static const char *rth_area_name(const struct summary *s, size_t i)
{
	return s->sc->areas[i].name;
}

static const struct ci *rth_grade_at(const struct summary *s, size_t h,
				     size_t i, size_t k)
{
	return summary_igrade(s, h, i, k);
}

static const struct ci *rth_area_at(const struct summary *s, size_t h,
				    size_t i, size_t k)
{
	return summary_iarea(s, h, i, k);
}

/* A mean as the table shows it: a fraction in %, anything else with one
 * decimal, "-" when nothing was measured. */
static void rth_number(char *buf, size_t n, double x, enum figure_unit u)
{
	if (!isfinite(x))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.1f", u == FIGURE_FRACTION ? 100.0 * x : x);
}

/* One row of table t: hour h's means, or the headings when header. */
static void rth_row(FILE *f, const struct summary *s,
		    const struct rth_table *t, const size_t *order, size_t n,
		    size_t h, bool header)
{
	char head[SCENARIO_NAME_MAX + 32], cell[64], label[16];

	summary_hour_label(h, label);
	fprintf(f, "  %-9s", header ? "hour" : label);
	for (size_t i = 0; i < t->n_items; i++)
		for (size_t c = 0; c < n; c++) {
			const struct figure_def *d = figure_def(t->b, order[c]);
			int w;

			snprintf(head, sizeof head, "%s %s", t->name(s, i),
				 d->label);
			w = strlen(head) > 7 ? (int)strlen(head) : 7;
			rth_number(cell, sizeof cell,
				   t->at(s, h, i, order[c])->mean, d->unit);
			fprintf(f, "  %*s", w, header ? head : cell);
		}
	fputc('\n', f);
}

static void rth_table(FILE *f, const struct summary *s,
		      const struct rth_table *t, const char *title)
{
	size_t order[16];
	size_t n = figure_rows(t->b, order);

	fprintf(f, "\n%s\n", title);
	rth_row(f, s, t, order, n, 0, true);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		rth_row(f, s, t, order, n, h, false);
}

enum sim_status report_table_hours_write(FILE *f, const struct summary *s,
					 struct sim_err *err)
{
	const struct rth_table grades = { FIGURE_BLOCK_IGRADE, s->n_grades,
					  rth_grade_name, rth_grade_at };
	const struct rth_table areas = { FIGURE_BLOCK_IAREA, s->n_areas,
					 rth_area_name, rth_area_at };

	if (s->n_grades == 0) {
		fputs("\nresponse by hour of the week: the scenario has no "
		      "incident grades\n", f);
	} else {
		rth_table(f, s, &grades, "response by hour of the week, by "
			  "the hour incidents were created (means; inc a week, "
			  "in tgt and util in %, p50 and p90 in s)");
		rth_table(f, s, &areas, "response by hour of the week in each "
			  "area, every grade (means; in %)");
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the report failed");
	return SIM_OK;
}
