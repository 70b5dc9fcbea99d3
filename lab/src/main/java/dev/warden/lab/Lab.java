package dev.warden.lab;

import dev.warden.devicetree.FdtException;
import dev.warden.devicetree.model.DeviceTree;
import dev.warden.emulator.board.Board;
import dev.warden.emulator.board.BoardSetupException;
import dev.warden.emulator.board.ProfileTreeCheck;
import dev.warden.emulator.board.ConsoleRole;
import dev.warden.emulator.console.Console;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.uboot.BootMedia;
import dev.warden.emulator.uboot.UBoot;
import dev.warden.hypervisor.core.Hypervisor;
import dev.warden.config.JailhouseRelease;
import dev.warden.hypervisor.arch.CellCpus;
import dev.warden.hypervisor.setup.JailhouseFirmware;
import dev.warden.rootcell.jailhouse.JailhouseDriver;
import dev.warden.rootcell.jailhouse.JailhouseModule;
import dev.warden.rootcell.jailhouse.JailhouseTool;
import dev.warden.rootcell.linux.LinuxModel;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One board on the bench, as a scenario or the CLI uses it: the board built from its profile, its
 * SD card (a private copy when the scenario changes it), U-Boot, and the root-cell Linux model
 * that U-Boot starts. Nothing moves until the caller runs the board.
 */
public final class Lab implements AutoCloseable {

    /** The profile's software key that says how the root file system gets the jailhouse module. */
    static final String MODULE_KEY = "jailhouse-module";

    private final Board board;
    private final UBoot uboot;
    private final LinuxModel linux;
    /** This board's own copy of the SD card, deleted on {@link #close}; null when it has none or a snapshot took it over. */
    private Path privateMedia;
    private final JailhouseRelease release;
    private final JailhouseFirmware firmware;
    private LinuxInmates linuxInmates;
    private final HangGuard guard;

    private Lab(WardenProject project, Board board, UBoot uboot, LinuxModel linux, Path privateMedia,
                JailhouseRelease release) {
        this.board = board;
        this.uboot = uboot;
        this.linux = linux;
        this.privateMedia = privateMedia;
        this.release = release;
        this.guard = new HangGuard(board, HangGuard.defaultBound());
        RootFsLayout.install(project, board.profile(), release, linux.fs());
        // jailhouse.bin's code is Warden's hypervisor model; the root kernel loads and enters it as the real one
        this.firmware = JailhouseFirmware.install(board);
        firmware.onActivated(hv -> {
            linuxInmates = new LinuxInmates(hv, linux.login());
            CellCpus.attach(hv, linuxInmates);
        });
        linux.modules().register(JailhouseModule.NAME, () -> new JailhouseModule(linux, release));
        boolean atBoot = !board.profile().software().getOrDefault(MODULE_KEY, "at-boot").equals("insmod");
        linux.onUserspace(shell -> {
            shell.register("jailhouse", new JailhouseTool(linux, release));
            if (atBoot) linux.modules().load(JailhouseModule.NAME);
        });
    }

    /** Builds the board named {@code boardName} of the run's project and switches it on. */
    public static Lab powerOn(String boardName, BootRequest request) {
        return powerOn(WardenProject.current(), boardName, request);
    }

    /**
     * Builds the board named {@code boardName} (the project's or a built-in one) and switches it on
     * (time 0; nothing has run yet).
     */
    public static Lab powerOn(WardenProject project, String boardName, BootRequest request) {
        BoardProfile profile = project.board(boardName);
        Path media = request.mediaFolder().orElse(profile.boot().media());
        if (!Files.isDirectory(media)) {
            throw new IllegalStateException("board " + boardName + ": boot media folder " + media + " does not exist");
        }
        Path copy = null;
        if (project.isDerived(boardName) && !Files.exists(media.resolve("Image"))) {
            // a board known only by its device tree boots Warden's model kernel
            request.file("Image", dev.warden.emulator.profile.derive.ModelKernelImage.forBoard(boardName));
        }
        if (request.changesMedia()) {
            copy = BootMediaWriter.prepare(profile, request);
            media = copy;
        }
        checkTree(profile, media);
        Board board = new Board(profile);
        LinuxModel linux = new LinuxModel(board);
        UBoot uboot = new UBoot(board, new BootMedia(media), linux);
        JailhouseRelease release = request.release()
                .orElse(JailhouseRelease.parse(profile.software().getOrDefault("jailhouse", "upstream")));
        Lab lab = new Lab(project, board, uboot, linux, copy, release);
        uboot.powerOn();
        return lab;
    }

    /**
     * Checks the profile against the device tree the board's U-Boot will load (the profile's base
     * DTB, or the one uEnv.txt names instead), before anything runs.
     */
    private static void checkTree(BoardProfile profile, Path media) {
        String dtb = profile.boot().baseDtb();
        try {
            if (Files.exists(media.resolve("uEnv.txt"))) {
                // read uEnv.txt as U-Boot's env import does; its complaints are U-Boot's to report later
                dev.warden.emulator.uboot.Environment env = new dev.warden.emulator.uboot.Environment();
                env.importText(Files.readString(media.resolve("uEnv.txt")), "uEnv.txt");
                dtb = env.get("name_fdt").orElse(dtb);
            }
            Path file = media.resolve(dtb);
            if (!Files.isRegularFile(file)) file = media.resolve("dtb").resolve(dtb);
            if (!Files.isRegularFile(file)) return; // U-Boot will say the file is missing, as on the board
            byte[] blob = Files.readAllBytes(file);
            DeviceTree tree;
            try {
                tree = DeviceTree.read(blob, file.toString());
            } catch (FdtException e) {
                return; // a corrupt tree is U-Boot's to report (libfdt fdt_check_header(): ...)
            }
            List<String> diffs = ProfileTreeCheck.differences(profile, tree, file.getFileName().toString());
            if (!diffs.isEmpty()) {
                throw new BoardSetupException("board profile " + profile.name() + " and its device tree " + file
                        + " describe different hardware", diffs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Board board() { return board; }

    public UBoot uboot() { return uboot; }

    public LinuxModel linux() { return linux; }

    /** The Jailhouse release the root file system carries. */
    public JailhouseRelease release() { return release; }

    /** The jailhouse driver, while jailhouse.ko is loaded. */
    public Optional<JailhouseDriver> driver() { return JailhouseModule.driverOf(linux); }

    /** The hypervisor, while it is enabled. */
    public Optional<Hypervisor> hypervisor() { return firmware.hypervisor(); }

    /** The Linux kernels running in cells. */
    public Optional<LinuxInmates> linuxInmates() { return Optional.ofNullable(linuxInmates); }

    public Console console(ConsoleRole role) {
        return board.console(role);
    }

    /**
     * Runs the board until {@code text} appears on the console at or after {@code fromIndex}, or
     * until {@code timeoutNanos} of virtual time have passed.
     *
     * @return the index just after the match, or -1 on timeout
     */
    public int waitFor(ConsoleRole role, String text, int fromIndex, long timeoutNanos) {
        Console c = console(role);
        long deadline = board.clock().now() + timeoutNanos;
        boolean found = run("waiting for \"" + text + "\" on the " + role.name().toLowerCase() + " console",
                () -> board.runUntil(() -> c.indexOf(text, fromIndex) >= 0, deadline));
        return found ? c.indexOf(text, fromIndex) + text.length() : -1;
    }

    /**
     * Runs the board ({@code work} calls {@link dev.warden.emulator.board.Board#runUntil} or
     * {@code runFor}) under the wall-clock watchdog: on the board's emulator thread, for at most
     * {@code warden.hang.seconds} of real time, after which it fails with {@link EmulatorHung}
     * (thread dump, where each core stopped, the consoles so far) instead of hanging.
     */
    public <T> T run(String what, java.util.concurrent.Callable<T> work) {
        return guard.run(what, work);
    }

    /** As {@link #run(String, java.util.concurrent.Callable)} with a watchdog bound of its own (tests of the guard). */
    <T> T run(String what, java.util.concurrent.Callable<T> work, java.time.Duration bound) {
        HangGuard g = new HangGuard(board, bound);
        try {
            return g.run(what, work);
        } finally {
            g.close();
        }
    }

    /**
     * Freezes this board as it is now: a snapshot that gives any number of independent copies
     * ({@link LabSnapshot#restore}). This board goes on as before.
     */
    public LabSnapshot snapshot() {
        if (privateMedia != null) {
            // copies still read the SD card (U-Boot's files): it lives as long as the JVM now
            KeptMedia.keepUntilExit(privateMedia);
            privateMedia = null;
        }
        return LabSnapshot.of(this);
    }

    @Override
    public void close() {
        guard.close();
        if (privateMedia == null) return;
        try (Stream<Path> walk = Files.walk(privateMedia)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
