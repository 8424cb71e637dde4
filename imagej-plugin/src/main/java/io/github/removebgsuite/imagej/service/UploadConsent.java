package io.github.removebgsuite.imagej.service;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.scijava.log.LogService;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

/**
 * The first-use notice that images leave the computer. In the Fiji user interface it asks once (OK/Cancel) and
 * remembers the answer; headless, where nobody can answer, running the command is the consent, and the notice is
 * written to the log once per session so a cluster job's log still says where the images went.
 */
public final class UploadConsent {

    private static final AtomicBoolean HEADLESS_NOTICE_SHOWN = new AtomicBoolean();

    private UploadConsent() {
    }

    /** The notice, naming the server the images go to. */
    public static String notice(String baseUrl) {
        return "remove.bg runs in the cloud: every image you process with these commands is uploaded to "
                + host(baseUrl) + " and the result is downloaded; each image is "
                + "charged to your remove.bg account. What is sent: for the active image, its pixels as displayed "
                + "(PNG) and its title as the file name; for a folder, each file as it is, with its name and the "
                + "metadata inside it (EXIF camera and GPS data, comments). Tick 'Strip identifying metadata' to "
                + "send a neutral name (image) or metadata-free copies. Do not upload images you may not share.";
    }

    /**
     * Obtains consent to upload.
     *
     * @return true when the upload may proceed
     */
    public static boolean obtain(RemoveBgService service, UIService ui, LogService log) {
        boolean interactive = ui != null && !ui.isHeadless() && ui.isVisible();
        return obtain(service, interactive, question -> {
            DialogPrompt.Result answer = ui.showDialog(question, "remove.bg: upload images?",
                    DialogPrompt.MessageType.QUESTION_MESSAGE, DialogPrompt.OptionType.OK_CANCEL_OPTION);
            return answer == DialogPrompt.Result.OK_OPTION || answer == DialogPrompt.Result.YES_OPTION;
        }, log);
    }

    /**
     * The decision itself, with the question behind a function so it can be answered without a screen.
     *
     * @param interactive whether someone can answer a dialog
     * @param ask shows the question and returns whether the user agreed
     */
    static boolean obtain(RemoveBgService service, boolean interactive, Predicate<String> ask, LogService log) {
        if (service.uploadConsentGiven()) {
            return true;
        }
        String notice = notice(service.baseUrl());
        if (!interactive) {
            if (HEADLESS_NOTICE_SHOWN.compareAndSet(false, true) && log != null) {
                log.info(notice);
            }
            return true;
        }
        if (ask.test(notice + "\n\nContinue?")) {
            service.recordUploadConsent();
            return true;
        }
        return false;
    }

    /** Lets the next headless run show the notice again (for tests). */
    static void resetHeadlessNotice() {
        HEADLESS_NOTICE_SHOWN.set(false);
    }

    private static String host(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? baseUrl : host;
        } catch (IllegalArgumentException e) {
            return baseUrl;
        }
    }
}
