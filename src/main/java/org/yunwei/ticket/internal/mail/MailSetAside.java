package org.yunwei.ticket.internal.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;

/**
 * Takes a message the intake will not file out of the way of the next poll: moved to a folder of its own (created
 * when missing) or, without one, marked read and flagged where it is. Either way no later poll reads it again, so one
 * bad message can never hold up the mail behind it. Moving is a copy and a deletion (plain IMAP4rev1, which every
 * server speaks), expunged when the poll closes the folder.
 */
final class MailSetAside {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailSetAside.class);

	private final Folder source;
	private boolean expunge;

	MailSetAside(Folder source) {
		this.source = source;
	}

	/**
	 * Moves the message to the folder, or flags it where it is.
	 *
	 * @param folderName {@code null} to flag it
	 * @return the folder it went to, or the empty string when it was flagged
	 */
	String setAside(Message message, String folderName) throws MessagingException {
		try {
			message.setFlag(Flags.Flag.SEEN, true);
			if (folderName != null) {
				try {
					source.copyMessages(new Message[] { message }, target(folderName));
					message.setFlag(Flags.Flag.DELETED, true);
					expunge = true;
					return folderName;
				}
				catch (FolderClosedException | StoreClosedException away) {
					throw away;
				}
				catch (MessagingException refused) {
					// a folder the account may not create: flagged where it is, read, it stops the poll no more
					log.warn("Mail intake: cannot move a message to {}: {}", folderName, refused.toString());
				}
			}
			message.setFlag(Flags.Flag.FLAGGED, true);
			return "";
		}
		catch (MessageRemovedException gone) {
			// deleted by someone else meanwhile: nothing left to set aside
			return "";
		}
	}

	/** Whether closing the folder must expunge: a message was copied away and marked deleted. */
	boolean expunge() {
		return expunge;
	}

	private Folder target(String folderName) throws MessagingException {
		char separator = source.getStore().getDefaultFolder().getSeparator();
		Folder target = source.getStore().getFolder(folderName.replace('/', separator));
		if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("cannot create the folder " + folderName);
		}
		return target;
	}
}
