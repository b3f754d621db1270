/* scenario_bytes.h: a scenario's bytes, the store the loader reads from.
 *
 * It holds the scenario file's bytes, parsed, and the bytes of every CSV
 * its own keys name, kept by the path they were opened at. The loader
 * asks scenario_bytes_csv for a CSV's bytes instead of opening the file,
 * so a sweep of a hundred points reads each file once, and the content
 * fingerprint of every point is taken from the bytes read. The store sits
 * below the loader's walk (scenario_load.c); the variants built from it
 * (scenario_doc.c) sit above. */
#ifndef MODELS_SCENARIO_BYTES_H
#define MODELS_SCENARIO_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "models/scenario.h"

/* One CSV file's bytes. */
struct scenario_bytes_csv {
	char *path;                  /* as opened */
	char *text;                  /* NUL-terminated */
	size_t len;
};

struct scenario_bytes {
	char *file;                  /* the scenario's name in messages */
	int from_file;               /* file is a path (not the name of text) */
	char dir[1024];              /* where relative CSV paths start */
	char *text;                  /* the scenario's bytes */
	size_t len;
	uint64_t text_fnv1a;         /* scenario_fnv1a of text */
	yaml_document_t doc;         /* its root a mapping */
	int n_nodes;
	struct scenario_bytes_csv *csv;
	size_t n_csv, cap_csv;
	int filling;                 /* a build is keeping the CSVs it reads */
	int one_build;               /* scenario_load's: its one build edits
					the document in place, uncopied */
};

/* Reads src's text (from its file unless it gives the text), of at most
 * SCENARIO_FILE_MAX bytes, and parses it: *out (free with
 * scenario_bytes_free), or an error (SIM_EIO, SIM_ESCENARIO for a syntax
 * error or a top level that is no mapping, SIM_ENOMEM) added to err. */
enum sim_status scenario_bytes_open(const struct scenario_source *src,
				    struct scenario_bytes **out,
				    struct sim_err *err);
void scenario_bytes_free(struct scenario_bytes *b);
/* The bytes of the CSV at path, of at most max bytes, in a new
 * NUL-terminated buffer *text (free it) of *len bytes: from b when b
 * holds them, else from the file (kept in b while b->filling). Returns 0
 * or file_read_whole's errno value. */
int scenario_bytes_csv(struct scenario_bytes *b, const char *path,
		       size_t max, char **text, size_t *len);

#endif
