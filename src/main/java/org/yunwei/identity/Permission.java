package org.yunwei.identity;

/**
 * What a role may let a person do. Each is also a Spring Security authority of the same name.
 */
public enum Permission {
	PARTY_MANAGE, USER_MANAGE, USER_READ, USER_UNLOCK, POST_MANAGE, ROLE_MANAGE, ROLE_ASSIGN,
	AUDIT_READ, AUDIT_EXPORT, AUDIT_VERIFY;

	/**
	 * Reading the audit trail belongs to the audit administrator and supervision alone (三员分立): no other role may
	 * be given it.
	 */
	public boolean reservedForBuiltInRoles() {
		return this == AUDIT_READ || this == AUDIT_EXPORT;
	}
}
