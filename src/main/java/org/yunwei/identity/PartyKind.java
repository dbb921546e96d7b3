package org.yunwei.identity;

/**
 * The four parties of DB4401/T 294.1 §3.8–3.11. What a person may see depends first on the kind of their party.
 */
public enum PartyKind {
	/** 管理方: the city bureau; sees everything. */
	MANAGEMENT,
	/** 使用方: a government department; sees its own organisation subtree. */
	CUSTOMER,
	/** 监理方: audits the whole process; sees everything, changes nothing. */
	SUPERVISION,
	/** 服务方: an O&M provider; sees the records of its own party. */
	PROVIDER
}
