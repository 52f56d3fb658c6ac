package com.landki.interview.chatkit.server.widgets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a widget does when used, e.g. {@link Button#onClickAction()}: the client sends {@code {type, payload}}
 * back as {@code threads.custom_action} (with {@code handler} {@code server}, the default) or hands it to the
 * page's own action handler ({@code client}). As chatkit-python's {@code ActionConfig}; {@code handler},
 * {@code loadingBehavior} and {@code streaming} are always written, with its defaults. The payload comes back
 * from the client: treat it as untrusted input.
 *
 * @param type            the action's name, e.g. {@code out_of_scope.report}; not blank
 * @param payload         data sent back with the action; {@code null} for none (left out of the JSON)
 * @param handler         {@code server} (default) or {@code client}
 * @param loadingBehavior {@code auto} (default), {@code none}, {@code self} or {@code container}
 * @param streaming       true (default): sent as {@code threads.custom_action}; false: as
 *                        {@code threads.sync_custom_action}
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record ActionConfig(String type, Map<String, Object> payload, String handler, String loadingBehavior,
                           boolean streaming) {

    /** {@link #handler()} of an action the server handles. */
    public static final String SERVER = "server";
    /** {@link #handler()} of an action the page handles itself. */
    public static final String CLIENT = "client";
    /** The default {@link #loadingBehavior()}. */
    public static final String AUTO = "auto";

    /**
     * Checks the type and fills in the defaults.
     *
     * @param type            the action's name; not blank
     * @param payload         the payload, or {@code null}
     * @param handler         {@code server}, {@code client}, or {@code null} for {@code server}
     * @param loadingBehavior the loading behavior, or {@code null} for {@code auto}
     * @param streaming       whether the action is sent as a streamed request
     * @throws IllegalArgumentException when {@code type} is null or blank
     */
    public ActionConfig {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an action needs a type");
        }
        payload = payload == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        handler = handler == null ? SERVER : handler;
        loadingBehavior = loadingBehavior == null ? AUTO : loadingBehavior;
    }

    /**
     * A server-handled, streamed action with {@code payload}.
     *
     * @param type    the action's name; not blank
     * @param payload its payload, or {@code null} for none
     * @return the action
     */
    public static ActionConfig of(String type, Map<String, Object> payload) {
        return new ActionConfig(type, payload, SERVER, AUTO, true);
    }

    /**
     * This action with another loading behavior.
     *
     * @param behavior {@code auto}, {@code none}, {@code self} or {@code container}
     * @return a copy; this action is unchanged
     */
    public ActionConfig withLoadingBehavior(String behavior) {
        return new ActionConfig(type, payload, handler, Objects.requireNonNull(behavior, "behavior"), streaming);
    }

    /**
     * This action, handled by the page instead of the server.
     *
     * @return a copy with handler {@code client}
     */
    public ActionConfig handledByClient() {
        return new ActionConfig(type, payload, CLIENT, loadingBehavior, streaming);
    }

    /**
     * The payload, as JSON writes it: left out when there is none.
     *
     * @return the payload, or {@code null}
     */
    @Override
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Map<String, Object> payload() {
        return payload;
    }
}
