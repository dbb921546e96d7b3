package org.yunwei.compliance.internal;

/**
 * One key assessment item (关键考核项) of the Hunan standard, as {@code compliance/assessment-items.tsv} lists it.
 *
 * @param clause e.g. {@code 6.1.2}
 * @param item e.g. {@code e} or {@code a.1}
 * @param requirement the item's own words, e.g. 回访报告
 * @param clauseTitle the title of the clause it belongs to, e.g. 服务台
 */
record AssessmentItem(String clause, String item, String requirement, String clauseTitle) {

	/** Clause and item joined: {@code 6.1.2e}, {@code 5.6.2a.1}. */
	String id() {
		return clause + item;
	}

	/** The chapter of the standard, 4 to 10: the clause's first number. */
	int chapter() {
		return Integer.parseInt(clause.substring(0, clause.indexOf('.')));
	}

	/** The clause's numbers, for ordering 9.4.2 before 10.1.2. */
	int[] clauseNumbers() {
		return java.util.Arrays.stream(clause.split("\\.")).mapToInt(Integer::parseInt).toArray();
	}
}
