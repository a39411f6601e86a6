/*
 * CEditLine: the slice of libedit that minsheng uses, made callable from Swift.
 *
 * Swift cannot call C variadic functions (el_set, el_get, history), so every
 * call the reader needs has a fixed-signature wrapper here. glibc's stdin,
 * stdout and stderr are mutable globals that Swift 6 concurrency checking
 * rejects, so they come through getters. wcwidth is not exported by Swift's
 * Glibc module, so it is wrapped too.
 *
 * The wrappers keep no state. The one exception is Ctrl-C: the SIGINT flag and
 * the pipe the handler writes to (its watcher thread reads it), which a signal
 * handler has to reach somehow: they live in function-local statics. Because
 * these functions are `static inline`, each Swift object file that uses them
 * gets its own copy of those statics, so only Interrupts.swift may call the
 * minsheng_sigint_* functions; everyone else asks it.
 */
#ifndef MINSHENG_CEDITLINE_SHIM_H
#define MINSHENG_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>

/* Callback shapes, named so Swift sees plain @convention(c) function types. */
typedef char *(*minsheng_prompt_fn)(EditLine *);
typedef unsigned char (*minsheng_command_fn)(EditLine *, int);
typedef int (*minsheng_getc_fn)(EditLine *, wchar_t *);

/* ---- Standard streams ---------------------------------------------------- */

static inline FILE *minsheng_stdin(void) { return stdin; }
static inline FILE *minsheng_stdout(void) { return stdout; }
static inline FILE *minsheng_stderr(void) { return stderr; }

/* ---- Locale and character width ------------------------------------------ */

/*
 * Adopts the user's locale and makes sure the character type is UTF-8.
 * Without a UTF-8 LC_CTYPE libedit silently drops every CJK byte, and with
 * LANG unset (CI, cron, containers) the user's locale is plain "C".
 * Returns 1 when LC_CTYPE ends up UTF-8, 0 otherwise.
 */
static inline int minsheng_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && strcmp(codeset, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
        setlocale(LC_CTYPE, "en_US.UTF-8") == NULL) return 0;
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

/* Display columns of one character: 2 for CJK, 0 for combining, -1 if unprintable. */
static inline int minsheng_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- SIGINT ---------------------------------------------------------------- */

static inline volatile sig_atomic_t *minsheng_sigint_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

/* The self-pipe: [0] is read by the watcher thread, [1] written by the handler. */
static inline int *minsheng_sigint_pipe(void) {
    static int fds[2] = {-1, -1};
    return fds;
}

/* Only async-signal-safe calls: a flag, and one byte down a non-blocking pipe. */
static inline void minsheng_sigint_handler(int signo) {
    (void)signo;
    *minsheng_sigint_flag() = 1;
    int fd = minsheng_sigint_pipe()[1];
    if (fd >= 0) {
        int saved = errno;
        ssize_t ignored = write(fd, "!", 1);
        (void)ignored;
        errno = saved;
    }
}

/*
 * Installs a SIGINT handler that only raises a flag and writes to the pipe. It is
 * installed without SA_RESTART on purpose: the blocked read() inside el_gets must
 * fail with EINTR so that el_gets returns and the line can be discarded. Without
 * any handler, libedit re-raises SIGINT and the default action kills the shell.
 * The pipe is made first, so the handler always finds it. Returns 0 on success.
 */
static inline int minsheng_sigint_install(void) {
    int *fds = minsheng_sigint_pipe();
    if (fds[0] < 0) {
        int p[2];
        if (pipe(p) != 0) return -1;
        fcntl(p[0], F_SETFD, FD_CLOEXEC);
        fcntl(p[1], F_SETFD, FD_CLOEXEC);
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        fds[0] = p[0];
        fds[1] = p[1];
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = minsheng_sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}

/* Blocks the calling thread until Ctrl-C; returns how many presses were waiting, -1 on failure. */
static inline int minsheng_sigint_wait(void) {
    int fd = minsheng_sigint_pipe()[0];
    if (fd < 0) return -1;
    char buf[64];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) return (int)n;
        if (n < 0 && errno == EINTR) continue;
        return -1;
    }
}

/* Blocks (1) or unblocks (0) SIGINT for the calling thread only. */
static inline int minsheng_sigint_block(int block) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static inline int minsheng_sigint_was_raised(void) { return *minsheng_sigint_flag() != 0; }
static inline void minsheng_sigint_reset(void) { *minsheng_sigint_flag() = 0; }

static inline int minsheng_errno(void) { return errno; }

/* ---- el_set / el_get -------------------------------------------------------- */

/* A prompt that is always valid: libedit dereferences whatever the prompt callback
 * returns, NULL included. libedit only reads it. */
static inline char *minsheng_empty_prompt(void) { return (char *)""; }

static inline int minsheng_el_set_prompt(EditLine *el, minsheng_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

static inline int minsheng_el_set_editor_emacs(EditLine *el) {
    return el_set(el, EL_EDITOR, "emacs");
}

static inline int minsheng_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

static inline int minsheng_el_set_hist(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

static inline int minsheng_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *minsheng_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int minsheng_el_addfn(EditLine *el, const char *name, const char *help,
                                    minsheng_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/* Binds Tab (^I) to a function added with minsheng_el_addfn. */
static inline int minsheng_el_bind_tab(EditLine *el, const char *fn_name) {
    return el_set(el, EL_BIND, "^I", fn_name, (const char *)NULL);
}

/* Binds a key (in libedit's ^X notation) to a function added with minsheng_el_addfn. */
static inline int minsheng_el_bind_key(EditLine *el, const char *key, const char *fn_name) {
    return el_set(el, EL_BIND, key, fn_name, (const char *)NULL);
}

/* Replaces the function libedit reads each character with (EL_GETCFN). */
static inline int minsheng_el_set_getcfn(EditLine *el, minsheng_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}

/*
 * Reads one character with libedit's own reader, from inside a replacement
 * installed with minsheng_el_set_getcfn: the replacement is swapped out for
 * the builtin for one el_wgetc and put back. libedit does not hand out its
 * builtin reader, and that reader is the one that knows what to do when
 * SIGWINCH or SIGCONT interrupts the read (resize, redraw, re-arm its
 * handlers); a Ctrl-C still comes back as -1 with errno EINTR.
 * Call it only from the replacement (libedit's macro queue is then empty).
 */
static inline int minsheng_el_read_builtin(EditLine *el, wchar_t *c) {
    el_rfunc_t self = EL_BUILTIN_GETCFN;
    if (el_get(el, EL_GETCFN, &self) != 0) return -1;
    el_set(el, EL_GETCFN, EL_BUILTIN_GETCFN);
    int n = el_wgetc(el, c);
    int saved = errno;
    el_set(el, EL_GETCFN, self);
    errno = saved;
    return n;
}

/* Terminal width as libedit knows it (kept current on SIGWINCH); 0 if unknown. */
static inline int minsheng_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) return 0;
    return columns;
}

/* ---- history ------------------------------------------------------------------ */

static inline int minsheng_history_setsize(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

static inline int minsheng_history_setunique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}

static inline int minsheng_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

static inline int minsheng_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}

static inline int minsheng_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

static inline int minsheng_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/*
 * Walking the history. libedit's H_FIRST is the NEWEST entry and H_NEXT moves
 * towards older ones, so oldest-first is H_LAST followed by H_PREV.
 * Each returns the entry's text (owned by libedit: copy it) or NULL at the end.
 */
static inline const char *minsheng_history_oldest(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_LAST) == -1) return NULL;
    return ev.str;
}

static inline const char *minsheng_history_newer(History *h) {
    HistEvent ev;
    if (history(h, &ev, H_PREV) == -1) return NULL;
    return ev.str;
}

#endif /* MINSHENG_CEDITLINE_SHIM_H */
