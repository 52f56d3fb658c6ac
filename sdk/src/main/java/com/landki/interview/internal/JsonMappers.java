package com.landki.interview.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
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
 *   <li><b>strict client input</b>: every request body is read by a {@link #request(Module...)} mapper (the
 *       API's bodies by {@link #request()}, the ChatKit protocol by its own with its type modules). On top of the
 *       policy it refuses anything after the one JSON value, an object naming a key twice (no "last one
 *       wins") and every scalar coercion: no integer from {@code 2.5} or {@code "5"}, no string from a number
 *       or boolean, no boolean from {@code 1} or {@code "true"}, no array from a single value, no object or
 *       array from {@code ""}; an integer is still a valid {@code double} (JSON has one number type). The
 *       stores' own files and OpenAI's answers are read without these checks;</li>
 *   <li>types without properties are written as {@code {}}; a generator never closes the caller's stream;</li>
 *   <li>CSV only: a text cell a spreadsheet would run as a formula is written with a leading {@code '}
 *       ({@link FormulaSafeCells}); JSON is written as it is.</li>
 * </ul>
 * Mappers are thread-safe once built; never reconfigure one.
 */
public final class JsonMappers {

    private static final ObjectMapper JSON = json(new Module[0]);
    private static final ObjectMapper REQUEST = request(new Module[0]);

    private JsonMappers() {
    }

    /** The shared JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The shared mapper of client input (request bodies): the policy and the checks of {@link #request(Module...)}. */
    public static ObjectMapper request() {
        return REQUEST;
    }

    /**
     * A new mapper of client input with {@code typeModules}: the policy, and refused are trailing tokens,
     * duplicate keys and every scalar coercion (see the class comment).
     */
    public static ObjectMapper request(Module... typeModules) {
        JsonMapper.Builder builder = policy(JsonMapper.builder())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        refuse(builder, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean);
        // an integer is a valid floating-point value: JSON has one number type
        refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String);
        refuse(builder, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        return builder.addModules(typeModules).build();
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

    private static void refuse(JsonMapper.Builder builder, LogicalType target, CoercionInputShape... shapes) {
        builder.withCoercionConfig(target, config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        });
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
