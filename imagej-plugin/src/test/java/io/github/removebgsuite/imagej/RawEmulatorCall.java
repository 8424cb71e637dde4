package io.github.removebgsuite.imagej;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Calls the emulator directly with the JDK's HTTP client (not the suite's), so a test can compare the plugin's
 * figures with the headers the server sent.
 */
final class RawEmulatorCall {

    private RawEmulatorCall() {
    }

    /** Posts an image to {@code /removebg} with form fields and returns the answer's headers. */
    static HttpHeaders removeBg(String baseUrl, String key, byte[] png, Map<String, String> fields)
            throws IOException, InterruptedException {
        String boundary = "raw-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image_file\"; "
                + "filename=\"raw.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/removebg"))
                .header("X-Api-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("emulator answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.headers();
    }

    /** A header as an integer. */
    static int intHeader(HttpHeaders headers, String name) {
        return Integer.parseInt(headers.firstValue(name).orElseThrow(() -> new AssertionError("no " + name)));
    }
}
