/* emit_yaml.h: YAML scalars that read back to exactly what was written —
 * a double-quoted string that a YAML reader returns byte for byte, and a
 * number with the fewest digits (from 10) that strtod reads back to the
 * same double, or, for a value the reader will scale (a volume kept in
 * calls a second and given in calls a day), back to the same product.
 * Used by check's writer (report_scenario.c), whose output must load back
 * to the same scenario, bit for bit. Nothing here fails: the writer
 * checks its stream once at the end. */
#ifndef RESULTS_EMIT_YAML_H
#define RESULTS_EMIT_YAML_H

#include <stdio.h>

/* A number as text, returned by value so several fit in one fprintf (a
 * temporary lives to the end of the full expression). */
struct emit_yaml_num {
	char s[32];
};

/* s (borrowed) double-quoted and escaped. */
void emit_yaml_string(FILE *f, const char *s);
/* The shortest text of x that reads back to x. */
struct emit_yaml_num emit_yaml_number(double x);
/* The shortest text, from 10 digits, of y that strtod reads back to a
 * number which, times scale, is exactly value: 1 and *n filled, else 0
 * (*n then holds y to 17 digits). */
int emit_yaml_exact(double y, double value, double scale,
		    struct emit_yaml_num *n);
/* As emit_yaml_exact, trying y0 (value over scale) and then its nearest
 * neighbours, since the number a reader multiplies by scale to get value
 * may lie a unit in the last place or two from y0. 0 when none near y0
 * gives value (it came from another unit). */
int emit_yaml_scaled(double value, double y0, double scale,
		     struct emit_yaml_num *n);

#endif
