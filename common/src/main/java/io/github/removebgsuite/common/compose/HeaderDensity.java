package io.github.removebgsuite.common.compose;

import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The pixel density a PNG matte records, read through ImageIO's metadata tree (a JPEG's is {@link JpegHeader}'s). */
final class HeaderDensity {

    private HeaderDensity() {
    }

    /** The PNG's {@code pHYs} density when its unit is the metre; null otherwise. */
    static PixelDensity pngDensity(ImageReader reader) {
        Node phys = find(metadata(reader, "javax_imageio_png_1.0"), "pHYs");
        if (!(phys instanceof Element element) || !"meter".equals(element.getAttribute("unitSpecifier"))) {
            return null;
        }
        long x = Integer.toUnsignedLong(intAttribute(element, "pixelsPerUnitXAxis"));
        long y = Integer.toUnsignedLong(intAttribute(element, "pixelsPerUnitYAxis"));
        return x < 1 || y < 1 ? null : new PixelDensity(x, y);
    }

    private static Node metadata(ImageReader reader, String format) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(format)) {
                return null;
            }
            return metadata.getAsTree(format);
        } catch (IOException | RuntimeException e) {
            return null; // density is a nicety: an unreadable header shows up when the pixels are decoded
        }
    }

    /** The first node named {@code name} at or below {@code node}, depth first; null when there is none. */
    static Node find(Node node, String name) {
        if (node == null) {
            return null;
        }
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int intAttribute(Element element, String name) {
        try {
            return (int) Long.parseLong(element.getAttribute(name));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
