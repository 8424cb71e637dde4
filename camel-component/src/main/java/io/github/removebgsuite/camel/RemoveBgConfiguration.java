package io.github.removebgsuite.camel;

import io.github.removebgsuite.common.client.RemoveBgClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code removebg:} endpoint. Set on the component, they are the defaults of every endpoint, which
 * gets its own {@link #copy()}; set in the endpoint URI, they override the component's; a message header
 * ({@link RemoveBgConstants}) overrides both for one message.
 *
 * <p>The API parameters keep the API's names in camelCase ({@code crop_margin} is {@code cropMargin}) and its wire
 * values ({@code size=50MP}, {@code shadowType=3D}); they are parsed and validated by the shared core's
 * {@code RemoveBgOptions}, so a bad value fails when the endpoint is created, naming the parameter and what is
 * allowed. An option that is not set is not sent: the API's own default applies. The API's booleans
 * ({@code crop}, {@code semitransparency}, {@code add_shadow}) take {@code true} or {@code false}, checked by the core
 * like every other value, so a typo such as {@code crop=yes} is refused instead of being read as false.
 */
@UriParams
public class RemoveBgConfiguration implements Cloneable {

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.remove.bg/v1.0";

    // ---------------------------------------------------------------- security and connection

    @UriParam(label = "security", secret = true, description = "The remove.bg API key, sent as the X-Api-Key header. "
            + "Prefer the component option or RAW({{removebg.api-key}}) over a literal in the URI.")
    @Metadata(secret = true)
    private String apiKey;

    @UriParam(label = "security", secret = true, description = "An OAuth 2.0 access token, sent as "
            + "Authorization: Bearer, instead of an API key.")
    @Metadata(secret = true)
    private String oauthToken;

    @UriParam(label = "advanced", defaultValue = DEFAULT_BASE_URL, description = "The base URL of the API, for a "
            + "remove.bg-compatible server such as the removebg-suite emulator or a mock in tests.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "advanced", description = "A shared, configured client of the core. When one RemoveBgClient bean "
            + "is in the registry it is used automatically (autowired); its own key, base URL, retry policy and rate "
            + "limiter then apply, and apiKey, oauthToken and baseUrl are ignored.")
    @Metadata(autowired = true)
    private RemoveBgClient client;

    // ---------------------------------------------------------------- image source

    @UriParam(label = "producer,source", description = "Source image URL (API parameter image_url) that remove.bg "
            + "downloads itself; when set, the message body is not uploaded.")
    private String imageUrl;

    @UriParam(label = "producer,source", description = "Source image as a base64-encoded string (API parameter "
            + "image_file_b64); when set, the message body is not uploaded.")
    @Metadata(largeInput = true)
    private String imageFileB64;

    // ---------------------------------------------------------------- output

    @UriParam(label = "producer", enums = "preview,full,50MP,auto,small,regular,medium,hd,4k",
            description = "Maximum output resolution (API parameter size): preview (the API's default, 0.25 "
                    + "megapixels, 0.25 credits), full (up to 25 megapixels), 50MP (up to 50 megapixels), auto "
                    + "(highest available); small and regular are legacy names of preview, 4k of full; medium "
                    + "(1.5 MP) and hd (4 MP) are legacy sizes.")
    private String size;

    @UriParam(label = "producer", enums = "auto,png,webp,jpg,zip", description = "Result image format (API parameter "
            + "format): auto (the API's default: PNG if transparent regions exist, otherwise JPG), png (up to 10 "
            + "megapixels), webp, jpg (no transparency) or zip (colour JPG plus alpha matte, the fastest; see "
            + "composeZipToPng).")
    private String format;

    @UriParam(label = "producer", defaultValue = "false", description = "Whether a format=zip result is composed "
            + "in-process into a transparent PNG, so the route receives a PNG while remove.bg sends the smaller, "
            + "faster ZIP.")
    private boolean composeZipToPng;

    @UriParam(label = "producer", enums = "rgba,alpha", description = "Finalized image with edge colour corrections "
            + "(rgba, the API's default) or only the alpha mask (alpha) (API parameter channels).")
    private String channels;

    // ---------------------------------------------------------------- foreground

    @UriParam(label = "producer,foreground", enums = "auto,car,product,person,animal,graphic,transportation",
            description = "Foreground type to detect (auto, recommended) or to set (API parameter type).")
    private String type;

    @UriParam(label = "producer,foreground", enums = "none,1,2,latest", description = "Classification level of the "
            + "detected foreground type reported in CamelRemoveBgDetectedType (API parameter type_level): none (no "
            + "classification), 1 (coarse), 2 (specific) or latest.")
    private String typeLevel;

    @UriParam(label = "producer,foreground", description = "Region of interest, x1 y1 x2 y2 in px or % (API "
            + "parameter roi), e.g. 0% 0% 100% 100% (the API's default): only this rectangle can be foreground.")
    private String roi;

    @UriParam(label = "producer,foreground", enums = "true,false", description = "Whether to crop off all "
            + "empty regions (API parameter crop; the API's default is false).")
    private String crop;

    @UriParam(label = "producer,foreground", description = "Margin around the cropped subject (API parameter "
            + "crop_margin): 1, 2 or 4 values in px or %, e.g. 30px or 10%, at most 50% or 500px; needs crop=true.")
    private String cropMargin;

    @UriParam(label = "producer,foreground", description = "Subject scale relative to the image, from 10% to 100%, "
            + "or original (the API's default) (API parameter scale).")
    private String scale;

    @UriParam(label = "producer,foreground", description = "Subject position (API parameter position): original, "
            + "center, or one or two values from 0% to 100% (horizontal, vertical).")
    private String position;

    @UriParam(label = "producer,foreground", enums = "true,false", description = "Whether to keep "
            + "semi-transparent regions, currently car windows (API parameter semitransparency; the API's default is "
            + "true).")
    private String semitransparency;

    // ---------------------------------------------------------------- shadow

    @UriParam(label = "producer,shadow", enums = "auto,car,3D,drop,none", description = "Shadow type for every "
            + "foreground type (API parameter shadow_type); auto picks the default per type. Exclusive with the "
            + "shadowType.<type> options.")
    private String shadowType;

    @UriParam(label = "producer,shadow", prefix = "shadowType.", multiValue = true,
            javaType = "java.util.Map<java.lang.String, java.lang.Object>", description = "Shadow type per "
            + "foreground type (API parameters shadow_type[<type>]), e.g. shadowType.car=car&shadowType.product=drop; "
            + "types: car, product, person, animal, graphic, transportation, other; values: car, 3D, drop, none.")
    private Map<String, Object> shadowTypePerType = new LinkedHashMap<>();

    @UriParam(label = "producer,shadow", description = "Shadow opacity from 0 (lightest) to 100 (darkest), or auto "
            + "(API parameter shadow_opacity). Exclusive with the shadowOpacity.<type> options.")
    private String shadowOpacity;

    @UriParam(label = "producer,shadow", prefix = "shadowOpacity.", multiValue = true,
            javaType = "java.util.Map<java.lang.String, java.lang.Object>", description = "Shadow opacity per "
            + "foreground type (API parameters shadow_opacity[<type>]), e.g. shadowOpacity.car=90, from 0 to 100.")
    private Map<String, Object> shadowOpacityPerType = new LinkedHashMap<>();

    @UriParam(label = "producer,shadow", enums = "true,false", description = "Deprecated by remove.bg: "
            + "adds a car shadow (API parameter add_shadow); use shadowType instead.")
    @Metadata(deprecationNote = "Use shadowType=car or shadowType.car=car")
    @Deprecated
    private String addShadow;

    // ---------------------------------------------------------------- background

    @UriParam(label = "producer,background", description = "Solid background colour (API parameter bg_color): 3, 4, 6 "
            + "or 8 hex digits (the 4th or 7th and 8th are alpha), e.g. 81d4fa, or a colour name such as green. "
            + "Exclusive with bgImageUrl and bgImageFile.")
    private String bgColor;

    @UriParam(label = "producer,background", description = "Background image URL (API parameter bg_image_url), "
            + "cover-filled behind the subject. Exclusive with bgColor and bgImageFile.")
    private String bgImageUrl;

    @UriParam(label = "producer,background", description = "Path of a local background image file, uploaded as the "
            + "API parameter bg_image_file. Exclusive with bgColor and bgImageUrl.")
    private String bgImageFile;

    // ---------------------------------------------------------------- improve

    @UriParam(label = "producer,improve", description = "File name of the image submitted by the improve operation "
            + "(API parameter image_filename); remove.bg detects it when absent.")
    private String imageFilename;

    @UriParam(label = "producer,improve", description = "Tag grouping the images submitted by the improve operation "
            + "(API parameter tag).")
    private String tag;

    // ---------------------------------------------------------------- passthrough

    @UriParam(label = "producer,advanced", prefix = "additionalParameter.", multiValue = true,
            javaType = "java.util.Map<java.lang.String, java.lang.Object>", description = "Further API parameters by "
            + "their API names, sent verbatim, for parameters newer than this component, e.g. "
            + "additionalParameter.new_option=value.")
    private Map<String, Object> additionalParameters = new LinkedHashMap<>();

    /** A deep copy: the endpoint's own configuration, so changing it never touches the component's defaults. */
    public RemoveBgConfiguration copy() {
        try {
            RemoveBgConfiguration copy = (RemoveBgConfiguration) super.clone();
            copy.shadowTypePerType = new LinkedHashMap<>(shadowTypePerType);
            copy.shadowOpacityPerType = new LinkedHashMap<>(shadowOpacityPerType);
            copy.additionalParameters = new LinkedHashMap<>(additionalParameters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Names the options, never their secret values. */
    @Override
    public String toString() {
        return "RemoveBgConfiguration[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "***")
                + ", oauthToken=" + (oauthToken == null ? "unset" : "***") + ", client="
                + (client == null ? "none" : "shared") + "]";
    }

    // ---------------------------------------------------------------- getters and setters

    /** The remove.bg API key. */
    public String getApiKey() {
        return apiKey;
    }

    /** The remove.bg API key, sent as the X-Api-Key header. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The OAuth 2.0 access token. */
    public String getOauthToken() {
        return oauthToken;
    }

    /** An OAuth 2.0 access token, sent as Authorization: Bearer, instead of an API key. */
    public void setOauthToken(String oauthToken) {
        this.oauthToken = oauthToken;
    }

    /** The base URL of the API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** The base URL of the API, for a remove.bg-compatible server. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The shared client, if one was given or autowired. */
    public RemoveBgClient getClient() {
        return client;
    }

    /** A shared, configured client of the core. */
    public void setClient(RemoveBgClient client) {
        this.client = client;
    }

    /** The API parameter image_url. */
    public String getImageUrl() {
        return imageUrl;
    }

    /** Source image URL (API parameter image_url). */
    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    /** The API parameter image_file_b64. */
    public String getImageFileB64() {
        return imageFileB64;
    }

    /** Source image as a base64-encoded string (API parameter image_file_b64). */
    public void setImageFileB64(String imageFileB64) {
        this.imageFileB64 = imageFileB64;
    }

    /** The API parameter size. */
    public String getSize() {
        return size;
    }

    /** Maximum output resolution (API parameter size). */
    public void setSize(String size) {
        this.size = size;
    }

    /** The API parameter format. */
    public String getFormat() {
        return format;
    }

    /** Result image format (API parameter format). */
    public void setFormat(String format) {
        this.format = format;
    }

    /** Whether a ZIP result is composed into a PNG. */
    public boolean isComposeZipToPng() {
        return composeZipToPng;
    }

    /** Whether a format=zip result is composed in-process into a transparent PNG. */
    public void setComposeZipToPng(boolean composeZipToPng) {
        this.composeZipToPng = composeZipToPng;
    }

    /** The API parameter channels. */
    public String getChannels() {
        return channels;
    }

    /** Finalized image or alpha mask only (API parameter channels). */
    public void setChannels(String channels) {
        this.channels = channels;
    }

    /** The API parameter type. */
    public String getType() {
        return type;
    }

    /** Foreground type to detect or set (API parameter type). */
    public void setType(String type) {
        this.type = type;
    }

    /** The API parameter type_level. */
    public String getTypeLevel() {
        return typeLevel;
    }

    /** Classification level of the detected foreground type (API parameter type_level). */
    public void setTypeLevel(String typeLevel) {
        this.typeLevel = typeLevel;
    }

    /** The API parameter roi. */
    public String getRoi() {
        return roi;
    }

    /** Region of interest (API parameter roi). */
    public void setRoi(String roi) {
        this.roi = roi;
    }

    /** The API parameter crop. */
    public String getCrop() {
        return crop;
    }

    /** Whether to crop off all empty regions (API parameter crop). */
    public void setCrop(String crop) {
        this.crop = crop;
    }

    /** The API parameter crop_margin. */
    public String getCropMargin() {
        return cropMargin;
    }

    /** Margin around the cropped subject (API parameter crop_margin). */
    public void setCropMargin(String cropMargin) {
        this.cropMargin = cropMargin;
    }

    /** The API parameter scale. */
    public String getScale() {
        return scale;
    }

    /** Subject scale relative to the image (API parameter scale). */
    public void setScale(String scale) {
        this.scale = scale;
    }

    /** The API parameter position. */
    public String getPosition() {
        return position;
    }

    /** Subject position (API parameter position). */
    public void setPosition(String position) {
        this.position = position;
    }

    /** The API parameter semitransparency. */
    public String getSemitransparency() {
        return semitransparency;
    }

    /** Whether to keep semi-transparent regions (API parameter semitransparency). */
    public void setSemitransparency(String semitransparency) {
        this.semitransparency = semitransparency;
    }

    /** The API parameter shadow_type. */
    public String getShadowType() {
        return shadowType;
    }

    /** Shadow type for every foreground type (API parameter shadow_type). */
    public void setShadowType(String shadowType) {
        this.shadowType = shadowType;
    }

    /** The API parameters shadow_type[type], by foreground type. */
    public Map<String, Object> getShadowTypePerType() {
        return shadowTypePerType;
    }

    /** Shadow type per foreground type (API parameters shadow_type[type]). */
    public void setShadowTypePerType(Map<String, Object> shadowTypePerType) {
        this.shadowTypePerType = shadowTypePerType == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(shadowTypePerType);
    }

    /** The API parameter shadow_opacity. */
    public String getShadowOpacity() {
        return shadowOpacity;
    }

    /** Shadow opacity from 0 to 100, or auto (API parameter shadow_opacity). */
    public void setShadowOpacity(String shadowOpacity) {
        this.shadowOpacity = shadowOpacity;
    }

    /** The API parameters shadow_opacity[type], by foreground type. */
    public Map<String, Object> getShadowOpacityPerType() {
        return shadowOpacityPerType;
    }

    /** Shadow opacity per foreground type (API parameters shadow_opacity[type]). */
    public void setShadowOpacityPerType(Map<String, Object> shadowOpacityPerType) {
        this.shadowOpacityPerType = shadowOpacityPerType == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(shadowOpacityPerType);
    }

    /** The API parameter add_shadow, which remove.bg deprecated in favour of shadow_type. */
    public String getAddShadow() {
        return addShadow;
    }

    /**
     * Deprecated by remove.bg: adds a car shadow (API parameter add_shadow); prefer {@link #setShadowType(String)}
     * or shadowType.car=car. The option stays because the API still accepts the parameter.
     */
    public void setAddShadow(String addShadow) {
        this.addShadow = addShadow;
    }

    /** The API parameter bg_color. */
    public String getBgColor() {
        return bgColor;
    }

    /** Solid background colour (API parameter bg_color). */
    public void setBgColor(String bgColor) {
        this.bgColor = bgColor;
    }

    /** The API parameter bg_image_url. */
    public String getBgImageUrl() {
        return bgImageUrl;
    }

    /** Background image URL (API parameter bg_image_url). */
    public void setBgImageUrl(String bgImageUrl) {
        this.bgImageUrl = bgImageUrl;
    }

    /** The local file uploaded as the API parameter bg_image_file. */
    public String getBgImageFile() {
        return bgImageFile;
    }

    /** Path of a local background image file (API parameter bg_image_file). */
    public void setBgImageFile(String bgImageFile) {
        this.bgImageFile = bgImageFile;
    }

    /** The improve operation's API parameter image_filename. */
    public String getImageFilename() {
        return imageFilename;
    }

    /** File name of the image submitted by the improve operation (API parameter image_filename). */
    public void setImageFilename(String imageFilename) {
        this.imageFilename = imageFilename;
    }

    /** The improve operation's API parameter tag. */
    public String getTag() {
        return tag;
    }

    /** Tag grouping the images submitted by the improve operation (API parameter tag). */
    public void setTag(String tag) {
        this.tag = tag;
    }

    /** Further API parameters by their API names. */
    public Map<String, Object> getAdditionalParameters() {
        return additionalParameters;
    }

    /** Further API parameters by their API names, sent verbatim. */
    public void setAdditionalParameters(Map<String, Object> additionalParameters) {
        this.additionalParameters = additionalParameters == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(additionalParameters);
    }
}
