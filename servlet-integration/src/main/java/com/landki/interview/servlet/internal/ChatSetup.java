package com.landki.interview.servlet.internal;

import com.landki.interview.config.ChatBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * What the configuration lets the chat do, said in words an operator can act on: the one place that builds
 * every "not configured" message of the API (the {@code /chatkit/session} and {@code /chatkit} refusals, the
 * {@code /classify} by {@code thread_id} refusal, the start-up warning and the {@code setup_message} of
 * {@code /config} that the chat page shows). Each message names the backend
 * that runs and why ({@code CHATKIT_BACKEND} and, for {@code auto}, the workflow id), and advises setting only
 * what is not set. Immutable.
 */
public final class ChatSetup {

    static final String KEY = "OPENAI_API_KEY";
    static final String WORKFLOW = "OPENAI_WORKFLOW_ID";
    private static final String WORKS_WITHOUT = "; health, feedback and the dashboard work without it";
    /** Hosted workflows ran on Agent Builder; since its shutdown the own server is the only path we advise. */
    static final String RETIRED = "Agent Builder, which ran hosted workflows, shut down on 2026-11-30";
    private static final String USE_SERVER = "; " + RETIRED + ": use the own ChatKit server with CHATKIT_BACKEND=server";

    private final ChatBackend requested;
    private final ChatBackend backend;
    private final boolean apiKey;
    private final boolean workflow;
    private final boolean vectorStore;
    private final boolean serverMounted;
    private final String mountPath;

    /**
     * @param requested     {@code CHATKIT_BACKEND} as set ({@code auto} not resolved)
     * @param backend       the backend that runs ({@code auto} resolved)
     * @param apiKey        whether there is an OpenAI client ({@code OPENAI_API_KEY} or one given in code)
     * @param workflow      whether a workflow id is configured
     * @param vectorStore   whether {@code OPENAI_VECTOR_STORE_ID} is set (the own server's file_search)
     * @param serverMounted whether the own ChatKit server answers at {@code <mount>/chatkit}
     * @param mountPath     where the API is mounted
     */
    public ChatSetup(ChatBackend requested, ChatBackend backend, boolean apiKey, boolean workflow,
            boolean vectorStore, boolean serverMounted, String mountPath) {
        this.requested = requested;
        this.backend = backend;
        this.apiKey = apiKey;
        this.workflow = workflow;
        this.vectorStore = vectorStore;
        this.serverMounted = serverMounted;
        this.mountPath = mountPath;
    }

    /** Whether the page can chat: sessions can be minted (hosted) or the own server is mounted (server). */
    public boolean chatConfigured() {
        return backend == ChatBackend.SERVER ? serverMounted : sessionsPossible();
    }

    private boolean sessionsPossible() {
        return apiKey && workflow;
    }

    /** Why {@code POST /chatkit/session} mints no session, or {@code null} when it does. */
    public String sessionsUnavailable() {
        if (sessionsPossible()) {
            return null;
        }
        if (backend == ChatBackend.HOSTED) {
            return "chat sessions need " + and(hostedMissing()) + " (" + why() + ")" + USE_SERVER;
        }
        return "this API runs the own ChatKit server (" + why() + "): the page chats through " + mountPath
                + ApiRoutes.CHATKIT + " and needs no session";
    }

    /** Why {@code POST /chatkit} is not answered by the own server, or {@code null} when it is. */
    public String chatKitUnavailable() {
        if (serverMounted) {
            return null;
        }
        if (backend == ChatBackend.HOSTED) {
            return "this API runs the hosted backend (" + why() + "): the page gets a session from " + mountPath
                    + ApiRoutes.SESSION + " and chats with OpenAI; the own ChatKit server answers here with"
                    + " CHATKIT_BACKEND=server";
        }
        return "the own ChatKit server (" + why() + ") is not running: it needs " + serverMissing();
    }

    /** The start-up warning when the page cannot chat, or {@code null} when it can. */
    public String chatMissing() {
        String missing = setupMessage();
        return missing == null ? null : "chat is NOT configured: " + missing + WORKS_WITHOUT;
    }

    /**
     * What the operator still has to set before the page can chat ({@code setup_message} of {@code /config},
     * shown in the page's banner), or {@code null} when it can chat.
     */
    public String setupMessage() {
        if (chatConfigured()) {
            return null;
        }
        if (backend == ChatBackend.HOSTED) {
            return "the hosted backend (" + why() + ") needs " + and(hostedMissing()) + USE_SERVER
                    + (apiKey ? "" : " and " + serverNeeds());
        }
        return "the own ChatKit server (" + why() + ") needs " + serverMissing();
    }

    /** The start-up warning when the hosted backend runs although it is configured, or {@code null}. */
    public String hostedRetired() {
        if (backend != ChatBackend.HOSTED || !chatConfigured()) {
            return null;
        }
        return "the hosted backend (" + why() + ") mints sessions for an Agent Builder workflow; " + RETIRED
                + ", so its chats may fail: use the own ChatKit server with CHATKIT_BACKEND=server"
                + (requested == ChatBackend.AUTO ? " (or unset " + WORKFLOW + ")" : "");
    }

    /** Why {@code POST /classify} with a {@code thread_id} cannot read the thread, or {@code null} when it can. */
    public String threadsUnavailable(boolean threadReader) {
        if (threadReader) {
            return null;
        }
        if (backend == ChatBackend.SERVER) {
            return "classifying by thread_id reads a thread of OpenAI's hosted ChatKit; the own ChatKit server ("
                    + why() + ") classifies every answer as it stores it (response.classified in the chat log);"
                    + " send user_question and assistant_reply instead";
        }
        return "classifying by thread_id reads the thread from OpenAI and needs " + KEY
                + "; send user_question and assistant_reply instead";
    }

    /** Why this backend runs: the setting as set, and for {@code auto} what decided it. */
    private String why() {
        if (requested == ChatBackend.AUTO) {
            return "CHATKIT_BACKEND=auto " + (backend == ChatBackend.HOSTED ? "with " : "without ") + WORKFLOW;
        }
        return "CHATKIT_BACKEND=" + backend.id();
    }

    private List<String> hostedMissing() {
        List<String> missing = new ArrayList<>();
        if (!apiKey) {
            missing.add(KEY);
        }
        if (!workflow) {
            missing.add(WORKFLOW);
        }
        return missing;
    }

    /** What the own server lacks: an OpenAI client, or (one given in code without settings) a responder. */
    private String serverMissing() {
        return apiKey ? "a responder (BackendOptions.responder) or the OPENAI_* settings (InterviewApiOptions.from)"
                : serverNeeds();
    }

    /** The settings of the own server's Responses agent that are unset; the vector store is optional. */
    private String serverNeeds() {
        return KEY + (vectorStore ? "" : " (and OPENAI_VECTOR_STORE_ID for file_search)");
    }

    private static String and(List<String> names) {
        return String.join(" and ", names);
    }
}
