package io.jenkins.plugins.removebg;

import hudson.AbortException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.github.removebgsuite.common.image.ImageDimensions;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import jenkins.MasterToSlaveFileCallable;

/**
 * Small PNG previews of workspace images for the build page, scaled on the node that holds the workspace so that only a
 * few kilobytes travel to the browser. A path must stay inside the workspace: absolute paths, {@code ..} and symbolic
 * links leading out are refused, as are files too large to be an image worth previewing.
 */
final class Thumbnails {
    /** The largest thumbnail side, in pixels. */
    static final int MAX_SIZE = 256;
    /** Files larger than this are not previewed. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Images with more pixels than this are not decoded (a decompression bomb stays on the disk). */
    static final long MAX_PIXELS = 50_000_000L;

    private Thumbnails() {
    }

    /**
     * A PNG thumbnail of {@code relativePath} in {@code workspace}, at most {@code size} (capped at
     * {@link #MAX_SIZE}) pixels on its longer side.
     *
     * @throws AbortException when the path leads outside the workspace, or the file is missing or not an image
     */
    static byte[] render(FilePath workspace, String relativePath, int size) throws IOException, InterruptedException {
        int bounded = Math.max(16, Math.min(MAX_SIZE, size));
        return workspace.act(new Render(relativePath, bounded));
    }

    /** Scales one image on its node. */
    private static final class Render extends MasterToSlaveFileCallable<byte[]> {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final int size;

        Render(String path, int size) {
            this.path = path;
            this.size = size;
        }

        @Override
        public byte[] invoke(File ws, VirtualChannel channel) throws IOException {
            Path root = ws.toPath().toAbsolutePath().normalize();
            Path file = WorkspacePaths.resolveInside(root, path, "path");
            // resolveInside followed the links of the part that exists; the file itself must be a plain file too.
            if (!Files.isRegularFile(file)) {
                throw new AbortException("remove.bg: no such image in the workspace: " + path);
            }
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new AbortException("remove.bg: path '" + path + "' leads outside the workspace.");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new AbortException("remove.bg: " + path + " is too large to preview.");
            }
            Optional<ImageDimensions> dims = ImageDimensions.probe(file);
            if (dims.isPresent() && (long) dims.get().width() * dims.get().height() > MAX_PIXELS) {
                throw new AbortException("remove.bg: " + path + " has too many pixels to preview.");
            }
            BufferedImage image;
            try (InputStream in = Files.newInputStream(file)) {
                image = ImageIO.read(in);
            }
            if (image == null) {
                throw new AbortException("remove.bg: " + path + " is not an image this node can preview.");
            }
            return png(scale(image, size));
        }
    }

    /** {@code image} scaled down (never up) so that its longer side is at most {@code size}, keeping transparency. */
    static BufferedImage scale(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) size / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }
}
