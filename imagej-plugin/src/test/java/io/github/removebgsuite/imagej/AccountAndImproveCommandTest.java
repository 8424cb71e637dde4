package io.github.removebgsuite.imagej;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.removebgsuite.emulator.Improvement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

/** The account and improvement-program commands against the emulator. */
class AccountAndImproveCommandTest {

    private static FijiBench bench;

    @BeforeAll
    static void start() {
        bench = FijiBench.shared();
    }

    @BeforeEach
    void reset() {
        bench.reset();
    }

    @Test
    void accountShowsTheBalanceTheServerHolds() {
        CommandModule module = bench.run(AccountCommand.class, "api_key", FijiBench.KEY);
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat((Double) module.getOutput("credits"))
                .isEqualTo(bench.emulator.credits(FijiBench.KEY).doubleValue());
        assertThat(bench.statuses).anyMatch(s -> s.startsWith("remove.bg account (key from the api_key parameter)"));
    }

    @Test
    void accountWithARejectedKeySaysSo() {
        CommandModule module = bench.run(AccountCommand.class, "api_key", "unknown-account-key-1");
        assertThat(module.isCanceled()).isTrue();
        assertThat(module.getCancelReason()).contains("403").doesNotContain("unknown-account-key-1");
    }

    @Test
    void improveSubmitsTheCurrentSliceWithItsTag() {
        int before = bench.emulator.improvements().size();
        CommandModule module = bench.run(ImproveCommand.class, "imp", TestImages.stack("hard case", 2),
                "api_key", FijiBench.KEY, "tag", "fiji-tests");
        assertThat(module.isCanceled()).as(String.valueOf(module.getCancelReason())).isFalse();
        assertThat((String) module.getOutput("submission_id")).isNotBlank();
        assertThat(bench.emulator.improvements()).hasSize(before + 1);
        Improvement submitted = bench.emulator.improvements().get(before);
        assertThat(submitted.id()).isEqualTo(module.getOutput("submission_id"));
        assertThat(submitted.tag()).contains("fiji-tests");
        assertThat(submitted.imageFilename()).contains("hard_case-1.png");
    }
}
