package org.yunwei.knowledge.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * The files on an article's page: the authors attach (the refusal beside the file field, nothing stored) and remove
 * them; readers download them.
 */
@Controller
class ArticleAttachmentWebController {

	private final ArticleAttachments attachments;

	ArticleAttachmentWebController(ArticleAttachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping("/knowledge/{id:\\d+}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) Boolean internal, RedirectAttributes redirect) {
		try {
			attachments.attach(id, UploadedFile.of(file, ArticleAttachments.MAX_BYTES), Boolean.TRUE.equals(internal));
			redirect.addFlashAttribute("notice", "knowledge.attachment.added");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("attachmentProblem", refused.messageKey());
			redirect.addFlashAttribute("attachmentProblemArguments", refused.arguments());
			redirect.addFlashAttribute("attachmentFieldProblem", refused.fieldErrors().get("file"));
		}
		return "redirect:/knowledge/" + id + "#article-attachments";
	}

	@PostMapping("/knowledge/{id:\\d+}/attachments/{attachmentId:\\d+}/remove")
	String remove(@PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
		try {
			attachments.remove(id, attachmentId);
			redirect.addFlashAttribute("notice", "knowledge.attachment.removed");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/knowledge/" + id + "#article-attachments";
	}

	@GetMapping("/knowledge/{id:\\d+}/attachments/{attachmentId:\\d+}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
		return ArticleAttachmentApiController.send(attachments.download(id, attachmentId));
	}
}
