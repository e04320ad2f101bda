#ifndef CNCURSES_SUPERVISOR_H
#define CNCURSES_SUPERVISOR_H

// The console's supervisor: the process the shell started, which runs the real console as its child and puts
// the terminal back however the child ends. Plain termios, posix_spawn, waitpid and signals: no curses, so it
// works whatever state the child left curses and the terminal in. Signal handlers live here, in C, because they
// may only call async-signal-safe functions.

/// What the supervisor did with the terminal once the child had ended.
enum cn_terminal_after_child {
    /// The terminal's modes were those the supervisor found: the console had restored it itself.
    cn_terminal_as_found = 0,
    /// The console left it in curses mode: the supervisor left the alternate screen, showed the cursor, reset
    /// attributes, keypad and mouse modes, and put the modes back.
    cn_terminal_restored = 1,
    /// Not the foreground process group's, or not readable: left to the shell that owns it now.
    cn_terminal_not_ours = 2,
};

/// Runs `path` with `argv` (NULL-terminated) and this process's environment plus `marker` ("NAME=VALUE"), as a
/// child in this process group, and waits for it. While it runs: a signal the terminal sends (Ctrl-C, Ctrl-\,
/// Ctrl-Z, a hangup) reaches the child as it reaches every process of the foreground group, so it is not passed
/// on; SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1 and SIGUSR2 sent to this process by another one are
/// passed on to the child. When the child stops (Ctrl-Z), this process stops with the same signal, so the shell
/// sees the job stop, and continues the child once it is continued itself. Returns the child's wait status
/// (waitpid's), and sets `terminal`; -1 with errno when the child could not be started.
int cn_supervise(const char *path, char *const argv[], const char *marker, int *terminal);

/// Ends this process as a process killed by `signal_number` ends: its default action, with core dumps off (the
/// child's core, if any, is the one to read). Falls back to _exit(128 + signal_number) for a signal whose default
/// action does not end a process.
void cn_end_as_killed_by(int signal_number) __attribute__((noreturn));

/// In the child: whether `name` is in the environment, removing it at once so that nothing this process starts
/// inherits it. When it was there, the child also asks for SIGHUP should the supervisor die first, so it does not
/// run on with nobody to restore the terminal after it.
int cn_take_supervisor_marker(const char *name);

#endif
