/* report_compare.c: the three formats of a comparison (see
 * report_compare.h). */
#include "results/report_compare.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "results/emit.h"

/* ------------------------------------------------------------------ */
/* Table                                                                */

#define RC_LABEL_W 36   /* "line 999 service level" */
#define RC_VALUE_W 12
#define RC_NUM_MAX 48

/* How a figure reads in the table. */
enum rc_unit {
	RC_PERCENT,     /* a fraction as %; differences in percentage points */
	RC_SECONDS,
	RC_FTE,         /* one decimal */
	RC_MONEY        /* whole currency units */
};

static enum rc_unit rc_unit_of(const char *metric)
{
	if (strcmp(metric, "fte") == 0)
		return RC_FTE;
	if (strcmp(metric, "annual_cost") == 0)
		return RC_MONEY;
	if (strcmp(metric, "asa_s") == 0 || strcmp(metric, "attendance_p90_s") == 0)
		return RC_SECONDS;
	return RC_PERCENT;
}

/* The words of a figure in the table. */
static const char *rc_words(const char *metric)
{
	static const char *const words[][2] = {
		{ "service_level", "service level" },
		{ "asa_s", "ASA" },
		{ "abandon_rate", "abandon rate" },
		{ "attended_within_target", "within target" },
		{ "attendance_p90_s", "attendance p90" },
		{ "fte", "FTE" },
		{ "annual_cost", "annual cost" },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i][0], metric) == 0)
			return words[i][1];
	return metric;
}

/* The bare number of x in unit u, "-" for NAN; with a sign when `sign`
 * (a difference), but never "+0.0" or "-0.0". */
static void rc_number(char *buf, size_t n, double x, enum rc_unit u, bool sign)
{
	double v = u == RC_PERCENT ? 100.0 * x : x;
	int digits = u == RC_MONEY ? 0 : 1;

	if (!isfinite(x)) {
		snprintf(buf, n, "-");
		return;
	}
	snprintf(buf, n, sign ? "%+.*f" : "%.*f", digits, v);
	if (strcmp(buf + (buf[0] == '+' || buf[0] == '-'), digits ? "0.0" : "0") == 0)
		snprintf(buf, n, "%s", digits ? "0.0" : "0");
}

/* A value with its unit: "96.0%", "2.3 s", "+0.8 pp", "-12.5". */
static void rc_value(char *buf, size_t n, double x, enum rc_unit u, bool diff)
{
	static const char *const side[] = { "%", " s", "", "" };
	static const char *const delta[] = { " pp", " s", "", "" };
	char num[RC_NUM_MAX];

	rc_number(num, sizeof num, x, u, diff);
	snprintf(buf, n, "%s%s", num, isfinite(x) ? (diff ? delta : side)[u] : "");
}

static void rc_figure(FILE *f, const struct compare_item *it,
		      const struct compare_figure *fg)
{
	enum rc_unit u = rc_unit_of(fg->metric);
	char label[RC_NUM_MAX + 2 * RESPONSE_NAME_MAX + SCENARIO_NAME_MAX];
	char a[RC_NUM_MAX + 4], b[RC_NUM_MAX + 4], d[RC_NUM_MAX + 4];
	char lo[RC_NUM_MAX], hi[RC_NUM_MAX];

	snprintf(label, sizeof label, "%s %s%s%s", compare_kind_name(it->kind),
		 it->kind == COMPARE_TOTAL ? "" : it->name,
		 it->kind == COMPARE_TOTAL ? "" : " ", rc_words(fg->metric));
	rc_value(a, sizeof a, fg->a.mean, u, false);
	rc_value(b, sizeof b, fg->b.mean, u, false);
	rc_value(d, sizeof d, fg->diff.mean, u, true);
	fprintf(f, "  %-*s %*s %*s %*s", RC_LABEL_W, label, RC_VALUE_W, a,
		RC_VALUE_W, b, RC_VALUE_W, d);
	/* Costs are exact: an interval would only repeat the difference. */
	if (u != RC_FTE && u != RC_MONEY && isfinite(fg->diff.mean)) {
		rc_number(lo, sizeof lo, fg->diff.lo, u, false);
		rc_number(hi, sizeof hi, fg->diff.hi, u, false);
		fprintf(f, "  [%s, %s]", lo, hi);
	}
	fputc('\n', f);
}

/* "met -> missed" under an agreement's figures; "none" without a goal,
 * "-" on the side without the item. */
static void rc_verdicts(FILE *f, const struct compare_item *it)
{
	const char *a = !(it->in & COMPARE_IN_A) ? "-" : it->has_verdict_a
		? ci_verdict_name(it->verdict_a) : "none";
	const char *b = !(it->in & COMPARE_IN_B) ? "-" : it->has_verdict_b
		? ci_verdict_name(it->verdict_b) : "none";
	char label[2 * RESPONSE_NAME_MAX + SCENARIO_NAME_MAX];

	snprintf(label, sizeof label, "%s %s verdict", compare_kind_name(it->kind),
		 it->name);
	fprintf(f, "  %-*s %*s %*s\n", RC_LABEL_W, label, RC_VALUE_W, a,
		RC_VALUE_W, b);
}

static void rc_item(FILE *f, const struct compare_item *it)
{
	if (it->in != COMPARE_IN_BOTH)
		fprintf(f, "  %s %s: only in %s\n", compare_kind_name(it->kind),
			it->name, it->in == COMPARE_IN_A ? "A" : "B");
	for (size_t k = 0; k < it->n_figures; k++)
		rc_figure(f, it, &it->fig[k]);
	if (it->kind == COMPARE_LINE || it->kind == COMPARE_GRADE)
		rc_verdicts(f, it);
}

static void rc_side(FILE *f, const char *which, const struct summary *s)
{
	fprintf(f, "%s: %s", which, s->sc->name);
	if (s->sc->path[0])
		fprintf(f, " (%s)", s->sc->path);
	fprintf(f, "\n   %g days after a %g h warm-up\n", s->days,
		s->warmup_s / 3600.0);
}

static void rc_head(FILE *f, const struct compare *c)
{
	rc_side(f, "A", c->a);
	rc_side(f, "B", c->b);
	fprintf(f, "%u replications of each, seed %" PRIu64 ": replication i of A "
		"and of B share their random numbers\n", c->a->replications,
		c->a->seed);
	fputs("figures: mean over replications; B-A: mean of the paired "
	      "differences [95% confidence interval]\n", f);
}

enum sim_status report_compare_table(FILE *f, const struct compare *c,
				     struct sim_err *err)
{
	bool costs = false;

	rc_head(f, c);
	fprintf(f, "\n%-*s %*s %*s %*s  %s\n", RC_LABEL_W + 2, "agreements",
		RC_VALUE_W, "A", RC_VALUE_W, "B", RC_VALUE_W, "B-A",
		"[95% CI of B-A]");
	for (size_t i = 0; i < c->n_items; i++) {
		const struct compare_item *it = &c->items[i];

		if (!costs && it->kind >= COMPARE_POOL) {
			fprintf(f, "\n%-*s %*s %*s %*s\n", RC_LABEL_W + 2,
				"costs (exact, from the rosters)", RC_VALUE_W, "A",
				RC_VALUE_W, "B", RC_VALUE_W, "B-A");
			costs = true;
		}
		rc_item(f, it);
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the comparison failed");
	return SIM_OK;
}

/* ------------------------------------------------------------------ */
/* CSV                                                                  */

static void rcsv_ci(FILE *f, const struct ci *c)
{
	fputc(',', f);
	emit_csv_number(f, c->mean);
	fputc(',', f);
	emit_csv_number(f, c->lo);
	fputc(',', f);
	emit_csv_number(f, c->hi);
}

/* A verdict field: empty without a goal or on the side without the item. */
static void rcsv_verdict(FILE *f, bool has, enum ci_verdict v)
{
	fputc(',', f);
	if (has)
		fputs(ci_verdict_name(v), f);
}

static void rcsv_item(FILE *f, const struct compare_item *it)
{
	static const char *const in[] = { "", "a", "b", "both" };

	for (size_t k = 0; k < it->n_figures; k++) {
		const struct compare_figure *fg = &it->fig[k];

		emit_csv_field(f, compare_kind_name(it->kind));
		fputc(',', f);
		emit_csv_field(f, it->name);
		fprintf(f, ",%s,%s", fg->metric, in[it->in]);
		rcsv_ci(f, &fg->a);
		rcsv_ci(f, &fg->b);
		rcsv_ci(f, &fg->diff);
		/* The verdict goes on the agreement's own figure, the first. */
		rcsv_verdict(f, k == 0 && it->has_verdict_a, it->verdict_a);
		rcsv_verdict(f, k == 0 && it->has_verdict_b, it->verdict_b);
		fputc('\n', f);
	}
}

enum sim_status report_compare_csv(FILE *f, const struct compare *c,
				   struct sim_err *err)
{
	fputs("section,name,metric,in,a_mean,a_ci_low,a_ci_high,b_mean,b_ci_low,"
	      "b_ci_high,diff_mean,diff_ci_low,diff_ci_high,a_verdict,b_verdict\n",
	      f);
	for (size_t i = 0; i < c->n_items; i++)
		rcsv_item(f, &c->items[i]);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the comparison CSV failed");
	return SIM_OK;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static void rj_side(struct emit_json *w, const char *key, const struct summary *s)
{
	emit_json_key(w, key);
	emit_json_open(w, '{');
	emit_json_key_string(w, "scenario", s->sc->name);
	emit_json_key_string(w, "file", s->sc->path);
	emit_json_key_number(w, "days", s->days);
	emit_json_key_number(w, "warmup_hours", s->warmup_s / 3600.0);
	emit_json_close(w, '}');
}

/* "metric": {"a": {...}, "b": {...}, "diff": {...}}. */
static void rj_figure(struct emit_json *w, const struct compare_figure *fg)
{
	emit_json_key(w, fg->metric);
	emit_json_open(w, '{');
	emit_json_key_ci(w, "a", &fg->a);
	emit_json_key_ci(w, "b", &fg->b);
	emit_json_key_ci(w, "diff", &fg->diff);
	emit_json_close(w, '}');
}

static void rj_item(struct emit_json *w, const struct compare_item *it)
{
	static const char *const in[] = { "", "a", "b", "both" };
	bool agreement = it->kind == COMPARE_LINE || it->kind == COMPARE_GRADE;

	if (it->kind != COMPARE_TOTAL)
		emit_json_next(w);
	emit_json_open(w, '{');
	if (it->kind != COMPARE_TOTAL) {
		emit_json_key_string(w, "name", it->name);
		emit_json_key_string(w, "in", in[it->in]);
	}
	if (agreement) {
		emit_json_key_string_or_null(w, "verdict_a", it->has_verdict_a
					     ? ci_verdict_name(it->verdict_a) : NULL);
		emit_json_key_string_or_null(w, "verdict_b", it->has_verdict_b
					     ? ci_verdict_name(it->verdict_b) : NULL);
	}
	for (size_t k = 0; k < it->n_figures; k++)
		rj_figure(w, &it->fig[k]);
	emit_json_close(w, '}');
}

/* "key": [the items of kind k]. */
static void rj_items(struct emit_json *w, const char *key,
		     const struct compare *c, enum compare_kind k)
{
	emit_json_key(w, key);
	emit_json_open(w, '[');
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].kind == k)
			rj_item(w, &c->items[i]);
	emit_json_close(w, ']');
}

static void rj_costs(struct emit_json *w, const struct compare *c)
{
	emit_json_key(w, "costs");
	emit_json_open(w, '{');
	rj_items(w, "pools", c, COMPARE_POOL);
	rj_items(w, "roles", c, COMPARE_ROLE);
	emit_json_key(w, "total");
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].kind == COMPARE_TOTAL)
			rj_item(w, &c->items[i]);
	emit_json_close(w, '}');
}

enum sim_status report_compare_json(FILE *f, const struct compare *c,
				    struct sim_err *err)
{
	struct emit_json w = { .f = f, .depth = 0 };

	emit_json_open(&w, '{');
	rj_side(&w, "a", c->a);
	rj_side(&w, "b", c->b);
	emit_json_key(&w, "seed");
	fprintf(f, "%" PRIu64, c->a->seed);   /* exact, beyond %.10g */
	emit_json_key_number(&w, "replications", c->a->replications);
	rj_items(&w, "lines", c, COMPARE_LINE);
	rj_items(&w, "grades", c, COMPARE_GRADE);
	rj_costs(&w, c);
	emit_json_close(&w, '}');
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the comparison JSON failed");
	return SIM_OK;
}
