#define _XOPEN_SOURCE 700 /* wcwidth */
#include "CNcursesw.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static SCREEN *screen = NULL;
static int color_started = 0;
/* Key codes of our own for sequences curses does not know: bracketed paste, and Ctrl-arrows
   where the terminal description names them (kLFT5, kRIT5). */
enum { CODE_PASTE_BEGIN = KEY_MAX + 1, CODE_PASTE_END = KEY_MAX + 2 };
static int code_word_left = -1, code_word_right = -1;

static int defined_key(const char *name) {
    char *sequence = tigetstr(name);
    if (sequence == NULL || sequence == (char *)-1) return -1;
    int code = key_defined(sequence);
    return code > 0 ? code : -1;
}

/* Home, End, Insert, Delete, PgUp, PgDn, F1 and Shift-Tab as common terminals send them,
   whatever their terminfo entry lists (xterm-256color inside tmux, PuTTY's defaults). A
   sequence curses already knows keeps its meaning. */
static void define_common_variants(void) {
    static const struct { const char *sequence; int code; } variants[] = {
        {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
        {"\033[4~", KEY_END}, {"\033[8~", KEY_END}, {"\033[F", KEY_END}, {"\033OF", KEY_END},
        {"\033[2~", KEY_IC}, {"\033[3~", KEY_DC}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
        {"\033OP", KEY_F(1)}, {"\033[11~", KEY_F(1)}, {"\033OQ", KEY_F(2)}, {"\033[12~", KEY_F(2)},
        {"\033OR", KEY_F(3)}, {"\033[13~", KEY_F(3)}, {"\033OS", KEY_F(4)}, {"\033[14~", KEY_F(4)},
        {"\033[Z", KEY_BTAB}, {"\033[A", KEY_UP}, {"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT},
        {"\033[D", KEY_LEFT}, {"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT},
        {"\033OD", KEY_LEFT},
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        if (key_defined(variants[i].sequence) == 0) define_key(variants[i].sequence, variants[i].code);
    }
}

int rl_start(int use_color, int escape_delay_ms) {
    if (screen != NULL) return 0;
    screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return -1;
    set_term(screen);
    /* A terminal that cannot place the cursor (TERM=dumb) would show a blank screen: refuse it. */
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) {
        endwin();
        delscreen(screen);
        screen = NULL;
        return -2;
    }
    raw();            /* Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys, not as signals or flow control */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    if (escape_delay_ms >= 0) set_escdelay(escape_delay_ms);
    curs_set(0);
    define_key("\033[200~", CODE_PASTE_BEGIN);
    define_key("\033[201~", CODE_PASTE_END);
    code_word_left = defined_key("kLFT5");
    code_word_right = defined_key("kRIT5");
    define_common_variants();
    /* Ask the terminal to mark pasted text, so a pasted page is text, never commands. */
    fputs("\033[?2004h", stdout);
    fflush(stdout);
    color_started = 0;
    if (use_color && has_colors()) {
        start_color();
        use_default_colors();
        color_started = 1;
    }
    return 0;
}

void rl_stop(void) {
    if (screen == NULL) return;
    curs_set(1);
    endwin();
    fputs("\033[?2004l", stdout);
    fflush(stdout);
    delscreen(screen);
    screen = NULL;
}

int rl_has_color(void) { return color_started; }

void rl_define_pair(int pair, int fg, int bg) {
    if (color_started && pair > 0 && pair < COLOR_PAIRS) init_pair((short)pair, (short)fg, (short)bg);
}

void rl_size(int *rows, int *cols) {
    int r = 0, c = 0;
    getmaxyx(stdscr, r, c);
    *rows = r;
    *cols = c;
}

void rl_put(int row, int col, const uint32_t *codepoints, int count, int pair, int attributes) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)codepoints[i];
    text[n] = L'\0';
    attr_t attr = A_NORMAL;
    if (attributes & RL_BOLD) attr |= A_BOLD;
    if (attributes & RL_REVERSE) attr |= A_REVERSE;
    if (attributes & RL_UNDERLINE) attr |= A_UNDERLINE;
    if (attributes & RL_DIM) attr |= A_DIM;
    cchar_t cell;
    if (setcchar(&cell, text, attr, color_started ? (short)pair : 0, NULL) == OK) {
        mvwadd_wch(stdscr, row, col, &cell);
    }
}

void rl_place_cursor(int row, int col, int visible) {
    if (visible) {
        wmove(stdscr, row, col);
        curs_set(1);
    } else {
        curs_set(0);
    }
}

void rl_flush(void) { wrefresh(stdscr); }

void rl_invalidate(void) { clearok(stdscr, TRUE); }

int rl_read(int timeout_ms, uint32_t *value) {
    wint_t key = 0;
    wtimeout(stdscr, timeout_ms);
    int kind = wget_wch(stdscr, &key);
    if (kind == ERR) return RL_NONE;
    if (kind == OK) {
        /* An Esc comes as a code point; what follows it is read and parsed in Swift
           (EscapeSequence), so an unknown sequence is swallowed whole. */
        *value = (uint32_t)key;
        return RL_CHAR;
    }
    switch (key) {
    case KEY_UP: *value = RL_KEY_UP; break;
    case KEY_DOWN: *value = RL_KEY_DOWN; break;
    case KEY_LEFT: *value = RL_KEY_LEFT; break;
    case KEY_RIGHT: *value = RL_KEY_RIGHT; break;
    case KEY_HOME: *value = RL_KEY_HOME; break;
    case KEY_END: *value = RL_KEY_END; break;
    case KEY_PPAGE: *value = RL_KEY_PAGE_UP; break;
    case KEY_NPAGE: *value = RL_KEY_PAGE_DOWN; break;
    case KEY_BACKSPACE: *value = RL_KEY_BACKSPACE; break;
    case KEY_DC: *value = RL_KEY_DELETE; break;
    case KEY_ENTER: *value = RL_KEY_ENTER; break;
    case KEY_BTAB: *value = RL_KEY_BACK_TAB; break;
    case KEY_RESIZE: *value = RL_KEY_RESIZE; break;
    case KEY_IC: *value = RL_KEY_INSERT; break;
    case KEY_F(1): *value = RL_KEY_F1; break;
    case CODE_PASTE_BEGIN: *value = RL_KEY_PASTE_BEGIN; break;
    case CODE_PASTE_END: *value = RL_KEY_PASTE_END; break;
    default:
        if ((int)key == code_word_left) *value = RL_KEY_WORD_LEFT;
        else if ((int)key == code_word_right) *value = RL_KEY_WORD_RIGHT;
        else *value = RL_KEY_OTHER;
        break;
    }
    return RL_SPECIAL;
}

static volatile sig_atomic_t caught_signal = 0;

static void remember_signal(int number) {
    if (caught_signal == 0) caught_signal = number;
}

void rl_catch_signals(void) {
    struct sigaction action;
    action.sa_handler = remember_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked read returns so the main loop sees the flag */
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int rl_caught_signal(void) { return (int)caught_signal; }

static void restore_and_die(int number) {
    /* Not async-signal-safe, but the process is dying: a usable terminal is worth the risk.
       This handler replaces the Swift runtime's backtracer, whatever SWIFT_BACKTRACE says. */
    if (screen != NULL) {
        endwin();
        static const char no_paste[] = "\033[?2004l";
        ssize_t unused = write(1, no_paste, sizeof no_paste - 1);
        (void)unused;
    }
    static const char message[] =
        "\nrodeloper: interne fout; het programma is gestopt. Alles wat u had bevestigd, is opgeslagen.\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    /* Exit with the status a death by this signal gives (128 + number), without dying of it:
       a re-raised SIGILL or SIGTRAP could reach a debugger or crash reporter with our memory. */
    _exit(128 + number);
}

void rl_catch_crashes(void) {
    int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) {
        struct sigaction action;
        action.sa_handler = restore_and_die;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(crashes[i], &action, NULL);
    }
}

int rl_wcwidth(uint32_t codepoint) { return wcwidth((wchar_t)codepoint); }

int rl_prepare_locale(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}
