/* test_compare.c: two sides matched by name, each side's figures as a run
 * reports them, the paired differences worked out by hand, exact costs,
 * items on one side only, verdicts and NAN handling, per area and for the
 * force as a whole, and for streams of deferrable work. */
#include "tests/test_support.h"

#include "results/compare.h"
#include "tests/results/test_fixture.h"

/* B's 999 service level is A's plus these: paired differences whose mean
 * is 0.01636666667 and 95% interval (t = 4.302652730, 2 d.f., sd =
 * 0.003910669167) [0.00665202591, 0.02608130742]. */
static const double cmp_delta[FX_R] = { 0.0123, 0.0201, 0.0167 };

static struct compare *compare_of(struct fixture *a, struct fixture *b)
{
	struct compare_side_run ra = { &a->sc, a->ptrs, FX_R };
	struct compare_side_run rb = { &b->sc, b->ptrs, FX_R };
	struct sim_err err = { 0 };
	struct compare *c = compare_new(&ra, &rb, &err);

	assert_non_null(c);
	assert_false(sim_err_failed(&err));
	return c;
}

/* The item of kind k named `name`, or a failure. */
static const struct compare_item *item(const struct compare *c,
				       enum compare_kind k, const char *name)
{
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].kind == k && strcmp(c->items[i].name, name) == 0)
			return &c->items[i];
	fail_msg("no %s %s", compare_kind_name(k), name);
	return NULL;
}

/* Figure `metric` of an item, or a failure. */
static const struct compare_figure *figure(const struct compare_item *it,
					   const char *metric)
{
	for (size_t k = 0; k < it->n_figures; k++)
		if (strcmp(it->fig[k].metric, metric) == 0)
			return &it->fig[k];
	fail_msg("%s has no %s", it->name, metric);
	return NULL;
}

/* B: 999 answered better by cmp_delta, two more on the day shift. */
static struct fixture *better_b(void)
{
	struct fixture *b = fx_new();

	for (size_t r = 0; r < FX_R; r++)
		b->line[r][CC_SERVICE_LEVEL] += cmp_delta[r];
	b->shifts[0].staff = 26;
	return b;
}

static void test_compare_paired_difference_matches_hand(void **state)
{
	struct fixture *a = fx_new(), *b = better_b();
	struct compare *c = compare_of(a, b);
	const struct compare_figure *sl =
		figure(item(c, COMPARE_LINE, "999"), "service_level");

	(void)state;
	/* Each side is what a run of it reports. */
	assert_seconds_near(sl->a.mean, 0.9226666667, 1e-9);
	assert_seconds_near(sl->a.lo, 0.8938749498, 1e-9);
	assert_seconds_near(sl->b.mean, 0.9226666667 + 0.01636666667, 1e-9);
	/* The difference is paired: far narrower than either side's interval. */
	assert_seconds_near(sl->diff.mean, 0.01636666667, 1e-10);
	assert_seconds_near(sl->diff.lo, 0.00665202591, 1e-10);
	assert_seconds_near(sl->diff.hi, 0.02608130742, 1e-10);
	assert_int_equal(sl->diff.n, FX_R);
	/* ASA did not change: zero, exactly. */
	assert_true(figure(item(c, COMPARE_LINE, "999"), "asa_s")->diff.hi == 0.0);
	compare_free(c);
	free(a);
	free(b);
}

/* Day shift 24 -> 26 staff: FTE 52.16 -> (1300 + 756) / 37.5 = 54.82666667,
 * cost 1982080 -> 2083413.333; exact, so the interval is the value. */
static void test_compare_costs_are_exact(void **state)
{
	struct fixture *a = fx_new(), *b = better_b();
	struct compare *c = compare_of(a, b);
	const struct compare_figure *fte =
		figure(item(c, COMPARE_POOL, "emergency"), "fte");
	const struct compare_figure *cost =
		figure(item(c, COMPARE_TOTAL, "total"), "annual_cost");

	(void)state;
	assert_seconds_near(fte->a.mean, 52.16, 1e-9);
	assert_seconds_near(fte->b.mean, 54.82666667, 1e-8);
	assert_seconds_near(fte->diff.mean, 2.666666667, 1e-8);
	assert_true(fte->diff.lo == fte->diff.mean && fte->diff.hi == fte->diff.mean);
	assert_seconds_near(cost->diff.mean, 101333.3333, 1e-4);
	assert_true(cost->b.lo == cost->b.hi);
	/* Lines, then the pool, then the total: 2 + 1 + 1 items. */
	assert_int_equal(c->n_items, 4);
	assert_int_equal(c->items[3].kind, COMPARE_TOTAL);
	compare_free(c);
	free(a);
	free(b);
}

/* A compared with itself: every difference is exactly zero, and what was
 * never measured stays nothing measured. */
static void test_compare_self_is_zero(void **state)
{
	struct fixture *a = fx_new();
	struct compare *c;

	(void)state;
	fx_add_response(a);
	c = compare_of(a, a);
	for (size_t i = 0; i < c->n_items; i++) {
		assert_int_equal(c->items[i].in, COMPARE_IN_BOTH);
		for (size_t k = 0; k < c->items[i].n_figures; k++) {
			const struct compare_figure *f = &c->items[i].fig[k];

			if (isnan(f->a.mean)) {
				assert_true(isnan(f->diff.mean));
				assert_int_equal(f->diff.n, 0);
				continue;
			}
			assert_true(f->diff.mean == 0.0 && f->diff.lo == 0.0
				    && f->diff.hi == 0.0);
		}
	}
	/* 2 lines, 2 grades, 2 areas, the force, 1 pool, 2 roles, the
	 * total. */
	assert_int_equal(c->n_items, 11);
	/* Solihull had no Emergency in replication 1: that one drops out. */
	assert_int_equal(figure(item(c, COMPARE_AREA, "Solihull"),
				"emergency_attended_within_target")->diff.n, 2);
	assert_int_equal(figure(item(c, COMPARE_FORCE, "force"),
				"abstractions")->diff.n, FX_R);
	assert_true(isnan(figure(item(c, COMPARE_LINE, "101, \"non-emergency\""),
				 "asa_s")->diff.mean));
	assert_true(isnan(figure(item(c, COMPARE_GRADE, "scheduled"),
				 "attended_within_target")->a.mean));
	compare_free(c);
	free(a);
}

/* Items are matched by name; one on a single side is kept, in A's order
 * then B's, with nothing measured on the other side. */
static void test_compare_matches_by_name(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare *c;
	const struct compare_item *only_a, *only_b, *grade;

	(void)state;
	strcpy(b->lines[1].name, "Live chat");
	fx_add_response(b);
	c = compare_of(a, b);
	assert_int_equal(c->n_items, 3 + 2 + 2 + 1 + 1 + 2 + 1);
	assert_string_equal(c->items[1].name, "101, \"non-emergency\"");
	assert_string_equal(c->items[2].name, "Live chat");
	only_a = item(c, COMPARE_LINE, "101, \"non-emergency\"");
	only_b = item(c, COMPARE_LINE, "Live chat");
	assert_int_equal(only_a->in, COMPARE_IN_A);
	assert_int_equal(only_b->in, COMPARE_IN_B);
	assert_seconds_near(figure(only_a, "service_level")->a.mean, 0.65, 1e-12);
	assert_true(isnan(figure(only_a, "service_level")->b.mean));
	assert_true(isnan(figure(only_b, "service_level")->diff.mean));
	grade = item(c, COMPARE_GRADE, "emergency");
	assert_int_equal(grade->in, COMPARE_IN_B);
	assert_false(grade->has_verdict_a);
	assert_true(grade->has_verdict_b);
	assert_int_equal(grade->verdict_b, CI_UNCERTAIN);
	assert_seconds_near(figure(grade, "attendance_p90_s")->b.mean,
			    3.17 * 6 + 0.4, 1e-12);
	/* Officers only in B: the role's A is nothing, the total's A is the
	 * pool alone, and the difference is the officers' cost. */
	assert_true(isnan(figure(item(c, COMPARE_ROLE, "pcso"), "fte")->a.mean));
	assert_seconds_near(figure(item(c, COMPARE_TOTAL, "total"),
				   "annual_cost")->diff.mean, 1185000.0, 1e-6);
	/* Areas only in B, and so the force: A has none. */
	assert_int_equal(item(c, COMPARE_AREA, "Solihull")->in, COMPARE_IN_B);
	assert_int_equal(item(c, COMPARE_FORCE, "force")->in, COMPARE_IN_B);
	assert_seconds_near(figure(item(c, COMPARE_FORCE, "force"),
				   "abstractions")->b.mean, 2.0, 1e-12);
	compare_free(c);
	free(a);
	free(b);
}

/* Each side's verdict is its own; --require-slas looks at B only. */
static void test_compare_verdicts_and_b_missed(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare *c;
	const struct compare_item *l999;

	(void)state;
	b->lines[0].goal = 0.96;
	c = compare_of(a, b);
	l999 = item(c, COMPARE_LINE, "999");
	assert_true(l999->has_verdict_a && l999->has_verdict_b);
	assert_int_equal(l999->verdict_a, CI_UNCERTAIN);
	assert_int_equal(l999->verdict_b, CI_MISSED);
	assert_false(item(c, COMPARE_LINE, "101, \"non-emergency\"")->has_verdict_b);
	assert_true(compare_b_missed(c));
	compare_free(c);
	/* Swapped: A misses, B does not, and that is no failure. */
	c = compare_of(b, a);
	assert_false(compare_b_missed(c));
	compare_free(c);
	free(a);
	free(b);
}

/* Streams of deferrable work on one side: "live chat" (within 4 h, goal
 * 0.9), then "email" (24 h, no goal); the first `n` of them. Figure k of
 * stream i in replication r is 1.5 (k + 1) + 0.25 r + 3 i, but live
 * chat's share within target is within[r] and email's 0.97. */
struct cmp_streams {
	struct deferrable_spec spec[2];
	double v[FX_R][2 * DF_METRICS];
};

static void cmp_add_streams(struct fixture *fx, struct cmp_streams *d,
			    size_t n, const double within[FX_R])
{
	d->spec[0] = (struct deferrable_spec){ .work = { .name = "live chat",
		.target_s = 4 * 3600.0, .goal = 0.9 }, .pool = 0 };
	d->spec[1] = (struct deferrable_spec){ .work = { .name = "email",
		.target_s = 24 * 3600.0, .goal = NAN }, .pool = 0 };
	for (size_t r = 0; r < FX_R; r++) {
		for (size_t i = 0; i < 2; i++)
			for (size_t k = 0; k < DF_METRICS; k++)
				d->v[r][i * DF_METRICS + k] = 1.5 * (double)(k + 1)
					+ 0.25 * (double)r + 3.0 * (double)i;
		d->v[r][DF_WITHIN_TARGET] = within[r];
		d->v[r][DF_METRICS + DF_WITHIN_TARGET] = 0.97;
		fx->res[r].n_deferrable = n;
		fx->res[r].deferrable = d->v[r];
	}
	fx->sc.deferrable = d->spec;
	fx->sc.n_deferrable = n;
}

/* A stream of deferrable work is an agreement as a line is: its share
 * within target, open at end and mean delay from the figure table, the
 * paired difference (B's share is A's plus cmp_delta: the line's numbers
 * above), each side's verdict, and a miss in B fails --require-slas. A
 * stream on one side only is kept, with nothing on the other. */
static void test_compare_deferrable_streams(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct cmp_streams da, db;
	double within_b[FX_R];
	const struct compare_item *chat, *email;
	const struct compare_figure *wt;
	struct compare *c;

	(void)state;
	for (size_t r = 0; r < FX_R; r++)
		within_b[r] = fx_sl999[r] + cmp_delta[r];
	cmp_add_streams(a, &da, 2, fx_sl999);
	cmp_add_streams(b, &db, 1, within_b);
	c = compare_of(a, b);
	/* Lines, then the streams, then the pool and the total. */
	assert_int_equal(c->n_items, 6);
	assert_int_equal(c->items[2].kind, COMPARE_DEFERRABLE);
	chat = item(c, COMPARE_DEFERRABLE, "live chat");
	assert_int_equal(chat->in, COMPARE_IN_BOTH);
	assert_int_equal(chat->n_figures, 3);
	assert_string_equal(chat->fig[0].metric, "within_target");
	assert_string_equal(chat->fig[1].metric, "open_at_end");
	assert_string_equal(chat->fig[2].metric, "delay_mean_h");
	assert_int_equal(chat->fig[2].unit, FIGURE_HOURS);
	wt = figure(chat, "within_target");
	assert_seconds_near(wt->a.mean, 0.9226666667, 1e-9);
	assert_seconds_near(wt->a.lo, 0.8938749498, 1e-9);
	assert_seconds_near(wt->diff.mean, 0.01636666667, 1e-10);
	assert_seconds_near(wt->diff.lo, 0.00665202591, 1e-10);
	assert_seconds_near(wt->diff.hi, 0.02608130742, 1e-10);
	assert_true(figure(chat, "delay_mean_h")->diff.hi == 0.0);
	/* Both sides meet the goal of 0.9 or are uncertain of it: no miss. */
	assert_true(chat->has_verdict_a && chat->has_verdict_b);
	assert_int_equal(chat->verdict_a, CI_UNCERTAIN);
	assert_int_equal(chat->verdict_b, CI_MET);
	assert_false(compare_b_missed(c));
	email = item(c, COMPARE_DEFERRABLE, "email");
	assert_int_equal(email->in, COMPARE_IN_A);
	assert_false(email->has_verdict_a || email->has_verdict_b);
	assert_seconds_near(figure(email, "within_target")->a.mean, 0.97, 1e-12);
	assert_true(isnan(figure(email, "within_target")->b.mean));
	assert_true(isnan(figure(email, "within_target")->diff.mean));
	assert_string_equal(compare_kind_name(COMPARE_DEFERRABLE), "deferrable");
	compare_free(c);
	/* B asks 0.99 of live chat: missed, and that fails. */
	db.spec[0].work.goal = 0.99;
	c = compare_of(a, b);
	chat = item(c, COMPARE_DEFERRABLE, "live chat");
	assert_int_equal(chat->verdict_b, CI_MISSED);
	assert_seconds_near(chat->goal_b, 0.99, 1e-12);
	assert_seconds_near(chat->agreed_b.mean, 0.9226666667 + 0.01636666667,
			    1e-9);
	assert_true(compare_b_missed(c));
	compare_free(c);
	free(a);
	free(b);
}

/* A grade missed in B fails as a line does. */
static void test_compare_grade_missed_in_b(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare *c;

	(void)state;
	fx_add_response(a);
	fx_add_response(b);
	b->grades[0].goal = 0.95;
	c = compare_of(a, b);
	assert_int_equal(item(c, COMPARE_GRADE, "emergency")->verdict_b, CI_MISSED);
	assert_int_equal(item(c, COMPARE_GRADE, "emergency")->verdict_a, CI_UNCERTAIN);
	assert_true(compare_b_missed(c));
	assert_string_equal(compare_kind_name(COMPARE_GRADE), "grade");
	assert_string_equal(compare_kind_name(COMPARE_TOTAL), "total");
	compare_free(c);
	compare_free(NULL);
	free(a);
	free(b);
}

/* B's Birmingham with the funding gap: Emergency attended within target
 * lower by cmp_within_gap (A 0.861, 0.892, 0.874 -> B 0.7087, 0.7103,
 * 0.7138), utilisation higher by cmp_util_gap, three, five and four more
 * abstractions and cmp_hours_gap more abstraction hours. */
static const double cmp_within_gap[FX_R] = { 0.1523, 0.1817, 0.1602 };
static const double cmp_util_gap[FX_R] = { 0.0712, 0.0935, 0.0841 };
static const double cmp_abstractions_gap[FX_R] = { 3.0, 5.0, 4.0 };
static const double cmp_hours_gap[FX_R] = { 5.125, 8.375, 6.25 };

static struct fixture *gap_b(void)
{
	struct fixture *b = fx_new();

	fx_add_response(b);
	for (size_t r = 0; r < FX_R; r++) {
		double *area = b->area[r];   /* Birmingham is area 0 */

		b->area_grade[r][RSP_WITHIN_TARGET] -= cmp_within_gap[r];
		area[RSP_UTILISATION] += cmp_util_gap[r];
		area[RSP_ABSTRACTIONS] += cmp_abstractions_gap[r];
		area[RSP_ABSTRACTION_HOURS] += cmp_hours_gap[r];
	}
	return b;
}

/* Paired differences of gap_b against the fixture, by hand with t =
 * 4.302652730 (2 d.f.): within target -0.1647333333, sd 0.01521523359,
 * [-0.2025300689, -0.1269365978]; utilisation +0.08293333333, sd
 * 0.01119568369, [0.05512171326, 0.1107449534]; abstraction hours
 * +6.583333333, sd 1.65044186, [2.483408468, 10.6832582]. */
static void test_compare_area_paired_differences(void **state)
{
	struct fixture *a = fx_new(), *b = gap_b();
	struct compare *c;
	const struct compare_item *brum;
	const struct compare_figure *f;

	(void)state;
	fx_add_response(a);
	c = compare_of(a, b);
	brum = item(c, COMPARE_AREA, "Birmingham");
	assert_int_equal(brum->in, COMPARE_IN_BOTH);
	assert_int_equal(brum->n_figures, 4);
	f = figure(brum, "emergency_attended_within_target");
	/* Each side is what the run's summary says of the area's Emergency. */
	assert_seconds_near(f->a.mean, 0.8756666667, 1e-9);
	assert_seconds_near(f->a.lo, 0.8369959477, 1e-9);
	assert_seconds_near(f->b.mean, 0.7109333333, 1e-9);
	assert_seconds_near(f->b.hi, 0.7174127595, 1e-9);
	assert_seconds_near(f->diff.mean, -0.1647333333, 1e-9);
	assert_seconds_near(f->diff.lo, -0.2025300689, 1e-9);
	assert_seconds_near(f->diff.hi, -0.1269365978, 1e-9);
	f = figure(brum, "utilisation");
	assert_seconds_near(f->a.mean, 0.5543333333, 1e-9);
	assert_seconds_near(f->diff.lo, 0.05512171326, 1e-9);
	assert_seconds_near(f->diff.hi, 0.1107449534, 1e-9);
	f = figure(brum, "abstractions");
	assert_seconds_near(f->diff.mean, 4.0, 1e-12);
	f = figure(brum, "abstraction_hours");
	assert_seconds_near(f->diff.mean, 6.583333333, 1e-9);
	assert_seconds_near(f->diff.lo, 2.483408468, 1e-8);
	assert_seconds_near(f->diff.hi, 10.6832582, 1e-8);
	/* Solihull did not change: zero, exactly. */
	f = figure(item(c, COMPARE_AREA, "Solihull"), "abstraction_hours");
	assert_true(f->diff.mean == 0.0 && f->diff.lo == 0.0 && f->diff.hi == 0.0);
	compare_free(c);
	free(a);
	free(b);
}

/* The area's verdict is its Emergency's, as the summary has it; a missed
 * area fails no --require-slas, as in a run. */
static void test_compare_area_verdicts_never_fail(void **state)
{
	struct fixture *a = fx_new(), *b = gap_b();
	struct compare *c;
	const struct compare_item *brum;

	(void)state;
	fx_add_response(a);
	c = compare_of(a, b);
	brum = item(c, COMPARE_AREA, "Birmingham");
	assert_true(brum->has_verdict_a && brum->has_verdict_b);
	assert_int_equal(brum->verdict_a, CI_UNCERTAIN);
	assert_int_equal(brum->verdict_b, CI_MISSED);
	assert_int_equal(brum->verdict_b,
			 summary_area_grade(c->b, 0, 0)->verdict);
	assert_int_equal(item(c, COMPARE_GRADE, "emergency")->verdict_b,
			 CI_UNCERTAIN);
	assert_false(compare_b_missed(c));
	assert_false(item(c, COMPARE_FORCE, "force")->has_verdict_b);
	compare_free(c);
	free(a);
	free(b);
}

/* The force sums the areas in each replication: A 1, 3, 2 abstractions
 * (mean 2, sd 1, interval [-0.4841377119, 4.484137712] clipped at 0), B
 * 4, 8, 6 (mean 6, [1.031724576, 10.96827542]), paired differences 3, 5,
 * 4 ([1.515862288, 6.484137712]); hours A 1.625, 4.875, 3.25 (mean 3.25)
 * and B 9.833333333 [1.72810042, 17.93856625]. */
static void test_compare_force_sums_areas(void **state)
{
	struct fixture *a = fx_new(), *b = gap_b();
	struct compare *c;
	const struct compare_item *force;
	const struct compare_figure *f;

	(void)state;
	fx_add_response(a);
	c = compare_of(a, b);
	force = item(c, COMPARE_FORCE, "force");
	assert_int_equal(force->in, COMPARE_IN_BOTH);
	assert_int_equal(force->n_figures, 2);
	f = figure(force, "abstractions");
	assert_seconds_near(f->a.mean, 2.0, 1e-12);
	assert_true(f->a.lo == 0.0);
	assert_seconds_near(f->a.hi, 4.484137712, 1e-9);
	assert_seconds_near(f->b.lo, 1.031724576, 1e-9);
	assert_seconds_near(f->b.hi, 10.96827542, 1e-8);
	assert_seconds_near(f->diff.mean, 4.0, 1e-12);
	assert_seconds_near(f->diff.lo, 1.515862288, 1e-9);
	assert_seconds_near(f->diff.hi, 6.484137712, 1e-9);
	assert_int_equal(f->diff.n, FX_R);
	f = figure(force, "abstraction_hours");
	assert_seconds_near(f->a.mean, 3.25, 1e-12);
	assert_seconds_near(f->b.mean, 9.833333333, 1e-9);
	assert_seconds_near(f->b.lo, 1.72810042, 1e-8);
	assert_seconds_near(f->diff.mean, 6.583333333, 1e-9);
	/* Two lines, two grades, the areas, then the force, then the costs. */
	assert_int_equal(c->items[5].kind, COMPARE_AREA);
	assert_int_equal(c->items[6].kind, COMPARE_FORCE);
	assert_int_equal(c->items[7].kind, COMPARE_POOL);
	compare_free(c);
	free(a);
	free(b);
}

/* Areas are matched by name; the force is compared even when the two
 * sides divide it differently, and an area's Emergency is each side's
 * first grade whatever it is called. */
static void test_compare_areas_match_by_name(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare *c;
	const struct compare_item *solihull, *sandwell;
	const struct compare_figure *f;

	(void)state;
	fx_add_response(a);
	fx_add_response(b);
	strcpy(b->areas[1].name, "Sandwell");
	strcpy(b->grades[0].name, "immediate");
	c = compare_of(a, b);
	solihull = item(c, COMPARE_AREA, "Solihull");
	sandwell = item(c, COMPARE_AREA, "Sandwell");
	assert_int_equal(solihull->in, COMPARE_IN_A);
	assert_int_equal(sandwell->in, COMPARE_IN_B);
	assert_false(solihull->has_verdict_b);
	assert_true(sandwell->has_verdict_b && !sandwell->has_verdict_a);
	f = figure(solihull, "emergency_attended_within_target");
	assert_seconds_near(f->a.mean, 0.93, 1e-12);
	assert_int_equal(f->a.n, 2);
	assert_true(isnan(f->b.mean) && isnan(f->diff.mean));
	assert_true(isnan(figure(sandwell, "utilisation")->a.mean));
	f = figure(item(c, COMPARE_AREA, "Birmingham"),
		   "emergency_attended_within_target");
	assert_true(f->diff.mean == 0.0 && f->diff.n == FX_R);
	f = figure(item(c, COMPARE_FORCE, "force"), "abstraction_hours");
	assert_true(f->diff.mean == 0.0 && f->diff.hi == 0.0);
	assert_string_equal(compare_kind_name(COMPARE_AREA), "area");
	assert_string_equal(compare_kind_name(COMPARE_FORCE), "force");
	compare_free(c);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_paired_difference_matches_hand),
		cmocka_unit_test(test_compare_costs_are_exact),
		cmocka_unit_test(test_compare_self_is_zero),
		cmocka_unit_test(test_compare_matches_by_name),
		cmocka_unit_test(test_compare_verdicts_and_b_missed),
		cmocka_unit_test(test_compare_grade_missed_in_b),
		cmocka_unit_test(test_compare_deferrable_streams),
		cmocka_unit_test(test_compare_area_paired_differences),
		cmocka_unit_test(test_compare_area_verdicts_never_fail),
		cmocka_unit_test(test_compare_force_sums_areas),
		cmocka_unit_test(test_compare_areas_match_by_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
