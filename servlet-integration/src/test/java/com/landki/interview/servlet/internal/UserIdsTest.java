package com.landki.interview.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.landki.interview.servlet.UserIdResolver;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserIdsTest {

    private final UserIdCookies cookies = HandlerFixtures.cookies();
    private final List<String> setCookies = new ArrayList<>();

    private UserIds userIds(UserIdResolver resolver) {
        return new UserIds(resolver::resolve, cookies, "interview_uid", "/interview/api",
                new ClientIpResolver(List.of()));
    }

    @Test
    void thePrincipalWinsAndNoCookieIsSet() {
        String id = userIds(UserIdResolver.principal()).resolve(request("alice", null), response());
        assertThat(id).isEqualTo("p_alice");
        assertThat(setCookies).isEmpty();
    }

    @Test
    void withoutPrincipalTheSignedCookieIsUsed() {
        String signed = cookies.sign("u_known");
        assertThat(userIds(UserIdResolver.principal()).resolve(request(null, signed), response())).isEqualTo("u_known");
        assertThat(setCookies).isEmpty();
    }

    @Test
    void aNewVisitorGetsAFreshSignedCookieOncePerRequest() {
        UserIds ids = userIds(UserIdResolver.cookieOnly());
        HttpServletRequest request = request(null, null);
        String id = ids.resolve(request, response());
        assertThat(ids.resolve(request, response())).isEqualTo(id);
        assertThat(setCookies).hasSize(1);
        String value = setCookies.get(0).substring("interview_uid=".length(), setCookies.get(0).indexOf(';'));
        assertThat(cookies.verify(value)).isEqualTo(id);
    }

    private HttpServletRequest request(String principal, String cookie) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getUserPrincipal":
                            return principal == null ? null : (Principal) () -> principal;
                        case "getCookies":
                            return cookie == null ? null : new Cookie[] {new Cookie("interview_uid", cookie)};
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "getContextPath":
                            return "";
                        case "getRemoteAddr":
                            return "203.0.113.9";
                        case "isSecure":
                            return false;
                        default:
                            return null;
                    }
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                    }
                    return null;
                });
    }
}
