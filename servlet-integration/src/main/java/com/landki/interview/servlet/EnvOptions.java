package com.landki.interview.servlet;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import com.landki.interview.servlet.internal.SdkWiring;
import java.util.ArrayList;
import java.util.List;

/** Reads the settings of the registry ({@link Settings}) that the mounted API uses into a builder. */
final class EnvOptions {

    private EnvOptions() {
    }

    static InterviewApiOptions.Builder read(ConfigSource source) {
        InterviewApiOptions.Builder b = InterviewApiOptions.builder();
        Settings.INTERVIEW_API_MOUNT_PATH.ifSet(source, b::mountPath);
        b.adminToken(Settings.ADMIN_TOKEN.read(source));
        Settings.ALLOWED_ORIGINS.ifSet(source, b::allowedOrigins);
        Settings.TRUSTED_PROXIES.ifSet(source, b::trustedProxies);
        b.ipAnonymization(Settings.IP_ANONYMIZATION.read(source));
        b.feedbackListPublic(Settings.FEEDBACK_LIST_PUBLIC.read(source));
        b.rateLimitSessionPerMin(Settings.RATE_LIMIT_SESSION_PER_MIN.read(source));
        b.rateLimitFeedbackPerMin(Settings.RATE_LIMIT_FEEDBACK_PER_MIN.read(source));
        b.rateLimitClassifyPerMin(Settings.RATE_LIMIT_CLASSIFY_PER_MIN.read(source));
        b.rateLimitChatKitPerMin(Settings.RATE_LIMIT_CHATKIT_PER_MIN.read(source));
        byte[] secret = Settings.USER_ID_COOKIE_SECRET.read(source);
        if (secret != null) {
            b.userIdCookieSecret(secret);
        } else {
            b.userIdCookieSecretFile(Settings.INTERVIEW_LOG_DIR.read(source).resolve("user-id-cookie.secret"));
        }
        b.greeting(Settings.INTERVIEW_GREETING.read(source));
        b.composerPlaceholder(Settings.INTERVIEW_COMPOSER_PLACEHOLDER.read(source));
        b.chatUi(Settings.CHATKIT_UI.read(source));
        Settings.INTERVIEW_PROMPTS.ifSet(source, value -> b.prompts(prompts(value)));
        Settings.FEEDBACK_CATEGORIES.ifSet(source, b::feedbackCategories);
        b.domainPublicKey(Settings.OPENAI_DOMAIN_PUBLIC_KEY.read(source));
        SdkWiring.fromEnv(source, b);
        return b;
    }

    /** {@code Label|Prompt text}; a part without {@code |} uses the text as its label. */
    static List<InterviewApiOptions.Prompt> prompts(List<String> parts) {
        List<InterviewApiOptions.Prompt> out = new ArrayList<>();
        for (String part : parts) {
            int bar = part.indexOf('|');
            String label = (bar < 0 ? part : part.substring(0, bar)).trim();
            String prompt = (bar < 0 ? part : part.substring(bar + 1)).trim();
            out.add(new InterviewApiOptions.Prompt(label, prompt));
        }
        return out;
    }
}
