package dev.evals4j.report.allure;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * Writes attachments into Allure's results, named by the attachment file convention Allure's own
 * {@code addAttachment} uses ({@code <uuid>-attachment.<extension>}), for the caller to add to a result,
 * step or fixture. Stateless.
 */
final class Attachments {

    /** The media type of JSON attachments. */
    static final String JSON = "application/json";
    /** The media type of PNG attachments. */
    static final String PNG = "image/png";

    private Attachments() {}

    /** Writes {@code json} (UTF-8) through {@code lifecycle}'s writer; returns the attachment that refers to it. */
    static Attachment json(AllureLifecycle lifecycle, String name, byte[] json) {
        return write(lifecycle, name, JSON, "json", json);
    }

    /** Writes the PNG image {@code png} through {@code lifecycle}'s writer; returns the attachment that refers to it. */
    static Attachment png(AllureLifecycle lifecycle, String name, byte[] png) {
        return write(lifecycle, name, PNG, "png", png);
    }

    private static Attachment write(AllureLifecycle lifecycle, String name, String type, String extension,
            byte[] content) {
        String source = UUID.randomUUID() + "-attachment." + extension;
        lifecycle.writeAttachment(source, new ByteArrayInputStream(content));
        return new Attachment().setName(name).setType(type).setSource(source);
    }
}
