package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated configurations of every layout survive binary and YAML round trips unchanged. */
class RoundTripPropertyTest {
    @Property(tries = 100)
    void binaryAndYamlRoundTrip(@ForAll("configs") JailhouseConfig config) {
        byte[] bytes = CellConfigs.encode(config);
        assertThat(bytes).hasSize((int) CellConfigs.sizeOf(config, config.format()));
        JailhouseConfig decoded = CellConfigs.decode(bytes, "generated.cell");
        assertThat(decoded).isEqualTo(config);
        assertThat(CellConfigs.encode(decoded)).isEqualTo(bytes);
        String yaml = ConfigYaml.write(config);
        assertThat(ConfigYaml.parse(yaml, "generated.yaml")).isEqualTo(config);
    }

    @Provide
    Arbitrary<JailhouseConfig> configs() {
        Arbitrary<ConfigFormat> format = Arbitraries.of(ConfigFormat.values());
        return format.flatMap(f -> Arbitraries.oneOf(cell(f, false).map(c -> (JailhouseConfig) c),
                system(f).map(s -> (JailhouseConfig) s)));
    }

    private static Arbitrary<Long> u64() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 0xffffffffL),
                Arbitraries.of(0L, 0x1000L, 0x8dfc00000L));
    }

    private static Arbitrary<Integer> u32() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(0, 255));
    }

    private static Arbitrary<Integer> bits(int n) {
        return Arbitraries.integers().between(0, (1 << n) - 1);
    }

    private static Arbitrary<MemoryRegion> region() {
        return Combinators.combine(u64(), u64(), u64(), u64()).as(MemoryRegion::new);
    }

    private static Arbitrary<Console> console() {
        return Combinators.combine(u64(), u32(), bits(16), bits(16), u32(), u32(), u64()).as(Console::new);
    }

    private static Arbitrary<Irqchip> irqchip() {
        return Combinators.combine(u64(), u32(), Arbitraries.integers().between(0, 7).map(k -> 32 + 128 * k),
                u32().list().ofSize(4)).as(Irqchip::new);
    }

    private static Arbitrary<PciDevice> pci(ConfigFormat f) {
        boolean legacy = f.legacyFlags();
        Arbitrary<List<Integer>> head = Combinators.combine(bits(8), bits(8), bits(16), bits(16), bits(16), bits(16),
                bits(8), bits(8)).as(List::of);
        Arbitrary<List<Integer>> tail = Combinators.combine(bits(16), bits(16), u32(), bits(8), bits(8), bits(16),
                bits(16)).as(List::of);
        return Combinators.combine(head, tail, u32().list().ofSize(6), u64()).as((h, t, bars, msix) ->
                new PciDevice(h.get(0), h.get(1), h.get(2), h.get(3), bars, h.get(4), h.get(5), h.get(6), h.get(7),
                        t.get(0), t.get(1), msix, t.get(2), legacy ? 0 : t.get(3), legacy ? 0 : t.get(4), t.get(5),
                        legacy ? t.get(6) : 0));
    }

    private static Arbitrary<Regmap> regmap() {
        return Combinators.combine(u64(), u32(), bits(8), u32(), u32().list().ofSize(8)).as(Regmap::new);
    }

    static Arbitrary<CellConfig> cell(ConfigFormat f, boolean root) {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(31);
        Arbitrary<BitSet> cpus = Arbitraries.integers().between(0, 63).set().ofMaxSize(6).map(s -> {
            BitSet b = new BitSet();
            s.forEach(b::set);
            return b;
        });
        Arbitrary<List<MemoryRegion>> mem = region().list().ofMaxSize(6);
        Arbitrary<List<CacheRegion>> cache = Combinators.combine(u32(), u32(), bits(8), bits(8), bits(16))
                .as(CacheRegion::new).list().ofMaxSize(2);
        Arbitrary<List<Irqchip>> irq = irqchip().list().ofMaxSize(3);
        Arbitrary<List<PioRegion>> pio = f.legacyFlags() ? Arbitraries.just(List.of())
                : Combinators.combine(bits(16), bits(16)).as(PioRegion::new).list().ofMaxSize(2);
        Arbitrary<RawBytes> pioBitmap = f.legacyFlags()
                ? Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(RawBytes::of)
                : Arbitraries.just(RawBytes.EMPTY);
        Arbitrary<List<PciDevice>> pci = pci(f).list().ofMaxSize(2);
        Arbitrary<List<PciCapability>> caps = Combinators.combine(bits(16), bits(16), bits(16), bits(16))
                .as(PciCapability::new).list().ofMaxSize(2);
        Arbitrary<List<Integer>> streams = f == ConfigFormat.REV10 ? Arbitraries.just(List.of())
                : u32().list().ofMaxSize(3);
        Arbitrary<List<Regmap>> regmaps = f == ConfigFormat.TI12 ? regmap().list().ofMaxSize(2)
                : Arbitraries.just(List.of());
        Arbitrary<RawBytes> header = root ? Arbitraries.bytes().array(byte[].class).ofSize(8).map(RawBytes::of)
                : Arbitraries.just(RawBytes.EMPTY);
        Arbitrary<List<Object>> a = Combinators.combine(name, u32(), u32(), cpus, mem, cache, irq, pio)
                .as((n, id, fl, c, m, k, i, p) -> new ArrayList<>(List.of(n, id, fl, c, m, k, i, p)));
        Arbitrary<List<Object>> b = Combinators.combine(pioBitmap, pci, caps, streams, regmaps, header, u32(), u64())
                .as((pb, pd, pc, s, r, h, v, reset) -> new ArrayList<>(List.of(pb, pd, pc, s, r, h, v, reset)));
        return Combinators.combine(a, b, u64(), console(), Arbitraries.of(8, 16)).as((x, y, timeout, con, setSize) ->
                new CellConfig(f, (RawBytes) y.get(5), (String) x.get(0), (Integer) x.get(1), (Integer) x.get(2),
                        setSize, (BitSet) x.get(3), cast(x.get(4)), cast(x.get(5)), cast(x.get(6)), cast(x.get(7)),
                        (RawBytes) y.get(0), cast(y.get(1)), cast(y.get(2)), cast(y.get(3)), cast(y.get(4)),
                        (Integer) y.get(6), (Long) y.get(7), timeout, con));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object o) {
        return (List<T>) o;
    }

    static Arbitrary<SystemConfig> system(ConfigFormat f) {
        Arbitrary<IommuUnit> unit = f == ConfigFormat.REV10 ? Arbitraries.just(IommuUnit.EMPTY)
                : Combinators.combine(Arbitraries.integers().between(1, f == ConfigFormat.TI12 ? 4 : 5), u64(), u32(),
                        u64(), u32(), f == ConfigFormat.TI12 ? u64() : Arbitraries.just(0L)).as(IommuUnit::new);
        Arbitrary<List<IommuUnit>> units = f == ConfigFormat.REV10 ? Arbitraries.just(List.of())
                : unit.list().ofMaxSize(8).map(ConfigLayout::trimUnits);
        Arbitrary<RawBytes> reserved = f == ConfigFormat.REV10
                ? Arbitraries.bytes().array(byte[].class).ofSize(136).map(RawBytes::of) : Arbitraries.just(RawBytes.EMPTY);
        Arbitrary<List<Long>> gics = u64().list().ofSize(5);
        Arbitrary<PlatformInfo> platform = Combinators.combine(u64(), bits(8), bits(1), bits(16), units, bits(8),
                bits(8), gics).as((mm, bus, virt, dom, us, maint, ver, g) -> new PlatformInfo(mm, bus, virt, dom, us,
                        maint, ver, 0, g.get(0), g.get(1), g.get(2), g.get(3), g.get(4), RawBytes.EMPTY));
        Arbitrary<Integer> padding = f == ConfigFormat.REV14 ? bits(16) : Arbitraries.just(0);
        return Combinators.combine(u32(), region(), console(), platform, padding, reserved, cell(f, true))
                .as((flags, hv, con, p, pad, res, root) -> new SystemConfig(f, flags, hv, con,
                        new PlatformInfo(p.pciMmconfigBase(), p.pciMmconfigEndBus(), p.pciIsVirtual(), p.pciDomain(),
                                p.iommuUnits(), p.maintenanceIrq(), p.gicVersion(), pad, p.gicdBase(), p.giccBase(),
                                p.gichBase(), p.gicvBase(), p.gicrBase(), res), root));
    }
}
