/* test_report_csv.c: the CSV writer — six fields in every row, RFC 4180
 * quoting that a reader undoes, empty fields for NAN, exact rows. */
#include "tests/test_support.h"

#include "results/report_csv.h"
#include "tests/results/test_fixture.h"

#define CSV_FIELDS 6
#define CSV_FIELD_MAX 256

/* Reads one RFC 4180 record at *p into fields (unquoted); returns the
 * number of fields, or -1 on a malformed quote. Advances *p past the
 * record's "\n". */
static int csv_record(const char **p, char fields[][CSV_FIELD_MAX], int max)
{
	const char *s = *p;
	int n = 0;

	for (;;) {
		size_t len = 0;

		assert_true(n < max);
		if (*s == '"') {
			for (s++; !(*s == '"' && s[1] != '"'); s++) {
				if (*s == '\0')
					return -1;
				if (*s == '"')
					s++;
				fields[n][len++] = *s;
			}
			s++;
		} else {
			while (*s != ',' && *s != '\n' && *s != '\0')
				fields[n][len++] = *s++;
		}
		fields[n++][len] = '\0';
		if (*s != ',')
			break;
		s++;
	}
	if (*s != '\n')
		return -1;
	*p = s + 1;
	return n;
}

static struct summary *summary_of(struct fixture *fx)
{
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	assert_non_null(s);
	return s;
}

/* Finds the row (section, name, metric) and returns its three numbers as
 * text, or fails the test. */
static void csv_find(const char *csv, const char *key[3],
		     char out[][CSV_FIELD_MAX])
{
	char f[CSV_FIELDS + 1][CSV_FIELD_MAX];
	const char *p = csv;

	while (*p) {
		assert_int_equal(csv_record(&p, f, CSV_FIELDS + 1), CSV_FIELDS);
		if (strcmp(f[0], key[0]) == 0 && strcmp(f[1], key[1]) == 0
		    && strcmp(f[2], key[2]) == 0) {
			for (int i = 0; i < 3; i++)
				strcpy(out[i], f[3 + i]);
			return;
		}
	}
	fail_msg("no row %s,%s,%s", key[0], key[1], key[2]);
}

/* Every row has six fields; counts of rows per section are as documented:
 * 4 run, 2 lines x (2 + 12), 1 pool x 2, 2 x (1 pool + total), and with
 * --intervals 168 hours x (2 lines x 3 + 1 pool x 2). */
static void test_report_csv_rows_and_fields(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *plain = fx_capture(report_csv_write, s, false, &st);
	char *full = fx_capture(report_csv_write, s, true, &st);
	char f[CSV_FIELDS + 1][CSV_FIELD_MAX];
	const char *p = full;
	size_t rows = 0;

	(void)state;
	assert_int_equal(st, SIM_OK);
	/* Then a row each day (3), line (2) and figure (3), and each bin
	 * (10) of each line's (2) wait distribution. */
	assert_int_equal(fx_count(plain, "\n"), 1 + 4 + 42 + 2 + 4 + 18 + 20);
	assert_int_equal(strncmp(full, plain, (size_t)(strstr(plain, "\nline_day,")
						       - plain)), 0);
	while (*p) {
		assert_int_equal(csv_record(&p, f, CSV_FIELDS + 1), CSV_FIELDS);
		rows++;
	}
	assert_int_equal(rows, 1 + 4 + 42 + 2 + 4 + HOURS_PER_WEEK * 8 + 18
			 + 20);
	assert_int_equal(strncmp(full, "section,name,metric,mean,ci_low,ci_high\n", 40), 0);
	free(plain);
	free(full);
	summary_free(s);
	free(fx);
}

/* A name with a comma and quotes is quoted and comes back intact. */
static void test_report_csv_quotes_names(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_csv_write, s, true, &st);
	const char *key[3] = { "line", "101, \"non-emergency\"", "offered" };
	const char *ikey[3] = { "interval", "101, \"non-emergency\"@Tue 13:00", "offered" };
	char v[3][CSV_FIELD_MAX];

	(void)state;
	assert_non_null(strstr(out, "\nline,\"101, \"\"non-emergency\"\"\",offered,3.5,"));
	csv_find(out, key, v);
	assert_string_equal(v[0], "3.5");
	csv_find(out, ikey, v);
	assert_string_equal(v[0], "4");
	/* A plain name stays unquoted. */
	assert_non_null(strstr(out, "\npool,emergency,occupancy,0.8225,"));
	free(out);
	summary_free(s);
	free(fx);
}

/* The worked interval, the exact figures, and NAN as empty fields. */
static void test_report_csv_values(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_csv_write, s, true, &st);

	(void)state;
	assert_non_null(strstr(out, "\nline,999,service_level,0.9226666667,"
			       "0.8938749498,0.9514583836\n"));
	assert_non_null(strstr(out, "\nline,999,goal,0.9,0.9,0.9\n"));
	assert_non_null(strstr(out, "\nline,\"101, \"\"non-emergency\"\"\",goal,,,\n"));
	assert_non_null(strstr(out, "\nline,\"101, \"\"non-emergency\"\"\",asa_s,,,\n"));
	assert_non_null(strstr(out, "\ninterval,999@Mon 03:00,service_level,,,\n"));
	assert_non_null(strstr(out, "\ninterval,999@Tue 13:00,offered,23.5,"));
	assert_non_null(strstr(out, "\ninterval,emergency@Tue 13:00,staff_on_duty,27,27,27\n"));
	assert_non_null(strstr(out, "\ncost,emergency,fte,52.16,52.16,52.16\n"));
	assert_non_null(strstr(out, "\ncost,total,annual_cost,1982080,1982080,1982080\n"));
	assert_non_null(strstr(out, ",seed,18446744073709551557,18446744073709551557,"
			       "18446744073709551557\n"));
	assert_false(capture_has_nan(out));
	free(out);
	summary_free(s);
	free(fx);
}

/* Response rows: grade (2 settings + 13 figures each), area (4 figures,
 * then 15 per grade named "AREA/GRADE"), roles, and the total of pools
 * and roles; the hand-worked intervals of test_fixture.h. */
static void test_report_csv_response(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	enum sim_status st;
	char *out;
	const char *key[3] = { "area", "Solihull/emergency", "attended_within_target" };
	char v[3][CSV_FIELD_MAX];

	(void)state;
	fx_add_response(fx);
	s = summary_of(fx);
	out = fx_capture(report_csv_write, s, false, &st);
	assert_int_equal(st, SIM_OK);
	assert_int_equal(fx_count(out, "\ngrade,"), 2 * 15);
	assert_int_equal(fx_count(out, "\narea,"), 2 * (4 + 2 * 15));
	assert_int_equal(fx_count(out, "\nrole,"), 2 * 2);
	/* ... then a row each day (3), area (2) and figure (2), each hour
	 * of the week, grade (2) and figure (6), each hour, area (2) and
	 * figure (4), and each bin (10) of each line's (2) waits. */
	assert_int_equal(fx_count(out, "\n"), 1 + 4 + 42 + 2 + 30 + 68 + 2 + 4 + 2
			 + 3 * (2 * 3 + 2 * 2) + 3 * 2 * 2
			 + HOURS_PER_WEEK * (2 * 6 + 2 * 4) + 20);
	assert_int_equal(fx_count(out, "\ngrade_hour,emergency@Mon 00:00,"), 6);
	assert_int_equal(fx_count(out, "\narea_hour,Solihull@Sun 23:00,"), 4);
	assert_int_equal(fx_count(out, "\narea_day,Birmingham@day 3,"), 2);
	assert_non_null(strstr(out, "\nline_wait,999@3600+ s,answered,"));
	assert_non_null(strstr(out, "\ngrade,emergency,attended_within_target,"
			       "0.8856666667,0.8469959478,0.9243373856\n"));
	assert_non_null(strstr(out, "\ngrade,scheduled,target_s,,,\n"));
	assert_non_null(strstr(out, "\ngrade,scheduled,attended_within_target,,,\n"));
	assert_non_null(strstr(out, "\narea,Birmingham,utilisation,0.5543333333,"
			       "0.5391550012,0.5695116655\n"));
	csv_find(out, key, v);
	assert_string_equal(v[0], "0.93");
	assert_string_equal(v[1], "0.6758759053");
	assert_string_equal(v[2], "1");   /* clipped: a fraction */
	assert_non_null(strstr(out, "\nrole,response,fte,15.5,15.5,15.5\n"));
	assert_non_null(strstr(out, "\nrole,pcso,annual_cost,224000,224000,224000\n"));
	assert_non_null(strstr(out, "\ncost,emergency,annual_cost,1982080,"));
	assert_non_null(strstr(out, "\ncost,total,annual_cost,3167080,3167080,3167080\n"));
	/* Sections come in the documented order. */
	assert_true(strstr(out, "\npool,") < strstr(out, "\ngrade,"));
	assert_true(strstr(out, "\ngrade,") < strstr(out, "\narea,"));
	assert_true(strstr(out, "\narea,") < strstr(out, "\ncost,"));
	assert_true(strstr(out, "\nrole,") < strstr(out, "\ncost,total"));
	free(out);
	summary_free(s);
	free(fx);
}

/* The scenario name, with quotes and a backslash, names the run rows. */
static void test_report_csv_run_rows(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_csv_write, s, false, &st);
	const char *key[3] = { "run", "Tiny \"test\" force\\north\t1", "days" };
	char v[3][CSV_FIELD_MAX];

	(void)state;
	csv_find(out, key, v);
	assert_string_equal(v[0], "2.385");
	assert_string_equal(v[2], "2.385");
	free(out);
	summary_free(s);
	free(fx);
}

/* report_csv_rows: the prefix fields lead every row, quoted when they
 * need it, and a name with a line break stays inside its quotes, so every
 * record still has the prefix and six fields; *n_rows counts records, the
 * same as report_csv_write's minus its column names and its rows by day
 * (3 days, 2 lines, 3 figures). */
static void test_report_csv_rows_prefix(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	static const char *const fields[] = { "12", "0,5" };
	struct report_csv_prefix prefix = { fields, 2 };
	char rec[2 + CSV_FIELDS][CSV_FIELD_MAX];
	struct sim_err err = { 0 };
	char *buf = NULL, *plain;
	size_t len = 0, rows = 0, n = 0;
	FILE *f;
	enum sim_status st;

	(void)state;
	strcpy(fx->sc.name, "two\nlines, \"quoted\"");
	s = summary_of(fx);
	f = open_memstream(&buf, &len);
	assert_int_equal(report_csv_rows(f, s, &prefix, &rows, &err), SIM_OK);
	fclose(f);
	for (const char *p = buf; *p; n++) {
		assert_int_equal(csv_record(&p, rec, 2 + CSV_FIELDS), 2 + CSV_FIELDS);
		assert_string_equal(rec[0], "12");
		assert_string_equal(rec[1], "0,5");
		if (strcmp(rec[2], "run") == 0)
			assert_string_equal(rec[3], "two\nlines, \"quoted\"");
	}
	assert_int_equal(n, rows);
	plain = fx_capture(report_csv_write, s, false, &st);
	n = 0;
	for (const char *p = strchr(plain, '\n') + 1; *p; n++)
		assert_int_equal(csv_record(&p, rec, CSV_FIELDS), CSV_FIELDS);
	assert_int_equal(n, rows + 18 + 20);
	/* Counting walks the same rows without writing them. */
	assert_int_equal(report_csv_count(s), rows);
	free(plain);
	free(buf);
	summary_free(s);
	free(fx);
}

static void test_report_csv_write_error(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	struct sim_err err = { 0 };

	(void)state;
	assert_int_equal(fx_write_to_readonly(report_csv_write, s, &err), SIM_EIO);
	assert_non_null(strstr(err.text, "CSV"));
	summary_free(s);
	free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_csv_rows_and_fields),
		cmocka_unit_test(test_report_csv_quotes_names),
		cmocka_unit_test(test_report_csv_values),
		cmocka_unit_test(test_report_csv_run_rows),
		cmocka_unit_test(test_report_csv_response),
		cmocka_unit_test(test_report_csv_rows_prefix),
		cmocka_unit_test(test_report_csv_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
