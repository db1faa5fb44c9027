package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The silence check itself: it must fail a test that prints and pass one that does not. */
class SilentTestsTest {

    private static ExtensionContext context() {
        return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(
                SilentTestsTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> method.getName().equals("getDisplayName") ? "probe" : null);
    }

    @Test
    void afterEachFailsWhenSomethingWasPrinted() {
        SilentTests silent = new SilentTests();
        silent.beforeEach(context());
        System.out.print("noise");
        assertThatThrownBy(() -> silent.afterEach(context()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("probe printed").hasMessageContaining("noise");
    }

    @Test
    void afterEachPassesWhenNothingWasPrinted() {
        SilentTests silent = new SilentTests();
        silent.beforeEach(context());
        assertThatCode(() -> silent.afterEach(context())).doesNotThrowAnyException();
    }
}
