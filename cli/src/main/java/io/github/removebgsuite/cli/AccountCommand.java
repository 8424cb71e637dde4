package io.github.removebgsuite.cli;

import io.github.removebgsuite.common.account.Account;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code removebg account}: shows the credit balance and free calls. */
@Command(name = "account", mixinStandardHelpOptions = true, footer = ExitCode.HELP_FOOTER,
        description = "Show the account's credit balance and free API calls.")
final class AccountCommand implements Callable<Integer> {

    /** A label and its value, the values in one column. */
    private static final String LINE = "%-15s %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConnectionOptions.Connection conn = connection.connect(spec.commandLine().getErr())) {
            Account account = conn.client().account();
            out.printf(LINE, "Credits:", plain(account.total()));
            out.printf(LINE, "  subscription", plain(account.subscription()));
            out.printf(LINE, "  pay as you go", plain(account.payg()));
            out.printf(LINE, "  enterprise", plain(account.enterprise()));
            out.printf(LINE, "Free calls:", account.freeCalls());
            return ExitCode.OK;
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
