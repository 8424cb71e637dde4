package io.github.removebgsuite.bench;

import io.github.removebgsuite.common.compose.PngFilter;
import io.github.removebgsuite.common.compose.ZipComposer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The composer as a process, so the benchmark times it as a user meets it: JVM start, archive read, decode, encode.
 *
 * <p>Usage: {@code Compose IN.zip OUT.png [--level N] [--filter NONE|SUB|UP|AVERAGE|PAETH] [--threads N]}.
 */
public final class Compose {

    private Compose() {
    }

    /** Entry point; see the class description. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length % 2 != 0) {
            System.err.println("usage: Compose IN.zip OUT.png [--level N] [--filter F] [--threads N]");
            System.exit(2);
        }
        ZipComposer.Builder builder = ZipComposer.builder();
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--level" -> builder.deflateLevel(Integer.parseInt(args[i + 1]));
                case "--filter" -> builder.filter(PngFilter.valueOf(args[i + 1].toUpperCase(Locale.ROOT)));
                case "--threads" -> builder.threads(Integer.parseInt(args[i + 1]));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        builder.build().compose(Path.of(args[0]), Path.of(args[1]));
    }
}
