package com.landki.interview.http.jetty;

import com.landki.interview.http.HttpTransport;
import java.time.Duration;

/** The transport contract on the SDK's default, the JDK {@code HttpClient}. */
class JdkHttpTransportTest extends HttpTransportContract {

    @Override
    HttpTransport create() {
        return HttpTransport.jdk(Duration.ofSeconds(5));
    }
}
