package dev.warden.devicetree.board;

/** A board tree that cannot be used; the message names the file and what was expected. */
public final class BoardTreeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BoardTreeException(String message) {
        super(message);
    }
}
