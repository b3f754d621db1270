/* test_sweep_shard.c: K/N parsed and refused, the points each shard runs,
 * and the header member and end line of a shard. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario.h"
#include "results/sweep_shard.h"

/* K/N parsed and checked; shard k of n runs the points i with i mod n =
 * k - 1, every point once over the shards. */
static void test_sweep_shard_points(void **state)
{
	struct sweep_shard sh = { 0, 0 };
	struct sim_err err;
	size_t seen[11] = { 0 };
	static const char *const bad[] = { "0/4", "5/4", "2", "2/", "/4",
		"-1/4", "1/1001", "1/4x", " 1/4", "1.0/4", "" };

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_shard_parse("3/4", &sh, &err), SIM_OK);
	assert_int_equal(sh.k, 3);
	assert_int_equal(sh.n, 4);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		sim_err_clear(&err);
		assert_int_equal(sweep_shard_parse(bad[i], &sh, &err),
				 SIM_EINVAL);
		assert_non_null(strstr(err.text, "--shard"));
	}
	assert_int_equal(sh.k, 3);
	for (unsigned k = 1; k <= 4; k++) {
		struct sweep_shard s = { k, 4 };
		size_t n = sweep_shard_count(&s, 11);

		assert_int_equal(n, k <= 3 ? 3 : 2);
		for (size_t j = 0; j < n; j++) {
			size_t p = sweep_shard_point(&s, j);

			assert_true(p < 11 && p % 4 == k - 1);
			seen[p]++;
		}
	}
	for (size_t p = 0; p < 11; p++)
		assert_int_equal(seen[p], 1);
	assert_int_equal(sweep_shard_count(&(struct sweep_shard){ 5, 5 }, 3), 0);
	assert_int_equal(sweep_shard_count(&(struct sweep_shard){ 0, 0 }, 3), 3);
}

/* The member and the end line, written and recognised with the hash it
 * vouches for; an end line vouching for other bytes is told apart; the
 * whole sweep writes no member and has no end line. */
static void test_sweep_shard_lines(void **state)
{
	struct sweep_shard sh = { 2, 5 }, whole = { 0, 0 };
	char *buf = NULL, *end;
	size_t len = 0, n;
	FILE *f = open_memstream(&buf, &len);
	uint64_t h = 0x0123456789abcdefu;
	const char *old_csv = "# {\"end_of_shard\":\"2/5\",\"points\":12}\n";

	(void)state;
	sweep_shard_member(f, &whole);
	sweep_shard_member(f, &sh);
	sweep_shard_end_write(f, &sh, 12, h, true);
	fclose(f);
	assert_string_equal(buf, ",\"shard\":\"2/5\"# {\"end_of_shard\":"
			    "\"2/5\",\"points\":12,\"fnv1a\":"
			    "\"0123456789abcdef\"}\n");
	end = strchr(buf, '#');
	n = len - (size_t)(end - buf);
	assert_int_equal(sweep_shard_line_of(end, n, &sh, 12, h, true),
			 SWEEP_SHARD_END);
	assert_int_equal(sweep_shard_line_of(end + 2, n - 2, &sh, 12, h,
					     false), SWEEP_SHARD_END);
	assert_int_equal(sweep_shard_line_of(end, n, &sh, 12, h + 1, true),
			 SWEEP_SHARD_END_CHANGED);
	assert_int_equal(sweep_shard_line_of(end + 2, n - 2, &sh, 12, h,
					     true), SWEEP_SHARD_ROW);
	assert_int_equal(sweep_shard_line_of(end, n, &sh, 13, h, true),
			 SWEEP_SHARD_ROW);
	assert_int_equal(sweep_shard_line_of(end, n, &whole, 12, h, true),
			 SWEEP_SHARD_ROW);
	/* The end line an earlier callsim wrote, without the hash. */
	assert_int_equal(sweep_shard_line_of(old_csv, strlen(old_csv), &sh, 12,
					     h, true), SWEEP_SHARD_END_EARLIER);
	assert_int_equal(sweep_shard_line_of(old_csv + 2, strlen(old_csv) - 2,
					     &sh, 12, h, false),
			 SWEEP_SHARD_END_EARLIER);
	assert_int_equal(sweep_shard_line_of(old_csv + 2, strlen(old_csv) - 2,
					     &sh, 11, h, false),
			 SWEEP_SHARD_ROW);
	free(buf);
}

/* The hash is FNV-1a's (its published value for "a"), and the same
 * however the bytes are split. */
static void test_sweep_shard_hash(void **state)
{
	uint64_t whole = scenario_fnv1a_stream(SCENARIO_FNV1A_INIT, "a,b\n",
					       4);
	uint64_t split = scenario_fnv1a_stream(scenario_fnv1a_stream(
		SCENARIO_FNV1A_INIT, "a,", 2), "b\n", 2);

	(void)state;
	assert_true(scenario_fnv1a_stream(SCENARIO_FNV1A_INIT, "a", 1)
		    == 0xaf63dc4c8601ec8cu);
	assert_true(whole == split);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_shard_points),
		cmocka_unit_test(test_sweep_shard_lines),
		cmocka_unit_test(test_sweep_shard_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
