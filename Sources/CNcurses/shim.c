#include "CNcurses.h"
#include <ncursesw/term.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

WINDOW *cn_stdscr(void) { return stdscr; }
int cn_lines(void) { return LINES; }
int cn_cols(void) { return COLS; }
int cn_colors(void) { return COLORS; }
int cn_color_pairs(void) { return COLOR_PAIRS; }
int cn_err(void) { return ERR; }
int cn_ok(void) { return OK; }

attr_t cn_a_normal(void) { return A_NORMAL; }
attr_t cn_a_bold(void) { return A_BOLD; }
attr_t cn_a_reverse(void) { return A_REVERSE; }
attr_t cn_a_underline(void) { return A_UNDERLINE; }
attr_t cn_a_dim(void) { return A_DIM; }

int cn_key_code_yes(void) { return KEY_CODE_YES; }
int cn_key_up(void) { return KEY_UP; }
int cn_key_down(void) { return KEY_DOWN; }
int cn_key_left(void) { return KEY_LEFT; }
int cn_key_right(void) { return KEY_RIGHT; }
int cn_key_home(void) { return KEY_HOME; }
int cn_key_end(void) { return KEY_END; }
int cn_key_ppage(void) { return KEY_PPAGE; }
int cn_key_npage(void) { return KEY_NPAGE; }
int cn_key_enter(void) { return KEY_ENTER; }
int cn_key_backspace(void) { return KEY_BACKSPACE; }
int cn_key_dc(void) { return KEY_DC; }
int cn_key_btab(void) { return KEY_BTAB; }
int cn_key_resize(void) { return KEY_RESIZE; }
int cn_key_f0(void) { return KEY_F0; }
int cn_key_mouse(void) { return KEY_MOUSE; }

int cn_enable_mouse(void) {
    mmask_t wanted = BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    return mousemask(wanted, NULL) != 0;
}

int cn_read_mouse(int *kind, int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) *kind = 1;
    else if (event.bstate & BUTTON5_PRESSED) *kind = 2;
    else if (event.bstate & BUTTON1_DOUBLE_CLICKED) *kind = 4;
    else if (event.bstate & BUTTON1_CLICKED) *kind = 3;
    else *kind = 0;
    return OK;
}

int cn_put_cell(WINDOW *window, int y, int x, const wchar_t *text, int count, attr_t attributes, short pair) {
    wchar_t characters[CCHARW_MAX + 1];
    int used = count < CCHARW_MAX ? count : CCHARW_MAX;
    memcpy(characters, text, (size_t)used * sizeof(wchar_t));
    characters[used] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, characters, attributes, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}

int cn_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

int cn_set_escape_delay(int milliseconds) { return set_escdelay(milliseconds); }

// The terminal as the console found it, and what takes it out of curses mode, for the crash handler, which
// may call only async-signal-safe functions (tcsetattr and write, not endwin).
static struct termios saved_terminal;
static int saved_terminal_valid = 0;
static char leave_sequence[512];
static size_t leave_length = 0;

SCREEN *cn_start_screen(void) {
    saved_terminal_valid = tcgetattr(STDIN_FILENO, &saved_terminal) == 0;
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

int cn_use_environment_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction previous_actions[CRASH_SIGNAL_COUNT];

// Leaves the alternate screen, shows the cursor and puts the terminal's modes back, then puts back whatever
// handled the signal before (the Swift runtime's backtracer, or the default) and raises it again: it is
// delivered once this handler returns, so the crash is still reported as it would have been. It runs on the
// alternate signal stack, so a stack overflow (whose SIGSEGV has no stack left to run on) is handled too.
static void restore_and_die(int signal_number) {
    if (leave_length > 0) {
        ssize_t written = write(STDOUT_FILENO, leave_sequence, leave_length);
        (void)written;
    }
    if (saved_terminal_valid) tcsetattr(STDIN_FILENO, TCSANOW, &saved_terminal);
    for (unsigned i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        if (crash_signals[i] == signal_number) sigaction(signal_number, &previous_actions[i], NULL);
    }
    raise(signal_number);
}

static void append_capability(const char *name) {
    const char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return;
    size_t length = strlen(value);
    if (leave_length + length > sizeof leave_sequence) return;
    memcpy(leave_sequence + leave_length, value, length);
    leave_length += length;
}

int cn_use_alternate_signal_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return 0;
    // Far more than SIGSTKSZ: the handler is small, but what it chains to (the runtime's backtracer) is not.
    size_t size = 256 * 1024;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = malloc(size);
    if (stack.ss_sp == NULL) return -1;
    stack.ss_size = size;
    return sigaltstack(&stack, NULL);
}

void cn_restore_terminal_on_crash(void) {
    leave_length = 0;
    append_capability("sgr0");
    append_capability("cnorm");
    append_capability("rmkx");
    append_capability("rmcup");
    cn_use_alternate_signal_stack();
    for (unsigned i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = restore_and_die;
        action.sa_flags = SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
}
