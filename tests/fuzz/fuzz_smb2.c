/* SPDX-License-Identifier: MIT */
/* fuzz_smb2.c: the SMB2 NEGOTIATE reply parser on arbitrary bytes; the first 16 bytes choose our
 * send and receive clocks, so the offset arithmetic is exercised at its extremes too. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smb2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    double sent = 0, received = 0;
    struct smb2_reply reply;
    if (size >= 16) {
        memcpy(&sent, data, 8);
        memcpy(&received, data + 8, 8);
        data += 16;
        size -= 16;
    }
    size_t needed = smb2_reply_needed(data, size);
    if (needed == 0 || needed > SMB2_REPLY_MIN)
        abort(); /* the probe's buffer holds SMB2_REPLY_MIN bytes */
    enum smb2_status status = smb2_parse_negotiate(data, size, &reply);
    if (status != reply.status || smb2_status_text(status) == NULL)
        abort();
    if (status == SMB2_OK && (reply.nanoseconds >= 1000000000u || reply.unix_seconds < 0))
        abort();
    if (status == SMB2_OK && isfinite(sent) && isfinite(received) && fabs(sent) < 1e12 &&
        fabs(received) < 1e12 && !isfinite(smb2_offset(&reply, sent, received)))
        abort(); /* offsets are printed and compared with thresholds */
    return 0;
}
