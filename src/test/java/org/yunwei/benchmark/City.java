package org.yunwei.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The people of the generated city the load acts as, read from the generator's {@code --accounts-file}: agents with
 * their assignment groups, customers with their unit, managers, and the catalogue services. Fields the runner does
 * not use are ignored.
 */
record City(List<Agent> agents, List<Customer> customers, List<Manager> managers, List<Service> services) {

	record Agent(String username, String token, List<Long> groupIds, Long providerPartyId) {
	}

	/** @param serviceIds the services the customer's unit may order */
	record Customer(String username, String token, long orgUnitId, List<Long> serviceIds) {
	}

	record Manager(String username, String token) {
	}

	/** @param providerPartyId the party providing it; {@code null} when the accounts file does not say */
	record Service(long id, List<Long> orgUnitIds, Long providerPartyId) {
	}

	static City read(Path accountsFile) {
		JsonNode root;
		try {
			root = Api.JSON.readTree(Files.readString(accountsFile));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Agent> agents = new ArrayList<>();
		for (JsonNode a : root.path("agents")) {
			agents.add(new Agent(a.path("username").asString(), a.path("token").asString(), longs(a.path("groupIds")),
					a.hasNonNull("providerPartyId") ? a.get("providerPartyId").asLong() : null));
		}
		List<Customer> customers = new ArrayList<>();
		for (JsonNode c : root.path("customers")) {
			customers.add(new Customer(c.path("username").asString(), c.path("token").asString(),
					c.path("orgUnitId").asLong(), longs(c.path("serviceIds"))));
		}
		List<Manager> managers = new ArrayList<>();
		for (JsonNode m : root.path("managers")) {
			managers.add(new Manager(m.path("username").asString(), m.path("token").asString()));
		}
		List<Service> services = new ArrayList<>();
		for (JsonNode s : root.path("services")) {
			services.add(new Service(s.path("id").asLong(), longs(s.path("orgUnitIds")),
					s.hasNonNull("providerPartyId") ? s.get("providerPartyId").asLong() : null));
		}
		if (agents.isEmpty() || customers.isEmpty() || managers.isEmpty()) {
			throw new IllegalStateException(accountsFile + " names " + agents.size() + " agents, " + customers.size()
					+ " customers and " + managers.size() + " managers: the load needs some of each");
		}
		return new City(List.copyOf(agents), List.copyOf(customers), List.copyOf(managers), List.copyOf(services));
	}

	/** Where an agent records a ticket: a customer unit and a service that unit may order ({@code null}: none). */
	record Placement(long customerOrgUnitId, Long serviceId) {
	}

	/**
	 * The agents who may record tickets: those whose party provides a service some unit may order (an agent records
	 * tickets only for the units their party serves).
	 */
	List<Agent> recordingAgents() {
		List<Agent> serving = agents.stream().filter(agent -> !ownServices(agent).isEmpty()).toList();
		if (serving.isEmpty()) {
			throw new IllegalStateException("No agent's party provides a service that a unit may order");
		}
		return serving;
	}

	/** The {@code n}-th placement for one of the {@link #recordingAgents()}: a service of its party and a unit. */
	Placement placementFor(Agent agent, int n) {
		List<Service> own = ownServices(agent);
		Service service = own.get(Math.floorMod(n, own.size()));
		return new Placement(service.orgUnitIds().get(Math.floorMod(n / own.size(), service.orgUnitIds().size())),
				service.id());
	}

	private List<Service> ownServices(Agent agent) {
		return services.stream()
			.filter(s -> s.providerPartyId() != null && s.providerPartyId().equals(agent.providerPartyId()))
			.filter(s -> !s.orgUnitIds().isEmpty())
			.toList();
	}

	private static List<Long> longs(JsonNode array) {
		List<Long> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asLong()));
		return List.copyOf(values);
	}
}
