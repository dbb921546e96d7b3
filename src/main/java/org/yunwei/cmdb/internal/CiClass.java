package org.yunwei.cmdb.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A class of configuration items (服务器, 物理服务器, 应用系统…).
 *
 * @param parentId the class it inherits attributes from; {@code null} for a root class
 * @param path the ids from the root class down to this one, e.g. {@code /3/7/}
 * @param builtIn shipped with the product: may be extended, never deleted
 * @param reviewRequired edits of this class's items wait for the approval module (配置管理审核流程)
 * @param reviewInherited an ancestor class requires the review, which then holds for this class too
 * @param attributes every attribute an item of this class has: the inherited ones first (from the root down), then
 *        its own, each group by position
 */
public record CiClass(long id, String code, String name, String nameEn, Long parentId, String path,
		String description, boolean builtIn, boolean enabled, boolean reviewRequired, boolean reviewInherited,
		List<CiAttribute> attributes) {

	public CiClass {
		attributes = List.copyOf(attributes);
	}

	public String label(Locale locale) {
		return Labels.of(name, nameEn, locale);
	}

	/** The ids from the root class down to and including this one. */
	public List<Long> lineage() {
		return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
	}

	/** Whether this class is {@code classId} or one of its subclasses. */
	public boolean within(long classId) {
		return lineage().contains(classId);
	}

	/** Whether an edit of an item of this class waits for review before it applies. */
	public boolean changesReviewed() {
		return reviewRequired || reviewInherited;
	}

	/** The attributes this class defines itself, not those it inherits. */
	public List<CiAttribute> ownAttributes() {
		return attributes.stream().filter(a -> a.classId() == id).toList();
	}

	CiClass withAttributes(List<CiAttribute> all, boolean inherited) {
		return new CiClass(id, code, name, nameEn, parentId, path, description, builtIn, enabled, reviewRequired,
				inherited, all);
	}
}
