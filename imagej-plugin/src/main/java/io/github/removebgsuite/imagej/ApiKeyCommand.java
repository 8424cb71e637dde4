package io.github.removebgsuite.imagej;

import io.github.removebgsuite.imagej.service.RemoveBgService;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.ChoiceWidget;

/**
 * <em>Plugins › remove.bg › API Key…</em>: saves the API key in Fiji's preferences, or forgets it. This is the
 * only way a key is ever stored: the commands' own {@code api_key} fields are never saved or recorded. Fiji keeps
 * preferences in plain text, which the dialog says; the {@value RemoveBgService#API_KEY_ENVIRONMENT_VARIABLE}
 * environment variable is the alternative that stores nothing.
 */
@Plugin(type = Command.class, headless = true, label = "API Key...",
        description = "Saves or forgets the remove.bg API key",
        menu = {@Menu(label = "Plugins"), @Menu(label = "remove.bg", weight = RemoveBgCommand.MENU_WEIGHT),
                @Menu(label = "API Key...", weight = 12)})
public class ApiKeyCommand extends RemoveBgCommand {

    /** Saves the key given. */
    public static final String SAVE = "Save key";
    /** Deletes the saved key. */
    public static final String FORGET = "Forget saved key";

    @Parameter(visibility = ItemVisibility.MESSAGE, persist = false, required = false)
    private String warning = "<html><b>The key is saved in plain text</b> in Fiji's preferences, readable by "
            + "anyone who can read your files.<br>Alternatively set the " + RemoveBgService.API_KEY_ENVIRONMENT_VARIABLE
            + " environment variable and save nothing.";

    @Parameter(label = "Action", choices = {SAVE, FORGET}, style = ChoiceWidget.RADIO_BUTTON_VERTICAL_STYLE,
            persist = false)
    private String action = SAVE;

    @Override
    protected void execute() {
        String given = givenApiKey();
        if (FORGET.equals(action)) {
            removeBg.forgetApiKey();
            report("The saved remove.bg API key was deleted.");
            return;
        }
        if (!SAVE.equals(action)) {
            fail("Invalid action: '" + action + "' is not allowed; expected '" + SAVE + "' or '" + FORGET + "'.");
            return;
        }
        if (given == null || given.isBlank()) {
            fail("Invalid api_key: no value; expected the key to save.");
            return;
        }
        removeBg.saveApiKey(given);
        report("The remove.bg API key was saved in Fiji's preferences (plain text).");
    }

}
