package io.lockbench.stress.checker.linear;

import io.lockbench.stress.checker.CheckResult;
import io.lockbench.stress.history.History;

/** Shorthands for the tests: check a history against a model with the default budget. */
final class Verdicts {

    private Verdicts() {
    }

    static CheckResult casRegister(History h) {
        return new LinearizabilityChecker(new CasRegisterModel()).check(h);
    }

    static CheckResult register(History h) {
        return new LinearizabilityChecker(new RegisterModel()).check(h);
    }

    static CheckResult versioned(History h) {
        return new LinearizabilityChecker(new VersionedRegisterModel()).check(h);
    }
}
