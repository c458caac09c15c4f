package de.ratsweg.overview;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriUtils;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;
import de.ratsweg.record.DecisionRecord;
import de.ratsweg.record.ProjectNotFoundException;
import de.ratsweg.record.ProjectRecords;
import de.ratsweg.record.RecordPdf;
import de.ratsweg.security.UserDirectory;

/**
 * The German page "Vorhaben im Überblick" ({@code /uebersicht}), linked from the webapps'
 * welcome page: the projects of the user's municipality with their phase and durations,
 * statistics of the finished ones, and a page per project with its diagram and the way it
 * took.
 */
@Controller
@RequestMapping("/uebersicht")
class OverviewPage {

	private final ProjectOverview overview;

	private final IdentityService identity;

	private final ProjectRecords records;

	private final RecordPdf pdf;

	OverviewPage(ProjectOverview overview, ProcessEngine engine, ProjectRecords records, RecordPdf pdf) {
		this.overview = overview;
		this.identity = engine.getIdentityService();
		this.records = records;
		this.pdf = pdf;
	}

	@GetMapping
	String projects(Principal principal, Model model) {
		List<ProjectSummary> projects = this.overview.projects(principal.getName());
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("projects", projects);
		model.addAttribute("statistics", Statistics.of(projects));
		return "overview/projects";
	}

	@GetMapping("/vorhaben/{businessKey}")
	String project(Principal principal, @PathVariable String businessKey, Model model) {
		ProjectPath path = this.overview.project(principal.getName(), businessKey)
			.orElseThrow(() -> new ProjectNotVisibleException(businessKey));
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("project", path.summary());
		model.addAttribute("path", path);
		model.addAttribute("passed", String.join(" ", path.passed()));
		model.addAttribute("current", String.join(" ", path.current()));
		model.addAttribute("flows", String.join(" ", path.flows()));
		return "overview/project";
	}

	/** The diagram the project runs on, for the viewer on the project page. */
	@GetMapping(path = "/vorhaben/{businessKey}/diagramm.bpmn")
	ResponseEntity<String> diagram(Principal principal, @PathVariable String businessKey) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.body(this.overview.diagram(principal.getName(), businessKey)
				.orElseThrow(() -> new ProjectNotVisibleException(businessKey)));
	}

	/** The decision record as a page, with the link to its PDF. */
	@GetMapping("/vorhaben/{businessKey}/aktenvermerk")
	String record(Principal principal, @PathVariable String businessKey, Model model) {
		model.addAttribute("record", recordOf(principal, businessKey));
		model.addAttribute("stylesheet", "/record/record.css");
		model.addAttribute("asOf", EngineClock.now().toInstant().atZone(Dates.ZONE));
		model.addAttribute("backLink",
				"/uebersicht/vorhaben/" + UriUtils.encodePathSegment(businessKey, StandardCharsets.UTF_8));
		model.addAttribute("pdfLink", "/uebersicht/vorhaben/"
				+ UriUtils.encodePathSegment(businessKey, StandardCharsets.UTF_8) + "/aktenvermerk.pdf");
		return "record/record";
	}

	/** The decision record as an A4 PDF to file. */
	@GetMapping("/vorhaben/{businessKey}/aktenvermerk.pdf")
	ResponseEntity<byte[]> recordPdf(Principal principal, @PathVariable String businessKey) {
		return this.pdf.response(recordOf(principal, businessKey));
	}

	private DecisionRecord recordOf(Principal principal, String businessKey) {
		try {
			return this.records.recordOf(businessKey, principal.getName());
		}
		catch (ProjectNotFoundException ex) {
			throw new ProjectNotVisibleException(businessKey);
		}
	}

	@ExceptionHandler(ProjectNotVisibleException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notVisible(Principal principal, ProjectNotVisibleException ex, Model model) {
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("businessKey", ex.businessKey);
		return "overview/not-found";
	}

	/**
	 * A project that does not exist or belongs to another municipality: the same answer
	 * for both, so that nobody learns another municipality's project numbers.
	 */
	static class ProjectNotVisibleException extends RuntimeException {

		private final String businessKey;

		ProjectNotVisibleException(String businessKey) {
			super("Project " + businessKey + " does not exist or is not visible to the user");
			this.businessKey = businessKey;
		}

	}

}
