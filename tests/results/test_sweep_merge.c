/* test_sweep_merge.c: shards joined point by point into the whole sweep's
 * bytes (rows over several lines included), and every refusal: a missing,
 * doubled, unfinished or foreign shard, a shard of another split, a whole
 * sweep, a shard edited after it was written, with nothing written. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/sweep_merge.h"

#define SM_HEAD "{\"callsim_sweep\":1,\"seed\":7,\"points\":3," \
	"\"schema\":\"callsim.sweep\""

/* Shard k of 2 of a three-point CSV sweep, points 0 and 2 or point 1, each
 * two rows, the second of point 1 over two lines. */
static const char sm_csv1[] = "# " SM_HEAD ",\"shard\":\"1/2\"}\npoint,x\n"
	"0,a\n0,b\n2,a\n2,b\n# {\"end_of_shard\":\"1/2\",\"points\":3,"
	"\"fnv1a\":\"51d0af57786d0871\"}\n";
static const char sm_csv2[] = "# " SM_HEAD ",\"shard\":\"2/2\"}\npoint,x\n"
	"1,a\n1,\"b\nc\"\n# {\"end_of_shard\":\"2/2\",\"points\":3,"
	"\"fnv1a\":\"03dd5fee998088fe\"}\n";
static const char sm_whole[] = "# " SM_HEAD "}\npoint,x\n0,a\n0,b\n1,a\n"
	"1,\"b\nc\"\n2,a\n2,b\n";

/* Merges the texts (named p1, p2, ...) into *out; returns the status. */
static enum sim_status sm_merge(const char *const *texts, size_t n,
				char **out, struct sim_err *err)
{
	struct sweep_merge_part parts[8];
	char names[8][8];
	size_t len = 0;
	FILE *f = open_memstream(out, &len);
	enum sim_status st;

	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "p%zu", i + 1);
		parts[i].name = names[i];
		parts[i].f = fmemopen((void *)texts[i], strlen(texts[i]), "r");
	}
	sim_err_clear(err);
	st = sweep_merge(parts, n, f, err);
	for (size_t i = 0; i < n; i++)
		fclose(parts[i].f);
	fclose(f);
	return st;
}

static void test_sweep_merge_joins(void **state)
{
	static const char j1[] = SM_HEAD ",\"shard\":\"1/2\"}\n{\"point\":0,"
		"\"m\":1}\n{\"point\":2,\"m\":3}\n{\"end_of_shard\":\"1/2\","
		"\"points\":3,\"fnv1a\":\"dbaebdfd86b81ed8\"}\n";
	static const char j2[] = SM_HEAD ",\"shard\":\"2/2\"}\n{\"point\":1,"
		"\"m\":2}\n{\"end_of_shard\":\"2/2\",\"points\":3,"
		"\"fnv1a\":\"e2de7bb28cca9009\"}\n";
	const char *csv[] = { sm_csv2, sm_csv1 }, *jsonl[] = { j1, j2 };
	struct sim_err err;
	char *out = NULL;

	(void)state;
	assert_int_equal(sm_merge(csv, 2, &out, &err), SIM_OK);
	assert_string_equal(out, sm_whole);
	free(out);
	assert_int_equal(sm_merge(jsonl, 2, &out, &err), SIM_OK);
	assert_string_equal(out, SM_HEAD "}\n{\"point\":0,\"m\":1}\n{\"point\":"
			    "1,\"m\":2}\n{\"point\":2,\"m\":3}\n");
	free(out);
}

/* Merges texts expecting SIM_EINVAL, nothing written and want in err. */
static void sm_refused(const char *const *texts, size_t n, const char *want)
{
	struct sim_err err;
	char *out = NULL;

	assert_int_equal(sm_merge(texts, n, &out, &err), SIM_EINVAL);
	assert_string_equal(out, "");
	if (strstr(err.text, want) == NULL)
		fail_msg("wanted \"%s\" in: %s", want, err.text);
	free(out);
}

static void test_sweep_merge_refusals(void **state)
{
	static const char seed[] = "# {\"callsim_sweep\":1,\"seed\":8,\"points"
		"\":3,\"schema\":\"callsim.sweep\",\"shard\":\"2/2\"}\npoint,x\n"
		"1,a\n# {\"end_of_shard\":\"2/2\",\"points\":3,\"fnv1a\":"
		"\"0534b47261945565\"}\n";
	static const char split[] = "# " SM_HEAD ",\"shard\":\"2/3\"}\npoint,"
		"x\n1,a\n# {\"end_of_shard\":\"2/3\",\"points\":3,\"fnv1a\":"
		"\"29a469e346649f3d\"}\n";
	static const char cut[] = "# " SM_HEAD ",\"shard\":\"2/2\"}\npoint,x\n"
		"1,a\n1,\"b\nc\"\n";
	static const char wrong[] = "# " SM_HEAD ",\"shard\":\"2/2\"}\npoint,x\n"
		"0,a\n# {\"end_of_shard\":\"2/2\",\"points\":3,\"fnv1a\":"
		"\"538220ba4f58cbc5\"}\n";
	/* sm_csv2 with its first row edited by hand: every row in place. */
	static const char edited[] = "# " SM_HEAD ",\"shard\":\"2/2\"}\n"
		"point,x\n1,A\n1,\"b\nc\"\n# {\"end_of_shard\":\"2/2\","
		"\"points\":3,\"fnv1a\":\"03dd5fee998088fe\"}\n";
	const char *t[][2] = { { sm_csv1, sm_csv1 }, { sm_csv1, seed },
			       { sm_csv1, split }, { sm_csv1, cut },
			       { sm_csv1, wrong }, { sm_whole, sm_csv2 },
			       { sm_csv1, edited } };

	(void)state;
	/* The points of the grid's three a missing shard holds, no more. */
	sm_refused(t[0], 1, "shard 2/2 is missing: no part holds its points "
		   "(1)");
	sm_refused(t[5] + 1, 1, "shard 1/2 is missing: no part holds its "
		   "points (0, 2)");
	sm_refused(t[0], 2, "p1 and p2 are both shard 1/2");
	sm_refused(t[1], 2, "\"seed\" is 7 in p1 and 8 in p2");
	sm_refused(t[2], 2, "shards of different splits overlap");
	sm_refused(t[3], 2, "p2: shard 2/2 is unfinished (1 of its 1 points");
	sm_refused(t[4], 2, "p2: a row of point 1 was expected at byte");
	sm_refused(t[5], 2, "p1: a whole sweep, not a shard");
	sm_refused(t[6], 2, "p2: the end line at byte 101 vouches for other "
		   "bytes");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_merge_joins),
		cmocka_unit_test(test_sweep_merge_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
