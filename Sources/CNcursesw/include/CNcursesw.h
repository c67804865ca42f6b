#ifndef RODELOPER_CNCURSESW_H
#define RODELOPER_CNCURSESW_H

// Tiny C functions over ncursesw for what Swift cannot import directly: macros (COLOR_PAIR,
// A_*, KEY_*), the stdscr/LINES/COLS globals, and signal handlers. Keep every call on one thread.
#include <stdint.h>

/// Start curses on the controlling terminal. Returns 0, -1 when the terminal type is unknown, or
/// -2 when it cannot address the cursor (no `cup`, e.g. TERM=dumb).
int rl_start(int use_color, int escape_delay_ms);
/// Restore the terminal. Safe to call more than once.
void rl_stop(void);
/// 1 when colour was started (has_colors and not switched off).
int rl_has_color(void);
/// Define colour pair `pair` as foreground `fg` on background `bg` (-1: the terminal's own).
void rl_define_pair(int pair, int fg, int bg);
void rl_size(int *rows, int *cols);

/// Attribute bits for rl_put.
enum { RL_BOLD = 1, RL_REVERSE = 2, RL_UNDERLINE = 4, RL_DIM = 8 };
/// Draw one cell: `count` code points (a spacing character plus combining marks).
void rl_put(int row, int col, const uint32_t *codepoints, int count, int pair, int attributes);
void rl_place_cursor(int row, int col, int visible);
void rl_flush(void);
/// Forget what is on screen, so the next flush sends every cell (after a resize or Ctrl-L).
void rl_invalidate(void);

/// What rl_read returned.
enum { RL_NONE = 0, RL_CHAR = 1, RL_SPECIAL = 2 };
/// Special keys, translated from curses' KEY_* codes.
enum {
    RL_KEY_UP = 1, RL_KEY_DOWN, RL_KEY_LEFT, RL_KEY_RIGHT, RL_KEY_HOME, RL_KEY_END,
    RL_KEY_PAGE_UP, RL_KEY_PAGE_DOWN, RL_KEY_BACKSPACE, RL_KEY_DELETE, RL_KEY_ENTER,
    RL_KEY_BACK_TAB, RL_KEY_RESIZE, RL_KEY_INSERT, RL_KEY_F1, RL_KEY_WORD_LEFT, RL_KEY_WORD_RIGHT,
    RL_KEY_PASTE_BEGIN, RL_KEY_PASTE_END, RL_KEY_OTHER = 99
};
/// Wait up to `timeout_ms` for a key. Sets *value to a code point (RL_CHAR) or an RL_KEY_* (RL_SPECIAL).
int rl_read(int timeout_ms, uint32_t *value);

/// Catch SIGINT, SIGTERM, SIGHUP and SIGQUIT into a flag instead of dying with the terminal in raw mode.
void rl_catch_signals(void);
/// On a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE): give the terminal back when
/// it was taken, say so in Dutch (no data, no backtrace: this replaces the Swift runtime's
/// backtracer) and _exit with 128 + the signal. Confirmed changes are already on disk.
void rl_catch_crashes(void);
/// The first caught signal number, or 0.
int rl_caught_signal(void);

/// Columns a code point takes (the C library's wcwidth, as ncurses uses); -1 when not printable.
int rl_wcwidth(uint32_t codepoint);
/// Adopt the user's locale; when its character type is not UTF-8, use C.UTF-8. Returns 1 when
/// the character type is UTF-8 afterwards.
int rl_prepare_locale(void);

#endif
