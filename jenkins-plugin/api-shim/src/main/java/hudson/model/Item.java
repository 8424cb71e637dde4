package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Shim of jenkins-core {@code hudson.model.Item}: a job, folder or other item in the Jenkins tree. */
public interface Item extends AccessControlled {
    /** Permission to see the item. */
    Permission READ = Permission.fromId("hudson.model.Item.Read");
    /** Permission to configure the item. */
    Permission CONFIGURE = Permission.fromId("hudson.model.Item.Configure");
    /** Permission to read the configuration without changing it. */
    Permission EXTENDED_READ = Permission.fromId("hudson.model.Item.ExtendedRead");
    /** Permission to browse the item's workspace. */
    Permission WORKSPACE = Permission.fromId("hudson.model.Item.Workspace");
}
