package com.landki.interview.servlet.internal;

import com.landki.interview.InterviewVersion;
import com.landki.interview.store.InterviewStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health} and {@code GET /config}: public, cheap, never a secret. Thread-safe. */
public final class InfoHandler {

    /** The page settings {@code /config} hands out. */
    public record PageSettings(String greeting, List<Map<String, String>> prompts, String composerPlaceholder,
            String domainKey, List<String> feedbackCategories, String backend, boolean chatKitConfigured,
            String sessionUrl, String chatKitUrl, String ui) {
    }

    private final InterviewStore store;
    private final PageSettings page;

    public InfoHandler(InterviewStore store, PageSettings page) {
        this.store = store;
        this.page = page;
    }

    public ApiResponse health() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("version", InterviewVersion.get());
        out.put("chatkit_configured", page.chatKitConfigured());
        out.put("backend", page.backend());
        out.put("store", store.type());
        return ApiResponse.ok(out).withHeader("Cache-Control", "no-store");
    }

    public ApiResponse config() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("greeting", page.greeting());
        out.put("prompts", new ArrayList<>(page.prompts()));
        out.put("composer_placeholder", page.composerPlaceholder());
        out.put("domain_key", page.domainKey());
        out.put("feedback_categories", page.feedbackCategories());
        out.put("backend", page.backend());
        out.put("chatkit_configured", page.chatKitConfigured());
        out.put("session_url", page.sessionUrl());
        out.put("chatkit_url", page.chatKitUrl());
        out.put("ui", page.ui());
        return ApiResponse.ok(out).withHeader("Cache-Control", "no-cache");
    }
}
