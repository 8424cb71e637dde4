package io.github.removebgsuite.imagej.service;

import io.github.removebgsuite.common.error.ApiConnectionException;
import io.github.removebgsuite.common.error.ApiException;
import io.github.removebgsuite.common.error.AuthenticationException;
import io.github.removebgsuite.common.error.InsufficientCreditsException;
import io.github.removebgsuite.common.error.InvalidParameterException;
import io.github.removebgsuite.common.error.RateLimitedException;
import io.github.removebgsuite.common.error.RemoveBgException;
import io.github.removebgsuite.common.error.ServerException;
import io.github.removebgsuite.common.error.UnexpectedResponseException;

/**
 * Turns a failure into the one sentence a Fiji user sees (in the command's cancel reason, the status bar and the
 * log): the core's own message, which names the parameter or the API's error, plus what to do about it in Fiji.
 * Every message passes through {@link ApiKey#redact(String)}, so a key cannot leak even if a lower layer quoted it.
 */
public final class FailureMessages {

    private FailureMessages() {
    }

    /**
     * The message for a failure.
     *
     * @param failure what went wrong
     * @param key the key in use, to redact (may be null)
     */
    public static String describe(Throwable failure, ApiKey key) {
        return key == null ? text(failure) : key.redact(text(failure));
    }

    /** The message for a missing key: where the plugin looked and how to give one. */
    public static String missingKey() {
        return "No remove.bg API key: give one in the api_key field, set the "
                + RemoveBgService.API_KEY_ENVIRONMENT_VARIABLE
                + " environment variable, or save one with Plugins > remove.bg > API Key...";
    }

    private static String text(Throwable failure) {
        String core = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof InvalidParameterException) {
            return core;
        }
        if (failure instanceof AuthenticationException) {
            return "remove.bg refused the API key (403): " + core + " Check the key (api_key, "
                    + RemoveBgService.API_KEY_ENVIRONMENT_VARIABLE + " or Plugins > remove.bg > API Key...).";
        }
        if (failure instanceof InsufficientCreditsException) {
            return "Not enough remove.bg credits (402): " + core
                    + " No credit was charged; Plugins > remove.bg > Account... shows the balance.";
        }
        if (failure instanceof RateLimitedException limited) {
            return "remove.bg rate limit reached (429): " + core + limited.retryAfter()
                    .map(wait -> " Try again in " + Math.max(1, wait.toSeconds()) + " s.").orElse(" Try again later.");
        }
        if (failure instanceof ServerException server) {
            return "remove.bg had a server error (" + server.status() + "): " + core + " Try again later.";
        }
        if (failure instanceof ApiException api) {
            return "remove.bg refused the request (" + api.status() + "): " + core;
        }
        if (failure instanceof ApiConnectionException) {
            return "Could not reach remove.bg: " + core;
        }
        if (failure instanceof UnexpectedResponseException) {
            return "remove.bg sent an unexpected answer: " + core;
        }
        if (failure instanceof RemoveBgException) {
            return core;
        }
        return "remove.bg failed: " + core;
    }
}
