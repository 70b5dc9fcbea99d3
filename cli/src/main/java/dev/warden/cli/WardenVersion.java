package dev.warden.cli;

import picocli.CommandLine.IVersionProvider;

/** Version line for {@code warden --version}, taken from the jar manifest when packaged. */
public final class WardenVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = WardenVersion.class.getPackage().getImplementationVersion();
        return new String[] {"warden " + (version == null ? "(development build)" : version)};
    }
}
