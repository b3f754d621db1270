/* scenario_dist.c: distributions of a scenario, and empirical samples
 * read from a CSV column (scenario_dist.h). */
#include "models/scenario_dist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/scenario_record.h"
#include "sim/mem.h"

#define CSV_COLUMNS_MAX 64   /* columns of an empirical CSV that are read */

/* ------------------------------------------------------------------ */
/* Distributions                                                       */

/* Appends v to d's empirical values (which d owns). */
static int dist_push(struct scenario_read *ld, struct dist *d, double v)
{
	double *grown;

	if ((d->n_values & (d->n_values - 1)) == 0) {
		grown = mem_realloc(d->values,
				(d->n_values ? 2 * d->n_values : 1) * sizeof v);
		if (!grown) {
			ld->yd.oom = 1;
			return 0;
		}
		d->values = grown;
	}
	d->values[d->n_values++] = v;
	return 1;
}

/* Reads `column`: a 1-based number (into *col, 0-based) or a header
 * name (into *name, found later in the file); *col is -1 when neither is
 * given. */
static int csv_column(struct scenario_read *ld, struct yaml_doc_at m,
		      const char **name, int *col)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at c = yaml_doc_key(&ld->yd, m, "column", kp);
	static const struct yaml_doc_rule rule = {
		1, CSV_COLUMNS_MAX, 0, 0, 1,
		"a column number from 1 to 64 or a header name"};
	const yaml_node_t *n;
	double v = 1;

	*name = NULL;
	*col = -1;
	if (!c.id)
		return 1;
	n = yaml_doc_node(&ld->yd, c.id);
	if (yaml_doc_is_string(n) && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    yaml_doc_text_number(yaml_doc_text(n), &v) == 0) {
		if (!yaml_doc_number(&ld->yd, c, &rule, &v))
			return 0;
		*col = (int)v - 1;
		return 1;
	}
	if (!yaml_doc_expect(&ld->yd, c, YAML_SCALAR_NODE, rule.allowed))
		return 0;
	*name = yaml_doc_text(n);
	return 1;
}

/* Finds the header cell `name` in the first row; reports when absent. */
static int csv_header(struct scenario_read *ld, struct csv_read *c,
		      const char *name,
		      struct yaml_doc_at m, int *col)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n = csv_read_row(&ld->yd, c, cells, CSV_COLUMNS_MAX + 1), i;

	for (i = 0; i < n; i++)
		if (strcmp(cells[i], name) == 0) {
			*col = i;
			return 1;
		}
	yaml_doc_problem(&ld->yd, m,
			 "'%s' has no column named '%.60s'; name a column "
			 "of its first line, or give its number from 1", c->path,
			 name);
	return 0;
}

/* Reads the samples in column col of the rows left in c. With a
 * numbered column (named 0), a first line whose cell is not a number is a
 * header. A file of several columns needs `column` (given 1): a single
 * column written with decimal commas reads as two, "12" and "5". */
static void empirical_rows(struct scenario_read *ld, struct yaml_doc_at m,
			   struct csv_read *c,
			   int col, int named, int given, struct dist *d)
{
	char *cells[CSV_COLUMNS_MAX + 1];    /* the last keeps the rest */
	int n, rc, first = 1;
	double v = 0;

	while ((n = csv_read_row(&ld->yd, c, cells, CSV_COLUMNS_MAX + 1)) > 0) {
		if (first && !given && c->row_cells > 1) {
			yaml_doc_problem(&ld->yd, m,
					 "'%s' has %d cells a line; give "
					 "column: a number from 1 or a header "
					 "name (where ',' is a decimal comma, "
					 "cells must be separated by ';')",
					 c->path, c->row_cells);
			return;
		}
		rc = col < n ? csv_read_number(c, cells[col], &v) : -1;
		if (c->row_bad || (rc != 0 && first && !named)) {
			first = 0;
			continue;
		}
		first = 0;
		if (rc != 0 || v < 0 || v > SCENARIO_SECONDS_MAX)
			csv_read_bad_cell(&ld->yd, c,
					  col < n ? cells[col] : cells[n - 1],
					  rc, "a number of seconds from 0 to 1e9 in "
					  "that column");
		else if (!dist_push(ld, d, v))
			return;
	}
}

/* Samples for an empirical distribution from one CSV column. */
static void empirical_from_csv(struct scenario_read *ld, struct yaml_doc_at m,
			       struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX];
	struct yaml_doc_at f = yaml_doc_key(&ld->yd, m, "csv", kp);
	const char *name;
	const char *const keys[] = {"csv", "column", NULL};
	int col;
	struct csv_read c;

	yaml_doc_check_keys(&ld->yd, m, keys, "key");
	if (!f.id) {
		yaml_doc_missing(&ld->yd, m, "csv", "a CSV file name");
		return;
	}
	if (!yaml_doc_expect(&ld->yd, f, YAML_SCALAR_NODE, "a CSV file name") ||
	    !csv_column(ld, m, &name, &col) ||
	    !scenario_read_csv(ld, f, SCENARIO_EMPIRICAL_CSV_MAX,
			       "an empirical CSV",
			       &c))
		return;
	if (!name || csv_header(ld, &c, name, m, &col))
		empirical_rows(ld, m, &c, col < 0 ? 0 : col, name != NULL,
			       col >= 0, d);
	free(c.text);
}

/* `values`: an inline list of samples or {csv: FILE, column: N|NAME}. */
static void parse_empirical(struct scenario_read *ld, struct yaml_doc_at m,
			    struct dist *d)
{
	char kp[YAML_DOC_PATH_MAX], ip[YAML_DOC_PATH_MAX];
	struct yaml_doc_at v = yaml_doc_key(&ld->yd, m, "values", kp);
	const yaml_node_t *n;
	int i;

	if (!v.id) {
		yaml_doc_missing(&ld->yd, m, "values",
				 "a list of samples in seconds");
		return;
	}
	n = yaml_doc_node(&ld->yd, v.id);
	if (n->type == YAML_MAPPING_NODE) {
		empirical_from_csv(ld, v, d);
		return;
	}
	if (!yaml_doc_expect(&ld->yd, v, YAML_SEQUENCE_NODE,
			     "a list of samples in "
			     "seconds, or {csv: FILE, column: N}"))
		return;
	for (i = 0; i < yaml_doc_seq_len(n); i++) {
		double x;
		struct yaml_doc_at it = yaml_doc_item(&ld->yd, v, i, NULL, ip);

		if (yaml_doc_number(&ld->yd, it, &scenario_schema_seconds,
				    &x) && !dist_push(ld, d, x))
			return;
	}
}

/* A distribution mapping {dist: KIND, params...}, prepared for sampling. */
int scenario_dist_read(struct scenario_read *ld, struct yaml_doc_at a,
		       struct dist *d)
{
	char where[YAML_DOC_WHERE_MAX + YAML_DOC_PATH_MAX];
	int before = ld->yd.n_problems, i;

	if (!yaml_doc_expect(&ld->yd, a, YAML_MAPPING_NODE,
			     "a distribution such as "
			     "{dist: exponential, mean: 300}"))
		return 0;
	scenario_record_late(ld, a, scenario_schema_dist, d);
	if (ld->yd.n_problems != before)
		return 0;
	yaml_doc_check_keys(&ld->yd, a, scenario_schema_dist_keys[d->kind], "key");
	if (d->kind == DIST_EMPIRICAL)
		parse_empirical(ld, a, d);
	for (i = 1; d->kind != DIST_EMPIRICAL && scenario_schema_dist_keys[d->kind][i]; i++)
		scenario_record_late(ld, a, scenario_schema_find(
			scenario_schema_dist, scenario_schema_dist_keys[d->kind][i]), d);
	if (ld->yd.n_problems != before || ld->yd.oom)
		return 0;
	yaml_doc_where(&ld->yd, a.id, where, YAML_DOC_WHERE_MAX);
	snprintf(where + strlen(where), sizeof where - strlen(where), ": %s",
		 a.path);
	switch (dist_prepare(d, where, ld->yd.err)) {
	case SIM_OK:
		return 1;
	case SIM_ENOMEM:
		ld->yd.oom = 1;
		return 0;
	default:
		ld->yd.n_problems++;
		return 0;
	}
}
