/* fuzz_srv.c: SRV answer handling on arbitrary DNS messages (compression loops, truncated
 * records, absurd counts), as c-ares hands them to the DNS probe. */
#include <ares.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "srv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct srv_list list; /* large: keep it off the fuzzer's stack */
    if (size > 65535)
        return 0; /* a DNS message is at most 64 KiB */
    memset(&list, 0, sizeof list);
    (void)srv_result(ARES_SUCCESS, data, (int)size, &list);
    if (list.count > SRV_MAX_RECORDS)
        abort();
    for (size_t i = 0; i < list.count; i++) {
        if (memchr(list.records[i].target, '\0', sizeof list.records[i].target) == NULL)
            abort();
        if (i > 0 && list.records[i - 1].priority > list.records[i].priority)
            abort(); /* the order a client tries them in */
    }
    return 0;
}
