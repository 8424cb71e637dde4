package io.github.removebgsuite.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The emulator holds keys and tokens of its own: they never appear in its {@code toString()}, its answers (also the
 * 403 for a wrong key, which must not echo what was sent), its charge log's printed form, or any log record.
 */
class SecretsTest {
    private static final String KEY = "emu_SECRET_key_5b2f91c7";
    private static final String TOKEN = "emu_SECRET_token_0c4e77aa";
    private static final String WRONG = "emu_SECRET_wrong_93ab1e";

    @Test
    void keysAndTokensNeverLeak() {
        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (seen) {
                    seen.add(record.getMessage() + " " + record.getParameters() + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        try (RemoveBgEmulator emu = RemoveBgEmulator.builder().port(0).apiKey(KEY, new BigDecimal("1"))
                .oauthToken(TOKEN, new BigDecimal("1")).build().start()) {
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            answers.add(remove(emu, "size", "full"));
            answers.add(remove(emu, "size", "full")); // 402 now
            answers.add(EmulatorHttp.get(emu, "/account", Map.of("X-Api-Key", WRONG)));
            answers.add(EmulatorHttp.get(emu, "/account", Map.of("Authorization", "Bearer " + WRONG)));
            answers.add(EmulatorHttp.get(emu, "/account", Map.of("Authorization", "Bearer " + TOKEN)));
            answers.add(remove(emu, "size", "enormous"));
            emu.faults().enqueue(Fault.status(503));
            answers.add(remove(emu));

            assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 402, 403, 400, 503);
            List<String> texts = new ArrayList<>();
            for (HttpResponse<byte[]> answer : answers) {
                texts.add(EmulatorHttp.text(answer));
                texts.add(answer.headers().map().toString());
            }
            texts.add(emu.toString());
            texts.add(emu.charges().toString());
            texts.add(emu.faults().pending().toString());
            for (String secret : List.of(KEY, TOKEN, WRONG)) {
                assertThat(texts).noneMatch(t -> t.contains(secret));
                synchronized (seen) {
                    assertThat(seen).noneMatch(t -> t.contains(secret));
                }
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
    }

    private static HttpResponse<byte[]> remove(RemoveBgEmulator emu, String... fields) {
        EmulatorHttp.Multipart form = new EmulatorHttp.Multipart();
        for (int i = 0; i < fields.length; i += 2) {
            form.field(fields[i], fields[i + 1]);
        }
        form.file("image_file", "sample.jpg", EmulatorHttp.sampleJpg());
        return EmulatorHttp.post(emu, "/removebg", form, Map.of("X-Api-Key", KEY));
    }
}
