/* duplicate.c: duplicate calls and the outcome of each answered call
 * (duplicate.h). */
#include "models/duplicate.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "sim/mem.h"

bool duplicate_wanted(const struct scenario *sc)
{
	for (size_t l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].duplicate > 0)
			return true;
	return false;
}

/* Grades, "none", and "duplicate" only when the share is above 0: a line
 * without duplicates keeps the table (and the draws) it had before. */
gsl_ran_discrete_t *duplicate_mix(const struct scenario *sc, size_t l)
{
	const struct line_spec *spec = &sc->lines[l];
	double p[RESPONSE_GRADES_MAX + DUPLICATE_OUTCOMES];
	double first = 1.0 - spec->duplicate;   /* first reports */
	double rest = 1.0;
	size_t n = sc->n_grades;

	assert(n <= RESPONSE_GRADES_MAX);
	for (size_t g = 0; g < n; g++) {
		p[g] = spec->incident_p[g];
		rest -= p[g];
	}
	p[n] = rest > 0 ? rest : 0;
	if (spec->duplicate > 0) {
		for (size_t k = 0; k <= n; k++)
			p[k] *= first;
		p[n + DUPLICATE_CALL] = spec->duplicate;
		return gsl_ran_discrete_preproc(n + DUPLICATE_OUTCOMES, p);
	}
	return gsl_ran_discrete_preproc(n + 1, p);
}

struct duplicate *duplicate_new(const struct scenario *sc)
{
	size_t stride = sc->n_grades + DUPLICATE_OUTCOMES;
	struct duplicate *d = mem_calloc(1, sizeof *d + sc->n_lines * stride *
					 sizeof d->count[0]);

	if (!d)
		return NULL;
	d->stride = stride;
	d->n_lines = sc->n_lines;
	d->n_grades = sc->n_grades;
	return d;
}

void duplicate_free(struct duplicate *d)
{
	free(d);
}

void duplicate_figures(const struct duplicate *d,
		       struct replication_result *out)
{
	for (size_t l = 0; l < d->n_lines; l++) {
		const double *c = &d->count[l * d->stride];
		double *f = replication_line_at(out, l);
		double created = 0;

		for (size_t g = 0; g < d->n_grades; g++)
			created += c[g];
		double answered = created + c[d->n_grades + DUPLICATE_NONE] +
				  c[d->n_grades + DUPLICATE_CALL];
		f[CC_INCIDENTS_CREATED] = created;
		f[CC_DUPLICATES] = c[d->n_grades + DUPLICATE_CALL];
		f[CC_RESOLVED] = c[d->n_grades + DUPLICATE_NONE];
		f[CC_CALLS_PER_INCIDENT] = created > 0 ? answered / created
						       : NAN;
	}
}
