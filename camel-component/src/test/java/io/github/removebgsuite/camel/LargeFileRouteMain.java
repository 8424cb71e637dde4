package io.github.removebgsuite.camel;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The child JVM of {@link RemoveBgLargeFileRouteTest}: a {@code file:} route that uploads every image of a folder
 * (all at once, the producer being asynchronous) and composes each ZIP answer into a PNG written to another folder.
 * Prints {@code routed N} and exits 0 when all went through, exits 1 otherwise; an OutOfMemoryError ends the JVM
 * (it is started with {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Arguments: base URL, API key, input folder, output folder, number of files.
 */
public final class LargeFileRouteMain {

    private LargeFileRouteMain() {
    }

    /** Runs the route until every file was routed, at most two minutes. */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String key = args[1];
        Path in = Path.of(args[2]);
        Path out = Path.of(args[3]);
        int files = Integer.parseInt(args[4]);
        CamelContext context = new DefaultCamelContext();
        try {
            context.addComponent("removebg", TestComponents.component(key, baseUrl));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:" + in + "?initialDelay=0&delay=50&move=.done&maxMessagesPerPoll=" + files)
                            .to("removebg:removeBackground?size=full&format=zip&composeZipToPng=true")
                            .setHeader("CamelFileName", simple("${file:onlyname.noext}.png"))
                            .to("file:" + out + "?tempPrefix=.inprogress-");
                }
            });
            NotifyBuilder completed = new NotifyBuilder(context).whenCompleted(files).create();
            NotifyBuilder failed = new NotifyBuilder(context).whenFailed(1).create();
            context.start();
            boolean done = completed.matches(2, TimeUnit.MINUTES);
            if (!done || failed.matches()) {
                System.out.println("failed: completed=" + done + ", failures=" + failed.matches());
                System.exit(1);
            }
            System.out.println("routed " + files + ", max heap " + Runtime.getRuntime().maxMemory());
        } finally {
            context.stop();
        }
    }
}
