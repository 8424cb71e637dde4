package io.github.removebgsuite.imagej.image;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Renders one plane of an image the way ImageJ displays it (the LUT and display range applied, so a 16- or 32-bit
 * plane becomes what the user sees, not a clipped copy of its raw values) and encodes it as the PNG that is
 * uploaded.
 */
public final class SliceRenderer {

    private final ImagePlus imp;

    /** @param imp the image whose planes are rendered */
    public SliceRenderer(ImagePlus imp) {
        this.imp = imp;
    }

    /** The number of planes (stack slices). */
    public int planes() {
        return imp.getStackSize();
    }

    /**
     * The plane as RGB.
     *
     * @param plane the stack index, 1-based
     */
    public ColorProcessor render(int plane) {
        ImageStack stack = imp.getStack();
        ImageProcessor ip = stack.getProcessor(plane).duplicate();
        if (ip instanceof ColorProcessor color) {
            return color;
        }
        if (imp.isComposite()) {
            int channel = imp.convertIndexToPosition(plane)[0];
            LUT lut = ((CompositeImage) imp).getChannelLut(channel);
            ip.setLut(lut);
            ip.setMinAndMax(lut.min, lut.max);
        } else {
            ip.setLut(imp.getProcessor().getLut());
            ip.setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
        }
        return ip.convertToColorProcessor();
    }

    /**
     * The file name a plane is uploaded under: the image's title without its extension, made safe (letters, digits,
     * '.', '-', '_'), with the plane number for a stack, and {@code .png}.
     *
     * @param plane the stack index, 1-based
     */
    public String fileName(int plane) {
        String title = imp.getTitle() == null ? "" : imp.getTitle().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String safe = title.isBlank() ? "image" : title.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        return planes() == 1 ? safe + ".png" : safe + "-" + plane + ".png";
    }

    /**
     * A file name that says nothing about the image: {@code image.png}, or {@code image-<plane>.png} for a stack.
     *
     * @param plane the stack index, 1-based
     */
    public String neutralFileName(int plane) {
        return planes() == 1 ? "image.png" : "image-" + plane + ".png";
    }

    /**
     * The plane as PNG bytes, ready to upload: pixels only (ImageIO's PNG writer adds no text, time or EXIF chunk),
     * so neither the image's Info, its calibration nor the metadata of the file it came from is sent.
     *
     * @param plane the stack index, 1-based
     */
    public byte[] png(int plane) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(render(plane).getBufferedImage(), "png", out)) {
                throw new IllegalStateException("No PNG writer is available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the image as PNG", e);
        }
        return out.toByteArray();
    }
}
