package org.yunwei.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.personnel.internal.StaffRecords;

/**
 * The staff records as other modules may see them: whether a person has one and what it says of their post, skills
 * and certificates. No personal data (phone, ID number) ever leaves the module through here; no scope is applied,
 * the caller decides whom it shows what.
 */
@Service
public class StaffRoster {

	private final StaffRecords records;

	StaffRoster(StaffRecords records) {
		this.records = records;
	}

	/** The staff record of a person of the identity module, if they have one; certificates valid on {@code on}. */
	@Transactional(readOnly = true)
	public Optional<StaffSummary> ofPerson(long userId, LocalDate on) {
		return records.summaryOf(userId, on);
	}

	/**
	 * A staff record without personal data.
	 *
	 * @param postId the post (岗位) of the identity module; {@code null} when none is named
	 * @param certificates the names of the certificates valid on {@code validOn} (no expiry, or not yet expired)
	 */
	public record StaffSummary(long id, long userId, long partyId, Long postId, LocalDate joinedOn, List<String> skills,
			List<String> xinchuangProducts, List<String> certificates, LocalDate validOn) {

		public StaffSummary {
			skills = List.copyOf(skills);
			xinchuangProducts = List.copyOf(xinchuangProducts);
			certificates = List.copyOf(certificates);
		}
	}
}
