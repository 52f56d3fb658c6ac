package com.landki.interview.chatkit.server.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.landki.interview.chatkit.server.types.RawItem;
import com.landki.interview.chatkit.server.types.ThreadItem;
import com.landki.interview.chatkit.server.types.ThreadItemUpdate;
import com.landki.interview.chatkit.server.types.WidgetItem;
import com.landki.interview.chatkit.server.types.internal.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each widget component, its action and the widget item and updates, written by the SDK and compared with our
 * fixtures ({@code components.json}), then read back. The fixtures were checked against chatkit-python's pydantic
 * models (commit dacc133 of openai/chatkit-python): each validates as its model, as a strict component or root
 * where it is one, and dumps back to itself with {@code None} left out.
 */
class WidgetJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNode FIXTURES = load();

    private static JsonNode load() {
        try (InputStream in = WidgetJsonTest.class.getResourceAsStream("components.json")) {
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ActionConfig REPORT = ActionConfig.of("out_of_scope.report", null);

    @Test
    void actionsCarryTheirDefaultsAndLeaveOutAMissingPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answer", "msg_1");
        payload.put("n", 2);
        assertWritten("ActionConfig", ActionConfig.of("out_of_scope.report", payload).withLoadingBehavior("container"));
        assertWritten("ActionConfigWithoutPayload", ActionConfig.of("open", null).handledByClient());
    }

    @Test
    void textComponents() {
        assertComponent("Text", Text.builder("Hallo").id("t1").streaming(true).italic(false).color("secondary")
                .weight("semibold").size("sm").textAlign("center").truncate(true).maxLines(2).build());
        assertComponent("Title", Title.builder("Überschrift").color("primary").weight("bold").size("2xl")
                .textAlign("start").build());
        assertComponent("Caption", Caption.builder("klein").color("tertiary").weight("normal").size("sm")
                .textAlign("end").build());
        assertComponent("Markdown", Markdown.builder("**fett** und _kursiv_").id("md").streaming(false).build());
    }

    @Test
    void badgeIconAndButton() {
        assertComponent("Badge", Badge.builder("Gemeldet").color("success").variant("soft").size("md").pill(true).build());
        assertComponent("Icon", Icon.builder("info").color("secondary").size("lg").build());
        assertComponent("Button", Button.builder("Als Feedback melden").key("b").onClickAction(REPORT).style("primary")
                .color("danger").variant("outline").size("sm").iconStart("check").iconEnd("chevron-right").pill(false)
                .block(true).disabled(false).submit(false).build());
    }

    @Test
    void layoutBoxes() {
        assertComponent("Row", Row.builder().child(Badge.of("a")).child(Spacer.builder().minSize(8).build())
                .child(Text.of("b")).gap(2).align("center").justify("between").wrap("wrap").padding("12px").flex(1)
                .background("surface-secondary").build());
        assertComponent("Col", Col.builder().child(Title.of("x")).child(Divider.builder().spacing(3).flush(true).build())
                .child(Caption.of("y")).gap("4px").align("stretch").justify("start").padding(4).build());
        assertComponent("Divider", Divider.builder().spacing("8px").flush(false).build());
        assertComponent("Spacer", Spacer.builder().minSize("1rem").build());
    }

    @Test
    void rootsCardAndListView() {
        Card card = Card.builder().key("out_of_scope.offer")
                .child(Title.builder("Diese Frage liegt außerhalb der Dokumente").size("sm").build())
                .child(Row.builder().justify("end").child(Button.builder("Melden")
                        .onClickAction(REPORT.withLoadingBehavior("container")).build()).build())
                .size("md").padding(4).background("surface").collapsed(false).theme("light").build();
        assertComponent("Card", card);
        ListView list = ListView.builder().id("sources")
                .child(ListViewItem.builder().child(Icon.of("document")).child(Text.of("leitfaden.pdf"))
                        .onClickAction(new ActionConfig("open_source", Map.of("file", "leitfaden.pdf"), "client", "none", true))
                        .gap(2).align("center").build())
                .child(ListViewItem.of(Text.of("handbuch.md")))
                .limit(5).theme("dark").build();
        assertComponent("ListView", list);
        assertThat(read("Card", WidgetRoot.class)).isEqualTo(card);
        assertThat(read("ListView", WidgetRoot.class)).isEqualTo(list);
    }

    @Test
    void aWidgetItemAndItsUpdates() {
        WidgetItem item = new WidgetItem("wgt_1", "thr_1", Instant.parse("2026-11-26T03:00:00Z"),
                Card.of(Text.of("Danke!")), "Danke!");
        assertWritten("WidgetItem", item);
        assertThat(ProtocolJson.readItem(FIXTURES.get("WidgetItem"))).isEqualTo(item);
        assertWritten("WidgetRootUpdated", new ThreadItemUpdate.WidgetRootUpdated(
                Card.of(Badge.builder("Gemeldet").color("success").build())));
        assertWritten("WidgetComponentUpdated", new ThreadItemUpdate.WidgetComponentUpdated("t1",
                Text.builder("neu").id("t1").build()));
        assertWritten("WidgetStreamingTextValueDelta",
                new ThreadItemUpdate.WidgetStreamingTextValueDelta("md", " mehr", true));
    }

    @Test
    void aStoredWidgetWithAComponentWeDoNotModelIsKeptExactly() throws IOException {
        JsonNode json = PLAIN.readTree("{\"type\":\"widget\",\"id\":\"wgt_2\",\"thread_id\":\"thr_1\","
                + "\"created_at\":\"2026-11-26T03:00:00Z\",\"widget\":{\"type\":\"Card\",\"children\":"
                + "[{\"type\":\"Image\",\"src\":\"https://example.org/a.png\"}]}}");

        ThreadItem item = ProtocolJson.readItem(json);

        assertThat(item).isInstanceOf(RawItem.class);
        assertThat(item.type()).isEqualTo(ThreadItem.WIDGET);
        assertThat(PLAIN.readTree(ProtocolJson.write(item))).isEqualTo(json);
    }

    @Test
    void requiredPropertiesAreRequired() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Text.of(null)).isInstanceOf(NullPointerException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActionConfig.of(" ", null))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WidgetItem("w", "t", Instant.EPOCH, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    private static void assertComponent(String name, WidgetComponent component) {
        assertWritten(name, component);
        assertThat(read(name, WidgetComponent.class)).isEqualTo(component);
    }

    private static void assertWritten(String name, Object value) {
        try {
            assertThat(PLAIN.readTree(ProtocolJson.write(value))).as(name).isEqualTo(FIXTURES.get(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String name, Class<T> type) {
        try {
            return ProtocolJson.mapper().treeToValue(FIXTURES.get(name), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
