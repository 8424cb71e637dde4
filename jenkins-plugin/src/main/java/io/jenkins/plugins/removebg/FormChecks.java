package io.jenkins.plugins.removebg;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.removebgsuite.common.batch.BatchJob;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.request.RemoveBgOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The checks behind the form's {@code doCheck…} methods, free of Jenkins' request and permission machinery so that
 * they are unit-tested directly. Every API value is checked by the core's parser, so the form says exactly what a
 * build would say.
 */
final class FormChecks {
    private FormChecks() {
    }

    /** A value that names a build variable is only known when the build runs. */
    static boolean hasVariable(@CheckForNull String value) {
        return value != null && value.contains("$");
    }

    /** One API parameter, by its API name. */
    static FormValidation apiParameter(String name, @CheckForNull String value) {
        if (value == null || value.isBlank() || hasVariable(value)) {
            return FormValidation.ok();
        }
        return core(Map.of(name, value.trim()));
    }

    /** A per-type field: one value, or {@code type=value} pairs. */
    static FormValidation perType(String name, @CheckForNull String value) {
        if (value == null || value.isBlank() || hasVariable(value)) {
            return FormValidation.ok();
        }
        Map<String, String> parameters = new TreeMap<>();
        try {
            StepSettings.putPerType(parameters, name, value);
        } catch (InvalidParameterException e) {
            return FormValidation.error(e.getMessage());
        }
        return core(parameters);
    }

    /** The extra parameters field. */
    static FormValidation extraParameters(@CheckForNull String value) {
        if (value == null || value.isBlank() || hasVariable(value)) {
            return FormValidation.ok();
        }
        Map<String, String> parameters = new TreeMap<>();
        try {
            StepSettings.putExtraParameters(parameters, value);
        } catch (InvalidParameterException e) {
            return FormValidation.error(e.getMessage());
        }
        return core(parameters);
    }

    private static FormValidation core(Map<String, String> parameters) {
        try {
            RemoveBgOptions options = RemoveBgOptions.fromParameters(parameters);
            List<String> warnings = options.warnings();
            return warnings.isEmpty() ? FormValidation.ok() : FormValidation.warning(String.join(" ", warnings));
        } catch (InvalidParameterException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The includes field: required Ant patterns relative to the workspace. */
    static FormValidation includes(@CheckForNull String value) {
        List<String> patterns = StepSettings.splitPatterns(value);
        if (patterns.isEmpty()) {
            return FormValidation.error("Give at least one Ant pattern, such as assets/**/*.jpg.");
        }
        return patterns(patterns);
    }

    /** The excludes field: optional Ant patterns. */
    static FormValidation excludes(@CheckForNull String value) {
        return patterns(StepSettings.splitPatterns(value));
    }

    private static FormValidation patterns(List<String> patterns) {
        for (String p : patterns) {
            if (hasVariable(p)) {
                continue;
            }
            String problem = WorkspacePaths.checkRelative(p.replace("*", "x").replace("?", "x"));
            if (problem != null) {
                return FormValidation.error("'" + p + "': " + problem);
            }
        }
        return FormValidation.ok();
    }

    /** A workspace-relative path field. */
    static FormValidation workspacePath(@CheckForNull String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? FormValidation.error("Required: a folder relative to the workspace.") : FormValidation.ok();
        }
        if (hasVariable(value)) {
            return FormValidation.ok();
        }
        String problem = WorkspacePaths.checkRelative(value.trim());
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /** The credit budget: empty, or a decimal of at least zero. */
    static FormValidation maxCredits(@CheckForNull String value) {
        if (value == null || value.isBlank() || hasVariable(value)) {
            return FormValidation.ok();
        }
        try {
            if (new BigDecimal(value.trim()).signum() < 0) {
                return FormValidation.error("The credit budget cannot be negative.");
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("The credit budget must be a number, such as 25 or 12.5.");
        }
    }

    /** A whole number from {@code min} to {@code max}, or empty/0 for the default. */
    static FormValidation wholeNumber(@CheckForNull String value, int min, int max, String what) {
        if (value == null || value.isBlank() || value.trim().equals("0")) {
            return FormValidation.ok();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                return FormValidation.error(what + " must be from " + min + " to " + max + ".");
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(what + " must be a whole number.");
        }
    }

    /** The number of images sent at once. */
    static FormValidation concurrency(@CheckForNull String value) {
        return wholeNumber(value, 1, BatchJob.MAX_CONCURRENCY, "Concurrency");
    }

    /** The API URL. */
    static FormValidation apiUrl(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String problem = StepSettings.checkApiUrl(value.trim());
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /**
     * The result cache folder: empty for none; an absolute folder on the node shares the cache between workspaces;
     * a relative one lives in each workspace.
     */
    static FormValidation cacheDir(@CheckForNull String value) {
        if (value == null || value.isBlank() || hasVariable(value)) {
            return FormValidation.ok();
        }
        String v = value.trim();
        if (isAbsolute(v)) {
            return v.replace('\\', '/').matches("(.*/)?\\.\\.(/.*)?")
                    ? FormValidation.error("Give the cache folder without '..'.") : FormValidation.ok();
        }
        String problem = WorkspacePaths.checkRelative(v);
        if (problem != null) {
            return FormValidation.error(problem);
        }
        return FormValidation.warning("A relative folder is inside each build's workspace, so workspaces do not share "
                + "it; use an absolute folder on the agents (such as /var/cache/removebg) to share paid results.");
    }

    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[\\\\/].*");
    }

    /** A drop-down of an API enumeration, with an empty first entry for "the API's default". */
    static <E extends Enum<E>> ListBoxModel choices(E[] values, Function<E, String> wireValue) {
        ListBoxModel model = new ListBoxModel();
        model.add("(API default)", "");
        for (E e : values) {
            model.add(wireValue.apply(e));
        }
        return model;
    }
}
