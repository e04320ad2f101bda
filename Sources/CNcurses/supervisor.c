#define _GNU_SOURCE
#include "supervisor.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

extern char **environ;

// What takes a terminal out of everything the console turns on, written as ECMA-48 and DEC private modes rather
// than read from terminfo (that would be curses, in the one process that must not depend on it): attributes and
// the G0 character set (sgr0), mouse reporting in every encoding curses may ask for, bracketed paste, keypad
// transmit mode (rmkx), the cursor shown and steady (cnorm), then the normal screen with the cursor where it was
// (rmcup), popping the title that xterm's smcup pushes. Each is ignored by a terminal that lacks it.
static const char leave_curses[] =
    "\033(B\033[m"
    "\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l"
    "\033[?2004l"
    "\033[?1l\033>"
    "\033[?12l\033[?25h"
    "\033[?1049l\033[23;0;0t";

static const int passed_on[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2};
#define PASSED_ON_COUNT (sizeof passed_on / sizeof passed_on[0])

static volatile sig_atomic_t child = 0;
// A signal that came before the child existed, passed on once it does.
static volatile sig_atomic_t early_signal = 0;

static void pass_on(int number, siginfo_t *info, void *context) {
    (void)context;
    // The terminal signals the whole foreground process group, the child with it: passing such a signal on
    // would deliver it twice, and the console takes a second termination signal as "end at once".
#ifdef SI_KERNEL
    if (info != NULL && info->si_code == SI_KERNEL) return;
#else
    // Elsewhere a signal from the terminal cannot be told apart; the console takes the repeat as an echo.
    (void)info;
#endif
    pid_t target = child;
    if (target > 0) {
        int saved_errno = errno;
        kill(target, number);
        errno = saved_errno;
    } else {
        early_signal = number;
    }
}

static int same_modes(const struct termios *a, const struct termios *b) {
    return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag && a->c_cflag == b->c_cflag
        && a->c_lflag == b->c_lflag && memcmp(a->c_cc, b->c_cc, sizeof a->c_cc) == 0;
}

static void write_all(int descriptor, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(descriptor, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

// The console is in curses mode exactly while the terminal's modes differ from those it started with: curses
// sets cbreak and noecho on start and puts the saved modes back in endwin, on Ctrl-Z and in its crash handler.
// Comparing them (rather than restoring always) keeps a clean exit's output where the console left it.
static int restore_terminal(const struct termios *found) {
    if (tcgetpgrp(STDIN_FILENO) != getpgrp()) return cn_terminal_not_ours;
    struct termios now;
    if (tcgetattr(STDIN_FILENO, &now) != 0) return cn_terminal_not_ours;
    if (same_modes(&now, found)) return cn_terminal_as_found;
    write_all(STDOUT_FILENO, leave_curses, sizeof leave_curses - 1);
    tcsetattr(STDIN_FILENO, TCSADRAIN, found);
    return cn_terminal_restored;
}

// Stops this process with the signal that stopped the child, as the shell expects a stopped job to stop
// (SIGTSTP reads "Stopped", SIGSTOP "Stopped (signal)"), and returns once it is continued.
static void stop_like(int number) {
    struct sigaction default_action, previous;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    int changed = number != SIGSTOP && sigaction(number, &default_action, &previous) == 0;
    sigset_t just_this;
    sigemptyset(&just_this);
    sigaddset(&just_this, number);
    sigset_t mask;
    pthread_sigmask(SIG_UNBLOCK, &just_this, &mask);
    raise(number);
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    if (changed) sigaction(number, &previous, NULL);
}

// The signal mask the process started with, for the child: the main thread's (/proc/self/status shows the
// thread group leader's), not the calling thread's, which is a Dispatch worker that blocks nearly every signal
// and would pass that on (Ctrl-Z and SIGWINCH would then never reach the console's handlers).
static void startup_signal_mask(sigset_t *mask) {
    sigemptyset(mask);
#ifdef __linux__
    int descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return;
    char text[4096];
    ssize_t length = read(descriptor, text, sizeof text - 1);
    close(descriptor);
    if (length <= 0) return;
    text[length] = '\0';
    const char *line = strstr(text, "\nSigBlk:");
    if (line == NULL) return;
    unsigned long long bits = strtoull(line + strlen("\nSigBlk:"), NULL, 16);
    for (int number = 1; number <= 64; number++) {
        if (bits & (1ULL << (number - 1))) sigaddset(mask, number);
    }
#endif
}

static char **environment_with(const char *marker) {
    size_t name_length = strcspn(marker, "=");
    size_t count = 0;
    while (environ[count] != NULL) count++;
    char **environment = calloc(count + 2, sizeof(char *));
    if (environment == NULL) return NULL;
    size_t used = 0;
    for (size_t i = 0; i < count; i++) {
        if (strncmp(environ[i], marker, name_length + 1) == 0) continue;
        environment[used++] = environ[i];
    }
    environment[used++] = (char *)marker;
    environment[used] = NULL;
    return environment;
}

int cn_supervise(const char *path, char *const argv[], const char *marker, int *terminal) {
    *terminal = cn_terminal_not_ours;
    struct termios found;
    int have_modes = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &found) == 0;

    // A signal that was ignored when this process started stays ignored, and the child inherits that, as it
    // would have without a supervisor; the others are caught here and set back to their default in the child.
    struct sigaction previous[PASSED_ON_COUNT];
    int caught[PASSED_ON_COUNT];
    sigset_t defaults;
    sigemptyset(&defaults);
    struct sigaction handler;
    memset(&handler, 0, sizeof handler);
    handler.sa_sigaction = pass_on;
    handler.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&handler.sa_mask);
    for (unsigned i = 0; i < PASSED_ON_COUNT; i++) sigaddset(&handler.sa_mask, passed_on[i]);
    for (unsigned i = 0; i < PASSED_ON_COUNT; i++) {
        caught[i] = 0;
        if (sigaction(passed_on[i], NULL, &previous[i]) != 0) continue;
        if (!(previous[i].sa_flags & SA_SIGINFO) && previous[i].sa_handler == SIG_IGN) continue;
        if (sigaction(passed_on[i], &handler, NULL) == 0) {
            caught[i] = 1;
            sigaddset(&defaults, passed_on[i]);
        }
    }

    char **environment = environment_with(marker);
    posix_spawnattr_t attributes;
    int error = environment == NULL ? ENOMEM : posix_spawnattr_init(&attributes);
    pid_t pid = 0;
    if (error == 0) {
        sigset_t mask;
        startup_signal_mask(&mask);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setsigmask(&attributes, &mask);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
        // posix_spawn, never fork: this is a multithreaded process.
        error = posix_spawn(&pid, path, NULL, &attributes, argv, environment);
        posix_spawnattr_destroy(&attributes);
    }
    free(environment);

    int status = 0;
    if (error == 0) {
        child = pid;
        if (early_signal != 0) kill(pid, early_signal);
        for (;;) {
            pid_t waited = waitpid(pid, &status, WUNTRACED);
            if (waited < 0) {
                if (errno == EINTR) continue;
                error = errno;
                break;
            }
            if (WIFSTOPPED(status)) {
                stop_like(WSTOPSIG(status));
                // Continued: the shell's SIGCONT went to the whole group, but one sent to this process alone
                // (kill -CONT) must reach the child too.
                kill(pid, SIGCONT);
                continue;
            }
            break;
        }
        child = 0;
    }

    for (unsigned i = 0; i < PASSED_ON_COUNT; i++) {
        if (caught[i]) sigaction(passed_on[i], &previous[i], NULL);
    }
    if (error != 0) {
        errno = error;
        return -1;
    }
    if (have_modes) {
        // Setting the modes from outside the foreground would stop this process (SIGTTOU); restore_terminal
        // checks the foreground first, and SIGTTOU is held off for the moment in between.
        sigset_t ttou, mask;
        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        pthread_sigmask(SIG_BLOCK, &ttou, &mask);
        *terminal = restore_terminal(&found);
        pthread_sigmask(SIG_SETMASK, &mask, NULL);
    }
    return status;
}

void cn_end_as_killed_by(int signal_number) {
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(signal_number, &default_action, NULL);
    sigset_t just_this;
    sigemptyset(&just_this);
    sigaddset(&just_this, signal_number);
    pthread_sigmask(SIG_UNBLOCK, &just_this, NULL);
    raise(signal_number);
    _exit(128 + signal_number);
}

int cn_take_supervisor_marker(const char *name) {
    const char *value = getenv(name);
    if (value == NULL) return 0;
    pid_t supervisor = (pid_t)strtol(value, NULL, 10);
    unsetenv(name);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGHUP);
    // The supervisor may have died before the request was made.
    if (supervisor > 0 && getppid() != supervisor) raise(SIGHUP);
#else
    (void)supervisor;
#endif
    return 1;
}
