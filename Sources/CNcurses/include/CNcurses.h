#ifndef CNCURSES_H
#define CNCURSES_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <wchar.h>
#include "supervisor.h"

// ncurses' macros and global variables as functions: Swift cannot use function-like macros, and Swift 6
// rejects C global variables (stdscr, LINES, COLS, COLORS) as not concurrency-safe.

WINDOW *cn_stdscr(void);
int cn_lines(void);
int cn_cols(void);
int cn_colors(void);
int cn_color_pairs(void);
int cn_err(void);
int cn_ok(void);

attr_t cn_a_normal(void);
attr_t cn_a_bold(void);
attr_t cn_a_reverse(void);
attr_t cn_a_underline(void);
attr_t cn_a_dim(void);

int cn_key_code_yes(void);
int cn_key_up(void);
int cn_key_down(void);
int cn_key_left(void);
int cn_key_right(void);
int cn_key_home(void);
int cn_key_end(void);
int cn_key_ppage(void);
int cn_key_npage(void);
int cn_key_enter(void);
int cn_key_backspace(void);
int cn_key_dc(void);
int cn_key_btab(void);
int cn_key_resize(void);
int cn_key_f0(void);
int cn_key_mouse(void);

/// Asks for clicks, double clicks and the wheel (buttons 4 and 5); returns whether the terminal reports any.
int cn_enable_mouse(void);
/// Reads the mouse event behind the KEY_MOUSE just read: `kind` is 1 wheel up, 2 wheel down, 3 click, 4 double
/// click, 0 anything else; ERR when there is none.
int cn_read_mouse(int *kind, int *x, int *y);

/// Draws one character cell: `text` is the cell's code points (a base and its combining marks), at most
/// CCHARW_MAX of them are used.
int cn_put_cell(WINDOW *window, int y, int x, const wchar_t *text, int count, attr_t attributes, short pair);

/// newterm(NULL, stdout, stdin) and set_term: NULL when the terminal type is unknown, instead of exiting as
/// initscr does.
SCREEN *cn_start_screen(void);
/// Whether the terminal can move the cursor (terminfo `cup`); without it (TERM=dumb) nothing can be drawn.
int cn_can_address_cursor(void);
int cn_set_escape_delay(int milliseconds);

/// setlocale(LC_ALL, "") and whether the resulting character set is UTF-8 (nl_langinfo(CODESET)).
int cn_use_environment_locale(void);

/// On a crash signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT), restore the terminal (its modes as
/// cn_start_screen found them, out of the alternate screen, the cursor shown) and die of the same signal, so a
/// fatal error never leaves the terminal in curses mode. Call after cn_start_screen, on the UI thread: the
/// handler runs on that thread's alternate signal stack, so a stack overflow there is handled too.
void cn_restore_terminal_on_crash(void);
/// Gives the calling thread an alternate signal stack unless it has one; 0 on success.
int cn_use_alternate_signal_stack(void);

#endif
