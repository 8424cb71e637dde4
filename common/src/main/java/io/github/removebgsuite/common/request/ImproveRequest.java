package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One submission to {@code POST /improve}, the remove.bg Improvement Program: an image the service handled badly,
 * with an optional {@code image_filename} and a {@code tag} that groups submissions. Checked before sending like a
 * {@link RemoveBgRequest}: exactly one image source, within the 22 MB and 50 megapixel limits.
 */
public final class ImproveRequest {

    private static final Set<String> NAMES = Set.of("image_filename", "tag");

    private final ImageSource image;
    private final String imageFilename;
    private final String tag;
    private final SortedMap<String, String> extraParameters;
    private final SortedMap<String, String> formFields;

    private ImproveRequest(Builder b, ImageSource image) {
        this.image = image;
        this.imageFilename = b.imageFilename;
        this.tag = b.tag;
        this.extraParameters = Collections.unmodifiableSortedMap(new TreeMap<>(b.extraParameters));
        SortedMap<String, String> f = new TreeMap<>(extraParameters);
        if (imageFilename != null) {
            f.put("image_filename", imageFilename);
        }
        if (tag != null) {
            f.put("tag", tag);
        }
        if (image instanceof ImageSource.Url url) {
            f.put("image_url", url.url());
        } else if (image instanceof ImageSource.Base64 b64) {
            f.put("image_file_b64", b64.data());
        }
        this.formFields = Collections.unmodifiableSortedMap(f);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder().image(image).imageFilename(imageFilename).tag(tag);
        b.extraParameters.putAll(extraParameters);
        return b;
    }

    /**
     * A submission from parameters named as in the API: {@code image_file} (a local path), {@code image_file_b64} or
     * {@code image_url}, and {@code image_filename}, {@code tag}. Unknown names pass through verbatim; blank values
     * mean "not set".
     *
     * @throws InvalidParameterException naming the first parameter that is not valid
     */
    public static ImproveRequest fromParameters(Map<String, String> parameters) {
        Builder builder = builder();
        new TreeMap<>(parameters).forEach(builder::parameter);
        return builder.build();
    }

    /** The image source. */
    public ImageSource image() {
        return image;
    }

    /** {@code image_filename}, if set (otherwise the API detects it from the data). */
    public Optional<String> imageFilename() {
        return Optional.ofNullable(imageFilename);
    }

    /** {@code tag}, if set. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** The parameters passed through verbatim. */
    public SortedMap<String, String> extraParameters() {
        return extraParameters;
    }

    /**
     * Every text field that goes on the wire, sorted by name: {@code image_filename}, {@code tag}, {@code image_url}
     * or {@code image_file_b64} when that is the source, and extra parameters.
     */
    public SortedMap<String, String> formFields() {
        return formFields;
    }

    /** The binary {@code image_file} part, or an empty map when the source is a URL or base64. */
    public SortedMap<String, ImageSource> fileParts() {
        SortedMap<String, ImageSource> parts = new TreeMap<>();
        if (image.isBinary()) {
            parts.put("image_file", image);
        }
        return Collections.unmodifiableSortedMap(parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImproveRequest other && image.equals(other.image) && formFields.equals(other.formFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, formFields);
    }

    /** The fields (never base64 text; URLs without their query) and the binary part, if any. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ImproveRequest{");
        RemoveBgOptions.appendFields(s, formFields);
        if (image.isBinary()) {
            s.append(formFields.isEmpty() ? "" : ", ").append("image_file=").append(RemoveBgOptions.describe(image));
        }
        return s.append('}').toString();
    }

    /** Builds an {@link ImproveRequest}. */
    public static final class Builder {
        private final ImageSourceSlot image = new ImageSourceSlot();
        private String imageFilename;
        private String tag;
        private final SortedMap<String, String> extraParameters = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets (or replaces) the image: a file, bytes or a stream travels as {@code image_file}, base64 as
         * {@code image_file_b64}, a URL as {@code image_url}. Only {@link #parameter(String, String)} refuses two
         * different source parameters, as the API does.
         */
        public Builder image(ImageSource image) {
            this.image.set(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** {@code image_file}: a file on disk. */
        public Builder imageFile(Path imageFile) {
            return image(ImageSource.file(imageFile));
        }

        /** {@code image_file_b64}: the image as base64. */
        public Builder imageFileB64(String imageFileB64) {
            return image(ImageSource.base64(imageFileB64));
        }

        /** {@code image_url}: an absolute http(s) URL. */
        public Builder imageUrl(String imageUrl) {
            return image(ImageSource.url(imageUrl));
        }

        /** {@code image_filename}: the image's file name (blank unsets: the API detects it). */
        public Builder imageFilename(String imageFilename) {
            this.imageFilename = WireText.trimToNull(imageFilename);
            return this;
        }

        /** {@code tag}: groups submissions with the same tag (blank unsets). */
        public Builder tag(String tag) {
            this.tag = WireText.trimToNull(tag);
            return this;
        }

        /**
         * A parameter this library does not know yet, sent verbatim (a blank value removes it).
         *
         * @throws InvalidParameterException when the name is blank or is one this request types
         */
        public Builder extraParameter(String name, String value) {
            WireText.putExtra(extraParameters, name, value,
                    name != null && (NAMES.contains(name) || ImageSourceSlot.NAMES.contains(name)));
            return this;
        }

        /**
         * Sets any parameter by its API name: the one entry point behind {@link ImproveRequest#fromParameters(Map)}.
         *
         * @throws InvalidParameterException naming the parameter when the value is not allowed
         */
        public Builder parameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            switch (name) {
                case "image_file":
                case "image_file_b64":
                case "image_url":
                    image.parameter(name, value);
                    return this;
                case "image_filename":
                    return imageFilename(value);
                case "tag":
                    return tag(value);
                default:
                    return extraParameter(name, value);
            }
        }

        /**
         * Checks the source and builds the submission.
         *
         * @throws InvalidParameterException when there is no image source or more than one, or the image breaks a
         *     documented limit
         */
        public ImproveRequest build() {
            ImageSource source = image.require();
            ImageSourceCheck.checkLimits(ImageSourceSlot.nameOf(source), source);
            return new ImproveRequest(this, source);
        }
    }
}
