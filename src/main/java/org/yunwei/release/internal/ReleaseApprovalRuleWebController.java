package org.yunwei.release.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yunwei.approval.PolicyRulePages;

/**
 * The pages of the release approval rules: the list, naming the types that go to the default policy, with the form to
 * add one; a rule's edit form; retirement.
 */
@Controller
@RequestMapping(ReleaseApprovalRuleWebController.PATH)
class ReleaseApprovalRuleWebController extends PolicyRulePages {

	static final String PATH = "/releases/approval-rules";

	ReleaseApprovalRuleWebController(ReleaseApprovalRules rules) {
		super(rules, new Page(PATH, "release.list.title", "/releases", "release.choose", true));
	}
}
