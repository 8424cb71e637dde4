package io.github.removebgsuite.imagej;

import java.util.LinkedList;
import java.util.List;
import org.scijava.Context;
import org.scijava.console.ConsoleService;
import org.scijava.startup.StartupService;

/**
 * Runs the commands without Fiji, on a bare Java with this jar, {@code ij} and {@code scijava-common} on the class
 * path: the same {@code --run} arguments as Fiji's console, for clusters where no Fiji is installed.
 *
 * <pre>
 * java -cp removebg_fiji.jar:ij.jar:scijava-common.jar:parsington.jar io.github.removebgsuite.imagej.RemoveBgConsole \
 *     --run "Remove Background (Folder)..." "input_dir='in',output_dir='out',size='preview'"
 * </pre>
 *
 * <p>The key comes from {@code REMOVE_BG_API_KEY} (a key on the command line would end up in the shell history). The
 * exit code is 0 when the command completed, 1 when it failed or was cancelled (or nothing ran), and 2 when it
 * completed but some of a folder's images failed; the reasons are in the log.
 */
public final class RemoveBgConsole {

    private RemoveBgConsole() {
    }

    /**
     * Processes Fiji-style console arguments ({@code --run <command> <options>}).
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status;
        try (Context context = new Context()) {
            status = run(context, List.of(args));
        }
        System.exit(status);
    }

    /**
     * Runs the arguments in a context.
     *
     * @return the exit status: 0 when every command completed, 1 when one failed or none ran, 2 when one completed
     *     with failed inputs
     */
    static int run(Context context, List<String> args) {
        CommandOutcomes outcomes = new CommandOutcomes(context);
        context.service(ConsoleService.class).processArgs(new LinkedList<>(args).toArray(String[]::new));
        context.service(StartupService.class).executeOperations();
        if (outcomes.failures() > 0 || outcomes.completed() == 0) {
            return 1;
        }
        return outcomes.partlyFailed() > 0 ? 2 : 0;
    }
}
