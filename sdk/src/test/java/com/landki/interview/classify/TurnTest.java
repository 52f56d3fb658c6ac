package com.landki.interview.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnTest {

    @Test
    void lastAssistantMessageAndTheQuestionBeforeIt() {
        ChatItem toolCall = ChatItem.clientToolCall("report_out_of_scope", "{}");
        Turn turn = Turn.lastOf(List.of(
                ChatItem.userMessage("Erste Frage"),
                ChatItem.assistantMessage("Erste Antwort"),
                ChatItem.userMessage("Zweite Frage"),
                ChatItem.of(ChatItem.TASK),
                ChatItem.assistantMessage("Zweite Antwort"),
                toolCall));

        assertThat(turn.question()).isEqualTo("Zweite Frage");
        assertThat(turn.answer()).isEqualTo("Zweite Antwort");
        assertThat(turn.items()).extracting(ChatItem::type)
                .containsExactly(ChatItem.TASK, ChatItem.ASSISTANT_MESSAGE, ChatItem.CLIENT_TOOL_CALL);
    }

    @Test
    void newerUnansweredQuestionDoesNotJoinTheAnsweredTurn() {
        Turn turn = Turn.lastOf(List.of(
                ChatItem.userMessage("Frage"),
                ChatItem.assistantMessage("Antwort"),
                ChatItem.userMessage("Noch offen"),
                ChatItem.clientToolCall("report_out_of_scope", "{}")));

        assertThat(turn.question()).isEqualTo("Frage");
        assertThat(turn.answer()).isEqualTo("Antwort");
        assertThat(turn.items()).extracting(ChatItem::type).containsExactly(ChatItem.ASSISTANT_MESSAGE);
    }

    @Test
    void turnWithOnlyToolCallsAndWidgetsHasNoAnswer() {
        Turn turn = Turn.lastOf(List.of(
                ChatItem.userMessage("Frage"),
                ChatItem.of(ChatItem.WIDGET),
                ChatItem.clientToolCall("report_out_of_scope", "{}")));

        assertThat(turn.question()).isEqualTo("Frage");
        assertThat(turn.answer()).isNull();
        assertThat(turn.items()).hasSize(2);
    }

    @Test
    void answerWithoutQuestionInTheWindow() {
        Turn turn = Turn.lastOf(List.of(ChatItem.of(ChatItem.WIDGET), ChatItem.assistantMessage("Willkommen!")));

        assertThat(turn.question()).isNull();
        assertThat(turn.answer()).isEqualTo("Willkommen!");
        assertThat(turn.items()).hasSize(2);
    }

    @Test
    void emptyThreadGivesEmptyTurn() {
        assertThat(Turn.lastOf(List.of())).isEqualTo(new Turn(null, null, List.of()));
    }
}
