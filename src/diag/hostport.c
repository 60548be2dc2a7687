/* hostport.c: "HOST", "HOST:PORT", "[IPV6]:PORT" and bare IPv6 addresses, as typed by users. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static int parse_port(const char *text, uint16_t *port)
{
    char *end;
    if (*text < '0' || *text > '9')
        return -1;
    unsigned long value = strtoul(text, &end, 10);
    if (*end != '\0' || value == 0 || value > 65535)
        return -1;
    *port = (uint16_t)value;
    return 0;
}

static int copy_host(const char *start, size_t length, char *host, size_t size)
{
    if (length == 0 || length >= size)
        return -1;
    memcpy(host, start, length);
    host[length] = '\0';
    /* blanks, slashes or '@' cannot belong to a host name or address */
    return strpbrk(host, " \t\n/@[]") ? -1 : 0;
}

int diag_parse_hostport(const char *text, uint16_t default_port, char *host, size_t size,
                        uint16_t *port)
{
    *port = default_port;
    if (text[0] == '[') {
        const char *close = strchr(text, ']');
        if (!close || copy_host(text + 1, (size_t)(close - text - 1), host, size) != 0)
            return -1;
        if (close[1] == '\0')
            return 0;
        return close[1] == ':' ? parse_port(close + 2, port) : -1;
    }
    const char *colon = strchr(text, ':');
    if (colon && strchr(colon + 1, ':')) /* two colons: a bare IPv6 address */
        return copy_host(text, strlen(text), host, size);
    if (!colon)
        return copy_host(text, strlen(text), host, size);
    if (copy_host(text, (size_t)(colon - text), host, size) != 0)
        return -1;
    return parse_port(colon + 1, port);
}
