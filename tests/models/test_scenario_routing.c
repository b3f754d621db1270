/* test_scenario_routing.c: a pool's overflow rules and reserves as the
 * loader reads them (models/scenario_routing.c): good values kept where
 * the engine looks for them, and every way they can be wrong reported at
 * its position, with what is allowed. */
#include "scenario_cases.h"

#include <math.h>

/* Two lines, two pools; the rules go on line 18 (and 19):
 *   3 lines  4-7 999  8-11 101  12 pools  13-15 emergency
 *   16-17 non-emergency's name and serves  18 its overflow or reserve */
#define L101 "  - name: \"101\"\n    volume: {per_hour: 86.2}\n" \
	HANDLE ANSWER
#define TWO_LINES HEAD L999 HANDLE ANSWER L101
#define EMERG "pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	"    shifts: [{name: day, start: \"07:00\", hours: 10, staff: 12}]\n"
#define NONEM(serves, extra) "  - name: non-emergency\n" \
	"    serves: " serves "\n" extra \
	"    shifts: [{name: day, start: \"07:00\", hours: 10, staff: 9}]\n"
#define ROUTED(serves, extra) TWO_LINES EMERG NONEM(serves, extra)

static void test_rules_are_kept(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml", ROUTED("[\"101\"]",
		"    overflow:\n"
		"      - {line: \"999\", wait_s: 5, queue: 3, priority: before_own}\n"),
		NULL, 0);
	const struct pool_spec *p = &sc->pools[1];

	assert_int_equal(p->n_overflow, 1);
	assert_int_equal(p->overflow[0].line, 0);
	assert_seconds_near(p->overflow[0].wait_s, 5, 0);
	assert_seconds_near(p->overflow[0].queue, 3, 0);
	assert_int_equal(p->overflow[0].ahead, 1);
	assert_int_equal(sc->pools[0].n_overflow, 0);
	assert_null(sc->pools[0].overflow);
	scenario_free(sc);

	/* One of queue and wait_s is enough; the other stays absent (NAN),
	 * and the rule ranks after the pool's own lines by default. */
	sc = expect_good("t.yaml", ROUTED("[\"101\"]",
		"    overflow: [{line: \"999\", queue: 2}]\n"), NULL, 0);
	assert_true(isnan(sc->pools[1].overflow[0].wait_s));
	assert_int_equal(sc->pools[1].overflow[0].ahead, 0);
	scenario_free(sc);
}

static void test_reserve_is_kept(void **state)
{
	(void)state;
	struct scenario *sc = expect_good("t.yaml", ROUTED("[\"999\", \"101\"]",
		"    reserve: [{line: \"101\", keep: 2}]\n"), NULL, 0);

	assert_int_equal(sc->pools[1].n_reserve, 1);
	assert_int_equal(sc->pools[1].reserve[0].line, 1);
	assert_int_equal(sc->pools[1].reserve[0].keep, 2);
	scenario_free(sc);
}

/* --set reaches a rule's keys through the schema, by the item's index. */
static void test_set_reaches_rules(void **state)
{
	static const char *const ovr[] = {
		"pools.non-emergency.overflow.0.wait_s=12",
		"pools.non-emergency.reserve.0.keep=4"};
	(void)state;
	struct scenario *sc = expect_good("t.yaml", ROUTED("[\"101\"]",
		"    overflow: [{line: \"999\", wait_s: 5}]\n"
		"    reserve: [{line: \"999\", keep: 1}]\n"), ovr, 2);

	assert_seconds_near(sc->pools[1].overflow[0].wait_s, 12, 0);
	assert_int_equal(sc->pools[1].reserve[0].keep, 4);
	scenario_free(sc);
	expect_bad_set(ROUTED("[\"101\"]",
		"    overflow: [{line: \"999\", wait_s: 5}]\n"),
		"pools.non-emergency.overflow.0.wait_s=-2",
		"--set pools.non-emergency.overflow.0.wait_s=-2",
		"must be a number of seconds from 0 to 1e9");
}

/* A list of rules is bounded like every list: its duplicates are checked
 * pair by pair. */
static void test_rule_list_is_bounded(void **state)
{
	(void)state;
	const char *item = "{line: \"999\", queue: 1}, ";
	size_t n = strlen(item) * 1001 + 64;
	char *list = malloc(n), *text = malloc(n + 2048);

	assert_non_null(list);
	assert_non_null(text);
	strcpy(list, "    overflow: [");
	for (int i = 0; i < 1001; i++)
		strcat(list, item);
	strcpy(list + strlen(list) - 2, "]\n");
	snprintf(text, n + 2048, "%s%s%s%s%s", TWO_LINES, EMERG,
		 "  - name: non-emergency\n    serves: [\"101\"]\n", list,
		 "    shifts: [{name: day, start: \"07:00\", hours: 10, "
		 "staff: 9}]\n");
	expect_bad(text, "t.yaml:18:15: pools.non-emergency.overflow:",
		   "has 1001 overflow rules; must have at most 1000");
	free(list);
	free(text);
}

static const struct bad_case own_line = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"101\", wait_s: 5}]\n"),
	"t.yaml:18:23: pools.non-emergency.overflow.0.line:",
	"pool 'non-emergency' already serves line '101'"};
static const struct bad_case unknown_line = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"112\", wait_s: 5}]\n"),
	"t.yaml:18:23: pools.non-emergency.overflow.0.line:",
	"no line named '112'; lines are: 999, 101"};
static const struct bad_case no_condition = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\"}]\n"),
	"t.yaml:18:16: pools.non-emergency.overflow.0:",
	"gives neither queue nor wait_s; give one or both"};
static const struct bad_case queue_zero = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", queue: 0}]\n"),
	"t.yaml:18:37: pools.non-emergency.overflow.0.queue:",
	"must be a whole number of callers from 1 to 1000000"};
static const struct bad_case queue_part = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", queue: 2.5}]\n"),
	"t.yaml:18:37: pools.non-emergency.overflow.0.queue:",
	"2.5 is not a whole number"};
static const struct bad_case wait_negative = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", wait_s: -1}]\n"),
	"t.yaml:18:38: pools.non-emergency.overflow.0.wait_s:",
	"must be a number of seconds from 0 to 1e9"};
static const struct bad_case bad_priority = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", wait_s: 5, priority: first}]\n"),
	"t.yaml:18:51: pools.non-emergency.overflow.0.priority:",
	"unknown value 'first'; allowed: after_own, before_own"};
static const struct bad_case two_rules = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", wait_s: 5}, {line: \"999\", queue: 3}]\n"),
	"t.yaml:18:49: pools.non-emergency.overflow.1.line:",
	"line '999' has two overflow rules in this pool"};
static const struct bad_case unknown_key = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", wait: 5}]\n"),
	"t.yaml:18:30: pools.non-emergency.overflow.0:",
	"unknown key 'wait'"};
static const struct bad_case not_a_list = {ROUTED("[\"101\"]",
	"    overflow: {line: \"999\", wait_s: 5}\n"),
	"t.yaml:18:15: pools.non-emergency.overflow:",
	"a list of overflow rules"};
static const struct bad_case reserve_unserved = {ROUTED("[\"101\"]",
	"    reserve: [{line: \"999\", keep: 2}]\n"),
	"t.yaml:18:22: pools.non-emergency.reserve.0.line:",
	"pool 'non-emergency' does not answer line '999'"};
static const struct bad_case reserve_first = {ROUTED("[\"999\", \"101\"]",
	"    reserve: [{line: \"999\", keep: 2}]\n"),
	"t.yaml:18:22: pools.non-emergency.reserve.0.line:",
	"line '999' is the first line pool 'non-emergency' answers"};
static const struct bad_case reserve_ahead = {ROUTED("[\"101\"]",
	"    overflow: [{line: \"999\", wait_s: 5, priority: before_own}]\n"
	"    reserve: [{line: \"999\", keep: 2}]\n"),
	"t.yaml:19:22: pools.non-emergency.reserve.0.line:",
	"line '999' is the first line pool 'non-emergency' answers"};
static const struct bad_case reserve_negative = {ROUTED("[\"999\", \"101\"]",
	"    reserve: [{line: \"101\", keep: -1}]\n"),
	"t.yaml:18:35: pools.non-emergency.reserve.0.keep:",
	"must be a whole number of handlers from 0 to 1000000"};
static const struct bad_case reserve_no_keep = {ROUTED("[\"999\", \"101\"]",
	"    reserve: [{line: \"101\"}]\n"),
	"t.yaml:18:15: pools.non-emergency.reserve.0:",
	"missing key 'keep'"};
static const struct bad_case reserve_twice = {ROUTED("[\"999\", \"101\"]",
	"    reserve: [{line: \"101\", keep: 1}, {line: \"101\", keep: 2}]\n"),
	"t.yaml:18:46: pools.non-emergency.reserve.1.line:",
	"line '101' has two reserves in this pool"};

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_are_kept),
		cmocka_unit_test(test_reserve_is_kept),
		cmocka_unit_test(test_set_reaches_rules),
		cmocka_unit_test(test_rule_list_is_bounded),
		BAD(own_line), BAD(unknown_line), BAD(no_condition),
		BAD(queue_zero), BAD(queue_part), BAD(wait_negative),
		BAD(bad_priority), BAD(two_rules), BAD(unknown_key),
		BAD(not_a_list), BAD(reserve_unserved), BAD(reserve_first),
		BAD(reserve_ahead), BAD(reserve_negative), BAD(reserve_no_keep),
		BAD(reserve_twice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
