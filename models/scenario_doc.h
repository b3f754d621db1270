/* scenario_doc.h: what a scenario_doc holds (scenario.h declares it
 * opaque), for the loader that builds scenarios from it.
 *
 * A doc is the scenario file's bytes, parsed, and the bytes of every CSV
 * its own keys name, kept by the path they were opened at. The loader
 * asks scenario_doc_csv for a CSV's bytes instead of opening the file, so
 * a sweep of a hundred points reads each file once, and the content
 * fingerprint of every point is taken from the bytes read. */
#ifndef MODELS_SCENARIO_DOC_H
#define MODELS_SCENARIO_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "models/scenario.h"

/* One CSV file's bytes. */
struct scenario_doc_csv {
	char *path;                  /* as opened */
	char *text;                  /* NUL-terminated */
	size_t len;
};

struct scenario_doc {
	char *file;                  /* the scenario's name in messages */
	int from_file;               /* file is a path (not the name of text) */
	char dir[1024];              /* where relative CSV paths start */
	char *text;                  /* the scenario's bytes */
	size_t len;
	uint64_t text_fnv1a;         /* scenario_fnv1a of text */
	yaml_document_t doc;         /* its root a mapping */
	int n_nodes;
	struct scenario_doc_csv *csv;
	size_t n_csv, cap_csv;
	int filling;                 /* scenario_doc_read is keeping the CSVs
					a build reads */
	int one_build;               /* scenario_load's: its one build edits
					the document in place, uncopied */
};

/* Reads and parses src as scenario_doc_read does, without reading the
 * CSVs ahead: for a caller that builds once. */
enum sim_status scenario_doc_open(const struct scenario_source *src,
				  struct scenario_doc **out,
				  struct sim_err *err);
/* The bytes of the CSV at path, of at most max bytes, in a new
 * NUL-terminated buffer *text (free it) of *len bytes: from d when d
 * holds them, else from the file (kept in d while d->filling). Returns 0
 * or file_read_whole's errno value. */
int scenario_doc_csv(struct scenario_doc *d, const char *path, size_t max,
		     char **text, size_t *len);

/* scenario_doc_build's work, done by the loader (scenario_load.c). */
enum sim_status scenario_load_doc(const struct scenario_doc *d,
				  const struct scenario_edit *edits,
				  size_t n_edits, struct sim_err *warnings,
				  struct scenario **out, struct sim_err *err);

#endif
