package io.github.removebgsuite.common.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The suite's version for the {@code User-Agent}: the jar manifest's {@code Implementation-Version} when present,
 * else the {@code pom.properties} Maven packs into every jar, else {@code dev} (running from a build folder).
 */
final class SuiteVersion {

    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.github.removebgsuite/removebg-common/pom.properties";

    static final String VALUE = find();

    private SuiteVersion() {
    }

    private static String find() {
        Package pkg = SuiteVersion.class.getPackage();
        if (pkg != null && pkg.getImplementationVersion() != null) {
            return pkg.getImplementationVersion();
        }
        try (InputStream in = SuiteVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the build-folder default
        }
        return "dev";
    }
}
