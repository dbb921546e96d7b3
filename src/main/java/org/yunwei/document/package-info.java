/**
 * The policy and document library (制度与文档库): the 制度, 准则 and templates the standards ask an O&amp;M organisation
 * to keep — 服务台管理制度, 知识库管理制度, 配置管理制度, 发布管理制度, 安全管理实施制度, 行为管理准则, 机房管理准则,
 * 岗位备份制度, 岗位职责说明书, 保密协议 and others — in categories, each document with its owner, the parties and units
 * it applies to, its effective and review dates and its versions (an uploaded PDF, Word or Excel file, or rich text).
 * A new version takes effect only once the approval policy of its category grants it; older versions stay readable.
 * A published version may ask named people, the holders of a role or the members of a unit to confirm having read it
 * (阅知确认). Posts (岗位) point at their responsibility statement here; the link lives in this module so that
 * identity needs nothing of it. The current approved documents are evidence for the key assessment items of their
 * categories (4.4.2, 5.3.2, 6.1.2a, 6.2.2a, 7.4.2a, 7.6.2a, 7.7.2d).
 * <p>
 * Depends on {@code identity} for who is asking, their scope, people, units, parties and posts; on {@code audit} to
 * record every write (and every download of an internal file) in the same transaction; on {@code web} for refusals,
 * uploads and downloads; on {@code notification} for reminders; on {@code compliance} to give evidence; and on
 * {@code approval} to have each new version approved under its category's policy before it takes effect (it asks
 * with the version's content hash and listens for the decision; approval knows nothing of documents). Other
 * modules show the documents that govern them by including this module's page fragment, and the home page reads a
 * person's documents to read through {@link org.yunwei.document.PolicyDocuments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
		allowedDependencies = { "identity", "audit", "web", "notification", "compliance", "approval" })
package org.yunwei.document;
