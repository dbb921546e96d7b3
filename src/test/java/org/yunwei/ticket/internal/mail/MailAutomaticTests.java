package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** Which mail a program sent by itself, so that the intake neither files nor answers it (issue 23). */
class MailAutomaticTests {

	private static MimeMessage mail(String headers) throws MessagingException {
		String raw = headers + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nx\n";
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aPersonsMailIsNoneEvenWhenItsSubjectTalksAboutAutomaticReplies() throws Exception {
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: 自动回复功能无法设置"))).isEqualTo(MailAutomatic.NONE);
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: Out of office laptops\nAuto-Submitted: no")))
			.isEqualTo(MailAutomatic.NONE);
	}

	@Test
	void outOfOfficeRepliesAreRecognisedByHeadersAndBySubject() throws Exception {
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: hi\nAuto-Submitted: auto-replied")))
			.isEqualTo(MailAutomatic.REPLY);
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: hi\nX-MS-Exchange-Generated-Message-Source: OOF")))
			.isEqualTo(MailAutomatic.REPLY);
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: =?UTF-8?B?6Ieq5Yqo5Zue5aSNOiDlt6XljZU=?=")))
			.isEqualTo(MailAutomatic.REPLY);
		assertThat(MailAutomatic.of(mail("From: li@example.cn\nSubject: Automatic reply: ticket")))
			.isEqualTo(MailAutomatic.REPLY);
	}

	@Test
	void bouncesAreRecognisedByTheirReportTypeOrTheirSenderAndSubject() throws Exception {
		assertThat(MailAutomatic.of(mail("From: x@example.cn\nSubject: r\nContent-Type: multipart/report; "
				+ "report-type=delivery-status; boundary=b"))).isEqualTo(MailAutomatic.BOUNCE);
		assertThat(MailAutomatic.of(mail("From: MAILER-DAEMON@mail.example.cn\nSubject: Undeliverable: 工单")))
			.isEqualTo(MailAutomatic.BOUNCE);
		assertThat(MailAutomatic.of(mail("Return-Path: <>\nFrom: 系统管理员 <admin@example.cn>\nSubject: 系统退信")))
			.isEqualTo(MailAutomatic.BOUNCE);
		assertThat(MailAutomatic.of(mail("From: a@example.cn\nSubject: x\nX-Failed-Recipients: b@example.cn")))
			.isEqualTo(MailAutomatic.BOUNCE);
	}

	@Test
	void mailToAListIsBulkAndNotAcknowledged() throws Exception {
		assertThat(MailAutomatic.bulk(mail("From: a@example.cn\nSubject: x\nList-Id: <ops.example.cn>"))).isTrue();
		assertThat(MailAutomatic.bulk(mail("From: a@example.cn\nSubject: x\nPrecedence: bulk"))).isTrue();
		assertThat(MailAutomatic.bulk(mail("From: a@example.cn\nSubject: x"))).isFalse();
	}
}
