package io.github.removebgsuite.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * What a request put on the wire, decoded independently of the client: the text fields of a multipart or JSON body
 * (JSON objects flattened back to {@code shadow_type[car]}) and the binary parts with their bytes.
 */
final class RecordedForm {

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    final Map<String, String> fields = new TreeMap<>();
    final Map<String, byte[]> files = new TreeMap<>();
    final Map<String, String> filenames = new TreeMap<>();
    final String contentType;

    private RecordedForm(String contentType) {
        this.contentType = contentType;
    }

    static RecordedForm of(RecordedRequest request) throws IOException {
        String contentType = request.getHeaders().get("Content-Type");
        RecordedForm form = new RecordedForm(contentType);
        if (contentType == null || request.getBody() == null) {
            return form;
        }
        MediaType type = MediaType.get(contentType);
        if (type.subtype().equals("form-data")) {
            Buffer body = new Buffer().write(request.getBody());
            try (MultipartReader reader = new MultipartReader(body, type.parameter("boundary"))) {
                MultipartReader.Part part;
                while ((part = reader.nextPart()) != null) {
                    String disposition = part.headers().get("Content-Disposition");
                    Matcher name = NAME.matcher(disposition);
                    if (!name.find()) {
                        throw new IOException("part without a name: " + disposition);
                    }
                    Matcher filename = FILENAME.matcher(disposition);
                    if (filename.find()) {
                        form.files.put(name.group(1), part.body().readByteArray());
                        form.filenames.put(name.group(1), filename.group(1));
                    } else {
                        form.fields.put(name.group(1), part.body().readUtf8());
                    }
                }
            }
        } else if (type.subtype().equals("json")) {
            JsonNode root = new ObjectMapper().readTree(request.getBody().utf8());
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getValue().isObject()) {
                    field.getValue().properties().forEach(inner ->
                            form.fields.put(field.getKey() + "[" + inner.getKey() + "]", inner.getValue().asText()));
                } else {
                    form.fields.put(field.getKey(), field.getValue().asText());
                }
            }
        } else {
            throw new IOException("unexpected request body type " + contentType);
        }
        return form;
    }
}
