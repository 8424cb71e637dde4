package io.github.removebgsuite.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.removebgsuite.common.request.ForegroundType;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.ImproveRequest;
import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.request.ShadowType;
import io.github.removebgsuite.common.request.Size;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter's exact encoding on the recorded request, once as {@code multipart/form-data} (with a binary
 * {@code image_file}) and once as a JSON body (with {@code image_url}), legacy aliases and per-type maps included.
 */
class WireEncodingTest {

    private static final byte[] IMAGE = Wire.png(4, 3);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private RemoveBgClient client;
    private Path imageFile;

    @BeforeEach
    void setUp() throws Exception {
        client = RemoveBgClient.builder().apiKey("test-key").baseUrl(server.url("/v1.0").toString())
                .retryPolicy(RetryPolicy.none()).userAgent("wire-test/1").build();
        imageFile = Files.write(dir.resolve("photo.png"), IMAGE);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /**
     * The parameters as a host passes them (API names and values as typed) and the fields expected on the wire.
     * The expected side is written out from the API reference, not computed.
     */
    static Stream<Arguments> parameters() {
        return Stream.of(
                // size, with the legacy aliases sent as given
                wire("size", "preview", "size", "preview"),
                wire("size", "full", "size", "full"),
                wire("size", "50MP", "size", "50MP"),
                wire("size", "50mp", "size", "50MP"),
                wire("size", "auto", "size", "auto"),
                wire("size", "small", "size", "small"),
                wire("size", "regular", "size", "regular"),
                wire("size", "medium", "size", "medium"),
                wire("size", "hd", "size", "hd"),
                wire("size", "4k", "size", "4k"),
                wire("size", "HD", "size", "hd"),
                // type
                wire("type", "auto", "type", "auto"),
                wire("type", "car", "type", "car"),
                wire("type", "product", "type", "product"),
                wire("type", "person", "type", "person"),
                wire("type", "animal", "type", "animal"),
                wire("type", "graphic", "type", "graphic"),
                wire("type", "transportation", "type", "transportation"),
                // type_level
                wire("type_level", "none", "type_level", "none"),
                wire("type_level", "1", "type_level", "1"),
                wire("type_level", "2", "type_level", "2"),
                wire("type_level", "latest", "type_level", "latest"),
                // format
                wire("format", "auto", "format", "auto"),
                wire("format", "png", "format", "png"),
                wire("format", "webp", "format", "webp"),
                wire("format", "jpg", "format", "jpg"),
                wire("format", "zip", "format", "zip"),
                // roi in % and px
                wire("roi", "0% 0% 100% 100%", "roi", "0% 0% 100% 100%"),
                wire("roi", "10px 20px 300px 400px", "roi", "10px 20px 300px 400px"),
                // crop and crop_margin (1, 2 and 4 values)
                wire("crop", "true", "crop", "true"),
                wire("crop", "false", "crop", "false"),
                wire(Map.of("crop", "true", "crop_margin", "10%"), Map.of("crop", "true", "crop_margin", "10%")),
                wire(Map.of("crop", "true", "crop_margin", "30px"), Map.of("crop", "true", "crop_margin", "30px")),
                wire(Map.of("crop", "true", "crop_margin", "10px 20px"),
                        Map.of("crop", "true", "crop_margin", "10px 20px")),
                wire(Map.of("crop", "true", "crop_margin", "1% 2% 3% 4%"),
                        Map.of("crop", "true", "crop_margin", "1% 2% 3% 4%")),
                // scale and position
                wire("scale", "50%", "scale", "50%"),
                wire("scale", "10%", "scale", "10%"),
                wire("scale", "100%", "scale", "100%"),
                wire("scale", "original", "scale", "original"),
                wire("position", "original", "position", "original"),
                wire("position", "center", "position", "center"),
                wire("position", "50%", "position", "50%"),
                wire("position", "20% 80%", "position", "20% 80%"),
                // channels
                wire("channels", "rgba", "channels", "rgba"),
                wire("channels", "alpha", "channels", "alpha"),
                // add_shadow (deprecated): true is its documented equivalent, false sends nothing
                wire("add_shadow", "true", "shadow_type[car]", "car"),
                wire(Map.of("add_shadow", "false"), Map.of()),
                // shadow_type, global and per foreground type
                wire("shadow_type", "auto", "shadow_type", "auto"),
                wire("shadow_type", "car", "shadow_type", "car"),
                wire("shadow_type", "3D", "shadow_type", "3D"),
                wire("shadow_type", "3d", "shadow_type", "3D"),
                wire("shadow_type", "drop", "shadow_type", "drop"),
                wire("shadow_type", "none", "shadow_type", "none"),
                wire("shadow_type[car]", "car", "shadow_type[car]", "car"),
                wire(Map.of("shadow_type[person]", "3D", "shadow_type[product]", "drop",
                                "shadow_type[other]", "none"),
                        Map.of("shadow_type[person]", "3D", "shadow_type[product]", "drop",
                                "shadow_type[other]", "none")),
                // shadow_opacity, global and per type
                wire(Map.of("shadow_type", "drop", "shadow_opacity", "0"),
                        Map.of("shadow_type", "drop", "shadow_opacity", "0")),
                wire(Map.of("shadow_type", "drop", "shadow_opacity", "100"),
                        Map.of("shadow_type", "drop", "shadow_opacity", "100")),
                wire(Map.of("shadow_type", "auto", "shadow_opacity", "auto"),
                        Map.of("shadow_type", "auto", "shadow_opacity", "auto")),
                wire(Map.of("shadow_type[car]", "car", "shadow_opacity[car]", "90", "shadow_opacity[animal]", "40"),
                        Map.of("shadow_type[car]", "car", "shadow_opacity[car]", "90",
                                "shadow_opacity[animal]", "40")),
                // semitransparency
                wire("semitransparency", "true", "semitransparency", "true"),
                wire("semitransparency", "false", "semitransparency", "false"),
                // bg_color (3/4/6/8 hex digits, a name) and bg_image_url
                wire("bg_color", "81d4fa", "bg_color", "81d4fa"),
                wire("bg_color", "fff", "bg_color", "fff"),
                wire("bg_color", "fff8", "bg_color", "fff8"),
                wire("bg_color", "81d4fa77", "bg_color", "81d4fa77"),
                wire("bg_color", "green", "bg_color", "green"),
                wire("bg_image_url", "https://example.com/bg.jpg", "bg_image_url", "https://example.com/bg.jpg"),
                // a parameter newer than the model passes through verbatim
                wire("future_option", "some value", "future_option", "some value"));
    }

    private static Arguments wire(String name, String value, String wireName, String wireValue) {
        return wire(Map.of(name, value), Map.of(wireName, wireValue));
    }

    private static Arguments wire(Map<String, String> given, Map<String, String> expected) {
        return Arguments.of(given, expected);
    }

    @ParameterizedTest(name = "multipart {0}")
    @MethodSource("parameters")
    void multipartCarriesEachParameterAsATextField(Map<String, String> given, Map<String, String> expected)
            throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());
        Map<String, String> params = new HashMap<>(given);
        params.put("image_file", imageFile.toString());

        client.removeBackground(RemoveBgRequest.fromParameters(params));

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1.0/removebg");
        assertThat(Wire.multipartFields(recorded)).containsExactlyInAnyOrderEntriesOf(expected);
        Wire.Part file = Wire.multipart(recorded).get("image_file");
        assertThat(file.headers().get("Content-Disposition"))
                .isEqualTo("form-data; name=\"image_file\"; filename=\"photo.png\"");
        assertThat(file.headers().get("Content-Type")).isEqualTo("image/png");
        assertThat(file.body().toByteArray()).isEqualTo(IMAGE);
    }

    @ParameterizedTest(name = "json {0}")
    @MethodSource("parameters")
    void jsonBodyCarriesEachParameterWithBracketKeysNested(Map<String, String> given, Map<String, String> expected)
            throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());
        Map<String, String> params = new HashMap<>(given);
        params.put("image_url", "https://example.com/photo.jpg");

        client.removeBackground(RemoveBgRequest.fromParameters(params));

        JsonNode body = Wire.json(server.takeRequest());
        ObjectNode want = Wire.MAPPER.createObjectNode().put("image_url", "https://example.com/photo.jpg");
        // Written out by hand: "a[b]" is {"a": {"b": ...}} and every value is a string.
        expected.forEach((key, value) -> {
            int open = key.indexOf('[');
            if (open < 0) {
                want.put(key, value);
            } else {
                want.withObjectProperty(key.substring(0, open)).put(key.substring(open + 1, key.length() - 1), value);
            }
        });
        assertThat(body).isEqualTo(want);
    }

    @Test
    void multipartSendsTheBackgroundFileAsASecondBinaryPart() throws Exception {
        byte[] background = Wire.jpeg(8, 6);
        Path bg = Files.write(dir.resolve("beach.jpg"), background);
        server.enqueue(Wire.pngResult(IMAGE).build());

        client.removeBackground(RemoveBgRequest.builder().imageFile(imageFile).bgImageFile(bg).size(Size.FULL)
                .build());

        Map<String, Wire.Part> parts = Wire.multipart(server.takeRequest());
        assertThat(parts).containsOnlyKeys("size", "image_file", "bg_image_file");
        assertThat(parts.get("size").utf8()).isEqualTo("full");
        Wire.Part part = parts.get("bg_image_file");
        assertThat(part.headers().get("Content-Disposition"))
                .isEqualTo("form-data; name=\"bg_image_file\"; filename=\"beach.jpg\"");
        assertThat(part.headers().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(part.body().toByteArray()).isEqualTo(background);
    }

    @Test
    void bytesAndStreamSourcesAreUploadedAsBinaryParts() throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());
        server.enqueue(Wire.pngResult(IMAGE).build());

        client.removeBackground(RemoveBgRequest.builder().image(ImageSource.bytes("in-memory.png", IMAGE)).build());
        client.removeBackground(RemoveBgRequest.builder()
                .image(ImageSource.stream("piped.png", IMAGE.length, () -> new java.io.ByteArrayInputStream(IMAGE)))
                .build());

        for (String name : List.of("in-memory.png", "piped.png")) {
            Wire.Part part = Wire.multipart(server.takeRequest()).get("image_file");
            assertThat(part.headers().get("Content-Disposition")).contains("filename=\"" + name + "\"");
            assertThat(part.body().toByteArray()).isEqualTo(IMAGE);
        }
    }

    @Test
    void base64SourceGoesAsImageFileB64InJson() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(IMAGE);
        server.enqueue(Wire.pngResult(IMAGE).build());

        client.removeBackground(RemoveBgRequest.fromParameters(Map.of("image_file_b64", b64, "size", "auto")));

        JsonNode body = Wire.json(server.takeRequest());
        assertThat(body).isEqualTo(Wire.MAPPER.createObjectNode().put("image_file_b64", b64).put("size", "auto"));
    }

    @Test
    void builderPerTypeShadowsNestInJson() throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());

        client.removeBackground(RemoveBgRequest.builder().imageUrl("https://example.com/car.jpg")
                .shadowType(ForegroundType.CAR, ShadowType.CAR).shadowOpacity(ForegroundType.CAR, 80)
                .shadowType(ForegroundType.PERSON, ShadowType.THREE_D).build());

        assertThat(Wire.json(server.takeRequest())).isEqualTo(Wire.MAPPER.readTree(
                "{\"image_url\":\"https://example.com/car.jpg\","
                        + "\"shadow_opacity\":{\"car\":\"80\"},"
                        + "\"shadow_type\":{\"car\":\"car\",\"person\":\"3D\"}}"));
    }

    @Test
    void improveSendsFilenameAndTag() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"id\":\"fe09820b-be79-4511-8836-679583529882\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"id\":\"abc\"}").build());

        ImproveResult multipart = client.improve(ImproveRequest.builder().imageFile(imageFile)
                .imageFilename("hard-case.png").tag("hair").build());
        ImproveResult json = client.improve(ImproveRequest.fromParameters(Map.of("image_url",
                "https://example.com/x.jpg", "tag", "glass")));

        assertThat(multipart.id()).isEqualTo("fe09820b-be79-4511-8836-679583529882");
        assertThat(json.id()).isEqualTo("abc");
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1.0/improve");
        assertThat(Wire.multipartFields(first)).containsExactlyInAnyOrderEntriesOf(
                Map.of("image_filename", "hard-case.png", "tag", "hair"));
        assertThat(Wire.multipart(first).get("image_file").body().toByteArray()).isEqualTo(IMAGE);
        assertThat(Wire.json(server.takeRequest())).isEqualTo(Wire.MAPPER.createObjectNode()
                .put("image_url", "https://example.com/x.jpg").put("tag", "glass"));
    }

    @Test
    void headersCarryKeyUserAgentAndAccept() throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());

        client.removeBackground(RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build());

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getHeaders().get("X-Api-Key")).isEqualTo("test-key");
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        assertThat(recorded.getHeaders().get("User-Agent")).matches("removebg-suite/\\S+ \\(wire-test/1\\)");
        assertThat(recorded.getHeaders().get("Accept")).startsWith("image/*");
    }

    @Test
    void oauthTokenGoesAsBearerAndJsonResultsAskForJson() throws Exception {
        try (RemoveBgClient oauth = RemoveBgClient.builder().oauthToken("token-123")
                .baseUrl(server.url("/v1.0/").toString()).jsonResults(true).build()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"data\":{\"result_b64\":\"" + Base64.getEncoder().encodeToString(IMAGE) + "\"}}")
                    .build());

            oauth.removeBackground(RemoveBgRequest.builder().imageUrl("https://example.com/a.jpg").build());

            RecordedRequest recorded = server.takeRequest();
            assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1.0/removebg");
            assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer token-123");
            assertThat(recorded.getHeaders().get("X-Api-Key")).isNull();
            assertThat(recorded.getHeaders().get("Accept")).isEqualTo("application/json");
        }
    }

    @Test
    void accountIsAGetWithoutBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":{\"attributes\":{\"credits\":{\"total\":1,\"subscription\":1,\"payg\":0,"
                        + "\"enterprise\":0},\"api\":{\"free_calls\":0,\"sizes\":\"all\"}}}}").build());

        client.account();

        RecordedRequest recorded = server.takeRequest();
        assertThat(recorded.getMethod()).isEqualTo("GET");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1.0/account");
        assertThat(recorded.getBodySize()).isZero();
        assertThat(recorded.getHeaders().get("X-Api-Key")).isEqualTo("test-key");
    }

    @Test
    void fieldsKeepTheModelsCanonicalOrderInMultipart() throws Exception {
        server.enqueue(Wire.pngResult(IMAGE).build());
        RemoveBgRequest request = RemoveBgRequest.fromParameters(new LinkedHashMap<>(Map.of(
                "type", "car", "size", "full", "crop", "true", "bg_color", "fff", "image_file", imageFile.toString())));

        client.removeBackground(request);

        assertThat(List.copyOf(Wire.multipart(server.takeRequest()).keySet()))
                .containsExactly("bg_color", "crop", "size", "type", "image_file");
    }

    @Test
    void aBatchThatHidesFileNamesUploadsImageDotExtensionAndStillNamesTheResultAfterTheInput() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("Patient 0042 - left eye.PNG"), IMAGE);
        server.enqueue(Wire.pngResult(IMAGE).build());
        io.github.removebgsuite.common.batch.BatchReport report = new io.github.removebgsuite.common.batch.BatchEngine(
                client).run(io.github.removebgsuite.common.batch.BatchJob.builder().inputs(java.util.List.of(in))
                .outputDirectory(dir.resolve("out")).hideFileNames(true).build());
        assertThat(report.processed()).isEqualTo(1);
        Wire.Part file = Wire.multipart(server.takeRequest()).get("image_file");
        assertThat(file.headers().get("Content-Disposition"))
                .isEqualTo("form-data; name=\"image_file\"; filename=\"image.png\"");
        assertThat(file.body().toByteArray()).isEqualTo(IMAGE);
        assertThat(dir.resolve("out").resolve("Patient 0042 - left eye.png")).exists();
    }
}
