package com.landki.interview.servlet.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a route's handler sees it, free of any servlet type: method, path within the mount, query
 * parameters (first value each), headers (names in lower case, first value each), the body, who calls
 * (client IP, the IP as it may be stored, the user id where the route resolves one). Immutable.
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        byte[] body, ClientIpResolver.ClientIp client, String storedIp, String userId) {

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String query(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as one JSON object (an empty body gives an empty object); 400 otherwise. */
    public ObjectNode json() {
        return Json.parseObject(body);
    }

    public CallContext caller() {
        return new CallContext(storedIp, userId);
    }
}
