/* SPDX-License-Identifier: MIT */
/* fuzz_sntp.c: the SNTP reply checks on arbitrary bytes; the first 16 bytes of the input choose
 * our send and receive timestamps, so clock arithmetic at the extremes is exercised too. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sntp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t sent = 0, received = 0;
    struct sntp_reply reply;
    if (size >= 16) {
        memcpy(&sent, data, 8);
        memcpy(&received, data + 8, 8);
        data += 16;
        size -= 16;
    }
    enum sntp_status status = sntp_parse_reply(data, size, sent, received, &reply);
    if (status != reply.status || sntp_status_text(status) == NULL)
        abort();
    if (status == SNTP_OK && (!isfinite(reply.offset) || !isfinite(reply.delay)))
        abort(); /* offsets are printed and compared with thresholds */
    return 0;
}
