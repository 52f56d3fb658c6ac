package com.landki.interview.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names of one log's files in its directory: the active file ({@code feedback.jsonl}), rotated files
 * ({@code feedback-20261126-000001.jsonl}: the day the file began, then a generation number, higher = newer),
 * the lock file ({@code feedback.jsonl.lock}) and temp files of an erasure ({@code ….jsonl.tmp}). Immutable.
 */
final class LogFiles {

    /** A rotated file and its generation. */
    record Rotated(Path path, long generation) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Path dir;
    private final Path active;
    private final String stem;
    private final String ext;
    private final Pattern rotatedName;

    LogFiles(Path dir, String fileName) {
        this.dir = dir;
        this.active = dir.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        this.stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        this.ext = dot > 0 ? fileName.substring(dot) : "";
        this.rotatedName = Pattern.compile(Pattern.quote(stem) + "-(\\d{8})-(\\d+)" + Pattern.quote(ext));
    }

    Path dir() {
        return dir;
    }

    Path active() {
        return active;
    }

    Path lock() {
        return active.resolveSibling(active.getFileName() + ".lock");
    }

    /** The name the active file gets when it is rotated as {@code generation}, begun on {@code day}. */
    Path rotated(LocalDate day, long generation) {
        return dir.resolve(String.format("%s-%s-%06d%s", stem, day.format(DAY), generation, ext));
    }

    /** The rotated files in the directory, oldest first. */
    List<Rotated> listRotated() throws IOException {
        List<Rotated> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, stem + "-*" + ext)) {
            for (Path p : files) {
                Matcher m = rotatedName.matcher(p.getFileName().toString());
                if (m.matches()) {
                    found.add(new Rotated(p, Long.parseLong(m.group(2))));
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.generation(), b.generation()));
        return List.copyOf(found);
    }

    /** The temp files an erasure writes before renaming them over an original. */
    DirectoryStream<Path> temps() throws IOException {
        return Files.newDirectoryStream(dir, stem + "*" + ext + ".tmp");
    }

    /** Makes renames in the directory durable. */
    void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; the rename itself is still atomic there.
            LOG.debug("cannot sync directory {}: {}", dir, e.toString());
        }
    }
}
