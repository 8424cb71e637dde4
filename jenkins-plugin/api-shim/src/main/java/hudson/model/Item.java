package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Shim of jenkins-core {@code hudson.model.Item}: a job, folder or other item in the Jenkins tree. */
public interface Item extends AccessControlled {
    /** Permission to configure the item. */
    Permission CONFIGURE = Permission.fromId("hudson.model.Item.Configure");
    /** Permission to read the configuration without changing it. */
    Permission EXTENDED_READ = Permission.fromId("hudson.model.Item.ExtendedRead");

    /** The item's name within its parent. */
    @NonNull
    String getName();

    /** The item's full name, with the names of its parents. */
    @NonNull
    String getFullName();
}
