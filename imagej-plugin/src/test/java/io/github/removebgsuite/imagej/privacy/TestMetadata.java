package io.github.removebgsuite.imagej.privacy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Builds the identifying metadata cameras and tools write (EXIF with camera, GPS and date; XMP; IPTC; comments;
 * PNG text chunks), so the stripping tests have something real to remove. Public for the command tests.
 */
public final class TestMetadata {

    /** Strings that must never be uploaded once metadata is stripped. */
    public static final List<String> SECRETS = List.of("CamMakerXYZ", "ModelQ-9", "2024:05:06 07:08:09",
            "SecretPerson", "patient-4711 comment", "Byline Secret", "ImageJ info: patient");

    private TestMetadata() {
    }

    /** An EXIF TIFF structure: IFD0 with Make, Model, Orientation, DateTime and a GPS IFD with a latitude. */
    public static byte[] exifTiff(int orientation, ByteOrder order) {
        byte[] make = "CamMakerXYZ\0".getBytes(StandardCharsets.US_ASCII);
        byte[] model = "ModelQ-9\0".getBytes(StandardCharsets.US_ASCII);
        byte[] date = "2024:05:06 07:08:09\0".getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int entries = 5;
        int ifd0End = ifd0 + 2 + 12 * entries + 4;
        int makeAt = ifd0End;
        int modelAt = makeAt + make.length;
        int dateAt = modelAt + model.length;
        int gpsAt = dateAt + date.length;
        int gpsEnd = gpsAt + 2 + 12 * 2 + 4;
        int latitudeAt = gpsEnd;
        ByteBuffer tiff = ByteBuffer.allocate(latitudeAt + 24).order(order);
        tiff.put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I')).put((byte) (order == ByteOrder.BIG_ENDIAN ? 'M'
                : 'I')).putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) entries);
        entry(tiff, 0x010f, 2, make.length, makeAt);
        entry(tiff, 0x0110, 2, model.length, modelAt);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(tiff, 0x0132, 2, date.length, dateAt);
        entry(tiff, 0x8825, 4, 1, gpsAt);
        tiff.putInt(0);
        tiff.put(make).put(model).put(date);
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(tiff, 2, 5, 3, latitudeAt);
        tiff.putInt(0);
        for (int i = 0; i < 3; i++) {
            tiff.putInt(47 + i).putInt(1);
        }
        return tiff.array();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** The sRGB ICC profile's bytes. */
    public static byte[] iccProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    /** A JPEG segment. */
    public static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xff).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return segment.array();
    }

    /**
     * A JPEG with EXIF (orientation {@code orientation}), XMP, IPTC, a comment and an ICC profile inserted after its
     * JFIF segment.
     */
    public static byte[] jpegWithMetadata(byte[] plainJpeg, int orientation) {
        int afterApp0 = 2;
        if ((plainJpeg[3] & 0xff) == 0xe0) {
            afterApp0 = 4 + ((plainJpeg[4] & 0xff) << 8 | plainJpeg[5] & 0xff);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plainJpeg, 0, afterApp0);
        out.writeBytes(segment(0xe1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1),
                exifTiff(orientation, ByteOrder.LITTLE_ENDIAN))));
        out.writeBytes(segment(0xe1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>SecretPerson"
                + "</dc:creator></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(segment(0xe2, concat("ICC_PROFILE\0\1\1".getBytes(StandardCharsets.ISO_8859_1),
                iccProfile())));
        out.writeBytes(segment(0xed, "Photoshop 3.0\08BIM Byline Secret".getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(segment(0xfe, "patient-4711 comment".getBytes(StandardCharsets.ISO_8859_1)));
        out.write(plainJpeg, afterApp0, plainJpeg.length - afterApp0);
        return out.toByteArray();
    }

    /** The JPEG's segments before its image data, as (marker, payload) pairs, and the rest from SOS on. */
    public static List<Object[]> jpegSegments(byte[] jpeg) {
        List<Object[]> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xff;
            if (marker == 0xda) {
                segments.add(new Object[] {marker, java.util.Arrays.copyOfRange(jpeg, pos, jpeg.length)});
                break;
            }
            int length = (jpeg[pos + 2] & 0xff) << 8 | jpeg[pos + 3] & 0xff;
            segments.add(new Object[] {marker, java.util.Arrays.copyOfRange(jpeg, pos + 4, pos + 2 + length)});
            pos += 2 + length;
        }
        return segments;
    }

    /** A PNG chunk. */
    public static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** IFD0 of a TIFF structure as tag → first SHORT value (or -1 when not a SHORT). */
    public static java.util.Map<Integer, Integer> ifd0(byte[] in, int start) {
        ByteOrder order = in[start] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer tiff = ByteBuffer.wrap(in, start, in.length - start).slice().order(order);
        int ifd = tiff.getInt(4);
        int count = tiff.getShort(ifd) & 0xffff;
        java.util.Map<Integer, Integer> tags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            int type = tiff.getShort(entry + 2) & 0xffff;
            tags.put(tiff.getShort(entry) & 0xffff, type == 3 ? tiff.getShort(entry + 8) & 0xffff : -1);
        }
        return tags;
    }

    /** Joins byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whether {@code haystack} contains {@code needle}'s bytes. */
    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
