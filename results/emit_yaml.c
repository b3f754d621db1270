/* emit_yaml.c: YAML scalars that read back exactly (emit_yaml.h). */
#include "results/emit_yaml.h"

#include <math.h>
#include <stdlib.h>

/* Quotes, backslashes and control characters escaped, other bytes
 * (UTF-8) unchanged, except those a YAML reader would refuse raw (DEL and
 * the C1 controls) or fold into a space inside quotes (NEL, U+2028,
 * U+2029), which are escaped too, so the text reads back to the same
 * name; always quoted, since names such as "999" would otherwise read as
 * numbers. */
void emit_yaml_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++p);
		else if (p[0] == 0xe2 && p[1] == 0x80 &&
			 (p[2] == 0xa8 || p[2] == 0xa9)) {
			fputs(p[2] == 0xa8 ? "\\u2028" : "\\u2029", f);
			p += 2;
		} else
			fputc(*p, f);
	}
	fputc('"', f);
}

int emit_yaml_exact(double y, double value, double scale,
		    struct emit_yaml_num *n)
{
	for (int digits = 10; digits <= 17; digits++) {
		snprintf(n->s, sizeof n->s, "%.*g", digits, y);
		if (strtod(n->s, NULL) * scale == value)
			return 1;
	}
	return 0;
}

struct emit_yaml_num emit_yaml_number(double x)
{
	struct emit_yaml_num n;

	emit_yaml_exact(x, x, 1, &n);
	return n;
}

/* (Hours need no such search: seconds a reader got by multiplying hours
 * by 3600, divided by 3600 again, multiply back to the same seconds;
 * tests/cli/check.py checks it.) */
int emit_yaml_scaled(double value, double y0, double scale,
		     struct emit_yaml_num *n)
{
	double up = y0, down = y0;

	if (emit_yaml_exact(y0, value, scale, n))
		return 1;
	for (int k = 0; k < 4; k++) {
		up = nextafter(up, INFINITY);
		down = nextafter(down, -INFINITY);
		if (emit_yaml_exact(up, value, scale, n) ||
		    emit_yaml_exact(down, value, scale, n))
			return 1;
	}
	return 0;
}
