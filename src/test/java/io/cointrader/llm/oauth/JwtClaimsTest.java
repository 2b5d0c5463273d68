package io.cointrader.llm.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    @Test
    void readsExpiryAccountAndPlanFromTheNamespacedClaim() {
        JwtClaims claims = JwtClaims.parse(TestJwts.jwt(Map.of(
                "exp",
                1_780_000_000L,
                "chatgpt_account_id",
                "top-level",
                "https://api.openai.com/auth",
                Map.of("chatgpt_account_id", "namespaced", "chatgpt_plan_type", "pro"))));

        assertThat(claims.expiresAt()).contains(Instant.ofEpochSecond(1_780_000_000L));
        assertThat(claims.accountId()).contains("namespaced");
        assertThat(claims.planType()).contains("pro");
    }

    @Test
    void fallsBackToTheTopLevelClaimThenTheFirstOrganization() {
        assertThat(JwtClaims.parse(TestJwts.jwt(Map.of("chatgpt_account_id", "top")))
                        .accountId())
                .contains("top");
        assertThat(JwtClaims.parse(TestJwts.jwt(Map.of("organizations", List.of(Map.of("id", "org-1")))))
                        .accountId())
                .contains("org-1");
    }

    @Test
    void somethingThatIsNotAJwtHasNoClaims() {
        assertThat(JwtClaims.parse("opaque-token")).isEqualTo(JwtClaims.NONE);
        assertThat(JwtClaims.parse("a.!!!.c")).isEqualTo(JwtClaims.NONE);
        assertThat(JwtClaims.parse(null)).isEqualTo(JwtClaims.NONE);
    }
}
