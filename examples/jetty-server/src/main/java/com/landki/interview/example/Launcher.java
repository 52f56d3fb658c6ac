package com.landki.interview.example;

import com.landki.interview.config.ConfigSource;
import com.landki.interview.config.Settings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar's main class. A JVM's heap is fixed when it starts, and {@code java -jar interview-server.jar} (the
 * README's command) gives none: the JVM would take a quarter of the RAM and grow towards it under load (1.4 GB
 * resident on a 24 GB host). So when the launching JVM was given no heap flag, this starts the server in a child
 * JVM with {@link Settings#INTERVIEW_JVM_OPTIONS} (default {@code -Xmx128m} and friends, see
 * {@code docs/operations.md}), with inherited standard streams, and passes its exit code on. The launching JVM
 * loads nothing of the server and waits; a SIGTERM or Ctrl-C to it stops the child gracefully, and the child
 * stops itself when the launcher dies.
 *
 * <p>Any heap flag on the command line ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, …) or
 * {@code INTERVIEW_JVM_OPTIONS=none} runs the server in the launching JVM, exactly as started.
 */
public final class Launcher {

    /** System property marking the child JVM. */
    static final String CHILD_PROPERTY = "interview.launcher.child";
    /** Flags of the launching JVM that size the heap: with one of them the operator has chosen. */
    static final List<String> HEAP_FLAGS = List.of("-Xmx", "-XX:MaxHeapSize", "-XX:MaxRAM", "-XX:MaxRAMPercentage",
            "-XX:MaxRAMFraction", "-XX:SoftMaxHeapSize");

    static {
        // first: the child's own start-up (ProcessHandle.onExit) initializes CompletableFuture
        CommonPool.ensureTwoWorkers();
    }

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String options = Settings.INTERVIEW_JVM_OPTIONS.read(ConfigSource.standard());
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            stopWithParent();
            InterviewServer.main(args);
        } else if (!respawns(options, own)) {
            InterviewServer.main(args);
        } else {
            System.exit(runChild(command(options, own, args)));
        }
    }

    /** Whether to start a child JVM: options are not {@code none} and the launching JVM has no heap flag. */
    static boolean respawns(String options, List<String> launchingJvmArgs) {
        if (options == null || options.isBlank() || options.trim().equalsIgnoreCase("none")) {
            return false;
        }
        return launchingJvmArgs.stream().noneMatch(arg -> HEAP_FLAGS.stream().anyMatch(arg::startsWith));
    }

    /**
     * The child's command line: this JVM's {@code java}, the options, the launching JVM's own flags (system
     * properties, agents), the child marker, this class path and this class with the program arguments.
     */
    static List<String> command(String options, List<String> launchingJvmArgs, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(options.trim().split("\\s+")));
        command.addAll(launchingJvmArgs);
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static int runChild(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Process child = builder.start();
        Thread stopChild = new Thread(() -> stop(child), "interview-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        // the launcher only waits from here on: give back the heap its start-up used
        System.gc();
        return child.waitFor();
    }

    /** SIGTERM (the server's graceful stop), then a forced stop if it outlasts the stop timeout. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(InterviewServer.STOP_TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A child whose launcher is gone (killed with SIGKILL) stops gracefully instead of running orphaned. */
    private static void stopWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("interview launcher (pid " + parent.pid() + ") is gone; stopping the server");
            System.exit(1);
        }));
    }
}
