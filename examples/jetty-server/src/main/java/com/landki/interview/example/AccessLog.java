package com.landki.interview.example;

import com.landki.interview.servlet.ClientIps;
import com.landki.interview.servlet.InterviewApi;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request once its response is complete (streams too), on the logger {@link #LOGGER}: method, route,
 * status, duration, bytes sent and the client IP as the stores keep it ({@link ClientIps}: anonymized unless
 * {@code IP_ANONYMIZATION=false}), with the request's {@link RequestIds id}. The route of an API request is its
 * template ({@code /interview/api/chatkit/attachments/*}, no ids); other paths (the page's assets) are logged as
 * requested, without the query. In JSON the parts are fields of their own ({@code method}, {@code route},
 * {@code status}, {@code duration_ms}, {@code bytes}, {@code client_ip}).
 */
final class AccessLog implements RequestLog {

    /** The logger of the access lines, to route or silence them on their own. */
    static final String LOGGER = "com.landki.interview.access";
    /** Longest raw path logged; a scanner's path beyond it is cut. */
    static final int MAX_PATH = 200;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final ClientIps ips;

    AccessLog(ClientIps ips) {
        this.ips = ips;
    }

    @Override
    public void log(Request request, Response response) {
        String route = request.getAttribute(InterviewApi.ROUTE_ATTRIBUTE) instanceof String template ? template
                : path(request);
        int status = response.getStatus();
        long millis = NanoTime.millisSince(request.getBeginNanoTime());
        long bytes = Response.getContentBytesWritten(response);
        String ip = ips.storedIp(Request.getRemoteAddr(request),
                request.getHeaders().getValuesList(HttpHeader.FORWARDED),
                request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String known ? known : null;
        // the line is written on whichever thread completed the response: it names its request itself
        try (MDC.MDCCloseable ignored = id == null ? null : MDC.putCloseable(RequestIds.MDC_KEY, id)) {
            LOG.atInfo().addKeyValue("method", request.getMethod()).addKeyValue("route", route)
                    .addKeyValue("status", status).addKeyValue("duration_ms", millis).addKeyValue("bytes", bytes)
                    .addKeyValue("client_ip", ip)
                    .log("{} {} {} {} ms {} B {}", request.getMethod(), route, status, millis, bytes, ip);
        }
    }

    private static String path(Request request) {
        String path = request.getHttpURI().getPath();
        if (path == null) {
            return "-";
        }
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…";
    }
}
