/* SPDX-License-Identifier: MIT */
/* repl_history.c: the REPL's history file, $XDG_STATE_HOME/slerr/history (XDG's place for
 * state), private to its user (0700 directory, 0600 file) and bounded in size. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "repl.h"

#define HISTORY_ENTRIES 1000
#define HISTORY_LINE_MAX 4096 /* a pasted log is not worth remembering, and would bloat the file */
/* A line of the file: libedit's encoding (strvis) turns one byte into at most four. */
#define HISTORY_FILE_LINE_MAX (4 * HISTORY_LINE_MAX + 1)

/* a followed by b, in a new allocation; NULL when out of memory. */
static char *concat(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 1);
    if (s)
        snprintf(s, la + lb + 1, "%s%s", a, b);
    return s;
}

/* Creates each missing directory of `path` with mode 0700; 0, or -1 with errno. */
static int make_private_dirs(char *path)
{
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        int failed = mkdir(path, 0700) != 0 && errno != EEXIST;
        *p = saved;
        if (failed)
            return -1;
        if (saved == '\0')
            return 0;
    }
}

/* "$XDG_STATE_HOME/slerr" (a relative XDG_STATE_HOME is ignored, as the spec says), or
 * "$HOME/.local/state/slerr"; NULL without either. */
static char *state_dir(void)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        return concat(xdg, "/slerr");
    if (home && home[0] == '/')
        return concat(home, "/.local/state/slerr");
    return NULL;
}

static char *history_path(void)
{
    char *dir = state_dir();
    char *path = NULL;
    if (!dir)
        return NULL;
    if (make_private_dirs(dir) != 0)
        cli_error("history disabled: cannot create %s: %s", dir, strerror(errno));
    else
        path = concat(dir, "/history");
    free(dir);
    return path;
}

/* Opens the history file for reading: a regular file only (a FIFO would block the session, a
 * device is no history). NULL, with *regular false when something else is there. */
static FILE *open_regular(const char *path, bool *regular)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    *regular = true;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *regular = false;
        close(fd);
        return NULL;
    }
    FILE *file = fdopen(fd, "r");
    if (!file)
        close(fd);
    return file;
}

/* Copies the lines of `from` that fit HISTORY_FILE_LINE_MAX to `to`: a line pasted into the
 * file by hand costs nothing. 0, or -1 on a read or write error. */
static int copy_short_lines(FILE *from, FILE *to)
{
    char line[HISTORY_FILE_LINE_MAX + 2];
    bool skipping = false;
    while (fgets(line, sizeof line, from)) {
        size_t n = strlen(line);
        bool whole = n > 0 && line[n - 1] == '\n';
        if (!skipping && whole && fputs(line, to) == EOF)
            return -1;
        skipping = !whole; /* the rest of a long line follows: drop it up to its end */
    }
    return ferror(from) ? -1 : 0;
}

/* Loads the history file through a copy without its overlong lines (libedit reads a line of
 * any length, and every later save would write it again). 0 (also when there is no file yet),
 * or -1 after reporting why the file must not be used. */
static int load(struct repl_history *h)
{
    HistEvent event;
    bool regular;
    FILE *file = open_regular(h->path, &regular);
    if (!file && !regular)
        cli_error("history disabled: %s is not a regular file", h->path);
    else if (!file && errno != ENOENT)
        cli_error("history disabled: cannot read %s: %s", h->path, strerror(errno));
    if (!file)
        return regular && errno == ENOENT ? 0 : -1;
    char *temp = concat(h->path, ".XXXXXX");
    int fd = temp ? mkstemp(temp) : -1;
    FILE *copy = fd >= 0 ? fdopen(fd, "w") : NULL;
    int status = copy && copy_short_lines(file, copy) == 0 && fflush(copy) == 0 ? 0 : -1;
    if (status != 0)
        cli_error("history disabled: cannot copy %s: %s", h->path, strerror(errno));
    if (copy)
        fclose(copy);
    else if (fd >= 0)
        close(fd);
    if (status == 0 && history(h->history, &event, H_LOAD, temp) < 0)
        cli_error("cannot read history %s; it will be rewritten", h->path);
    if (fd >= 0)
        unlink(temp);
    free(temp);
    fclose(file);
    return status;
}

int repl_history_open(struct repl_history *h, bool persist)
{
    HistEvent event;
    memset(h, 0, sizeof *h);
    h->history = history_init();
    if (!h->history)
        return -1;
    history(h->history, &event, H_SETSIZE, HISTORY_ENTRIES);
    history(h->history, &event, H_SETUNIQUE, 1);
    if (!persist)
        return 0;
    h->path = history_path();
    if (h->path && load(h) != 0) {
        free(h->path);
        h->path = NULL;
    }
    return 0;
}

/* Writes the whole history to a private temporary file, then renames it over the old one:
 * a crash never leaves half a file, and the mode is 0600 whatever the umask. */
static int save(struct repl_history *h)
{
    HistEvent event;
    char *temp = concat(h->path, ".XXXXXX");
    if (!temp)
        return -1;
    int fd = mkstemp(temp);
    FILE *file = fd >= 0 ? fdopen(fd, "w") : NULL;
    int status = -1;
    if (file && history(h->history, &event, H_SAVE_FP, file) >= 0 && fflush(file) == 0)
        status = 0;
    if (file ? fclose(file) != 0 : (fd >= 0 && close(fd) != 0))
        status = -1;
    if (status == 0 && rename(temp, h->path) != 0)
        status = -1;
    if (status != 0 && fd >= 0) {
        int saved = errno;
        unlink(temp);
        errno = saved;
    }
    free(temp);
    return status;
}

void repl_history_add(struct repl_history *h, const char *line)
{
    HistEvent event;
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == ' ' || line[length - 1] == '\t'))
        length--; /* TAB leaves a space after a completed word */
    if (length > HISTORY_LINE_MAX)
        return;
    char *trimmed = strndup(line, length);
    if (!trimmed)
        return; /* history is a convenience: never stop a session for it */
    history(h->history, &event, H_ENTER, trimmed);
    free(trimmed);
    if (!h->path || save(h) == 0 || h->save_failed)
        return;
    h->save_failed = true;
    cli_error("cannot save history to %s: %s", h->path, strerror(errno));
}

void repl_history_close(struct repl_history *h)
{
    if (h->history)
        history_end(h->history);
    free(h->path);
    memset(h, 0, sizeof *h);
}
