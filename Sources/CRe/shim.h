// libre (SIP, SDP, RTP, timers, the event loop) and librem's G.711 tables, for the SIPChannel
// module. Swift cannot call C variadic functions, so each one the channel needs gets a fixed-arity
// `static inline` wrapper here; nothing else lives in this file.
#ifndef IVR_CRE_SHIM_H
#define IVR_CRE_SHIM_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>
#include <netinet/in.h>
// Debian builds libre with these; without them `struct sa` would lack its IPv6 member (a different
// layout from the library's) and `bool` would be a signed char.
#define HAVE_STDBOOL_H 1
#define HAVE_INET6 1
#define HAVE_INTTYPES_H 1
#include <re.h>
#include <rem/rem_g711.h>

/// `sip_transp_add` for UDP and TCP (TLS would pass a context through the variadic tail).
static inline int ivr_sip_transp_add(struct sip *sip, enum sip_transp tp, const struct sa *laddr) {
    return sip_transp_add(sip, tp, laddr);
}

/// `sipsess_connect` without routes and with `headers` (each line ending in CRLF, or "") added to
/// the INVITE verbatim: the P-Asserted-Identity of the caller ID goes there.
static inline int ivr_sipsess_connect(
    struct sipsess **sessp, struct sipsess_sock *sock, const char *to_uri, const char *from_name,
    const char *from_uri, const char *cuser, struct mbuf *desc, sip_auth_h *authh, void *aarg,
    sipsess_offer_h *offerh, sipsess_answer_h *answerh, sipsess_progr_h *progrh, sipsess_estab_h *estabh,
    sipsess_info_h *infoh, sipsess_close_h *closeh, void *arg, const char *headers) {
    return sipsess_connect(sessp, sock, to_uri, from_name, from_uri, cuser, NULL, 0, "application/sdp", desc,
                           authh, aarg, false, offerh, answerh, progrh, estabh, infoh, NULL, closeh, arg,
                           "%s", headers);
}

/// `sdp_format_add` appending a format with optional fmtp parameters (NULL for none).
static inline int ivr_sdp_format_add(struct sdp_media *m, const char *id, const char *name, uint32_t srate,
                                     uint8_t ch, const char *params) {
    if (params)
        return sdp_format_add(NULL, m, false, id, name, srate, ch, NULL, NULL, NULL, false, "%s", params);
    return sdp_format_add(NULL, m, false, id, name, srate, ch, NULL, NULL, NULL, false, NULL);
}

/// `sdp_media_set_lattr` with a plain string value (e.g. `ptime` `20`).
static inline int ivr_sdp_media_set_lattr(struct sdp_media *m, const char *name, const char *value) {
    return sdp_media_set_lattr(m, true, name, "%s", value);
}


#endif
