/* sim_err.h: status codes and the caller-owned error record every library
 * function fills instead of printing.
 *
 * Convention: a function that can fail returns enum sim_status and, on
 * failure, appends one line per problem to a struct sim_err the caller owns.
 * Only the command-line layer prints the lines or exits. A scenario with
 * several problems yields several lines, in the order they were found. */
#ifndef SIM_SIM_ERR_H
#define SIM_SIM_ERR_H

#include <stddef.h>

enum sim_status {
	SIM_OK = 0,
	SIM_ENOMEM,     /* an allocation failed */
	SIM_EINVAL,     /* a value is outside what a function accepts */
	SIM_ESCENARIO,  /* the scenario (file, CSV or --set) is invalid */
	SIM_EIO,        /* a file could not be read or written */
	SIM_ERUNTIME    /* a run failed for a reason other than its input */
};

/* Room for about forty problem lines. Lines are kept whole: the first
 * line that does not fit, and every line after it, is dropped and counted,
 * so the text is always the first n_kept problems, each complete. */
#define SIM_ERR_CAP 8192

struct sim_err {
	enum sim_status status;  /* the first failure recorded, SIM_OK if none */
	int n_lines;             /* problem lines recorded, dropped ones included */
	int n_kept;              /* lines held in text; n_lines - n_kept dropped */
	size_t len;              /* bytes used in text */
	char text[SIM_ERR_CAP];  /* lines, each ending in '\n' */
};

void sim_err_clear(struct sim_err *err);
enum sim_status sim_err_add(struct sim_err *err, enum sim_status status,
			    const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int sim_err_failed(const struct sim_err *err);

#endif
