package de.ratsweg.substitution;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.ratsweg.kernel.Dates;

/**
 * The German page "Vertretung bei Abwesenheit" ({@code /vertretung}), linked from the
 * webapps' welcome page: one's own absences and a form to record one. A refused form
 * comes back with everything that was typed and the reason.
 */
@Controller
@RequestMapping("/vertretung")
class AbsencePage {

	private final AbsenceService absences;

	AbsencePage(AbsenceService absences) {
		this.absences = absences;
	}

	/** The form as typed; dates as the browser's date fields send them. */
	static class AbsenceForm {

		private String userId;

		private String substituteId;

		private String firstDay;

		private String lastDay;

		private String note;

		public String getUserId() {
			return this.userId;
		}

		public void setUserId(String userId) {
			this.userId = userId;
		}

		public String getSubstituteId() {
			return this.substituteId;
		}

		public void setSubstituteId(String substituteId) {
			this.substituteId = substituteId;
		}

		public String getFirstDay() {
			return this.firstDay;
		}

		public void setFirstDay(String firstDay) {
			this.firstDay = firstDay;
		}

		public String getLastDay() {
			return this.lastDay;
		}

		public void setLastDay(String lastDay) {
			this.lastDay = lastDay;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	@GetMapping
	String show(Principal principal, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AbsenceForm());
		}
		return page(principal, model);
	}

	@PostMapping
	String record(Principal principal, @ModelAttribute("form") AbsenceForm form, Model model,
			RedirectAttributes redirect) {
		try {
			AbsenceService.Recorded recorded = this.absences.record(principal.getName(),
					new AbsenceService.Request(form.getUserId(), form.getSubstituteId(),
							day(form.getFirstDay(), "ersten"), day(form.getLastDay(), "letzten"), form.getNote()));
			redirect.addFlashAttribute("recorded", recorded);
			redirect.addFlashAttribute("success",
					"Abwesenheit vom %s bis %s eingetragen; Vertretung: %s.".formatted(
							Dates.german(recorded.absence().firstDay()), Dates.german(recorded.absence().lastDay()),
							this.absences.nameOf(recorded.absence().substituteId())));
			return "redirect:/vertretung";
		}
		catch (AbsenceRefusedException ex) {
			model.addAttribute("error", ex.getMessage());
			return page(principal, model);
		}
	}

	@PostMapping("/{id}/loeschen")
	String cancel(Principal principal, @PathVariable String id, RedirectAttributes redirect) {
		try {
			this.absences.cancel(principal.getName(), id);
			redirect.addFlashAttribute("success", "Abwesenheit gelöscht.");
		}
		catch (AbsenceRefusedException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/vertretung";
	}

	private String page(Principal principal, Model model) {
		String actor = principal.getName();
		boolean administrator = this.absences.isAdministrator(actor);
		model.addAttribute("actorId", actor);
		model.addAttribute("actorName", this.absences.nameOf(actor));
		model.addAttribute("administrator", administrator);
		model.addAttribute("absences", this.absences.visibleTo(actor));
		model.addAttribute("substitutes",
				administrator ? this.absences.usersInMunicipalities() : this.absences.possibleSubstitutes(actor));
		model.addAttribute("users", administrator ? this.absences.usersInMunicipalities() : java.util.List.of());
		return "substitution/absences";
	}

	private static LocalDate day(String text, String which) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new AbsenceRefusedException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"Der %s Tag „%s“ ist kein Datum; bitte im Kalender wählen oder als JJJJ-MM-TT angeben."
						.formatted(which, text));
		}
	}

}
