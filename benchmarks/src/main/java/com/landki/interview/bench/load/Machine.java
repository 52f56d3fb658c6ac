package com.landki.interview.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line naming the machine a figure was measured on. */
final class Machine {

  private Machine() {
  }

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException unreadable) {
      // Not Linux: the CPU model stays unknown, the rest of the line is still true.
    }
    long memKiB = 0;
    try {
      memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
    } catch (IOException unreadable) {
      // Not Linux: memory stays unknown (printed as 0 GiB).
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, Java %s, %s %s",
        Runtime.getRuntime().availableProcessors(), cpu, memKiB / 1048576.0,
        System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"));
  }
}
