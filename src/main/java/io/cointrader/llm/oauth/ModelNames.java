package io.cointrader.llm.oauth;

import io.cointrader.config.LlmSettings;
import java.util.List;
import java.util.Locale;

/**
 * The model names the Codex backend accepts for a ChatGPT plan. The list moves (models are added and
 * retired), so the settings' {@code oauthModels} replaces the built-in one when it is not empty.
 */
public final class ModelNames {

    /** Slugs seen in Codex and opencode as of mid 2026 (gpt-5.2 and gpt-5.3-codex were retired). */
    public static final List<String> DEFAULT = List.of(
            "gpt-5.5",
            "gpt-5.4",
            "gpt-5.4-mini",
            "gpt-5.3-codex-spark",
            "gpt-5.2-codex",
            "gpt-5.1-codex",
            "gpt-5.1-codex-max",
            "gpt-5.1-codex-mini",
            "gpt-5.1",
            "gpt-5-codex");

    private final List<String> allowed;

    public ModelNames(List<String> allowed) {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("the model allow-list is empty");
        }
        this.allowed = allowed.stream().map(ModelNames::canonical).toList();
    }

    public static ModelNames fromSettings(LlmSettings settings) {
        return new ModelNames(settings.oauthModels().isEmpty() ? DEFAULT : settings.oauthModels());
    }

    public List<String> allowed() {
        return allowed;
    }

    /**
     * The allowed slug for {@code configured}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when it is not in the allow-list; the message names the allowed ones
     */
    public String normalise(String configured) {
        String name = configured == null ? "" : canonical(configured);
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("the model '" + (configured == null ? "" : configured.strip())
                    + "' is not available with a ChatGPT login; use one of: " + String.join(", ", allowed));
        }
        return name;
    }

    private static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
