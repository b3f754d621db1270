/* csv_read.c: cutting a CSV file read whole into trimmed cells, and
 * reporting its bad lines and cells at their own positions (csv_read.h). */
#include "models/csv_read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Trims spaces (and a CR) around a cell in place. */
static char *csv_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Moves to the next line holding data: blank lines and '#' comments are
 * skipped. Returns 0 at the end of the file. */
static int csv_next_line(struct csv_read *c)
{
	char *end, *first;

	/* A spreadsheet's "CSV UTF-8" export opens with a byte order mark,
	 * which would otherwise be read as part of the first column's name
	 * (a log's `line` column lost, its lines fitted as one). */
	if (c->next == c->text && c->next
	    && strncmp(c->next, "\xEF\xBB\xBF", 3) == 0)
		c->next += 3;
	do {
		if (!c->next || *c->next == '\0')
			return 0;
		c->row = c->next;
		c->line++;
		end = strchr(c->row, '\n');
		c->next = end ? end + 1 : NULL;
		if (end)
			*end = '\0';
		first = csv_trim(c->row);
	} while (*first == '\0' || *first == '#');
	return 1;
}

/* Reports a problem at byte `at` of the current line, as
 * "FILE.csv:LINE:COL"; after CSV_READ_BAD_CELLS_MAX of them the rest are only
 * counted, so one broken file does not crowd every other problem out of
 * the report. */
void csv_read_report(struct yaml_doc *yd, struct csv_read *c, const char *at,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void csv_read_report(struct yaml_doc *yd, struct csv_read *c, const char *at,
		     const char *fmt, ...)
{
	char where[YAML_DOC_WHERE_MAX];
	va_list ap;

	if (c->n_bad++ >= CSV_READ_BAD_CELLS_MAX) {
		yd->n_problems++;
		return;
	}
	snprintf(where, sizeof where, "%s:%d:%d", c->path, c->line,
		 (int)(at - c->row) + 1);
	va_start(ap, fmt);
	yaml_doc_vreport(yd, where, c->ypath, fmt, ap);
	va_end(ap);
}

void csv_read_vreport_at(struct yaml_doc *yd, struct csv_read *c, int line,
			 int col, const char *column, const char *fmt,
			 va_list ap)
{
	char where[YAML_DOC_WHERE_MAX];

	if (c->n_bad++ >= CSV_READ_BAD_CELLS_MAX * 4) {
		yd->n_problems++;
		return;
	}
	snprintf(where, sizeof where, "%s:%d:%d", c->path, line, col + 1);
	yaml_doc_vreport(yd, where, column, fmt, ap);
}

/* The field named name (any case), or -1. */
static int csv_read_field_of(const struct csv_read_fields *fl,
			     const char *name)
{
	for (int f = 0; f < fl->n; f++)
		if (strcasecmp(name, fl->names[f]) == 0)
			return f;
	return -1;
}

/* Reports the mapping m, which names no field. */
static void csv_read_bad_mapping(struct yaml_doc *yd,
				 const struct csv_read_fields *fl,
				 const char *m)
{
	char list[512] = "";
	size_t used = 0;

	for (int f = 0; f < fl->n && used < sizeof list; f++)
		used += (size_t)snprintf(list + used, sizeof list - used,
					 "%s%s", f ? ", " : "", fl->names[f]);
	sim_err_add(yd->err, SIM_ESCENARIO, "%s %s: must be COLUMN=FIELD, "
		    "FIELD one of %s", fl->option, m, list);
}

/* The field the mappings give column name, -1 when none does, or -2
 * (reported) when a mapping is malformed. */
static int csv_read_mapped(struct yaml_doc *yd,
			   const struct csv_read_fields *fl, const char *name)
{
	for (size_t i = 0; i < fl->n_map; i++) {
		const char *m = fl->map[i], *eq = strrchr(m, '=');
		int f = eq ? csv_read_field_of(fl, eq + 1) : -1;

		if (f < 0) {
			csv_read_bad_mapping(yd, fl, m);
			return -2;
		}
		if ((size_t)(eq - m) == strlen(name)
		    && strncasecmp(m, name, (size_t)(eq - m)) == 0)
			return f;
	}
	return -1;
}

/* Reports the header's cell at, a second column for field f after the
 * one at first. Returns -1. */
static int csv_read_column_twice(struct yaml_doc *yd, const struct csv_read *c,
				 const struct csv_read_fields *fl, int f,
				 const char *const at[2])
{
	sim_err_add(yd->err, SIM_ESCENARIO, "%s:%d:%d: %s: a second column for "
		    "%s ('%.60s'; the first, '%.60s', is at column %d), and which "
		    "to read would be a guess; remove one, or name the one to "
		    "read with %s COLUMN=%s", c->path, c->line,
		    (int)(at[1] - c->row) + 1, fl->names[f], fl->names[f], at[1],
		    at[0], (int)(at[0] - c->row) + 1, fl->option, fl->names[f]);
	return -1;
}

/* The field the header's cell gives in pass 0 (through a mapping) or
 * pass 1 (by its own name, unless a mapping names it), or -1; -2 with a
 * malformed mapping reported. */
static int csv_read_field_in(struct yaml_doc *yd,
			     const struct csv_read_fields *fl,
			     const char *cell, int pass)
{
	int f = csv_read_mapped(yd, fl, cell);

	if (f == -2 || pass == 0)
		return f;
	return f >= 0 ? -1 : csv_read_field_of(fl, cell);
}

int csv_read_columns(struct yaml_doc *yd, const struct csv_read *c,
		     const struct csv_read_fields *fl, char **cells, int n,
		     int *col, const char **col_name)
{
	for (int f = 0; f < fl->n; f++)
		col[f] = -1;
	/* Mapped columns first: a column mapped to a field is its, whatever
	 * column has the field's own name. Two columns of one kind for a
	 * field would leave the one read to their order: refused. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			int f = csv_read_field_in(yd, fl, cells[i], pass);

			if (f == -2)
				return -1;
			if (f < 0 || (pass == 1 && col[f] >= 0 &&
				      csv_read_mapped(yd, fl, cells[col[f]]) >= 0))
				continue;
			if (col[f] >= 0)
				return csv_read_column_twice(yd, c, fl, f,
					(const char *const[2]){ cells[col[f]],
								cells[i] });
			col[f] = i;
			col_name[f] = cells[i];
		}
	return 0;
}

/* The '"' opening a cell of the current line that does not end with a
 * '"', or NULL. A log's reader takes a cell quoted whole as its text;
 * a cell only opened would be read as text beginning with the quote (or
 * be a quoted separator, which is not read as one). */
static const char *csv_unclosed(const struct csv_read *c)
{
	const char *p = c->row, *end;

	for (;;) {
		p += strspn(p, " \t");
		end = strchr(p, c->sep);
		if (end == NULL)
			end = p + strlen(p);
		if (*p == '"') {
			const char *q = end;

			while (q > p + 1 && strchr(" \t\r", q[-1]))
				q--;
			if (q == p + 1 || q[-1] != '"')
				return p;
		}
		if (*end == '\0')
			return NULL;
		p = end + 1;
	}
}

/* Checks the shape of the current line before it is cut: a ';' in a file
 * separated by ',' (its first line has none) could be a spreadsheet's
 * cell separator, which would misplace a decimal comma; and every line
 * has as many cells as the first, which is how a decimal comma in a file
 * separated by ',' shows ("1,5" beside "2"); and no cell opens a quote it
 * does not close. At most one problem is reported a line. Returns the
 * line's cells. */
static int csv_shape(struct yaml_doc *yd, struct csv_read *c)
{
	const char *semi = strchr(c->row, ';'), *p;
	int n = 1;

	if (!c->sep)
		c->sep = semi ? ';' : ',';
	for (p = c->row; (p = strchr(p, c->sep)) != NULL; p++)
		n++;
	if (!c->n_cells)
		c->n_cells = n;
	c->row_bad = 1;
	if (c->sep == ',' && semi)
		csv_read_report(yd, c, semi, "';' in a file whose first line "
				"separates cells with ','; separate every line's "
				"cells alike, with ';' where numbers have a decimal "
				"comma");
	else if (n != c->n_cells)
		csv_read_report(yd, c, c->row, "this line has %d cells and the "
				"first has %d; every line must have as many (a "
				"decimal comma needs cells separated by ';')", n,
				c->n_cells);
	else if ((p = csv_unclosed(c)) != NULL)
		csv_read_report(yd, c, p, "unclosed quote: the cell opens with '\"' "
				"and does not end with one (a quoted cell cannot "
				"hold the separator '%c')", c->sep);
	else
		c->row_bad = 0;
	return n;
}

/* Cuts the next data line into at most max trimmed cells; the last cell
 * keeps any further separators. Returns the number of cells, 0 at the
 * end; c->row_cells is how many the line holds (possibly more than max),
 * and c->row_bad whether the line was reported (csv_shape). */
int csv_read_row(struct yaml_doc *yd, struct csv_read *c, char **cells, int max)
{
	char *p;
	int n = 0, i;

	if (!csv_next_line(c))
		return 0;
	c->row_cells = csv_shape(yd, c);
	for (p = c->row; p && n < max; n++) {
		cells[n] = p;
		p = n + 1 < max ? strchr(p, c->sep) : NULL;
		if (p)
			*p++ = '\0';
	}
	for (i = 0; i < n; i++)
		cells[i] = csv_trim(cells[i]);
	return n;
}

/* A cell as a number, as yaml_doc_text_number reads it; in a file separated by
 * ';' the decimal mark is a comma (as spreadsheets write it there) and a
 * point, which such a spreadsheet may use to group thousands, is refused
 * with -4 rather than guessed at. */
int csv_read_number(const struct csv_read *c, const char *cell, double *v)
{
	char buf[64], *comma;

	if (c->sep != ';')
		return yaml_doc_text_number(cell, v);
	if (strchr(cell, '.'))
		return -4;
	if (strlen(cell) >= sizeof buf)
		return -1;
	memcpy(buf, cell, strlen(cell) + 1);
	comma = strchr(buf, ',');
	if (comma)
		*comma = '.';
	return yaml_doc_text_number(buf, v);
}

/* Reports a cell that csv_read_number refused (rc) or whose value is out of
 * range (rc 0), at its own position. */
void csv_read_bad_cell(struct yaml_doc *yd, struct csv_read *c,
		       const char *cell,
		       int rc, const char *allowed)
{
	if (rc == -4)
		csv_read_report(yd, c, cell,
				"'%.60s' has a decimal point, but this "
				"file separates cells with ';', so its decimal mark "
				"is ','; must be %s", cell, allowed);
	else if (rc == -3 || rc == -2)
		csv_read_report(yd, c, cell, "'%.60s' %s; must be %s", cell,
				yaml_doc_number_fault(rc), allowed);
	else
		csv_read_report(yd, c, cell, "'%.60s' is not %s", cell,
				allowed);
}

int csv_read_cell(struct yaml_doc *yd, struct csv_read *c, const char *cell,
		  const struct yaml_doc_rule *r, double *v)
{
	int rc = csv_read_number(c, cell, v);

	if (rc == 0 && *v >= r->lo && *v <= r->hi &&
	    !(r->lo_open && *v == r->lo) && !(r->hi_open && *v == r->hi))
		return 1;
	csv_read_bad_cell(yd, c, cell, rc, r->allowed);
	return 0;
}
