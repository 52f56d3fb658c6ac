package com.landki.interview.bench.load;

import com.landki.interview.store.Durability;
import com.landki.interview.store.FeedbackEntry;
import com.landki.interview.store.FeedbackStore;
import com.landki.interview.store.InterviewStore;
import com.landki.interview.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fills a log directory with realistic feedback records through the JSONL store itself (so the files
 * have exactly the format, rotation and stats the server reads at start) until the feedback files hold
 * the requested number of bytes.
 */
final class FeedbackLogFiller {

  private static final String QUESTION = "Wie sind Sie in Ihrem letzten Projekt mit widersprüchlichen "
      + "Anforderungen zweier Stakeholder umgegangen, und was würden Sie heute anders machen?";
  private static final String REPLY = "Dazu finde ich in den bereitgestellten Unterlagen leider keine "
      + "Informationen. Bitte stellen Sie eine Frage zu den Stationen im Lebenslauf, zu den Projekten oder "
      + "zu den fachlichen Schwerpunkten, dann antworte ich gern ausführlich und mit Quellenangabe.";

  private FeedbackLogFiller() {
  }

  /** Appends records until the feedback files in {@code logDir} reach {@code bytes}; returns the count. */
  static long fill(Path logDir, long bytes) throws IOException {
    StoreConfig config = StoreConfig.builder().type(StoreConfig.TYPE_JSONL).logDir(logDir)
        .durability(Durability.FLUSH).build();
    long records = 0;
    try (InterviewStore store = InterviewStore.open(config)) {
      FeedbackStore feedback = store.feedback();
      long written = 0;
      while (written < bytes) {
        // Check the real size only now and then; between checks estimate from the record count.
        for (int i = 0; i < 10_000; i++) {
          feedback.append(FeedbackEntry.publicFeedback("cksess_fill" + (records % 50_000), QUESTION, REPLY,
              records % 7 == 0 ? "wrong_answer" : "out_of_scope", "Eintrag " + records, "203.0.113.0"));
          records++;
        }
        written = feedbackBytes(logDir);
      }
    }
    return records;
  }

  private static long feedbackBytes(Path dir) throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("feedback")).toList()) {
        total += Files.size(p);
      }
    }
    return total;
  }
}
