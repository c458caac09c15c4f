package de.ratsweg.migration;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import de.ratsweg.security.UserDirectory;

/**
 * "Laufende Vorhaben umstellen" ({@code /prozesse/umstellen}), for administrators only:
 * the running projects of a process per version, the plan to the newest version with the
 * renamed steps mapped in the page, the engine's validation in German, and the move of
 * the selected projects.
 */
@Controller
@RequestMapping("/prozesse/umstellen")
class MigrationPage {

	/**
	 * Request parameters {@code zuordnung:<old activity id>} carry the chosen mappings.
	 */
	static final String MAPPING_PREFIX = "zuordnung:";

	private final ProjectMigration migration;

	private final IdentityService identity;

	MigrationPage(ProjectMigration migration, ProcessEngine engine) {
		this.migration = migration;
		this.identity = engine.getIdentityService();
	}

	@GetMapping
	String processes(Principal principal, Model model) {
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("processes", this.migration.processes());
		return "migration/processes";
	}

	@GetMapping("/{processKey}")
	String process(Principal principal, @PathVariable String processKey, Model model) {
		return show(principal, processKey, Map.of(), List.of(), model);
	}

	/**
	 * "Plan prüfen" shows the plan with the chosen mappings; "Umstellen" moves the
	 * selected projects and redirects to the page with the outcome, so that reloading it
	 * moves nothing a second time.
	 */
	@PostMapping("/{processKey}")
	String migrate(Principal principal, @PathVariable String processKey,
			@RequestParam(name = "vorhaben", required = false) List<String> projectIds,
			@RequestParam(name = "aktion", defaultValue = "pruefen") String action,
			@RequestParam MultiValueMap<String, String> parameters, Model model, RedirectAttributes redirect) {
		Map<String, String> mappings = mappings(parameters);
		List<String> selected = (projectIds != null) ? projectIds : List.of();
		if ("umstellen".equals(action)) {
			if (selected.isEmpty()) {
				model.addAttribute("error",
						"Bitte wählen Sie mindestens ein Vorhaben aus, das umgestellt werden soll.");
			}
			else {
				redirect.addFlashAttribute("outcome",
						this.migration.migrate(processKey, selected, mappings, principal.getName()));
				return "redirect:/prozesse/umstellen/" + UriUtils.encodePathSegment(processKey, StandardCharsets.UTF_8);
			}
		}
		return show(principal, processKey, mappings, selected, model);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown(IllegalArgumentException ex, Model model) {
		model.addAttribute("message", ex.getMessage());
		return "migration/not-found";
	}

	private String show(Principal principal, String processKey, Map<String, String> mappings, List<String> selected,
			Model model) {
		ProcessDefinition newest = this.migration.newest(processKey)
			.orElseThrow(() -> new IllegalArgumentException("Einen Prozess „" + processKey + "“ gibt es nicht."));
		model.addAttribute("actorName", UserDirectory.fullName(this.identity, principal.getName()));
		model.addAttribute("processKey", processKey);
		model.addAttribute("processName", (newest.getName() != null) ? newest.getName() : processKey);
		model.addAttribute("newestVersion", newest.getVersion());
		model.addAttribute("versions", this.migration.versions(processKey));
		model.addAttribute("proposals", this.migration.proposals(processKey, mappings));
		model.addAttribute("mappingPrefix", MAPPING_PREFIX);
		model.addAttribute("selected", selected);
		return "migration/process";
	}

	private static Map<String, String> mappings(MultiValueMap<String, String> parameters) {
		Map<String, String> mappings = new LinkedHashMap<>();
		// One choice per step and older version on the page: the first one made counts.
		parameters.forEach((name, values) -> {
			if (name.startsWith(MAPPING_PREFIX)) {
				values.stream()
					.filter((value) -> value != null && !value.isBlank())
					.findFirst()
					.ifPresent((value) -> mappings.put(name.substring(MAPPING_PREFIX.length()), value));
			}
		});
		return mappings;
	}

}
