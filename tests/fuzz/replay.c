/* SPDX-License-Identifier: MIT */
/* replay.c: runs a libFuzzer harness over every file of its corpus directories without
 * libFuzzer, so that the ordinary test suite replays each input a fuzz run once aborted on.
 * Usage: replay DIR... (a harness that finds a broken invariant aborts, failing the test). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT (1 << 20)

static int replay_file(const char *path)
{
    static uint8_t data[MAX_INPUT];
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t size = fread(data, 1, sizeof data, f);
    int failed = ferror(f);
    fclose(f);
    if (failed)
        return -1;
    LLVMFuzzerTestOneInput(data, size);
    return 0;
}

static int replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    int count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        char path[4096];
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (replay_file(path) != 0) {
            closedir(d);
            return -1;
        }
        count++;
    }
    closedir(d);
    printf("%s: %d inputs replayed\n", dir, count);
    return count > 0 ? 0 : -1; /* an empty corpus proves nothing */
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: replay DIR...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++)
        if (replay_dir(argv[i]) != 0)
            return 1;
    return 0;
}
