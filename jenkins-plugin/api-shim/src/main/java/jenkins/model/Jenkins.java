package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Node;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Shim of jenkins-core {@code jenkins.model.Jenkins} (its real superclass {@code AbstractCIBase} is left out; it is a
 * {@link Node}, the built-in one). No Jenkins ever runs in the sandbox, so {@link #get()} always
 * throws, as it does in a real plain unit test.
 */
public class Jenkins extends Node implements AccessControlled {
    /** Overall administration. */
    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;

    private Jenkins() {
    }

    /** The running Jenkins; throws when there is none. */
    @NonNull
    public static Jenkins get() throws IllegalStateException {
        Jenkins instance = getInstanceOrNull();
        if (instance == null) {
            throw new IllegalStateException("Jenkins.instance is missing. Read the documentation of "
                    + "Jenkins.getInstanceOrNull to see what you are doing wrong. Consult "
                    + "https://www.jenkins.io/redirect/Jenkins.instance-is-missing for more information.");
        }
        return instance;
    }

    /** The running Jenkins, or null; always null in the sandbox. */
    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        return null;
    }

    /** The user the current thread acts for (anonymous when none). */
    @NonNull
    public static Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            a = new AnonymousAuthenticationToken("anonymous", "anonymous",
                    java.util.List.of(new SimpleGrantedAuthority("anonymous")));
        }
        return a;
    }

    /** The descriptor of {@code type}. */
    @SuppressWarnings("rawtypes")
    public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new AssertionError(type + " is missing its descriptor");
    }

    /** The built-in node's name: the empty string. */
    @Override
    public String getNodeName() {
        return "";
    }

    /** The agent called {@code name}, or null. */
    @CheckForNull
    public Node getNode(String name) {
        return null;
    }

    @Override
    @NonNull
    public ACL getACL() {
        throw new IllegalStateException("no Jenkins");
    }
}
