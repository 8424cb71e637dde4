package io.github.removebgsuite.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest ({@code Implementation-Version}). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = RemoveBgCommand.class.getPackage().getImplementationVersion();
        return new String[] {"removebg " + (version == null ? "(development build)" : version)};
    }
}
