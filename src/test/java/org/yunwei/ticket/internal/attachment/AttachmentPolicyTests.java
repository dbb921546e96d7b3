package org.yunwei.ticket.internal.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yunwei.ticket.internal.record.TicketSettings;

class AttachmentPolicyTests {

	private final AttachmentPolicy policy = new AttachmentPolicy(new TicketSettings(null, null, 64L,
			List.of("PNG", "txt"), null));

	@Test
	void acceptsAnAllowedTypeWithinTheLimitAndNamesItWithoutThePath() {
		assertThat(policy.refusal(new AttachmentUpload("C:\\tmp\\a.PNG", 20, AttachmentRequests.png()))).isEmpty();
		assertThat(AttachmentPolicy.cleanName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
		assertThat(policy.contentType("报告.txt")).isEqualTo("text/plain");
		assertThat(policy.contentType("x.unknown")).isEqualTo("application/octet-stream");
	}

	@Test
	void refusesWhatIsTooLargeMistypedDisguisedEmptyOrMissing() {
		assertThat(policy.refusal(new AttachmentUpload("big.txt", 65, null)).orElseThrow().status())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(policy.refusal(new AttachmentUpload("run.exe", 2, new byte[] { 'M', 'Z' })).orElseThrow().type())
			.isEqualTo("attachment-type");
		assertThat(policy.refusal(new AttachmentUpload("noextension", 2, new byte[] { 'h', 'i' }))).isPresent();
		assertThat(policy.refusal(new AttachmentUpload("page.png", 6,
				"<html>".getBytes(StandardCharsets.US_ASCII))).orElseThrow().fieldErrors()).containsKey("file");
		assertThat(policy.refusal(new AttachmentUpload("empty.txt", 0, new byte[0]))).isPresent();
		assertThat(policy.refusal(null).orElseThrow().fieldErrors().get("file")).isEqualTo("field.required");
	}
}
