package org.yunwei.document.internal;

/**
 * The checked content of a new version: a file (its stored name, the type its format is served as, its bytes) or
 * sanitised rich text, with the SHA-256 of what is kept.
 */
record VersionContent(String kind, String filename, String contentType, byte[] file, String body, String sha256) {

	static VersionContent file(String storedName, String contentType, byte[] bytes) {
		return new VersionContent("FILE", storedName, contentType, bytes, null, org.yunwei.web.UploadedFile.sha256(bytes));
	}

	static VersionContent text(String sanitisedHtml) {
		return new VersionContent("TEXT", null, null, null, sanitisedHtml,
				org.yunwei.web.UploadedFile.sha256(sanitisedHtml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}
}
