package org.yunwei.change.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yunwei.approval.PolicyRulePages;

/** The pages of the change approval rules: the list with the form to add one, a rule's edit form, retirement. */
@Controller
@RequestMapping(ChangeApprovalRuleWebController.PATH)
class ChangeApprovalRuleWebController extends PolicyRulePages {

	static final String PATH = "/changes/approval-rules";

	ChangeApprovalRuleWebController(ChangeApprovalRules rules) {
		super(rules, new Page(PATH, "change.list.title", "/changes", "change.choose", false));
	}
}
