/* test_json_check.h: a strict recursive-descent check that text is one
 * JSON value, shared by the tests of the JSON writers: enough to catch a
 * missing comma, a stray NaN or a bad escape. */
#ifndef TESTS_RESULTS_TEST_JSON_CHECK_H
#define TESTS_RESULTS_TEST_JSON_CHECK_H

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Returns the end of the JSON value at p, or NULL when it is not JSON. */
static const char *json_value(const char *p);

static const char *json_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *json_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	for (; *p != '"'; p++) {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!isxdigit((unsigned char)p[i]))
						return NULL;
				p += 4;
			} else if (strchr("\"\\/bfnrt", *p) == NULL || *p == '\0') {
				return NULL;
			}
		}
	}
	return p + 1;
}

static const char *json_number(const char *p)
{
	char *end;

	if (!(*p == '-' || isdigit((unsigned char)*p)))
		return NULL;
	strtod(p, &end);
	return end == p ? NULL : end;
}

/* Members of an object (pairs) or elements of an array. */
static const char *json_items(const char *p, char close, bool pairs)
{
	p = json_ws(p);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (pairs) {
			p = json_string(json_ws(p));
			if (p == NULL || *(p = json_ws(p)) != ':')
				return NULL;
			p++;
		}
		p = json_value(p);
		if (p == NULL)
			return NULL;
		p = json_ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

static const char *json_value(const char *p)
{
	p = json_ws(p);
	if (*p == '{')
		return json_items(p + 1, '}', true);
	if (*p == '[')
		return json_items(p + 1, ']', false);
	if (*p == '"')
		return json_string(p);
	if (strncmp(p, "null", 4) == 0 || strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	return json_number(p);
}

static void assert_json(const char *text)
{
	const char *end = json_value(text);

	assert_non_null(end);
	assert_string_equal(json_ws(end), "");
}

#endif
