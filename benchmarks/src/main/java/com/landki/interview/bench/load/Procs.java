package com.landki.interview.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Figures of running processes from Linux's {@code /proc}, summed over a set of pids. */
final class Procs {

  /** USER_HZ; 100 on every Linux architecture the JDK runs on. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private Procs() {
  }

  /** CPU time (user + system) used so far, in milliseconds. */
  static long cpuMillis(List<Long> pids) throws IOException {
    long ticks = 0;
    for (long pid : pids) {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }
    return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
  }

  /** The sum of one numeric field of {@code /proc/<pid>/status} (e.g. {@code VmRSS:} in KiB, {@code Threads:}). */
  static long status(List<Long> pids, String field) throws IOException {
    long sum = 0;
    for (long pid : pids) {
      sum += status(pid, field);
    }
    return sum;
  }

  static long status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException(field + " missing in /proc/" + pid + "/status");
  }

  /**
   * The sum of the processes' proportional set sizes ({@code Pss:} of {@code /proc/<pid>/smaps_rollup}, KiB): what
   * they hold in RAM with each shared page (the JDK's {@code libjvm}, class-data archive) counted once in all.
   */
  static long pss(List<Long> pids) throws IOException {
    long sum = 0;
    for (long pid : pids) {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          sum += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
        }
      }
    }
    return sum;
  }

  /** Open file descriptors. */
  static long fds(List<Long> pids) throws IOException {
    long sum = 0;
    for (long pid : pids) {
      try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        sum += s.count();
      }
    }
    return sum;
  }
}
