package io.jenkins.plugins.removebg;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.FilePath;
import hudson.util.Secret;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/** Product shots in a workspace and the API key credential, for the JenkinsRule tests. */
final class TestImages {
    private TestImages() {
    }

    /** Writes one distinct JPEG per name (each with its own content and SHA-256). */
    static void put(FilePath workspace, int width, int height, String... names)
            throws IOException, InterruptedException {
        int seed = 1;
        for (String name : names) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(235, 235, 235));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(40 + seed * 10 % 200, 60, 140));
            g.fillRect(width / 4 + seed, height / 4, width / 2, height / 2);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", bytes);
            FilePath file = workspace.child(name);
            file.getParent().mkdirs();
            try (OutputStream out = file.write()) {
                out.write(bytes.toByteArray());
            }
            seed++;
        }
    }

    /** Adds a global Secret text credential holding {@code key}. */
    static void addKey(String id, String key) throws IOException {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "remove.bg API key",
                        Secret.fromString(key)));
        SystemCredentialsProvider.getInstance().save();
    }
}
