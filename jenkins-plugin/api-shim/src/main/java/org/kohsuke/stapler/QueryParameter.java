package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Shim of Stapler's {@code @QueryParameter}: binds a web method parameter from the request. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    /** The request parameter name; the Java parameter name when empty. */
    String value() default "";

    /** Whether a missing parameter is an error. */
    boolean required() default false;

    /** Whether an empty value becomes null. */
    boolean fixEmpty() default false;
}
