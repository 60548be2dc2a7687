/* SPDX-License-Identifier: MIT */
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
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "infile.h"
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
    "A line that names no command looks up the codes in it, even inside text or punctuation\n"
    "(\"user gets (0xC004F074)\"), and a line that holds no code searches for its words.\n"
    "A block of several lines pasted at the prompt, the first naming no command, is explained.\n"
    "Words split at spaces; quote a word with '...' or \"...\" to keep its spaces, or put a\n"
    "backslash before a space. A line holds at most 16384 bytes.\n"
    "\n"
    "Keys are Emacs-style (libedit; ~/.editrc is read): Ctrl-R searches the history, TAB\n"
    "completes a command, an option (explain --b<TAB>), a symbol (any case: sl_e_vl_<TAB>)\n"
    "or a code (0xC004F0<TAB>), Ctrl-C clears the line or stops a running command.\n"
    "\n"
    "History is kept in $XDG_STATE_HOME/slerr/history (default ~/.local/state/slerr/history),\n"
    "readable by you alone, last 1000 lines.\n"
    "\n"
    "When stdin is not a terminal the commands are read one per line with no prompt and no\n"
    "history (blank lines and lines starting with # are skipped), and the output is what\n"
    "running each line as `slerr LINE` would print (a line naming no command as above).\n"
    "'explain' without a FILE takes the lines after it, up to one holding only '.', as its\n"
    "pasted text (on a terminal it asks for them).\n"
    "\n"
    "Options:\n"
    "      --no-history   neither read nor write the history file\n"
    "      --pager        show each command's output through $PAGER (default: less -FRX);\n"
    "                     when the pager cannot run or fails, the output is shown as it is\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: interactive, 0 when the session ends; batch, the worst status of its lines\n"
    "(0 all fine, 1 something not found or a problem found, 2 a usage error, 3 and above as\n"
    "in 'slerr --help').\n";

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
    FILE *batch; /* batch mode: where the commands (and explain's pasted blocks) come from */
};

/* Copies `from` (from its start) to `to` until the end or a write error; 0 when all went. */
static int copy_stream(FILE *from, FILE *to)
{
    char buffer[8192];
    size_t n;
    rewind(from);
    while ((n = fread(buffer, 1, sizeof buffer, from)) > 0)
        if (fwrite(buffer, 1, n, to) != n)
            return -1;
    return fflush(to) == 0 && !ferror(from) ? 0 : -1;
}

/* Shows what a command wrote (in `output`) through $PAGER; -1 when the pager could not be run
 * or failed, so that the caller shows it itself. Quitting the pager early is not a failure. */
static int show_paged(FILE *output)
{
    const char *pager = getenv("PAGER");
    pager = pager && *pager ? pager : "less";
    setenv("LESS", "FRX", 0); /* short output stays on screen without a keypress, as in git */
    /* $PAGER is a command line by convention ("less -S"): running it through sh is the point. */
    FILE *pipe = popen(pager, "w"); // NOLINT(cert-env33-c)
    if (!pipe) {
        cli_error("cannot run the pager '%s': %s", pager, strerror(errno));
        return -1;
    }
    void (*old_sigpipe)(int) = signal(SIGPIPE, SIG_IGN);
    copy_stream(output, pipe); /* a short copy is the reader quitting, judged by its status */
    int status = pclose(pipe);
    signal(SIGPIPE, old_sigpipe);
    if (status != 0) {
        cli_error("the pager '%s' failed (%s %d); the output follows", pager,
                  WIFEXITED(status) ? "exit status" : "signal",
                  WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        return -1;
    }
    return 0;
}

/* Runs the dispatcher with stdout going into $PAGER, when asked and stdout is a terminal. The
 * output is kept in a temporary file first: a missing or failing pager must not lose it. */
static int dispatch_paged(const struct session *s, int argc, char **argv)
{
    if (!s->pager || !isatty(STDOUT_FILENO))
        return dispatch_run(argc, argv);
    fflush(stdout);
    FILE *output = tmpfile();
    int saved = output ? dup(STDOUT_FILENO) : -1;
    if (saved < 0 || dup2(fileno(output), STDOUT_FILENO) < 0) {
        cli_error("cannot keep the output for the pager: %s", strerror(errno));
        if (saved >= 0)
            close(saved);
        if (output)
            fclose(output);
        return dispatch_run(argc, argv);
    }
    int status = dispatch_run(argc, argv);
    fflush(stdout);
    clearerr(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    if (show_paged(output) != 0 && copy_stream(output, stdout) != 0 && status < EXIT_IO) {
        cli_error("cannot write output: %s", strerror(errno));
        status = EXIT_IO;
    }
    fclose(output);
    return status;
}

/* In batch mode, `explain` without a FILE reads the lines after it, up to one holding only "."
 * or the end of input, as its pasted text (as it does from a terminal). */
static bool wants_block(const struct session *s, char **words, int count)
{
    if (!s->batch || strcmp(words[0], "explain") != 0)
        return false;
    for (int i = 1; i < count; i++)
        if (words[i][0] != '-' || strcmp(words[i], "-h") == 0 || strcmp(words[i], "--help") == 0)
            return strcmp(words[i], "-") == 0 && i == count - 1;
    return true;
}

/* Copies the block into a temporary file put on stdin; the previous stdin in *saved. A block
 * over PASTE_MAX is read to its end and dropped, so that none of it runs as commands.
 * EXIT_OK, or the status of a reported error. */
static int block_on_stdin(FILE *in, int *saved)
{
    FILE *block = tmpfile();
    char piece[8192];
    size_t n = 0, total = 0;
    bool ok = block != NULL, line_start = true, ended = false;
    int c;
    *saved = -1;
    /* By pieces, not getline(): a line of any length costs no more memory than a short one. */
    while (!ended && (c = getc(in)) != EOF) {
        piece[n++] = (char)c;
        if (c != '\n' && n < sizeof piece)
            continue;
        ended = line_start && c == '\n' &&
                ((n == 2 && piece[0] == '.') || (n == 3 && piece[0] == '.' && piece[1] == '\r'));
        if (!ended) {
            total += n;
            ok = ok && total <= PASTE_MAX && fwrite(piece, 1, n, block) == n;
        }
        line_start = c == '\n';
        n = 0;
    }
    if (n > 0 && !ended) {
        total += n;
        ok = ok && total <= PASTE_MAX && fwrite(piece, 1, n, block) == n;
    }
    if (total > PASTE_MAX) {
        if (block)
            fclose(block);
        cli_error("the pasted text is larger than %zu MiB: it was discarded", PASTE_MAX >> 20);
        return EXIT_USAGE;
    }
    ok = ok && fflush(block) == 0 && fseek(block, 0, SEEK_SET) == 0;
    *saved = ok ? dup(STDIN_FILENO) : -1;
    ok = *saved >= 0 && dup2(fileno(block), STDIN_FILENO) >= 0;
    if (block)
        fclose(block); /* stdin keeps its own descriptor of the file */
    if (!ok)
        cli_error("cannot keep the pasted text: %s", strerror(errno));
    return ok ? EXIT_OK : EXIT_IO;
}

/* A first word that is a command, an option or help (quit, exit and repl are taken before). */
static bool is_command_word(const char *word)
{
    if (word[0] == '-')
        return true;
    for (size_t i = 0; dispatch_command_name(i); i++)
        if (strcmp(dispatch_command_name(i), word) == 0)
            return true;
    return false;
}

/* A word typed as a code, even a wrong one (0x..., digits, SL_E_...): lookup says what is wrong
 * with it, where a plain word goes to the search. */
static bool typed_as_code(const char *word)
{
    if (word[0] == '-' && word[1] >= '0' && word[1] <= '9')
        return true;
    return (word[0] >= '0' && word[0] <= '9') || strchr(word, '_') != NULL;
}

/* A line that names no command: the codes in it are looked up (its other plain words, a
 * sentence around them, are left out); a line holding no code is a search for its words.
 * Fills argv (count + 3 entries) and returns its count. */
static int helpdesk_line(char **words, int count, char **argv)
{
    int codes = 0, n = 2;
    for (int i = 0; i < count; i++) {
        uint32_t code;
        char shown[CLI_CODE_WORD_MAX];
        codes += cli_code_in_word(words[i], &code, shown) != NULL || typed_as_code(words[i]);
    }
    argv[0] = "slerr";
    argv[1] = codes ? "lookup" : "search";
    for (int i = 0; i < count; i++) {
        uint32_t code;
        char shown[CLI_CODE_WORD_MAX];
        if (!codes || cli_code_in_word(words[i], &code, shown) || typed_as_code(words[i]) ||
            words[i][0] == '-')
            argv[n++] = words[i];
    }
    argv[n] = NULL;
    return n;
}

/* Runs one line (which it splits in place); `quit` is set by quit and exit. Returns the
 * command's exit status. */
static int run_line(const struct session *s, char *line, bool *quit)
{
    size_t length = strlen(line);
    if (length > REPL_LINE_MAX) {
        cli_error("line of %zu bytes ignored: at most %d", length, REPL_LINE_MAX);
        return EXIT_USAGE;
    }
    char **words;
    int count;
    const char *error = repl_split(line, &words, &count);
    if (error) {
        cli_error("%s", error);
        return strcmp(error, "out of memory") == 0 ? EXIT_NO_MEMORY : EXIT_USAGE;
    }
    int status = EXIT_OK;
    if (count == 0) {
        /* nothing to do */
    } else if (strcmp(words[0], "quit") == 0 || strcmp(words[0], "exit") == 0) {
        *quit = true;
    } else if (strcmp(words[0], "repl") == 0) {
        cli_error("already in an interactive session");
        status = EXIT_USAGE;
    } else {
        char **argv = malloc((size_t)(count + 3) * sizeof *argv);
        int saved = -1;
        if (argv && wants_block(s, words, count))
            status = block_on_stdin(s->batch, &saved);
        if (argv && status != EXIT_OK) {
            /* the block was not taken: reported */
        } else if (argv && !s->batch && count == 1 && strcmp(words[0], "help") == 0) {
            status = dispatch_paged(s, 2, (char *[]){ "slerr", "help", NULL });
            fputs("\nIn this session: 'quit' or 'exit' (or Ctrl-D) ends it; a line that names no\n"
                  "command looks up the codes in it, or else searches for its words.\n", stdout);
        } else if (argv && !is_command_word(words[0])) {
            status = dispatch_paged(s, helpdesk_line(words, count, argv), argv);
        } else if (argv) {
            argv[0] = "slerr";
            memcpy(argv + 1, words, (size_t)(count + 1) * sizeof *argv);
            status = dispatch_paged(s, count + 1, argv);
        }
        if (saved >= 0) {
            dup2(saved, STDIN_FILENO);
            close(saved);
        }
        if (argv) {
            free(argv);
        } else {
            cli_error("out of memory");
            status = EXIT_NO_MEMORY;
        }
    }
    free(words);
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

/* Reads one line into `line` (REPL_LINE_MAX + 3 bytes: the line, CR LF, NUL). A longer one
 * is read to its end and replaced by "", its length in *dropped. false at the end of input. */
static bool read_line(FILE *in, char *line, size_t *dropped)
{
    *dropped = 0;
    if (!fgets(line, REPL_LINE_MAX + 3, in))
        return false;
    size_t n = strlen(line);
    if (n < REPL_LINE_MAX + 2 || line[n - 1] == '\n')
        return true;
    int c;
    while ((c = getc(in)) != EOF && c != '\n')
        n++;
    *dropped = n;
    line[0] = '\0';
    return true;
}

static int run_batch(struct session *s)
{
    FILE *in = take_stdin();
    s->batch = in;
    char *line = malloc(REPL_LINE_MAX + 3);
    int worst = EXIT_OK;
    bool quit = false;
    size_t dropped;
    if (!in || !line) {
        cli_error("cannot read commands: %s", strerror(errno));
        free(line);
        if (in)
            fclose(in);
        return in ? EXIT_NO_MEMORY : EXIT_IO;
    }
    while (!quit && read_line(in, line, &dropped)) {
        int status = EXIT_OK;
        if (dropped) {
            cli_error("line of %zu bytes ignored: at most %d", dropped, REPL_LINE_MAX);
            status = EXIT_USAGE;
        } else if (is_command(line)) {
            status = run_line(s, line, &quit);
        }
        worst = status > worst ? status : worst;
        if (ferror(stdout)) /* the reader went away: the rest would be lost too */
            break;
    }
    if (ferror(in)) {
        cli_error("cannot read commands: %s", strerror(errno));
        worst = worst > EXIT_IO ? worst : EXIT_IO;
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
        repl_paste_key((wint_t)*key);
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

/* Whether a line's first word is a command of the session (quit, help, lookup, explain ...). */
static bool names_command(const char *line)
{
    char word[32];
    size_t n = strcspn(line += strspn(line, " \t"), " \t\r\n");
    if (n == 0 || n >= sizeof word)
        return false;
    memcpy(word, line, n);
    word[n] = '\0';
    return is_command_word(word) || strcmp(word, "quit") == 0 || strcmp(word, "exit") == 0 ||
           strcmp(word, "repl") == 0 || strcmp(word, "help") == 0;
}

/* A block pasted at the prompt without `explain` before it: explain reads it, as if typed
 * after `explain` and ended by ".". */
static void explain_paste(const struct session *s, char *first)
{
    FILE *block;
    char *end = strpbrk(first, "\r\n");
    if (end)
        *end = '\0'; /* the line editor's line end; the block's lines end in LF */
    if (repl_paste_take(first, &block) != EXIT_OK)
        return;
    int saved = dup(STDIN_FILENO);
    if (saved >= 0 && dup2(fileno(block), STDIN_FILENO) >= 0)
        dispatch_paged(s, 2, (char *[]){ "slerr", "explain", NULL });
    else
        cli_error("cannot keep the pasted text: %s", strerror(errno));
    fclose(block);
    if (saved >= 0) {
        dup2(saved, STDIN_FILENO);
        close(saved);
    }
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
        bool pasted = repl_paste_started();
        if (line && pasted && !names_command(line)) {
            explain_paste(s, line); /* several lines at once that are no command: evidence */
        } else if (line && is_command(line)) {
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
        return EXIT_NO_MEMORY;
    }
    EditLine *el = open_editor(out, &h);
    if (!el || interrupt_install() != 0) {
        cli_error("cannot start the line editor");
        if (el)
            el_end(el);
        repl_history_close(&h);
        return EXIT_IO;
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
    struct session s = { .history = true, .pager = false, .batch = NULL };
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    const struct command_line spec = { "repl", repl_usage, repl_options, repl_option, &s, 0 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    return isatty(STDIN_FILENO) ? run_interactive(&s) : run_batch(&s);
}

SLERR_MODULE_EXPORT const struct slerr_module slerr_module_repl = {
    SLERR_MODULE_ABI, SLERR_VERSION_STRING, cmd_repl,
};
