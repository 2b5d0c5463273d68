package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelNamesTest {

    final URI any = URI.create("http://127.0.0.1:1");

    @Test
    void normalisesCaseAndBlanksAgainstTheDefaultList() {
        ModelNames names = ModelNames.fromSettings(TestSettings.oauth(Path.of("a"), any, any, false, List.of()));

        assertThat(names.normalise("  GPT-5.2-Codex ")).isEqualTo("gpt-5.2-codex");
        assertThat(names.allowed()).contains("gpt-5.5", "gpt-5-codex").doesNotContain("gpt-5.2");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheAllowedOnes() {
        ModelNames names = new ModelNames(ModelNames.DEFAULT);

        assertThatThrownBy(() -> names.normalise("gpt-4o"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-4o")
                .hasMessageContaining("gpt-5.4-mini, gpt-5.3-codex-spark");
    }

    @Test
    void theSettingsListReplacesTheDefault() {
        ModelNames names = ModelNames.fromSettings(
                TestSettings.oauth(Path.of("a"), any, any, false, List.of("GPT-6", "gpt-6-mini")));

        assertThat(names.normalise("gpt-6")).isEqualTo("gpt-6");
        assertThatThrownBy(() -> names.normalise("gpt-5.5")).hasMessageContaining("gpt-6, gpt-6-mini");
    }
}
