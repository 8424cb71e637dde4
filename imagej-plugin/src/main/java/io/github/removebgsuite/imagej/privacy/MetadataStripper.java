package io.github.removebgsuite.imagej.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes what identifies a picture's origin from JPEG, PNG and WebP files before they are uploaded, without
 * re-encoding a pixel: EXIF (camera make and model, serial numbers, GPS position, dates, thumbnails), XMP, IPTC and
 * Photoshop blocks, comments and PNG text chunks (where ImageJ and other tools keep their info) and timestamps. It
 * keeps what the result depends on: the compressed image data, the colour profile (JPEG {@code ICC_PROFILE}, PNG
 * {@code iCCP}/{@code sRGB}/{@code gAMA}/{@code cHRM}, WebP {@code ICCP}), the Adobe colour-transform marker, the
 * pixel density, transparency, and the EXIF orientation, which is written back as a minimal EXIF block holding that
 * one tag.
 *
 * <p>Files of another kind, and files it cannot parse, are returned unchanged (the service refuses what it cannot
 * read anyway, and nothing is lost by sending a file as it is).
 */
public final class MetadataStripper {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG ancillary chunks that carry rendering information, not provenance. */
    private static final Set<String> PNG_KEPT = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs",
            "bKGD", "hIST", "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT");
    /** WebP chunks that make up the image (everything else is metadata). */
    private static final Set<String> WEBP_KEPT = Set.of("VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L");

    private MetadataStripper() {
    }

    /**
     * The file without identifying metadata.
     *
     * @param file the file's bytes
     * @return the stripped bytes, or {@code file} itself when it is no JPEG, PNG or WebP, or cannot be parsed
     */
    public static byte[] strip(byte[] file) {
        try {
            if (file.length > 3 && (file[0] & 0xff) == 0xff && (file[1] & 0xff) == 0xd8) {
                return stripJpeg(file);
            }
            if (file.length > 8 && Arrays.equals(Arrays.copyOf(file, 8), PNG_SIGNATURE)) {
                return stripPng(file);
            }
            if (file.length > 12 && ascii(file, 0, 4).equals("RIFF") && ascii(file, 8, 4).equals("WEBP")) {
                return stripWebp(file);
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return file; // malformed: sent as it is, and refused by the service if it cannot read it either
        }
        return file;
    }

    // ---- JPEG ----

    private static byte[] stripJpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        int orientation = 0;
        int pos = 2;
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] jfif = null;
        while (pos + 4 <= in.length) {
            if ((in[pos] & 0xff) != 0xff) {
                throw new IllegalArgumentException("no marker at " + pos);
            }
            int marker = in[pos + 1] & 0xff;
            if (marker == 0xff) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                break; // start of scan (or end of image): the rest is image data
            }
            if (marker == 0x01 || marker >= 0xd0 && marker <= 0xd7) {
                kept.write(in, pos, 2);
                pos += 2;
                continue;
            }
            int length = u16be(in, pos + 2);
            int end = pos + 2 + length;
            if (length < 2 || end > in.length) {
                throw new IllegalArgumentException("bad segment length at " + pos);
            }
            int payload = pos + 4;
            int payloadLength = length - 2;
            if (marker == 0xe0) {
                if (jfif == null && startsWith(in, payload, payloadLength, "JFIF\0")) {
                    jfif = Arrays.copyOfRange(in, pos, end);
                }
            } else if (marker == 0xe1) {
                if (startsWith(in, payload, payloadLength, "Exif\0\0")) {
                    int found = tiffOrientation(in, payload + 6, payloadLength - 6);
                    orientation = orientation == 0 ? found : orientation;
                }
            } else if (marker == 0xe2) {
                if (startsWith(in, payload, payloadLength, "ICC_PROFILE\0")) {
                    kept.write(in, pos, end - pos);
                }
            } else if (marker == 0xee) {
                if (startsWith(in, payload, payloadLength, "Adobe")) {
                    kept.write(in, pos, end - pos);
                }
            } else if (!(marker >= 0xe3 && marker <= 0xef || marker == 0xfe)) {
                // tables, frame headers, restart intervals: kept; APP3..APP15 (IPTC, Photoshop, ...) and comments
                // (COM) are dropped
                kept.write(in, pos, end - pos);
            }
            pos = end;
        }
        if (jfif != null) {
            out.writeBytes(jfif);
        }
        if (orientation > 0) {
            byte[] tiff = orientationTiff(orientation, ByteOrder.BIG_ENDIAN);
            int length = 2 + EXIF_HEADER.length + tiff.length;
            out.write(0xff);
            out.write(0xe1);
            out.write(length >> 8);
            out.write(length);
            out.writeBytes(EXIF_HEADER);
            out.writeBytes(tiff);
        }
        out.writeBytes(kept.toByteArray());
        out.write(in, pos, in.length - pos);
        return out.toByteArray();
    }

    // ---- PNG ----

    private static byte[] stripPng(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.writeBytes(PNG_SIGNATURE);
        int pos = 8;
        int orientation = 0;
        boolean orientationWritten = false;
        while (pos + 12 <= in.length) {
            int length = ByteBuffer.wrap(in, pos, 4).getInt();
            if (length < 0 || pos + 12L + length > in.length) {
                throw new IllegalArgumentException("bad chunk length at " + pos);
            }
            String type = ascii(in, pos + 4, 4);
            int end = pos + 12 + length;
            if (type.equals("eXIf")) {
                orientation = tiffOrientation(in, pos + 8, length);
            } else if (Character.isUpperCase(type.charAt(0)) || PNG_KEPT.contains(type)) {
                if (type.equals("IDAT") && orientation > 0 && !orientationWritten) {
                    writePngChunk(out, "eXIf", orientationTiff(orientation, ByteOrder.BIG_ENDIAN));
                    orientationWritten = true;
                }
                out.write(in, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static void writePngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(header.array());
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    // ---- WebP ----

    private static byte[] stripWebp(byte[] in) {
        if (!ascii(in, 12, 4).equals("VP8X")) {
            return in; // the simple format has no room for metadata
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
        int pos = 12;
        int orientation = 0;
        int flagsAt = -1;
        while (pos + 8 <= in.length) {
            String type = ascii(in, pos, 4);
            int length = ByteBuffer.wrap(in, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int padded = length + (length & 1);
            if (length < 0 || pos + 8L + padded > in.length) {
                throw new IllegalArgumentException("bad chunk length at " + pos);
            }
            if (type.equals("EXIF")) {
                int start = startsWith(in, pos + 8, length, "Exif\0\0") ? pos + 14 : pos + 8;
                orientation = tiffOrientation(in, start, length - (start - pos - 8));
            } else if (WEBP_KEPT.contains(type)) {
                if (type.equals("VP8X")) {
                    flagsAt = body.size() + 8;
                }
                body.write(in, pos, 8 + padded);
            }
            pos += 8 + padded;
        }
        if (orientation > 0) {
            byte[] tiff = orientationTiff(orientation, ByteOrder.LITTLE_ENDIAN);
            body.writeBytes("EXIF".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(tiff.length).array());
            body.writeBytes(tiff);
            if ((tiff.length & 1) == 1) {
                body.write(0);
            }
        }
        byte[] chunks = body.toByteArray();
        if (flagsAt >= 0) {
            chunks[flagsAt] = (byte) (chunks[flagsAt] & ~0x0c | (orientation > 0 ? 0x08 : 0));
        }
        ByteBuffer out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunks);
        return out.array();
    }

    // ---- EXIF (TIFF structure) ----

    /** The orientation tag of IFD0 of a TIFF structure, 0 when absent. */
    private static int tiffOrientation(byte[] in, int start, int length) {
        if (length < 8) {
            return 0;
        }
        ByteOrder order = switch (ascii(in, start, 2)) {
            case "II" -> ByteOrder.LITTLE_ENDIAN;
            case "MM" -> ByteOrder.BIG_ENDIAN;
            default -> null;
        };
        if (order == null) {
            return 0;
        }
        ByteBuffer tiff = ByteBuffer.wrap(in, start, length).slice().order(order);
        int ifd = tiff.getInt(4);
        if (ifd < 8 || ifd + 2 > length) {
            return 0;
        }
        int entries = tiff.getShort(ifd) & 0xffff;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > length) {
                return 0;
            }
            if ((tiff.getShort(entry) & 0xffff) == ORIENTATION_TAG && (tiff.getShort(entry + 2) & 0xffff) == 3) {
                int value = tiff.getShort(entry + 8) & 0xffff;
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** A TIFF structure whose IFD0 holds the orientation tag only. */
    private static byte[] orientationTiff(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        tiff.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        tiff.putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) ORIENTATION_TAG).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    private static boolean startsWith(byte[] in, int offset, int length, String prefix) {
        return length >= prefix.length() && ascii(in, offset, prefix.length()).equals(prefix);
    }

    private static int u16be(byte[] in, int offset) {
        return (in[offset] & 0xff) << 8 | in[offset + 1] & 0xff;
    }

    private static String ascii(byte[] in, int offset, int length) {
        return new String(in, offset, length, StandardCharsets.ISO_8859_1);
    }
}
