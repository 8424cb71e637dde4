package io.github.removebgsuite.imagej;

import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.imagej.service.ApiKey;
import io.github.removebgsuite.imagej.service.FailureMessages;
import io.github.removebgsuite.imagej.service.RemoveBgService;
import io.github.removebgsuite.imagej.service.UploadConsent;
import java.util.Optional;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.ui.UIService;
import org.scijava.widget.TextWidget;

/**
 * What every remove.bg command shares: the services, the {@code api_key} field and the way a failure is shown.
 *
 * <p>The key field is password-style and {@code persist = false}: Fiji neither saves it nor writes it into a macro
 * recording. Left empty, the {@value RemoveBgService#API_KEY_ENVIRONMENT_VARIABLE} environment variable or a key saved
 * with <em>API Key…</em> is used.
 */
public abstract class RemoveBgCommand extends ContextCommand {

    /** The weight of the <em>Plugins › remove.bg</em> submenu. */
    public static final double MENU_WEIGHT = 50;

    /** Writes to Fiji's Log window (the console, headless). */
    @Parameter
    protected LogService log;

    /** Drives Fiji's status bar and progress bar. */
    @Parameter
    protected StatusService status;

    /** Asks the first-use upload question when a user interface is showing. */
    @Parameter
    protected UIService ui;

    /** The seam to remove.bg. */
    @Parameter
    protected RemoveBgService removeBg;

    @Parameter(label = "API key", style = TextWidget.PASSWORD_STYLE, persist = false, required = false,
            description = "Your remove.bg API key. Leave empty to use the REMOVE_BG_API_KEY environment variable or "
                    + "the key saved with Plugins > remove.bg > API Key... Never recorded in macros.")
    private String api_key;

    private String givenKey;

    /**
     * Takes the key out of the {@code api_key} field, then runs the command. The field is cleared first because
     * SciJava's postprocessors read every input after {@code run()} (the macro recorder of older imagej-legacy
     * versions, the debug log of all inputs), and must find no key, whatever way the command ends.
     */
    @Override
    public final void run() {
        givenKey = api_key;
        api_key = null;
        execute();
    }

    /** The command's work, run with the key already out of its field. */
    protected abstract void execute();

    /** What was typed into (or passed as) {@code api_key}: may be null or blank. */
    protected String givenApiKey() {
        return givenKey;
    }

    /** The key to use, or empty after the command was cancelled with a message saying where to give one. */
    protected Optional<ApiKey> apiKeyOrCancel() {
        Optional<ApiKey> key = removeBg.resolveApiKey(givenKey);
        if (key.isEmpty()) {
            fail(FailureMessages.missingKey());
        }
        return key;
    }

    /**
     * Asks for (or, headless, announces) the upload; cancels the command when the user declines.
     *
     * @return whether the image may be uploaded
     */
    protected boolean uploadAllowed() {
        if (UploadConsent.obtain(removeBg, ui, log)) {
            return true;
        }
        fail("Nothing was uploaded: the upload to remove.bg was declined.");
        return false;
    }

    /**
     * Shows a failure the way Fiji users see one: in the log, on the status bar and as the command's cancel reason
     * (which a script can read, and which stops a macro).
     */
    protected void fail(String message) {
        log.error(message);
        status.showStatus(message);
        cancel(message);
    }

    /** {@link #fail(String)} with the sentence for an exception; never shows the key. */
    protected void fail(Throwable failure, ApiKey key) {
        String message = FailureMessages.describe(failure, key);
        if (failure instanceof InvalidParameterException invalid && "type".equals(invalid.parameter())) {
            message = message + " (the foreground_type field)";
        }
        fail(message);
    }

    /** Logs and shows a success. */
    protected void report(String text) {
        log.info(text);
        status.showStatus(text);
    }
}
