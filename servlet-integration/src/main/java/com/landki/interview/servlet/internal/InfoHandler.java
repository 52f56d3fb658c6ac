package com.landki.interview.servlet.internal;

import com.landki.interview.InterviewVersion;
import com.landki.interview.chatkit.server.AttachmentOptions;
import com.landki.interview.chatkit.server.DictationOptions;
import com.landki.interview.store.InterviewStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health} and {@code GET /config}: public, cheap, never a secret. Thread-safe. */
public final class InfoHandler {

    /**
     * The page settings {@code /config} hands out; {@code attachments} and {@code dictation} are the own
     * server's rules, {@code null} when it accepts none (or the backend is {@code hosted});
     * {@code setupMessage} says what the operator still has to set, {@code null} when the page can chat.
     */
    public record PageSettings(String greeting, List<Map<String, String>> prompts, String composerPlaceholder,
            String domainKey, List<String> feedbackCategories, String backend, boolean chatKitConfigured,
            String setupMessage, String sessionUrl, String chatKitUrl, String ui, AttachmentOptions attachments,
            DictationOptions dictation) {
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
        out.put("setup_message", page.setupMessage());
        out.put("session_url", page.sessionUrl());
        out.put("chatkit_url", page.chatKitUrl());
        out.put("ui", page.ui());
        out.put("attachments", attachments(page.attachments()));
        out.put("dictation", dictation(page.dictation()));
        return ApiResponse.ok(out).withHeader("Cache-Control", "no-cache");
    }

    /** What the composer may offer, so the page refuses in advance what the server would refuse. */
    private static Map<String, Object> attachments(AttachmentOptions rules) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", rules != null);
        if (rules != null) {
            out.put("max_bytes", rules.maxBytes());
            out.put("max_per_message", AttachmentOptions.MAX_PER_MESSAGE);
            out.put("types", rules.allowedTypes());
        }
        return out;
    }

    private static Map<String, Object> dictation(DictationOptions rules) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", rules != null);
        if (rules != null) {
            out.put("max_bytes", rules.maxBytes());
            out.put("types", rules.allowedTypes());
        }
        return out;
    }
}
