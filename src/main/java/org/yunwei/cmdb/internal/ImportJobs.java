package org.yunwei.cmdb.internal;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.RejectedRequest;

/**
 * Imports in the background (long work shows progress and can be left running): the upload is taken at once — a file
 * that is not a workbook by its bytes, or no class, is refused there and then — and checked and imported on a thread
 * of its own, as the person who uploaded it (their scope and their name on the audit trail), telling its progress to
 * {@code ci_import_job} every few hundred rows. The person who started an import, and management, may follow it.
 */
@Service
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
	private static final int TELL_EVERY = 250;

	private final ItemImport imports;
	private final ImportJobRecords jobs;
	private final CiClasses classes;
	private final CmdbScope scope;
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	ImportJobs(ItemImport imports, ImportJobRecords jobs, CiClasses classes, CmdbScope scope) {
		this.imports = imports;
		this.jobs = jobs;
		this.classes = classes;
		this.scope = scope;
	}

	/** Starts an import and answers the job to follow. */
	public ImportJob start(Long classId, byte[] file, boolean validRowsOnly, Locale locale) {
		CmdbScope.View writer = scope.writer();
		if (classId == null) {
			throw RejectedRequest.invalidField("classId", "field.required");
		}
		classes.find(classId).filter(CiClass::enabled)
			.orElseThrow(() -> RejectedRequest.invalidField("classId", "field.value.unknown"));
		ItemImport.requireWorkbook(file);
		long id = jobs.start(classId, validRowsOnly, writer.actor());
		threads.execute(new DelegatingSecurityContextRunnable(() -> run(id, writer, classId, file, validRowsOnly,
				locale)));
		return jobs.find(id).orElseThrow();
	}

	/** The job, for the person who started it or management (404 for anyone else). */
	public ImportJob get(long id) {
		CmdbScope.View writer = scope.writer();
		return jobs.find(id)
			.filter(job -> writer.actor().partyKind() == PartyKind.MANAGEMENT
					|| Long.valueOf(writer.actor().userId()).equals(job.requestedById()))
			.orElseThrow(() -> RejectedRequest.notFound("import"));
	}

	private void run(long id, CmdbScope.View writer, long classId, byte[] file, boolean validRowsOnly,
			Locale locale) {
		try {
			ImportReport report = imports.importItems(writer, classId, file, validRowsOnly, locale,
					new ImportProgress() {

				@Override
				public void started(int rows) {
					jobs.progress(id, rows, 0);
				}

				@Override
				public void checked(int rows) {
					if (rows % TELL_EVERY == 0) {
						jobs.progress(id, null, rows);
					}
				}
			});
			// written once the import's transaction has committed: DONE means the items are there
			jobs.done(id, report);
		}
		catch (RejectedRequest refused) {
			jobs.failed(id, refused.messageKey());
		}
		catch (RuntimeException failed) {
			log.warn("Import {} failed", id, failed);
			jobs.failed(id, "cmdb.import.failed");
		}
	}

	@PreDestroy
	void stop() {
		threads.shutdownNow();
	}
}
