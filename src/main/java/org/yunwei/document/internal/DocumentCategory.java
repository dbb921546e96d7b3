package org.yunwei.document.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A category of documents (服务台管理制度, 岗位职责说明书 …). A built-in category carries a code and is named by the
 * bundles ({@code document.category.<code>}) until management renames it; one an administrator adds carries the name
 * typed. A retired category keeps its documents but takes no new ones.
 *
 * @param items the key assessment items a current document of the category evidences, e.g. {@code 6.1.2a}
 * @param approvalPolicyId the approval policy its new versions go through; {@code null}: the installation's default
 */
public record DocumentCategory(long id, String code, String name, List<String> items, Long approvalPolicyId,
		boolean builtIn, boolean retired) {

	public DocumentCategory {
		items = List.copyOf(items);
	}

	/** The category's name in the reader's language. */
	public String label(MessageSource messages, Locale locale) {
		return name != null || code == null ? name : messages.getMessage("document.category." + code, null, code, locale);
	}
}
