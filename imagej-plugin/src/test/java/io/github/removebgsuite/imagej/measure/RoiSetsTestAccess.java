package io.github.removebgsuite.imagej.measure;

import ij.ImagePlus;
import ij.gui.Roi;
import java.util.List;
import java.util.function.BiConsumer;

/** Lets tests in other packages stand in for ImageJ's ROI Manager, which cannot exist headless. */
public final class RoiSetsTestAccess {

    private RoiSetsTestAccess() {
    }

    /** Receives what would be added to the ROI Manager; null restores the real one. */
    public static void overrideManager(BiConsumer<ImagePlus, List<Roi>> manager) {
        RoiSets.overrideManager(manager);
    }
}
