package io.github.removebgsuite.camel;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code removebg:} component.
 *
 * <p><b>Input headers</b> override the endpoint option of the same name for one message; an empty value clears the
 * option for that message (the API's own default then applies). Values are given in the API's wire form
 * ({@code 50MP}, {@code 3D}, {@code 10%}) and validated exactly like the endpoint options, so a bad header fails the
 * exchange with the core's {@code InvalidParameterException} naming the parameter, before any credit is spent.
 *
 * <p><b>Output headers</b> are set on the reply from the response of remove.bg.
 */
public final class RemoveBgConstants {

    // ---------------------------------------------------------------- input: operation and image source

    /** Overrides the operation of the endpoint path for this message. */
    @Metadata(label = "producer", description = "The operation to perform for this message, overriding the endpoint "
            + "path: removeBackground, account or improve.", javaType = "String",
            enums = "removeBackground,account,improve")
    public static final String OPERATION = "CamelRemoveBgOperation";

    /** The API's {@code image_url}: an image URL remove.bg downloads itself; the message body is then not sent. */
    @Metadata(label = "producer", description = "Source image URL (API parameter image_url) that remove.bg downloads "
            + "itself, overriding the imageUrl option. When set, the message body is not uploaded.",
            javaType = "String")
    public static final String IMAGE_URL = "CamelRemoveBgImageUrl";

    /** The API's {@code image_file_b64}: the source image as a base64 string; the message body is then not sent. */
    @Metadata(label = "producer", description = "Source image as a base64-encoded string (API parameter "
            + "image_file_b64), overriding the imageFileB64 option. When set, the message body is not uploaded.",
            javaType = "String", largeInput = true)
    public static final String IMAGE_FILE_B64 = "CamelRemoveBgImageFileB64";

    // ---------------------------------------------------------------- input: processing parameters

    /** The API's {@code size}. */
    @Metadata(label = "producer", description = "Maximum output resolution (API parameter size), overriding the size "
            + "option.", javaType = "String", enums = "preview,full,50MP,auto,small,regular,medium,hd,4k")
    public static final String SIZE = "CamelRemoveBgSize";

    /** The API's {@code type}. */
    @Metadata(label = "producer", description = "Foreground type to detect or set (API parameter type), overriding the "
            + "type option.", javaType = "String",
            enums = "auto,car,product,person,animal,graphic,transportation")
    public static final String TYPE = "CamelRemoveBgType";

    /** The API's {@code type_level}. */
    @Metadata(label = "producer", description = "Classification level of the detected foreground type (API parameter "
            + "type_level), overriding the typeLevel option.", javaType = "String", enums = "none,1,2,latest")
    public static final String TYPE_LEVEL = "CamelRemoveBgTypeLevel";

    /** The API's {@code format}. */
    @Metadata(label = "producer", description = "Result image format (API parameter format), overriding the format "
            + "option.", javaType = "String", enums = "auto,png,webp,jpg,zip")
    public static final String FORMAT = "CamelRemoveBgFormat";

    /** The API's {@code roi}. */
    @Metadata(label = "producer", description = "Region of interest as x1 y1 x2 y2, each in px or % (API parameter "
            + "roi), overriding the roi option.", javaType = "String")
    public static final String ROI = "CamelRemoveBgRoi";

    /** The API's {@code crop}. */
    @Metadata(label = "producer", description = "Whether to crop off all empty regions (API parameter crop), "
            + "overriding the crop option.", javaType = "Boolean")
    public static final String CROP = "CamelRemoveBgCrop";

    /** The API's {@code crop_margin}. */
    @Metadata(label = "producer", description = "Margin around the cropped subject: 1, 2 or 4 values in px or % (API "
            + "parameter crop_margin), overriding the cropMargin option.", javaType = "String")
    public static final String CROP_MARGIN = "CamelRemoveBgCropMargin";

    /** The API's {@code scale}. */
    @Metadata(label = "producer", description = "Subject scale relative to the image, 10% to 100% or original (API "
            + "parameter scale), overriding the scale option.", javaType = "String")
    public static final String SCALE = "CamelRemoveBgScale";

    /** The API's {@code position}. */
    @Metadata(label = "producer", description = "Subject position: original, center, or one or two values from 0% to "
            + "100% (API parameter position), overriding the position option.", javaType = "String")
    public static final String POSITION = "CamelRemoveBgPosition";

    /** The API's {@code channels}. */
    @Metadata(label = "producer", description = "Finalized image (rgba) or alpha mask only (alpha) (API parameter "
            + "channels), overriding the channels option.", javaType = "String", enums = "rgba,alpha")
    public static final String CHANNELS = "CamelRemoveBgChannels";

    /** The API's deprecated {@code add_shadow}. */
    @Metadata(label = "producer", description = "Deprecated by remove.bg in favour of shadowType: adds a car shadow "
            + "(API parameter add_shadow), overriding the addShadow option.", javaType = "Boolean",
            deprecationNote = "Use CamelRemoveBgShadowType")
    public static final String ADD_SHADOW = "CamelRemoveBgAddShadow";

    /** The API's {@code shadow_type}. */
    @Metadata(label = "producer", description = "Shadow type for every foreground type (API parameter shadow_type), "
            + "overriding the shadowType option.", javaType = "String", enums = "auto,car,3D,drop,none")
    public static final String SHADOW_TYPE = "CamelRemoveBgShadowType";

    /** The per-type {@code shadow_type[<type>]} map. */
    @Metadata(label = "producer", description = "Shadow type per foreground type (API parameters shadow_type[car], "
            + "shadow_type[product]...): a map from foreground type (car, product, person, animal, graphic, "
            + "transportation, other) to car, 3D, drop or none; its entries override those of the "
            + "shadowType.<type> options.", javaType = "java.util.Map<String, String>")
    public static final String SHADOW_TYPE_PER_TYPE = "CamelRemoveBgShadowTypePerType";

    /** The API's {@code shadow_opacity}. */
    @Metadata(label = "producer", description = "Shadow opacity from 0 to 100, or auto (API parameter "
            + "shadow_opacity), overriding the shadowOpacity option.", javaType = "String")
    public static final String SHADOW_OPACITY = "CamelRemoveBgShadowOpacity";

    /** The per-type {@code shadow_opacity[<type>]} map. */
    @Metadata(label = "producer", description = "Shadow opacity per foreground type (API parameters "
            + "shadow_opacity[car]...): a map from foreground type to a value from 0 to 100; its entries override "
            + "those of the shadowOpacity.<type> options.", javaType = "java.util.Map<String, String>")
    public static final String SHADOW_OPACITY_PER_TYPE = "CamelRemoveBgShadowOpacityPerType";

    /** The API's {@code semitransparency}. */
    @Metadata(label = "producer", description = "Whether semi-transparent regions are kept (API parameter "
            + "semitransparency), overriding the semitransparency option.", javaType = "Boolean")
    public static final String SEMITRANSPARENCY = "CamelRemoveBgSemitransparency";

    /** The API's {@code bg_color}. */
    @Metadata(label = "producer", description = "Solid background colour: 3, 4, 6 or 8 hex digits or a colour name "
            + "(API parameter bg_color), overriding the bgColor option.", javaType = "String")
    public static final String BG_COLOR = "CamelRemoveBgBgColor";

    /** The API's {@code bg_image_url}. */
    @Metadata(label = "producer", description = "Background image URL (API parameter bg_image_url), overriding the "
            + "bgImageUrl option.", javaType = "String")
    public static final String BG_IMAGE_URL = "CamelRemoveBgBgImageUrl";

    /** The API's {@code bg_image_file}, as a local file path. */
    @Metadata(label = "producer", description = "Path of a local background image file, uploaded as the API "
            + "parameter bg_image_file, overriding the bgImageFile option.", javaType = "String")
    public static final String BG_IMAGE_FILE = "CamelRemoveBgBgImageFile";

    /** Parameters newer than this component, by their API names. */
    @Metadata(label = "producer", description = "Further API parameters by their API names, sent verbatim (for "
            + "parameters newer than this component); its entries override those of the "
            + "additionalParameter.<name> options.", javaType = "java.util.Map<String, String>")
    public static final String ADDITIONAL_PARAMETERS = "CamelRemoveBgAdditionalParameters";

    /** Whether a ZIP result is composed into a PNG. */
    @Metadata(label = "producer", description = "Whether a format=zip result is composed into a transparent PNG "
            + "in-process, overriding the composeZipToPng option.", javaType = "Boolean")
    public static final String COMPOSE_ZIP_TO_PNG = "CamelRemoveBgComposeZipToPng";

    /** The API's {@code image_filename} for {@code improve}. */
    @Metadata(label = "producer", description = "File name of the image submitted to the improvement program (API "
            + "parameter image_filename), overriding the imageFilename option.", javaType = "String")
    public static final String IMAGE_FILENAME = "CamelRemoveBgImageFilename";

    /** The API's {@code tag} for {@code improve}. */
    @Metadata(label = "producer", description = "Tag grouping images submitted to the improvement program (API "
            + "parameter tag), overriding the tag option.", javaType = "String")
    public static final String TAG = "CamelRemoveBgTag";

    // ---------------------------------------------------------------- output: removeBackground

    /** The detected foreground type ({@code X-Type}). */
    @Metadata(label = "producer", description = "Detected foreground type (response header X-Type); absent with "
            + "typeLevel=none.", javaType = "String")
    public static final String DETECTED_TYPE = "CamelRemoveBgDetectedType";

    /** The result's width ({@code X-Width}). */
    @Metadata(label = "producer", description = "Width of the result image in pixels (response header X-Width).",
            javaType = "Integer")
    public static final String WIDTH = "CamelRemoveBgWidth";

    /** The result's height ({@code X-Height}). */
    @Metadata(label = "producer", description = "Height of the result image in pixels (response header X-Height).",
            javaType = "Integer")
    public static final String HEIGHT = "CamelRemoveBgHeight";

    /** The credits charged ({@code X-Credits-Charged}). */
    @Metadata(label = "producer", description = "Credits charged for the call (response header X-Credits-Charged).",
            javaType = "java.math.BigDecimal")
    public static final String CREDITS_CHARGED = "CamelRemoveBgCreditsCharged";

    /** The foreground box's top ({@code X-Foreground-Top}). */
    @Metadata(label = "producer", description = "Top of the foreground box in pixels (response header "
            + "X-Foreground-Top).", javaType = "Integer")
    public static final String FOREGROUND_TOP = "CamelRemoveBgForegroundTop";

    /** The foreground box's left ({@code X-Foreground-Left}). */
    @Metadata(label = "producer", description = "Left of the foreground box in pixels (response header "
            + "X-Foreground-Left).", javaType = "Integer")
    public static final String FOREGROUND_LEFT = "CamelRemoveBgForegroundLeft";

    /** The foreground box's width ({@code X-Foreground-Width}). */
    @Metadata(label = "producer", description = "Width of the foreground box in pixels (response header "
            + "X-Foreground-Width).", javaType = "Integer")
    public static final String FOREGROUND_WIDTH = "CamelRemoveBgForegroundWidth";

    /** The foreground box's height ({@code X-Foreground-Height}). */
    @Metadata(label = "producer", description = "Height of the foreground box in pixels (response header "
            + "X-Foreground-Height).", javaType = "Integer")
    public static final String FOREGROUND_HEIGHT = "CamelRemoveBgForegroundHeight";

    /** The result's format. */
    @Metadata(label = "producer", description = "Format of the message body: png, jpg, webp or zip (png after "
            + "composing a zip).", javaType = "String", enums = "png,jpg,webp,zip")
    public static final String RESULT_FORMAT = "CamelRemoveBgResultFormat";

    /** The client's running balance estimate. */
    @Metadata(label = "producer", description = "The credit balance as the shared client tracks it: the last balance "
            + "read from /account (the account operation or the health check) minus every X-Credits-Charged since; "
            + "absent until the account was read once.", javaType = "java.math.BigDecimal")
    public static final String CREDIT_BALANCE = "CamelRemoveBgCreditBalance";

    /** Whether the result came from the result cache. */
    @Metadata(label = "producer", description = "Whether the result was answered from the result cache (cacheDir) "
            + "instead of a call: then nothing was charged and CamelRemoveBgCreditsCharged is 0. Always set on a "
            + "removeBackground reply, false without a cache.", javaType = "Boolean")
    public static final String FROM_CACHE = "CamelRemoveBgFromCache";

    /** Warnings about the parameters sent. */
    @Metadata(label = "producer", description = "Warnings about the parameters of this call (for example crop_margin "
            + "without crop, or the deprecated add_shadow); absent when there are none.",
            javaType = "java.util.List<String>")
    public static final String WARNINGS = "CamelRemoveBgWarnings";

    // ---------------------------------------------------------------- output: every operation

    /** {@code X-RateLimit-Limit}. */
    @Metadata(label = "producer", description = "Rate limit in megapixel images per minute (response header "
            + "X-RateLimit-Limit).", javaType = "Integer")
    public static final String RATE_LIMIT_LIMIT = "CamelRemoveBgRateLimitLimit";

    /** {@code X-RateLimit-Remaining}. */
    @Metadata(label = "producer", description = "Rate limit remaining in this minute (response header "
            + "X-RateLimit-Remaining).", javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelRemoveBgRateLimitRemaining";

    /** {@code X-RateLimit-Reset}. */
    @Metadata(label = "producer", description = "When the rate limit resets (response header X-RateLimit-Reset).",
            javaType = "java.time.Instant")
    public static final String RATE_LIMIT_RESET = "CamelRemoveBgRateLimitReset";

    // ---------------------------------------------------------------- output: account and improve

    /** The total credit balance from {@code /account}. */
    @Metadata(label = "producer", description = "Total credit balance (account operation; the body is the whole "
            + "Account).", javaType = "java.math.BigDecimal")
    public static final String CREDITS_TOTAL = "CamelRemoveBgCreditsTotal";

    /** The free API calls left from {@code /account}. */
    @Metadata(label = "producer", description = "Free API calls left this month (account operation).",
            javaType = "Integer")
    public static final String FREE_CALLS = "CamelRemoveBgFreeCalls";

    /** The id of an improvement-program submission. */
    @Metadata(label = "producer", description = "Id of the submission (improve operation; also the body).",
            javaType = "String")
    public static final String IMPROVE_ID = "CamelRemoveBgImproveId";

    private RemoveBgConstants() {
    }
}
