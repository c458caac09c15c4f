package de.ratsweg.migration;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.ratsweg.record.DecisionEntries;
import de.ratsweg.record.DecisionEntry;
import de.ratsweg.record.ProjectHistory;

/**
 * What moving a project to a newer version adds to its decision record: "auf Version N
 * umgestellt", by the administrator who moved it, at the time the engine moved it.
 */
@Component
@Order(DecisionEntries.VERSION_CHANGES)
class VersionChangeEntries implements DecisionEntries {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public List<DecisionEntry> of(ProjectHistory history) {
		List<DecisionEntry> entries = new ArrayList<>();
		// The called processes take the variable along and hand it back: one entry per
		// move.
		Set<Object> seen = new HashSet<>();
		for (HistoricVariableUpdate update : history.updates(history.root(), ProjectMigration.VERSION_CHANGE)) {
			Map<String, Object> change = read(update.getValue());
			if (change.isEmpty() || !seen.add(update.getValue())) {
				continue;
			}
			String userId = (String) change.get("userId");
			OffsetDateTime time = ProjectHistory.time(update.getTime());
			entries.add(DecisionEntry.at(time, history.root().getTenantId())
				.by(userId, (userId != null) ? history.nameOf(userId) : String.valueOf(change.get("userName")))
				.role("Administration")
				.step("Ablauf umgestellt")
				.outcome("auf Version " + change.get("version") + " umgestellt")
				.text("„" + change.get("process") + "“ von Version " + change.get("fromVersion") + " auf Version "
						+ change.get("version")));
		}
		return entries;
	}

	private static Map<String, Object> read(Object value) {
		if (!(value instanceof String text)) {
			return Map.of();
		}
		try {
			return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			return Map.of();
		}
	}

}
