/* file_read.c: reading a whole input file of bounded size (file_read.h). */
#include "models/file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/mem.h"

/* Refuses what a path names before anything is read from it: only a
 * regular file no larger than max, or a pipe (standard input included), is
 * read. Opening a device can block or have effects of its own, and
 * /dev/zero would never end. Returns 0, or EISDIR, ENODEV (a device or a
 * socket), EFBIG, or the errno value of stat. */
static int read_check(const char *path, size_t max)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
		return ENODEV;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
		return EFBIG;
	return 0;
}

/* Reads fd to its end into buf (grown as needed), stopping with EFBIG as
 * soon as more than max bytes have come: a pipe has no size to check
 * first. Returns 0 with *n bytes in *buf, or an errno value. */
static int read_bounded(int fd, size_t max, char **buf, size_t *n)
{
	size_t cap = 0;
	char *grown;
	ssize_t got;

	*n = 0;
	for (;;) {
		if (*n == cap) {
			cap = cap ? (cap > max / 2 ? max + 1 : 2 * cap) : 4096;
			grown = mem_realloc(*buf, cap + 1);
			if (!grown)
				return ENOMEM;
			*buf = grown;
		}
		got = read(fd, *buf + *n, cap - *n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		if (got == 0)
			return 0;
		*n += (size_t)got;
		if (*n > max)
			return EFBIG;
	}
}

/* Reads a whole file of at most max bytes into a new NUL-terminated
 * buffer. Returns 0, or an errno value: read_check's, or EFBIG when a pipe
 * brings more than max bytes. */
int file_read_whole(const char *path, size_t max, char **text, size_t *len)
{
	char *buf = NULL;
	int e = read_check(path, max), fd;

	if (e)
		return e;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	e = read_bounded(fd, max, &buf, len);
	close(fd);
	if (e) {
		free(buf);
		return e;
	}
	buf[*len] = '\0';
	*text = buf;
	return 0;
}

/* Why file_read_whole refused, in words: "it is a directory", "it is larger
 * than 1048576 bytes, the most a profile CSV may be", or strerror's. */
const char *file_read_fail_text(int e, size_t max, const char *what,
				   char *buf, size_t size)
{
	if (e == EISDIR)
		return "it is a directory";
	if (e == ENODEV)
		return "it is a device or a socket, not a file";
	if (e != EFBIG)
		return strerror(e);
	snprintf(buf, size, "it is larger than %zu bytes, the most %s may be",
		 max, what);
	return buf;
}
