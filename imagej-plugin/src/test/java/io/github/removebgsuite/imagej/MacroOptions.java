package io.github.removebgsuite.imagej;

import ij.Macro;
import java.util.LinkedHashMap;
import java.util.Map;
import org.scijava.command.CommandInfo;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.widget.TextWidget;
import org.scijava.ItemVisibility;

/**
 * What Fiji does with macro options, for tests (imagej-legacy, which does it in Fiji, is not on Maven Central). This
 * follows imagej-legacy 16fcda9: reading as its {@code MacroPreprocessor} (each input looked up by name with ImageJ's
 * own {@link Macro#getValue}; an option that is absent is left alone; a present one is converted by the
 * {@link ConvertService}); recording as its {@code MacroRecorderPostprocessor} (invisible, message and password-style
 * inputs skipped, every other non-null input written as {@code name=value}), and, for the secrets test, as older
 * versions did (every non-null input written). Services, filled in before recording starts, are never recorded.
 */
final class MacroOptions {

    private MacroOptions() {
    }

    /** The inputs a macro call {@code run("<command>", options)} sets, by name. */
    static Map<String, Object> read(CommandInfo info, String options, ConvertService convert) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ModuleItem<?> input : info.inputs()) {
            if (input.getVisibility() == ItemVisibility.MESSAGE || Service.class.isAssignableFrom(input.getType())) {
                continue;
            }
            String value = Macro.getValue(options, input.getName(), null);
            Class<?> type = input.getType();
            if (value == null || !convert.supports(value, type)) {
                continue;
            }
            inputs.put(input.getName(), convert.convert(value, type));
        }
        return inputs;
    }

    /** The options string the current macro recorder writes for a finished module. */
    static String record(Module module) {
        StringBuilder options = new StringBuilder();
        for (ModuleItem<?> input : module.getInfo().inputs()) {
            String style = input.getWidgetStyle();
            if (input.getVisibility() == ItemVisibility.MESSAGE || input.getVisibility() == ItemVisibility.INVISIBLE
                    || style != null && java.util.Arrays.asList(style.split(",")).contains(TextWidget.PASSWORD_STYLE)
                    || isFilledBeforeRecording(input)) {
                continue;
            }
            append(options, input.getName(), module.getInput(input.getName()));
        }
        return options.toString().strip();
    }

    /** The options string an older macro recorder writes: every input that is not null. */
    static String recordEverything(Module module) {
        StringBuilder options = new StringBuilder();
        for (ModuleItem<?> input : module.getInfo().inputs()) {
            if (!isFilledBeforeRecording(input)) {
                append(options, input.getName(), module.getInput(input.getName()));
            }
        }
        return options.toString().strip();
    }

    /** Services and the context are filled in before recording starts, so no recorder writes them. */
    private static boolean isFilledBeforeRecording(ModuleItem<?> input) {
        return Service.class.isAssignableFrom(input.getType())
                || org.scijava.Context.class.isAssignableFrom(input.getType());
    }

    private static void append(StringBuilder options, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof ij.ImagePlus imp ? imp.getTitle() : value.toString();
        options.append(name.toLowerCase(java.util.Locale.ROOT)).append('=')
                .append(text.contains(" ") ? "[" + text + "]" : text).append(' ');
    }
}
