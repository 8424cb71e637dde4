package io.github.removebgsuite.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exact wire encoding against a real socket (mockwebserver3): every endpoint option, every header override, the
 * per-type maps, the passthrough, the image sources, and the result headers read back from the response.
 */
class RemoveBgProducerWireTest extends CamelTestSupport {

    private static final String KEY = "wire-test-key";
    private static final byte[] IMAGE = TestImages.png(40, 30, 1);
    private static final byte[] RESULT = TestImages.png(20, 10, 2);

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path tmp;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        RemoveBgComponent component = TestComponents.component(KEY, null);
        component.setMaxAttempts(1);
        context.addComponent("removebg", component);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        String base = server.url("/v1.0").toString();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:plain").to("removebg:removeBackground?baseUrl=" + base);
                from("direct:every-option").to("removebg:removeBackground?baseUrl=" + base
                        + "&size=full&type=product&typeLevel=2&format=zip&roi=10px%2010px%2090%25%2090%25"
                        + "&crop=true&cropMargin=10px&scale=80%25&position=center&channels=rgba"
                        + "&shadowType=drop&shadowOpacity=40&semitransparency=false&bgColor=81d4fa"
                        + "&additionalParameter.future_option=on");
                from("direct:per-type").to("removebg:removeBackground?baseUrl=" + base
                        + "&shadowType.product=drop&shadowType.person=3D&shadowOpacity.car=90&shadowOpacity.other=20"
                        + "&addShadow=true&bgImageUrl=https://example.com/bg.jpg");
                from("direct:url").to("removebg:removeBackground?baseUrl=" + base
                        + "&imageUrl=https://example.com/in.jpg&size=preview");
                from("direct:account").to("removebg:account?baseUrl=" + base);
                from("direct:improve").to("removebg:improve?baseUrl=" + base + "&tag=batch-7"
                        + "&additionalParameter.consent=yes");
            }
        };
    }

    private void enqueueImage() {
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "image/png")
                .addHeader("X-Type", "product").addHeader("X-Width", "20").addHeader("X-Height", "10")
                .addHeader("X-Credits-Charged", "1")
                .addHeader("X-Foreground-Top", "1").addHeader("X-Foreground-Left", "2")
                .addHeader("X-Foreground-Width", "15").addHeader("X-Foreground-Height", "7")
                .addHeader("X-RateLimit-Limit", "500").addHeader("X-RateLimit-Remaining", "499")
                .addHeader("X-RateLimit-Reset", "1757465959")
                .body(new Buffer().write(RESULT)).build());
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    @Test
    void byteBodyIsUploadedAsImageFileWithTheKeyAndNoOtherField() throws Exception {
        enqueueImage();
        Exchange reply = template.request("direct:plain", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(Exchange.FILE_NAME, "shots/shoe.png");
        });

        assertThat(reply.getException()).isNull();
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1.0/removebg");
        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("User-Agent")).contains("camel/" + context.getVersion());
        RecordedForm form = RecordedForm.of(request);
        assertThat(form.fields).isEmpty();
        assertThat(form.files).containsOnlyKeys("image_file");
        assertThat(form.files.get("image_file")).isEqualTo(IMAGE);
        assertThat(form.filenames.get("image_file")).isEqualTo("shoe.png");
    }

    @Test
    void everyOptionIsSentUnderItsApiName() throws Exception {
        enqueueImage();
        template.sendBody("direct:every-option", IMAGE);

        RecordedForm form = RecordedForm.of(take());
        Map<String, String> expected = new TreeMap<>();
        expected.put("size", "full");
        expected.put("type", "product");
        expected.put("type_level", "2");
        expected.put("format", "zip");
        expected.put("roi", "10px 10px 90% 90%");
        expected.put("crop", "true");
        expected.put("crop_margin", "10px");
        expected.put("scale", "80%");
        expected.put("position", "center");
        expected.put("channels", "rgba");
        expected.put("shadow_type", "drop");
        expected.put("shadow_opacity", "40");
        expected.put("semitransparency", "false");
        expected.put("bg_color", "81d4fa");
        expected.put("future_option", "on");
        assertThat(form.fields).isEqualTo(expected);
        assertThat(form.files).containsOnlyKeys("image_file");
    }

    @Test
    void perTypeMapsAndDeprecatedAddShadowUseBracketNames() throws Exception {
        enqueueImage();
        template.sendBody("direct:per-type", IMAGE);

        RecordedForm form = RecordedForm.of(take());
        // the core sends the deprecated add_shadow=true in its documented modern form, shadow_type[car]=car
        assertThat(form.fields).containsExactlyInAnyOrderEntriesOf(Map.of(
                "shadow_type[car]", "car",
                "shadow_type[product]", "drop",
                "shadow_type[person]", "3D",
                "shadow_opacity[car]", "90",
                "shadow_opacity[other]", "20",
                "bg_image_url", "https://example.com/bg.jpg"));

        enqueueImage();
        template.sendBodyAndHeader("direct:plain", IMAGE, RemoveBgConstants.ADD_SHADOW, true);
        assertThat(RecordedForm.of(take()).fields).isEqualTo(Map.of("shadow_type[car]", "car"));
    }

    @Test
    void everyHeaderOverridesItsOption() throws Exception {
        Path background = Files.write(tmp.resolve("bg.png"), TestImages.png(8, 8, 3));
        // header -> (value, API name, value expected on the wire)
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put(RemoveBgConstants.SIZE, new String[] {"50MP", "size", "50MP"});
        cases.put(RemoveBgConstants.TYPE, new String[] {"car", "type", "car"});
        cases.put(RemoveBgConstants.TYPE_LEVEL, new String[] {"latest", "type_level", "latest"});
        cases.put(RemoveBgConstants.FORMAT, new String[] {"webp", "format", "webp"});
        cases.put(RemoveBgConstants.ROI, new String[] {"0% 0% 50% 50%", "roi", "0% 0% 50% 50%"});
        cases.put(RemoveBgConstants.CROP, new String[] {"false", "crop", "false"});
        cases.put(RemoveBgConstants.CROP_MARGIN, new String[] {"5% 10%", "crop_margin", "5% 10%"});
        cases.put(RemoveBgConstants.SCALE, new String[] {"original", "scale", "original"});
        cases.put(RemoveBgConstants.POSITION, new String[] {"20% 70%", "position", "20% 70%"});
        cases.put(RemoveBgConstants.CHANNELS, new String[] {"alpha", "channels", "alpha"});
        cases.put(RemoveBgConstants.SHADOW_TYPE, new String[] {"3D", "shadow_type", "3D"});
        cases.put(RemoveBgConstants.SHADOW_OPACITY, new String[] {"auto", "shadow_opacity", "auto"});
        cases.put(RemoveBgConstants.SEMITRANSPARENCY, new String[] {"true", "semitransparency", "true"});
        cases.put(RemoveBgConstants.BG_COLOR, new String[] {"green", "bg_color", "green"});

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            enqueueImage();
            Exchange reply = template.request("direct:every-option", e -> {
                e.getIn().setBody(IMAGE);
                e.getIn().setHeader(c.getKey(), c.getValue()[0]);
            });
            softly.assertThat(reply.getException()).as(c.getKey()).isNull();
            RecordedForm form = RecordedForm.of(take());
            softly.assertThat(form.fields.get(c.getValue()[1])).as(c.getKey()).isEqualTo(c.getValue()[2]);
        }

        // bg_* sources are exclusive with the endpoint's bg_color: an empty header clears the option
        enqueueImage();
        template.request("direct:every-option", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(RemoveBgConstants.BG_COLOR, "");
            e.getIn().setHeader(RemoveBgConstants.BG_IMAGE_URL, "https://example.com/other-bg.jpg");
        });
        RecordedForm bgUrl = RecordedForm.of(take());
        softly.assertThat(bgUrl.fields).doesNotContainKey("bg_color")
                .containsEntry("bg_image_url", "https://example.com/other-bg.jpg");

        enqueueImage();
        template.request("direct:every-option", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(RemoveBgConstants.BG_COLOR, "");
            e.getIn().setHeader(RemoveBgConstants.BG_IMAGE_FILE, background.toString());
        });
        RecordedForm bgFile = RecordedForm.of(take());
        softly.assertThat(bgFile.fields).doesNotContainKey("bg_color");
        softly.assertThat(bgFile.files).containsOnlyKeys("image_file", "bg_image_file");
        softly.assertThat(bgFile.files.get("bg_image_file")).isEqualTo(Files.readAllBytes(background));

        // the per-type maps and the passthrough as map headers; the global shadow options cleared
        enqueueImage();
        template.request("direct:every-option", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(RemoveBgConstants.SHADOW_TYPE, "");
            e.getIn().setHeader(RemoveBgConstants.SHADOW_OPACITY, "");
            e.getIn().setHeader(RemoveBgConstants.SHADOW_TYPE_PER_TYPE, Map.of("animal", "drop"));
            e.getIn().setHeader(RemoveBgConstants.SHADOW_OPACITY_PER_TYPE, Map.of("animal", 65));
            e.getIn().setHeader(RemoveBgConstants.ADDITIONAL_PARAMETERS, Map.of("future_option", "off",
                    "brand_new", "1"));
        });
        RecordedForm maps = RecordedForm.of(take());
        softly.assertThat(maps.fields).doesNotContainKeys("shadow_type", "shadow_opacity")
                .containsEntry("shadow_type[animal]", "drop").containsEntry("shadow_opacity[animal]", "65")
                .containsEntry("future_option", "off").containsEntry("brand_new", "1");
        softly.assertAll();
    }

    @Test
    void imageUrlOptionAndHeaderSendNoUpload() throws Exception {
        enqueueImage();
        template.sendBody("direct:url", null);
        RecordedForm fromOption = RecordedForm.of(take());
        assertThat(fromOption.files).isEmpty();
        assertThat(fromOption.fields).containsEntry("image_url", "https://example.com/in.jpg")
                .containsEntry("size", "preview");

        enqueueImage();
        template.sendBodyAndHeader("direct:url", IMAGE, RemoveBgConstants.IMAGE_URL, "https://example.com/h.png");
        RecordedForm fromHeader = RecordedForm.of(take());
        assertThat(fromHeader.files).isEmpty();
        assertThat(fromHeader.fields).containsEntry("image_url", "https://example.com/h.png");

        enqueueImage();
        String b64 = java.util.Base64.getEncoder().encodeToString(IMAGE);
        template.sendBodyAndHeader("direct:plain", null, RemoveBgConstants.IMAGE_FILE_B64, b64);
        RecordedForm base64 = RecordedForm.of(take());
        assertThat(base64.files).isEmpty();
        assertThat(base64.fields).containsEntry("image_file_b64", b64);
    }

    @Test
    void fileAndStreamBodiesAreUploadedWhole() throws Exception {
        Path file = Files.write(tmp.resolve("in.png"), IMAGE);
        enqueueImage();
        template.sendBody("direct:plain", file.toFile());
        RecordedForm fromFile = RecordedForm.of(take());
        assertThat(fromFile.files.get("image_file")).isEqualTo(IMAGE);
        assertThat(fromFile.filenames.get("image_file")).isEqualTo("in.png");

        enqueueImage();
        template.sendBody("direct:plain", file);
        assertThat(RecordedForm.of(take()).files.get("image_file")).isEqualTo(IMAGE);

        enqueueImage();
        template.sendBody("direct:plain", new java.io.ByteArrayInputStream(IMAGE));
        assertThat(RecordedForm.of(take()).files.get("image_file")).isEqualTo(IMAGE);

        // a remote file as an ftp: or sftp: consumer delivers it: the GenericFile wraps no java.io.File
        GenericFile<String> remote = new GenericFile<>();
        remote.setFile("/outbox/remote-shot.png");
        remote.setFileName("remote-shot.png");
        remote.setBody(IMAGE);
        enqueueImage();
        template.sendBodyAndHeader("direct:plain", remote, Exchange.FILE_NAME, "remote-shot.png");
        RecordedForm fromRemote = RecordedForm.of(take());
        assertThat(fromRemote.files.get("image_file")).isEqualTo(IMAGE);
        assertThat(fromRemote.filenames.get("image_file")).isEqualTo("remote-shot.png");
    }

    @Test
    void resultHeadersAndBodyComeFromTheResponse() throws Exception {
        enqueueImage();
        Exchange reply = template.request("direct:plain", e -> e.getIn().setBody(IMAGE));
        take();

        assertThat(reply.getException()).isNull();
        var out = reply.getMessage();
        assertThat(out.getBody(byte[].class)).isEqualTo(RESULT);
        assertThat(out.getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(out.getHeader(RemoveBgConstants.RESULT_FORMAT)).isEqualTo("png");
        assertThat(out.getHeader(RemoveBgConstants.DETECTED_TYPE)).isEqualTo("product");
        assertThat(out.getHeader(RemoveBgConstants.WIDTH)).isEqualTo(20);
        assertThat(out.getHeader(RemoveBgConstants.HEIGHT)).isEqualTo(10);
        assertThat(out.getHeader(RemoveBgConstants.CREDITS_CHARGED, BigDecimal.class)).isEqualByComparingTo("1");
        assertThat(out.getHeader(RemoveBgConstants.FOREGROUND_TOP)).isEqualTo(1);
        assertThat(out.getHeader(RemoveBgConstants.FOREGROUND_LEFT)).isEqualTo(2);
        assertThat(out.getHeader(RemoveBgConstants.FOREGROUND_WIDTH)).isEqualTo(15);
        assertThat(out.getHeader(RemoveBgConstants.FOREGROUND_HEIGHT)).isEqualTo(7);
        assertThat(out.getHeader(RemoveBgConstants.RATE_LIMIT_LIMIT)).isEqualTo(500);
        assertThat(out.getHeader(RemoveBgConstants.RATE_LIMIT_REMAINING)).isEqualTo(499);
        assertThat(out.getHeader(RemoveBgConstants.RATE_LIMIT_RESET)).isEqualTo(Instant.ofEpochSecond(1757465959));
    }

    @Test
    void accountAndImproveAndTheOperationHeader() throws Exception {
        String account = "{\"data\":{\"attributes\":{\"credits\":{\"total\":200,\"subscription\":150,\"payg\":50,"
                + "\"enterprise\":0},\"api\":{\"free_calls\":50,\"sizes\":\"all\"}}}}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(account).build());
        Exchange viaPath = template.request("direct:account", e -> { });
        RecordedRequest get = take();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/v1.0/account");
        assertThat(viaPath.getMessage().getHeader(RemoveBgConstants.CREDITS_TOTAL, BigDecimal.class))
                .isEqualByComparingTo("200");
        assertThat(viaPath.getMessage().getHeader(RemoveBgConstants.FREE_CALLS)).isEqualTo(50);

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(account).build());
        template.sendBodyAndHeader("direct:plain", IMAGE, RemoveBgConstants.OPERATION, "account");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1.0/account");

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"fe09820b-be79-4511-8836-679583529882\"}").build());
        Exchange improved = template.request("direct:improve", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(RemoveBgConstants.IMAGE_FILENAME, "hard-case.png");
        });
        RecordedRequest post = take();
        assertThat(post.getUrl().encodedPath()).isEqualTo("/v1.0/improve");
        RecordedForm form = RecordedForm.of(post);
        assertThat(form.fields).isEqualTo(Map.of("image_filename", "hard-case.png", "tag", "batch-7",
                "consent", "yes"));
        assertThat(form.files.get("image_file")).isEqualTo(IMAGE);
        assertThat(improved.getMessage().getBody(String.class)).isEqualTo("fe09820b-be79-4511-8836-679583529882");
        assertThat(improved.getMessage().getHeader(RemoveBgConstants.IMPROVE_ID))
                .isEqualTo("fe09820b-be79-4511-8836-679583529882");

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\":\"0f1e2d3c\"}").build());
        template.sendBodyAndHeader("direct:improve", IMAGE, RemoveBgConstants.TAG, "from-header");
        assertThat(RecordedForm.of(take()).fields).containsEntry("tag", "from-header")
                .doesNotContainKey("image_filename");
    }

    @Test
    void endpointsWithTheSameKeyShareOneClientAndItsCreditLedger() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\":{\"attributes\":{\"credits\":{\"total\":200,\"subscription\":150,"
                        + "\"payg\":50,\"enterprise\":0},\"api\":{\"free_calls\":50,\"sizes\":\"all\"}}}}").build());
        template.request("direct:account", e -> { });
        take();
        enqueueImage();
        Exchange first = template.request("direct:plain", e -> e.getIn().setBody(IMAGE));
        take();
        enqueueImage();
        Exchange second = template.request("direct:every-option", e -> e.getIn().setBody(IMAGE));
        take();

        // three endpoints, one client: the balance read by removebg:account falls with each X-Credits-Charged
        assertThat(first.getMessage().getHeader(RemoveBgConstants.CREDIT_BALANCE, BigDecimal.class))
                .isEqualByComparingTo("199");
        assertThat(second.getMessage().getHeader(RemoveBgConstants.CREDIT_BALANCE, BigDecimal.class))
                .isEqualByComparingTo("198");
    }

    @Test
    void warningsHeaderNamesParameterProblemsTheCoreDetects() throws Exception {
        enqueueImage();
        Exchange reply = template.request("direct:plain", e -> {
            e.getIn().setBody(IMAGE);
            e.getIn().setHeader(RemoveBgConstants.CROP_MARGIN, "10px");
        });
        take();
        @SuppressWarnings("unchecked")
        List<String> warnings = reply.getMessage().getHeader(RemoveBgConstants.WARNINGS, List.class);
        assertThat(warnings).isNotEmpty().anySatisfy(w -> assertThat(w).contains("crop_margin"));
    }
}
