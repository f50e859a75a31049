// libmicrohttpd for Swift. Its start and info functions are variadic, which Swift cannot call,
// so the few option lists `ivr serve` needs are spelled out here as fixed-argument functions.
#ifndef IVR_CMICROHTTPD_SHIM_H
#define IVR_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>

/// Starts a daemon with an internal polling thread (epoll) and a pool of `threads` worker threads,
/// bound to `address` (an IPv4 or IPv6 socket address), with every connection limited to
/// `memory_limit` bytes of buffers and dropped after `timeout_seconds` of inactivity.
/// `cert_pem` and `key_pem` (both NULL, or both set) switch on HTTPS.
static inline struct MHD_Daemon *ivr_mhd_start(
    const struct sockaddr *address, int ipv6,
    unsigned int threads, unsigned int timeout_seconds, size_t memory_limit, unsigned int connection_limit,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    MHD_NotifyConnectionCallback notify, void *notify_context,
    const char *cert_pem, const char *key_pem)
{
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC;
    if (ipv6) flags |= MHD_USE_IPv6;
    int tls = cert_pem != NULL && key_pem != NULL;
    if (tls) flags |= MHD_USE_TLS;
    // Without TLS the list ends where the certificate would start: libmicrohttpd reads options up
    // to the first MHD_OPTION_END and never looks at the arguments after it.
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_SOCK_ADDR, address,
        MHD_OPTION_THREAD_POOL_SIZE, threads,
        MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_NOTIFY_CONNECTION, notify, notify_context,
        tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert_pem,
        MHD_OPTION_HTTPS_MEM_KEY, key_pem,
        MHD_OPTION_END);
}

/// The port the daemon listens on (the kernel's choice when it was asked for port 0), or 0.
static inline uint16_t ivr_mhd_bound_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/// The socket of a connection, or -1.
static inline int ivr_mhd_connection_fd(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

#endif
