package io.cointrader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cointrader.broker.Broker;
import io.cointrader.core.OrderIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cointrader");
    }

    @Test
    void coreUsesOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("io.cointrader.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.cointrader.core..", "java..")
                .check(classes);
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cointrader.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cointrader.app..")
                .check(classes);
    }

    @Test
    void theAdvisorNeverReachesTheOrderPath() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.cointrader.strategy..",
                        "io.cointrader.risk..",
                        "io.cointrader.execution..",
                        "io.cointrader.broker..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cointrader.llm..")
                .check(classes);
    }

    @Test
    void strategyAndRiskDoNoIo() {
        noClasses()
                .that()
                .resideInAnyPackage("io.cointrader.strategy..", "io.cointrader.risk..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.io..",
                        "java.net..",
                        "java.nio.file..",
                        "java.sql..",
                        "io.cointrader.state..",
                        "io.cointrader.exchange..",
                        "io.cointrader.broker..")
                .check(classes);
    }

    @Test
    void onlyTheExecutionPackageCallsABrokerToPlaceOrCancel() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cointrader.execution..")
                .should()
                .callMethod(Broker.class, "place", OrderIntent.class, String.class)
                .orShould()
                .callMethod(Broker.class, "cancel", String.class)
                .check(classes);
    }

    @Test
    void theDashboardNeverReachesTheOrderPath() {
        noClasses()
                .that()
                .resideInAPackage("io.cointrader.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.cointrader.execution..",
                        "io.cointrader.broker..",
                        "io.cointrader.exchange..",
                        "io.cointrader.security..",
                        "io.cointrader.llm..")
                .check(classes);
    }
}
