package de.ratsweg.overview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import org.springframework.stereotype.Service;

import de.ratsweg.committee.CommitteeResolution;
import de.ratsweg.cosigning.DepartmentCoSigning;
import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;
import de.ratsweg.project.SmartCityProject;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * Where each project stands and how long its phases took, read from the engine's history
 * as the user: only the projects of the user's municipality that the user may read (the
 * engine's tenant and authorization checks decide).
 */
@Service
class ProjectOverview {

	private final HistoryService history;

	private final RepositoryService repository;

	private final IdentityService identity;

	private final Municipalities municipalities;

	ProjectOverview(ProcessEngine engine, Municipalities municipalities) {
		this.history = engine.getHistoryService();
		this.repository = engine.getRepositoryService();
		this.identity = engine.getIdentityService();
		this.municipalities = municipalities;
	}

	/** The user's projects, the newest first. */
	List<ProjectSummary> projects(String userId) {
		return UserDirectory.asUser(this.identity, userId,
				() -> this.history.createHistoricProcessInstanceQuery()
					.processDefinitionKey(SmartCityProject.PROCESS_KEY)
					.orderByProcessInstanceStartTime()
					.desc()
					.unlimitedList()
					.stream()
					.filter((instance) -> instance.getSuperProcessInstanceId() == null)
					.map(this::summary)
					.toList());
	}

	/** One project with the steps it passed and stands at, if the user may read it. */
	Optional<ProjectPath> project(String userId, String businessKey) {
		return UserDirectory.asUser(this.identity, userId, () -> project(businessKey).map(this::path));
	}

	/**
	 * The model of the process version the project runs on, as BPMN XML, if the user may
	 * read the project.
	 */
	Optional<String> diagram(String userId, String businessKey) {
		return UserDirectory.asUser(this.identity, userId,
				() -> project(businessKey).map((project) -> model(project.getProcessDefinitionId())));
	}

	/** The main process's instance with that key, as far as the current user sees it. */
	private Optional<HistoricProcessInstance> project(String businessKey) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(SmartCityProject.PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.unlimitedList()
			.stream()
			.filter((candidate) -> candidate.getSuperProcessInstanceId() == null)
			.findFirst();
	}

	private String model(String processDefinitionId) {
		try (InputStream model = this.repository.getProcessModel(processDefinitionId)) {
			return new String(model.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ProjectSummary summary(HistoricProcessInstance instance) {
		return summary(instance, steps(instance.getId()));
	}

	private ProjectSummary summary(HistoricProcessInstance instance, List<HistoricActivityInstance> steps) {
		Date now = EngineClock.now();
		Map<Phase, Long> timeInPhase = new EnumMap<>(Phase.class);
		HistoricActivityInstance current = null;
		for (HistoricActivityInstance step : steps) {
			Optional<Phase> phase = Phase.of(step.getActivityId());
			if (phase.isEmpty()) {
				continue;
			}
			Date end = (step.getEndTime() != null) ? step.getEndTime() : now;
			timeInPhase.merge(phase.get(), end.getTime() - step.getStartTime().getTime(), Long::sum);
			if (step.getEndTime() == null && (current == null || step.getStartTime().after(current.getStartTime()))) {
				current = step;
			}
		}
		String phase;
		Date phaseStarted = null;
		boolean completed = HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState());
		if (instance.getEndTime() != null && !completed) {
			phase = "Abgebrochen";
		}
		else if (instance.getEndTime() != null) {
			phase = "Abgeschlossen: " + endEventName(steps);
		}
		else if (current != null) {
			phase = Phase.of(current.getActivityId()).map(Phase::label).orElse("In Bearbeitung");
			phaseStarted = current.getStartTime();
		}
		else {
			phase = "In Bearbeitung";
		}
		Date until = (instance.getEndTime() != null) ? instance.getEndTime() : now;
		return new ProjectSummary(instance.getId(), instance.getBusinessKey(), title(instance.getId()),
				this.municipalities.nameOf(instance.getTenantId()), instance.getStartTime(), instance.getEndTime(),
				phase, phaseStarted, (phaseStarted != null) ? days(phaseStarted, now) : 0,
				days(instance.getStartTime(), until), sessions(instance.getId()), completed, timeInPhase);
	}

	private ProjectPath path(HistoricProcessInstance instance) {
		List<HistoricActivityInstance> steps = steps(instance.getId());
		Set<String> passed = new HashSet<>();
		Set<String> current = new HashSet<>();
		for (HistoricActivityInstance step : steps) {
			if (step.getEndTime() == null) {
				current.add(step.getActivityId());
			}
			else {
				passed.add(step.getActivityId());
			}
		}
		List<String> flows = new ArrayList<>();
		for (SequenceFlow flow : this.repository.getBpmnModelInstance(instance.getProcessDefinitionId())
			.getModelElementsByType(SequenceFlow.class)) {
			String source = flow.getSource().getId();
			String target = flow.getTarget().getId();
			if (passed.contains(source) && (passed.contains(target) || current.contains(target))
					&& startedAfterEnd(steps, source, target)) {
				flows.add(flow.getId());
			}
		}
		List<ProjectPath.Step> phases = steps.stream()
			.filter((step) -> Phase.of(step.getActivityId()).isPresent())
			.map((step) -> new ProjectPath.Step(Phase.of(step.getActivityId()).get().label(), step.getActivityName(),
					step.getStartTime(), step.getEndTime(),
					days(step.getStartTime(), (step.getEndTime() != null) ? step.getEndTime() : EngineClock.now())))
			.toList();
		return new ProjectPath(summary(instance, steps), instance.getProcessDefinitionId(), passed, current, flows,
				phases, coSigners(instance.getId()));
	}

	/**
	 * The departments of the project's latest co-signing, with why each co-signs (the
	 * rule of the decision table, or named by the lead unit).
	 */
	private List<ProjectPath.CoSigner> coSigners(String instanceId) {
		Optional<HistoricProcessInstance> latest = this.history.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(instanceId)
			.processDefinitionKey(DepartmentCoSigning.PROCESS_KEY)
			.unlimitedList()
			.stream()
			.max(Comparator.comparing(HistoricProcessInstance::getStartTime));
		if (latest.isEmpty()) {
			return List.of();
		}
		Object reasons = this.history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(latest.get().getId())
			.variableName(DepartmentCoSigning.REASONS_BY_DEPARTMENT)
			.unlimitedList()
			.stream()
			.map(HistoricVariableInstance::getValue)
			.filter(List.class::isInstance)
			.findFirst()
			.orElse(List.of());
		List<ProjectPath.CoSigner> coSigners = new ArrayList<>();
		for (Object entry : (List<?>) reasons) {
			if (entry instanceof Map<?, ?> department && department.get("reasons") instanceof List<?> why) {
				coSigners.add(new ProjectPath.CoSigner(String.valueOf(department.get("name")),
						why.stream().map(String::valueOf).collect(Collectors.joining("; "))));
			}
		}
		return coSigners;
	}

	/**
	 * Whether the target was entered when the source was left (the flow was taken), not
	 * only both passed at different times.
	 */
	private static boolean startedAfterEnd(List<HistoricActivityInstance> steps, String source, String target) {
		for (HistoricActivityInstance from : steps) {
			if (!from.getActivityId().equals(source) || from.getEndTime() == null) {
				continue;
			}
			for (HistoricActivityInstance to : steps) {
				if (to.getActivityId().equals(target)
						&& Math.abs(to.getStartTime().getTime() - from.getEndTime().getTime()) < 1000) {
					return true;
				}
			}
		}
		return false;
	}

	private List<HistoricActivityInstance> steps(String instanceId) {
		return this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.unlimitedList();
	}

	private static String endEventName(List<HistoricActivityInstance> steps) {
		return steps.stream()
			.filter((step) -> "noneEndEvent".equals(step.getActivityType()) && step.getActivityName() != null)
			.max(Comparator.comparing(HistoricActivityInstance::getStartTime))
			.map(HistoricActivityInstance::getActivityName)
			.orElse("beendet");
	}

	private String title(String instanceId) {
		HistoricVariableInstance title = this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instanceId)
			.variableName(SmartCityProject.TITLE)
			.disableBinaryFetching()
			.unlimitedList()
			.stream()
			.findFirst()
			.orElse(null);
		return (title != null && title.getValue() != null) ? String.valueOf(title.getValue()) : "(ohne Titel)";
	}

	/** The committee sessions of all committee sequences the project went through. */
	private int sessions(String instanceId) {
		String[] resolutions = this.history.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(instanceId)
			.processDefinitionKey(CommitteeResolution.PROCESS_KEY)
			.unlimitedList()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toArray(String[]::new);
		if (resolutions.length == 0) {
			return 0;
		}
		return this.history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(resolutions)
			.variableName(CommitteeResolution.SESSION_COUNT)
			.unlimitedList()
			.stream()
			.map(HistoricVariableInstance::getValue)
			.filter(Number.class::isInstance)
			.mapToInt((value) -> ((Number) value).intValue())
			.sum();
	}

	/**
	 * Calendar days in Berlin between the two moments (a day with a clock change is a
	 * day).
	 */
	private static long days(Date from, Date to) {
		return Math.max(0, ChronoUnit.DAYS.between(Dates.day(from), Dates.day(to)));
	}

}
