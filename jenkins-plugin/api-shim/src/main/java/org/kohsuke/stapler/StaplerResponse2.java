package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Shim of Stapler's {@code org.kohsuke.stapler.StaplerResponse2} (none of its own members: the plugin uses only the
 * Servlet API's): the response a web method writes.
 */
public interface StaplerResponse2 extends HttpServletResponse {
}
