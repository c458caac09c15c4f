package de.ratsweg.substitution;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
 * comes back with everything that was typed and the reason: the form's constraints first,
 * then the service's checks against the engine.
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

		@NotBlank(message = AbsenceInputRules.NO_SUBSTITUTE)
		private String substituteId;

		@NotBlank(message = AbsenceInputRules.NO_DAYS)
		@AbsenceInputRules.IsoDay(
				message = "Der erste Tag „${validatedValue}“ ist kein Datum; bitte im Kalender wählen oder als JJJJ-MM-TT angeben.")
		private String firstDay;

		@NotBlank(message = AbsenceInputRules.NO_DAYS)
		@AbsenceInputRules.IsoDay(
				message = "Der letzte Tag „${validatedValue}“ ist kein Datum; bitte im Kalender wählen oder als JJJJ-MM-TT angeben.")
		private String lastDay;

		@Size(max = AbsenceInputRules.NOTE_LENGTH, message = AbsenceInputRules.NOTE_TOO_LONG)
		private String note;

		@AssertTrue(message = AbsenceInputRules.DAYS_NOT_IN_ORDER)
		boolean isInOrder() {
			return AbsenceInputRules.inOrder(AbsenceInputRules.day(this.firstDay), AbsenceInputRules.day(this.lastDay));
		}

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
	String record(Principal principal, @Valid @ModelAttribute("form") AbsenceForm form, BindingResult mistakes,
			Model model, RedirectAttributes redirect) {
		if (mistakes.hasErrors()) {
			model.addAttribute("error", AbsenceInputRules.messages(mistakes));
			return page(principal, model);
		}
		try {
			AbsenceService.Recorded recorded = this.absences.record(principal.getName(),
					new AbsenceService.Request(form.getUserId(), form.getSubstituteId(),
							AbsenceInputRules.day(form.getFirstDay()), AbsenceInputRules.day(form.getLastDay()),
							form.getNote()));
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

}
