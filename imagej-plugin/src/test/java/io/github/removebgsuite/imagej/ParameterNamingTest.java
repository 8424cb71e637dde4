package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import ij.Macro;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * The parameter names every macro and {@code --run} line uses: lowercase snake_case (ImageJ lowercases recorded
 * keys), and none the tail of another after an underscore, since ImageJ's option lookup would then read one as the
 * other ({@code shadow_type=drop} as {@code type=drop}).
 */
class ParameterNamingTest {

    private static final List<Class<? extends Command>> COMMANDS = List.of(RemoveBackgroundCommand.class,
            RemoveBackgroundFolderCommand.class, AccountCommand.class, ImproveCommand.class, ApiKeyCommand.class,
            ResultCacheCommand.class);

    @Test
    void namesAreSnakeCaseAndNoneIsTheTailOfAnother() {
        CommandService commands = FijiBench.shared().context.service(CommandService.class);
        for (Class<? extends Command> command : COMMANDS) {
            CommandInfo info = commands.getCommand(command);
            assertThat(info).as(command.getName()).isNotNull();
            assertThat(info.getMenuPath().getMenuString()).startsWith("Plugins > remove.bg > ");
            List<String> names = new java.util.ArrayList<>();
            for (ModuleItem<?> input : info.inputs()) {
                if (!Service.class.isAssignableFrom(input.getType())
                        && !org.scijava.Context.class.isAssignableFrom(input.getType())) {
                    names.add(input.getName());
                }
            }
            assertThat(names).as(command.getSimpleName()).allMatch(name -> name.matches("[a-z][a-z0-9_]*"));
            for (String name : names) {
                for (String other : names) {
                    if (!other.equals(name)) {
                        // ImageJ's own lookup must find each option only under its own name
                        String options = other + "=x " + name + "=y";
                        assertThat(Macro.getValue(options, name, null)).as(name + " next to " + other)
                                .isEqualTo("y");
                    }
                }
            }
        }
    }
}
