/* scenario_bytes.c: a scenario file's bytes, parsed, and the bytes of the
 * CSVs it names, each read once (scenario_bytes.h). */
#include "models/scenario_bytes.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/file_read.h"
#include "models/yaml_doc.h"
#include "sim/mem.h"

/* A new copy of n bytes at p, NUL-terminated; NULL when out of memory. */
static char *bytes_dup(const char *p, size_t n)
{
	char *s = mem_malloc(n + 1);

	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

/* The directory of path, where relative CSV paths start ("" = cwd). */
static void bytes_dir(struct scenario_bytes *d, const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	size_t n = slash ? (size_t)(slash - path) : 0;

	if (slash && n == 0)
		n = 1;               /* a file in "/" */
	if (n >= sizeof d->dir)
		n = sizeof d->dir - 1;
	memcpy(d->dir, path ? path : "", n);
	d->dir[n] = '\0';
}

/* Reads the scenario text (from the file unless text is given), of at
 * most SCENARIO_FILE_MAX bytes, into d->text. */
static enum sim_status bytes_read_text(struct scenario_bytes *d,
				     const struct scenario_source *src,
				     struct sim_err *err)
{
	char why[128];
	int e = 0;

	if (src->text && src->text_len > SCENARIO_FILE_MAX)
		e = EFBIG;
	else if (!src->text)
		e = file_read_whole(src->path, SCENARIO_FILE_MAX, &d->text,
				    &d->len);
	else if (!(d->text = bytes_dup(src->text, src->text_len)))
		e = ENOMEM;
	d->len = src->text ? src->text_len : d->len;
	if (e == ENOMEM) {
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while "
			    "reading the scenario", d->file);
		return SIM_ENOMEM;
	}
	if (e == 0)
		return SIM_OK;
	sim_err_add(err, SIM_EIO, "%s: cannot read the scenario (%s); give "
		    "the path of a YAML scenario file", d->file,
		    file_read_fail_text(e, SCENARIO_FILE_MAX, "a scenario", why,
					sizeof why));
	return SIM_EIO;
}

/* Reports, through yd, a top level that is not a mapping; 1 when it is. */
static int bytes_root_ok(struct yaml_doc *yd)
{
	const yaml_node_t *root = yaml_document_get_root_node(yd->doc);
	char where[YAML_DOC_WHERE_MAX], buf[96];

	snprintf(where, sizeof where, "%s:%lu:%lu", yd->file,
		 root ? (unsigned long)root->start_mark.line + 1 : 1ul,
		 root ? (unsigned long)root->start_mark.column + 1 : 1ul);
	if (!root)
		yaml_doc_report(yd, where, "(top level)", "the file is empty; "
				"a scenario is a mapping with keys name, run, "
				"lines, pools");
	else if (root->type != YAML_MAPPING_NODE)
		yaml_doc_report(yd, where, "(top level)", "got %s; must be a "
				"mapping with keys name, run, lines, pools",
				yaml_doc_describe(root, buf, sizeof buf));
	return root && root->type == YAML_MAPPING_NODE;
}

/* Parses d->text; reports a syntax error, an empty file or a top level
 * that is not a mapping. Returns 1 when there is a mapping to walk, and
 * sets *parsed when d->doc is to be deleted. */
static int bytes_parse(struct scenario_bytes *d, struct sim_err *err, int *oom,
		     int *parsed)
{
	struct yaml_doc yd = {.file = d->file, .doc = &d->doc, .err = err};
	struct yaml_doc_fail f;
	char where[YAML_DOC_WHERE_MAX];

	*parsed = yaml_doc_parse(d->text, d->len, &d->doc, &f);
	if (!*parsed) {
		*oom = f.oom;
		snprintf(where, sizeof where, "%s:%d:%d", d->file, f.line,
			 f.col);
		yaml_doc_report(&yd, where, NULL, "%s%s", f.what, f.too_deep ?
				"" : "; a scenario is one valid YAML document");
		return 0;
	}
	d->n_nodes = (int)(d->doc.nodes.top - d->doc.nodes.start);
	return bytes_root_ok(&yd);
}

/* A new doc with src's name and directory, or NULL. */
static struct scenario_bytes *bytes_new(const struct scenario_source *src)
{
	struct scenario_bytes *d = mem_calloc(1, sizeof *d);
	const char *name = src->path ? src->path : "<text>";

	if (!d)
		return NULL;
	d->file = bytes_dup(name, strlen(name));
	d->from_file = !src->text && src->path;
	bytes_dir(d, src->path);
	if (!d->file) {
		free(d);
		return NULL;
	}
	return d;
}

enum sim_status scenario_bytes_open(const struct scenario_source *src,
				  struct scenario_bytes **out,
				  struct sim_err *err)
{
	struct scenario_bytes *d;
	enum sim_status st;
	int oom = 0, parsed = 0;

	assert(src && out && err && (src->path || src->text));
	*out = NULL;
	if (!(d = bytes_new(src))) {
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while reading "
			    "the scenario", src->path ? src->path : "<text>");
		return SIM_ENOMEM;
	}
	st = bytes_read_text(d, src, err);
	if (st == SIM_OK && bytes_parse(d, err, &oom, &parsed)) {
		d->text_fnv1a = scenario_fnv1a(SCENARIO_FNV1A_INIT, d->text,
					       d->len);
		*out = d;
		return SIM_OK;
	}
	if (oom)
		sim_err_add(err, SIM_ENOMEM, "%s: out of memory while loading "
			    "the scenario", d->file);
	if (parsed)
		yaml_document_delete(&d->doc);
	d->n_nodes = -1;             /* nothing left to delete */
	scenario_bytes_free(d);
	return st != SIM_OK ? st : oom ? SIM_ENOMEM : SIM_ESCENARIO;
}

void scenario_bytes_free(struct scenario_bytes *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n_csv; i++) {
		free(d->csv[i].path);
		free(d->csv[i].text);
	}
	free(d->csv);
	if (d->n_nodes >= 0 && d->text && d->doc.nodes.start)
		yaml_document_delete(&d->doc);
	free(d->text);
	free(d->file);
	free(d);
}

/* Keeps a copy of the n bytes of the CSV at path in d; a failure only
 * means the file is read again next time. */
static void bytes_keep_csv(struct scenario_bytes *d, const char *path,
			 const char *text, size_t n)
{
	struct scenario_bytes_csv *grown, c;

	if (d->n_csv == d->cap_csv) {
		grown = mem_realloc(d->csv, (d->cap_csv ? 2 * d->cap_csv : 4) *
				    sizeof *grown);
		if (!grown)
			return;
		d->csv = grown;
		d->cap_csv = d->cap_csv ? 2 * d->cap_csv : 4;
	}
	c.path = bytes_dup(path, strlen(path));
	c.text = bytes_dup(text, n);
	c.len = n;
	if (c.path && c.text)
		d->csv[d->n_csv++] = c;
	else {
		free(c.path);
		free(c.text);
	}
}

int scenario_bytes_csv(struct scenario_bytes *d, const char *path, size_t max,
		     char **text, size_t *len)
{
	size_t i;
	int e;

	for (i = 0; i < d->n_csv; i++)
		if (strcmp(d->csv[i].path, path) == 0) {
			if (d->csv[i].len > max)
				return EFBIG;
			*text = bytes_dup(d->csv[i].text, d->csv[i].len);
			*len = d->csv[i].len;
			return *text ? 0 : ENOMEM;
		}
	e = file_read_whole(path, max, text, len);
	if (e == 0 && d->filling)
		bytes_keep_csv(d, path, *text, *len);
	return e;
}
