/* SPDX-License-Identifier: MIT */
/* test_diag_suffixes.c: the Windows client's suffix order (src/diag/suffixes.c): primary,
 * devolved parents down to two labels, connection-specific, no duplicates, bounded. */
#include <criterion/criterion.h>
#include <string.h>

#include "suffixes.h"

static void expect(const struct suffix_list *list, const char *const *names, size_t count)
{
    cr_assert_eq(list->count, count, "%zu suffixes, not %zu", count, list->count);
    for (size_t i = 0; i < count; i++)
        cr_assert_str_eq(list->items[i].name, names[i], "suffix %zu", i);
}

Test(suffixes, primary_then_devolution_then_connection)
{
    struct suffix_list list;
    const char *connection[] = { "lab.example.net", "corp.example.com" };
    suffix_list_build("emea.corp.example.com", connection, 2, &list);
    const char *want[] = { "emea.corp.example.com", "corp.example.com", "example.com", "lab.example.net" };
    expect(&list, want, 4);
    cr_assert_eq(list.items[0].origin, SUFFIX_PRIMARY);
    cr_assert_eq(list.items[1].origin, SUFFIX_PARENT);
    cr_assert_eq(list.items[2].origin, SUFFIX_PARENT);
    cr_assert_eq(list.items[3].origin, SUFFIX_CONNECTION, "a repeated suffix keeps its first place");
}

Test(suffixes, devolution_stops_at_two_labels)
{
    struct suffix_list list;
    suffix_list_build("example.com", NULL, 0, &list);
    const char *want[] = { "example.com" };
    expect(&list, want, 1);
    suffix_list_build("localdomain", NULL, 0, &list);
    const char *single[] = { "localdomain" };
    expect(&list, single, 1);
}

Test(suffixes, no_primary)
{
    struct suffix_list list;
    const char *connection[] = { "a.test", "b.test." };
    suffix_list_build(NULL, connection, 2, &list);
    const char *want[] = { "a.test", "b.test" };
    expect(&list, want, 2);
    cr_assert_eq(list.items[0].origin, SUFFIX_CONNECTION, "no parents for a connection suffix");
}

Test(suffixes, case_and_final_dot_do_not_make_a_new_suffix)
{
    struct suffix_list list;
    const char *connection[] = { "Corp.Example.COM.", "corp.example.com" };
    suffix_list_build("corp.example.com.", connection, 2, &list);
    const char *want[] = { "corp.example.com", "example.com" };
    expect(&list, want, 2);
}

Test(suffixes, bounded)
{
    struct suffix_list list;
    suffix_list_build("a.b.c.d.e.f.g.h.i.j.k.l", NULL, 0, &list);
    cr_assert_eq(list.count, SUFFIX_MAX);
    cr_assert_eq(list.dropped, 11 - SUFFIX_MAX + 0u, "what did not fit is counted");
    cr_assert_str_eq(list.items[SUFFIX_MAX - 1].name, "h.i.j.k.l");
}

Test(suffixes, parse_option)
{
    struct suffix_list list;
    cr_assert_eq(suffix_list_parse("emea.corp.example.com,corp.example.com,other.test", &list), 0);
    const char *want[] = { "emea.corp.example.com", "corp.example.com", "example.com", "other.test" };
    expect(&list, want, 4);
    cr_assert_eq(suffix_list_parse("a.test,,b.test", &list), -1);
    cr_assert_eq(suffix_list_parse("", &list), -1);
    cr_assert_eq(suffix_list_parse("a.test,", &list), -1);
    /* only dots: no suffix, and one that must not hand the primary's place to the next */
    cr_assert_eq(suffix_list_parse(".", &list), -1);
    cr_assert_eq(suffix_list_parse(".,x.test", &list), -1);
    cr_assert_eq(suffix_list_parse("x.test,..", &list), -1);
}

Test(suffixes, origin_words)
{
    cr_assert_str_eq(suffix_origin_text(SUFFIX_PARENT), "parent of the primary");
}
