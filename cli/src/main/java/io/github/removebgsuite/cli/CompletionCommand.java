package io.github.removebgsuite.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code removebg completion bash|zsh}: prints a shell completion script for every subcommand and option, generated
 * by picocli from the same model that parses the command line, so it cannot fall out of date.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for removebg.",
                "bash: source <(removebg completion bash)   (or save it in /etc/bash_completion.d/removebg)",
                "zsh:  source <(removebg completion zsh)    (in ~/.zshrc; uses zsh's bashcompinit)"},
        footer = ExitCode.HELP_FOOTER)
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script is generated for. */
    enum Shell { bash, zsh }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        String script = AutoComplete.bash(root.getCommandName(), root);
        // picocli's script serves both shells: under zsh it loads bashcompinit itself. A zsh user still gets a
        // header saying so, so the output is self-explanatory when saved to a file.
        if (shell == Shell.zsh) {
            script = "# zsh completion for removebg: picocli's script, run under zsh's bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
