package io.github.removebgsuite.common.request;

import io.github.removebgsuite.common.error.InvalidParameterException;

/** Runs a call that must be refused and hands back the refusal, for assertions on its parameter and text. */
final class Refusals {

    private Refusals() {
    }

    static InvalidParameterException refusal(Runnable call) {
        try {
            call.run();
        } catch (InvalidParameterException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidParameterException");
    }
}
