/* report_html_spec.c: the charts' Vega-Lite specs (see report_html_spec.h).
 *
 * Colours are the Okabe-Ito palette and viridis, both readable with the
 * common colour-vision deficiencies; verdicts also differ in shape and are
 * written beside their mark, so no chart relies on colour alone. */
#include "results/report_html_spec.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "results/emit.h"
#include "results/result_read.h"

/* Verdict colour and shape, shared by the charts that show verdicts. */
#define SPEC_VERDICT_DOMAIN "[\"met\",\"missed\",\"uncertain\",\"no goal\"]"
#define SPEC_VERDICT_COLOR \
	"{\"field\":\"verdict\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	SPEC_VERDICT_DOMAIN ",\"range\":[\"#0072B2\",\"#D55E00\"," \
	"\"#6E6E6E\",\"#BBBBBB\"]},\"title\":\"verdict\"}"
#define SPEC_VERDICT_SHAPE \
	"{\"field\":\"verdict\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	SPEC_VERDICT_DOMAIN ",\"range\":[\"circle\",\"cross\",\"diamond\"," \
	"\"square\"]},\"title\":\"verdict\"}"
#define SPEC_OKABE_ITO \
	"[\"#0072B2\",\"#E69F00\",\"#009E73\",\"#D55E00\",\"#CC79A7\"," \
	"\"#56B4E9\",\"#F0E442\",\"#000000\"]"

/* A fresh emitter for a spec's data: compact and safe inside <script>. */
static struct emit_json spec_emitter(FILE *f)
{
	struct emit_json w = { .f = f, .compact = true, .script_safe = true };

	return w;
}

/* A figure's three members under the names mean, ci_low, ci_high. */
/* A figure's mean (named mean_key in obj) and interval, as "mean",
 * "ci_low" and "ci_high". */
static void spec_figure_as(struct emit_json *w, const json_t *obj,
			   const char *key, const char *mean_key)
{
	emit_json_key_number(w, "mean", result_figure(obj, key, mean_key));
	emit_json_key_number(w, "ci_low", result_figure(obj, key, "ci_low"));
	emit_json_key_number(w, "ci_high", result_figure(obj, key, "ci_high"));
}

static void spec_figure(struct emit_json *w, const json_t *obj,
			const char *key)
{
	emit_json_key_number(w, "mean", result_figure(obj, key, "mean"));
	emit_json_key_number(w, "ci_low", result_figure(obj, key, "ci_low"));
	emit_json_key_number(w, "ci_high", result_figure(obj, key, "ci_high"));
}

void report_html_spec_duration(double s, char buf[32])
{
	if (!isfinite(s))
		snprintf(buf, 32, "no target");
	else if (s >= 3600 && fmod(s, 360) == 0)
		snprintf(buf, 32, "%g h", s / 3600);
	else if (s >= 60 && fmod(s, 6) == 0)
		snprintf(buf, 32, "%g min", s / 60);
	else
		snprintf(buf, 32, "%g s", s);
}

const char *report_html_spec_verdict(const json_t *obj)
{
	const char *v = json_string_value(json_object_get(obj, "verdict"));

	return v != NULL ? v : "no goal";
}

/* What a's verdict judges: the share on time over the horizon against
 * its goal, or, for an agreement judged day by day (week by week), the
 * share of days (weeks) met against on_at_least. k is the kind: 0 a
 * line, 1 a grade, 2 a stream of deferrable work. */
static void spec_agreement_form(struct report_html_agreement *a, size_t k,
				const char *target)
{
	static const char *const what[3] = {
		"calls answered", "incidents attended", "items taken"
	};
	static const char *const figure[3] = {
		"service_level", "attended_within_target", "within_target"
	};
	const json_t *per = json_object_get(a->obj, "per");
	const char *name = result_string(a->obj, "name");

	if (json_is_string(per)) {
		a->figure = "periods_met";
		a->mean_key = "share";
		a->goal = result_number(a->obj, "on_at_least");
		snprintf(a->label, sizeof a->label, "%s %s within %s: %ss "
			 "on which %.0f%% were", name, what[k], target,
			 json_string_value(per),
			 100 * result_number(a->obj, "goal"));
		return;
	}
	a->figure = figure[k];
	a->mean_key = "mean";
	a->goal = result_number(a->obj, "goal");
	snprintf(a->label, sizeof a->label, "%s %s within %s", name, what[k],
		 target);
}

/* The target of agreement obj of kind k, in seconds: a stream of
 * deferrable work gives it in hours. */
static double spec_agreement_target_s(const json_t *obj, size_t k)
{
	return k == 2 ? 3600.0 * result_number(obj, "target_h")
		: result_number(obj, "target_s");
}

void report_html_spec_agreements(const json_t *root,
				 void (*fn)(void *ctx,
					    const struct report_html_agreement *),
				 void *ctx)
{
	static const char *const lists[3] = { "lines", "grades", "deferrable" };
	static const char *const kinds[3] = { "line", "grade", "deferrable" };
	struct report_html_agreement a;
	char target[32];

	for (size_t k = 0; k < 3; k++) {
		const json_t *list = json_object_get(root, lists[k]);

		for (size_t i = 0; i < json_array_size(list); i++) {
			a.obj = json_array_get(list, i);
			if (!json_is_string(json_object_get(a.obj, "verdict")))
				continue;
			a.kind = kinds[k];
			report_html_spec_duration(spec_agreement_target_s(a.obj,
									  k),
						  target);
			spec_agreement_form(&a, k, target);
			fn(ctx, &a);
		}
	}
}

/* One row of the verdicts' data. */
static void spec_verdict_row(void *ctx, const struct report_html_agreement *a)
{
	struct emit_json *w = ctx;

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "agreement", a->label);
	emit_json_key_string(w, "kind", a->kind);
	emit_json_key_string(w, "name", result_string(a->obj, "name"));
	spec_figure_as(w, a->obj, a->figure, a->mean_key);
	emit_json_key_number(w, "goal", a->goal);
	emit_json_key_string(w, "verdict", report_html_spec_verdict(a->obj));
	emit_json_close(w, '}');
}

/* The data of a spec: "data":{"values":[...]}, rows written by fn, and
 * the spec's closing brace. */
static void spec_data(FILE *f, void (*fn)(struct emit_json *, const json_t *,
					  size_t),
		      const json_t *root, size_t arg)
{
	struct emit_json w = spec_emitter(f);

	fputs(",\"data\":{\"values\":", f);
	emit_json_open(&w, '[');
	fn(&w, root, arg);
	emit_json_close(&w, ']');
	fputs("}}", f);
}

static void spec_verdict_rows(struct emit_json *w, const json_t *root,
			      size_t unused)
{
	(void)unused;
	report_html_spec_agreements(root, spec_verdict_row, w);
}

/* Mean and interval as a bar across the goal's tick, the verdict in words
 * beside it. */
void report_html_spec_verdicts(FILE *f, const json_t *root)
{
	fputs("{\"width\":420,\"height\":{\"step\":36},"
	      "\"encoding\":{\"y\":{\"field\":\"agreement\",\"type\":"
	      "\"nominal\",\"sort\":null,\"title\":null,\"axis\":"
	      "{\"labelLimit\":300}}},\"layer\":["
	      "{\"mark\":{\"type\":\"rule\",\"strokeWidth\":3},\"encoding\":"
	      "{\"x\":{\"field\":\"ci_low\",\"type\":\"quantitative\","
	      REPORT_HTML_SHARE_AXIS ","
	      "\"title\":\"within target: mean and 95% interval; "
	      "black tick: the goal\"},\"x2\":{\"field\":\"ci_high\"},"
	      "\"color\":" SPEC_VERDICT_COLOR "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":90},"
	      "\"encoding\":{\"x\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"},\"color\":" SPEC_VERDICT_COLOR ",\"shape\":"
	      SPEC_VERDICT_SHAPE "}},"
	      "{\"mark\":{\"type\":\"tick\",\"color\":\"black\",\"thickness\":"
	      "2,\"size\":22},\"encoding\":{\"x\":{\"field\":\"goal\","
	      "\"type\":\"quantitative\"}}},"
	      "{\"mark\":{\"type\":\"text\",\"align\":\"left\",\"dx\":10,"
	      "\"fontWeight\":\"bold\"},\"encoding\":{\"x\":{\"field\":"
	      "\"ci_high\",\"type\":\"quantitative\"},\"text\":{\"field\":"
	      "\"verdict\"},\"color\":" SPEC_VERDICT_COLOR "}}]", f);
	spec_data(f, spec_verdict_rows, root, 0);
}

/* 168 rows of one line: day and hour, service level, offered calls. */
static void spec_heatmap_rows(struct emit_json *w, const json_t *root,
			      size_t line)
{
	static const char days[7][4] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	const json_t *iv = json_object_get(root, "intervals");

	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *hour = json_array_get(iv, h);
		const json_t *l = json_array_get(json_object_get(hour, "lines"),
						 line);

		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "line", result_string(l, "name"));
		emit_json_key_number(w, "hour_of_week", (double)h);
		emit_json_key_string(w, "day", days[h / 24 % 7]);
		emit_json_key_number(w, "hour", (double)(h % 24));
		spec_figure(w, l, "service_level");
		emit_json_key_number(w, "offered",
				     result_figure(l, "offered", "mean"));
		emit_json_close(w, '}');
	}
}

/* The lowest hourly service level of line l, or NAN when none. */
static double spec_heatmap_low(const json_t *root, size_t l)
{
	const json_t *iv = json_object_get(root, "intervals");
	double low = NAN;

	for (size_t h = 0; h < json_array_size(iv); h++) {
		double x = result_figure(json_array_get(json_object_get(
			json_array_get(iv, h), "lines"), l), "service_level",
			"mean");

		if (isfinite(x) && !(x >= low))
			low = x;
	}
	return low;
}

/* The heat map's colour: a diverging blue-orange centred on the line's
 * goal (orange below it, blue above, as missed and met elsewhere), over a
 * domain that holds the goal strictly inside; viridis over the data when
 * the line has no goal. */
static void spec_heatmap_color(FILE *f, const json_t *root, size_t l)
{
	double goal = result_number(json_array_get(json_object_get(root,
					"lines"), l), "goal");
	double low = spec_heatmap_low(root, l);

	fputs("\"color\":{\"field\":\"mean\",\"type\":\"quantitative\","
	      "\"legend\":{\"format\":\".0%\",\"title\":\"service level\"},",
	      f);
	if (!isfinite(goal)) {
		fputs("\"scale\":{\"scheme\":\"viridis\"}}", f);
		return;
	}
	low = isfinite(low) && low < goal ? low : goal - 0.01;
	fputs("\"scale\":{\"scheme\":\"blueorange\",\"reverse\":true,"
	      "\"domain\":[", f);
	emit_json_number(f, low);
	fputc(',', f);
	emit_json_number(f, goal < 1 ? 1 : goal + 0.01);
	fputs("],\"domainMid\":", f);
	emit_json_number(f, goal);
	fputs("}}", f);
}

/* Days down, hours across; an hour with no call offered (no service
 * level) is grey rather than left out, so every line has 168 cells. */
void report_html_spec_heatmap(FILE *f, const json_t *root, size_t line)
{
	fputs("{\"width\":{\"step\":22},\"height\":{\"step\":22},"
	      "\"config\":{\"scale\":{\"invalid\":{\"color\":{\"value\":"
	      "\"#DDDDDD\"}}}},"
	      "\"mark\":{\"type\":\"rect\",\"invalid\":\"show\",\"stroke\":"
	      "\"white\",\"strokeWidth\":0.5},\"encoding\":{"
	      "\"x\":{\"field\":\"hour\",\"type\":\"ordinal\",\"title\":"
	      "\"hour of the day\"},"
	      "\"y\":{\"field\":\"day\",\"type\":\"ordinal\",\"title\":null,"
	      "\"sort\":[\"Mon\",\"Tue\",\"Wed\",\"Thu\",\"Fri\",\"Sat\","
	      "\"Sun\"]},", f);
	spec_heatmap_color(f, root, line);
	fputc('}', f);
	spec_data(f, spec_heatmap_rows, root, line);
}

/* One row of the hours chart. */
static void spec_hours_row(struct emit_json *w, size_t h, const char *figure,
			   const json_t *item, const char *key)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_number(w, "hour_of_week", (double)h);
	emit_json_key_string(w, "figure", figure);
	emit_json_key_string(w, "name", result_string(item, "name"));
	emit_json_key_number(w, "value", result_figure(item, key, "mean"));
	emit_json_close(w, '}');
}

/* Each hour: calls offered per line, then staff on duty per pool. */
static void spec_hours_rows(struct emit_json *w, const json_t *root,
			    size_t unused)
{
	const json_t *iv = json_object_get(root, "intervals");

	(void)unused;
	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *hour = json_array_get(iv, h);
		const json_t *lines = json_object_get(hour, "lines");
		const json_t *pools = json_object_get(hour, "pools");

		for (size_t i = 0; i < json_array_size(lines); i++)
			spec_hours_row(w, h, "offered", json_array_get(lines, i),
				       "offered");
		for (size_t i = 0; i < json_array_size(pools); i++)
			spec_hours_row(w, h, "staff", json_array_get(pools, i),
				       "staff_on_duty");
	}
}

/* The hour-of-week axis, labelled with the day each 24 hours. */
#define SPEC_HOUR_AXIS \
	"{\"field\":\"hour_of_week\",\"type\":\"quantitative\",\"scale\":" \
	"{\"domain\":[0,168],\"nice\":false},\"title\":\"hour of the week\"," \
	"\"axis\":{\"values\":[0,24,48,72,96,120,144,168],\"labelExpr\":" \
	"\"['Mon','Tue','Wed','Thu','Fri','Sat','Sun',''][floor(datum.value" \
	" / 24)]\",\"labelAlign\":\"left\"}}"

/* Offered calls a line and staff on duty a pool, hour by hour, one above
 * the other on the same hours. */
void report_html_spec_hours(FILE *f, const json_t *root)
{
	fputs("{\"resolve\":{\"scale\":{\"color\":\"independent\"}},"
	      "\"vconcat\":[{\"width\":640,\"height\":140,\"transform\":"
	      "[{\"filter\":{\"field\":\"figure\",\"equal\":\"offered\"}}],"
	      "\"mark\":\"line\",\"encoding\":{\"x\":" SPEC_HOUR_AXIS ","
	      "\"y\":{\"field\":\"value\",\"type\":\"quantitative\",\"title\":"
	      "\"calls offered an hour\"},\"color\":{\"field\":\"name\","
	      "\"type\":\"nominal\",\"sort\":null,\"title\":\"line\","
	      "\"scale\":{\"range\":" SPEC_OKABE_ITO "}}}},"
	      "{\"width\":640,\"height\":140,\"transform\":"
	      "[{\"filter\":{\"field\":\"figure\",\"equal\":\"staff\"}}],"
	      "\"mark\":\"line\",\"encoding\":{\"x\":" SPEC_HOUR_AXIS ","
	      "\"y\":{\"field\":\"value\",\"type\":\"quantitative\",\"title\":"
	      "\"staff on duty\"},\"color\":{\"field\":\"name\",\"type\":"
	      "\"nominal\",\"sort\":null,\"title\":\"pool\",\"scale\":"
	      "{\"range\":" SPEC_OKABE_ITO "}}}}]", f);
	spec_data(f, spec_hours_rows, root, 0);
}

/* One grade in one place ("force" or an area). */
static void spec_attendance_row(struct emit_json *w, const char *area,
				const json_t *grade)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "area", area);
	emit_json_key_string(w, "grade", result_string(grade, "name"));
	spec_figure(w, grade, "attended_within_target");
	emit_json_key_number(w, "goal", result_number(grade, "goal"));
	emit_json_key_string(w, "verdict", report_html_spec_verdict(grade));
	emit_json_close(w, '}');
}

/* Each grade with a target: force-wide, then in each area. */
static void spec_attendance_rows(struct emit_json *w, const json_t *root,
				 size_t unused)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	(void)unused;
	for (size_t g = 0; g < json_array_size(grades); g++) {
		const json_t *grade = json_array_get(grades, g);

		if (!isfinite(result_number(grade, "target_s")))
			continue;
		spec_attendance_row(w, "force-wide", grade);
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *area = json_array_get(areas, a);

			spec_attendance_row(w, result_string(area, "name"),
				json_array_get(json_object_get(area, "grades"),
					       g));
		}
	}
}

#define SPEC_AREA_AXIS \
	"{\"field\":\"area\",\"type\":\"nominal\",\"sort\":null,\"title\":null}"

/* A panel a grade: each area's mean and interval against the goal. */
void report_html_spec_attendance(FILE *f, const json_t *root)
{
	fputs("{\"facet\":{\"row\":{\"field\":\"grade\",\"type\":\"nominal\","
	      "\"sort\":null,\"title\":null,\"header\":{\"labelAngle\":0,"
	      "\"labelAlign\":\"left\",\"labelFontWeight\":\"bold\"}}},"
	      
	      "\"spec\":{\"width\":420,\"height\":{\"step\":24},\"layer\":["
	      "{\"mark\":{\"type\":\"rule\",\"strokeWidth\":3},\"encoding\":"
	      "{\"y\":" SPEC_AREA_AXIS ",\"x\":{\"field\":\"ci_low\",\"type\":"
	      "\"quantitative\"," REPORT_HTML_SHARE_AXIS
	      ",\"title\":\"attended within target: "
	      "mean and 95% interval; black tick: the goal\"},\"x2\":"
	      "{\"field\":\"ci_high\"},\"color\":" SPEC_VERDICT_COLOR "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":70},"
	      "\"encoding\":{\"y\":" SPEC_AREA_AXIS ",\"x\":{\"field\":"
	      "\"mean\",\"type\":\"quantitative\"},\"color\":"
	      SPEC_VERDICT_COLOR ",\"shape\":" SPEC_VERDICT_SHAPE "}},"
	      "{\"mark\":{\"type\":\"tick\",\"color\":\"black\",\"thickness\":"
	      "2},\"encoding\":{\"y\":" SPEC_AREA_AXIS ",\"x\":{\"field\":"
	      "\"goal\",\"type\":\"quantitative\"}}}]}", f);
	spec_data(f, spec_attendance_rows, root, 0);
}

/* What a by-day chart shows: the days' `items`, their figure, and the
 * axis title; [0] for a line, [1] for a grade. */
static const struct spec_days {
	const char *items, *figure, *title;
} spec_days_of[2] = {
	{ "lines", "service_level",
	  "service level" },
	{ "grades", "attended_within_target",
	  "attended within target" },
};

/* Each day: its number, the item's name, the figure and the goal (the
 * item's, from the top-level list of the result). arg is the item's index
 * times 2, plus 1 for a grade. */
static void spec_days_rows(struct emit_json *w, const json_t *root,
			   size_t arg)
{
	const struct spec_days *sd = &spec_days_of[arg % 2];
	const json_t *days = json_object_get(root, "by_day");
	const json_t *top = json_array_get(json_object_get(root, sd->items),
					   arg / 2);

	for (size_t d = 0; d < json_array_size(days); d++) {
		const json_t *day = json_array_get(days, d);
		const json_t *o = json_array_get(
			json_object_get(day, sd->items), arg / 2);

		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "day", result_number(day, "day"));
		emit_json_key_string(w, "name", result_string(o, "name"));
		spec_figure(w, o, sd->figure);
		emit_json_key_number(w, "goal", result_number(top, "goal"));
		emit_json_close(w, '}');
	}
}

#define SPEC_DAY_AXIS \
	"{\"field\":\"day\",\"type\":\"quantitative\",\"scale\":" \
	"{\"nice\":false},\"title\":\"day of the horizon\",\"axis\":" \
	"{\"tickMinStep\":1,\"format\":\"d\"}}"

/* The 95% interval as a band, the mean as a line over it, and the goal
 * as a dashed rule across the chart (drawn from day 1's row, so once). */
static void spec_days(FILE *f, const json_t *root, size_t arg)
{
	fputs("{\"width\":640,\"height\":160,\"layer\":["
	      "{\"mark\":{\"type\":\"area\",\"opacity\":0.3,\"color\":"
	      "\"#56B4E9\"},\"encoding\":{\"x\":" SPEC_DAY_AXIS ",\"y\":"
	      "{\"field\":\"ci_low\",\"type\":\"quantitative\","
	      REPORT_HTML_SHARE_AXIS ",\"title\":", f);
	emit_json_string(f, spec_days_of[arg % 2].title);
	fputs("},\"y2\":{\"field\":\"ci_high\"}}},"
	      "{\"mark\":{\"type\":\"line\",\"color\":\"#0072B2\"},"
	      "\"encoding\":{\"x\":" SPEC_DAY_AXIS ",\"y\":{\"field\":"
	      "\"mean\",\"type\":\"quantitative\"}}},"
	      "{\"transform\":[{\"filter\":\"datum.day === 1\"},"
	      "{\"filter\":\"isValid(datum.goal)\"}],\"mark\":{\"type\":"
	      "\"rule\","
	      "\"color\":\"black\",\"strokeDash\":[6,3]},\"encoding\":"
	      "{\"y\":{\"field\":\"goal\",\"type\":\"quantitative\"}}}]", f);
	spec_data(f, spec_days_rows, root, arg);
}

void report_html_spec_days_line(FILE *f, const json_t *root, size_t item)
{
	spec_days(f, root, 2 * item);
}

void report_html_spec_days_grade(FILE *f, const json_t *root, size_t item)
{
	spec_days(f, root, 2 * item + 1);
}

/* Each pool, then each role: name, kind, FTE and annual cost. */
static void spec_costs_rows(struct emit_json *w, const json_t *root,
			    size_t unused)
{
	static const char *const kinds[2] = { "pools", "roles" };
	const json_t *costs = json_object_get(root, "costs");

	(void)unused;
	for (size_t k = 0; k < 2; k++) {
		const json_t *list = json_object_get(costs, kinds[k]);

		for (size_t i = 0; i < json_array_size(list); i++) {
			const json_t *s = json_array_get(list, i);

			emit_json_next(w);
			emit_json_open(w, '{');
			emit_json_key_string(w, "kind", k ? "role" : "pool");
			emit_json_key_string(w, "name", result_string(s, "name"));
			emit_json_key_number(w, "fte", result_number(s, "fte"));
			emit_json_key_number(w, "annual_cost",
					     result_number(s, "annual_cost"));
			emit_json_close(w, '}');
		}
	}
}

/* A bar a pool or role, coloured (and labelled) by which it is. */
void report_html_spec_costs(FILE *f, const json_t *root)
{
	fputs("{\"width\":420,\"height\":{\"step\":24},\"mark\":\"bar\","
	      "\"encoding\":{\"y\":{\"field\":\"name\",\"type\":\"nominal\","
	      "\"sort\":null,\"title\":null},\"yOffset\":{\"field\":\"kind\"},"
	      "\"x\":{\"field\":\"annual_cost\",\"type\":\"quantitative\","
	      "\"title\":\"annual cost\",\"axis\":{\"format\":\",.0f\"}},"
	      "\"color\":{\"field\":\"kind\",\"type\":\"nominal\",\"scale\":"
	      "{\"domain\":[\"pool\",\"role\"],\"range\":[\"#0072B2\","
	      "\"#E69F00\"]},\"title\":\"staff\"}}", f);
	spec_data(f, spec_costs_rows, root, 0);
}

void report_html_spec_data(FILE *f,
			   void (*fn)(struct emit_json *, const json_t *,
				      size_t),
			   const json_t *root, size_t arg)
{
	spec_data(f, fn, root, arg);
}

void report_html_spec_figure(struct emit_json *w, const json_t *obj,
			     const char *key)
{
	spec_figure(w, obj, key);
}
