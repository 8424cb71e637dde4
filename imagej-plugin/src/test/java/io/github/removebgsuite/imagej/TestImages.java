package io.github.removebgsuite.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small synthetic specimens: a uniform background with one solid subject, which the emulator separates exactly. */
final class TestImages {

    static final int WIDTH = 100;
    static final int HEIGHT = 80;
    /** Where the subject is drawn. */
    static final Rectangle SUBJECT = new Rectangle(30, 20, 40, 36);

    private TestImages() {
    }

    static ImagePlus rgb(String title) {
        return new ImagePlus(title, rgbProcessor(SUBJECT, new Color(200, 40, 30)));
    }

    static ColorProcessor rgbProcessor(Rectangle subject, Color colour) {
        ColorProcessor cp = new ColorProcessor(WIDTH, HEIGHT);
        cp.setColor(new Color(235, 235, 235));
        cp.fill();
        cp.setColor(colour);
        cp.setRoi(subject);
        cp.fill();
        cp.resetRoi();
        return cp;
    }

    /** A 16-bit image whose values (100 and 3000) only separate once the display range is applied. */
    static ImagePlus sixteenBit(String title) {
        ShortProcessor sp = new ShortProcessor(WIDTH, HEIGHT);
        sp.setValue(100);
        sp.fill();
        sp.setValue(3000);
        sp.setRoi(SUBJECT);
        sp.fill();
        sp.resetRoi();
        ImagePlus imp = new ImagePlus(title, sp);
        imp.setDisplayRange(0, 4000);
        imp.getCalibration().pixelWidth = 0.5;
        imp.getCalibration().pixelHeight = 0.5;
        imp.getCalibration().setUnit("um");
        return imp;
    }

    /** A 32-bit image whose values (0.1 and 0.9) only separate once the display range is applied. */
    static ImagePlus thirtyTwoBit(String title) {
        ij.process.FloatProcessor fp = new ij.process.FloatProcessor(WIDTH, HEIGHT);
        fp.setValue(0.1);
        fp.fill();
        fp.setValue(0.9);
        fp.setRoi(SUBJECT);
        fp.fill();
        fp.resetRoi();
        ImagePlus imp = new ImagePlus(title, fp);
        imp.setDisplayRange(0, 1);
        return imp;
    }

    /** A 700x500 (0.35 MP) RGB image, larger than {@code size=preview} returns; its subject is {@code subject}. */
    static ImagePlus large(String title, Rectangle subject) {
        ColorProcessor cp = new ColorProcessor(700, 500);
        cp.setColor(new Color(235, 235, 235));
        cp.fill();
        cp.setColor(new Color(20, 120, 40));
        cp.setRoi(subject);
        cp.fill();
        cp.resetRoi();
        ImagePlus imp = new ImagePlus(title, cp);
        imp.getCalibration().pixelWidth = 0.5;
        imp.getCalibration().pixelHeight = 0.5;
        return imp;
    }

    /** Where {@link #oval(String)} draws its subject: an ellipse inside this box. */
    static final Rectangle OVAL = new Rectangle(20, 15, 60, 44);

    /** An RGB image whose subject is an ellipse, so its selection differs from its bounding box. */
    static ImagePlus oval(String title) {
        ColorProcessor cp = new ColorProcessor(WIDTH, HEIGHT);
        cp.setColor(new Color(235, 235, 235));
        cp.fill();
        cp.setColor(new Color(30, 90, 200));
        cp.fillOval(OVAL.x, OVAL.y, OVAL.width, OVAL.height);
        return new ImagePlus(title, cp);
    }

    /** A stack whose subject moves from slice to slice. */
    static ImagePlus stack(String title, int slices) {
        ImageStack stack = new ImageStack(WIDTH, HEIGHT);
        for (int i = 0; i < slices; i++) {
            Rectangle moved = new Rectangle(SUBJECT.x + 5 * i, SUBJECT.y, SUBJECT.width, SUBJECT.height);
            stack.addSlice("t" + i, rgbProcessor(moved, new Color(30, 60 + 40 * i, 200)));
        }
        return new ImagePlus(title, stack);
    }

    /** Writes a specimen as PNG; the subject's colour encodes {@code seed}, so distinct seeds give distinct files. */
    static Path writePng(Path file, int seed) throws IOException {
        ColorProcessor cp = rgbProcessor(SUBJECT, new Color(seed % 200, 40 + seed / 200 % 200, 160));
        BufferedImage image = cp.getBufferedImage();
        java.nio.file.Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
