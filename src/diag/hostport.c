/* SPDX-License-Identifier: MIT */
/* hostport.c: what users type: "HOST", "HOST:PORT", "[IPV6]" and "[IPV6]:PORT", a bare IPv6
 * address when it cannot be misread, and DNS names (checked before they reach a resolver). */
#include <arpa/inet.h>
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

static bool is_ipv6(const char *text)
{
    struct in6_addr raw;
    return inet_pton(AF_INET6, text, &raw) == 1;
}

static bool is_ipv4(const char *text)
{
    struct in_addr raw;
    return inet_pton(AF_INET, text, &raw) == 1;
}

bool diag_valid_name(const char *name)
{
    size_t length = strlen(name), label = 0;
    if (length > 0 && name[length - 1] == '.')
        length--; /* the root: "example.com." is "example.com" */
    if (length == 0 || length > DIAG_NAME_MAX)
        return false;
    for (size_t i = 0; i < length; i++) {
        char c = name[i];
        if (c == '.') {
            if (label == 0)
                return false; /* an empty label */
            label = 0;
            continue;
        }
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!letter && c != '-' && c != '_')
            return false;
        if (++label > 63)
            return false;
    }
    return true;
}

/* A host is an address literal or a DNS name; nothing else may reach the resolver. */
static int copy_host(const char *start, size_t length, char *host, size_t size, bool ipv6)
{
    if (length == 0 || length >= size)
        return -1;
    memcpy(host, start, length);
    host[length] = '\0';
    if (ipv6)
        return is_ipv6(host) ? 0 : -1;
    return is_ipv4(host) || diag_valid_name(host) ? 0 : -1;
}

/* "::1:1688" is the address ::1:1688 and also ::1 with port 1688: refuse the guess. */
static bool ambiguous_ipv6(const char *text)
{
    const char *colon = strrchr(text, ':');
    uint16_t port;
    char prefix[64];
    size_t n = (size_t)(colon - text);
    if (parse_port(colon + 1, &port) != 0 || n >= sizeof prefix)
        return false;
    memcpy(prefix, text, n);
    prefix[n] = '\0';
    return is_ipv6(prefix);
}

int diag_parse_hostport(const char *text, uint16_t default_port, char *host, size_t size,
                        uint16_t *port)
{
    *port = default_port;
    if (text[0] == '[') {
        const char *close = strchr(text, ']');
        if (!close || copy_host(text + 1, (size_t)(close - text - 1), host, size, true) != 0)
            return -1;
        if (close[1] == '\0')
            return 0;
        return close[1] == ':' ? parse_port(close + 2, port) : -1;
    }
    const char *colon = strchr(text, ':');
    if (colon && strchr(colon + 1, ':')) /* two colons: only a bare IPv6 address, unambiguous */
        return ambiguous_ipv6(text) ? -1 : copy_host(text, strlen(text), host, size, true);
    if (!colon)
        return copy_host(text, strlen(text), host, size, false);
    if (copy_host(text, (size_t)(colon - text), host, size, false) != 0)
        return -1;
    return parse_port(colon + 1, port);
}
