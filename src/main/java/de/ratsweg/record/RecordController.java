package de.ratsweg.record;

import java.security.Principal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import de.ratsweg.kernel.Problems;

/**
 * The decision record over HTTP (HTTP Basic, like the engine's REST API):
 * <ul>
 * <li>{@code GET /api/projects/{businessKey}/record}: JSON, or the PDF for
 * {@code Accept: application/pdf};</li>
 * <li>{@code GET /api/projects/{businessKey}/record.pdf}: the PDF.</li>
 * </ul>
 * 404 for a project that does not exist and alike for one the caller may not read
 * (another municipality's); errors are {@link ProblemDetail}s with the German sentence as
 * {@code detail}.
 */
@RestController
@RequestMapping("/api/projects")
class RecordController {

	private static final Logger log = LoggerFactory.getLogger(RecordController.class);

	private final ProjectRecords records;

	private final RecordPdf pdf;

	RecordController(ProjectRecords records, RecordPdf pdf) {
		this.records = records;
		this.pdf = pdf;
	}

	@GetMapping("/{businessKey}/record")
	ResponseEntity<?> record(Principal principal, @PathVariable String businessKey,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		MediaType wanted = wanted(accept);
		if (wanted == null) {
			return problem(HttpStatus.NOT_ACCEPTABLE,
					"Den Aktenvermerk gibt es als JSON (application/json) oder als PDF (application/pdf).");
		}
		if (MediaType.APPLICATION_PDF.equals(wanted)) {
			return pdf(principal, businessKey);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.records.recordOf(businessKey, principal.getName()));
	}

	@GetMapping("/{businessKey}/record.pdf")
	ResponseEntity<byte[]> pdf(Principal principal, @PathVariable String businessKey) {
		return this.pdf.response(this.records.recordOf(businessKey, principal.getName()));
	}

	/**
	 * JSON or PDF, whichever the Accept header prefers; JSON when it names neither in
	 * particular; null when it accepts neither.
	 */
	private static MediaType wanted(String accept) {
		if (accept == null || accept.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return MediaType.APPLICATION_JSON;
		}
		MimeTypeUtils.sortBySpecificity(accepted);
		for (MediaType type : accepted) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return MediaType.APPLICATION_JSON;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
				return MediaType.APPLICATION_PDF;
			}
		}
		return null;
	}

	@ExceptionHandler(ProjectNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(ProjectNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** Always JSON, also when the request asked for a PDF. */
	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		log.debug("Decision record request answered {}: {}", status.value(), detail);
		return Problems.answer(status, detail);
	}

}
