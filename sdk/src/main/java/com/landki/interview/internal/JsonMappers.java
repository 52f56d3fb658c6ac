package com.landki.interview.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.time.Instant;

/**
 * The one Jackson policy of the SDK and the servlets; every mapper is made here, with the same settings:
 * <ul>
 *   <li><b>unknown properties are ignored</b> — on purpose: OpenAI adds fields to its answers, the ChatKit front
 *       end sends fields this server does not use, and files written by a newer version must stay readable.
 *       Requests are checked field by field by their handlers, not by the mapper's strictness;</li>
 *   <li>names are snake_case (every wire format here — OpenAI, the ChatKit protocol, the stores' files — is);
 *       an explicit {@code @JsonProperty} wins;</li>
 *   <li>null properties are left out ({@code NON_NULL}; a type that must write them says so with
 *       {@code @JsonInclude}); a map keeps the entries it was given, nulls included (a body built by hand
 *       means its {@code "domain_key": null});</li>
 *   <li>{@link Instant}s are written as ISO-8601 strings and read by {@link IsoInstantDeserializer};</li>
 *   <li><b>strict client input</b>: what a client sends is read with {@link #requestReader()}, which refuses
 *       anything after the one JSON value and an object naming a key twice (no "last one wins"); the
 *       stores' own files are read by their mappers without those two checks;</li>
 *   <li>types without properties are written as {@code {}}; a generator never closes the caller's stream;</li>
 *   <li>CSV only: a text cell a spreadsheet would run as a formula is written with a leading {@code '}
 *       ({@link FormulaSafeCells}); JSON is written as it is.</li>
 * </ul>
 * Mappers are thread-safe once built; never reconfigure one.
 */
public final class JsonMappers {

    private static final ObjectMapper JSON = json(new Module[0]);
    private static final ObjectReader REQUEST_READER = JSON.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonMappers() {
    }

    /** The shared JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The reader of client input (request bodies): the shared mapper's policy, and duplicate keys refused. */
    public static ObjectReader requestReader() {
        return REQUEST_READER;
    }

    /** A new JSON mapper with the policy plus {@code typeModules} (serializers of one format's own types). */
    public static ObjectMapper json(Module... typeModules) {
        return policy(JsonMapper.builder()).addModules(typeModules).build();
    }

    /** A CSV mapper with the same policy. */
    public static CsvMapper csv() {
        SimpleModule cells = new SimpleModule("interview-csv-cells");
        cells.addSerializer(String.class, new FormulaSafeCells());
        return policy(CsvMapper.builder()).addModule(cells).build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B policy(B builder) {
        SimpleModule instants = new SimpleModule("interview-instants");
        instants.addSerializer(Instant.class, ToStringSerializer.instance);
        instants.addDeserializer(Instant.class, new IsoInstantDeserializer());
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .addModule(instants);
    }
}
