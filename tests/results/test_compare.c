/* test_compare.c: two sides matched by name, each side's figures as a run
 * reports them, the paired differences worked out by hand, exact costs,
 * items on one side only, verdicts and NAN handling. */
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
	/* 2 lines, 2 grades, 1 pool, 2 roles, the total. */
	assert_int_equal(c->n_items, 8);
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
	assert_int_equal(c->n_items, 3 + 2 + 1 + 2 + 1);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_paired_difference_matches_hand),
		cmocka_unit_test(test_compare_costs_are_exact),
		cmocka_unit_test(test_compare_self_is_zero),
		cmocka_unit_test(test_compare_matches_by_name),
		cmocka_unit_test(test_compare_verdicts_and_b_missed),
		cmocka_unit_test(test_compare_grade_missed_in_b),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
