/* A failing disk for the tests of faults.rs, preloaded (LD_PRELOAD) into a test process.
 *
 * Reads, writes and flushes of files whose path holds IOFAULT_MATCH fail while a switch
 * file exists in the folder IOFAULT_CTL:
 *   write  writes fail with EIO        fsync  flushes fail with EIO
 *   read   reads fail with EIO         rofs   writes, and opening for writing, fail
 *                                             with EROFS (a disk turned read-only)
 * The test turns a fault on and off by creating and removing the switch file, so the
 * fault starts at an exact step of the scenario. Files elsewhere are never touched.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int switched_on(const char *what) {
    const char *ctl = getenv("IOFAULT_CTL");
    if (!ctl) return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ctl, what);
    struct stat st;
    return stat(path, &st) == 0;
}

static int path_matches(const char *path) {
    const char *match = getenv("IOFAULT_MATCH");
    return match && *match && path && strstr(path, match) != NULL;
}

static int fd_matches(int fd) {
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n < 0) return 0;
    path[n] = 0;
    return path_matches(path);
}

/* The errno a write to `fd` fails with now, or 0. */
static int write_fault(int fd) {
    if (!fd_matches(fd)) return 0;
    if (switched_on("rofs")) return EROFS;
    if (switched_on("write")) return EIO;
    return 0;
}

static int read_fault(int fd) {
    return fd_matches(fd) && switched_on("read") ? EIO : 0;
}

#define REAL(name) static __typeof__(name) *real_##name; \
    if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

#define FAIL_IF(err) do { int e_ = (err); if (e_) { errno = e_; return -1; } } while (0)

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    FAIL_IF(write_fault(fd));
    return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite);
    FAIL_IF(write_fault(fd));
    return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off) {
    REAL(pwrite64);
    FAIL_IF(write_fault(fd));
    return real_pwrite64(fd, buf, n, off);
}

ssize_t read(int fd, void *buf, size_t n) {
    REAL(read);
    FAIL_IF(read_fault(fd));
    return real_read(fd, buf, n);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off) {
    REAL(pread);
    FAIL_IF(read_fault(fd));
    return real_pread(fd, buf, n, off);
}

ssize_t pread64(int fd, void *buf, size_t n, off64_t off) {
    REAL(pread64);
    FAIL_IF(read_fault(fd));
    return real_pread64(fd, buf, n, off);
}

int fsync(int fd) {
    REAL(fsync);
    FAIL_IF(write_fault(fd));
    FAIL_IF(fd_matches(fd) && switched_on("fsync") ? EIO : 0);
    return real_fsync(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    FAIL_IF(write_fault(fd));
    FAIL_IF(fd_matches(fd) && switched_on("fsync") ? EIO : 0);
    return real_fdatasync(fd);
}

static int open_fault(const char *path, int flags) {
    int writing = (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
    return writing && path_matches(path) && switched_on("rofs") ? EROFS : 0;
}

#define OPEN_MODE(flags, mode) mode_t mode = 0; \
    if ((flags) & (O_CREAT | O_TMPFILE)) { va_list ap; va_start(ap, flags); \
        mode = (mode_t)va_arg(ap, int); va_end(ap); }

int open(const char *path, int flags, ...) {
    REAL(open);
    OPEN_MODE(flags, mode);
    FAIL_IF(open_fault(path, flags));
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    REAL(open64);
    OPEN_MODE(flags, mode);
    FAIL_IF(open_fault(path, flags));
    return real_open64(path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...) {
    REAL(openat);
    OPEN_MODE(flags, mode);
    FAIL_IF(open_fault(path, flags));
    return real_openat(dir, path, flags, mode);
}

int openat64(int dir, const char *path, int flags, ...) {
    REAL(openat64);
    OPEN_MODE(flags, mode);
    FAIL_IF(open_fault(path, flags));
    return real_openat64(dir, path, flags, mode);
}
