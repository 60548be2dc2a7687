/* SPDX-License-Identifier: MIT */
/* label_coverage.c: `label-coverage LANG` lists the fields and phrases that the built-in label
 * rows of LANG ("de", "zh-CN") still lack, against English; exit 0 when none, 1 otherwise. A
 * helper for adding a label language (doc/HACKING.md), run by the suite on English. */
#include <stdio.h>

#include "labels.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: label-coverage LANG\n");
        return 2;
    }
    enum ex_label missing[EXL_LABEL_COUNT];
    size_t count = ex_labels_missing(argv[1], missing, EXL_LABEL_COUNT);
    for (size_t i = 0; i < count; i++)
        printf("%s: no row for %s\n", argv[1], ex_label_name(missing[i]));
    printf("%s: %zu of %d fields and phrases without a row\n", argv[1], count, (int)(EXL_LABEL_COUNT - 1 - EXL_OTHER));
    return count ? 1 : 0;
}
