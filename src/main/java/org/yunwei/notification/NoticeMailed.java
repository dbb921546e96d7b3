package org.yunwei.notification;

/**
 * An e-mail of a {@link Notice} was sent, with the Message-ID it went out with: published in the transaction that
 * records it as sent, so that the module whose notice it was can keep the Message-ID and recognise an answer to it
 * by its {@code In-Reply-To}/{@code References} even when the subject was edited.
 *
 * @param messageId the Message-ID header with its angle brackets
 * @param topic the notice's topic, e.g. {@code ticket.assigned}
 * @param link the notice's link, e.g. {@code /tickets/42}, or {@code null}
 * @param recipient the address it went to
 */
public record NoticeMailed(String messageId, String topic, String link, String recipient) {
}
