package org.yunwei.compliance.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.identity.Staffing;

/**
 * The providers' staffing as evidence, read through {@link Staffing} ({@code identity} sits below this module and
 * cannot give evidence itself): the people and posts with holder and backup (5.3.2a 主要岗位的人员配置), the posts'
 * written responsibilities (5.3.2b 岗位职责说明书, partial: no signed document yet) and their backups (5.3.2c 岗位备份制度,
 * partial: no policy document or record of a backup acting yet). Staffing is a state, not a period's records: the
 * figures are those of now.
 */
@Component
class StaffingEvidence implements EvidenceSource {

	private static final int POSTS_SHOWN = 5;

	private final Staffing staffing;

	StaffingEvidence(Staffing staffing) {
		this.staffing = staffing;
	}

	@Override
	public Set<String> items() {
		return Set.of("5.3.2a", "5.3.2b", "5.3.2c");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		Staffing.Figures figures = staffing.ofProviders(request.providerPartyId());
		EvidenceLink posts = new EvidenceLink("evidence.link.posts", "/admin/posts");
		List<Evidence.EvidenceRecord> staffed = staffing.posts(request.providerPartyId(), POSTS_SHOWN).stream()
			.map(p -> new Evidence.EvidenceRecord(p.orgUnitName() + " · " + p.name() + " · "
					+ (p.holder() == null ? "—" : p.holder()) + " / " + (p.backup() == null ? "—" : p.backup()), null,
					null))
			.toList();

		Evidence staffingNow = Evidence.evidenced("5.3.2a", List.of(
				new Figure("evidence.staffing.people", figures.people(), null),
				new Figure("evidence.staffing.posts", figures.posts(), null),
				new Figure("evidence.staffing.held", figures.held(), null),
				new Figure("evidence.staffing.backed-up", figures.backedUp(), null)))
			.withRecords(staffed)
			.withLinks(List.of(posts, new EvidenceLink("evidence.link.users", "/admin/users")));
		if (figures.posts() == 0) {
			staffingNow = staffingNow.withGaps(List.of(Note.of("evidence.gap.no-post")));
		}
		else if (figures.held() < figures.posts()) {
			staffingNow = staffingNow.withGaps(List.of(Note.of("evidence.gap.vacant-post",
					figures.posts() - figures.held())));
		}

		Evidence duties = Evidence.partial("5.3.2b",
				List.of(Note.of("evidence.staffing.duties.present", figures.described(), figures.posts())),
				List.of(Note.of("evidence.staffing.duties.missing")))
			.withLinks(List.of(posts));

		Evidence backups = Evidence.partial("5.3.2c",
				List.of(Note.of("evidence.staffing.backup.present", figures.backedUp(), figures.posts())),
				List.of(Note.of("evidence.staffing.backup.missing")))
			.withLinks(List.of(posts));
		if (figures.backedUp() < figures.posts()) {
			backups = backups.withGaps(List.of(Note.of("evidence.gap.post-without-backup",
					figures.posts() - figures.backedUp())));
		}
		return List.of(staffingNow, duties, backups);
	}
}
