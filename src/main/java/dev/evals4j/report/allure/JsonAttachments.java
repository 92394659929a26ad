package dev.evals4j.report.allure;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * Writes JSON attachments into Allure's results, named by the attachment file convention Allure's own
 * {@code addAttachment} uses ({@code <uuid>-attachment.json}), for the caller to add to a result, step or
 * fixture. Stateless.
 */
final class JsonAttachments {

    /** The media type of the attachments. */
    static final String TYPE = "application/json";

    private JsonAttachments() {}

    /** Writes {@code json} (UTF-8) through {@code lifecycle}'s writer; returns the attachment that refers to it. */
    static Attachment write(AllureLifecycle lifecycle, String name, byte[] json) {
        String source = UUID.randomUUID() + "-attachment.json";
        lifecycle.writeAttachment(source, new ByteArrayInputStream(json));
        return new Attachment().setName(name).setType(TYPE).setSource(source);
    }
}
