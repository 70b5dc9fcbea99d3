package dev.warden.emulator.el2;

/**
 * What a firmware image does when a CPU branches to its entry: the behaviour Warden models in
 * place of the image's machine code. Registered with {@link El2#register} under the signature the
 * image starts with.
 */
@FunctionalInterface
public interface El2Firmware {

    /**
     * CPU {@code cpu} calls the entry of the image copied to {@code imageBase}.
     *
     * @return what the entry returns to the caller: 0, or a negative error number
     */
    int enter(El2 el2, ModeledCpu cpu, long imageBase);
}
