package hudson.model;

/** Shim of jenkins-core {@code hudson.model.AbstractItem}: the base class of items. */
public abstract class AbstractItem extends Actionable implements Item {
}
