/**
 * An immutable device-tree view: nodes, ordered properties, labels from {@code __symbols__},
 * aliases, phandles, and typed access ({@code reg} with the parent's cells, status, compatible).
 */
package dev.warden.devicetree.model;
