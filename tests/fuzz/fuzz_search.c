/* SPDX-License-Identifier: MIT */
/* fuzz_search.c: slerr_search on arbitrary bytes: any query either is refused (-1) or gives
 * hits that are sorted, within the array, and consistent with the match count. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slerr.h"

#define MAX_INPUT 2048
#define HITS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[MAX_INPUT + 1];
    struct slerr_hit hits[HITS + 1];
    size_t n = size < MAX_INPUT ? size : MAX_INPUT;
    memcpy(text, data, n);
    text[n] = '\0';
    memset(hits, 0, sizeof hits);
    size_t matches, counted;
    enum slerr_status status = slerr_search(text, hits, HITS, sizeof hits[0], &matches);
    if ((status != SLERR_OK && matches != 0) || hits[HITS].entry)
        abort();
    for (size_t i = 0; i < matches && i < HITS; i++)
        if (!hits[i].entry || !hits[i].score || (i > 0 && hits[i - 1].score < hits[i].score))
            abort();
    if (slerr_search(text, NULL, 0, 0, &counted) != status || counted != matches)
        abort();
    return 0;
}
