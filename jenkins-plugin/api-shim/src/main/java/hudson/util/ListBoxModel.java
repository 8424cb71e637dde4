package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

/** Shim of jenkins-core {@code hudson.util.ListBoxModel}: the options of a drop-down list. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    /** An empty list. */
    public ListBoxModel() {
    }

    /** Adds an option shown as {@code displayName} with the form value {@code value}. */
    public void add(@NonNull String displayName, @NonNull String value) {
        add(new Option(displayName, value));
    }

    /** Adds an option whose name and value are the same; returns this list. */
    public ListBoxModel add(@NonNull String nameAndValue) {
        add(nameAndValue, nameAndValue);
        return this;
    }

    /** One option. */
    public static final class Option {
        /** The text shown. */
        @NonNull
        public String name;
        /** The value submitted. */
        @NonNull
        public String value;
        /** Whether it is selected. */
        public boolean selected;

        /** An option shown as {@code name} submitting {@code value}. */
        public Option(@NonNull String name, @NonNull String value) {
            this.name = name;
            this.value = value;
        }

        @Override
        public String toString() {
            return name + "=" + value + (selected ? "[selected]" : "");
        }
    }
}
