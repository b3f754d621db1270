/* emit.c: JSON and CSV primitives shared by the writers (see emit.h). */
#include "results/emit.h"

#include <assert.h>
#include <math.h>
#include <string.h>

/* One character that JSON escapes. */
static void emit_json_escape(FILE *f, unsigned char c)
{
	switch (c) {
	case '"': fputs("\\\"", f); break;
	case '\\': fputs("\\\\", f); break;
	case '\b': fputs("\\b", f); break;
	case '\f': fputs("\\f", f); break;
	case '\n': fputs("\\n", f); break;
	case '\r': fputs("\\r", f); break;
	case '\t': fputs("\\t", f); break;
	default: fprintf(f, "\\u%04x", c);
	}
}

/* The escaped characters of s, without the quotes: each run that needs
 * no escape written at once. */
static void emit_json_string_body(FILE *f, const char *s)
{
	for (;;) {
		size_t n = 0;

		while ((unsigned char)s[n] >= 0x20 && s[n] != '"' && s[n] != '\\')
			n++;
		fwrite(s, 1, n, f);
		if (s[n] == '\0')
			return;
		emit_json_escape(f, (unsigned char)s[n]);
		s += n + 1;
	}
}

void emit_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	emit_json_string_body(f, s);
	fputc('"', f);
}

void emit_json_string_script(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char one[2] = { 0, 0 };

	fputc('"', f);
	for (; *p; p++) {
		if (*p == '<' || *p == '>' || *p == '&') {
			fprintf(f, "\\u%04x", *p);
		} else if (p[0] == 0xe2 && p[1] == 0x80
			   && (p[2] == 0xa8 || p[2] == 0xa9)) {
			fputs(p[2] == 0xa8 ? "\\u2028" : "\\u2029", f);
			p += 2;
		} else {
			/* the rest as emit_json_string escapes it, unquoted */
			one[0] = (char)*p;
			emit_json_string_body(f, one);
		}
	}
	fputc('"', f);
}

void emit_json_text(const struct emit_json *w, const char *s)
{
	if (w->script_safe)
		emit_json_string_script(w->f, s);
	else
		emit_json_string(w->f, s);
}

/* JSON has no NaN or infinity, so those are null. */
void emit_json_number(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.10g", x);
	else
		fputs("null", f);
}

void emit_json_next(struct emit_json *w)
{
	bool first = w->first[w->depth];

	w->first[w->depth] = false;
	if (w->compact) {
		fputs(first ? "" : ",", w->f);
		return;
	}
	if (w->flat[w->depth]) {
		fputs(first ? "" : ", ", w->f);
		return;
	}
	if (!first)
		fputc(',', w->f);
	fprintf(w->f, "\n%*s", 2 * w->depth, "");
}

void emit_json_key(struct emit_json *w, const char *key)
{
	emit_json_next(w);
	emit_json_text(w, key);
	fputs(w->compact ? ":" : ": ", w->f);
}

/* What opens inside a flat container is flat too: a line has no room for
 * the indents of a nested block. */
void emit_json_open(struct emit_json *w, char bracket)
{
	bool flat = w->flat[w->depth];

	assert(w->depth + 1 < EMIT_JSON_DEPTH_MAX);
	fputc(bracket, w->f);
	w->first[++w->depth] = true;
	w->flat[w->depth] = flat;
}

void emit_json_open_flat(struct emit_json *w, char bracket)
{
	emit_json_open(w, bracket);
	w->flat[w->depth] = true;
}

void emit_json_close(struct emit_json *w, char bracket)
{
	bool empty = w->first[w->depth], flat = w->flat[w->depth];

	w->depth--;
	assert(w->depth >= 0);
	if (!empty && !flat && !w->compact)
		fprintf(w->f, "\n%*s", 2 * w->depth, "");
	fputc(bracket, w->f);
}

void emit_json_key_number(struct emit_json *w, const char *key, double x)
{
	emit_json_key(w, key);
	emit_json_number(w->f, x);
}

void emit_json_key_string(struct emit_json *w, const char *key, const char *s)
{
	emit_json_key(w, key);
	emit_json_text(w, s);
}

void emit_json_key_string_or_null(struct emit_json *w, const char *key,
				  const char *s)
{
	emit_json_key(w, key);
	if (s != NULL)
		emit_json_text(w, s);
	else
		fputs("null", w->f);
}

void emit_json_key_bool(struct emit_json *w, const char *key, bool b)
{
	emit_json_key(w, key);
	fputs(b ? "true" : "false", w->f);
}

void emit_json_key_strings(struct emit_json *w, const char *key,
			   const char *const *items, size_t n)
{
	emit_json_key(w, key);
	emit_json_open(w, '[');
	for (size_t i = 0; i < n; i++) {
		emit_json_next(w);
		emit_json_text(w, items[i]);
	}
	emit_json_close(w, ']');
}

void emit_json_key_ci(struct emit_json *w, const char *key, const struct ci *c)
{
	emit_json_key_figure(w, key, c, FIGURE_CI_MEAN);
}

/* The member names of each kind of interval: the value, then its ends. */
static const char *const *emit_json_interval_keys(enum figure_interval kind)
{
	static const char *const ci_mean[3] = {"mean", "ci_low", "ci_high"};
	static const char *const pi_period[3] = {"mean", "pi_low", "pi_high"};
	static const char *const goal_share[3] = {"share", "ci_low", "ci_high"};

	switch (kind) {
	case FIGURE_PI_PERIOD:
		return pi_period;
	case FIGURE_GOAL_SHARE:
		return goal_share;
	case FIGURE_CI_MEAN:
		break;
	}
	assert(kind == FIGURE_CI_MEAN);
	return ci_mean;
}

void emit_json_key_figure(struct emit_json *w, const char *key,
			  const struct ci *c, enum figure_interval kind)
{
	const char *const *keys = emit_json_interval_keys(kind);

	emit_json_key(w, key);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, keys[0], c->mean);
	emit_json_key_number(w, keys[1], c->lo);
	emit_json_key_number(w, keys[2], c->hi);
	emit_json_close(w, '}');
}

void emit_csv_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void emit_csv_number(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.10g", x);
}

void emit_csv_key(FILE *f, const char *section, const char *name,
		  const char *metric)
{
	emit_csv_field(f, section);
	fputc(',', f);
	emit_csv_field(f, name);
	fputc(',', f);
	emit_csv_field(f, metric);
}

void emit_csv_interval(FILE *f, const struct ci *c)
{
	fputc(',', f);
	emit_csv_number(f, c->mean);
	fputc(',', f);
	emit_csv_number(f, c->lo);
	fputc(',', f);
	emit_csv_number(f, c->hi);
}

void emit_csv_ci(FILE *f, const struct ci *c)
{
	emit_csv_interval(f, c);
	fputc('\n', f);
}

void emit_csv_exact(FILE *f, double x)
{
	struct ci c = { .mean = x, .lo = x, .hi = x, .n = 1 };

	emit_csv_ci(f, &c);
}
