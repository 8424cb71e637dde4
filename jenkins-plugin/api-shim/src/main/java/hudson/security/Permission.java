package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shim of jenkins-core {@code hudson.security.Permission}: a right that can be granted. The shim knows the permissions
 * the plugin checks, by their real ids; it cannot define new ones (the real constructors need Jenkins' permission
 * groups and localizer, which are not on Central).
 */
public final class Permission {
    private static final Map<String, Permission> ALL = new ConcurrentHashMap<>();

    /** Jenkins' overall administer permission. */
    public static final Permission HUDSON_ADMINISTER = known("hudson.model.Hudson.Administer");

    static {
        known("hudson.model.Item.Configure");
        known("hudson.model.Item.Read");
        known("hudson.model.Item.Workspace");
        known("hudson.model.Item.ExtendedRead");
        known("com.cloudbees.plugins.credentials.CredentialsProvider.UseItem");
    }

    private final String id;

    private Permission(String id) {
        this.id = id;
    }

    private static Permission known(String id) {
        return ALL.computeIfAbsent(id, Permission::new);
    }

    /** The permission's id: the owner class name, a dot and the permission name. */
    @NonNull
    public String getId() {
        return id;
    }

    /** The permission with this id, or null when there is none. */
    @CheckForNull
    public static Permission fromId(@NonNull String id) {
        return ALL.get(id);
    }

    @Override
    public String toString() {
        return "Permission[" + id + "]";
    }
}
