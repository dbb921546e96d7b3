/**
 * What every page and endpoint shares: how a refused request is described (RFC 9457 problem details in the API, a
 * friendly page or a message beside the field in the UI), the language of the UI, keyset pages; and what every
 * request is held to before a controller sees it: no control characters in any text ({@link
 * org.yunwei.web.ControlCharacters}), values that convert or are refused naming the field and the expected form,
 * forwarded headers believed only from the trusted proxies.
 * <p>
 * Depends on no other module, so that every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {})
package org.yunwei.web;
