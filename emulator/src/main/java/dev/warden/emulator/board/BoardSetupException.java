package dev.warden.emulator.board;

import java.util.List;

/** The board cannot be set up as asked: its profile, its boot media or its device tree disagree. */
public final class BoardSetupException extends RuntimeException {

    public BoardSetupException(String summary, List<String> details) {
        super(summary + (details.isEmpty() ? "" : ":\n  " + String.join("\n  ", details)));
    }
}
