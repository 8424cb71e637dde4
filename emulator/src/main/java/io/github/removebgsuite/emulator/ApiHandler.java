package io.github.removebgsuite.emulator;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.removebgsuite.emulator.ImageCodec.Raster;
import io.github.removebgsuite.emulator.RemovalOptions.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API under {@code /v1.0}: {@code POST /removebg}, {@code GET /account}, {@code POST /improve}. Every answer carries
 * the {@code X-RateLimit-*} headers; errors use the documented {@code {"errors": [...]}} body and charge nothing.
 */
final class ApiHandler implements HttpHandler {
    /** Submissions per credential and UTC day accepted by {@code /improve}, as documented. */
    static final int IMPROVE_DAILY_LIMIT = 100;

    /** Decimals as plain numbers: a balance of 20 is {@code 20}, never {@code 2E+1}. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private final CreditLedger ledger;
    private final MegapixelRateLimit rateLimit;
    private final FaultInjector faults;
    private final ImageDownloader downloader;
    private final String anonymousKey;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final List<Improvement> improvements = new ArrayList<>();
    private final Map<String, int[]> improveCounts = new HashMap<>();
    /** Bounds concurrent image work (memory), not concurrent connections. */
    private final Semaphore imageWork = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

    ApiHandler(CreditLedger ledger, MegapixelRateLimit rateLimit, FaultInjector faults, ImageDownloader downloader,
            String anonymousKey, Clock clock) {
        this.anonymousKey = anonymousKey;
        this.ledger = ledger;
        this.rateLimit = rateLimit;
        this.faults = faults;
        this.downloader = downloader;
        this.clock = clock;
    }

    long requestCount() {
        return requests.get();
    }

    synchronized List<Improvement> improvements() {
        return List.copyOf(improvements);
    }

    /** A response about to be sent. */
    private static final class Answer {
        int status = 200;
        String contentType = "application/json";
        byte[] body = new byte[0];
        final Headers headers = new Headers();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            requests.incrementAndGet();
            Answer answer = new Answer();
            Optional<Fault> fault = faults.next();
            try {
                if (fault.isPresent() && !fault.get().charges()) {
                    answerFault(fault.get(), answer);
                } else {
                    if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY) {
                        sleep(fault.get());
                    }
                    route(exchange, answer);
                    if (fault.isPresent() && fault.get().kind() == Fault.Kind.HOLD) {
                        faults.hold();
                    }
                }
            } catch (ApiError e) {
                error(answer, e);
            }
            if (answer.headers.getFirst("X-RateLimit-Limit") == null) {
                rateHeaders(answer, rateLimit.acquire("", 0));
            }
            send(exchange, answer, fault.filter(f -> answer.status == 200).orElse(null));
        } finally {
            exchange.close(); // after a broken answer this drops the connection, as intended
        }
    }

    private void route(HttpExchange exchange, Answer answer) throws ApiError, IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String endpoint = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        switch (endpoint) {
            case "/v1.0/removebg":
                requireMethod(method, "POST");
                removeBackground(exchange, answer);
                break;
            case "/v1.0/account":
                requireMethod(method, "GET");
                account(exchange, answer);
                break;
            case "/v1.0/improve":
                requireMethod(method, "POST");
                improve(exchange, answer);
                break;
            default:
                throw new ApiError(404, "not_found", "Not found", "No endpoint " + path + "; the API has POST "
                        + "/v1.0/removebg, GET /v1.0/account and POST /v1.0/improve.");
        }
    }

    private static void requireMethod(String method, String expected) throws ApiError {
        if (!method.equals(expected)) {
            throw new ApiError(405, "method_not_allowed", "Method not allowed", "Use " + expected + ".");
        }
    }

    /** Authenticates and applies the rate limit; the credential on success. */
    private String authenticate(HttpExchange exchange, Answer answer) throws ApiError {
        Headers h = exchange.getRequestHeaders();
        String key = h.getFirst("X-Api-Key");
        String auth = h.getFirst("Authorization");
        if (key != null && !key.isBlank()) {
            if (!ledger.isApiKey(key.trim())) {
                throw new ApiError(403, "invalid_api_key", "Invalid API Key", "The X-Api-Key is not valid.");
            }
            return key.trim();
        }
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).trim();
            if (!ledger.isToken(token)) {
                throw new ApiError(403, "invalid_api_key", "Invalid API Key", "The OAuth access token is not valid.");
            }
            return token;
        }
        if (anonymousKey != null) {
            return anonymousKey;
        }
        throw new ApiError(403, "missing_api_key", "Missing API Key",
                "Send an API key in the X-Api-Key header or an OAuth token as Authorization: Bearer.");
    }

    private void limit(String credential, int cost, Answer answer) throws ApiError {
        MegapixelRateLimit.State state = rateLimit.acquire(credential, cost);
        rateHeaders(answer, state);
        if (!state.allowed()) {
            answer.headers.set("Retry-After", Long.toString(state.retryAfterSeconds()));
            throw new ApiError(429, "rate_limit_exceeded", "Rate limit exceeded", "This call costs " + cost
                    + " megapixel images; " + state.remaining() + " of " + state.limit() + " remain until "
                    + state.resetEpochSecond() + ".");
        }
    }

    private static void rateHeaders(Answer answer, MegapixelRateLimit.State state) {
        answer.headers.set("X-RateLimit-Limit", Integer.toString(state.limit()));
        answer.headers.set("X-RateLimit-Remaining", Integer.toString(state.remaining()));
        answer.headers.set("X-RateLimit-Reset", Long.toString(state.resetEpochSecond()));
    }

    private void removeBackground(HttpExchange exchange, Answer answer) throws ApiError, IOException {
        String credential = authenticate(exchange, answer);
        RequestFields fields = readFields(exchange);
        RemovalOptions options = RemovalOptions.parse(fields);
        byte[] image = imageSource(fields, "failed_image_download");
        int[] size = ImageCodec.probe(image, "source image");
        limit(credential, MegapixelRateLimit.cost(size[0], size[1]), answer);

        BigDecimal balance = ledger.balance(credential).orElse(BigDecimal.ZERO);
        Size effective = options.size;
        if (effective == Size.AUTO && balance.compareTo(BigDecimal.ONE) < 0) {
            effective = Size.PREVIEW; // documented: auto depends on the available credits
        }
        BigDecimal price = effective.credits;
        if (balance.compareTo(price) < 0) {
            throw insufficient(price, balance);
        }
        Optional<byte[]> bgBytes = fields.bytes("bg_image_file");
        if (fields.text("bg_image_url").isPresent()) {
            bgBytes = Optional.of(downloader.download("bg_image_url", fields.text("bg_image_url").get(),
                    "failed_bg_download"));
        }

        ImagePipeline.Result result;
        imageWork.acquireUninterruptibly();
        try {
            long maxPixels = effective.maxPixels;
            if (options.format.equals("png")) {
                maxPixels = Math.min(maxPixels, ImagePipeline.PNG_MAX_PIXELS);
            }
            Raster input = ImageCodec.decode(image, maxPixels, "source image");
            Optional<Raster> background = bgBytes.isPresent()
                    ? Optional.of(ImageCodec.decode(bgBytes.get(), ImageCodec.MAX_INPUT_PIXELS, "background image"))
                    : Optional.empty();
            result = ImagePipeline.process(options, input, (double) input.width() / size[0], background);
        } finally {
            imageWork.release();
        }
        if (!ledger.charge(credential, price, sha256(image))) {
            throw insufficient(price, ledger.balance(credential).orElse(BigDecimal.ZERO));
        }

        Headers h = answer.headers;
        if (result.xType() != null) {
            h.set("X-Type", result.xType());
        }
        h.set("X-Width", Integer.toString(result.width()));
        h.set("X-Height", Integer.toString(result.height()));
        h.set("X-Credits-Charged", price.stripTrailingZeros().toPlainString());
        int[] fg = result.foreground();
        h.set("X-Foreground-Top", Integer.toString(fg[0]));
        h.set("X-Foreground-Left", Integer.toString(fg[1]));
        h.set("X-Foreground-Width", Integer.toString(fg[2]));
        h.set("X-Foreground-Height", Integer.toString(fg[3]));
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")) {
            ObjectNode data = JSON.createObjectNode();
            data.put("result_b64", Base64.getEncoder().encodeToString(result.body()));
            data.put("foreground_top", fg[0]);
            data.put("foreground_left", fg[1]);
            data.put("foreground_width", fg[2]);
            data.put("foreground_height", fg[3]);
            if (result.xType() != null) {
                data.put("type", result.xType());
            }
            data.put("width", result.width());
            data.put("height", result.height());
            data.put("credits_charged", price.stripTrailingZeros());
            ObjectNode root = JSON.createObjectNode();
            root.set("data", data);
            answer.body = JSON.writeValueAsBytes(root);
            answer.contentType = "application/json";
        } else {
            answer.body = result.body();
            answer.contentType = result.contentType();
        }
    }

    private static ApiError insufficient(BigDecimal price, BigDecimal balance) {
        return new ApiError(402, "insufficient_credits", "Insufficient credits", "This call costs "
                + price.toPlainString() + " credits; the balance is " + balance.toPlainString() + ".");
    }

    private void account(HttpExchange exchange, Answer answer) throws ApiError, IOException {
        String credential = authenticate(exchange, answer);
        limit(credential, 0, answer);
        BigDecimal balance = ledger.balance(credential).orElse(BigDecimal.ZERO).stripTrailingZeros();
        ObjectNode credits = JSON.createObjectNode();
        credits.put("total", balance);
        credits.put("subscription", balance);
        credits.put("payg", 0);
        credits.put("enterprise", 0);
        ObjectNode api = JSON.createObjectNode();
        api.put("free_calls", 0);
        api.put("sizes", "all");
        ObjectNode attributes = JSON.createObjectNode();
        attributes.set("credits", credits);
        attributes.set("api", api);
        ObjectNode data = JSON.createObjectNode();
        data.set("attributes", attributes);
        ObjectNode root = JSON.createObjectNode();
        root.set("data", data);
        answer.body = JSON.writeValueAsBytes(root);
    }

    private void improve(HttpExchange exchange, Answer answer) throws ApiError, IOException {
        String credential = authenticate(exchange, answer);
        limit(credential, 0, answer);
        RequestFields fields = readFields(exchange);
        byte[] image = imageSource(fields, "failed_image_download");
        ImageCodec.probe(image, "submitted image");
        String id = UUID.randomUUID().toString();
        synchronized (this) {
            long day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
            int[] count = improveCounts.computeIfAbsent(credential, k -> new int[] {(int) day, 0});
            if (count[0] != day) {
                count[0] = (int) day;
                count[1] = 0;
            }
            if (count[1] >= IMPROVE_DAILY_LIMIT) {
                throw new ApiError(429, "rate_limit_exceeded", "Rate limit exceeded",
                        "The improvement program accepts up to " + IMPROVE_DAILY_LIMIT + " files per day.");
            }
            count[1]++;
            improvements.add(new Improvement(id, sha256(image), image.length, fields.text("image_filename"),
                    fields.text("tag"), clock.instant()));
        }
        answer.body = JSON.writeValueAsBytes(JSON.createObjectNode().put("id", id));
    }

    private static RequestFields readFields(HttpExchange exchange) throws ApiError {
        return RequestFields.parse(exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody());
    }

    /** The image bytes from exactly one of {@code image_file}, {@code image_file_b64}, {@code image_url}. */
    private byte[] imageSource(RequestFields fields, String failureCode) throws ApiError {
        boolean file = fields.bytes("image_file").isPresent();
        boolean b64 = fields.has("image_file_b64");
        boolean url = fields.has("image_url");
        int sources = (file ? 1 : 0) + (b64 ? 1 : 0) + (url ? 1 : 0);
        if (sources == 0) {
            throw ApiError.badRequest("missing_source", "No image given",
                    "Please provide the source image in the image_url, image_file or image_file_b64 parameter.");
        }
        if (sources > 1 || fields.count("image_file") > 1) {
            throw ApiError.badRequest("multiple_sources", "Multiple image sources given: Please provide either the "
                    + "image_url, image_file or image_file_b64 parameter.", "Exactly one image source is allowed.");
        }
        if (file) {
            return fields.bytes("image_file").get();
        }
        if (b64) {
            String text = fields.text("image_file_b64").get();
            int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
            try {
                return Base64.getMimeDecoder().decode(text.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("invalid_file_type", "Invalid file type",
                        "image_file_b64 is not valid base64.");
            }
        }
        return downloader.download("image_url", fields.text("image_url").get(), failureCode);
    }

    private void answerFault(Fault fault, Answer answer) throws ApiError {
        switch (fault.kind()) {
            case RATE_LIMITED:
                fault.retryAfterSeconds().ifPresent(s -> answer.headers.set("Retry-After", Integer.toString(s)));
                throw new ApiError(429, "rate_limit_exceeded", "Rate limit exceeded", "Injected fault.");
            case HTML_BODY:
                answer.status = 200;
                answer.contentType = "text/html; charset=utf-8";
                answer.body = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
                        + "<body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body>"
                        + "</html>\n").getBytes(StandardCharsets.UTF_8);
                return;
            default:
                throw new ApiError(fault.status(), "server_error", "Server error",
                        "Injected fault: HTTP " + fault.status() + ".");
        }
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(Answer answer, ApiError e) {
        answer.status = e.status();
        answer.contentType = "application/json";
        ObjectNode entry = JSON.createObjectNode();
        entry.put("code", e.code());
        entry.put("title", e.title());
        if (e.detail() != null) {
            entry.put("detail", e.detail());
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        errors.add(entry);
        try {
            answer.body = JSON.writeValueAsBytes(root);
        } catch (IOException impossible) {
            answer.body = "{\"errors\":[]}".getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes the answer, or breaks it the way a charging fault says. */
    private static void send(HttpExchange exchange, Answer answer, Fault fault) throws IOException {
        drain(exchange.getRequestBody());
        Headers out = exchange.getResponseHeaders();
        out.putAll(answer.headers);
        byte[] body = answer.body;
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.MALFORMED_ZIP) {
            body = "PK\u0003\u0004 this is not a zip archive: the central directory is missing"
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.set("Content-Type", "application/zip");
        } else {
            out.set("Content-Type", answer.contentType);
        }
        if (kind == Fault.Kind.TRUNCATED_BODY || kind == Fault.Kind.DROP_CONNECTION) {
            // Content-Length promises everything; part is sent and the exchange closed, so the JDK server drops
            // the connection. A dropped connection stops after a few bytes, a truncated body after half.
            int sent = kind == Fault.Kind.DROP_CONNECTION ? Math.min(16, body.length / 4) : body.length / 2;
            exchange.sendResponseHeaders(answer.status, body.length);
            OutputStream stream = exchange.getResponseBody();
            stream.write(body, 0, sent);
            stream.flush();
            return;
        }
        exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
