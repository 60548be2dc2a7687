/* SPDX-License-Identifier: MIT */
/* fuzz_rpc.c: the DCE/RPC bind reply parser on arbitrary bytes, the way the KMS probe feeds it:
 * first the "how much do I need" question, then the parse of exactly that many bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rpc_pdu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rpc_bind_reply reply;
    for (size_t prefix = 0; prefix <= size && prefix < 32; prefix++)
        (void)rpc_reply_needed(data, prefix); /* every partial header a slow peer can send */
    size_t needed = rpc_reply_needed(data, size);
    size_t length = needed == 0 || needed == SIZE_MAX || needed > size ? size : needed;
    rpc_parse_bind_reply(data, length, &reply);
    if (memchr(reply.secondary_address, '\0', sizeof reply.secondary_address) == NULL)
        abort(); /* the address is printed: it must always be terminated */
    if (reply.outcome == RPC_MALFORMED && reply.problem == NULL)
        abort();
    return 0;
}
