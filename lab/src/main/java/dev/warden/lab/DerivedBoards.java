package dev.warden.lab;

import dev.warden.devicetree.board.BoardTree;
import dev.warden.devicetree.board.BoardTreeException;
import dev.warden.emulator.board.BoardSetupException;
import dev.warden.emulator.profile.BoardProfile;
import dev.warden.emulator.profile.BoardProfiles;
import dev.warden.emulator.profile.derive.DerivedProfile;
import dev.warden.emulator.profile.derive.ProfileFromTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A project board that has boot media but no profile boots from its device tree alone: the profile
 * is derived as {@code warden board init} would write it. Where the DTB is looked for, in order:
 * {@code firmware-fixtures/NAME/boot/**}{@code /NAME.dtb} (the layout of Warden's own boards), then
 * {@code boot/NAME.dtb} and {@code boot/dtb/NAME.dtb}.
 */
final class DerivedBoards {

    /** The notes already printed, so that a run with many scenarios says it once per board. */
    private static final Set<String> NOTED = ConcurrentHashMap.newKeySet();

    private DerivedBoards() {}

    static Optional<Path> bootDtb(Path project, String name) {
        String file = name + ".dtb";
        Path fixtures = project.resolve("firmware-fixtures").resolve(name).resolve("boot");
        if (Files.isDirectory(fixtures)) {
            try (Stream<Path> walk = Files.walk(fixtures)) {
                Optional<Path> found = walk.filter(p -> p.getFileName().toString().equals(file) && Files.isRegularFile(p))
                        .sorted().findFirst();
                if (found.isPresent()) return found;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + fixtures, e);
            }
        }
        for (Path p : List.of(project.resolve("boot").resolve(file), project.resolve("boot/dtb").resolve(file))) {
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static BoardProfile profile(Path project, ProjectSettings settings, String name, Path dtb) {
        DerivedProfile derived;
        try {
            derived = ProfileFromTree.derive(new ProfileFromTree.Request(BoardTree.load(dtb, List.of()), name, dtb, project));
        } catch (BoardTreeException e) {
            throw new BoardSetupException("board \"" + name + "\" has no profile and its device tree cannot give one: "
                    + e.getMessage(), List.of());
        }
        String relative = project.relativize(dtb).toString();
        if (NOTED.add(project + "|" + name)) {
            System.err.println("warden: board \"" + name + "\" has no profile in " + settings.boards()
                    + "/; derived it from " + relative + " (" + derived.todos().size() + " TODOs; write it to a file "
                    + "with: warden board init --dtb " + relative + " -o " + settings.boards() + "/" + name + ".yaml)");
        }
        return BoardProfiles.parse(derived.yaml(), "derived from " + relative, project.resolve(settings.boards()));
    }
}
