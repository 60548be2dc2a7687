/* repl.c: `slerr repl` (and `slerr` alone on a terminal): an interactive session over the same
 * dispatcher as the command line, with libedit editing, history and completion; a batch
 * reader of the same commands, one per line, when stdin is not a terminal. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "interrupt.h"
#include "module.h"
#include "repl.h"
#include "slerr.h"

const char repl_usage[] =
    "Usage: slerr repl [--no-history] [--pager]\n"
    "       slerr            (alone, on a terminal)\n"
    "\n"
    "An interactive session for looking up codes all day. Each line is a slerr command line\n"
    "without the leading 'slerr': codes (several look up each), search WORDS, list ..., and\n"
    "every other command; 'help' lists them; 'quit', 'exit' or Ctrl-D ends the session.\n"
    "Words split at spaces; quote a word with '...' or \"...\" to keep its spaces.\n"
    "\n"
    "Keys are Emacs-style (libedit; ~/.editrc is read): Ctrl-R searches the history, TAB\n"
    "completes a command, a symbol (any case: sl_e_vl_<TAB>) or a code (0xC004F0<TAB>),\n"
    "Ctrl-C clears the line or stops a running command.\n"
    "\n"
    "History is kept in $XDG_STATE_HOME/slerr/history (default ~/.local/state/slerr/history),\n"
    "readable by you alone, last 1000 lines.\n"
    "\n"
    "When stdin is not a terminal the commands are read one per line with no prompt and no\n"
    "history (blank lines and lines starting with # are skipped), and the output is what\n"
    "running each line as `slerr LINE` would print.\n"
    "\n"
    "Options:\n"
    "      --no-history   neither read nor write the history file\n"
    "      --pager        show each command's output through $PAGER (default: less -FRX)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: interactive, 0 when the session ends; batch, the worst status of its lines\n"
    "(0 all fine, 1 something not found or a problem found, 2 a usage error).\n";

enum { OPT_NO_HISTORY = 1, OPT_PAGER };

static const struct cli_option repl_options[] = {
    { "no-history", 0, false, OPT_NO_HISTORY },
    { "pager", 0, false, OPT_PAGER },
    { "help", 'h', false, OPT_HELP },
    { NULL, 0, false, 0 },
};

struct session {
    bool history;
    bool pager;
    Tokenizer *tokenizer;
};

/* A copy of `words` behind "slerr", as the dispatcher expects: one allocation, freed at once. */
static char **make_argv(int count, const char **words)
{
    size_t size = (size_t)(count + 2) * sizeof(char *) + sizeof "slerr";
    for (int i = 0; i < count; i++)
        size += strlen(words[i]) + 1;
    char **argv = malloc(size);
    if (!argv)
        return NULL;
    char *text = (char *)(argv + count + 2);
    argv[0] = memcpy(text, "slerr", sizeof "slerr");
    text += sizeof "slerr";
    for (int i = 0; i < count; i++) {
        size_t length = strlen(words[i]) + 1;
        argv[i + 1] = memcpy(text, words[i], length);
        text += length;
    }
    argv[count + 1] = NULL;
    return argv;
}

/* Runs the dispatcher with stdout going into $PAGER, when asked and stdout is a terminal. */
static int dispatch_paged(const struct session *s, int argc, char **argv)
{
    if (!s->pager || !isatty(STDOUT_FILENO))
        return dispatch_run(argc, argv);
    const char *pager = getenv("PAGER");
    setenv("LESS", "FRX", 0); /* short output stays on screen without a keypress, as in git */
    fflush(stdout);
    /* $PAGER is a command line by convention ("less -S"): running it through sh is the point. */
    FILE *pipe = popen(pager && *pager ? pager : "less", "w"); // NOLINT(cert-env33-c)
    int saved = pipe ? dup(STDOUT_FILENO) : -1;
    if (saved < 0) {
        if (pipe)
            pclose(pipe);
        return dispatch_run(argc, argv);
    }
    void (*old_sigpipe)(int) = signal(SIGPIPE, SIG_IGN); /* quitting the pager early is fine */
    dup2(fileno(pipe), STDOUT_FILENO);
    int status = dispatch_run(argc, argv);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    pclose(pipe);
    signal(SIGPIPE, old_sigpipe);
    return status;
}

/* Runs one line; `quit` is set by quit and exit. Returns the command's exit status. */
static int run_line(const struct session *s, const char *line, bool *quit)
{
    int count;
    const char **words;
    tok_reset(s->tokenizer);
    if (tok_str(s->tokenizer, line, &count, &words) != 0) {
        cli_error("unmatched quote or trailing backslash");
        return EXIT_USAGE;
    }
    if (count == 0)
        return EXIT_OK;
    if (strcmp(words[0], "quit") == 0 || strcmp(words[0], "exit") == 0) {
        *quit = true;
        return EXIT_OK;
    }
    if (strcmp(words[0], "repl") == 0) {
        cli_error("already in an interactive session");
        return EXIT_USAGE;
    }
    char **argv = make_argv(count, words);
    if (!argv) {
        cli_error("out of memory");
        return EXIT_NOT_FOUND;
    }
    int status = dispatch_paged(s, count + 1, argv);
    free(argv);
    return status;
}

/* Strips the line end (LF or CRLF); true when something other than blanks or a comment is left. */
static bool is_command(char *line)
{
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    line += strspn(line, " \t");
    return *line != '\0' && *line != '#';
}

/* Reads commands from a private copy of stdin and leaves /dev/null on stdin, so that a command
 * which reads stdin (annotate) cannot swallow the lines after it. */
static FILE *take_stdin(void)
{
    int fd = dup(STDIN_FILENO);
    FILE *in = fd >= 0 ? fdopen(fd, "r") : NULL;
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0) {
        dup2(null, STDIN_FILENO);
        close(null);
    }
    if (!in && fd >= 0)
        close(fd);
    return in;
}

static int run_batch(const struct session *s)
{
    FILE *in = take_stdin();
    char *line = NULL;
    size_t capacity = 0;
    int worst = EXIT_OK;
    bool quit = false;
    if (!in) {
        cli_error("cannot read commands: %s", strerror(errno));
        return EXIT_NOT_FOUND;
    }
    while (!quit && getline(&line, &capacity, in) >= 0) {
        if (!is_command(line))
            continue;
        int status = run_line(s, line, &quit);
        worst = status > worst ? status : worst;
        if (ferror(stdout)) /* the reader went away: the rest would be lost too */
            break;
    }
    if (ferror(in)) {
        cli_error("cannot read commands: %s", strerror(errno));
        worst = worst > EXIT_NOT_FOUND ? worst : EXIT_NOT_FOUND;
    }
    free(line);
    fclose(in);
    return worst;
}

static const char *prompt(EditLine *el)
{
    (void)el;
    return "slerr> ";
}

/* libedit's own reader retries a read that Ctrl-C interrupted, and misses a Ctrl-C that comes
 * just before it blocks; this one waits on the terminal and interrupt_fd() together. */
static int read_key(EditLine *el, wchar_t *key)
{
    mbstate_t state;
    (void)el;
    memset(&state, 0, sizeof state);
    for (;;) {
        struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { interrupt_fd(), POLLIN, 0 } };
        if (interrupt_requested()) {
            errno = EINTR;
            return -1;
        }
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue; /* another signal (a resize): Ctrl-C is checked above */
            return -1;
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        char byte;
        ssize_t n = read(STDIN_FILENO, &byte, 1);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return (int)n;
        }
        size_t decoded = mbrtowc(key, &byte, 1, &state);
        if (decoded == (size_t)-2)
            continue; /* the middle of a multibyte character */
        if (decoded == (size_t)-1) /* not valid in this locale: pass the byte on as it is */
            *key = (unsigned char)byte;
        return 1;
    }
}

static EditLine *open_editor(FILE *out, struct repl_history *h)
{
    EditLine *el = el_init("slerr", stdin, out, stderr);
    if (!el)
        return NULL;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_HIST, history, h->history);
    el_set(el, EL_SIGNAL, 1); /* libedit restores the terminal around our SIGINT handler */
    el_set(el, EL_GETCFN, read_key);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    repl_complete_install(el);
    el_source(el, NULL); /* the user's ~/.editrc, as in every libedit program */
    return el;
}

/* The session loop: Ctrl-C at the prompt makes el_gets fail with EINTR, which means a new
 * prompt; only a real end of input (Ctrl-D) or quit ends the session. */
static void converse(const struct session *s, EditLine *el, FILE *out, struct repl_history *h)
{
    bool quit = false;
    while (!quit) {
        int count = 0;
        interrupt_clear();
        errno = 0;
        const char *got = el_gets(el, &count);
        if (!got) {
            fputc('\n', out);
            if (count == -1 && (errno == EINTR || interrupt_requested()))
                continue;
            break;
        }
        char *line = strdup(got);
        if (line && is_command(line)) {
            repl_history_add(h, line);
            run_line(s, line, &quit);
        }
        free(line);
        fflush(stdout);
        clearerr(stdout); /* a failed write (a closed pager) is reported once, not forever */
        clearerr(stdin);  /* a command that read stdin to its end leaves the terminal usable */
    }
}

static int run_interactive(const struct session *s)
{
    struct repl_history h;
    FILE *out = isatty(STDOUT_FILENO) ? stdout : stderr; /* keep the editor off a redirect */
    if (repl_history_open(&h, s->history) != 0) {
        cli_error("out of memory");
        return EXIT_NOT_FOUND;
    }
    EditLine *el = open_editor(out, &h);
    if (!el || interrupt_install() != 0) {
        cli_error("cannot start the line editor");
        if (el)
            el_end(el);
        repl_history_close(&h);
        return EXIT_NOT_FOUND;
    }
    fprintf(out, "slerr %s, %zu entries. Type a code, a command, 'help' or 'quit'; TAB completes.\n",
            slerr_version(), slerr_count());
    converse(s, el, out, &h);
    interrupt_uninstall();
    el_end(el);
    repl_history_close(&h);
    return EXIT_OK;
}

static bool repl_option(void *state, int id, const char *value)
{
    struct session *s = state;
    (void)value;
    if (id == OPT_NO_HISTORY)
        s->history = false;
    else if (id == OPT_PAGER)
        s->pager = true;
    else
        return false;
    return true;
}

int cmd_repl(int argc, char **argv)
{
    struct session s = { .history = true, .pager = false };
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    const struct command_line spec = { "repl", repl_usage, repl_options, repl_option, &s, 0 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    s.tokenizer = tok_init(NULL);
    if (!s.tokenizer) {
        cli_error("out of memory");
        return EXIT_NOT_FOUND;
    }
    status = isatty(STDIN_FILENO) ? run_interactive(&s) : run_batch(&s);
    tok_end(s.tokenizer);
    return status;
}

SLERR_MODULE_EXPORT const struct slerr_module slerr_module_repl = {
    SLERR_MODULE_ABI, SLERR_VERSION_STRING, cmd_repl,
};
