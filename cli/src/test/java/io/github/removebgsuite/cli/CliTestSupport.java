package io.github.removebgsuite.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output and a controlled environment. */
final class CliTestSupport {
    private CliTestSupport() {
    }

    /** The outcome of one CLI run. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(Map<String, String> environment, String... args) {
        CommandLine cl = RemoveBgCommand.newCommandLine(environment::get);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }
}
