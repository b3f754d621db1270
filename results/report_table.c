/* report_table.c: the summary as fixed-width text (see report_table.h).
 *
 * Numbers are formatted into small buffers first and then padded, so one
 * column width serves counts, percentages and seconds alike. Everything is
 * printed with "%.Nf" in the C locale the command runs in: no thousands
 * separators, which would depend on the user's locale; money alone is
 * grouped, by hand (models/currency.h), as a finance officer reads it. */
#include "results/report_table.h"

#include <math.h>
#include <inttypes.h>
#include <string.h>

#include "models/agreement.h"
#include "results/uncertain.h"

#define RT_LABEL_W 22   /* width of the figure names */
#define RT_VALUE_W 12   /* width of the mean */
#define RT_NUM_MAX 48   /* room for one formatted number */

/* The bare number of x in unit u ("96.1", "3.4"), or "-" for NAN. */
static void rt_number(char *buf, size_t n, double x, enum figure_unit u)
{
	if (!isfinite(x))
		snprintf(buf, n, "-");
	else if (u == FIGURE_FRACTION)
		snprintf(buf, n, "%.1f", 100.0 * x);
	else
		snprintf(buf, n, "%.1f", x);
	/* A tiny negative end of an interval would read "-0.0". */
	if (strcmp(buf, "-0.0") == 0)
		snprintf(buf, n, "0.0");
}

/* What follows the interval of a figure, by the kind of interval: the
 * heading says rows are confidence intervals of the mean, so only the
 * other kinds are marked. */
static const char *rt_interval_note(enum figure_interval kind)
{
	switch (kind) {
	case FIGURE_CI_MEAN: return "";
	case FIGURE_PI_PERIOD: return " one period";
	case FIGURE_GOAL_SHARE: return " of periods met";
	}
	return "";
}

/* One figure line: "  label   mean unit  [lo, hi]". Units are indexed by
 * enum figure_unit (count, fraction, seconds, hours, FTE, money). */
static void rt_ci_row(FILE *f, const struct figure_def *d, const struct ci *c)
{
	static const char *const suffix[] = { "", "%", " s", " h", "", "" };
	char mean[RT_NUM_MAX], lo[RT_NUM_MAX], hi[RT_NUM_MAX];
	char value[RT_NUM_MAX + 4];

	rt_number(mean, sizeof mean, c->mean, d->unit);
	rt_number(lo, sizeof lo, c->lo, d->unit);
	rt_number(hi, sizeof hi, c->hi, d->unit);
	snprintf(value, sizeof value, "%s%s", mean,
		 isfinite(c->mean) ? suffix[d->unit] : "");
	fprintf(f, "  %-*s %*s", RT_LABEL_W, d->label, RT_VALUE_W, value);
	if (isfinite(c->mean))
		fprintf(f, "  [%s, %s]%s", lo, hi, rt_interval_note(d->interval));
	fputc('\n', f);
}

/* The rows of one item of block b (m: in the block's list order), in the
 * order models/figure.h gives them. */
static void rt_rows(FILE *f, enum figure_block b, const struct ci *m)
{
	size_t order[CC_LINE_METRICS + RSP_GRADE_METRICS];
	size_t n = figure_rows(b, order);

	for (size_t i = 0; i < n; i++)
		rt_ci_row(f, figure_def(b, order[i]), &m[order[i]]);
}

/* A line of text in the value column. */
static void rt_text_row(FILE *f, const char *name, const char *value)
{
	fprintf(f, "  %-*s %*s\n", RT_LABEL_W, name, RT_VALUE_W, value);
}

/* The verdict row of an agreement whose figure is c, held against goal;
 * under an uncertain verdict, why and what would settle it. */
static void rt_verdict_rows(FILE *f, const struct ci *c, double goal,
			    enum ci_verdict v)
{
	char text[UNCERTAIN_TEXT_MAX];

	rt_text_row(f, "verdict", ci_verdict_name(v));
	if (v != CI_UNCERTAIN)
		return;
	uncertain_why(text, c, goal);
	fprintf(f, "  %-*s %s\n", RT_LABEL_W, "why uncertain", text);
	uncertain_settle(text, c, goal);
	fprintf(f, "  %-*s %s\n", RT_LABEL_W, "to settle it", text);
}

/* The goal and verdict rows of an agreement whose figure is c. */
static void rt_verdict(FILE *f, const struct ci *c, double goal,
		       enum ci_verdict v)
{
	char text[RT_NUM_MAX];

	snprintf(text, sizeof text, "%.1f%%", 100.0 * goal);
	rt_text_row(f, "goal", text);
	rt_verdict_rows(f, c, goal, v);
}

/* The rows of an agreement met period by period: the goal of each
 * period, the share of periods met with its interval (of the mean over
 * replications, as every row's), the share to meet it on, the verdict. */
static void rt_periods(FILE *f, const struct ci *share, double goal,
		       int per, double on_at_least, enum ci_verdict v)
{
	struct figure_def d = *figure_def(FIGURE_BLOCK_ALINE, CC_A_PERIODS_MET);
	char text[RT_NUM_MAX], label[RT_NUM_MAX];

	snprintf(text, sizeof text, "%.1f%% %s %s", 100.0 * goal,
		 per == AGREEMENT_HOUR ? "an" : "a", agreement_word(per));
	rt_text_row(f, "goal", text);
	snprintf(label, sizeof label, "%s met", agreement_plural(per));
	d.label = label;
	d.interval = FIGURE_CI_MEAN;
	rt_ci_row(f, &d, share);
	snprintf(text, sizeof text, "%.1f%%", 100.0 * on_at_least);
	snprintf(label, sizeof label, "on at least, of %s",
		 agreement_plural(per));
	rt_text_row(f, label, text);
	rt_verdict_rows(f, share, on_at_least, v);
}

static void rt_head(FILE *f, const struct summary *s)
{
	fprintf(f, "%s\n", s->sc->name);
	fprintf(f, "%u replications of %g day%s after a %g h warm-up, seed %"
		PRIu64 "\n", s->replications, s->days, s->days == 1.0 ? "" : "s",
		s->warmup_s / 3600.0, s->seed);
	fputs("figures: mean over replications [95% confidence interval]\n", f);
}

static void rt_line(FILE *f, const struct summary *s, size_t l)
{
	const struct line_spec *spec = &s->sc->lines[l];
	const struct summary_line *sl = &s->lines[l];

	fprintf(f, "\nline %s: answer within %g s\n", spec->name, spec->target_s);
	rt_rows(f, FIGURE_BLOCK_LINE, sl->m);
	/* Where one more day, or one more run of the horizon, would fall:
	 * shown where demand is uncertain. */
	if (s->predicts)
		rt_rows(f, FIGURE_BLOCK_PLINE,
			s->period_line + l * CC_PERIOD_LINE_METRICS);
	/* Call-backs of the line's abandoned callers, where it has them. */
	if (s->callbacks && spec->callback.probability > 0)
		rt_rows(f, FIGURE_BLOCK_CBLINE,
			s->callback_line + l * CB_LINE_METRICS);
	if (!sl->has_goal) {
		rt_text_row(f, "goal", "none");
		return;
	}
	if (spec->per != AGREEMENT_HORIZON)
		rt_periods(f, &sl->periods_met, spec->goal, spec->per,
			   spec->on_at_least, sl->verdict);
	else
		rt_verdict(f, &sl->m[CC_SERVICE_LEVEL], spec->goal, sl->verdict);
}

static void rt_pool(FILE *f, const struct summary *s, size_t p)
{
	const struct pool_spec *spec = &s->sc->pools[p];

	fprintf(f, "\npool %s: serves", spec->name);
	for (size_t i = 0; i < spec->n_serves; i++)
		fprintf(f, "%s %s", i ? "," : "", s->sc->lines[spec->serves[i]].name);
	fputc('\n', f);
	rt_rows(f, FIGURE_BLOCK_POOL, s->pools[p].m);
}

/* A stream of deferrable work: its figures and its agreement. */
static void rt_deferrable(FILE *f, const struct summary *s, size_t i)
{
	const struct deferrable_spec *spec = &s->sc->deferrable[i];
	const struct summary_deferrable *sd = &s->deferrable[i];

	fprintf(f, "\ndeferrable %s: pool %s, taken within %g h\n",
		spec->work.name, s->sc->pools[spec->pool].name,
		spec->work.target_s / 3600.0);
	rt_rows(f, FIGURE_BLOCK_DEFER, sd->m);
	if (!sd->has_goal) {
		rt_text_row(f, "goal", "none");
		return;
	}
	rt_verdict(f, &sd->m[DF_WITHIN_TARGET], spec->work.goal, sd->verdict);
}

static void rt_grade(FILE *f, const struct summary *s, size_t g)
{
	const struct grade_spec *spec = &s->sc->grades[g];
	const struct summary_grade *sg = &s->grades[g];

	if (isnan(spec->target_s))
		fprintf(f, "\ngrade %s: no attendance target\n", spec->name);
	else
		fprintf(f, "\ngrade %s: attend within %g s\n", spec->name,
			spec->target_s);
	rt_rows(f, FIGURE_BLOCK_GRADE, sg->m);
	if (!sg->has_goal) {
		rt_text_row(f, "goal", "none");
		return;
	}
	if (spec->per != AGREEMENT_HORIZON)
		rt_periods(f, &sg->periods_met, spec->goal, spec->per,
			   spec->on_at_least, sg->verdict);
	else
		rt_verdict(f, &sg->m[RSP_WITHIN_TARGET], spec->goal,
			   sg->verdict);
}

/* A cell of the area table: "91.2 [90.1, 92.3]", or "-". */
#define RT_CELL_W 20
static void rt_cell(FILE *f, const struct ci *c, enum figure_unit u)
{
	char mean[RT_NUM_MAX], lo[RT_NUM_MAX], hi[RT_NUM_MAX];
	char cell[3 * RT_NUM_MAX + 8];

	rt_number(mean, sizeof mean, c->mean, u);
	rt_number(lo, sizeof lo, c->lo, u);
	rt_number(hi, sizeof hi, c->hi, u);
	if (isfinite(c->mean))
		snprintf(cell, sizeof cell, "%s [%s, %s]", mean, lo, hi);
	else
		snprintf(cell, sizeof cell, "-");
	fprintf(f, "  %*s", RT_CELL_W, cell);
}

/* The area table: a row per area, a column per grade with a target
 * (attended within target), then a column per area figure with a row
 * place in models/figure.h (utilisation, abstractions). */
static void rt_areas(FILE *f, const struct summary *s)
{
	size_t order[RSP_AREA_METRICS];
	size_t n = figure_rows(FIGURE_BLOCK_AREA, order);
	enum figure_unit within = figure_def(FIGURE_BLOCK_GRADE,
					     RSP_WITHIN_TARGET)->unit;

	fputs("\nareas (mean [95% confidence interval]; within target and "
	      "utilisation in %)\n", f);
	fprintf(f, "  %-*s", RT_LABEL_W - 6, "area");
	for (size_t g = 0; g < s->n_grades; g++)
		if (!isnan(s->sc->grades[g].target_s))
			fprintf(f, "  %*s", RT_CELL_W, s->sc->grades[g].name);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "  %*s", RT_CELL_W,
			figure_def(FIGURE_BLOCK_AREA, order[i])->label);
	fputc('\n', f);
	for (size_t a = 0; a < s->n_areas; a++) {
		fprintf(f, "  %-*s", RT_LABEL_W - 6, s->sc->areas[a].name);
		for (size_t g = 0; g < s->n_grades; g++)
			if (!isnan(s->sc->grades[g].target_s))
				rt_cell(f, &summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET],
					within);
		for (size_t i = 0; i < n; i++)
			rt_cell(f, &s->areas[a].m[order[i]],
				figure_def(FIGURE_BLOCK_AREA, order[i])->unit);
		fputc('\n', f);
	}
}

static void rt_cost_row(FILE *f, const struct summary *s, const char *name,
			double fte, double cost)
{
	char money[CURRENCY_TEXT_MAX];

	currency_format(money, s->sc->currency, cost, 0);
	fprintf(f, "  %-*s %*.1f %*s\n", RT_LABEL_W, name, RT_VALUE_W, fte,
		currency_field(money, RT_VALUE_W + 2), money);
}

/* Call handlers by pool, officers by role, and the total of both. */
static void rt_costs(FILE *f, const struct summary *s)
{
	fprintf(f, "\ncosts (%s)\n  %-*s %*s %*s\n",
		currency_name(s->sc->currency), RT_LABEL_W, "pool", RT_VALUE_W,
		"FTE", RT_VALUE_W + 2, "annual cost");
	for (size_t p = 0; p < s->n_pools; p++)
		rt_cost_row(f, s, s->sc->pools[p].name, s->pools[p].fte,
			    s->pools[p].annual_cost);
	if (s->n_roles > 0)
		fputs("  role\n", f);
	for (size_t r = 0; r < s->n_roles; r++)
		rt_cost_row(f, s, s->sc->roles[r].name, s->roles[r].fte,
			    s->roles[r].annual_cost);
	rt_cost_row(f, s, "total", s->total_fte, s->total_annual_cost);
}

/* The columns of the hour-of-week table: per line, then per pool, the
 * hour-of-week figures with a row place in models/figure.h (offered and
 * service level; staff and occupancy). */
struct rt_columns {
	size_t line[CC_INTERVAL_LINE_METRICS], pool[CC_INTERVAL_POOL_METRICS];
	size_t n_line, n_pool;
};

/* Column c: fills its heading and, for hour h, its figure and definition. */
static const struct ci *rt_column(const struct summary *s,
				  const struct rt_columns *cols, size_t c,
				  size_t h, char head[RT_NUM_MAX + SCENARIO_NAME_MAX],
				  const struct figure_def **d)
{
	size_t n = RT_NUM_MAX + SCENARIO_NAME_MAX, k;

	if (c < cols->n_line * s->n_lines) {
		size_t l = c / cols->n_line;

		k = cols->line[c % cols->n_line];
		*d = figure_def(FIGURE_BLOCK_ILINE, k);
		snprintf(head, n, "%s %s", s->sc->lines[l].name, (*d)->label);
		return summary_iline(s, h, l, k);
	}
	c -= cols->n_line * s->n_lines;
	k = cols->pool[c % cols->n_pool];
	*d = figure_def(FIGURE_BLOCK_IPOOL, k);
	snprintf(head, n, "%s %s", s->sc->pools[c / cols->n_pool].name,
		 (*d)->label);
	return summary_ipool(s, h, c / cols->n_pool, k);
}

/* One row of the hour-of-week table; the heading row when header is true. */
static void rt_interval_row(FILE *f, const struct summary *s,
			    const struct rt_columns *cols, size_t h,
			    bool header)
{
	size_t n_cols = cols->n_line * s->n_lines + cols->n_pool * s->n_pools;
	char head[RT_NUM_MAX + SCENARIO_NAME_MAX], cell[RT_NUM_MAX];
	char label[SUMMARY_HOUR_LABEL_MAX];
	const struct figure_def *d;

	summary_hour_label(h, label);
	fprintf(f, "  %-9s", header ? "hour" : label);
	for (size_t c = 0; c < n_cols; c++) {
		const struct ci *x = rt_column(s, cols, c, h, head, &d);
		int w = strlen(head) > 7 ? (int)strlen(head) : 7;

		rt_number(cell, sizeof cell, x->mean, d->unit);
		fprintf(f, "  %*s", w, header ? head : cell);
	}
	fputc('\n', f);
}

static void rt_intervals(FILE *f, const struct summary *s)
{
	struct rt_columns cols;

	cols.n_line = figure_rows(FIGURE_BLOCK_ILINE, cols.line);
	cols.n_pool = figure_rows(FIGURE_BLOCK_IPOOL, cols.pool);
	fputs("\nhour of the week (means; SL and occ in %)\n", f);
	rt_interval_row(f, s, &cols, 0, true);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		rt_interval_row(f, s, &cols, h, false);
}

/* The columns of the by-day table: per line, then per grade, the by-day
 * figures with a row place in models/figure.h. */
struct rt_day_columns {
	size_t line[CC_DAY_LINE_METRICS], grade[RSP_DAY_GRADE_METRICS];
	size_t n_line, n_grade;
};

/* Column c of the by-day table: fills its heading and, for day d, its
 * figure and definition. */
static const struct ci *rt_day_column(const struct summary *s,
				      const struct rt_day_columns *cols,
				      size_t c, size_t d,
				      char head[RT_NUM_MAX + SCENARIO_NAME_MAX],
				      const struct figure_def **def)
{
	size_t n = RT_NUM_MAX + SCENARIO_NAME_MAX, k;

	if (c < cols->n_line * s->n_lines) {
		size_t l = c / cols->n_line;

		k = cols->line[c % cols->n_line];
		*def = figure_def(FIGURE_BLOCK_DLINE, k);
		snprintf(head, n, "%s %s", s->sc->lines[l].name, (*def)->label);
		return summary_dline(s, d, l, k);
	}
	c -= cols->n_line * s->n_lines;
	k = cols->grade[c % cols->n_grade];
	*def = figure_def(FIGURE_BLOCK_DGRADE, k);
	snprintf(head, n, "%s %s", s->sc->grades[c / cols->n_grade].name,
		 (*def)->label);
	return summary_dgrade(s, d, c / cols->n_grade, k);
}

/* One row of the by-day table (day d from 0); the heading row when header
 * is true. */
static void rt_day_row(FILE *f, const struct summary *s,
		       const struct rt_day_columns *cols, size_t d,
		       bool header)
{
	size_t n_cols = cols->n_line * s->n_lines + cols->n_grade * s->n_grades;
	char head[RT_NUM_MAX + SCENARIO_NAME_MAX], cell[RT_NUM_MAX];
	const struct figure_def *def;

	if (header)
		fprintf(f, "  %5s", "day");
	else
		fprintf(f, "  %5zu", d + 1);
	for (size_t c = 0; c < n_cols; c++) {
		const struct ci *x = rt_day_column(s, cols, c, d, head, &def);
		int w = strlen(head) > 7 ? (int)strlen(head) : 7;

		rt_number(cell, sizeof cell, x->mean, def->unit);
		fprintf(f, "  %*s", w, header ? head : cell);
	}
	fputc('\n', f);
}

enum sim_status report_table_write_days(FILE *f, const struct summary *s,
					struct sim_err *err)
{
	struct rt_day_columns cols;

	cols.n_line = figure_rows(FIGURE_BLOCK_DLINE, cols.line);
	cols.n_grade = figure_rows(FIGURE_BLOCK_DGRADE, cols.grade);
	fputs("\nby day of the horizon (means; SL and within target in %, "
	      "ASA in s)\n", f);
	rt_day_row(f, s, &cols, 0, true);
	for (size_t d = 0; d < s->n_days; d++)
		rt_day_row(f, s, &cols, d, false);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the report failed");
	return SIM_OK;
}

enum sim_status report_table_write(FILE *f, const struct summary *s,
				   bool intervals, struct sim_err *err)
{
	rt_head(f, s);
	for (size_t l = 0; l < s->n_lines; l++)
		rt_line(f, s, l);
	for (size_t p = 0; p < s->n_pools; p++)
		rt_pool(f, s, p);
	for (size_t i = 0; i < s->n_deferrable; i++)
		rt_deferrable(f, s, i);
	for (size_t g = 0; g < s->n_grades; g++)
		rt_grade(f, s, g);
	if (s->n_areas > 0)
		rt_areas(f, s);
	rt_costs(f, s);
	if (intervals)
		rt_intervals(f, s);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the report failed");
	return SIM_OK;
}
