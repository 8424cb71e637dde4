package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.client.ImproveResult;
import io.github.removebgsuite.common.request.ImproveRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code removebg improve}: submits an image the service got wrong to the remove.bg Improvement Program. */
@Command(name = "improve", mixinStandardHelpOptions = true, footer = ExitCode.HELP_FOOTER,
        description = {"Submit an image remove.bg handled badly to its Improvement Program (up to 100 a day).",
                "By submitting you agree to the Improvement Program Conditions."})
final class ImproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|URL", description = "The image: a local file or an http(s) URL.")
    String image;

    @Option(names = "--tag", description = "Group submissions with the same tag.")
    String tag;

    @Option(names = "--image-filename", paramLabel = "NAME",
            description = "The image's file name (default: detected from the data).")
    String imageFilename;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean url = image.startsWith("http://") || image.startsWith("https://");
        parameters.put(url ? "image_url" : "image_file", image);
        if (tag != null) {
            parameters.put("tag", tag);
        }
        if (imageFilename != null) {
            parameters.put("image_filename", imageFilename);
        }
        ImproveRequest request = ImproveRequest.fromParameters(parameters);
        try (ConnectionOptions.Connection conn = connection.connect(spec.commandLine().getErr())) {
            ImproveResult result = conn.client().improve(request);
            spec.commandLine().getOut().println("Submitted: id " + result.id());
            return ExitCode.OK;
        }
    }
}
