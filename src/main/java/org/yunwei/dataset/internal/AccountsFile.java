package org.yunwei.dataset.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.dataset.DatasetAccount;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetService;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON file the benchmark runner reads (bench/README.md): base-data counts, and for each kind of person the
 * usernames and API tokens with what a valid ticket needs (groups and provider of an agent, unit and orderable
 * services of a customer), the services with the units that may order them, and the assignment groups.
 */
@Component
class AccountsFile {

	private final JsonMapper json;

	AccountsFile(JsonMapper json) {
		this.json = json;
	}

	void write(Path file, DatasetPlan plan, DatasetContext context) {
		List<DatasetAccount> accounts = context.has(DatasetContext.ACCOUNTS) ? context.get(DatasetContext.ACCOUNTS)
				: List.of();
		List<DatasetService> services = context.has(DatasetContext.SERVICES) ? context.get(DatasetContext.SERVICES)
				: List.of();
		Map<Long, List<Long>> groupsOfUser = context.has(DatasetContext.GROUPS_OF_USER)
				? context.get(DatasetContext.GROUPS_OF_USER) : Map.of();
		List<Map<String, Object>> agents = new ArrayList<>();
		List<Map<String, Object>> customers = new ArrayList<>();
		List<Map<String, Object>> managers = new ArrayList<>();
		for (DatasetAccount account : accounts) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("username", account.username());
			entry.put("token", account.token());
			entry.put("userId", account.userId());
			switch (account.role()) {
				case AGENT -> {
					entry.put("groupIds", groupsOfUser.getOrDefault(account.userId(), List.of()));
					entry.put("providerPartyId", account.partyId());
					entry.put("orgUnitId", account.orgUnitId());
					agents.add(entry);
				}
				case CUSTOMER -> {
					entry.put("orgUnitId", account.orgUnitId());
					entry.put("partyId", account.partyId());
					entry.put("serviceIds", services.stream()
						.filter(s -> s.orgUnitIds().contains(account.orgUnitId())).map(DatasetService::id).toList());
					customers.add(entry);
				}
				case MANAGER -> managers.add(entry);
			}
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("seed", plan.seed());
		content.put("tickets", plan.tickets());
		content.put("anchor", plan.anchor().toString());
		content.put("baseData", context.counts());
		content.put("agents", agents);
		content.put("customers", customers);
		content.put("managers", managers);
		content.put("services", services.stream().map(s -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", s.id());
			entry.put("orgUnitIds", s.orgUnitIds());
			entry.put("providerPartyId", s.providerPartyId());
			entry.put("serviceObject", s.serviceObject());
			return entry;
		}).toList());
		content.put("assignmentGroups", context.has(DatasetContext.GROUPS) ? context.get(DatasetContext.GROUPS)
				: List.of());
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(content));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the accounts file " + file, e);
		}
	}
}
