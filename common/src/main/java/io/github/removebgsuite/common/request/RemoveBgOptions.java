package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every processing parameter of {@code POST /removebg} (all but the image source), typed, immutable and validated:
 * what a host, a CLI invocation or a batch job configures once and applies to many images. A
 * {@link RemoveBgRequest} is these options plus an image.
 *
 * <p>The vocabulary is the API's: {@link #fromParameters(Map)} takes the API's parameter names ({@code size},
 * {@code crop_margin}, {@code shadow_type[car]}), the builder's methods are their camelCase, and
 * {@link #formFields()} gives them back exactly as they go on the wire. A parameter not set is not sent, so the API's
 * own default applies. Parameters newer than this library pass through verbatim as extra parameters.
 *
 * <p>Two options are equal when they send the same form fields and the same background file.
 */
public final class RemoveBgOptions {

    /** The names of the parameters this model knows, besides the per-type families and the image sources. */
    static final Set<String> NAMES = Set.of("size", "type", "type_level", "format", "roi", "crop", "crop_margin",
            "scale", "position", "channels", "add_shadow", "shadow_type", "shadow_opacity", "semitransparency",
            "bg_color", "bg_image_url", "bg_image_file");

    private static final Pattern PER_TYPE = Pattern.compile("(shadow_type|shadow_opacity)\\[(.*)]", Pattern.DOTALL);
    private static final Pattern SECRET_LIKE = Pattern.compile("key|token|secret|password|auth|credential",
            Pattern.CASE_INSENSITIVE);
    private static final String BG_NAMES = "bg_color, bg_image_url or bg_image_file";
    private static final RemoveBgOptions DEFAULTS = builder().build();

    private final Size size;
    private final ForegroundType type;
    private final TypeLevel typeLevel;
    private final Format format;
    private final Roi roi;
    private final Boolean crop;
    private final CropMargin cropMargin;
    private final Scale scale;
    private final Position position;
    private final Channels channels;
    private final Boolean addShadow;
    private final ShadowType shadowType;
    private final Map<ForegroundType, ShadowType> shadowTypes;
    private final ShadowOpacity shadowOpacity;
    private final Map<ForegroundType, ShadowOpacity> shadowOpacities;
    private final Boolean semitransparency;
    private final BgColor bgColor;
    private final String bgImageUrl;
    private final ImageSource bgImageFile;
    private final SortedMap<String, String> extraParameters;
    private final SortedMap<String, String> formFields;
    private final List<String> warnings;

    private RemoveBgOptions(Builder b) {
        this.size = b.size;
        this.type = b.type;
        this.typeLevel = b.typeLevel;
        this.format = b.format;
        this.roi = b.roi;
        this.crop = b.crop;
        this.cropMargin = b.cropMargin;
        this.scale = b.scale;
        this.position = b.position;
        this.channels = b.channels;
        this.addShadow = b.addShadow;
        this.shadowType = b.shadowType;
        this.shadowTypes = Collections.unmodifiableMap(new EnumMap<>(b.shadowTypes));
        this.shadowOpacity = b.shadowOpacity;
        this.shadowOpacities = Collections.unmodifiableMap(new EnumMap<>(b.shadowOpacities));
        this.semitransparency = b.semitransparency;
        this.bgColor = b.bgColor;
        this.bgImageUrl = b.bgImageUrl;
        this.bgImageFile = b.bgImageFile;
        this.extraParameters = Collections.unmodifiableSortedMap(new TreeMap<>(b.extraParameters));
        this.formFields = Collections.unmodifiableSortedMap(encode());
        this.warnings = List.copyOf(collectWarnings());
    }

    /** Options that send nothing, so every one of the API's defaults applies. */
    public static RemoveBgOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Options from parameters named as in the API, the way hosts pass them (Camel URI options, Jenkins fields, Fiji
     * macro options, CLI flags): {@code size}, {@code crop_margin}, {@code shadow_type[car]}... Values are parsed as
     * their wire form, blank values mean "not set", {@code bg_image_file} is a local file path, and unknown names pass
     * through verbatim as extra parameters.
     *
     * @throws InvalidParameterException naming the first parameter that is not valid (image sources included: they
     *     belong to {@link RemoveBgRequest#fromParameters(Map)})
     */
    public static RemoveBgOptions fromParameters(Map<String, String> parameters) {
        Builder builder = builder();
        new TreeMap<>(parameters).forEach(builder::parameter);
        return builder.build();
    }

    /** Whether a name is a parameter this model types (including per-type keys and image sources). */
    static boolean isKnownName(String name) {
        return NAMES.contains(name) || ImageSourceSlot.NAMES.contains(name) || PER_TYPE.matcher(name).matches();
    }

    /** {@code size}, if set. */
    public Optional<Size> size() {
        return Optional.ofNullable(size);
    }

    /** {@code type}, if set. */
    public Optional<ForegroundType> type() {
        return Optional.ofNullable(type);
    }

    /** {@code type_level}, if set. */
    public Optional<TypeLevel> typeLevel() {
        return Optional.ofNullable(typeLevel);
    }

    /** {@code format}, if set. */
    public Optional<Format> format() {
        return Optional.ofNullable(format);
    }

    /** {@code roi}, if set. */
    public Optional<Roi> roi() {
        return Optional.ofNullable(roi);
    }

    /** {@code crop}, if set. */
    public Optional<Boolean> crop() {
        return Optional.ofNullable(crop);
    }

    /** {@code crop_margin}, if set. */
    public Optional<CropMargin> cropMargin() {
        return Optional.ofNullable(cropMargin);
    }

    /** {@code scale}, if set. */
    public Optional<Scale> scale() {
        return Optional.ofNullable(scale);
    }

    /** {@code position}, if set. */
    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** {@code channels}, if set. */
    public Optional<Channels> channels() {
        return Optional.ofNullable(channels);
    }

    /** The deprecated {@code add_shadow}, if set; {@code true} is sent as {@code shadow_type[car]=car}. */
    public Optional<Boolean> addShadow() {
        return Optional.ofNullable(addShadow);
    }

    /** The global {@code shadow_type}, if set. */
    public Optional<ShadowType> shadowType() {
        return Optional.ofNullable(shadowType);
    }

    /** The per-type {@code shadow_type[<type>]} entries as set (without the one {@code add_shadow} implies). */
    public Map<ForegroundType, ShadowType> shadowTypes() {
        return shadowTypes;
    }

    /** The global {@code shadow_opacity}, if set. */
    public Optional<ShadowOpacity> shadowOpacity() {
        return Optional.ofNullable(shadowOpacity);
    }

    /** The per-type {@code shadow_opacity[<type>]} entries. */
    public Map<ForegroundType, ShadowOpacity> shadowOpacities() {
        return shadowOpacities;
    }

    /** {@code semitransparency}, if set. */
    public Optional<Boolean> semitransparency() {
        return Optional.ofNullable(semitransparency);
    }

    /** {@code bg_color}, if set. */
    public Optional<BgColor> bgColor() {
        return Optional.ofNullable(bgColor);
    }

    /** {@code bg_image_url}, if set. */
    public Optional<String> bgImageUrl() {
        return Optional.ofNullable(bgImageUrl);
    }

    /** The binary {@code bg_image_file} part, if set. */
    public Optional<ImageSource> backgroundImageFile() {
        return Optional.ofNullable(bgImageFile);
    }

    /** The parameters passed through verbatim, by name. */
    public SortedMap<String, String> extraParameters() {
        return extraParameters;
    }

    /**
     * Every text field these options send, sorted by name, values exactly as on the wire: booleans as
     * {@code true}/{@code false}, per-type keys as {@code shadow_type[car]}, {@code add_shadow=true} as
     * {@code shadow_type[car]=car}, extra parameters verbatim. The binary {@code bg_image_file} is not in it.
     */
    public SortedMap<String, String> formFields() {
        return formFields;
    }

    /** Advice that is not an error, e.g. {@code crop_margin} without {@code crop=true}; empty when none. */
    public List<String> warnings() {
        return warnings;
    }

    private SortedMap<String, String> encode() {
        SortedMap<String, String> f = new TreeMap<>();
        put(f, "size", size == null ? null : size.wireValue());
        put(f, "type", type == null ? null : type.wireValue());
        put(f, "type_level", typeLevel == null ? null : typeLevel.wireValue());
        put(f, "format", format == null ? null : format.wireValue());
        put(f, "roi", roi == null ? null : roi.wireValue());
        put(f, "crop", crop == null ? null : crop.toString());
        put(f, "crop_margin", cropMargin == null ? null : cropMargin.wireValue());
        put(f, "scale", scale == null ? null : scale.wireValue());
        put(f, "position", position == null ? null : position.wireValue());
        put(f, "channels", channels == null ? null : channels.wireValue());
        put(f, "shadow_type", shadowType == null ? null : shadowType.wireValue());
        if (Boolean.TRUE.equals(addShadow)) {
            // The API's documented meaning of the deprecated flag; sent in its modern form.
            f.put("shadow_type[car]", ShadowType.CAR.wireValue());
        }
        shadowTypes.forEach((t, s) -> f.put("shadow_type[" + t.wireValue() + "]", s.wireValue()));
        put(f, "shadow_opacity", shadowOpacity == null ? null : shadowOpacity.wireValue());
        shadowOpacities.forEach((t, o) -> f.put("shadow_opacity[" + t.wireValue() + "]", o.wireValue()));
        put(f, "semitransparency", semitransparency == null ? null : semitransparency.toString());
        put(f, "bg_color", bgColor == null ? null : bgColor.wireValue());
        put(f, "bg_image_url", bgImageUrl);
        f.putAll(extraParameters);
        return f;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private List<String> collectWarnings() {
        List<String> w = new ArrayList<>();
        if (cropMargin != null && !Boolean.TRUE.equals(crop)) {
            w.add("crop_margin has no effect without crop=true.");
        }
        if (addShadow != null) {
            w.add("add_shadow is deprecated by the API and will be removed in version 2.0; "
                    + (addShadow ? "it is sent as shadow_type[car]=car." : "add_shadow=false is not sent.")
                    + " Use shadow_type instead.");
        }
        if (size == Size.REGULAR) {
            w.add("size=regular is a deprecated alias of preview; the API asks for size=small or size=preview.");
        }
        if (shadowOpacity != null && shadowType == null && shadowTypes.isEmpty() && !Boolean.TRUE.equals(addShadow)) {
            w.add("shadow_opacity is set but no shadow_type; the opacity only affects shadows that are generated.");
        }
        return w;
    }

    /** Describes a binary part for logs without its bytes. */
    static String describe(ImageSource source) {
        if (source instanceof ImageSource.File file) {
            return "file " + file.path();
        }
        if (source instanceof ImageSource.Bytes bytes) {
            return bytes.bytes().length + " bytes named " + bytes.filename();
        }
        if (source instanceof ImageSource.Stream stream) {
            return "stream named " + stream.filename();
        }
        return source.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoveBgOptions other && formFields.equals(other.formFields)
                && Objects.equals(bgImageFile, other.bgImageFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formFields, bgImageFile);
    }

    /**
     * The form fields (URLs without their query, which may carry a signature; extra parameters whose names suggest a
     * credential redacted) and the background part, if any.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RemoveBgOptions{");
        appendFields(s, formFields);
        if (bgImageFile != null) {
            s.append(formFields.isEmpty() ? "" : ", ").append("bg_image_file=").append(describe(bgImageFile));
        }
        return s.append('}').toString();
    }

    static void appendFields(StringBuilder s, Map<String, String> fields) {
        String separator = "";
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (name.equals("image_file_b64")) {
                value = "<" + value.length() + " base64 characters>";
            } else if (SECRET_LIKE.matcher(name).find()) {
                // An extra parameter the API may add later could carry a credential; logs never show it.
                value = "<redacted>";
            } else if (name.endsWith("_url")) {
                value = WireText.redactUrl(value);
            }
            s.append(separator).append(name).append('=').append(value);
            separator = ", ";
        }
    }

    /**
     * Builds {@link RemoveBgOptions}. Typed setters take {@code null} to unset; the String setters parse the API's
     * wire form (the same parser as {@link #fromParameters(Map)}) and take a blank value to unset. Rules that involve
     * several parameters are checked by {@link #build()}.
     */
    public static final class Builder {
        private Size size;
        private ForegroundType type;
        private TypeLevel typeLevel;
        private Format format;
        private Roi roi;
        private Boolean crop;
        private CropMargin cropMargin;
        private Scale scale;
        private Position position;
        private Channels channels;
        private Boolean addShadow;
        private ShadowType shadowType;
        private final Map<ForegroundType, ShadowType> shadowTypes = new EnumMap<>(ForegroundType.class);
        private ShadowOpacity shadowOpacity;
        private final Map<ForegroundType, ShadowOpacity> shadowOpacities = new EnumMap<>(ForegroundType.class);
        private Boolean semitransparency;
        private BgColor bgColor;
        private String bgImageUrl;
        private ImageSource bgImageFile;
        private final SortedMap<String, String> extraParameters = new TreeMap<>();

        private Builder() {
        }

        private Builder(RemoveBgOptions o) {
            size = o.size;
            type = o.type;
            typeLevel = o.typeLevel;
            format = o.format;
            roi = o.roi;
            crop = o.crop;
            cropMargin = o.cropMargin;
            scale = o.scale;
            position = o.position;
            channels = o.channels;
            addShadow = o.addShadow;
            shadowType = o.shadowType;
            shadowTypes.putAll(o.shadowTypes);
            shadowOpacity = o.shadowOpacity;
            shadowOpacities.putAll(o.shadowOpacities);
            semitransparency = o.semitransparency;
            bgColor = o.bgColor;
            bgImageUrl = o.bgImageUrl;
            bgImageFile = o.bgImageFile;
            extraParameters.putAll(o.extraParameters);
        }

        /**
         * Sets any parameter by its API name from its wire form: the one entry point behind
         * {@link RemoveBgOptions#fromParameters(Map)}. Known names are parsed and checked ({@code shadow_type[car]}
         * included); {@code bg_image_file} is a local path; unknown names become extra parameters; a blank value
         * unsets.
         *
         * @throws InvalidParameterException naming the parameter when the value is not allowed, or when the name is
         *     an image source with a value (sources belong to a request)
         */
        public Builder parameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            Matcher perType = PER_TYPE.matcher(name);
            if (perType.matches()) {
                ForegroundType key = ForegroundType.fromMapKey(name, perType.group(2));
                if (perType.group(1).equals("shadow_type")) {
                    return WireText.isBlank(value) ? shadowType(key, (ShadowType) null)
                            : shadowType(key, ShadowType.fromWire(name, value));
                }
                return WireText.isBlank(value) ? shadowOpacity(key, (ShadowOpacity) null)
                        : shadowOpacity(key, ShadowOpacity.parse(name, value));
            }
            switch (name) {
                case "size": return size(value);
                case "type": return type(value);
                case "type_level": return typeLevel(value);
                case "format": return format(value);
                case "roi": return roi(value);
                case "crop": return crop(value);
                case "crop_margin": return cropMargin(value);
                case "scale": return scale(value);
                case "position": return position(value);
                case "channels": return channels(value);
                case "add_shadow": return addShadow(value);
                case "shadow_type": return shadowType(value);
                case "shadow_opacity": return shadowOpacity(value);
                case "semitransparency": return semitransparency(value);
                case "bg_color": return bgColor(value);
                case "bg_image_url": return bgImageUrl(value);
                case "bg_image_file": return bgImageFile(value);
                case "image_file":
                case "image_file_b64":
                case "image_url":
                    if (WireText.isBlank(value)) {
                        return this;
                    }
                    throw new InvalidParameterException(name, WireText.abbreviated(WireText.redactUrl(value)),
                            "no image source in options; give the image to the request (RemoveBgRequest)");
                default:
                    return extraParameter(name, value);
            }
        }

        /** {@code size}: the maximum output resolution; {@code null} leaves the API's default ({@code preview}). */
        public Builder size(Size size) {
            this.size = size;
            return this;
        }

        /** {@code size} from its wire form, e.g. {@code full}, {@code 50MP} or the legacy {@code hd}. */
        public Builder size(String size) {
            return size(WireText.isBlank(size) ? null : Size.fromWire("size", size));
        }

        /** {@code type}: the foreground type, or {@link ForegroundType#AUTO} to detect it. */
        public Builder type(ForegroundType type) {
            if (type == ForegroundType.OTHER) {
                throw new InvalidParameterException("type", "other", "one of auto, car, product, person, animal,"
                        + " graphic, transportation");
            }
            this.type = type;
            return this;
        }

        /** {@code type} from its wire form, e.g. {@code car}. */
        public Builder type(String type) {
            return type(WireText.isBlank(type) ? null : ForegroundType.fromWire("type", type));
        }

        /** {@code type_level}: how specific the reported {@code X-Type} is. */
        public Builder typeLevel(TypeLevel typeLevel) {
            this.typeLevel = typeLevel;
            return this;
        }

        /** {@code type_level} from its wire form: {@code none}, {@code 1}, {@code 2} or {@code latest}. */
        public Builder typeLevel(String typeLevel) {
            return typeLevel(WireText.isBlank(typeLevel) ? null : TypeLevel.fromWire("type_level", typeLevel));
        }

        /** {@code format}: the result format. */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /** {@code format} from its wire form: {@code auto}, {@code png}, {@code webp}, {@code jpg} or {@code zip}. */
        public Builder format(String format) {
            return format(WireText.isBlank(format) ? null : Format.fromWire("format", format));
        }

        /** {@code roi}: the region of interest. */
        public Builder roi(Roi roi) {
            this.roi = roi;
            return this;
        }

        /** {@code roi} from its wire form, e.g. {@code 0% 0% 100% 100%}. */
        public Builder roi(String roi) {
            return roi(WireText.isBlank(roi) ? null : Roi.parse(roi));
        }

        /** {@code crop}: whether to crop off empty regions (the API's default: false). */
        public Builder crop(Boolean crop) {
            this.crop = crop;
            return this;
        }

        /** {@code crop} from {@code true} or {@code false}. */
        public Builder crop(String crop) {
            return crop(WireText.isBlank(crop) ? null : WireText.parseBoolean("crop", crop));
        }

        /** {@code crop_margin}: the margin around the cropped subject; needs {@code crop=true}. */
        public Builder cropMargin(CropMargin cropMargin) {
            this.cropMargin = cropMargin;
            return this;
        }

        /** {@code crop_margin} from its wire form, e.g. {@code 10%} or {@code 30px 10px}. */
        public Builder cropMargin(String cropMargin) {
            return cropMargin(WireText.isBlank(cropMargin) ? null : CropMargin.parse(cropMargin));
        }

        /** {@code scale}: the subject's size relative to the image. */
        public Builder scale(Scale scale) {
            this.scale = scale;
            return this;
        }

        /** {@code scale} from its wire form: {@code 10%} to {@code 100%} or {@code original}. */
        public Builder scale(String scale) {
            return scale(WireText.isBlank(scale) ? null : Scale.parse(scale));
        }

        /** {@code position}: where the subject sits in the canvas. */
        public Builder position(Position position) {
            this.position = position;
            return this;
        }

        /** {@code position} from its wire form: {@code original}, {@code center}, or one or two percentages. */
        public Builder position(String position) {
            return position(WireText.isBlank(position) ? null : Position.parse(position));
        }

        /** {@code channels}: the finished image or its alpha mask. */
        public Builder channels(Channels channels) {
            this.channels = channels;
            return this;
        }

        /** {@code channels} from its wire form: {@code rgba} or {@code alpha}. */
        public Builder channels(String channels) {
            return channels(WireText.isBlank(channels) ? null : Channels.fromWire("channels", channels));
        }

        /**
         * The deprecated {@code add_shadow}: {@code true} is sent as {@code shadow_type[car]=car} (its documented
         * meaning) and both values add a warning. Prefer {@link #shadowType(ForegroundType, ShadowType)}.
         */
        public Builder addShadow(Boolean addShadow) {
            this.addShadow = addShadow;
            return this;
        }

        /** {@code add_shadow} from {@code true} or {@code false}. */
        public Builder addShadow(String addShadow) {
            return addShadow(WireText.isBlank(addShadow) ? null : WireText.parseBoolean("add_shadow", addShadow));
        }

        /** The global {@code shadow_type}, for every foreground type; excludes the per-type entries. */
        public Builder shadowType(ShadowType shadowType) {
            this.shadowType = shadowType;
            return this;
        }

        /** The global {@code shadow_type} from its wire form: {@code auto}, {@code car}, {@code 3D}, ... */
        public Builder shadowType(String shadowType) {
            return shadowType(WireText.isBlank(shadowType) ? null : ShadowType.fromWire("shadow_type", shadowType));
        }

        /**
         * {@code shadow_type[<type>]}: the shadow for one foreground type ({@code null} removes the entry). Types
         * not mentioned get no shadow. Excludes the global {@code shadow_type}.
         *
         * @throws InvalidParameterException for {@link ForegroundType#AUTO} or {@link ShadowType#AUTO}
         */
        public Builder shadowType(ForegroundType type, ShadowType shadowType) {
            Objects.requireNonNull(type, "type");
            ForegroundType.requireMapKey("shadow_type", type);
            if (shadowType == null) {
                shadowTypes.remove(type);
            } else {
                ShadowType.requirePerTypeValue("shadow_type[" + type.wireValue() + "]", shadowType);
                shadowTypes.put(type, shadowType);
            }
            return this;
        }

        /** The global {@code shadow_opacity}: 0–100 or auto; excludes the per-type entries. */
        public Builder shadowOpacity(ShadowOpacity shadowOpacity) {
            this.shadowOpacity = shadowOpacity;
            return this;
        }

        /** The global {@code shadow_opacity} from 0 to 100. */
        public Builder shadowOpacity(int shadowOpacity) {
            return shadowOpacity(ShadowOpacity.of(shadowOpacity));
        }

        /** The global {@code shadow_opacity} from its wire form: {@code 0} to {@code 100} or {@code auto}. */
        public Builder shadowOpacity(String shadowOpacity) {
            return shadowOpacity(WireText.isBlank(shadowOpacity) ? null
                    : ShadowOpacity.parse("shadow_opacity", shadowOpacity));
        }

        /**
         * {@code shadow_opacity[<type>]}: the opacity for one foreground type, 0–100 ({@code null} removes the
         * entry). Excludes the global {@code shadow_opacity}.
         *
         * @throws InvalidParameterException for {@link ForegroundType#AUTO} or {@link ShadowOpacity#AUTO}
         */
        public Builder shadowOpacity(ForegroundType type, ShadowOpacity shadowOpacity) {
            Objects.requireNonNull(type, "type");
            ForegroundType.requireMapKey("shadow_opacity", type);
            if (shadowOpacity == null) {
                shadowOpacities.remove(type);
            } else {
                ShadowOpacity.requirePerTypeValue("shadow_opacity[" + type.wireValue() + "]", shadowOpacity);
                shadowOpacities.put(type, shadowOpacity);
            }
            return this;
        }

        /** {@code shadow_opacity[<type>]} from 0 to 100. */
        public Builder shadowOpacity(ForegroundType type, int shadowOpacity) {
            Objects.requireNonNull(type, "type");
            return shadowOpacity(type, ShadowOpacity.parse("shadow_opacity[" + type.wireValue() + "]",
                    Integer.toString(shadowOpacity)));
        }

        /** {@code semitransparency}: whether to keep semi-transparent regions (car windows; the default is true). */
        public Builder semitransparency(Boolean semitransparency) {
            this.semitransparency = semitransparency;
            return this;
        }

        /** {@code semitransparency} from {@code true} or {@code false}. */
        public Builder semitransparency(String semitransparency) {
            return semitransparency(WireText.isBlank(semitransparency) ? null
                    : WireText.parseBoolean("semitransparency", semitransparency));
        }

        /** {@code bg_color}: a solid background colour; excludes the other {@code bg_} parameters. */
        public Builder bgColor(BgColor bgColor) {
            this.bgColor = bgColor;
            return this;
        }

        /** {@code bg_color} from a hex code ({@code 81d4fa}, {@code #fff}) or a CSS colour name. */
        public Builder bgColor(String bgColor) {
            return bgColor(WireText.isBlank(bgColor) ? null : BgColor.parse(bgColor));
        }

        /**
         * {@code bg_image_url}: an absolute http(s) URL of a background image; excludes the other {@code bg_}
         * parameters.
         */
        public Builder bgImageUrl(String bgImageUrl) {
            this.bgImageUrl = WireText.isBlank(bgImageUrl) ? null : WireText.httpUrl("bg_image_url", bgImageUrl);
            return this;
        }

        /**
         * {@code bg_image_file}: a background image uploaded as a binary part (a file, bytes or a stream); excludes
         * the other {@code bg_} parameters.
         *
         * @throws InvalidParameterException for a URL or base64 source (use {@link #bgImageUrl(String)})
         */
        public Builder bgImageFile(ImageSource bgImageFile) {
            if (bgImageFile != null && !bgImageFile.isBinary()) {
                throw new InvalidParameterException("bg_image_file", bgImageFile.toString(),
                        "a file, bytes or a stream (a background URL is bg_image_url)");
            }
            this.bgImageFile = bgImageFile;
            return this;
        }

        /** {@code bg_image_file} from a file on disk. */
        public Builder bgImageFile(Path bgImageFile) {
            return bgImageFile(bgImageFile == null ? null : ImageSource.file(bgImageFile));
        }

        /** {@code bg_image_file} from a local path, as hosts pass it. */
        public Builder bgImageFile(String path) {
            return bgImageFile(WireText.isBlank(path) ? null : ImageSourceCheck.localPath("bg_image_file", path));
        }

        /**
         * A parameter this library does not know yet, sent verbatim as a text field (a blank value removes it). For
         * the parameters it knows, use their setters or {@link #parameter(String, String)}.
         *
         * @throws InvalidParameterException when the name is blank or is a parameter this model types
         */
        public Builder extraParameter(String name, String value) {
            WireText.putExtra(extraParameters, name, value, name != null && isKnownName(name));
            return this;
        }

        /**
         * Checks the rules that involve several parameters and builds the options.
         *
         * @throws InvalidParameterException for more than one {@code bg_} parameter, or a global and per-type
         *     {@code shadow_type} (or {@code shadow_opacity}, or {@code add_shadow} with another car shadow) together
         */
        public RemoveBgOptions build() {
            List<String> backgrounds = new ArrayList<>();
            if (bgColor != null) {
                backgrounds.add("bg_color");
            }
            if (bgImageFile != null) {
                backgrounds.add("bg_image_file");
            }
            if (bgImageUrl != null) {
                backgrounds.add("bg_image_url");
            }
            if (backgrounds.size() > 1) {
                String second = backgrounds.get(1);
                String value = second.equals("bg_image_url") ? WireText.redactUrl(bgImageUrl)
                        : describe(bgImageFile);
                throw new InvalidParameterException(second, value, "only one of " + BG_NAMES + " (also given: "
                        + backgrounds.get(0) + ")");
            }
            if (shadowType != null && !shadowTypes.isEmpty()) {
                ForegroundType first = shadowTypes.keySet().iterator().next();
                throw new InvalidParameterException("shadow_type[" + first.wireValue() + "]",
                        shadowTypes.get(first).wireValue(), "either shadow_type for every type or shadow_type[<type>]"
                        + " per type, not both (shadow_type=" + shadowType.wireValue() + " is also given)");
            }
            if (Boolean.TRUE.equals(addShadow)) {
                ShadowType car = shadowTypes.get(ForegroundType.CAR);
                if (shadowType != null || (car != null && car != ShadowType.CAR)) {
                    throw new InvalidParameterException("add_shadow", "true", "add_shadow=true only without another"
                            + " shadow for cars (it means shadow_type[car]=car); use shadow_type alone");
                }
            }
            if (shadowOpacity != null && !shadowOpacities.isEmpty()) {
                ForegroundType first = shadowOpacities.keySet().iterator().next();
                throw new InvalidParameterException("shadow_opacity[" + first.wireValue() + "]",
                        shadowOpacities.get(first).wireValue(), "either shadow_opacity for every type or"
                        + " shadow_opacity[<type>] per type, not both (shadow_opacity=" + shadowOpacity.wireValue()
                        + " is also given)");
            }
            if (bgImageFile != null) {
                ImageSourceCheck.checkReadable("bg_image_file", bgImageFile);
            }
            return new RemoveBgOptions(this);
        }
    }
}
