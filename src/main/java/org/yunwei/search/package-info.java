/**
 * Global search (全局搜索): one box in the top bar, the page {@code /search?q=…} and {@code GET /api/v1/search}, over
 * everything searchable that exists, within the reader's scope, grouped by kind.
 * <p>
 * This module holds no records and no index of its own. Each module that owns searchable records registers them
 * through the small SPI of this package, as the service desk does for tickets:
 * <ol>
 * <li>implement {@link org.yunwei.search.SearchSource} as a Spring bean inside the owning module (for example in
 * {@code knowledge.internal.search}), with a kind of its own ({@code ticket}, {@code article}, {@code ci},
 * {@code change}, {@code problem});</li>
 * <li>answer {@link org.yunwei.search.SearchSource#search} from the module's own index (its Lucene index, or the
 * indexes its list uses), with at most {@link org.yunwei.search.SearchQuery#limit()} hits, and only records the reader
 * may see: the same permission and the same {@link org.yunwei.identity.DataScope} as the module's own list, never a
 * second rule;</li>
 * <li>optionally answer {@link org.yunwei.search.SearchSource#resolve} for an exact reference (a ticket number, a
 * change number), so that typing it opens the record at once;</li>
 * <li>optionally answer {@link org.yunwei.search.SearchSource#incomplete} while the module's index is being built, so
 * that the results say that kind's hits may be incomplete;</li>
 * <li>add the kind's label, {@code search.kind.<kind>}, to {@code i18n/search.properties} and
 * {@code search_en.properties};</li>
 * <li>place the source among the others with {@link org.springframework.core.annotation.Order} (groups are shown in
 * that order) and add {@code search} to the owning module's {@code allowedDependencies}.</li>
 * </ol>
 * {@link org.yunwei.search.GlobalSearch} asks every source, keeps the first hits of each kind up to a per-kind limit
 * and says whether a kind had more. A source that finds nothing, or whose records the reader may not see at all,
 * answers with an empty list and its kind is left out.
 * <p>
 * Depends on {@code identity} for who is asking and on {@code web} for refusals. Modules that contribute sources
 * depend on {@code search}; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search",
		allowedDependencies = { "identity", "web" })
package org.yunwei.search;
