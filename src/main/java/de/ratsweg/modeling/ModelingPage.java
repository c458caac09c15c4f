package de.ratsweg.modeling;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import de.ratsweg.deployment.ModelFinding;
import de.ratsweg.deployment.ProcessesFolder;
import de.ratsweg.deployment.PublishRefusedException;
import de.ratsweg.kernel.Problems;
import de.ratsweg.security.UserDirectory;
import de.ratsweg.tenancy.Municipalities;

/**
 * "Prozesse bearbeiten" ({@code /prozesse}), for administrators only: the models of the
 * processes folder, an editor per model (bpmn-js with Camunda's properties for 7.x,
 * dmn-js, form-js), "Prüfen" with the deployer's checks, the changes against the running
 * version, and "Veröffentlichen" into the folder.
 */
@Controller
@RequestMapping(ModelingPage.PATH)
class ModelingPage {

	private static final Logger log = LoggerFactory.getLogger(ModelingPage.class);

	static final String PATH = "/prozesse";

	private final ProcessesFolder folder;

	private final IdentityService identity;

	private final Municipalities municipalities;

	ModelingPage(ProcessesFolder folder, ProcessEngine engine, Municipalities municipalities) {
		this.folder = folder;
		this.municipalities = municipalities;
		this.identity = engine.getIdentityService();
	}

	@GetMapping
	String models(Principal principal, Model model) {
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("groups",
				ModelGroup.of(this.folder.modelNames(), (folderName) -> this.municipalities.contains(folderName)
						? this.municipalities.nameOf(folderName) : null));
		model.addAttribute("writable", this.folder.writable());
		model.addAttribute("location", this.folder.location().toString());
		return "modeling/models";
	}

	@GetMapping("/bearbeiten")
	String editor(Principal principal, @RequestParam("datei") String name, Model model) {
		ProcessesFolder.Model found = this.folder.read(name).orElseThrow(() -> new ModelNotFoundException(name));
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("name", found.name());
		model.addAttribute("kind", ModelGroup.kindOf(found.name()));
		model.addAttribute("writable", this.folder.writable());
		return "modeling/editor";
	}

	/** The model as the folder holds it, with its version for publishing. */
	@GetMapping("/modell")
	@ResponseBody
	Map<String, Object> model(@RequestParam("datei") String name) {
		ProcessesFolder.Model found = this.folder.read(name).orElseThrow(() -> new ModelNotFoundException(name));
		return Map.of("name", found.name(), "kind", ModelGroup.kindOf(found.name()), "content", found.text(), "version",
				found.version());
	}

	@PostMapping("/pruefen")
	@ResponseBody
	Map<String, Object> check(@RequestBody Edit edit) {
		requireModel(edit.name());
		List<ModelFinding> findings = this.folder.check(edit.name(), edit.bytes());
		return Map.of("findings", findings);
	}

	/** What changed against the version the engine runs now. */
	@PostMapping("/vergleich")
	@ResponseBody
	ModelChanges compare(@RequestBody Edit edit) {
		requireModel(edit.name());
		byte[] running = this.folder.deployed(edit.name()).orElse(null);
		return ModelComparison.compare(edit.name(), running, edit.bytes());
	}

	@PostMapping("/veroeffentlichen")
	@ResponseBody
	Map<String, Object> publish(Principal principal, @RequestBody Edit edit) {
		ProcessesFolder.Published published = this.folder.publish(edit.name(), edit.bytes(), edit.version(),
				principal.getName());
		String message = published.deployed()
				? "„" + edit.name() + "“ ist gespeichert und als neue Version bereitgestellt."
				: "„" + edit.name() + "“ ist gespeichert; es hat sich nichts geändert, was bereitzustellen wäre.";
		return Map.of("version", published.version(), "deployed", published.deployed(), "message", message);
	}

	private void requireModel(String name) {
		if (name == null || !this.folder.modelNames().contains(name)) {
			throw new ModelNotFoundException(name);
		}
	}

	@ExceptionHandler(PublishRefusedException.class)
	ResponseEntity<ProblemDetail> refused(PublishRefusedException ex) {
		HttpStatus status = switch (ex.reason()) {
			case FINDINGS -> HttpStatus.UNPROCESSABLE_ENTITY;
			case UNKNOWN -> HttpStatus.NOT_FOUND;
			default -> HttpStatus.CONFLICT;
		};
		ResponseEntity<ProblemDetail> answer = Problems.answer(status, ex.getMessage());
		ProblemDetail problem = answer.getBody();
		problem.setProperty("reason", ex.reason().name());
		if (!ex.findings().isEmpty()) {
			problem.setProperty("findings", ex.findings());
		}
		if (ex.currentVersion() != null) {
			problem.setProperty("currentVersion", ex.currentVersion());
		}
		return answer;
	}

	@ExceptionHandler(ModelNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(ModelNotFoundException ex) {
		return Problems.answer(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/**
	 * Anything else (the database unreachable, the cluster lock not got): the folder is
	 * as it was, and the administrator may try again.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> failed(RuntimeException ex) {
		log.error("Editing a model failed", ex);
		return Problems.answer(HttpStatus.INTERNAL_SERVER_ERROR,
				"Die Aktion ist fehlgeschlagen; der Ordner processes/ ist unverändert. Bitte versuchen Sie es in "
						+ "einigen Minuten erneut. Technische Details stehen im Protokoll.");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> unreadable(IllegalArgumentException ex) {
		return Problems.answer(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A model as the editor sends it.
	 *
	 * @param name the file
	 * @param content the edited XML or JSON
	 * @param version the version of the file the editor started from
	 */
	record Edit(String name, String content, String version) {

		byte[] bytes() {
			if (this.content == null) {
				throw new IllegalArgumentException("Es wurde kein Modellinhalt übermittelt.");
			}
			return this.content.getBytes(StandardCharsets.UTF_8);
		}

	}

	static class ModelNotFoundException extends RuntimeException {

		ModelNotFoundException(String name) {
			super("Ein Modell „" + name + "“ gibt es im Ordner processes/ nicht.");
		}

	}

}
