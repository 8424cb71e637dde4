package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shim of jenkins-core {@code hudson.Extension} (without {@code @Indexable} and {@code dynamicLoadable}): marks an
 * implementation Jenkins registers automatically.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
@Documented
public @interface Extension {
    /** Sort order among extensions; larger first. */
    double ordinal() default 0;

    /** Deprecated in Jenkins: an optional extension. */
    @Deprecated
    boolean optional() default false;
}
