package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Shim of Stapler's {@code org.kohsuke.stapler.StaplerRequest2} (none of its own members: the plugin uses only the
 * Servlet API's): the request a web method receives.
 */
public interface StaplerRequest2 extends HttpServletRequest {
}
