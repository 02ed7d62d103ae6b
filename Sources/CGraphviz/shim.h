#ifndef INTERLOCK_CGRAPHVIZ_SHIM_H
#define INTERLOCK_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/// `Agdirected` is a mutable C global, which Swift 6 strict concurrency rejects; read it here.
static inline Agdesc_t interlock_agdirected(void) { return Agdirected; }

/// The default memory and I/O disciplines (mutable C globals too), for a custom `Agdisc_t`.
static inline Agmemdisc_t *interlock_agmemdisc(void) { return &AgMemDisc; }
static inline Agiodisc_t *interlock_agiodisc(void) { return &AgIoDisc; }

// MARK: - Layout in a child process
//
// The child writes frames to a pipe: a tag byte, a 4-byte length in host order, the payload.
// 'm': a piece of a Graphviz message, as the error callback receives it;
// 'l': the layout's status and error level (two int32_t);
// 'r': the rendering's status and error level (two int32_t);
// 'd': the rendered bytes.
// The child runs only this C code (and the cgraph disciplines the graph was opened with) and
// ends with _exit: no atexit handlers, no cleanup of the graph, no Swift error callback.

int pipe2(int pipefd[2], int flags);

/// The pipe the child writes to; set in the child only, right after fork.
static int interlock_child_fd = -1;

static inline void interlock_child_write(const void *bytes, size_t count) {
    const char *next = (const char *)bytes;
    while (count > 0) {
        ssize_t written = write(interlock_child_fd, next, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            _exit(3);  // the parent is gone or the pipe broke: nobody to report to
        }
        next += written;
        count -= (size_t)written;
    }
}

static inline void interlock_child_frame(char tag, const void *bytes, uint32_t count) {
    interlock_child_write(&tag, 1);
    interlock_child_write(&count, sizeof count);
    interlock_child_write(bytes, count);
}

static inline void interlock_child_status(char tag, int status) {
    int32_t values[2] = {status, agreseterrors()};
    interlock_child_frame(tag, values, sizeof values);
}

static inline int interlock_child_message(char *piece) {
    interlock_child_frame('m', piece, (uint32_t)strlen(piece));
    return 0;
}

/// Forks a child that lays out `graph` with `engine`, renders it as `format` and writes the
/// frames above to the pipe whose read end is stored in `read_end`. Returns the child's pid,
/// or -1 with errno set when no pipe or process could be made.
static inline pid_t interlock_layout_in_child(
    GVC_t *context, Agraph_t *graph, const char *engine, const char *format, int *read_end) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(fds[0]);
        close(fds[1]);
        errno = saved;
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        interlock_child_fd = fds[1];
        agseterrf(interlock_child_message);
        int status = gvLayout(context, graph, engine);
        interlock_child_status('l', status);
        if (status == 0) {
            char *data = NULL;
            unsigned int length = 0;
            status = gvRenderData(context, graph, format, &data, &length);
            interlock_child_status('r', status);
            if (status == 0 && data != NULL) interlock_child_frame('d', data, length);
        }
        _exit(0);
    }
    close(fds[1]);
    *read_end = fds[0];
    return pid;
}
#endif
