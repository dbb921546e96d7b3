package org.yunwei.document.internal;

import java.util.List;

/** The key assessment items a category may evidence, in the standard's order, for the category form's choices. */
final class DocumentEvidenceItems {

	static final List<String> ALL = List.of("4.4.2a", "4.4.2c", "5.3.2b", "5.3.2c", "6.1.2a", "6.2.2a", "7.4.2a",
			"7.6.2a", "7.7.2d");

	private DocumentEvidenceItems() {
	}
}
