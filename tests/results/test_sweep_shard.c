/* test_sweep_shard.c: K/N parsed and refused, the points each shard runs,
 * and the header member and end line of a shard. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The member and the end line, written and recognised; the whole sweep
 * writes no member and has no end line. */
static void test_sweep_shard_lines(void **state)
{
	struct sweep_shard sh = { 2, 5 }, whole = { 0, 0 };
	char *buf = NULL, *end;
	size_t len = 0, n;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	sweep_shard_member(f, &whole);
	sweep_shard_member(f, &sh);
	sweep_shard_end_write(f, &sh, 12, true);
	fclose(f);
	assert_string_equal(buf, ",\"shard\":\"2/5\"# {\"end_of_shard\":"
			    "\"2/5\",\"points\":12}\n");
	end = strchr(buf, '#');
	n = len - (size_t)(end - buf);
	assert_true(sweep_shard_is_end(end, n, &sh, 12, true));
	assert_true(sweep_shard_is_end(end + 2, n - 2, &sh, 12, false));
	assert_false(sweep_shard_is_end(end + 2, n - 2, &sh, 12, true));
	assert_false(sweep_shard_is_end(end, n, &sh, 13, true));
	assert_false(sweep_shard_is_end(end, n, &whole, 12, true));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_shard_points),
		cmocka_unit_test(test_sweep_shard_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
