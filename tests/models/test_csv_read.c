/* test_csv_read.c: a CSV cell read as a number within a rule, its bounds
 * closed or open, in files that separate cells with ',' and with ';'
 * (where the decimal mark is a comma), and the message each refusal
 * gives at the cell's own line and column. */
#include <stdio.h>
#include <string.h>

#include "tests/test_support.h"
#include "models/csv_read.h"

/* A reader over text (a copy it cuts in place), and its first row. */
struct cell_case {
	char text[128];
	struct csv_read c;
	char *cells[4];
	struct sim_err err;
	struct yaml_doc yd;
	int n;
};

static void cell_open(struct cell_case *t, const char *text)
{
	memset(t, 0, sizeof *t);
	snprintf(t->text, sizeof t->text, "%s", text);
	snprintf(t->c.path, sizeof t->c.path, "f.csv");
	t->c.text = t->text;
	t->c.next = t->text;
	t->c.ypath = "events";
	sim_err_clear(&t->err);
	t->yd.file = "s.yaml";
	t->yd.err = &t->err;
	t->n = csv_read_row(&t->yd, &t->c, t->cells, 4);
}

/* Hours as the events file reads them: above 0, at most 744. */
static const struct yaml_doc_rule hours = {
	0, 744, 1, 0, 0, "a number of hours with 0 < hours <= 744"};

static void test_cell_within_open_rule(void **state)
{
	struct cell_case t;
	double v = 0;

	(void)state;
	cell_open(&t, "2.385,744,0,744.5\n");
	assert_int_equal(t.n, 4);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[0], &hours, &v), 1);
	assert_true(v == 2.385);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[1], &hours, &v), 1);
	assert_int_equal(t.yd.n_problems, 0);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[2], &hours, &v), 0);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[3], &hours, &v), 0);
	assert_int_equal(t.yd.n_problems, 2);
	assert_string_equal(t.err.text,
		"f.csv:1:11: events: '0' is not a number of hours with 0 < "
		"hours <= 744\n"
		"f.csv:1:13: events: '744.5' is not a number of hours with "
		"0 < hours <= 744\n");
}

/* A closed rule takes both bounds; an upper bound may be open too. */
static void test_cell_closed_and_open_top(void **state)
{
	static const struct yaml_doc_rule closed = {0, 1, 0, 0, 0, "p"};
	static const struct yaml_doc_rule below = {0, 1, 0, 1, 0, "q"};
	struct cell_case t;
	double v = 0;

	(void)state;
	cell_open(&t, "0,1\n");
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[0], &closed, &v), 1);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[1], &closed, &v), 1);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[0], &below, &v), 1);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[1], &below, &v), 0);
	assert_string_equal(t.err.text, "f.csv:1:3: events: '1' is not q\n");
}

/* Text that is not a plain decimal says why; in a file separated by ';'
 * the decimal mark is a comma and a point is refused. */
static void test_cell_refusals(void **state)
{
	struct cell_case t;
	double v = 0;

	(void)state;
	cell_open(&t, "6,5;6.5;0x10;x\n");
	assert_int_equal(t.n, 4);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[0], &hours, &v), 1);
	assert_true(v == 6.5);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[1], &hours, &v), 0);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[2], &hours, &v), 0);
	assert_int_equal(csv_read_cell(&t.yd, &t.c, t.cells[3], &hours, &v), 0);
	assert_string_equal(t.err.text,
		"f.csv:1:5: events: '6.5' has a decimal point, but this file "
		"separates cells with ';', so its decimal mark is ','; must be "
		"a number of hours with 0 < hours <= 744\n"
		"f.csv:1:9: events: '0x10' is not a plain decimal number "
		"(hexadecimal, octal and leading zeros are not read); must be "
		"a number of hours with 0 < hours <= 744\n"
		"f.csv:1:14: events: 'x' is not a number of hours with 0 < "
		"hours <= 744\n");
}

/* A spreadsheet's "CSV UTF-8" export opens with a byte order mark: it is
 * not part of the first column's name, which is found as without it, and
 * columns are counted from after it. Regression: a call log whose first
 * column was `line` lost that column, and its lines were fitted as one. */
static void test_header_after_byte_order_mark(void **state)
{
	static const char *const names[] = { "line", "arrived" };
	struct csv_read_fields fl = { names, 2, NULL, 0, "--map" };
	const char *col_name[2];
	struct cell_case t;
	int col[2];

	(void)state;
	cell_open(&t, "\xEF\xBB\xBFline,arrived\n999,x\n");
	assert_int_equal(t.n, 2);
	assert_string_equal(t.cells[0], "line");
	assert_int_equal(csv_read_columns(&t.yd, &t.c, &fl, t.cells, t.n, col,
					  col_name), 0);
	assert_int_equal(col[0], 0);
	assert_int_equal(col[1], 1);
	assert_int_equal(csv_read_row(&t.yd, &t.c, t.cells, 4), 2);
	assert_string_equal(t.cells[0], "999");
	csv_read_report(&t.yd, &t.c, t.cells[1], "bad");
	assert_string_equal(t.err.text, "f.csv:2:5: events: bad\n");
}

/* A column mapped to a field is its, though another column has the
 * field's own name; two columns of one kind for a field are refused at the
 * second, naming both. Regression: the first in the file was read, so
 * `--map Queue=line` was ignored beside a column `line`, and of two
 * `talk_s` columns the second was never read, without a word. */
static void test_header_field_given_twice(void **state)
{
	static const char *const names[] = { "line", "talk_s" };
	const char *map[] = { "Queue=line" };
	struct csv_read_fields fl = { names, 2, map, 1, "--map" };
	const char *col_name[2];
	struct cell_case t;
	int col[2];

	(void)state;
	cell_open(&t, "line,talk_s,Queue\n");
	assert_int_equal(csv_read_columns(&t.yd, &t.c, &fl, t.cells, t.n, col,
					  col_name), 0);
	assert_int_equal(col[0], 2);
	assert_string_equal(col_name[0], "Queue");
	assert_int_equal(col[1], 1);
	cell_open(&t, "line,talk_s,TALK_S\n");
	fl.n_map = 0;
	assert_int_equal(csv_read_columns(&t.yd, &t.c, &fl, t.cells, t.n, col,
					  col_name), -1);
	assert_string_equal(t.err.text,
		"f.csv:1:13: talk_s: a second column for talk_s ('TALK_S'; the "
		"first, 'talk_s', is at column 6), and which to read would be a "
		"guess; remove one, or name the one to read with --map "
		"COLUMN=talk_s\n");
	cell_open(&t, "Queue,talk_s,Queue\n");
	fl.n_map = 1;
	assert_int_equal(csv_read_columns(&t.yd, &t.c, &fl, t.cells, t.n, col,
					  col_name), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_within_open_rule),
		cmocka_unit_test(test_cell_closed_and_open_top),
		cmocka_unit_test(test_cell_refusals),
		cmocka_unit_test(test_header_after_byte_order_mark),
		cmocka_unit_test(test_header_field_given_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
