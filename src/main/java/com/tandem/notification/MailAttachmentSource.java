package com.tandem.notification;

import java.util.Optional;

/**
 * Makes the attachments of one kind when their mail is sent (the outbox keeps "kind:id", not the
 * bytes). A feature that attaches documents to its mails provides one as a bean.
 */
public interface MailAttachmentSource {

  /** The kind this source makes, the part before the colon of the outbox's reference. */
  String kind();

  /** The document of {@code id}, or empty when there is none (the mail then goes without it). */
  Optional<MailAttachment> make(String id);

  /** A file attached to a mail. */
  record MailAttachment(String fileName, String contentType, byte[] content) {}
}
