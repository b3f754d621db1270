/* file_read.h: reads a whole input file (a scenario, a CSV) of bounded
 * size. Only a regular file no larger than the bound, or a pipe (standard
 * input included), is read: a directory or a device is refused before it
 * is opened, since opening a device can block or have effects of its own,
 * and /dev/zero would never end. */
#ifndef MODELS_FILE_READ_H
#define MODELS_FILE_READ_H

#include <stddef.h>

/* Reads the file at path, of at most max bytes, into a new NUL-terminated
 * buffer *text (free it) of *len bytes. Returns 0, or an errno value:
 * EISDIR, ENODEV (a device or a socket), EFBIG (larger than max; a pipe as
 * soon as it brings more), ENOMEM, or open's or read's. */
int file_read_whole(const char *path, size_t max, char **text, size_t *len);
/* Why file_read_whole refused, in words: "it is a directory", "it is
 * larger than 1048576 bytes, the most a profile CSV may be" (what names
 * the kind), or strerror's. buf holds the text when one is built. */
const char *file_read_fail_text(int e, size_t max, const char *what,
				char *buf, size_t size);

#endif
