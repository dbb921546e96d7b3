package org.yunwei.approval;

/**
 * What is to be approved: a record of another module at one version.
 *
 * @param type a short lower-case word naming the kind of record, e.g. {@code "document-version"}, {@code "ci-change"}
 * @param id the record's id in its module
 * @param versionHash a content hash (hex SHA-256) of the subject as submitted — an approval holds only for that hash
 */
public record ApprovalSubject(String type, long id, String versionHash) {
}
