package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import io.github.removebgsuite.common.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Fuzzes macro option strings for the image command: whatever a macro passes, the only refusals are the core's
 * {@link InvalidParameterException}, shown as a message naming the parameter, and nothing reaches the network
 * before the parameters are valid.
 */
class MacroOptionsFuzzTest {

    private static final FijiBench BENCH = FijiBench.shared();

    /** The options a macro may give, with values that matter to each. */
    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("size", List.of("auto", "preview", "full", "50MP", "4k", "hd", "medium", "huge", "")),
            Map.entry("foreground_type", List.of("auto", "car", "person", "other", "spaceship")),
            Map.entry("type_level", List.of("default", "none", "1", "2", "latest", "3")),
            Map.entry("format", List.of("zip", "png", "jpg", "webp", "auto", "gif")),
            Map.entry("channels", List.of("rgba", "alpha", "rgb")),
            Map.entry("roi", List.of("0% 0% 100% 100%", "10px 10px 50px 50px", "1 2 3", "0% 0% 50%")),
            Map.entry("crop", List.of("true", "false", "yes")),
            Map.entry("crop_margin", List.of("10%", "30px", "10px 20px", "1 2 3", "60%", "600px", "-1px")),
            Map.entry("scale", List.of("50%", "original", "5%", "101%", "big")),
            Map.entry("position", List.of("center", "original", "0%", "50% 20%", "left")),
            Map.entry("shadow_type", List.of("default", "auto", "car", "3D", "drop", "none", "soft")),
            Map.entry("shadow_opacity", List.of("0", "100", "auto", "101", "-5", "half")),
            Map.entry("semitransparency", List.of("true", "false")),
            Map.entry("add_shadow", List.of("true", "false")),
            Map.entry("bg_color", List.of("81d4fa", "fff", "81d4fa77", "green", "notacolour", "#12")),
            Map.entry("bg_image_url", List.of("http://127.0.0.1:1/bg.png", "not a url", "ftp://x/y")),
            Map.entry("more_parameters", List.of("shadow_type[car]=car", "shadow_opacity[product]=40",
                    "shadow_type[spaceship]=car", "novel_parameter=1", "no equals sign", "size=full",
                    "image_url=http://127.0.0.1/x.png")),
            Map.entry("cutout", List.of("true", "false")),
            Map.entry("mask", List.of("true", "false")),
            Map.entry("selection", List.of("true", "false")),
            Map.entry("foreground_box", List.of("true", "false")),
            Map.entry("mask_threshold", List.of("1", "128", "255", "0", "256", "x")));

    /** Names a refusal may carry: every option above, and the API's own names behind them. */
    private static final Pattern NAMED = Pattern.compile("Invalid (" + String.join("|", VALUES.keySet())
            + "|type|shadow_type\\[\\w+]|shadow_opacity\\[\\w+]|image_url|image_file|image_file_b64): .*");

    private static final Set<String> PARAMETER_NAMES = Set.copyOf(VALUES.keySet());

    /** Options with listed values and with arbitrary text (brackets, quotes, '=', '%' and spaces included). */
    @Provide
    Arbitrary<String> macroOptions() {
        return options(name -> Arbitraries.oneOf(Arbitraries.of(VALUES.get(name)),
                Arbitraries.strings().withChars("abcz09 %px[]='-_.#").ofMaxLength(12)));
    }

    /**
     * Options with the listed values only. Arbitrary text cannot round-trip through any ImageJ macro: its option
     * syntax has no escape, so a value holding {@code name=} or {@code ]} is read back differently.
     */
    @Provide
    Arbitrary<String> listedMacroOptions() {
        return options(name -> Arbitraries.of(VALUES.get(name)));
    }

    private static Arbitrary<String> options(java.util.function.Function<String, Arbitrary<String>> values) {
        List<String> names = new ArrayList<>(VALUES.keySet());
        Arbitrary<Tuple.Tuple2<String, String>> pair = Arbitraries.of(names)
                .flatMap(name -> values.apply(name).map(value -> Tuple.of(name, value)));
        return pair.list().ofMaxSize(8).map(pairs -> {
            StringBuilder options = new StringBuilder();
            for (Tuple.Tuple2<String, String> p : pairs) {
                String value = p.get2();
                options.append(p.get1()).append('=')
                        .append(value.contains(" ") || value.isEmpty() ? "[" + value + "]" : value).append(' ');
            }
            return options.toString();
        });
    }

    @Property(tries = 400)
    void mappingRefusesOnlyWithTheCoresTypedErrorNamingTheParameter(@ForAll("macroOptions") String options) {
        Module module = moduleFor(options, TestImages.rgb("fuzz"));
        RemoveBackgroundCommand command = (RemoveBackgroundCommand) module.getDelegateObject();
        try {
            command.validatedOptions();
        } catch (InvalidParameterException e) {
            assertThat(e.getMessage()).matches(NAMED).contains(e.parameter());
        }
    }

    @Property(tries = 60)
    void commandShowsEveryRefusalAsAMessageAndCallsNothing(@ForAll("macroOptions") String options) {
        BENCH.reset();
        long requests = BENCH.emulator.requestCount();
        CommandInfo info = BENCH.context.service(CommandService.class).getCommand(RemoveBackgroundCommand.class);
        Map<String, Object> inputs = new HashMap<>(
                MacroOptions.read(info, options, BENCH.context.service(ConvertService.class)));
        inputs.put("imp", TestImages.rgb("fuzz"));

        CommandModule module = BENCH.run(RemoveBackgroundCommand.class, inputs);

        // no key is configured, so a valid set of options stops at the key, before any upload
        assertThat(module.isCanceled()).isTrue();
        String reason = module.getCancelReason();
        assertThat(reason.matches(NAMED.pattern()) || reason.startsWith("No remove.bg API key"))
                .as(reason).isTrue();
        assertThat(BENCH.log).contains(reason);
        assertThat(BENCH.emulator.requestCount()).isEqualTo(requests);
    }

    @Property(tries = 50)
    void recordedOptionsReplayToTheSameParameters(@ForAll("listedMacroOptions") String options) {
        Module first = moduleFor(options, TestImages.rgb("replay"));
        Map<String, String> expected;
        try {
            expected = ((RemoveBackgroundCommand) first.getDelegateObject()).apiParameters();
        } catch (InvalidParameterException e) {
            return;
        }
        String recorded = MacroOptions.record(first);
        Module replayed = moduleFor(recorded, TestImages.rgb("replay"));
        assertThat(((RemoveBackgroundCommand) replayed.getDelegateObject()).apiParameters())
                .as(recorded).isEqualTo(expected);
    }

    private static Module moduleFor(String options, ImagePlus imp) {
        CommandInfo info = BENCH.context.service(CommandService.class).getCommand(RemoveBackgroundCommand.class);
        Module module = BENCH.context.service(ModuleService.class).createModule(info);
        MacroOptions.read(info, options, BENCH.context.service(ConvertService.class)).forEach((name, value) -> {
            if (PARAMETER_NAMES.contains(name)) {
                module.setInput(name, value);
            }
        });
        module.setInput("imp", imp);
        return module;
    }
}
