package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code removebg completion bash|zsh}: the script is generated from the command model and really completes. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBashScriptCompletesSubcommandsAndOptionsInARealBash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        CliTestSupport.Run run = CliTestSupport.run("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = Files.writeString(dir.resolve("removebg.bash"), run.out());

        assertThat(complete(script, "removebg", "")).contains("remove", "zip2png", "account", "completion");
        assertThat(complete(script, "removebg", "remove", "--cache")).contains("--cache-dir", "--cache-max-size");
        assertThat(complete(script, "removebg", "remove", "--js")).containsExactly("--json");
        assertThat(complete(script, "removebg", "completion", "")).contains("bash", "zsh");
    }

    @Test
    void theZshScriptLoadsBashCompletionSupportUnderZsh() {
        CliTestSupport.Run run = CliTestSupport.run("completion", "zsh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# zsh completion for removebg").contains("ZSH_VERSION")
                .contains("bashcompinit").contains("complete -F");
    }

    @Test
    void anUnknownShellIsRefusedNamingTheChoices() {
        CliTestSupport.Run run = CliTestSupport.run("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("SHELL").contains("bash").contains("zsh");
    }

    /** Runs the script's completion function in bash for the words typed so far; returns the candidates. */
    private List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_removebg\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("/bin/bash", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real prompt
        try {
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } finally {
            bash.destroyForcibly();
        }
    }
}
