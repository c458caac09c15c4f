package de.ratsweg.migration;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * Moves running projects to the newest version of their process ("Laufende Vorhaben
 * umstellen"), with Camunda's migration API, which the Community Edition has without a
 * screen.
 *
 * <ul>
 * <li>The plan maps equal activities (same id) and the renamed ones the administrator
 * chose; the engine validates it, and its findings are shown in German.</li>
 * <li>Each selected project is tried first, with the processes it called, in a
 * transaction that is rolled back: a project waiting at a step the new version no longer
 * has, or one the engine refuses, is listed with the reason and left untouched.</li>
 * <li>The others move as Camunda batches, one per version pair, the called processes
 * (co-signing, board, committees, funding) to their version of the same deployment, as
 * their call activities bind to it.</li>
 * <li>Each moved project gets a decision record entry "auf Version N umgestellt" with who
 * and when: the plan sets {@value #VERSION_CHANGE} in the migration's own
 * transaction.</li>
 * </ul>
 */
@Service
public class ProjectMigration {

	/** The variable each migration of a project sets; the decision record reads it. */
	public static final String VERSION_CHANGE = "ratswegVersionChange";

	private static final Logger log = LoggerFactory.getLogger(ProjectMigration.class);

	private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ProcessEngine engine;

	private final Municipalities municipalities;

	private final TransactionTemplate trial;

	private final ObjectMapper json = new ObjectMapper();

	ProjectMigration(ProcessEngine engine, Municipalities municipalities, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.runtime = engine.getRuntimeService();
		this.repository = engine.getRepositoryService();
		this.municipalities = municipalities;
		this.trial = new TransactionTemplate(transactions);
	}

	/** The processes whose projects run, with how many run on an older version. */
	public List<RunningProcess> processes() {
		List<RunningProcess> processes = new ArrayList<>();
		for (ProcessDefinition latest : this.repository.createProcessDefinitionQuery()
			.latestVersion()
			.withoutTenantId()
			.orderByProcessDefinitionKey()
			.asc()
			.list()) {
			List<ProcessInstance> running = roots(latest.getKey());
			if (!running.isEmpty()) {
				long older = running.stream()
					.filter((instance) -> !instance.getProcessDefinitionId().equals(latest.getId()))
					.count();
				processes.add(new RunningProcess(latest.getKey(), nameOf(latest), latest.getVersion(), running.size(),
						older));
			}
		}
		return processes;
	}

	/** The newest version of the process, the target of every migration. */
	public Optional<ProcessDefinition> newest(String processKey) {
		return Optional.ofNullable(this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.withoutTenantId()
			.latestVersion()
			.singleResult());
	}

	/**
	 * The running projects of the process per version, newest version first, each with
	 * its municipality and the steps it waits at.
	 */
	public List<VersionGroup> versions(String processKey) {
		Map<String, List<RunningProject>> byDefinition = new LinkedHashMap<>();
		for (ProcessInstance instance : roots(processKey)) {
			byDefinition.computeIfAbsent(instance.getProcessDefinitionId(), (id) -> new ArrayList<>())
				.add(project(instance));
		}
		List<VersionGroup> groups = new ArrayList<>();
		byDefinition.forEach((definitionId, projects) -> {
			ProcessDefinition definition = definition(definitionId);
			projects.sort(Comparator.comparing(RunningProject::businessKey, Comparator.nullsLast(String::compareTo)));
			groups.add(new VersionGroup(definition.getId(), definition.getVersion(), projects));
		});
		groups.sort(Comparator.comparing(VersionGroup::version).reversed());
		return groups;
	}

	/**
	 * What the newest version no longer has of an older one, with the steps of the newest
	 * version an administrator can map them to, and the engine's validation of the plan.
	 * @param mappings explicit mappings chosen so far (old activity id → new activity id)
	 */
	public List<Proposal> proposals(String processKey, Map<String, String> mappings) {
		ProcessDefinition target = newest(processKey)
			.orElseThrow(() -> new IllegalArgumentException("Einen Prozess „" + processKey + "“ gibt es nicht."));
		Steps targetSteps = steps(target);
		List<Proposal> proposals = new ArrayList<>();
		for (VersionGroup group : versions(processKey)) {
			if (group.definitionId().equals(target.getId())) {
				continue;
			}
			ProcessDefinition source = definition(group.definitionId());
			Steps sourceSteps = steps(source);
			List<Unmatched> unmatched = new ArrayList<>();
			sourceSteps.all().forEach((id, step) -> {
				if (!targetSteps.all().containsKey(id)) {
					List<Step> options = targetSteps.all()
						.values()
						.stream()
						.filter((candidate) -> candidate.type().equals(step.type()))
						.filter((candidate) -> !sourceSteps.all().containsKey(candidate.id()))
						.toList();
					unmatched.add(new Unmatched(step, options, mappings.get(id)));
				}
			});
			List<String> validation = new ArrayList<>();
			try {
				plan(source, target, mappings, null);
			}
			catch (MigrationPlanValidationException ex) {
				validation.addAll(MigrationMessages.of(ex));
			}
			proposals.add(new Proposal(source.getVersion(), target.getVersion(), unmatched, validation));
		}
		return proposals;
	}

	/**
	 * Moves the selected projects to the newest version.
	 * @param processKey the process of the projects
	 * @param projectIds the root process instances chosen
	 * @param mappings explicit mappings (old activity id → new activity id)
	 * @param userId who moves them, for the decision record
	 */
	public Outcome migrate(String processKey, Collection<String> projectIds, Map<String, String> mappings,
			String userId) {
		ProcessDefinition target = newest(processKey)
			.orElseThrow(() -> new IllegalArgumentException("Einen Prozess „" + processKey + "“ gibt es nicht."));
		VersionChange change = new VersionChange(nameOf(target), target.getVersion(), userId,
				UserDirectory.fullName(this.engine.getIdentityService(), userId), EngineClock.instant());
		Map<String, MigrationPlan> builtPlans = new HashMap<>();
		Map<String, PlannedPair> plans = new LinkedHashMap<>();
		List<Refusal> refused = new ArrayList<>();
		List<String> accepted = new ArrayList<>();
		for (String projectId : new LinkedHashSet<>(projectIds)) {
			ProcessInstance root = this.runtime.createProcessInstanceQuery()
				.processInstanceId(projectId)
				.singleResult();
			if (root == null || !processKey.equals(definition(root.getProcessDefinitionId()).getKey())) {
				refused.add(new Refusal(projectId, projectId, List.of("Das Vorhaben läuft nicht mehr.")));
				continue;
			}
			if (root.getProcessDefinitionId().equals(target.getId())) {
				refused.add(new Refusal(projectId, label(root),
						List.of("Das Vorhaben läuft bereits auf Version " + target.getVersion() + ".")));
				continue;
			}
			// This project's instances per version pair; only an accepted project joins
			// the
			// batches, so a refused one is left untouched.
			Map<String, PlannedPair> projectPlans = new LinkedHashMap<>();
			List<String> reasons = new ArrayList<>();
			for (ProcessInstance instance : withCalled(root)) {
				ProcessDefinition source = definition(instance.getProcessDefinitionId());
				ProcessDefinition instanceTarget = (instance == root) ? target : calledTarget(source, target);
				if (instanceTarget.getId().equals(source.getId())) {
					continue;
				}
				String pairKey = source.getId() + ">" + instanceTarget.getId();
				MigrationPlan plan;
				try {
					plan = builtPlans.computeIfAbsent(pairKey,
							(key) -> plan(source, instanceTarget, mappings, (instance == root) ? change : null));
				}
				catch (MigrationPlanValidationException ex) {
					reasons.add(nameOf(source) + ": " + String.join(" ", MigrationMessages.of(ex)));
					continue;
				}
				projectPlans.computeIfAbsent(pairKey, (key) -> new PlannedPair(plan, new ArrayList<>()))
					.instanceIds()
					.add(instance.getId());
				reasons.addAll(uncovered(instance, plan, source, instanceTarget, instance == root));
			}
			if (reasons.isEmpty()) {
				reasons.addAll(tryOut(projectPlans.values()));
			}
			if (reasons.isEmpty()) {
				projectPlans.forEach((pairKey, pair) -> plans
					.computeIfAbsent(pairKey, (key) -> new PlannedPair(pair.plan(), new ArrayList<>()))
					.instanceIds()
					.addAll(pair.instanceIds()));
				accepted.add(projectId);
			}
			else {
				refused.add(new Refusal(projectId, label(root), reasons));
			}
		}
		List<String> batchIds = new ArrayList<>();
		for (PlannedPair pair : plans.values()) {
			if (!pair.instanceIds().isEmpty()) {
				Batch batch = this.runtime.newMigration(pair.plan())
					.processInstanceIds(pair.instanceIds())
					.executeAsync();
				batchIds.add(batch.getId());
			}
		}
		if (!accepted.isEmpty()) {
			log.info("'{}' moved {} project(s) of {} to version {} in batches {}; {} refused", userId, accepted.size(),
					processKey, target.getVersion(), batchIds, refused.size());
		}
		return new Outcome(target.getVersion(), accepted, refused, batchIds);
	}

	/**
	 * Each step the instance waits at that the plan does not carry over, as a German
	 * reason.
	 */
	private List<String> uncovered(ProcessInstance instance, MigrationPlan plan, ProcessDefinition source,
			ProcessDefinition target, boolean mappableInThePage) {
		Set<String> mapped = new LinkedHashSet<>();
		for (MigrationInstruction instruction : plan.getInstructions()) {
			mapped.add(instruction.getSourceActivityId());
		}
		Steps sourceSteps = steps(source);
		List<String> reasons = new ArrayList<>();
		for (String activityId : waitingAt(instance)) {
			String id = activityId.replace(MULTI_INSTANCE_BODY, "");
			if (!mapped.contains(id)) {
				reasons.add("Wartet bei „" + sourceSteps.nameOf(id) + "“ (" + id + "), das es in Version "
						+ target.getVersion() + " von „" + nameOf(target) + "“ nicht mehr gibt; "
						+ (mappableInThePage ? "ordnen Sie den Schritt einem neuen zu oder " : "")
						+ "lassen Sie das Vorhaben auf seiner Version zu Ende laufen.");
			}
		}
		return reasons;
	}

	/** The engine's own check of each instance of the project, rolled back. */
	private List<String> tryOut(Collection<PlannedPair> projectPlans) {
		List<String> reasons = new ArrayList<>();
		this.trial.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			for (PlannedPair pair : projectPlans) {
				try {
					this.runtime.newMigration(pair.plan()).processInstanceIds(pair.instanceIds()).execute();
				}
				catch (MigratingProcessInstanceValidationException ex) {
					Steps steps = steps(definition(pair.plan().getSourceProcessDefinitionId()));
					reasons.addAll(MigrationMessages.of(ex, steps::nameOf));
				}
				catch (ProcessEngineException ex) {
					reasons.add(MigrationMessages.german(ex.getMessage()));
				}
			}
		});
		return reasons;
	}

	private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings,
			VersionChange change) {
		Steps sourceSteps = steps(source);
		Steps targetSteps = steps(target);
		MigrationPlanBuilder builder = this.runtime.createMigrationPlan(source.getId(), target.getId())
			.mapEqualActivities();
		mappings.forEach((from, to) -> {
			if (to != null && !to.isBlank() && sourceSteps.all().containsKey(from)
					&& !targetSteps.all().containsKey(from) && targetSteps.all().containsKey(to)) {
				builder.mapActivities(from, to);
				if (sourceSteps.all().get(from).multiInstance() && targetSteps.all().get(to).multiInstance()) {
					// a multi-instance step moves with its body (every department's task)
					builder.mapActivities(from + MULTI_INSTANCE_BODY, to + MULTI_INSTANCE_BODY);
				}
			}
		});
		if (change != null) {
			builder.setVariables(Map.of(VERSION_CHANGE, change.toJson(this.json, source.getVersion())));
		}
		return builder.build();
	}

	/**
	 * The version a called process moves to: the one deployed with the parent's new
	 * version (call activities bind to their deployment), else the newest.
	 */
	private ProcessDefinition calledTarget(ProcessDefinition source, ProcessDefinition parentTarget) {
		ProcessDefinition sameDeployment = this.repository.createProcessDefinitionQuery()
			.deploymentId(parentTarget.getDeploymentId())
			.processDefinitionKey(source.getKey())
			.singleResult();
		return (sameDeployment != null) ? sameDeployment : newest(source.getKey()).orElse(source);
	}

	/** The instance and every instance it called, directly or through another. */
	private List<ProcessInstance> withCalled(ProcessInstance root) {
		List<ProcessInstance> all = new ArrayList<>();
		all.add(root);
		for (int i = 0; i < all.size(); i++) {
			all.addAll(this.runtime.createProcessInstanceQuery().superProcessInstanceId(all.get(i).getId()).list());
		}
		return all;
	}

	/** The activities the instance waits at (none for one that ended meanwhile). */
	private List<String> waitingAt(ProcessInstance instance) {
		ActivityInstance tree = this.runtime.getActivityInstance(instance.getId());
		List<String> ids = new ArrayList<>();
		if (tree != null) {
			collectWaiting(tree, ids);
		}
		return ids;
	}

	private static void collectWaiting(ActivityInstance instance, List<String> ids) {
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			ids.add(child.getActivityId());
			collectWaiting(child, ids);
		}
		for (TransitionInstance transition : instance.getChildTransitionInstances()) {
			ids.add(transition.getActivityId());
		}
	}

	private RunningProject project(ProcessInstance instance) {
		Steps steps = steps(definition(instance.getProcessDefinitionId()));
		List<String> current = new ArrayList<>();
		for (ProcessInstance each : withCalled(instance)) {
			Steps eachSteps = (each == instance) ? steps : steps(definition(each.getProcessDefinitionId()));
			for (String activityId : waitingAt(each)) {
				Step step = eachSteps.all().get(activityId.replace(MULTI_INSTANCE_BODY, ""));
				if (step != null && step.waits() && !current.contains(step.name())) {
					current.add(step.name());
				}
			}
		}
		String municipality = (instance.getTenantId() != null) ? this.municipalities.nameOf(instance.getTenantId())
				: "–";
		return new RunningProject(instance.getId(), instance.getBusinessKey(), municipality, current);
	}

	private String label(ProcessInstance instance) {
		return (instance.getBusinessKey() != null) ? instance.getBusinessKey() : instance.getId();
	}

	private List<ProcessInstance> roots(String processKey) {
		return this.runtime.createProcessInstanceQuery().processDefinitionKey(processKey).rootProcessInstances().list();
	}

	/** The engine keeps definitions and models in its deployment cache. */
	private ProcessDefinition definition(String id) {
		return this.repository.getProcessDefinition(id);
	}

	private Steps steps(ProcessDefinition definition) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());
		Map<String, Step> all = new TreeMap<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			boolean multiInstance = (node instanceof Activity activity)
					&& activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
			all.put(node.getId(), new Step(node.getId(), node.getElementType().getTypeName(),
					(node.getName() != null) ? node.getName().strip() : node.getId(), multiInstance));
		}
		return new Steps(all);
	}

	private static String nameOf(ProcessDefinition definition) {
		return (definition.getName() != null) ? definition.getName() : definition.getKey();
	}

	/** A process with running projects. */
	public record RunningProcess(String key, String name, int newestVersion, int running, long onOlderVersions) {
	}

	/** The running projects of one version. */
	public record VersionGroup(String definitionId, int version, List<RunningProject> projects) {
	}

	/** A running project: its instance, number, municipality and current steps. */
	public record RunningProject(String id, String businessKey, String municipality, List<String> currentSteps) {
	}

	/** An element of a process version. */
	public record Step(String id, String type, String name, boolean multiInstance) {

		/** Whether a project can wait here (a task, a call, a catching event). */
		boolean waits() {
			return this.type.endsWith("Task") || this.type.equals("callActivity") || this.type.endsWith("CatchEvent")
					|| this.type.equals("boundaryEvent") || this.type.equals("subProcess")
					|| this.type.equals("eventBasedGateway");
		}

	}

	/** The elements of a process version by id. */
	record Steps(Map<String, Step> all) {

		String nameOf(String id) {
			Step step = this.all.get(id);
			return (step != null) ? step.name() : id;
		}

	}

	/** An element of an older version that the newest no longer has. */
	public record Unmatched(Step step, List<Step> options, String chosen) {
	}

	/** What moving one older version to the newest needs. */
	public record Proposal(int fromVersion, int toVersion, List<Unmatched> unmatched, List<String> validation) {
	}

	/** A project that was not moved, and why. */
	public record Refusal(String id, String label, List<String> reasons) implements Serializable {
	}

	/** What {@link #migrate} did. */
	public record Outcome(int toVersion, List<String> accepted, List<Refusal> refused,
			List<String> batchIds) implements Serializable {
	}

	private record PlannedPair(MigrationPlan plan, List<String> instanceIds) {
	}

	/** The entry of the decision record, as the migration's variable holds it. */
	record VersionChange(String process, int version, String userId, String userName, Instant at) {

		String toJson(ObjectMapper json, int fromVersion) {
			Map<String, Object> value = new HashMap<>();
			value.put("process", this.process);
			value.put("fromVersion", fromVersion);
			value.put("version", this.version);
			value.put("userId", this.userId);
			value.put("userName", this.userName);
			value.put("at", this.at.toString());
			try {
				return json.writeValueAsString(value);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
