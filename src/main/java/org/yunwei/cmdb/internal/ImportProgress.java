package org.yunwei.cmdb.internal;

/** What an import tells while it runs: how many rows it holds, how many it has checked, and its report at the end. */
interface ImportProgress {

	/** Tells nothing: an import within the request. */
	ImportProgress NONE = new ImportProgress() {
	};

	default void started(int rows) {
	}

	default void checked(int rows) {
	}

	default void finished(ImportReport report) {
	}
}
