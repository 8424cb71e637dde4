package io.jenkins.plugins.removebg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePathsTest {
    @TempDir
    Path workspace;

    @Test
    void resolvesBelowTheWorkspace() throws Exception {
        assertThat(WorkspacePaths.resolveInside(workspace, "build/./cutouts", "outputDir"))
                .isEqualTo(workspace.toAbsolutePath().normalize().resolve("build/cutouts"));
        assertThat(WorkspacePaths.resolveInside(workspace, "a/../b", "outputDir"))
                .isEqualTo(workspace.toAbsolutePath().normalize().resolve("b"));
    }

    @Test
    void refusesAbsoluteAndClimbingPaths() {
        assertThatThrownBy(() -> WorkspacePaths.resolveInside(workspace, "/etc", "outputDir"))
                .isInstanceOf(AbortException.class).hasMessageContaining("outputDir '/etc'");
        assertThatThrownBy(() -> WorkspacePaths.resolveInside(workspace, "a/../../x", "reportFile"))
                .isInstanceOf(AbortException.class).hasMessageContaining("reportFile").hasMessageContaining("outside");
    }

    @Test
    void refusesASymlinkThatLeavesEvenBelowMissingFolders(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        assertThatThrownBy(() -> WorkspacePaths.resolveInside(workspace, "out/deeper/still", "outputDir"))
                .isInstanceOf(AbortException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void acceptsASymlinkThatStaysInside() throws Exception {
        Files.createDirectories(workspace.resolve("real"));
        Files.createSymbolicLink(workspace.resolve("alias"), workspace.resolve("real"));
        assertThat(WorkspacePaths.resolveInside(workspace, "alias/x", "outputDir"))
                .isEqualTo(workspace.toAbsolutePath().normalize().resolve("alias/x"));
    }
}
