/* report_erlang.c: the Erlang figures as a table, CSV or JSON (see
 * report_erlang.h). */
#include "results/report_erlang.h"

#include <math.h>

#include "results/emit.h"

/* The figures of a row CSV and JSON give, in their order, and their keys. */
#define REPORT_ERLANG_FIGURES 6

static const char *const report_erlang_keys[REPORT_ERLANG_FIGURES] = {
	"service_level", "asa_s", "mean_wait_s", "occupancy", "p_wait",
	"p_abandon"
};

static void report_erlang_figures(const struct report_erlang_row *row,
				  double x[REPORT_ERLANG_FIGURES])
{
	x[0] = row->r.service_level;
	x[1] = row->r.asa_s;
	x[2] = row->r.mean_wait_s;
	x[3] = row->r.occupancy;
	x[4] = row->r.p_wait;
	x[5] = row->r.p_abandon;
}

/* Whether a row meets the goal: 1, 0, or -1 when no goal was given. An
 * undefined service level does not meet it. */
static int report_erlang_meets(const struct report_erlang *x,
			       const struct report_erlang_row *row)
{
	if (isnan(x->goal))
		return -1;
	return row->r.service_level >= x->goal;
}

/* The offered load in Erlangs. */
static double report_erlang_load(const struct report_erlang *x)
{
	return x->calls_per_hour / 3600 * x->aht_s;
}

/* Whether f failed; fills err when it did. */
static enum sim_status report_erlang_end(FILE *f, struct sim_err *err)
{
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the output failed");
	return SIM_OK;
}

/* A figure for the table: scaled and printed, or "-" when undefined. */
static const char *report_erlang_cell(char *buf, size_t size, const char *fmt,
				      double x)
{
	if (isfinite(x))
		snprintf(buf, size, fmt, x);
	else
		snprintf(buf, size, "-");
	return buf;
}

static void report_erlang_table_head(FILE *f, const struct report_erlang *x)
{
	if (isnan(x->patience_s))
		fputs("Erlang C (callers wait until answered)\n", f);
	else
		fprintf(f, "Erlang A (mean patience %.10g s)\n", x->patience_s);
	fprintf(f, "%.10g calls an hour, handle time %.10g s: %.4g Erlangs "
		"offered\n", x->calls_per_hour, x->aht_s, report_erlang_load(x));
	fprintf(f, "answer within %.10g s", x->target_s);
	if (!isnan(x->goal))
		fprintf(f, ", goal %.10g%%", 100 * x->goal);
	fputc('\n', f);
	if (x->required > 0)
		fprintf(f, "required: %ld agents\n", x->required);
	fprintf(f, "\n%7s  %13s  %9s  %9s  %8s  %10s  %8s  %s\n", "agents",
		"service level", "ASA (s)", "occupancy", "P(wait)", "P(abandon)",
		"rostered", "goal");
}

static void report_erlang_table_row(FILE *f, const struct report_erlang *x,
				    const struct report_erlang_row *row)
{
	static const char *const verdicts[] = { "-", "missed", "met" };
	char sl[32], asa[32], occ[32], pw[32], pa[32];

	fprintf(f, "%7d  %13s  %9s  %9s  %8s  %10s  %8ld  %s\n", row->agents,
		report_erlang_cell(sl, sizeof sl, "%.2f%%",
				   100 * row->r.service_level),
		report_erlang_cell(asa, sizeof asa, "%.1f", row->r.asa_s),
		report_erlang_cell(occ, sizeof occ, "%.2f%%",
				   100 * row->r.occupancy),
		report_erlang_cell(pw, sizeof pw, "%.2f%%", 100 * row->r.p_wait),
		report_erlang_cell(pa, sizeof pa, "%.2f%%",
				   100 * row->r.p_abandon),
		row->rostered, verdicts[report_erlang_meets(x, row) + 1]);
}

enum sim_status report_erlang_table(FILE *f, const struct report_erlang *x,
				    struct sim_err *err)
{
	report_erlang_table_head(f, x);
	for (size_t i = 0; i < x->n_rows; i++)
		report_erlang_table_row(f, x, &x->rows[i]);
	return report_erlang_end(f, err);
}

enum sim_status report_erlang_csv(FILE *f, const struct report_erlang *x,
				  struct sim_err *err)
{
	double v[REPORT_ERLANG_FIGURES];

	fputs("agents,service_level,asa_s,mean_wait_s,occupancy,p_wait,"
	      "p_abandon,rostered,meets_goal\n", f);
	for (size_t i = 0; i < x->n_rows; i++) {
		const struct report_erlang_row *row = &x->rows[i];
		int meets = report_erlang_meets(x, row);

		report_erlang_figures(row, v);
		fprintf(f, "%d", row->agents);
		for (size_t k = 0; k < REPORT_ERLANG_FIGURES; k++) {
			fputc(',', f);
			emit_csv_number(f, v[k]);
		}
		fprintf(f, ",%ld,%s\n", row->rostered,
			meets < 0 ? "" : meets ? "true" : "false");
	}
	return report_erlang_end(f, err);
}

/* One row on one line. */
static void report_erlang_json_row(struct emit_json *w,
				   const struct report_erlang *x,
				   const struct report_erlang_row *row)
{
	double v[REPORT_ERLANG_FIGURES];
	int meets = report_erlang_meets(x, row);

	report_erlang_figures(row, v);
	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "agents", row->agents);
	for (size_t k = 0; k < REPORT_ERLANG_FIGURES; k++)
		emit_json_key_number(w, report_erlang_keys[k], v[k]);
	emit_json_key_number(w, "rostered", (double)row->rostered);
	if (meets < 0)
		emit_json_key_string_or_null(w, "meets_goal", NULL);
	else
		emit_json_key_bool(w, "meets_goal", meets);
	emit_json_close(w, '}');
}

/* The inputs, the load, the answer (null when not searched for) and the
 * rows. */
enum sim_status report_erlang_json(FILE *f, const struct report_erlang *x,
				   struct sim_err *err)
{
	struct emit_json w = { .f = f };

	emit_json_open(&w, '{');
	emit_json_key_string(&w, "model", isnan(x->patience_s) ? "erlang_c"
			     : "erlang_a");
	emit_json_key_number(&w, "calls_per_hour", x->calls_per_hour);
	emit_json_key_number(&w, "aht_s", x->aht_s);
	emit_json_key_number(&w, "target_s", x->target_s);
	emit_json_key_number(&w, "goal", x->goal);
	emit_json_key_number(&w, "patience_s", x->patience_s);
	emit_json_key_number(&w, "shrinkage", x->shrinkage);
	emit_json_key_number(&w, "load_erlangs", report_erlang_load(x));
	emit_json_key_number(&w, "required_agents", x->required > 0
			     ? (double)x->required : NAN);
	emit_json_key(&w, "rows");
	emit_json_open(&w, '[');
	for (size_t i = 0; i < x->n_rows; i++)
		report_erlang_json_row(&w, x, &x->rows[i]);
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	fputc('\n', f);
	return report_erlang_end(f, err);
}
