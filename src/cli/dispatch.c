/* SPDX-License-Identifier: MIT */
/* dispatch.c: the table of commands and the one dispatcher that the program and the REPL share. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "catalog-version.h"
#include "cli.h"
#include "module.h"
#include "slerr.h"


/* A command runs in the program (run), or in the module of its name when run is NULL: those
 * commands need a large library and print their own --help (module.h). */
struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    const char *usage;
};

static const struct command commands[] = {
    { "lookup", "show the entry for each code (also what `slerr CODE...` does)", cmd_lookup,
      lookup_usage },
    { "search", "ranked full-text search over codes, events, symptoms and settings", cmd_search,
      search_usage },
    { "list", "the catalog, filtered by kind, activation type or facility", cmd_list, list_usage },
    { "event", "what an activation event (12288, 12290, ...) records", cmd_event, event_usage },
    { "symptom", "problems without a code: cause and steps", cmd_symptom, symptom_usage },
    { "setting", "KMS registry values: type, default, effect", cmd_setting, setting_usage },
    { "diagnose", "probe DNS, TCP 1688, the KMS RPC interface and the clock; suggest entries",
      NULL, NULL },
    { "annotate", "copy text to stdout, marking every code it recognises", cmd_annotate,
      annotate_usage },
    { "explain", "read pasted slmgr/ospp/PowerShell/event output; say what its fields mean",
      NULL, NULL },
    { "repl", "interactive session with history and TAB completion (`slerr` on a terminal)",
      NULL, NULL },
    { NULL, NULL, NULL, NULL },
};

/* Module commands that are monitoring plugins with an option: the plugin's service name, so
 * that a module that cannot load still gives a status line (plugin_unavailable). */
static const struct {
    const char *command, *option, *service;
} plugins[] = {
    { "diagnose", "--nagios", "KMS" },
};

static const char main_usage[] =
    "Usage: slerr CODE...                look up Windows activation error codes\n"
    "       slerr COMMAND [OPTIONS] ...\n"
    "\n"
    "Commands:\n";

static const char help_summary[] = "this help, or a command's details";

static const char main_usage_tail[] =
    "\n"
    "Options: --brief (the message only), --json, --color=auto|always|never, --help,\n"
    "--version.\n"
    "For shell completion: --list-commands, and COMMAND --list-options.\n"
    "Exit status: 0 success, 1 not found or a problem found, 2 usage error, 3 read or write\n"
    "error, 4 out of memory, 5 a part of slerr missing (a module), 130 interrupted.\n";

static const struct command *find_command(const char *name)
{
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* The service name when `argv` runs a command as a monitoring plugin; NULL otherwise. */
static const char *plugin_service(int argc, char **argv)
{
    for (size_t p = 0; p < sizeof plugins / sizeof plugins[0]; p++) {
        if (strcmp(argv[0], plugins[p].command) != 0)
            continue;
        for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
            if (strcmp(argv[i], plugins[p].option) == 0)
                return plugins[p].service;
    }
    return NULL;
}

/* The monitoring-plugins guidelines: a plugin prints a status line and exits 3 (UNKNOWN)
 * for every failure to run, its module missing included. */
static int plugin_unavailable(const char *service)
{
    struct output out = { .stream = stdout };
    char safe[600];
    printf("%s UNKNOWN - %s\n", service, output_escape(module_failure(), safe, sizeof safe));
    return cli_finish(&out, 3);
}

static int run_command(const struct command *c, int argc, char **argv)
{
    if (c->run)
        return c->run(argc, argv);
    int status = module_run(c->name, argc, argv);
    const char *service = status == EXIT_UNAVAILABLE ? plugin_service(argc, argv) : NULL;
    return service ? plugin_unavailable(service) : status;
}

static int print_help(const char *topic)
{
    struct output out = { .stream = stdout };
    if (topic) {
        const struct command *c = find_command(topic);
        if (!c) {
            cli_error("no command '%s'", topic);
            return EXIT_USAGE;
        }
        if (!c->usage)
            return run_command(c, 2, (char *[]){ (char *)c->name, "--help", NULL });
        fputs(c->usage, stdout);
        return cli_finish(&out, EXIT_OK);
    }
    fputs(main_usage, stdout);
    for (const struct command *c = commands; c->name; c++)
        printf("  %-19s %s\n", c->name, c->summary);
    printf("  %-19s %s\n", "help [COMMAND]", help_summary);
    fputs(main_usage_tail, stdout);
    return cli_finish(&out, EXIT_OK);
}

/* `slerr --list-commands`: "NAME<TAB>SUMMARY" a line, help included, for shell completion. */
static int list_commands(void)
{
    struct output out = { .stream = stdout };
    for (const struct command *c = commands; c->name; c++)
        printf("%s\t%s\n", c->name, c->summary);
    printf("help\t%s\n", help_summary);
    return cli_finish(&out, EXIT_OK);
}

/* The one place --version is written: the program, its catalog, the licences, and where each
 * module is (with why one is not available). */
int dispatch_version(void)
{
    struct output out = { .stream = stdout };
    char path[PATH_MAX + 64], safe[600];
    printf("slerr %s (catalog of %zu entries)\n", slerr_version(), slerr_count());
    printf("catalog %s\n", SLERR_CATALOG_VERSION);
    printf("Licence: MIT. The catalog quotes Microsoft's message texts: the Windows SDK headers\n"
           "as win32metadata publishes them (MIT) and the WMI documentation (CC BY 4.0);\n"
           "NOTICE in slerr's source (a distribution's copyright file) names each.\n");
    printf("catalog contents: %zu codes, %zu events, %zu symptoms, %zu settings\n",
           slerr_kind_count(SLERR_KIND_CODE), slerr_kind_count(SLERR_KIND_EVENT),
           slerr_kind_count(SLERR_KIND_SYMPTOM), slerr_kind_count(SLERR_KIND_SETTING));
    for (const struct command *c = commands; c->name; c++) {
        if (c->run)
            continue;
        const char *why = module_check(c->name, path, sizeof path);
        printf("module %s: %s", c->name, output_escape(path, safe, sizeof safe));
        printf(why ? " (not available: %s)\n" : "\n", why);
    }
    return cli_finish(&out, EXIT_OK);
}

const char *dispatch_command_name(size_t index)
{
    size_t count = sizeof commands / sizeof commands[0] - 1;
    if (index < count)
        return commands[index].name;
    return index == count ? "help" : NULL;
}

int dispatch_run(int argc, char **argv)
{
    if (argc < 2 && isatty(STDIN_FILENO))
        return module_run("repl", 1, (char *[]){ "repl", NULL });
    if (argc < 2)
        return cli_usage_error(NULL, "no code or command given");
    const char *first = argv[1];
    if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0)
        return print_help(NULL);
    if (strcmp(first, "help") == 0)
        return print_help(argc > 2 ? argv[2] : NULL);
    if (strcmp(first, "--version") == 0 || strcmp(first, "-V") == 0)
        return dispatch_version();
    if (strcmp(first, "--list-commands") == 0)
        return list_commands();
    const struct command *c = find_command(first);
    if (c)
        return run_command(c, argc - 1, argv + 1);
    return cmd_lookup(argc, argv);
}
