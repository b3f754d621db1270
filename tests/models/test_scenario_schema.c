/* test_scenario_schema.c: docs/scenario.md against the schema the loader
 * reads through (models/scenario_schema.c), as git tests the -h output of
 * a command against its documentation.
 *
 * Every record type names a heading of docs/scenario.md and which key
 * table under it lists its keys. That table's first column must hold the
 * record's keys, each in backquotes, in the schema's order ("`jan` ...
 * `dec`" stands for the keys from jan to dec); and where the table has a
 * default column, an optional number's default must be the schema's, in
 * the units the file is written in. Tests run from the source root. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/test_support.h"
#include "models/scenario_schema.h"
#include "models/dist.h"

#define DOC "docs/scenario.md"
#define LINE_MAX_ 4096

/* Cell c (0-based) of a table row "| a | b |", trimmed, into buf. */
static int cell(const char *row, int c, char *buf, size_t size)
{
	const char *p = row, *end;
	size_t n;

	for (int i = 0; i <= c; i++) {
		p = strchr(p, '|');
		if (!p)
			return 0;
		p++;
	}
	end = strchr(p, '|');
	if (!end)
		return 0;
	while (*p == ' ')
		p++;
	n = (size_t)(end - p);
	while (n > 0 && p[n - 1] == ' ')
		n--;
	if (n >= size)
		return 0;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 1;
}

/* Moves f to the rows of key table `nth` under heading `name`; returns
 * whether the table has a default column. Fails when there is none. */
static int seek_table(FILE *f, const char *name, int nth)
{
	char line[LINE_MAX_], c0[64], c2[64];
	int in_section = 0, seen = 0;

	rewind(f);
	while (fgets(line, sizeof line, f)) {
		const char *h = line + strspn(line, "#");

		if (line[0] == '#' && h > line && *h == ' ') {
			line[strcspn(line, "\n")] = '\0';
			in_section = strcmp(h + 1, name) == 0;
			continue;
		}
		if (!in_section || !cell(line, 0, c0, sizeof c0) ||
		    strcmp(c0, "key") != 0 || ++seen != nth)
			continue;
		cell(line, 2, c2, sizeof c2);
		if (!fgets(line, sizeof line, f))   /* | --- | --- | */
			break;
		return strcmp(c2, "default") == 0;
	}
	fail_msg(DOC ": no key table %d under the heading '%s'", nth, name);
	return 0;
}

/* Checks the default a row documents for optional number k. */
static void check_default(const char *rec, const struct scenario_key *k,
			  const char *doc)
{
	char want[64];

	if (k->kind != SCENARIO_NUMBER || k->required || isnan(k->def))
		return;
	snprintf(want, sizeof want, "`%.15g`", k->def / k->scale);
	if (strcmp(doc, want) != 0)
		fail_msg(DOC ", %s: key '%s' defaults to %s in the schema but "
			 "the docs say %s", rec, k->key, want, doc);
}

/* Checks one documented row's keys against the schema from *k on. */
static void check_row(const struct scenario_record *r, const char *row,
		      int has_default, const struct scenario_key **k)
{
	char keys[128], def[64] = "", first[64], last[64];

	assert_true(cell(row, 0, keys, sizeof keys));
	if (has_default)
		cell(row, 2, def, sizeof def);
	if (sscanf(keys, "`%63[^`]` ... `%63[^`]`", first, last) != 2 &&
	    sscanf(keys, "`%63[^`]`", first) == 1)
		strcpy(last, first);
	do {
		if (!(*k)->key || strcmp((*k)->key, first) != 0)
			fail_msg(DOC ", %s: the docs list '%s' where the schema "
				 "has '%s'", r->name, first,
				 (*k)->key ? (*k)->key : "no more keys");
		if (has_default)
			check_default(r->name, *k, def);
		snprintf(first, sizeof first, "%s",
			 (*k)[1].key ? (*k)[1].key : "");
	} while (strcmp((*k)++->key, last) != 0);
}

static void check_record(FILE *f, const struct scenario_record *r)
{
	char line[LINE_MAX_];
	const struct scenario_key *k = r->keys;
	int has_default = seek_table(f, r->name, r->table);

	while (fgets(line, sizeof line, f) && line[0] == '|')
		check_row(r, line, has_default, &k);
	if (k->key)
		fail_msg(DOC ", %s: the schema has '%s', which the docs do not "
			 "list", r->name, k->key);
}

static void test_docs_list_the_schema(void **state)
{
	FILE *f = fopen(DOC, "r");
	const struct scenario_record *r;
	int n = 0;

	(void)state;
	assert_non_null(f);
	for (r = scenario_schema; r->name; r++)
		if (r->table) {
			check_record(f, r);
			n++;
		}
	fclose(f);
	assert_true(n >= 17);
}

/* Every number's row has a range, and its place fits its record. */
static void test_rows_complete(void **state)
{
	const struct scenario_record *r;
	const char *names[SCENARIO_SCHEMA_KEYS_MAX + 1];

	(void)state;
	for (r = scenario_schema; r->name; r++) {
		for (const struct scenario_key *k = r->keys; k->key; k++) {
			assert_non_null(k->doc);
			if (k->kind == SCENARIO_NUMBER)
				assert_non_null(k->rule);
			assert_ptr_equal(scenario_schema_find(r->keys, k->key),
					 k);
		}
		scenario_schema_names(r->keys, names);
		assert_string_equal(names[0], r->keys[0].key);
	}
}

/* Defaults and stores land where the record keeps them, scaled. */
static void test_defaults_and_store(void **state)
{
	struct run_spec run;
	struct unit_spec u;

	(void)state;
	memset(&run, 0, sizeof run);
	scenario_schema_defaults(scenario_schema_run, &run);
	assert_true(run.days == 28 && run.warmup_s == 24 * 3600.0);
	assert_int_equal(run.replications, 10);
	assert_int_equal(run.max_waiting, SCENARIO_MAX_WAITING_DEFAULT);
	scenario_schema_store(scenario_schema_find(scenario_schema_run,
						   "warmup_hours"), &run, 2.5);
	assert_true(run.warmup_s == 9000);
	memset(&u, 0, sizeof u);
	scenario_schema_defaults(scenario_schema_unit, &u);
	assert_int_equal(u.crew, 1);
}

/* A distribution's kind is read as a word of its row: the row's words
 * are dist.c's names in enum order, and its message names them all. */
static void test_dist_words(void **state)
{
	const struct scenario_key *k = scenario_schema_find(scenario_schema_dist,
							    "dist");
	int i;

	(void)state;
	for (i = 0; i <= DIST_EMPIRICAL; i++)
		assert_string_equal(k->words[i],
				    dist_kind_name((enum dist_kind)i));
	assert_null(k->words[i]);
	assert_string_equal(k->give, dist_kind_names());
}

/* check walks every table but a distribution's (written whole, by its
 * kind) and must be able to write each row (results/report_scenario.c):
 * a list has its records' size, its numbers' rule, the list it names or
 * a form; a map its table or a form; a bit set or a number by name its
 * words or its list; a span (read by a hook) is written in hours, or
 * not at all when it is the end the hours imply. */
static void test_rows_writable(void **state)
{
	(void)state;
	for (const struct scenario_record *r = scenario_schema; r->name; r++)
		for (const struct scenario_key *k = r->keys;
		     k->key && r->keys != scenario_schema_dist; k++) {
			if (k->kind == SCENARIO_LIST)
				assert_true(k->size || k->rule || k->of ||
					    k->form);
			if (k->kind == SCENARIO_MAP)
				assert_true(k->sub || k->form);
			if (k->form == SCENARIO_FORM_BITS ||
			    k->form == SCENARIO_FORM_BY_NAME)
				assert_true(k->of || k->words);
			if (k->kind == SCENARIO_SPAN)
				assert_true(k->form == SCENARIO_FORM_NUMBER ||
					    strcmp(k->key, "end") == 0);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docs_list_the_schema),
		cmocka_unit_test(test_rows_complete),
		cmocka_unit_test(test_defaults_and_store),
		cmocka_unit_test(test_dist_words),
		cmocka_unit_test(test_rows_writable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
