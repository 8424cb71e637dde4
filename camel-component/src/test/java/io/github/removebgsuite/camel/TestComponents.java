package io.github.removebgsuite.camel;

/** The component as the tests configure it: a key, a loopback base URL, and backoffs in milliseconds. */
final class TestComponents {

    private TestComponents() {
    }

    /**
     * A component with the given credentials (null for none) and base URL, whose retries back off for milliseconds
     * instead of seconds so the retry paths run quickly.
     */
    static RemoveBgComponent component(String apiKey, String baseUrl) {
        RemoveBgComponent component = new RemoveBgComponent();
        component.getConfiguration().setApiKey(apiKey);
        if (baseUrl != null) {
            component.getConfiguration().setBaseUrl(baseUrl);
        }
        component.setInitialBackoff(10);
        component.setMaxBackoff(50);
        return component;
    }
}
