package io.github.removebgsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A user's first look at the tool: every command's {@code --help} renders without a single warning (picocli prints
 * {@code [picocli WARN]} lines to {@code System.err} when a description is not a valid format string, e.g. a lone
 * {@code %}), and the text shows what the descriptions say.
 */
class HelpTest {

    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        List<List<String>> commands = new ArrayList<>();
        collect(RemoveBgCommand.newCommandLine(), new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c))
                .contains("", "remove", "zip2png", "account", "improve", "emulator", "completion");

        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(command);
                args.add("--help");
                CommandLine cl = RemoveBgCommand.newCommandLine(Map.<String, String>of()::get);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                int code = cl.execute(args.toArray(String[]::new));
                assertThat(code).as("%s --help", command).isZero();
                assertThat(out.toString()).as("%s --help", command).startsWith("Usage: removebg")
                        .contains("Exit codes:");
                assertThat(err.toString()).as("%s --help", command).isEmpty();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("picocli's own warnings").doesNotContain("WARN")
                .isEmpty();
    }

    @Test
    void theExitCodeFooterFitsTheDefaultWidthSoPicocliNeverRewrapsIt() {
        // picocli wraps a longer footer line at 80 columns without the hanging indent, splitting a sentence.
        assertThat(String.format(ExitCode.HELP_FOOTER).lines())
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        CliTestSupport.Run help = CliTestSupport.run("zip2png", "--help");
        assertThat(help.out()).contains(String.format(ExitCode.HELP_FOOTER));
    }

    @Test
    void percentValuesInDescriptionsAreShownLiterally() {
        CommandLine cl = RemoveBgCommand.newCommandLine(Map.<String, String>of()::get);
        cl.setUsageHelpWidth(400); // one line per option, so the phrases below are not wrapped
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute("remove", "--help")).isZero();
        assertThat(out.toString()).contains("'0% 0% 100% 100%'").contains("10%..100%").contains("'50% 100%'")
                .contains("px or %, e.g. 10% or '30px 10px'").doesNotContain("%%");
    }

    @Test
    void removeHelpDocumentsTheStopExitCodesAndTheSafetyOptions() {
        CliTestSupport.Run help = CliTestSupport.run("remove", "--help");
        assertThat(help.out()).contains("130, 143").contains("--cache-dir").contains("REMOVE_BG_CACHE_DIR")
                .contains("--cache-max-size").contains("--grace-period").contains("--lock-timeout")
                .contains("--json").contains("--quiet").contains("--verbose");
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return; // picocli's help command takes a command name, not --help
            }
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, into);
        });
    }
}
