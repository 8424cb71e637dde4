package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Shim of jenkins-core {@code hudson.model.Action} (without the newer menu defaults such as {@code getEvent()}):
 * contributes information and pages to a model object such as a build.
 */
public interface Action extends ModelObject {
    /** The icon of the side-panel link, or null to show none. */
    @CheckForNull
    String getIconFileName();

    /** The link text, or null when hidden. */
    @Override
    @CheckForNull
    String getDisplayName();

    /** The URL segment under the owner, or null when the action has no page. */
    @CheckForNull
    String getUrlName();
}
