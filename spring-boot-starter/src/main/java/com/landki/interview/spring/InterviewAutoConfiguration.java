package com.landki.interview.spring;

import com.landki.interview.chatkit.ChatKitClient;
import com.landki.interview.chatkit.server.ChatKitServer;
import com.landki.interview.chatkit.server.responder.ChatKitResponder;
import com.landki.interview.chatkit.server.store.AttachmentStore;
import com.landki.interview.chatkit.server.store.ThreadStore;
import com.landki.interview.config.ConfigSource;
import com.landki.interview.servlet.AssetServlet;
import com.landki.interview.servlet.InterviewApi;
import com.landki.interview.servlet.InterviewApiOptions;
import com.landki.interview.servlet.UserIdResolver;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Mounts the interview API ({@code interview.mount-path}, default {@code /interview/api}) and serves the chat
 * page and the dashboard next to it ({@code /interview/}, {@code /interview/dashboard/}) in a Boot servlet web
 * application. Every {@code interview.*} property is a row of the settings registry
 * ({@link com.landki.interview.config.Settings}); the README's environment variables work as well. Beans of
 * the application replace the defaults: an {@link InterviewStore}, a {@link ChatKitClient}, a
 * {@link ChatKitServer} or only its {@link ChatKitResponder}, a {@link UserIdResolver}; Boot's
 * {@link DataSource} holds the PostgreSQL store and the own server's threads ({@code interview.store=postgres}
 * without {@code interview.jdbc-url}) and Boot's
 * {@link MeterRegistry} takes the API's meters. Works on Spring Boot 3.5 and 4.0.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ServletContext.class, ServletRegistrationBean.class})
@ConditionalOnProperty(name = "interview.enabled", havingValue = "true", matchIfMissing = true)
public class InterviewAutoConfiguration {

    /** The settings registry over Spring's environment (see {@code interview.*} in the configuration metadata). */
    @Bean
    @ConditionalOnMissingBean(name = "interviewConfigSource")
    ConfigSource interviewConfigSource(Environment environment) {
        return new SpringConfigSource(environment);
    }

    /**
     * The store of {@code interview.store} ({@code jsonl} in {@code interview.log-dir} by default), on Boot's
     * data source for {@code postgres} when there is one; closed with the application context.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    InterviewStore interviewStore(ConfigSource interviewConfigSource, ObjectProvider<DataSource> dataSource) {
        DataSource boot = bootDataSource(interviewConfigSource, dataSource);
        return boot != null ? InterviewStore.postgres(boot) : InterviewStore.open(StoreConfig.from(interviewConfigSource));
    }

    /** Boot's data source when {@code interview.store=postgres} names no {@code interview.jdbc-url}, else null. */
    private static DataSource bootDataSource(ConfigSource source, ObjectProvider<DataSource> dataSource) {
        StoreConfig config = StoreConfig.from(source);
        return StoreConfig.TYPE_POSTGRES.equals(config.type()) && config.jdbcUrl() == null
                ? dataSource.getIfAvailable() : null;
    }

    /**
     * Mounts the API while the embedded container starts. What the options only describe (the ChatKit client
     * and the own server of the settings) belongs to the API and is closed when the servlet context stops.
     */
    @Bean
    ServletContextInitializer interviewApiInitializer(ConfigSource interviewConfigSource, InterviewStore store,
            ObjectProvider<ChatKitClient> chatKitClient, ObjectProvider<ChatKitServer> chatKitServer,
            ObjectProvider<ChatKitResponder> responder, ObjectProvider<UserIdResolver> userIdResolver,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<DataSource> dataSource) {
        return servletContext -> {
            InterviewApiOptions.Builder options = InterviewApiOptions.from(interviewConfigSource).toBuilder().store(store);
            // the own server's threads and attachments go where the store's records go: Boot's database
            DataSource boot = bootDataSource(interviewConfigSource, dataSource);
            if (boot != null) {
                options.backend(b -> b.threadStore(ThreadStore.postgres(boot))
                        .attachmentStore(AttachmentStore.postgres(boot)));
            }
            chatKitClient.ifUnique(client -> options.backend(b -> b.chatKitClient(client)));
            chatKitServer.ifUnique(server -> options.backend(b -> b.chatKitServer(server)));
            responder.ifUnique(r -> options.backend(b -> b.responder(r)));
            userIdResolver.ifUnique(r -> options.security(s -> s.userIdResolver(r)));
            meterRegistry.ifUnique(options::meterRegistry);
            InterviewApi.mount(servletContext, options.build());
        };
    }

    /** The chat page and the dashboard of {@code interview-frontend-assets}, where the pages find the API. */
    @Bean
    @ConditionalOnMissingBean(name = "interviewAssets")
    ServletRegistrationBean<AssetServlet> interviewAssets(ConfigSource interviewConfigSource) {
        String pages = pagesPath(InterviewApiOptions.from(interviewConfigSource).mountPath());
        ServletRegistrationBean<AssetServlet> registration = new ServletRegistrationBean<>(new AssetServlet(), pages + "/*");
        registration.setName("interviewAssets");
        return registration;
    }

    /** The pages call {@code <pages>/api}: {@code /interview/api} gives {@code /interview}. */
    static String pagesPath(String mountPath) {
        return mountPath.endsWith("/api") && mountPath.length() > "/api".length()
                ? mountPath.substring(0, mountPath.length() - "/api".length())
                : "/interview";
    }
}
