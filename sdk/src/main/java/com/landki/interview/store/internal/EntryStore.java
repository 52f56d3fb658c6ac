package com.landki.interview.store.internal;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.landki.interview.internal.JsonMappers;
import com.landki.interview.store.ExportFormat;
import com.landki.interview.store.InvalidEntryException;
import com.landki.interview.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The part of a feedback store or chat-event log that does not depend on where entries live: validation and
 * ids on append, argument checks, streamed export. Subclasses add storage; thread-safe when they are.
 */
public abstract class EntryStore<T> {

    static final CsvMapper CSV = JsonMappers.csv();

    protected final EntryKind<T> kind;
    protected final Clock clock;

    protected EntryStore(EntryKind<T> kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
    }

    /** Validates, fills in id and ts, stores; returns the stored entry. */
    public final T append(T entry) {
        T prepared = kind.prepare(entry, clock);
        store(prepared);
        return prepared;
    }

    protected abstract void store(T prepared);

    public final List<T> newest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was: " + n);
        }
        return readNewest(n);
    }

    protected abstract List<T> readNewest(int n);

    public abstract Stream<T> stream();

    public final long eraseSession(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidEntryException("session_id", "is required for erasure");
        }
        return erase(sessionId);
    }

    protected abstract long erase(String sessionId);

    /** Writes every entry, oldest first, as CSV with a header or as JSON lines; does not close {@code out}. */
    public final void export(ExportFormat format, OutputStream out) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        try (Stream<T> all = stream()) {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            if (format == ExportFormat.CSV) {
                CsvSchema schema = CSV.schemaFor(kind.type()).withHeader();
                try (SequenceWriter w = CSV.writer(schema).writeValues(buffered)) {
                    Iterator<T> it = all.iterator();
                    while (it.hasNext()) {
                        w.write(it.next());
                    }
                }
            } else {
                JsonlLog.Codec<T> codec = EntryCodecs.forKind(kind);
                Iterator<T> it = all.iterator();
                while (it.hasNext()) {
                    buffered.write(codec.encode(it.next()));
                    buffered.write('\n');
                }
            }
            buffered.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("export failed: " + e, e);
        }
    }

    /** The CSV schema of an entry type (header row, column order as in the JSON), for readers of exports. */
    public static CsvSchema csvSchema(Class<?> type) {
        return CSV.schemaFor(type).withHeader();
    }
}
