package org.yunwei.personnel.internal;

import java.time.Instant;

/**
 * A staff record as stored: the person it belongs to (placed by their party and unit for the data scope), its
 * content without the personal data, and the personal data only sealed.
 */
record StaffMember(long id, long userId, long partyId, long orgUnitId, StaffContent content, byte[] phoneSealed,
		byte[] idNumberSealed, Instant createdAt, Instant updatedAt) {
}
