package io.lockbench.impl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VariantCatalogTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void eachStrategy_hasExactlyOneCorrectVariantAndAtLeastOneBrokenTwin(Strategy strategy) {
        assertThat(Variant.of(strategy)).filteredOn(v -> !v.isBroken()).hasSize(1);
        assertThat(Variant.of(strategy)).filteredOn(Variant::isBroken).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void eachVariant_implementsItsStrategysApi(Variant variant) {
        assertThat(variant.strategy().api()).isAssignableFrom(variant.implementation());
    }

    @Test
    void everyExpectedAnomaly_isDeclaredBySomeBrokenVariant() {
        assertThat(Arrays.stream(Variant.values()).flatMap(v -> v.expectedAnomaly().stream()))
                .containsExactlyInAnyOrder(ExpectedAnomaly.values());
    }

    @Test
    void variantNames_parseAsTheCommandLineSpellsThem_andUnknownOnesListTheValidOnes() {
        assertThat(Variant.parse("verify-after-write")).isEqualTo(Variant.VERIFY_AFTER_WRITE);
        assertThatThrownBy(() -> Variant.parse("nope")).hasMessageContaining("valid: optimistic, verify-after-write");
    }
}
