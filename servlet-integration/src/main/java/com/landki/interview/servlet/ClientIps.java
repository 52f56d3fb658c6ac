package com.landki.interview.servlet;

import com.landki.interview.servlet.internal.ClientIpResolver;
import com.landki.interview.servlet.internal.IpAddresses;
import java.util.List;
import java.util.Objects;

/**
 * A request's client IP in the form the API stores it (what {@link InterviewApi#CLIENT_IP_ATTRIBUTE} holds), for
 * requests outside the API too, e.g. in an access log: the TCP peer, or behind {@code TRUSTED_PROXIES} the client
 * named in the one {@code FORWARDED_HEADER}; IPv4 cut to its /24 and IPv6 to its /48 unless
 * {@code IP_ANONYMIZATION=false}. Immutable and thread-safe.
 */
public final class ClientIps {

    private final ClientIpResolver resolver;
    private final boolean anonymize;

    private ClientIps(SecurityOptions security) {
        this.resolver = ClientIpResolver.from(security);
        this.anonymize = security.ipAnonymization();
    }

    /**
     * The client IPs as the API mounted with {@code security} finds and stores them.
     *
     * @param security the trusted proxies, forwarding header and anonymization of the API
     * @return the resolver
     */
    public static ClientIps of(SecurityOptions security) {
        return new ClientIps(Objects.requireNonNull(security, "security"));
    }

    /**
     * The client IP of one request as it may be stored or logged.
     *
     * @param peer the TCP peer's address ({@code request.getRemoteAddr()})
     * @param forwarded the values of every {@code Forwarded} header, none when absent
     * @param xForwardedFor the values of every {@code X-Forwarded-For} header, none when absent
     * @return e.g. {@code 203.0.113.0}
     */
    public String storedIp(String peer, List<String> forwarded, List<String> xForwardedFor) {
        return IpAddresses.stored(resolver.resolve(peer, forwarded, xForwardedFor).address(), anonymize);
    }
}
