package de.ratsweg.record;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;

import de.ratsweg.kernel.Dates;
import de.ratsweg.kernel.RatswegGroups;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * What the engine's history holds about one project, read at once: the project's instance
 * and every instance it called, their variables, what each step set, who completed which
 * task and the activities that ran. Read without a user's authentication: the caller has
 * checked before that the user may see this project.
 *
 * <p>
 * Public for the process packages: each reads its own process's part of it (see
 * {@link DecisionEntries}).
 */
public final class ProjectHistory {

	/**
	 * The task variable substitution keeps (see
	 * {@code substitution/SubstitutionListener}).
	 */
	private static final String COMPLETED_ON_BEHALF_OF = "completedOnBehalfOf";

	/**
	 * How far apart a kept record's time and its task's end may be to belong together.
	 */
	private static final Duration SAME_STEP = Duration.ofMinutes(1);

	private final HistoryService history;

	private final IdentityService identity;

	private final Municipalities municipalities;

	private final HistoricProcessInstance root;

	private final List<HistoricProcessInstance> instances;

	/** Per process instance: its variables as they were at the end (or are now). */
	private final Map<String, Map<String, Object>> finalValues = new HashMap<>();

	/** Per process instance: the variables it started with. */
	private final Map<String, Map<String, Object>> initialValues = new HashMap<>();

	/** Per activity instance (a task, a service task): what was set while it ran. */
	private final Map<String, Map<String, Object>> setInActivity = new HashMap<>();

	/** Per process instance: every update of its own variables, oldest first. */
	private final Map<String, List<HistoricVariableUpdate>> updates = new HashMap<>();

	private final Map<String, String> onBehalfOf = new HashMap<>();

	private final List<HistoricTaskInstance> completedTasks;

	private final Map<String, String> completedBy = new HashMap<>();

	private final Map<String, List<HistoricActivityInstance>> activities = new HashMap<>();

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, Set<String>> groups = new HashMap<>();

	private ProjectHistory(ProcessEngine engine, Municipalities municipalities, HistoricProcessInstance root) {
		this.history = engine.getHistoryService();
		this.identity = engine.getIdentityService();
		this.municipalities = municipalities;
		this.root = root;
		this.instances = new ArrayList<>(this.history.createHistoricProcessInstanceQuery()
			.rootProcessInstanceId(root.getId())
			.orderByProcessInstanceStartTime()
			.asc()
			.list());
		if (this.instances.stream().noneMatch((instance) -> instance.getId().equals(root.getId()))) {
			this.instances.add(0, root);
		}
		String[] ids = this.instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
		readVariables(ids);
		readUpdates(ids);
		this.completedTasks = this.history.createHistoricTaskInstanceQuery()
			.rootProcessInstanceId(root.getId())
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list()
			.stream()
			.filter((task) -> "completed".equals(task.getDeleteReason()))
			.toList();
		for (HistoricProcessInstance instance : this.instances) {
			readCompletions(instance.getId());
			this.activities.put(instance.getId(),
					this.history.createHistoricActivityInstanceQuery()
						.processInstanceId(instance.getId())
						.finished()
						.orderPartiallyByOccurrence()
						.asc()
						.list());
		}
	}

	static ProjectHistory read(ProcessEngine engine, Municipalities municipalities, HistoricProcessInstance root) {
		return new ProjectHistory(engine, municipalities, root);
	}

	private void readVariables(String[] instanceIds) {
		for (HistoricVariableInstance variable : this.history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(instanceIds)
			.list()) {
			if (variable.getTaskId() != null) {
				if (COMPLETED_ON_BEHALF_OF.equals(variable.getName()) && variable.getValue() != null) {
					this.onBehalfOf.put(variable.getTaskId(), String.valueOf(variable.getValue()));
				}
			}
			else if (Objects.equals(variable.getActivityInstanceId(), variable.getProcessInstanceId())) {
				this.finalValues.computeIfAbsent(variable.getProcessInstanceId(), (id) -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
			}
		}
	}

	private void readUpdates(String[] instanceIds) {
		for (HistoricDetail detail : this.history.createHistoricDetailQuery()
			.variableUpdates()
			.processInstanceIdIn(instanceIds)
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			if (detail instanceof HistoricVariableUpdate update) {
				if (update.getTaskId() == null) {
					this.updates.computeIfAbsent(update.getProcessInstanceId(), (id) -> new ArrayList<>()).add(update);
				}
				if (update.getActivityInstanceId() != null) {
					this.setInActivity.computeIfAbsent(update.getActivityInstanceId(), (id) -> new HashMap<>())
						.put(update.getVariableName(), update.getValue());
				}
				if (update.isInitial()) {
					this.initialValues.computeIfAbsent(update.getProcessInstanceId(), (id) -> new HashMap<>())
						.putIfAbsent(update.getVariableName(), update.getValue());
				}
			}
		}
	}

	private void readCompletions(String instanceId) {
		for (UserOperationLogEntry entry : this.history.createUserOperationLogQuery()
			.processInstanceId(instanceId)
			.entityType(EntityTypes.TASK)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()) {
			if (entry.getTaskId() != null && entry.getUserId() != null) {
				this.completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
			}
		}
	}

	public HistoricProcessInstance root() {
		return this.root;
	}

	/** The instances of a process, in the order they started. */
	public List<HistoricProcessInstance> instancesOf(String processKey) {
		return this.instances.stream()
			.filter((instance) -> processKey.equals(instance.getProcessDefinitionKey()))
			.toList();
	}

	/** A variable of the instance as it was at its end (or is now). */
	public Object value(HistoricProcessInstance instance, String name) {
		return this.finalValues.getOrDefault(instance.getId(), Map.of()).get(name);
	}

	/**
	 * Every value an instance's variable was given, oldest first (with full history;
	 * empty otherwise).
	 */
	public List<HistoricVariableUpdate> updates(HistoricProcessInstance instance, String name) {
		return this.updates.getOrDefault(instance.getId(), List.of())
			.stream()
			.filter((update) -> name.equals(update.getVariableName()))
			.toList();
	}

	/** A variable as the instance started with it, else as it is now. */
	public Object initialValue(HistoricProcessInstance instance, String name) {
		Map<String, Object> initial = this.initialValues.getOrDefault(instance.getId(), Map.of());
		return initial.containsKey(name) ? initial.get(name) : value(instance, name);
	}

	/**
	 * A list of records the instance kept ({@code ProcessRecords.keepTaskInput}).
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> records(HistoricProcessInstance instance, String name) {
		List<Map<String, Object>> records = new ArrayList<>();
		if (value(instance, name) instanceof List<?> list) {
			for (Object entry : list) {
				if (entry instanceof Map<?, ?> map) {
					records.add((Map<String, Object>) map);
				}
			}
		}
		return records;
	}

	/** The completed tasks of the instance with that key, in the order they ended. */
	public List<HistoricTaskInstance> tasks(HistoricProcessInstance instance, String taskKey) {
		return this.completedTasks.stream()
			.filter((task) -> instance.getId().equals(task.getProcessInstanceId()))
			.filter((task) -> taskKey.equals(task.getTaskDefinitionKey()))
			.toList();
	}

	/**
	 * What the task set (its form, its listeners). Without a record of single updates
	 * (history below "full"), the instance's last value.
	 */
	public Object submitted(HistoricTaskInstance task, String name) {
		return setIn(task.getActivityInstanceId(), task.getProcessInstanceId(), name);
	}

	/** What was set while the activity ran, as {@link #submitted}. */
	public Object setIn(HistoricActivityInstance activity, String name) {
		return setIn(activity.getId(), activity.getProcessInstanceId(), name);
	}

	private Object setIn(String activityInstanceId, String processInstanceId, String name) {
		Map<String, Object> set = this.setInActivity.get(activityInstanceId);
		if (set != null) {
			return set.get(name);
		}
		return this.finalValues.getOrDefault(processInstanceId, Map.of()).get(name);
	}

	/** The activities with that id that ended in the instance, in the order they ran. */
	public List<HistoricActivityInstance> activities(HistoricProcessInstance instance, String activityId) {
		return this.activities.getOrDefault(instance.getId(), List.of())
			.stream()
			.filter((activity) -> activityId.equals(activity.getActivityId()) && !activity.isCanceled())
			.toList();
	}

	/**
	 * Who completed the task: the user of the engine's operation log, else its assignee.
	 */
	public String completedBy(HistoricTaskInstance task) {
		return this.completedBy.getOrDefault(task.getId(), task.getAssignee());
	}

	/** For whom the user completed the task as substitute; null when not. */
	public String onBehalfOf(HistoricTaskInstance task) {
		return this.onBehalfOf.get(task.getId());
	}

	/**
	 * The completed task a kept record came from: same key and user, ended at about the
	 * record's time.
	 */
	public Optional<HistoricTaskInstance> taskOf(HistoricProcessInstance instance, String user, OffsetDateTime time,
			String... taskKeys) {
		if (time == null) {
			return Optional.empty();
		}
		return Stream.of(taskKeys)
			.flatMap((taskKey) -> tasks(instance, taskKey).stream())
			.filter((task) -> user == null || user.equals(completedBy(task)))
			.filter((task) -> distance(task, time).compareTo(SAME_STEP) <= 0)
			.min(Comparator.comparing((task) -> distance(task, time)));
	}

	private static Duration distance(HistoricTaskInstance task, OffsetDateTime time) {
		return Duration.between(task.getEndTime().toInstant(), time.toInstant()).abs();
	}

	/** The German name of the group in which the user completed the task. */
	public String roleOf(HistoricTaskInstance task, String userId) {
		List<String> candidates = new ArrayList<>(new LinkedHashSet<>(this.history.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.CANDIDATE)
			.list()
			.stream()
			.map(HistoricIdentityLinkLog::getGroupId)
			.filter(Objects::nonNull)
			.toList()));
		Set<String> own = groupsOf(userId);
		return candidates.stream()
			.filter(own::contains)
			.findFirst()
			.or(() -> candidates.stream().findFirst())
			// without a log of the task's candidates (history below "full"): the user's
			// role
			.or(() -> own.stream().filter(RatswegGroups.WORK_GROUPS::containsKey).findFirst())
			.map(RatswegGroups::nameOf)
			.orElse(null);
	}

	/** The user's full name; "Andrea Kaiser in Vertretung für Thomas Schulz". */
	public String actorName(String userId, String onBehalfOfUserId) {
		if (userId == null) {
			return null;
		}
		String name = nameOf(userId);
		return (onBehalfOfUserId != null) ? name + " in Vertretung für " + nameOf(onBehalfOfUserId) : name;
	}

	public String nameOf(String userId) {
		return this.names.computeIfAbsent(userId, (id) -> UserDirectory.fullName(this.identity, id));
	}

	private Set<String> groupsOf(String userId) {
		if (userId == null) {
			return Set.of();
		}
		return this.groups.computeIfAbsent(userId, (id) -> new LinkedHashSet<>(
				this.identity.createGroupQuery().groupMember(id).unlimitedList().stream().map(Group::getId).toList()));
	}

	/**
	 * An entry for what a person's step kept in the process (a statement, a vote, a
	 * session typed in): at the time kept, by that person, in substitution for whom the
	 * task of that step (one of the task keys, at that time) was done.
	 * @param keptTime the time the record holds (ISO 8601), or null: the instance's end
	 */
	public DecisionEntry byKept(HistoricProcessInstance instance, String userId, String keptTime, String... taskKeys) {
		OffsetDateTime time = keptTime(keptTime, instance);
		Optional<HistoricTaskInstance> task = taskOf(instance, userId, time, taskKeys);
		return DecisionEntry.at(time, instance.getTenantId())
			.by(userId, actorName(userId, task.map(this::onBehalfOf).orElse(null)));
	}

	/**
	 * An entry for a task a person completed: when it ended, who completed it (in
	 * substitution for whom) and in which role.
	 */
	public DecisionEntry byTask(HistoricTaskInstance task) {
		String actor = completedBy(task);
		return DecisionEntry.at(time(task.getEndTime()), task.getTenantId())
			.by(actor, actorName(actor, onBehalfOf(task)))
			.role(roleOf(task, actor));
	}

	/**
	 * An entry for a step Ratsweg took by itself (a decision table, the vote count, a
	 * deadline), when the activity ended.
	 */
	public DecisionEntry automatic(HistoricActivityInstance activity, DecisionEntry.Rank rank) {
		return DecisionEntry.at(time(activity.getEndTime()), activity.getTenantId())
			.by(null, DecisionEntry.RATSWEG)
			.rank(rank);
	}

	/**
	 * The time a kept record carries (ISO 8601 with offset); else when its instance ended
	 * or started.
	 */
	public static OffsetDateTime keptTime(String value, HistoricProcessInstance instance) {
		if (value != null && !value.isBlank()) {
			try {
				return OffsetDateTime.parse(value);
			}
			catch (DateTimeParseException ex) {
				// fall through to the instance's times
			}
		}
		return time((instance.getEndTime() != null) ? instance.getEndTime() : instance.getStartTime());
	}

	/**
	 * The name of the municipality ("Stadt Soest"), or null for a project without one.
	 */
	String municipality(String tenantId) {
		return (tenantId != null) ? this.municipalities.nameOf(tenantId) : null;
	}

	public static OffsetDateTime time(Date date) {
		return (date != null) ? date.toInstant().atZone(Dates.ZONE).toOffsetDateTime() : null;
	}

}
