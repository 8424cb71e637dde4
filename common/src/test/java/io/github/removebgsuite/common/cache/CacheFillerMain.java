package io.github.removebgsuite.common.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Run in a child JVM by {@link ResultCacheProcessesTest}: puts {@code count} keys (the same keys in every child, in an
 * order of its own) with bodies of random length whose content is derived from the key, reading each back as well.
 * Exits 0 when every hit held the body derived from its key, 1 otherwise.
 */
public final class CacheFillerMain {

    private CacheFillerMain() {
    }

    /** Arguments: cache folder, max bytes, key count, seed. */
    public static void main(String[] args) throws Exception {
        ResultCache cache = ResultCache.builder().directory(Path.of(args[0])).maxBytes(Long.parseLong(args[1])).build();
        int count = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int bad = 0;
        for (int i : order) {
            String key = key(i);
            cache.put(key, new CachedResponse(Map.of("X-Key", key), body(key, random.nextInt(20_000))));
            Optional<CachedResponse> hit = cache.get(key(order.get(random.nextInt(count))));
            if (hit.isPresent() && !holdsDerivedBody(hit.get())) {
                bad++;
            }
        }
        System.out.println("bad hits: " + bad);
        System.exit(bad == 0 ? 0 : 1);
    }

    /** The key of number {@code i}: a SHA-256 in lowercase hex. */
    static String key(int i) {
        return EntryFormat.sha256(("key-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code length} bytes of the endless stream derived from {@code key}. */
    static byte[] body(String key, int length) {
        byte[] body = new byte[length];
        new Random(key.hashCode()).nextBytes(body);
        return body;
    }

    /** Whether the response's body is a prefix of the stream derived from its {@code X-Key} header. */
    static boolean holdsDerivedBody(CachedResponse response) {
        String key = response.headers().get("X-Key");
        return key != null && java.util.Arrays.equals(response.body(), body(key, response.body().length));
    }
}
