package org.yunwei.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the phone numbers a directory kept in plain text before it sealed them (identity V24): SQL cannot, the key
 * being outside the database, so this does it at start-up, in batches of {@value #BATCH} rows, each batch its own
 * transaction with the rows locked and skipped by a second instance doing the same. Idempotent: it takes only rows
 * whose plain column still holds a number, and empties that column as it seals.
 */
@Component
class DirectoryPhoneSealing {

	static final int BATCH = 500;
	private static final Logger log = LoggerFactory.getLogger(DirectoryPhoneSealing.class);

	private final JdbcClient jdbc;
	private final DirectoryPhones phones;
	private final TransactionTemplate transactions;

	DirectoryPhoneSealing(JdbcClient jdbc, DirectoryPhones phones, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.phones = phones;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		int sealed = sealPlainNumbers();
		if (sealed > 0) {
			log.info("Sealed {} phone numbers of the directory that were stored in plain text", sealed);
		}
	}

	/** @return how many numbers were sealed */
	int sealPlainNumbers() {
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> sealBatch());
			if (done == null || done == 0) {
				return total;
			}
			total += done;
		}
	}

	private int sealBatch() {
		List<Plain> rows = jdbc.sql("""
				select id, phone from app_user where phone is not null order by id limit ? for update skip locked""")
			.param(BATCH)
			.query((rs, n) -> new Plain(rs.getLong(1), rs.getString(2)))
			.list();
		for (Plain row : rows) {
			DirectoryPhones.SealedPhone sealed = phones.seal(row.phone(), row.id());
			jdbc.sql("update app_user set phone = null, phone_sealed = ?, phone_digest = ? where id = ?")
				.params(sealed.sealed(), sealed.digest(), row.id())
				.update();
		}
		return rows.size();
	}

	private record Plain(long id, String phone) {
	}
}
