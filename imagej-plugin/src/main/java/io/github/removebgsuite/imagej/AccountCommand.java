package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.account.Account;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.imagej.service.ApiKey;
import java.util.Optional;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * <em>Plugins › remove.bg › Account…</em>: shows the credit balance and the free API calls left (the API's
 * {@code GET /account}; it costs nothing). remove.bg notes that the balance can lag a few seconds behind.
 */
@Plugin(type = Command.class, headless = true, label = "Account...",
        description = "Shows the remove.bg credit balance",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "Account...", weight = 10)})
public class AccountCommand extends RemoveBgCommand {

    @Parameter(type = ItemIO.OUTPUT, label = "Credits", required = false)
    private Double credits;

    @Parameter(type = ItemIO.OUTPUT, label = "Subscription credits", required = false)
    private Double subscription_credits;

    @Parameter(type = ItemIO.OUTPUT, label = "Pay-as-you-go credits", required = false)
    private Double payg_credits;

    @Parameter(type = ItemIO.OUTPUT, label = "Enterprise credits", required = false)
    private Double enterprise_credits;

    @Parameter(type = ItemIO.OUTPUT, label = "Free API calls", required = false)
    private Integer free_calls;

    @Override
    protected void execute() {
        Optional<ApiKey> key = apiKeyOrCancel();
        if (key.isEmpty()) {
            return;
        }
        Account account;
        try {
            account = removeBg.client(key.get()).account();
        } catch (RemoveBgException e) {
            fail(e, key.get());
            return;
        }
        credits = account.total().doubleValue();
        subscription_credits = account.subscription().doubleValue();
        payg_credits = account.payg().doubleValue();
        enterprise_credits = account.enterprise().doubleValue();
        free_calls = account.freeCalls();
        String text = "remove.bg account (key from " + key.get().source().description() + "): "
                + account.total().toPlainString() + " credits (subscription " + account.subscription().toPlainString()
                + ", pay-as-you-go " + account.payg().toPlainString() + ", enterprise "
                + account.enterprise().toPlainString() + "), " + account.freeCalls() + " free API calls";
        report(text);
    }

}
