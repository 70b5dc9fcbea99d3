package dev.warden.config.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static CheckReport j721eBoth() {
        return ConfigChecker.report(Sets.j721e(), "k3-j721e-evm.cell", List.of(Sets.j721eInmate(), Sets.j721eLinux()),
                List.of("k3-j721e-evm-inmate-demo.cell", "k3-j721e-evm-linux-demo.cell"), Optional.empty());
    }

    @Test
    void exitCodeFollowsErrorFindings() {
        assertThat(j721eBoth().exitCode()).isEqualTo(1);
        CheckReport clean = ConfigChecker.report(Sets.qemu(), "qemu-arm64.cell", List.of(Sets.qemuLinux()),
                List.of("qemu-arm64-linux-demo.cell"), Optional.empty());
        assertThat(clean.findings()).extracting(Finding::severity).containsOnly(Severity.INFO);
        assertThat(clean.exitCode()).isZero();
    }

    @Test
    void textNamesRuleLocationAndFix() {
        String text = ReportFormat.TEXT.render(j721eBoth());
        assertThat(text).startsWith("Checking configuration set:\n  Root cell:     k3-j721e-evm (k3-j721e-evm.cell)\n")
                .contains("error [cpus/shared] Cells 'inmate-demo' and 'k3-j721e-evm-linux-demo' share CPUs: 1")
                .contains("  at inmate-demo mem_regions[4] [0x2810000-0x281ffff]")
                .contains("  fix: ")
                .endsWith("5 error(s), 1 warning(s), 0 note(s).\n");
    }

    @Test
    void jsonAndSarifCarryTheSameFindings() {
        CheckReport r = j721eBoth();
        String json = ReportFormat.JSON.render(r);
        assertThat(json).contains("\"rule\": \"irq/shared\"").contains("\"severity\": \"error\"")
                .contains("\"exitCode\": 1").contains("\"address\": \"0x2810000\"");
        String sarif = ReportFormat.SARIF.render(r);
        assertThat(sarif).contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"cpus/shared\"")
                .contains("\"level\": \"warning\"")
                .contains("\"uri\": \"k3-j721e-evm-linux-demo.cell\"");
        assertThat(sarif.split("\"ruleId\"", -1)).hasSize(r.findings().size() + 1);
    }

    @Test
    void everyRuleHasAUniqueId() {
        assertThat(ConfigChecker.rules()).extracting(Rule::id).doesNotHaveDuplicates().hasSize(24);
    }
}
