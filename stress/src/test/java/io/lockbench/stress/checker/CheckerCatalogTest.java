package io.lockbench.stress.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lockbench.stress.checker.linear.LinearizabilityChecker;
import org.junit.jupiter.api.Test;

class CheckerCatalogTest {

    @Test
    void theLinearizabilityModelsAreRegistered() {
        assertThat(CheckerCatalog.models()).contains("cas-register", "register", "versioned");
        assertThat(CheckerCatalog.checker("versioned")).isInstanceOf(LinearizabilityChecker.class);
        assertThat(((LinearizabilityChecker) CheckerCatalog.checker("register")).model().name()).isEqualTo("register");
    }

    @Test
    void anUnknownModel_isAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> CheckerCatalog.checker("queue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no checker is registered for model 'queue'; known models: cas-register, register, versioned");
    }
}
