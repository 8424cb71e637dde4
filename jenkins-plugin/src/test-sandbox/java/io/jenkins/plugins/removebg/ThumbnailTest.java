package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import hudson.model.Item;
import hudson.security.AccessDeniedException3;
import io.github.removebgsuite.emulator.RemoveBgEmulatorExtension;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** The build page's before/after gallery: bounded thumbnails, for permitted users, of reported workspace files only. */
class ThumbnailTest {
    private static final String KEY = "thumbnail-key-4f2";

    @RegisterExtension
    final RemoveBgEmulatorExtension api = RemoveBgEmulatorExtension.withApiKey(KEY, new BigDecimal("10"));

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    private BatchSummary summary;

    @BeforeEach
    void runTheStep() throws Exception {
        writeImage(workspace.resolve("in/big.png"), 900, 600);
        writeImage(outside.resolve("secret.png"), 300, 300);
        RemoveBackgroundBuilder step = new RemoveBackgroundBuilder("id", "in/*.png", "out");
        step.setApiUrl(api.emulator().baseUrl());
        summary = new StepFixture(workspace).run(step, KEY).summary();
        assertThat(summary.getProcessed()).isEqualTo(1);
    }

    private static void writeImage(Path file, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(230, 230, 230));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private RemoveBackgroundAction action(FakeBuild.TestRun run) {
        RemoveBackgroundAction action = new RemoveBackgroundAction();
        action.add(summary);
        action.onAttached(run);
        action.workspaces(s -> new FilePath(workspace.toFile()));
        return action;
    }

    @Test
    void servesABoundedPngOfAReportedImage() throws Exception {
        Response rsp = new Response();

        action(FakeBuild.of(Item.WORKSPACE)).doThumbnail(request("0", "in/big.png", "1000"), rsp.proxy());

        assertThat(rsp.status).isEqualTo(200);
        assertThat(rsp.headers).containsEntry("Content-Type", "image/png")
                .containsEntry("X-Content-Type-Options", "nosniff");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(rsp.body.toByteArray()));
        assertThat(thumb.getWidth()).as("capped at 256 px, scaled on the node").isEqualTo(256);
        assertThat(thumb.getHeight()).isEqualTo(171);
        assertThat(rsp.body.size()).isLessThan((int) Files.size(workspace.resolve("in/big.png")));
    }

    @Test
    void servesTheOutputToo() throws Exception {
        String output = summary.getEntries().get(0).getOutput();
        Response rsp = new Response();

        action(FakeBuild.of(Item.WORKSPACE)).doThumbnail(request("0", output, "64"), rsp.proxy());

        assertThat(rsp.status).isEqualTo(200);
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(rsp.body.toByteArray()));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(64);
        assertThat(thumb.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void refusesUsersWithoutWorkspacePermission() {
        Response rsp = new Response();
        RemoveBackgroundAction action = action(FakeBuild.of(Item.READ));

        assertThatThrownBy(() -> action.doThumbnail(request("0", "in/big.png", "128"), rsp.proxy()))
                .isInstanceOf(AccessDeniedException3.class);
        assertThat(rsp.status).as("nothing was sent").isZero();
        assertThat(rsp.body.size()).isZero();
        assertThat(action.isThumbnailsVisible()).isFalse();
    }

    @Test
    void refusesPathsOutsideTheWorkspaceOrNotReported() throws Exception {
        Path link = workspace.resolve("in/link.png");
        Files.createSymbolicLink(link, outside.resolve("secret.png"));
        RemoveBackgroundAction action = action(FakeBuild.of(Item.WORKSPACE));
        String[] refused = {"../" + outside.getFileName() + "/secret.png", outside.resolve("secret.png").toString(),
            "in/../../secret.png", "in/link.png", "in", "out/.removebg-manifest.json", "", "in/missing.png"};
        for (String path : refused) {
            Response rsp = new Response();
            action.doThumbnail(request("0", path, "128"), rsp.proxy());
            assertThat(rsp.status).as(path).isEqualTo(404);
            assertThat(rsp.body.size()).as(path).isZero();
        }
        Response badRun = new Response();
        action.doThumbnail(request("7", "in/big.png", "128"), badRun.proxy());
        assertThat(badRun.status).isEqualTo(404);
    }

    @Test
    void aReportedFileReplacedByALinkOutOfTheWorkspaceIsRefused() throws Exception {
        Path reported = workspace.resolve("in/big.png");
        Files.delete(reported);
        Files.createSymbolicLink(reported, outside.resolve("secret.png"));
        Response rsp = new Response();

        action(FakeBuild.of(Item.WORKSPACE)).doThumbnail(request("0", "in/big.png", "128"), rsp.proxy());

        assertThat(rsp.status).isEqualTo(404);
        assertThatThrownBy(() -> Thumbnails.render(new FilePath(workspace.toFile()), "in/big.png", 128))
                .isInstanceOf(hudson.AbortException.class).hasMessageContaining("outside the workspace");
    }

    private static StaplerRequest2 request(String run, String path, String size) {
        Map<String, String> params = Map.of("run", run, "path", path, "size", size);
        return (StaplerRequest2) Proxy.newProxyInstance(ThumbnailTest.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getParameter")) {
                        return params.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records what the endpoint sends. */
    private static final class Response {
        int status;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        StaplerResponse2 proxy() {
            return (StaplerResponse2) Proxy.newProxyInstance(ThumbnailTest.class.getClassLoader(),
                    new Class<?>[] {StaplerResponse2.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "sendError" -> status = (Integer) args[0];
                            case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "setContentLength" -> headers.put("Content-Length", args[0].toString());
                            case "getOutputStream" -> {
                                status = 200;
                                return new ServletOutputStream() {
                                    @Override
                                    public boolean isReady() {
                                        return true;
                                    }

                                    @Override
                                    public void setWriteListener(WriteListener listener) {
                                    }

                                    @Override
                                    public void write(int b) {
                                        body.write(b);
                                    }
                                };
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
