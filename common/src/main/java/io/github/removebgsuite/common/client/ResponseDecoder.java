package io.github.removebgsuite.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.account.CreditLedger;
import io.github.removebgsuite.common.error.ApiError;
import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidRequestException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;
import io.github.removebgsuite.common.ratelimit.RateLimitSnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns HTTP answers into typed results or typed exceptions. Success bodies are read up to {@code maxResponseBytes}
 * (an announced larger {@code Content-Length} is refused before reading) and checked to be what was promised.
 */
final class ResponseDecoder {

    /** Error answers are small JSON documents; anything beyond this is not worth reading. */
    private static final long ERROR_BODY_LIMIT = 64 * 1024;
    private static final BigDecimal PREVIEW_COST = new BigDecimal("0.25");

    /** Decodes a successful answer's body. */
    @FunctionalInterface
    interface SuccessDecoder<T> {
        T decode(Response response, byte[] body, RateLimitSnapshot rateLimit);
    }

    private final ObjectMapper mapper;
    private final long maxResponseBytes;
    private final CreditLedger ledger;
    private final Secrets secrets;

    ResponseDecoder(ObjectMapper mapper, long maxResponseBytes, CreditLedger ledger, Secrets secrets) {
        this.mapper = mapper;
        this.maxResponseBytes = maxResponseBytes;
        this.ledger = ledger;
        this.secrets = secrets;
    }

    /**
     * Decodes an answer: an error status becomes the matching {@link ApiException}; a success is read, charged to the
     * ledger (before the body is checked: a broken body was still paid for) and handed to {@code success}.
     */
    <T> T decode(Response response, ApiCall call, SuccessDecoder<T> success) {
        RateLimitSnapshot rateLimit = rateLimit(response.headers());
        if (!response.isSuccessful()) {
            throw error(response, call, rateLimit);
        }
        BigDecimal charged = decimalHeader(response, "X-Credits-Charged");
        if (charged != null && charged.signum() > 0) {
            ledger.charge(charged);
        }
        byte[] body;
        try {
            body = read(response.body(), maxResponseBytes);
        } catch (IOException e) {
            throw new UnexpectedResponseException("The answer to " + call.method() + " /" + call.path()
                    + " was cut off after the request had been sent (" + e.getMessage() + "); remove.bg may have "
                    + "charged for it, so it was not re-sent.", e);
        }
        return success.decode(response, body, rateLimit);
    }

    /** A processed image, binary or ({@code Accept: application/json}) as {@code data.result_b64}. */
    RemoveBgResult removeBg(Response response, byte[] body, RateLimitSnapshot rateLimit) {
        String contentType = response.header("Content-Type");
        if (isJson(contentType)) {
            return removeBgJson(response, body, rateLimit);
        }
        ResultFormat format = ResultFormat.fromContentType(contentType)
                .or(() -> contentType == null ? ResultFormat.sniff(body) : java.util.Optional.empty())
                .orElseThrow(() -> new UnexpectedResponseException("remove.bg answered 200 with "
                        + describe(contentType, body) + " instead of an image; a proxy or captive portal may be in "
                        + "the way, so check the base URL."));
        checkImage(format, body, "Content-Type " + (contentType == null ? "(none)" : contentType));
        ForegroundBox box = foreground(intHeader(response, "X-Foreground-Top"), intHeader(response, "X-Foreground-Left"),
                intHeader(response, "X-Foreground-Width"), intHeader(response, "X-Foreground-Height"));
        ResultMetadata metadata = new ResultMetadata(response.header("X-Type"), orZero(intHeader(response, "X-Width")),
                orZero(intHeader(response, "X-Height")), credits(response), box, rateLimit);
        return RemoveBgResult.owning(body, contentType == null ? format.mediaType() : contentType, format, metadata);
    }

    private RemoveBgResult removeBgJson(Response response, byte[] body, RateLimitSnapshot rateLimit) {
        JsonNode data = json(body, "/removebg").path("data");
        JsonNode b64 = data.path("result_b64");
        if (!b64.isTextual()) {
            throw new UnexpectedResponseException("remove.bg answered 200 with JSON but without data.result_b64.");
        }
        byte[] image;
        try {
            image = Base64.getMimeDecoder().decode(b64.asText());
        } catch (IllegalArgumentException e) {
            throw new UnexpectedResponseException("remove.bg's data.result_b64 is not valid base64: " + e.getMessage(),
                    e);
        }
        ResultFormat format = ResultFormat.sniff(image).orElseThrow(() -> new UnexpectedResponseException(
                "remove.bg's data.result_b64 is not a PNG, JPG, WebP or ZIP image (" + image.length + " bytes)."));
        checkImage(format, image, "its leading bytes");
        ForegroundBox box = foreground(
                jsonInt(data, "foreground_top", intHeader(response, "X-Foreground-Top")),
                jsonInt(data, "foreground_left", intHeader(response, "X-Foreground-Left")),
                jsonInt(data, "foreground_width", intHeader(response, "X-Foreground-Width")),
                jsonInt(data, "foreground_height", intHeader(response, "X-Foreground-Height")));
        String type = response.header("X-Type") != null ? response.header("X-Type")
                : data.path("type").isTextual() ? data.path("type").asText() : null;
        ResultMetadata metadata = new ResultMetadata(type,
                orZero(jsonInt(data, "width", intHeader(response, "X-Width"))),
                orZero(jsonInt(data, "height", intHeader(response, "X-Height"))), credits(response), box, rateLimit);
        return RemoveBgResult.owning(image, format.mediaType(), format, metadata);
    }

    /** {@code GET /account}: {@code data.attributes.credits.*} and {@code data.attributes.api.free_calls}. */
    Account account(Response response, byte[] body, RateLimitSnapshot rateLimit) {
        JsonNode attributes = json(body, "/account").path("data").path("attributes");
        JsonNode credits = attributes.path("credits");
        if (!credits.path("total").isNumber()) {
            throw new UnexpectedResponseException(
                    "remove.bg's /account answer has no data.attributes.credits.total; it is not the documented JSON.");
        }
        return new Account(credits.path("total").decimalValue(), decimal(credits, "subscription"),
                decimal(credits, "payg"), decimal(credits, "enterprise"),
                attributes.path("api").path("free_calls").asInt(0));
    }

    /** {@code POST /improve}: {@code {"id": "..."}}. */
    ImproveResult improve(Response response, byte[] body, RateLimitSnapshot rateLimit) {
        JsonNode id = json(body, "/improve").path("id");
        if (!id.isTextual() || id.asText().isEmpty()) {
            throw new UnexpectedResponseException("remove.bg's /improve answer has no id; it is not the documented "
                    + "JSON.");
        }
        return new ImproveResult(id.asText());
    }

    /** The {@code X-RateLimit-*} headers, when all three are present and well-formed. */
    static RateLimitSnapshot rateLimit(Headers headers) {
        try {
            String limit = headers.get("X-RateLimit-Limit");
            String remaining = headers.get("X-RateLimit-Remaining");
            String reset = headers.get("X-RateLimit-Reset");
            if (limit == null || remaining == null || reset == null) {
                return null;
            }
            return new RateLimitSnapshot(Integer.parseInt(limit.trim()), Math.max(0, Integer.parseInt(remaining.trim())),
                    Instant.ofEpochSecond(Long.parseLong(reset.trim())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not used by remove.bg and is ignored). */
    static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private RemoveBgException error(Response response, ApiCall call, RateLimitSnapshot rateLimit) {
        int status = response.code();
        byte[] body;
        try {
            body = read(response.body(), ERROR_BODY_LIMIT);
        } catch (IOException | RemoveBgException e) {
            body = new byte[0];
        }
        List<ApiError> errors = errors(body);
        String said = errors.isEmpty() ? "no details given"
                : errors.stream().map(ApiError::describe).collect(Collectors.joining("; "));
        said = secrets.redact(said);
        if (status == 400) {
            return new InvalidRequestException("remove.bg rejected the request (HTTP 400): " + said
                    + ". No credits were charged.", status, errors, rateLimit);
        }
        if (status == 402) {
            return new InsufficientCreditsException(insufficientCredits(call, said), status, errors, rateLimit);
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException("Authentication failed (HTTP " + status + "): " + said
                    + ". Check the API key (X-Api-Key) or OAuth token; no credits were charged.", status, errors,
                    rateLimit);
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(response);
            StringBuilder m = new StringBuilder("Rate limit exceeded (HTTP 429): ").append(said);
            if (retryAfter != null) {
                m.append("; remove.bg asks to wait ").append(retryAfter.toSeconds()).append(" s");
            }
            if (rateLimit != null) {
                m.append("; limit ").append(rateLimit.limit()).append(" megapixels per window, ")
                        .append(rateLimit.remaining()).append(" left until ").append(rateLimit.reset());
            }
            m.append(". No credits were charged.");
            return new RateLimitedException(m.toString(), errors, rateLimit, retryAfter);
        }
        if (status >= 500) {
            return new ServerException("remove.bg failed with a server error (HTTP " + status + "): " + said + ".",
                    status, errors, rateLimit);
        }
        if (status >= 300 && status < 400) {
            return new ApiException("remove.bg answered " + call.method() + " /" + call.path() + " with a redirect (HTTP "
                    + status + "), which is not followed so the key is never sent elsewhere; check the base URL.",
                    status, errors, rateLimit);
        }
        return new ApiException("remove.bg answered " + call.method() + " /" + call.path() + " with HTTP " + status
                + ": " + said + ".", status, errors, rateLimit);
    }

    private String insufficientCredits(ApiCall call, String said) {
        String size = call.fields().get("size");
        BigDecimal needed = size == null || isPreview(size) ? PREVIEW_COST : BigDecimal.ONE;
        String needs = ("auto".equalsIgnoreCase(size) ? "up to " : "") + needed.toPlainString();
        return ledger.balance()
                .map(balance -> "Insufficient credits: the account has " + balance.stripTrailingZeros().toPlainString()
                        + " left, this call needs " + needs + " (remove.bg: " + said + "). Top up the account or "
                        + "ask for a smaller size (a preview costs 0.25).")
                .orElse("Insufficient credits: the account has fewer than the " + needs + " credits this call needs "
                        + "(remove.bg: " + said + "). Top up the account or ask for a smaller size (a preview costs "
                        + "0.25).");
    }

    private static boolean isPreview(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        return s.equals("preview") || s.equals("small") || s.equals("regular");
    }

    private List<ApiError> errors(byte[] body) {
        List<ApiError> errors = new ArrayList<>();
        if (body.length == 0) {
            return errors;
        }
        try {
            JsonNode array = mapper.readTree(body).path("errors");
            for (JsonNode e : array) {
                errors.add(new ApiError(text(e, "code"), secrets.redact(text(e, "title")),
                        secrets.redact(text(e, "detail"))));
            }
        } catch (IOException e) {
            // Not JSON (an HTML error page from a proxy, say): the status alone has to do.
        }
        return errors;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode json(byte[] body, String endpoint) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new UnexpectedResponseException("remove.bg's " + endpoint + " answer is not a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new UnexpectedResponseException("remove.bg's " + endpoint + " answer is not valid JSON ("
                    + describe(null, body) + ").", e);
        }
    }

    private static void checkImage(ResultFormat format, byte[] body, String claimedBy) {
        if (!format.hasSignature(body)) {
            throw new UnexpectedResponseException("remove.bg answered 200 with " + body.length + " bytes that are not "
                    + "a " + format + " image as " + claimedBy + " says; not writing them as a result.");
        }
        if (!format.looksComplete(body)) {
            throw new UnexpectedResponseException("remove.bg answered 200 with a " + format + " image that is "
                    + "truncated or malformed (" + body.length + " bytes, no proper end); not writing it as a result.");
        }
    }

    private static String describe(String contentType, byte[] body) {
        return (contentType == null ? "a body" : contentType) + " (" + body.length + " bytes)";
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * Reads a body up to {@code limit} bytes; an announced or actual larger body is refused with an
     * {@link UnexpectedResponseException} before (or instead of) reading the rest.
     */
    static byte[] read(ResponseBody body, long limit) throws IOException {
        long announced = body.contentLength();
        if (announced > limit) {
            throw new UnexpectedResponseException("remove.bg announced a " + announced + "-byte answer, more than the "
                    + "client's maxResponseBytes (" + limit + "); it was not read.");
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 64 * 1024) != -1) {
            if (buffer.size() > limit) {
                throw new UnexpectedResponseException("remove.bg's answer is larger than the client's "
                        + "maxResponseBytes (" + limit + "); reading stopped there.");
            }
        }
        return buffer.readByteArray();
    }

    private static BigDecimal credits(Response response) {
        BigDecimal charged = decimalHeader(response, "X-Credits-Charged");
        return charged == null ? BigDecimal.ZERO : charged;
    }

    private static BigDecimal decimalHeader(Response response, String name) {
        String value = response.header(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intHeader(Response response, String name) {
        String value = response.header(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer jsonInt(JsonNode data, String field, Integer fallback) {
        JsonNode value = data.get(field);
        return value != null && value.canConvertToInt() ? Integer.valueOf(value.asInt()) : fallback;
    }

    private static BigDecimal decimal(JsonNode credits, String field) {
        JsonNode value = credits.get(field);
        return value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
    }

    private static ForegroundBox foreground(Integer top, Integer left, Integer width, Integer height) {
        return top == null || left == null || width == null || height == null ? null
                : new ForegroundBox(top, left, width, height);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
