/* SPDX-License-Identifier: MIT */
/* explain_text.c: the example program of libslerr-explain(3), built by the install test against
 * the installed library through pkg-config: explains the text on standard input. */
#include <stdio.h>
#include <slerr-explain.h>

static int show(void *context, const slerr_explain_record *r)
{
    (void)context;
    for (size_t i = 0; i < slerr_explain_record_findings(r); i++) {
        printf("%s:%zu %s %s %s", slerr_explain_record_kind(r), slerr_explain_record_line(r),
               slerr_explain_severity_name(slerr_explain_finding_severity(r, i)),
               slerr_explain_finding_field(r, i), slerr_explain_finding_rule(r, i));
        for (size_t j = 0; j < slerr_explain_finding_codes(r, i); j++)
            printf(" 0x%08X", (unsigned)slerr_explain_finding_code(r, i, j));
        printf("\n");
    }
    return 0;
}

int main(void)
{
    char buffer[4096];
    size_t n;
    int status = SLERR_EXPLAIN_DONE;
    slerr_explainer *e = slerr_explainer_new(show, NULL);
    if (!e)
        return 2;
    while (status == SLERR_EXPLAIN_DONE && (n = fread(buffer, 1, sizeof buffer, stdin)) > 0)
        status = slerr_explainer_feed(e, buffer, n);
    if (status == SLERR_EXPLAIN_DONE)
        status = slerr_explainer_finish(e);
    if (status != SLERR_EXPLAIN_DONE)
        fprintf(stderr, "%s\n", slerr_explain_strerror(status));
    const slerr_explain_record *head = slerr_explainer_headline(e);
    if (head)
        printf("headline: %s\n", slerr_explain_finding_text(head, 0));
    int worst = slerr_explainer_worst(e);
    slerr_explainer_free(e);
    return worst >= SLERR_EXPLAIN_WARNING ? 1 : 0;
}
