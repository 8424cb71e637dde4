package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Shim of credentials-plugin {@code Credentials}: the root type of every credential. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
