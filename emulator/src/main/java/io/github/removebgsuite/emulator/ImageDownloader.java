package io.github.removebgsuite.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches {@code image_url} and {@code bg_image_url}. Only loopback hosts are contacted unless remote URLs were
 * explicitly allowed, so a test can never reach the internet through the emulator. Redirects are not followed (they
 * could leave loopback).
 */
final class ImageDownloader {
    private final boolean allowRemote;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ImageDownloader(boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    /**
     * Downloads the URL given in {@code parameter}.
     *
     * @param failureCode the documented code for a failed download ({@code failed_image_download} or
     *     {@code failed_bg_download})
     */
    byte[] download(String parameter, String url, String failureCode) throws ApiError {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw parameter.equals("bg_image_url")
                    ? ApiError.badRequest("invalid_bg_image_url", "Invalid background image URL",
                            "bg_image_url must be an absolute http(s) URL.")
                    : ApiError.invalidParameter(parameter, url, "an absolute http(s) URL");
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw failed(failureCode, parameter, "this emulator only downloads from loopback hosts (start it with "
                    + "allowRemoteImageUrls(true) to lift that)");
        }
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failed(failureCode, parameter, "the server answered HTTP " + response.statusCode());
                }
                try {
                    return RequestFields.readLimited(body, ImageCodec.MAX_FILE_BYTES);
                } catch (IOException e) {
                    throw ApiError.badRequest("file_too_large", "File too large",
                            "The image at " + parameter + " is larger than 22 MB.");
                }
            }
        } catch (IOException e) {
            throw failed(failureCode, parameter, "the download failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(failureCode, parameter, "the download was interrupted");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ApiError failed(String code, String parameter, String why) {
        return ApiError.badRequest(code, code.equals("failed_bg_download") ? "Failed to download background image"
                : "Failed to download image", "Could not download " + parameter + ": " + why + ".");
    }
}
