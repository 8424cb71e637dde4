package io.github.removebgsuite.camel.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the source of {@code RemoveBgComponentConfiguration} from the component descriptor ({@code removebg.json}
 * in the camel-removebg jar), the way Camel's own starters are generated from theirs: one Spring Boot property per
 * component option, its Javadoc the option's description (which spring-boot-configuration-processor turns into IDE
 * help), its initial value the option's default. The committed class is checked against this output by
 * {@link RemoveBgStarterSourceTest}.
 */
final class StarterConfigurationSource {

    /**
     * Options left out: the nested {@code configuration} object (its options are flattened into the others) and the
     * {@code client} bean, which is autowired from the Spring context instead of being configured by a property.
     */
    static final Set<String> SKIPPED = Set.of("configuration", "client");

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final int WIDTH = 120;

    private final JsonNode descriptor;

    StarterConfigurationSource(JsonNode descriptor) {
        this.descriptor = descriptor;
    }

    /** The options that become properties, in the descriptor's order. */
    List<Map.Entry<String, JsonNode>> options() {
        List<Map.Entry<String, JsonNode>> options = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> all = descriptor.get("componentProperties").fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> option = all.next();
            if (!SKIPPED.contains(option.getKey())) {
                options.add(option);
            }
        }
        return options;
    }

    String render() {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        boolean usesDuration = false;
        boolean usesMap = false;
        for (Map.Entry<String, JsonNode> entry : options()) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            String type = javaType(option);
            usesDuration |= type.equals("Duration");
            usesMap |= type.startsWith("Map");
            boolean deprecated = option.path("deprecated").asBoolean();
            javadoc(fields, "    ", description(option));
            if (deprecated) {
                fields.append("    @Deprecated\n");
            }
            fields.append("    private ").append(type).append(' ').append(name);
            String initial = initialValue(option, type);
            if (initial != null) {
                fields.append(" = ").append(initial);
            }
            fields.append(";\n\n");

            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            String title = option.path("displayName").asText(name);
            accessors.append("    /** ").append(title).append(". */\n");
            if (deprecated) {
                accessors.append("    @Deprecated\n    @DeprecatedConfigurationProperty\n");
            }
            accessors.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n");
            accessors.append("    /** ").append(title).append(". */\n");
            if (deprecated) {
                accessors.append("    @Deprecated\n");
            }
            accessors.append("    public void set").append(capitalized).append('(').append(type).append(' ')
                    .append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                    .append(";\n    }\n\n");
        }
        StringBuilder out = new StringBuilder();
        out.append("package io.github.removebgsuite.camel.springboot;\n\n");
        if (usesDuration) {
            out.append("import java.time.Duration;\n");
        }
        if (usesMap) {
            out.append("import java.util.Map;\n");
        }
        out.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationProperties;\n");
        if (accessors.indexOf("@DeprecatedConfigurationProperty") >= 0) {
            out.append("import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;\n");
        }
        out.append('\n');
        javadoc(out, "", descriptor.get("component").get("description").asText()
                + " The camel.component.removebg.* properties of a Spring Boot application: each is an option of the "
                + "removebg component, copied onto it when Camel creates it. A RemoveBgClient bean in the context is "
                + "autowired instead of a client built from these options. Generated from removebg.json by "
                + "StarterConfigurationSource (camel-removebg-starter's tests); do not edit.");
        out.append("@ConfigurationProperties(prefix = \"camel.component.removebg\")\n")
                .append("public class RemoveBgComponentConfiguration")
                .append(" extends ComponentConfigurationPropertiesCommon {\n\n")
                .append(fields)
                .append(accessors, 0, accessors.length() - 1)
                .append("}\n");
        return out.toString();
    }

    private static String description(JsonNode option) {
        String text = option.path("description").asText();
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.get("enum").forEach(v -> values.add(v.asText()));
            text += " Values: " + String.join(", ", values) + ".";
        }
        if (option.path("deprecated").asBoolean()) {
            text += " Deprecated.";
        }
        return text;
    }

    static String javaType(JsonNode option) {
        String type = option.path("type").asText();
        String javaType = option.path("javaType").asText();
        if (type.equals("duration")) {
            return "Duration";
        }
        if (javaType.startsWith("java.util.Map")) {
            return "Map<String, Object>";
        }
        return switch (javaType) {
            case "boolean" -> "Boolean";
            case "int" -> "Integer";
            case "long" -> "Long";
            case "java.lang.String" -> "String";
            default -> throw new IllegalArgumentException("No property type for " + javaType);
        };
    }

    private static String initialValue(JsonNode option, String type) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return switch (type) {
            case "Boolean", "Integer" -> text;
            case "Long" -> text + "L";
            case "String" -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "Duration" -> duration(text);
            default -> null;
        };
    }

    private static String duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unexpected duration default " + text);
        }
        String unit = switch (m.group(2)) {
            case "ms" -> "Millis";
            case "s" -> "Seconds";
            case "m" -> "Minutes";
            default -> "Hours";
        };
        return "Duration.of" + unit + "(" + m.group(1) + ")";
    }

    /** A Javadoc comment with the text escaped for HTML and wrapped at 120 columns. */
    private static void javadoc(StringBuilder out, String indent, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("@", "&#64;").replace("*/", "*&#47;").replaceAll("\\s+", " ").strip();
        out.append(indent).append("/**\n");
        StringBuilder line = new StringBuilder(indent).append(" *");
        for (String word : escaped.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > indent.length() + 2) {
                out.append(line).append('\n');
                line = new StringBuilder(indent).append(" *");
            }
            line.append(' ').append(word);
        }
        out.append(line).append('\n').append(indent).append(" */\n");
    }
}
