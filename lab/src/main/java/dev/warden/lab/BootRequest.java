package dev.warden.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a scenario wants the board's SD card: which overlays uEnv.txt lists, another base device
 * tree, extra uEnv.txt lines, or a whole uEnv.txt of its own. Unset parts keep the board's media.
 */
public final class BootRequest {

    private Optional<List<String>> overlays = Optional.empty();
    private Optional<String> baseDtb = Optional.empty();
    private Optional<String> uEnvText = Optional.empty();
    private final Map<String, String> extraVariables = new LinkedHashMap<>();
    private final Map<String, byte[]> extraFiles = new LinkedHashMap<>();
    private Optional<dev.warden.config.JailhouseRelease> release = Optional.empty();
    private final Map<String, byte[]> deviceTrees = new LinkedHashMap<>();
    private Optional<java.nio.file.Path> mediaFolder = Optional.empty();

    /** Which Jailhouse release the root file system carries (default: the board profile's). */
    public BootRequest release(dev.warden.config.JailhouseRelease p) {
        this.release = Optional.of(p);
        return this;
    }

    Optional<dev.warden.config.JailhouseRelease> release() { return release; }

    public static BootRequest defaults() {
        return new BootRequest();
    }

    public BootRequest overlays(List<String> names) {
        this.overlays = Optional.of(new ArrayList<>(names));
        return this;
    }

    public BootRequest baseDtb(String name) {
        this.baseDtb = Optional.of(name);
        return this;
    }

    public BootRequest uEnv(String text) {
        this.uEnvText = Optional.of(text);
        return this;
    }

    public BootRequest variable(String name, String value) {
        extraVariables.put(name, value);
        return this;
    }

    /** A file placed on the boot media (path relative to the media folder). */
    public BootRequest file(String path, byte[] content) {
        extraFiles.put(path, content.clone());
        return this;
    }

    /**
     * A device tree or overlay of the user's, put on the SD card where this board's U-Boot loads its
     * trees from (next to the board's base DTB), so that uEnv.txt can list it by {@code fileName}.
     */
    public BootRequest deviceTree(String fileName, byte[] content) {
        if (fileName.contains("/")) throw new IllegalArgumentException("a device tree is placed by its file name, not " + fileName);
        deviceTrees.put(fileName, content.clone());
        return this;
    }

    /** A whole SD card of the user's: this folder's files instead of the board's boot media. */
    public BootRequest media(java.nio.file.Path folder) {
        this.mediaFolder = Optional.of(folder);
        return this;
    }

    Optional<List<String>> overlays() { return overlays; }

    Map<String, byte[]> deviceTrees() { return deviceTrees; }

    Optional<java.nio.file.Path> mediaFolder() { return mediaFolder; }

    Optional<String> baseDtb() { return baseDtb; }

    Optional<String> uEnvText() { return uEnvText; }

    Map<String, String> extraVariables() { return extraVariables; }

    Map<String, byte[]> extraFiles() { return extraFiles; }

    public boolean changesMedia() {
        return overlays.isPresent() || baseDtb.isPresent() || uEnvText.isPresent() || !extraVariables.isEmpty()
                || !extraFiles.isEmpty() || !deviceTrees.isEmpty() || mediaFolder.isPresent();
    }
}
