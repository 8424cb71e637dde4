package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.image.ImageDimensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One call of {@code POST /removebg}: an image source and the {@link RemoveBgOptions} to apply, immutable and
 * validated before any credit is spent.
 *
 * <pre>{@code
 * RemoveBgRequest request = RemoveBgRequest.builder()
 *         .imageFile(Path.of("car.jpg"))
 *         .size(Size.FULL).format(Format.ZIP).crop(true).cropMargin("10%")
 *         .shadowType(ForegroundType.CAR, ShadowType.CAR).shadowOpacity(ForegroundType.CAR, 80)
 *         .build();
 * RemoveBgRequest same = RemoveBgRequest.fromParameters(Map.of("image_file", "car.jpg", "size", "full",
 *         "format", "zip", "crop", "true", "crop_margin", "10%", "shadow_type[car]", "car",
 *         "shadow_opacity[car]", "80"));
 * }</pre>
 *
 * <p>Checked by {@link Builder#build()}: exactly one image source; a local file (or bytes, or base64) within the
 * API's 22 MB and 50 megapixel limits, read from the image header only; {@code format=png} with a size that keeps the
 * original resolution refused for inputs over 10 megapixels, which the API cannot return as PNG; and everything
 * {@link RemoveBgOptions.Builder#build()} checks.
 *
 * <p>Two requests are equal when they have the same image source and equal options.
 */
public final class RemoveBgRequest {

    private final ImageSource image;
    private final RemoveBgOptions options;
    private final Optional<ImageDimensions> imageDimensions;
    private final SortedMap<String, String> formFields;
    private final SortedMap<String, ImageSource> fileParts;
    private final List<String> warnings;

    private RemoveBgRequest(ImageSource image, RemoveBgOptions options, Optional<ImageDimensions> dimensions) {
        this.image = image;
        this.options = options;
        this.imageDimensions = dimensions;
        SortedMap<String, String> fields = new TreeMap<>(options.formFields());
        if (image instanceof ImageSource.Url url) {
            fields.put("image_url", url.url());
        } else if (image instanceof ImageSource.Base64 b64) {
            fields.put("image_file_b64", b64.data());
        }
        this.formFields = Collections.unmodifiableSortedMap(fields);
        SortedMap<String, ImageSource> parts = new TreeMap<>();
        if (image.isBinary()) {
            parts.put("image_file", image);
        }
        options.backgroundImageFile().ifPresent(bg -> parts.put("bg_image_file", bg));
        this.fileParts = Collections.unmodifiableSortedMap(parts);
        List<String> w = new ArrayList<>(options.warnings());
        dimensions.ifPresent(d -> {
            Format format = options.format().orElse(Format.AUTO);
            Size size = options.size().orElse(Size.PREVIEW);
            if (format == Format.AUTO && size.keepsOriginalResolution()
                    && d.width() * (long) d.height() > ImageSourceCheck.MAX_PNG_PIXELS) {
                w.add("format=auto returns PNG when the result has transparent regions, and PNG is limited to 10"
                        + " megapixels (this input is " + megapixels(d) + " MP); use format=zip or format=webp for"
                        + " transparent results above 10 megapixels.");
            }
        });
        this.warnings = List.copyOf(w);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request, to derive a variant (another image with the same options, say). */
    public Builder toBuilder() {
        return new Builder().image(image).options(options);
    }

    /**
     * A request from parameters named as in the API, the way hosts pass them. {@code image_file} and
     * {@code bg_image_file} are local file paths, {@code image_file_b64} and {@code image_url} the other sources;
     * every other name is handled as by {@link RemoveBgOptions#fromParameters(Map)} (unknown names pass through
     * verbatim). Blank values mean "not set".
     *
     * @throws InvalidParameterException naming the first parameter that is not valid
     */
    public static RemoveBgRequest fromParameters(Map<String, String> parameters) {
        Builder builder = builder();
        new TreeMap<>(parameters).forEach(builder::parameter);
        return builder.build();
    }

    /** The image source: a binary {@code image_file}, {@code image_file_b64} or {@code image_url}. */
    public ImageSource image() {
        return image;
    }

    /** The processing options. */
    public RemoveBgOptions options() {
        return options;
    }

    /**
     * The input's width and height when they could be read from its header at build time (a file, bytes or base64
     * source); empty for a stream, a URL or an unrecognised header. Useful to price the call for the rate limiter.
     */
    public Optional<ImageDimensions> imageDimensions() {
        return imageDimensions;
    }

    /** The binary {@code bg_image_file}, if any. */
    public Optional<ImageSource> backgroundImageFile() {
        return options.backgroundImageFile();
    }

    /**
     * Every text field that goes on the wire, sorted by name, values exactly as sent: the options'
     * {@link RemoveBgOptions#formFields()} plus {@code image_url} or {@code image_file_b64} when that is the source.
     * Binary parts are in {@link #fileParts()}.
     */
    public SortedMap<String, String> formFields() {
        return formFields;
    }

    /** The binary parts by name, {@code image_file} and/or {@code bg_image_file}; empty when none. */
    public SortedMap<String, ImageSource> fileParts() {
        return fileParts;
    }

    /** Advice that is not an error (the options' warnings, and PNG limits the input may meet); empty when none. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoveBgRequest other && image.equals(other.image) && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, options);
    }

    /** The source (never its bytes or base64 text; URLs without their query) and the options. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RemoveBgRequest{");
        RemoveBgOptions.appendFields(s, formFields);
        for (Map.Entry<String, ImageSource> part : fileParts.entrySet()) {
            s.append(s.length() > "RemoveBgRequest{".length() ? ", " : "").append(part.getKey()).append('=')
                    .append(RemoveBgOptions.describe(part.getValue()));
        }
        return s.append('}').toString();
    }

    private static String megapixels(ImageDimensions d) {
        return String.format(Locale.ROOT, "%.1f", d.megapixels());
    }

    /**
     * Builds a {@link RemoveBgRequest}: one image source, and a setter for every parameter (the same as
     * {@link RemoveBgOptions.Builder}'s, which this builder fills). {@link #options(RemoveBgOptions)} starts from a
     * ready set of options, and later setters change it.
     */
    public static final class Builder {
        private RemoveBgOptions.Builder options = RemoveBgOptions.builder();
        private final ImageSourceSlot image = new ImageSourceSlot();

        private Builder() {
        }

        /**
         * Sets (or replaces) the image: a file, bytes or a stream travels as {@code image_file},
         * {@link ImageSource.Base64} as {@code image_file_b64}, {@link ImageSource.Url} as {@code image_url}. Only
         * {@link #parameter(String, String)} refuses two different source parameters, as the API does.
         */
        public Builder image(ImageSource image) {
            this.image.set(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** {@code image_file}: a file on disk, streamed as a binary part (replaces any other source). */
        public Builder imageFile(Path imageFile) {
            return image(ImageSource.file(imageFile));
        }

        /** {@code image_file_b64}: the image as a base64 string (replaces any other source). */
        public Builder imageFileB64(String imageFileB64) {
            return image(ImageSource.base64(imageFileB64));
        }

        /** {@code image_url}: an absolute http(s) URL the API downloads the image from (replaces any other source). */
        public Builder imageUrl(String imageUrl) {
            return image(ImageSource.url(imageUrl));
        }

        /** Replaces every processing parameter with these options (later setters change them). */
        public Builder options(RemoveBgOptions options) {
            this.options = Objects.requireNonNull(options, "options").toBuilder();
            return this;
        }

        /**
         * Sets any parameter by its API name from its wire form: the one entry point behind
         * {@link RemoveBgRequest#fromParameters(Map)}. {@code image_file} is a local path; {@code image_file_b64} and
         * {@code image_url} are the other sources, and two different ones are refused; every other name as
         * {@link RemoveBgOptions.Builder#parameter}. A blank value unsets.
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
                default:
                    options.parameter(name, value);
                    return this;
            }
        }

        /** {@code size}: the maximum output resolution; {@code null} leaves the API's default ({@code preview}). */
        public Builder size(Size size) {
            options.size(size);
            return this;
        }

        /** {@code size} from its wire form, e.g. {@code full}, {@code 50MP} or the legacy {@code hd}. */
        public Builder size(String size) {
            options.size(size);
            return this;
        }

        /** {@code type}: the foreground type, or {@link ForegroundType#AUTO} to detect it. */
        public Builder type(ForegroundType type) {
            options.type(type);
            return this;
        }

        /** {@code type} from its wire form, e.g. {@code car}. */
        public Builder type(String type) {
            options.type(type);
            return this;
        }

        /** {@code type_level}: how specific the reported {@code X-Type} is. */
        public Builder typeLevel(TypeLevel typeLevel) {
            options.typeLevel(typeLevel);
            return this;
        }

        /** {@code type_level} from its wire form: {@code none}, {@code 1}, {@code 2} or {@code latest}. */
        public Builder typeLevel(String typeLevel) {
            options.typeLevel(typeLevel);
            return this;
        }

        /** {@code format}: the result format. */
        public Builder format(Format format) {
            options.format(format);
            return this;
        }

        /** {@code format} from its wire form: {@code auto}, {@code png}, {@code webp}, {@code jpg} or {@code zip}. */
        public Builder format(String format) {
            options.format(format);
            return this;
        }

        /** {@code roi}: the region of interest. */
        public Builder roi(Roi roi) {
            options.roi(roi);
            return this;
        }

        /** {@code roi} from its wire form, e.g. {@code 0% 0% 100% 100%}. */
        public Builder roi(String roi) {
            options.roi(roi);
            return this;
        }

        /** {@code crop}: whether to crop off empty regions (the API's default: false). */
        public Builder crop(Boolean crop) {
            options.crop(crop);
            return this;
        }

        /** {@code crop} from {@code true} or {@code false}. */
        public Builder crop(String crop) {
            options.crop(crop);
            return this;
        }

        /** {@code crop_margin}: the margin around the cropped subject; needs {@code crop=true}. */
        public Builder cropMargin(CropMargin cropMargin) {
            options.cropMargin(cropMargin);
            return this;
        }

        /** {@code crop_margin} from its wire form, e.g. {@code 10%} or {@code 30px 10px}. */
        public Builder cropMargin(String cropMargin) {
            options.cropMargin(cropMargin);
            return this;
        }

        /** {@code scale}: the subject's size relative to the image. */
        public Builder scale(Scale scale) {
            options.scale(scale);
            return this;
        }

        /** {@code scale} from its wire form: {@code 10%} to {@code 100%} or {@code original}. */
        public Builder scale(String scale) {
            options.scale(scale);
            return this;
        }

        /** {@code position}: where the subject sits in the canvas. */
        public Builder position(Position position) {
            options.position(position);
            return this;
        }

        /** {@code position} from its wire form: {@code original}, {@code center}, or one or two percentages. */
        public Builder position(String position) {
            options.position(position);
            return this;
        }

        /** {@code channels}: the finished image or its alpha mask. */
        public Builder channels(Channels channels) {
            options.channels(channels);
            return this;
        }

        /** {@code channels} from its wire form: {@code rgba} or {@code alpha}. */
        public Builder channels(String channels) {
            options.channels(channels);
            return this;
        }

        /**
         * The deprecated {@code add_shadow}: {@code true} is sent as {@code shadow_type[car]=car} (its documented
         * meaning) and both values add a warning. Prefer
         * {@link RemoveBgOptions.Builder#shadowType(ForegroundType, ShadowType)}.
         */
        public Builder addShadow(Boolean addShadow) {
            options.addShadow(addShadow);
            return this;
        }

        /** {@code add_shadow} from {@code true} or {@code false}. */
        public Builder addShadow(String addShadow) {
            options.addShadow(addShadow);
            return this;
        }

        /** The global {@code shadow_type}, for every foreground type; excludes the per-type entries. */
        public Builder shadowType(ShadowType shadowType) {
            options.shadowType(shadowType);
            return this;
        }

        /** The global {@code shadow_type} from its wire form: {@code auto}, {@code car}, {@code 3D}, ... */
        public Builder shadowType(String shadowType) {
            options.shadowType(shadowType);
            return this;
        }

        /**
         * {@code shadow_type[<type>]}: the shadow for one foreground type ({@code null} removes the entry). Types
         * not mentioned get no shadow. Excludes the global {@code shadow_type}.
         *
         * @throws InvalidParameterException for {@link ForegroundType#AUTO} or {@link ShadowType#AUTO}
         */
        public Builder shadowType(ForegroundType type, ShadowType shadowType) {
            options.shadowType(type, shadowType);
            return this;
        }

        /** The global {@code shadow_opacity}: 0–100 or auto; excludes the per-type entries. */
        public Builder shadowOpacity(ShadowOpacity shadowOpacity) {
            options.shadowOpacity(shadowOpacity);
            return this;
        }

        /** The global {@code shadow_opacity} from 0 to 100. */
        public Builder shadowOpacity(int shadowOpacity) {
            options.shadowOpacity(shadowOpacity);
            return this;
        }

        /** The global {@code shadow_opacity} from its wire form: {@code 0} to {@code 100} or {@code auto}. */
        public Builder shadowOpacity(String shadowOpacity) {
            options.shadowOpacity(shadowOpacity);
            return this;
        }

        /**
         * {@code shadow_opacity[<type>]}: the opacity for one foreground type, 0–100 ({@code null} removes the
         * entry). Excludes the global {@code shadow_opacity}.
         *
         * @throws InvalidParameterException for {@link ForegroundType#AUTO} or {@link ShadowOpacity#AUTO}
         */
        public Builder shadowOpacity(ForegroundType type, ShadowOpacity shadowOpacity) {
            options.shadowOpacity(type, shadowOpacity);
            return this;
        }

        /** {@code shadow_opacity[<type>]} from 0 to 100. */
        public Builder shadowOpacity(ForegroundType type, int shadowOpacity) {
            options.shadowOpacity(type, shadowOpacity);
            return this;
        }

        /** {@code semitransparency}: whether to keep semi-transparent regions (car windows; the default is true). */
        public Builder semitransparency(Boolean semitransparency) {
            options.semitransparency(semitransparency);
            return this;
        }

        /** {@code semitransparency} from {@code true} or {@code false}. */
        public Builder semitransparency(String semitransparency) {
            options.semitransparency(semitransparency);
            return this;
        }

        /** {@code bg_color}: a solid background colour; excludes the other {@code bg_} parameters. */
        public Builder bgColor(BgColor bgColor) {
            options.bgColor(bgColor);
            return this;
        }

        /** {@code bg_color} from a hex code ({@code 81d4fa}, {@code #fff}) or a CSS colour name. */
        public Builder bgColor(String bgColor) {
            options.bgColor(bgColor);
            return this;
        }

        /**
         * {@code bg_image_url}: an absolute http(s) URL of a background image; excludes the other {@code bg_}
         * parameters.
         */
        public Builder bgImageUrl(String bgImageUrl) {
            options.bgImageUrl(bgImageUrl);
            return this;
        }

        /**
         * {@code bg_image_file}: a background image uploaded as a binary part (a file, bytes or a stream); excludes
         * the other {@code bg_} parameters.
         *
         * @throws InvalidParameterException for a URL or base64 source (use
         *     {@link RemoveBgOptions.Builder#bgImageUrl(String)})
         */
        public Builder bgImageFile(ImageSource bgImageFile) {
            options.bgImageFile(bgImageFile);
            return this;
        }

        /** {@code bg_image_file} from a file on disk. */
        public Builder bgImageFile(Path bgImageFile) {
            options.bgImageFile(bgImageFile);
            return this;
        }

        /** {@code bg_image_file} from a local path, as hosts pass it. */
        public Builder bgImageFile(String path) {
            options.bgImageFile(path);
            return this;
        }

        /**
         * A parameter this library does not know yet, sent verbatim as a text field (a blank value removes it). For
         * the parameters it knows, use their setters or {@link RemoveBgOptions.Builder#parameter(String, String)}.
         *
         * @throws InvalidParameterException when the name is blank or is a parameter this model types
         */
        public Builder extraParameter(String name, String value) {
            options.extraParameter(name, value);
            return this;
        }

        /**
         * Checks the image source and the options and builds the request.
         *
         * @throws InvalidParameterException when there is no image source or more than one, the image breaks a
         *     documented limit, or an option rule fails
         */
        public RemoveBgRequest build() {
            ImageSource source = image.require();
            RemoveBgOptions built = options.build();
            String parameter = ImageSourceSlot.nameOf(source);
            Optional<ImageDimensions> dimensions = ImageSourceCheck.checkLimits(parameter, source);
            dimensions.ifPresent(d -> checkPngLimit(built, d));
            return new RemoveBgRequest(source, built, dimensions);
        }

        private static void checkPngLimit(RemoveBgOptions options, ImageDimensions d) {
            Size size = options.size().orElse(Size.PREVIEW);
            if (options.format().orElse(null) == Format.PNG && size.keepsOriginalResolution()
                    && (long) d.width() * d.height() > ImageSourceCheck.MAX_PNG_PIXELS) {
                throw new InvalidParameterException("format", "png", "a format other than png for this "
                        + d.width() + "x" + d.height() + " (" + megapixels(d) + " MP) input at size="
                        + size.wireValue() + ", because PNG results are limited to 10 megapixels:"
                        + " use format=zip or format=webp for transparent results above 10 megapixels"
                        + " (or a smaller size such as hd)");
            }
        }
    }
}
