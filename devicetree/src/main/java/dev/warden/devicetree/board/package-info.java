/**
 * A board as its device tree describes it, for the tools that derive a board profile or a root
 * cell from the tree: CPU addresses of registers, GIC interrupt IDs, UARTs, and the tree before
 * and after the board's overlays.
 */
package dev.warden.devicetree.board;
