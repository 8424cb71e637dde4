package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.compose.CompositionException;
import io.github.removebgsuite.common.compose.ZipComposer;
import io.github.removebgsuite.common.error.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code removebg zip2png}: composes a remove.bg ZIP result ({@code color.jpg} + {@code alpha.png}) into an RGBA PNG. */
@Command(name = "zip2png", mixinStandardHelpOptions = true, footer = ExitCode.HELP_FOOTER,
        description = "Compose a remove.bg ZIP result (color.jpg + alpha.png) into a transparent PNG, offline.")
final class Zip2PngCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ZIP", description = "The ZIP result.")
    Path zip;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PNG",
            description = "Where to write the PNG (default: the ZIP's name with .png).")
    Path png;

    @Option(names = "--level", paramLabel = "0-9",
            description = "Deflate level: 1 is fastest, 9 smallest (default: the composer's balance of both).")
    Integer level;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new InvalidParameterException("ZIP", zip.toString(), "an existing ZIP file (a remove.bg result "
                    + "requested with format=zip)");
        }
        Path target = png != null ? png : defaultTarget(zip);
        ZipComposer composer = level == null ? new ZipComposer() : ZipComposer.builder().deflateLevel(level).build();
        try {
            composer.compose(zip, target);
        } catch (CompositionException e) {
            // The file given is not what zip2png takes: a bad parameter, named as such (nothing was written).
            throw new InvalidParameterException("ZIP", zip.toString(), "a remove.bg ZIP result (color.jpg and "
                    + "alpha.png); " + e.getMessage());
        }
        spec.commandLine().getOut().println("Wrote " + target);
        return ExitCode.OK;
    }

    /** Replaces only the file name's {@code .zip} extension (the official CLI replaced the first "zip" in the path). */
    static Path defaultTarget(Path zip) {
        String name = zip.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return zip.resolveSibling(stem + ".png");
    }
}
