/**
 * Release management (发布管理, Hunan 7.6): a release (发布) of a type — major, minor or emergency (重大/一般/紧急) — with
 * its scope (the application systems and other configuration items it reaches, picked from the CMDB), the changes it
 * delivers (picked from change management: approved or implemented ones only), its release plan with the planned
 * date and the known errors (已知错误) it goes out with (发布方案), its approval through the approval module (发布审批流程:
 * asked with the release's content hash; an edit after submission asks again and supersedes), the deployment record
 * (部署记录: who, when, the steps and their results) and the completion record (发布完成信息记录), on which the CMDB is
 * told the version each application system in scope now runs.
 * <p>
 * It owns the tables {@code release_record} and {@code release_number_counter}. Other modules see releases through
 * {@link org.yunwei.release.Releases} and hear of them through {@link org.yunwei.release.ReleaseApproved} and
 * {@link org.yunwei.release.ReleaseCompleted}.
 * <p>
 * Depends on {@code identity} for who is asking, their permissions and scope; on {@code cmdb} for the items in scope
 * and to record the versions a completed release deployed (its facade); on {@code change} for the changes a release
 * delivers (its facade; change management knows nothing of releases); on {@code approval} for the approval and its
 * decision events; on {@code audit} to record every write in the same transaction; on {@code web} for refusals,
 * field errors, keyset pages and forms; on {@code document} to know whether the 发布管理制度 is in force; and on
 * {@code compliance} to report its records as the evidence of 7.6.2a–d; and on {@code dataset} to add two years of
 * releases to the generated city.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Release management",
		allowedDependencies = { "identity", "cmdb", "change", "approval", "audit", "web", "compliance", "document",
				"dataset" })
package org.yunwei.release;
