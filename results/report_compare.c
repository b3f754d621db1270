/* report_compare.c: the three formats of a comparison (see
 * report_compare.h). */
#include "results/report_compare.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "callsim_config.h"
#include "results/emit.h"
#include "results/uncertain.h"

/* ------------------------------------------------------------------ */
/* Table                                                                */

#define RC_LABEL_W 36   /* the narrowest label column: "line 999 service
			   level" and most labels fit; a longer one widens
			   the column so every row stays aligned */
#define RC_VALUE_W 12
#define RC_NUM_MAX 48
/* A title ("line 999") holds a kind and a name; a label adds the words. */
#define RC_TITLE_MAX (8 + SCENARIO_NAME_MAX + RESPONSE_NAME_MAX)
#define RC_LABEL_MAX (RC_TITLE_MAX + RC_NUM_MAX)

/* The blocks of the table, in order, and the items each lists. */
enum rc_block { RC_AGREEMENTS, RC_AREAS, RC_COSTS };

/* The table being written: its stream and the width of its labels. */
struct rc_table {
	FILE *f;
	int label_w;
	enum currency_code currency;   /* A's: how money is shown */
	const struct scenario *a, *b;  /* the sides: their goals */
};

/* The bare number of x in unit u, "-" for NAN; with a sign when `sign`
 * (a difference), but never "+0.0" or "-0.0". */
static void rc_number(char *buf, size_t n, double x, enum figure_unit u,
		      bool sign)
{
	double v = u == FIGURE_FRACTION ? 100.0 * x : x;
	int digits = u == FIGURE_MONEY ? 0 : 1;

	if (!isfinite(x)) {
		snprintf(buf, n, "-");
		return;
	}
	snprintf(buf, n, sign ? "%+.*f" : "%.*f", digits, v);
	if (strcmp(buf + (buf[0] == '+' || buf[0] == '-'), digits ? "0.0" : "0") == 0)
		snprintf(buf, n, "%s", digits ? "0.0" : "0");
}

/* A value with its unit: "96.0%", "2.3 s", "+0.8 pp", "-12.5",
 * "+£30,000"; indexed by enum figure_unit (count, fraction, seconds, hours,
 * FTE, money). */
static void rc_value(char *buf, size_t n, double x, enum figure_unit u,
		     bool diff, enum currency_code cur)
{
	static const char *const side[] = { "", "%", " s", " h", "", "" };
	static const char *const delta[] = { "", " pp", " s", " h", "", "" };
	char num[RC_NUM_MAX];

	if (u == FIGURE_MONEY) {
		char money[CURRENCY_TEXT_MAX];

		currency_format(money, cur, x, diff);
		snprintf(buf, n, "%s", money);
		return;
	}
	rc_number(num, sizeof num, x, u, diff);
	snprintf(buf, n, "%s%s", num, isfinite(x) ? (diff ? delta : side)[u] : "");
}

/* True for the kinds whose items have a verdict row: the agreements
 * (lines, grades, deferrable streams) and the areas (their top
 * grade's). */
static bool rc_has_verdicts(const struct compare_item *it)
{
	return it->kind == COMPARE_LINE || it->kind == COMPARE_GRADE
		|| it->kind == COMPARE_DEFERRABLE || it->kind == COMPARE_AREA;
}

/* What a row is about: "line 999", "area Solihull"; the force and the
 * total are named by their kind alone. */
static int rc_title(char *buf, size_t n, const struct compare_item *it)
{
	bool named = it->kind != COMPARE_TOTAL && it->kind != COMPARE_FORCE;

	return snprintf(buf, n, "%s%s%s", compare_kind_name(it->kind),
			named ? " " : "", named ? it->name : "");
}

/* The label of a row: "line 999 service level", "area Solihull emergency
 * verdict", "force abstractions". */
static int rc_label(char *buf, size_t n, const struct compare_item *it,
		    const char *words)
{
	char title[RC_TITLE_MAX];

	rc_title(title, sizeof title, it);
	return snprintf(buf, n, "%s %s", title, words);
}

/* The words of an item's verdict row: an area's verdict is its top
 * grade's. */
static const char *rc_verdict_words(const struct compare_item *it)
{
	return it->kind == COMPARE_AREA ? "emergency verdict" : "verdict";
}

/* The width of the label column: RC_LABEL_W, or the longest label. */
static int rc_label_width(const struct compare *c)
{
	char label[RC_LABEL_MAX];
	int w = RC_LABEL_W;

	for (size_t i = 0; i < c->n_items; i++) {
		const struct compare_item *it = &c->items[i];
		int len;

		for (size_t k = 0; k < it->n_figures; k++) {
			len = rc_label(label, sizeof label, it, it->fig[k].words);
			w = len > w ? len : w;
		}
		len = rc_has_verdicts(it)
			? rc_label(label, sizeof label, it, rc_verdict_words(it)) : 0;
		w = len > w ? len : w;
	}
	return w;
}

static void rc_figure(const struct rc_table *t, const struct compare_item *it,
		      const struct compare_figure *fg)
{
	enum figure_unit u = fg->unit;
	char label[RC_LABEL_MAX];
	char a[RC_NUM_MAX + 4], b[RC_NUM_MAX + 4], d[RC_NUM_MAX + 4];
	char lo[RC_NUM_MAX], hi[RC_NUM_MAX];

	rc_label(label, sizeof label, it, fg->words);
	rc_value(a, sizeof a, fg->a.mean, u, false, t->currency);
	rc_value(b, sizeof b, fg->b.mean, u, false, t->currency);
	rc_value(d, sizeof d, fg->diff.mean, u, true, t->currency);
	fprintf(t->f, "  %-*s %*s %*s %*s", t->label_w, label,
		currency_field(a, RC_VALUE_W), a, currency_field(b, RC_VALUE_W),
		b, currency_field(d, RC_VALUE_W), d);
	/* Costs are exact: an interval would only repeat the difference. */
	if (u != FIGURE_FTE && u != FIGURE_MONEY && isfinite(fg->diff.mean)) {
		rc_number(lo, sizeof lo, fg->diff.lo, u, false);
		rc_number(hi, sizeof hi, fg->diff.hi, u, false);
		fprintf(t->f, "  [%s, %s]", lo, hi);
	}
	fputc('\n', t->f);
}

/* "met -> missed" under an agreement's or area's figures; "none" without a
 * goal, "-" on the side without the item. */
static void rc_verdicts(const struct rc_table *t, const struct compare_item *it)
{
	const char *a = !(it->in & COMPARE_IN_A) ? "-" : it->has_verdict_a
		? ci_verdict_name(it->verdict_a) : "none";
	const char *b = !(it->in & COMPARE_IN_B) ? "-" : it->has_verdict_b
		? ci_verdict_name(it->verdict_b) : "none";
	char label[RC_LABEL_MAX];

	rc_label(label, sizeof label, it, rc_verdict_words(it));
	fprintf(t->f, "  %-*s %*s %*s\n", t->label_w, label, RC_VALUE_W, a,
		RC_VALUE_W, b);
}

/* Under a side's uncertain verdict: why, and what would settle it. */
static void rc_uncertain(const struct rc_table *t, const struct compare_item *it,
			 const char *side, const struct ci *c, double goal)
{
	char label[RC_LABEL_MAX], words[32], text[UNCERTAIN_TEXT_MAX];

	snprintf(words, sizeof words, "%s why uncertain", side);
	rc_label(label, sizeof label, it, words);
	uncertain_why(text, c, goal);
	fprintf(t->f, "  %-*s %s\n", t->label_w, label, text);
	snprintf(words, sizeof words, "%s to settle it", side);
	rc_label(label, sizeof label, it, words);
	uncertain_settle(text, c, goal);
	fprintf(t->f, "  %-*s %s\n", t->label_w, label, text);
}

static void rc_item(const struct rc_table *t, const struct compare_item *it)
{
	char title[RC_TITLE_MAX];

	rc_title(title, sizeof title, it);
	if (it->in != COMPARE_IN_BOTH)
		fprintf(t->f, "  %s: only in %s\n", title,
			it->in == COMPARE_IN_A ? "A" : "B");
	for (size_t k = 0; k < it->n_figures; k++)
		rc_figure(t, it, &it->fig[k]);
	if (!rc_has_verdicts(it))
		return;
	rc_verdicts(t, it);
	if (it->has_verdict_a && it->verdict_a == CI_UNCERTAIN)
		rc_uncertain(t, it, "A", &it->agreed_a, it->goal_a);
	if (it->has_verdict_b && it->verdict_b == CI_UNCERTAIN)
		rc_uncertain(t, it, "B", &it->agreed_b, it->goal_b);
}

static enum rc_block rc_block_of(enum compare_kind k)
{
	if (k == COMPARE_LINE || k == COMPARE_GRADE || k == COMPARE_DEFERRABLE)
		return RC_AGREEMENTS;
	if (k == COMPARE_AREA || k == COMPARE_FORCE)
		return RC_AREAS;
	return RC_COSTS;
}

/* The heading of a block; costs are exact and have no interval column. */
static void rc_block_head(const struct rc_table *t, enum rc_block b)
{
	static const char *const titles[] = {
		"agreements", "areas", "costs (exact, from the rosters)"
	};

	fprintf(t->f, "\n%-*s %*s %*s %*s%s\n", t->label_w + 2, titles[b],
		RC_VALUE_W, "A", RC_VALUE_W, "B", RC_VALUE_W, "B-A",
		b == RC_COSTS ? "" : "  [95% CI of B-A]");
}

static void rc_side(FILE *f, const char *which, const struct summary *s)
{
	fprintf(f, "%s: %s", which, s->sc->name);
	if (s->sc->path[0])
		fprintf(f, " (%s)", s->sc->path);
	fprintf(f, "\n   %g day%s after a %g h warm-up\n", s->days,
		s->days == 1.0 ? "" : "s", s->warmup_s / 3600.0);
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

/* The blocks follow the order of the items: agreements, areas, costs. */
enum sim_status report_compare_table(FILE *f, const struct compare *c,
				     struct sim_err *err)
{
	struct rc_table t = { f, rc_label_width(c), c->a->sc->currency,
			      c->a->sc, c->b->sc };
	enum rc_block block = RC_AGREEMENTS;

	rc_head(f, c);
	rc_block_head(&t, block);
	for (size_t i = 0; i < c->n_items; i++) {
		const struct compare_item *it = &c->items[i];

		if (rc_block_of(it->kind) != block) {
			block = rc_block_of(it->kind);
			rc_block_head(&t, block);
		}
		rc_item(&t, it);
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the comparison failed");
	return SIM_OK;
}

/* ------------------------------------------------------------------ */
/* CSV                                                                  */

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
		emit_csv_interval(f, &fg->a);
		emit_csv_interval(f, &fg->b);
		emit_csv_interval(f, &fg->diff);
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
	emit_json_key(w, "content_fnv1a");   /* of the file and its CSVs */
	fprintf(w->f, "\"%016" PRIx64 "\"", s->sc->content_fnv1a);
	emit_json_close(w, '}');
}

/* The target and goal of the line, grade or deferrable stream `name` of
 * side s (null on the side without it); a stream's target is in hours
 * ("target_h_a"), as the run gives it. */
static void rj_goal(struct emit_json *w, const struct summary *s,
		    const struct compare_item *it, char side)
{
	bool stream = it->kind == COMPARE_DEFERRABLE;
	double target = NAN, goal = NAN;
	char key[16];

	for (size_t i = 0; it->kind == COMPARE_LINE && i < s->sc->n_lines; i++)
		if (strcmp(s->sc->lines[i].name, it->name) == 0) {
			target = s->sc->lines[i].target_s;
			goal = s->sc->lines[i].goal;
		}
	for (size_t i = 0; it->kind == COMPARE_GRADE && i < s->sc->n_grades;
	     i++)
		if (strcmp(s->sc->grades[i].name, it->name) == 0) {
			target = s->sc->grades[i].target_s;
			goal = s->sc->grades[i].goal;
		}
	for (size_t i = 0; stream && i < s->sc->n_deferrable; i++)
		if (strcmp(s->sc->deferrable[i].work.name, it->name) == 0) {
			target = s->sc->deferrable[i].work.target_s / 3600.0;
			goal = s->sc->deferrable[i].work.goal;
		}
	snprintf(key, sizeof key, stream ? "target_h_%c" : "target_s_%c",
		 side);
	emit_json_key_number(w, key, target);
	snprintf(key, sizeof key, "goal_%c", side);
	emit_json_key_number(w, key, goal);
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

/* An item: in an array (`element`) or as a member's value. Named items
 * and the force say which sides have them; items with an agreement give
 * each side's verdict. */
static void rj_item(struct emit_json *w, const struct compare *c,
		    const struct compare_item *it, bool element)
{
	static const char *const in[] = { "", "a", "b", "both" };
	bool named = it->kind != COMPARE_TOTAL && it->kind != COMPARE_FORCE;

	if (element)
		emit_json_next(w);
	emit_json_open(w, '{');
	if (named)
		emit_json_key_string(w, "name", it->name);
	if (it->kind != COMPARE_TOTAL)
		emit_json_key_string(w, "in", in[it->in]);
	if (named && it->kind <= COMPARE_AREA) {
		emit_json_key_string_or_null(w, "verdict_a", it->has_verdict_a
					     ? ci_verdict_name(it->verdict_a) : NULL);
		emit_json_key_string_or_null(w, "verdict_b", it->has_verdict_b
					     ? ci_verdict_name(it->verdict_b) : NULL);
	}
	if (it->kind == COMPARE_LINE || it->kind == COMPARE_GRADE
	    || it->kind == COMPARE_DEFERRABLE) {
		rj_goal(w, c->a, it, 'a');
		rj_goal(w, c->b, it, 'b');
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
			rj_item(w, c, &c->items[i], true);
	emit_json_close(w, ']');
}

/* True when c has an item of kind k. */
static bool rj_any(const struct compare *c, enum compare_kind k)
{
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].kind == k)
			return true;
	return false;
}

/* "key": the single item of kind k, or null when there is none (the force
 * of two scenarios without areas). */
static void rj_single(struct emit_json *w, const char *key,
		      const struct compare *c, enum compare_kind k)
{
	emit_json_key(w, key);
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].kind == k) {
			rj_item(w, c, &c->items[i], false);
			return;
		}
	fputs("null", w->f);
}

static void rj_costs(struct emit_json *w, const struct compare *c)
{
	emit_json_key(w, "costs");
	emit_json_open(w, '{');
	rj_items(w, "pools", c, COMPARE_POOL);
	rj_items(w, "roles", c, COMPARE_ROLE);
	rj_single(w, "total", c, COMPARE_TOTAL);
	emit_json_close(w, '}');
}

/* Line `name`'s service level in hour h of side s ("a" or "b"): null on
 * the side without the line. Returns its mean, or NAN. */
static double rj_hour_side(struct emit_json *w, const char *key,
			   const struct summary *s, const char *name, size_t h)
{
	long l = scenario_line_index(s->sc, name);
	const struct ci *m = l < 0 ? NULL
		: summary_iline(s, h, (size_t)l, CC_I_SERVICE_LEVEL);

	emit_json_key_ci(w, key, m != NULL ? m : &(struct ci){ NAN, NAN, NAN,
							       0 });
	return m != NULL ? m->mean : NAN;
}

/* One hour of the week, on one line: every line's service level on both
 * sides and B's mean minus A's. */
static void rj_hour(struct emit_json *w, const struct compare *c, size_t h)
{
	char label[SUMMARY_HOUR_LABEL_MAX];

	summary_hour_label(h, label);
	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "hour", (double)h);
	emit_json_key_string(w, "label", label);
	emit_json_key(w, "lines");
	emit_json_open(w, '[');
	for (size_t i = 0; i < c->n_items; i++) {
		const struct compare_item *it = &c->items[i];
		double a, b;

		if (it->kind != COMPARE_LINE)
			continue;
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", it->name);
		emit_json_key(w, "service_level");
		emit_json_open(w, '{');
		a = rj_hour_side(w, "a", c->a, it->name, h);
		b = rj_hour_side(w, "b", c->b, it->name, h);
		emit_json_close(w, '}');
		emit_json_key_number(w, "diff_of_means", b - a);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* "intervals": the 168 hours of the week, one to a line. */
static void rj_intervals(struct emit_json *w, const struct compare *c)
{
	emit_json_key(w, "intervals");
	emit_json_open(w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		rj_hour(w, c, h);
	emit_json_close(w, ']');
}

/* What the result is and what made it: the schema the report reader
 * checks, the version, and the command line ("callsim" and the
 * subcommand's argv), or null. */
static void rj_provenance(struct emit_json *w, const char *const *command,
			  size_t n)
{
	emit_json_key_string(w, "schema", REPORT_COMPARE_SCHEMA);
	emit_json_key_number(w, "schema_version",
			     REPORT_COMPARE_SCHEMA_VERSION);
	emit_json_key_string(w, "callsim_version", CALLSIM_VERSION);
	emit_json_key(w, "command");
	if (command == NULL) {
		fputs("null", w->f);
		return;
	}
	emit_json_open_flat(w, '[');
	emit_json_next(w);
	emit_json_string(w->f, "callsim");
	for (size_t i = 0; i < n; i++) {
		emit_json_next(w);
		emit_json_string(w->f, command[i]);
	}
	emit_json_close(w, ']');
}

enum sim_status report_compare_json(FILE *f, const struct compare *c,
				    struct sim_err *err)
{
	return report_compare_json_run(f, c, NULL, 0, err);
}

enum sim_status report_compare_json_run(FILE *f, const struct compare *c,
					const char *const *command, size_t n,
					struct sim_err *err)
{
	struct emit_json w = { .f = f, .depth = 0 };

	emit_json_open(&w, '{');
	rj_provenance(&w, command, n);
	rj_side(&w, "a", c->a);
	rj_side(&w, "b", c->b);
	emit_json_key(&w, "seed");
	fprintf(f, "%" PRIu64, c->a->seed);   /* exact, beyond %.10g */
	emit_json_key_number(&w, "replications", c->a->replications);
	rj_items(&w, "lines", c, COMPARE_LINE);
	rj_items(&w, "grades", c, COMPARE_GRADE);
	if (rj_any(c, COMPARE_DEFERRABLE))
		rj_items(&w, "deferrable", c, COMPARE_DEFERRABLE);
	rj_items(&w, "areas", c, COMPARE_AREA);
	rj_single(&w, "force", c, COMPARE_FORCE);
	rj_costs(&w, c);
	rj_intervals(&w, c);
	emit_json_close(&w, '}');
	fputc('\n', f);
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the comparison JSON failed");
	return SIM_OK;
}
