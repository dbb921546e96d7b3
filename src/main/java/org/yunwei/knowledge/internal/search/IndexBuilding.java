package org.yunwei.knowledge.internal.search;

import java.util.Optional;

/**
 * An index being built while it is searched (at a first start, after a lost directory or an upgrade of its layout, or
 * on an administrator's request): searches answer from what it holds so far, which may be incomplete.
 *
 * @param done the documents the build has put so far
 * @param total the documents it is expected to put
 */
public record IndexBuilding(long done, long total) {

	/** The running build of this progress; empty when none runs. */
	static Optional<IndexBuilding> of(IndexRebuild.Progress progress) {
		return progress.running() ? Optional.of(new IndexBuilding(progress.done(), progress.total()))
				: Optional.empty();
	}
}
