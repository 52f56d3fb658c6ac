package com.landki.interview.servlet;

import com.landki.interview.servlet.internal.SdkWiring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reads the environment variables of the README's configuration table into a builder. */
final class EnvOptions {

    private EnvOptions() {
    }

    static InterviewApiOptions.Builder read(Function<String, String> env) {
        InterviewApiOptions.Builder b = InterviewApiOptions.builder();
        String mount = get(env, "INTERVIEW_API_MOUNT_PATH");
        if (mount != null) {
            b.mountPath(mount);
        }
        b.adminToken(get(env, "ADMIN_TOKEN"));
        b.allowedOrigins(list(get(env, "ALLOWED_ORIGINS")));
        b.trustedProxies(list(get(env, "TRUSTED_PROXIES")));
        b.ipAnonymization(bool(env, "IP_ANONYMIZATION", true));
        b.feedbackListPublic(bool(env, "FEEDBACK_LIST_PUBLIC", false));
        b.rateLimitSessionPerMin(integer(env, "RATE_LIMIT_SESSION_PER_MIN",
                InterviewApiOptions.DEFAULT_RATE_LIMIT_SESSION_PER_MIN));
        b.rateLimitFeedbackPerMin(integer(env, "RATE_LIMIT_FEEDBACK_PER_MIN",
                InterviewApiOptions.DEFAULT_RATE_LIMIT_FEEDBACK_PER_MIN));
        b.rateLimitClassifyPerMin(integer(env, "RATE_LIMIT_CLASSIFY_PER_MIN",
                InterviewApiOptions.DEFAULT_RATE_LIMIT_CLASSIFY_PER_MIN));
        b.rateLimitChatKitPerMin(integer(env, "RATE_LIMIT_CHATKIT_PER_MIN",
                InterviewApiOptions.DEFAULT_RATE_LIMIT_CHATKIT_PER_MIN));
        String secret = get(env, "USER_ID_COOKIE_SECRET");
        if (secret != null) {
            if (secret.length() < 16) {
                throw new IllegalArgumentException("USER_ID_COOKIE_SECRET must be at least 16 characters");
            }
            b.userIdCookieSecret(InterviewApiOptions.utf8(secret));
        } else {
            b.userIdCookieSecretFile(logDir(env).resolve("user-id-cookie.secret"));
        }
        String greeting = get(env, "INTERVIEW_GREETING");
        if (greeting != null) {
            b.greeting(greeting);
        }
        String placeholder = get(env, "INTERVIEW_COMPOSER_PLACEHOLDER");
        if (placeholder != null) {
            b.composerPlaceholder(placeholder);
        }
        String prompts = get(env, "INTERVIEW_PROMPTS");
        if (prompts != null) {
            b.prompts(prompts(prompts));
        }
        String categories = get(env, "FEEDBACK_CATEGORIES");
        if (categories != null) {
            b.feedbackCategories(list(categories));
        }
        String backend = get(env, "CHATKIT_BACKEND");
        if (backend != null) {
            b.chatKitBackend(backend);
        }
        String domainKey = get(env, "OPENAI_DOMAIN_PUBLIC_KEY");
        b.domainPublicKey(domainKey != null ? domainKey : get(env, "DOMAIN_PUBLIC_KEY"));
        SdkWiring.fromEnv(env, b);
        return b;
    }

    /** The mount path the environment asks for, normalized as the builder does. */
    static String mountPath(Function<String, String> env) {
        String mount = get(env, "INTERVIEW_API_MOUNT_PATH");
        if (mount == null) {
            return InterviewApiOptions.DEFAULT_MOUNT_PATH;
        }
        String value = mount;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    static Path logDir(Function<String, String> env) {
        String dir = get(env, "INTERVIEW_LOG_DIR");
        return Path.of(dir != null ? dir : "./_logs");
    }

    /** {@code Label|Prompt text;Label 2|Prompt 2}; a part without {@code |} uses the text as its label. */
    static List<InterviewApiOptions.Prompt> prompts(String value) {
        List<InterviewApiOptions.Prompt> out = new ArrayList<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int bar = part.indexOf('|');
            String label = (bar < 0 ? part : part.substring(0, bar)).trim();
            String prompt = (bar < 0 ? part : part.substring(bar + 1)).trim();
            out.add(new InterviewApiOptions.Prompt(label, prompt));
        }
        return out;
    }

    static String get(Function<String, String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static boolean bool(Function<String, String> env, String name, boolean fallback) {
        String value = get(env, name);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        }
    }

    private static int integer(Function<String, String> env, String name, int fallback) {
        String value = get(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
