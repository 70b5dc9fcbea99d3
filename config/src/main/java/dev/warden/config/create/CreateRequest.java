package dev.warden.config.create;

import dev.warden.devicetree.board.BoardTree;
import java.util.Optional;

/**
 * What {@code warden config create} is asked for: the board's tree (with its overlays), the root
 * cell's name, and optionally where the hypervisor and the inmate's RAM go.
 */
public record CreateRequest(BoardTree tree, String name, Optional<AddressRange> hypervisor,
                            Optional<AddressRange> inmateMemory) {}
