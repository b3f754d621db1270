/* fit_incidents.c: grades, areas, units and each line's grade mix fitted
 * from an incident log (fit_incidents.h). */
#include "models/fit_incidents.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

/* An answered call: its id and line, for linking incidents to lines. */
struct fit_incidents_call {
	long long id;
	int line;
};

static int fit_incidents_by_id(const void *a, const void *b)
{
	const struct fit_incidents_call *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The answered calls of cl with an id, sorted by id, and each line's
 * answered calls in fi. Returns the array (free it) and its length in
 * *n; NULL out of memory. */
static struct fit_incidents_call *fit_incidents_calls(const struct call_log *cl,
						      struct fit_incidents *fi,
						      size_t *n)
{
	struct fit_incidents_call *c = mem_malloc((cl->n ? cl->n : 1)
						  * sizeof *c);

	*n = 0;
	if (!c)
		return NULL;
	for (size_t i = 0; i < cl->n; i++) {
		const struct call_log_row *r = &cl->rows[i];

		if (r->outcome != CALL_LOG_WAS_ANSWERED)
			continue;
		/* A duplicate creates no incident: the mix is per first
		 * report, as a scenario's incidents are (models/duplicate.h). */
		fi->line_answered[r->line] += r->duplicate != 1;
		if (r->id >= 0)
			c[(*n)++] = (struct fit_incidents_call){ r->id, r->line };
	}
	qsort(c, *n, sizeof *c, fit_incidents_by_id);
	return c;
}

/* The line of incident r's call, or -1 when it is not linked. */
static int fit_incidents_line(const struct incident_log_row *r,
			      const struct fit_incidents_call *calls, size_t n,
			      int only_line)
{
	struct fit_incidents_call key = { r->call_id, 0 }, *hit;

	if (only_line >= 0)
		return only_line;
	if (r->call_id < 0 || n == 0)
		return -1;
	hit = bsearch(&key, calls, n, sizeof *calls, fit_incidents_by_id);
	return hit ? hit->line : -1;
}

/* Counts the grade mix of each line (fi->line_grade, by log grade). */
static enum sim_status fit_incidents_link(const struct incident_log *il,
					  const struct call_log *cl,
					  struct fit_incidents *fi,
					  struct sim_err *err)
{
	size_t n;
	struct fit_incidents_call *calls = fit_incidents_calls(cl, fi, &n);
	int ids = il->has[INCIDENT_LOG_CALL_ID] && cl->has[CALL_LOG_CALL_ID];
	int only = !ids && cl->n_lines == 1 ? 0 : -1;

	if (!calls)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	fi->linked = ids || only == 0;
	for (size_t i = 0; fi->linked && i < il->n; i++) {
		int l = fit_incidents_line(&il->rows[i], calls, n, only);

		if (l < 0) {
			fi->n_unlinked++;
			continue;
		}
		fi->n_linked++;
		fi->line_grade[l][il->rows[i].grade]++;
	}
	free(calls);
	return SIM_OK;
}

/* Areas, neighbours, units and the grades each role attends (by log
 * grade; reordered later). */
static void fit_incidents_count(const struct incident_log *il,
				struct fit_incidents *fi)
{
	for (size_t i = 0; i < il->n; i++) {
		const struct incident_log_row *r = &il->rows[i];

		if (r->area >= 0)
			fi->area_n[r->area]++;
		if (r->unit_area < 0)
			continue;
		if (r->area >= 0 && r->area != r->unit_area)
			fi->border[r->area][r->unit_area]++;
		if (r->unit_n > fi->units[r->unit_area][r->unit_role])
			fi->units[r->unit_area][r->unit_role] = r->unit_n;
		fi->attends[r->unit_role] |= 1u << r->grade;
	}
}

/* The delay, travel and on-scene samples of log grade g, into the three
 * arrays (each of il->n), and the mean attendance. */
static void fit_incidents_samples(const struct incident_log *il, int g,
				  double *s[3], size_t n[3],
				  struct fit_incident_grade *fg)
{
	double attend = 0;
	size_t n_att = 0;

	n[0] = n[1] = n[2] = 0;
	for (size_t i = 0; i < il->n; i++) {
		const struct incident_log_row *r = &il->rows[i];
		int own = r->unit_area < 0 || r->area < 0
			  || r->unit_area == r->area;

		if (r->grade != g)
			continue;
		fg->n++;
		if (!isnan(r->arrived)) {
			attend += r->arrived - r->created;
			n_att++;
		}
		if (r->preempted)
			continue;
		if (!isnan(r->dispatched))
			s[0][n[0]++] = r->dispatched - r->created;
		if (!isnan(r->dispatched) && !isnan(r->arrived) && own)
			s[1][n[1]++] = r->arrived - r->dispatched;
		if (!isnan(r->arrived) && !isnan(r->cleared))
			s[2][n[2]++] = r->cleared - r->arrived;
	}
	fg->mean_attend_s = n_att ? attend / (double)n_att : NAN;
}

/* Fits the three durations of every grade, in the log's order. */
static enum sim_status fit_incidents_grades(const struct incident_log *il,
					    struct fit_incidents *fi,
					    struct sim_err *err)
{
	size_t m = il->n ? il->n : 1, n[3];
	double *s[3] = { mem_malloc(m * sizeof(double)),
			 mem_malloc(m * sizeof(double)),
			 mem_malloc(m * sizeof(double)) };
	enum sim_status st = SIM_OK;

	if (!s[0] || !s[1] || !s[2])
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (int g = 0; st == SIM_OK && g < il->n_grades; g++) {
		struct fit_incident_grade *fg = &fi->grades[g];

		fg->src = g;
		fit_incidents_samples(il, g, s, n, fg);
		st = fit_calls_duration(s[0], n[0], &fg->delay, err);
		if (st == SIM_OK)
			st = fit_calls_duration(s[1], n[1], &fg->travel, err);
		if (st == SIM_OK)
			st = fit_calls_duration(s[2], n[2], &fg->on_scene, err);
	}
	for (int i = 0; i < 3; i++)
		free(s[i]);
	return st;
}

static int fit_incidents_by_attend(const void *a, const void *b)
{
	const struct fit_incident_grade *x = a, *y = b;
	double u = isnan(x->mean_attend_s) ? INFINITY : x->mean_attend_s;
	double v = isnan(y->mean_attend_s) ? INFINITY : y->mean_attend_s;

	if (u != v)
		return (u > v) - (u < v);
	return (x->src > y->src) - (x->src < y->src);
}

/* Orders the grades quickest attended first, and the roles' grade bits
 * with them. */
static void fit_incidents_order(struct fit_incidents *fi)
{
	int pos[INCIDENT_LOG_GRADES_MAX];

	qsort(fi->grades, (size_t)fi->n_grades, sizeof *fi->grades,
	      fit_incidents_by_attend);
	for (int g = 0; g < fi->n_grades; g++)
		pos[fi->grades[g].src] = g;
	for (int r = 0; r < fi->n_roles; r++) {
		unsigned bits = 0;

		for (int g = 0; g < fi->n_grades; g++)
			if (fi->attends[r] & (1u << g))
				bits |= 1u << pos[g];
		fi->attends[r] = bits;
	}
}

enum sim_status fit_incidents_estimate(const struct incident_log *il,
				       const struct call_log *cl,
				       struct fit_incidents *fi,
				       struct sim_err *err)
{
	enum sim_status st;

	memset(fi, 0, sizeof *fi);
	if (il->n == 0)
		return sim_err_add(err, SIM_EINVAL, "the incident log holds no "
				   "incident to fit");
	fi->n = il->n;
	fi->n_grades = il->n_grades;
	fi->n_areas = il->n_areas;
	fi->n_roles = il->n_roles;
	fit_incidents_count(il, fi);
	st = fit_incidents_link(il, cl, fi, err);
	if (st == SIM_OK)
		st = fit_incidents_grades(il, fi, err);
	if (st == SIM_OK)
		fit_incidents_order(fi);
	return st;
}
