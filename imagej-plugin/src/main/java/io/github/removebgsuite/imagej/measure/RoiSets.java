package io.github.removebgsuite.imagej.measure;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.plugin.frame.RoiManager;
import java.awt.GraphicsEnvironment;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hands foreground selections to ImageJ's ROI Manager, or saves them as a ROI set ({@code .zip} of {@code .roi}
 * files, the format of the ROI Manager's <em>More › Save…</em> and <em>Open…</em>), which also works headless.
 */
public final class RoiSets {

    private static volatile BiConsumer<ImagePlus, List<Roi>> managerOverride;

    private RoiSets() {
    }

    /**
     * Adds the selections to the ROI Manager (opening it when needed), under their own names.
     *
     * @return false when there is no ROI Manager to add to: headless, where it cannot be shown and no batch-mode
     *     macro provides a hidden one
     */
    public static boolean addToManager(ImagePlus image, List<Roi> rois) {
        BiConsumer<ImagePlus, List<Roi>> override = managerOverride;
        if (override != null) {
            override.accept(image, List.copyOf(rois));
            return true;
        }
        RoiManager manager = GraphicsEnvironment.isHeadless() ? RoiManager.getInstance()
                : RoiManager.getRoiManager();
        if (manager == null) {
            return false;
        }
        for (Roi roi : rois) {
            manager.add(image, (Roi) roi.clone(), -1);
        }
        return true;
    }

    /**
     * Saves the selections as a ROI set, atomically; names repeated within the set get a {@code -2}, {@code -3}
     * suffix so no entry hides another.
     *
     * @throws IOException when the file cannot be written
     */
    public static void save(List<Roi> rois, Path target) throws IOException {
        AtomicOutput.write(target, ".zip", temp -> {
            try (OutputStream file = Files.newOutputStream(temp);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file));
                    DataOutputStream out = new DataOutputStream(zip)) {
                RoiEncoder encoder = new RoiEncoder(out);
                Set<String> names = new HashSet<>();
                for (Roi roi : rois) {
                    String name = roi.getName() == null ? "foreground" : roi.getName();
                    String unique = name;
                    for (int n = 2; !names.add(unique); n++) {
                        unique = name + "-" + n;
                    }
                    zip.putNextEntry(new ZipEntry(unique + ".roi"));
                    encoder.write(roi);
                    out.flush();
                }
            }
        });
    }

    /**
     * Replaces the ROI Manager for tests, which run headless where ImageJ's ROI Manager window cannot exist; null
     * restores it.
     */
    static void overrideManager(BiConsumer<ImagePlus, List<Roi>> manager) {
        managerOverride = manager;
    }
}
