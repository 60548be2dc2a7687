/* test_output.c: the JSON writer of the output layer produces valid JSON for any value. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "output.h"

static char *write_json(void (*body)(struct output *))
{
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    cr_assert_not_null(stream);
    struct output o;
    output_init(&o, stream, FORMAT_JSON, COLOR_NEVER);
    json_object_begin(&o, NULL);
    body(&o);
    json_object_end(&o);
    json_line_end(&o);
    fclose(stream);
    return text;
}

static void non_finite(struct output *o)
{
    json_double(o, "nan", NAN);
    json_double(o, "inf", INFINITY);
    json_double(o, "half", 0.5);
}

Test(output, non_finite_numbers_become_null)
{
    char *text = write_json(non_finite);
    cr_assert_str_eq(text, "{\"nan\":null,\"inf\":null,\"half\":0.500000}\n");
    free(text);
}

static void hostile_strings(struct output *o)
{
    json_string(o, "quote", "a\"b\\c");
    json_string(o, "control", "\x01\n\t");
    json_string(o, "invalid", "\xff\xc3(");
    json_string(o, "utf8", "caf\xc3\xa9");
    json_string(o, "null", NULL);
    json_array_begin(o, "list");
    json_uint(o, NULL, 1);
    json_int(o, NULL, -2);
    json_bool(o, NULL, true);
    json_array_end(o);
}

Test(output, strings_are_escaped_and_commas_placed)
{
    char *text = write_json(hostile_strings);
    cr_assert_str_eq(text, "{\"quote\":\"a\\\"b\\\\c\",\"control\":\"\\u0001\\n\\t\","
                           "\"invalid\":\"\\ufffd\\ufffd(\",\"utf8\":\"caf\xc3\xa9\","
                           "\"null\":null,\"list\":[1,-2,true]}\n");
    free(text);
}
