package io.github.removebgsuite.imagej;

import ij.ImagePlus;
import io.github.removebgsuite.common.client.ImproveResult;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.request.ImageSource;
import io.github.removebgsuite.common.request.ImproveRequest;
import io.github.removebgsuite.imagej.image.SliceRenderer;
import io.github.removebgsuite.imagej.service.ApiKey;
import java.util.Optional;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <em>Plugins › remove.bg › Report Bad Result (Improve)…</em>: submits the current slice of the active image to
 * remove.bg's Improvement Program ({@code POST /improve}), for images whose background it removes badly. Submitting
 * means agreeing to the program's conditions; remove.bg accepts up to 100 files a day.
 */
@Plugin(type = Command.class, headless = true, label = "Report Bad Result (Improve)...",
        description = "Submits the image to the remove.bg Improvement Program",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "Report Bad Result (Improve)...", weight = 11)})
public class ImproveCommand extends RemoveBgCommand {

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String header = "<html>Sends the current slice to the remove.bg Improvement Program, whose conditions "
            + "you accept by submitting. Costs no credit.";

    @Parameter(label = "Image", persist = false, description = "The image to submit (its current slice).")
    private ImagePlus imp;

    @Parameter(label = "File name", persist = false, required = false,
            description = "image_filename: the name remove.bg shows; empty = the image's title.")
    private String image_filename;

    @Parameter(label = "Tag", persist = false, required = false,
            description = "tag: images with the same tag are grouped together.")
    private String tag;

    @Parameter(type = ItemIO.OUTPUT, label = "Submission id", required = false)
    private String submission_id;

    @Override
    protected void execute() {
        if (imp == null) {
            fail("No image: open an image first.");
            return;
        }
        Optional<ApiKey> key = apiKeyOrCancel();
        if (key.isEmpty()) {
            return;
        }
        SliceRenderer renderer = new SliceRenderer(imp);
        String name = image_filename == null || image_filename.isBlank()
                ? renderer.fileName(imp.getCurrentSlice()) : image_filename.strip();
        ImproveRequest request;
        try {
            request = ImproveRequest.builder()
                    .image(ImageSource.bytes(name, renderer.png(imp.getCurrentSlice())))
                    .imageFilename(name)
                    .tag(tag == null || tag.isBlank() ? null : tag.strip())
                    .build();
        } catch (RemoveBgException e) {
            fail(e, key.get());
            return;
        }
        if (!uploadAllowed()) {
            return;
        }
        try {
            ImproveResult result = removeBg.client(key.get()).improve(request);
            submission_id = result.id();
        } catch (RemoveBgException e) {
            fail(e, key.get());
            return;
        }
        String text = "Submitted " + name + " to the remove.bg Improvement Program (id " + submission_id + ")";
        report(text);
    }
}
