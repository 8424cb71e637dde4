package io.github.removebgsuite.common.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.ImageSource;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Puts a call's fields on the wire: {@code multipart/form-data} when it has a binary part (text fields first, then the
 * streamed files), otherwise a JSON object whose bracket keys are nested ({@code shadow_type[car]=car} becomes
 * {@code {"shadow_type": {"car": "car"}}}) and whose values are strings, as the request model gives them.
 */
final class RequestEncoder {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ObjectMapper mapper;

    RequestEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body of a POST call. */
    RequestBody encode(ApiCall call) {
        if (!call.parts().isEmpty()) {
            return multipart(call);
        }
        try {
            return RequestBody.create(mapper.writeValueAsBytes(nest(call.fields())), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode the request as JSON", e);
        }
    }

    private static RequestBody multipart(ApiCall call) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        call.fields().forEach(body::addFormDataPart);
        // Files last, so the small text fields arrive before the large upload.
        for (Map.Entry<String, ImageSource> part : call.parts().entrySet()) {
            ImageSourceBody file = new ImageSourceBody(part.getValue());
            body.addFormDataPart(part.getKey(), file.filename(), file);
        }
        return body.build();
    }

    /**
     * Nests bracket keys one level deep, keeping the fields' order. A name used both plain and with brackets (which the
     * request model never produces, but extra parameters could) is refused rather than silently dropping one.
     */
    static Map<String, Object> nest(Map<String, String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String key = field.getKey();
            int open = key.indexOf('[');
            if (open > 0 && key.endsWith("]") && key.indexOf('[', open + 1) < 0) {
                String outer = key.substring(0, open);
                String inner = key.substring(open + 1, key.length() - 1);
                Object existing = json.computeIfAbsent(outer, k -> new LinkedHashMap<String, String>());
                if (!(existing instanceof Map)) {
                    throw conflict(key, field.getValue(), outer);
                }
                @SuppressWarnings("unchecked")
                Map<String, String> nested = (Map<String, String>) existing;
                nested.put(inner, field.getValue());
            } else {
                if (json.get(key) instanceof Map) {
                    throw conflict(key, field.getValue(), key);
                }
                json.put(key, field.getValue());
            }
        }
        return json;
    }

    private static InvalidParameterException conflict(String key, String value, String outer) {
        return new InvalidParameterException(key, value,
                "either a single " + outer + " or per-type " + outer + "[<type>] values, not both");
    }
}
