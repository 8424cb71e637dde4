package io.github.removebgsuite.common.client;

import io.github.removebgsuite.common.request.RemoveBgRequest;
import io.github.removebgsuite.common.retry.RetryPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The child process of {@link LargeUploadTest}: uploads one file several times concurrently through the public API and
 * exits 0 only when every upload returned a result.
 */
public final class LargeUploadMain {

    private LargeUploadMain() {
    }

    /**
     * @param args base URL, file path, number of concurrent uploads
     */
    public static void main(String[] args) {
        try (RemoveBgClient client = RemoveBgClient.builder().apiKey("large-upload-key").baseUrl(args[0])
                .retryPolicy(RetryPolicy.none()).build()) {
            RemoveBgRequest request = RemoveBgRequest.builder().imageFile(Path.of(args[1])).build();
            List<CompletableFuture<RemoveBgResult>> uploads = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                uploads.add(client.removeBackgroundAsync(request));
            }
            CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new)).join();
            System.out.println("uploaded " + uploads.size() + " (max heap " + Runtime.getRuntime().maxMemory()
                    + " bytes)");
        }
        System.exit(0);
    }
}
