package de.ratsweg.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.EngineClock;
import de.ratsweg.kernel.Dates;

/**
 * The decision record as an A4 PDF: the page {@code templates/record/record.html} with
 * {@code static/record/record.css}, rendered by openhtmltopdf. The city's name heads
 * every page, "Seite 1 von 3" closes it.
 *
 * <p>
 * Umlauts and German quotation marks need a font: DejaVu Sans is embedded when the system
 * has it (Debian: {@code fonts-dejavu-core}); without it the PDF uses the built-in
 * Helvetica, whose encoding (WinAnsi) has ä ö ü ß „ “ – as well. The renderer loads
 * nothing from outside: no images, style sheets or fonts named by the page.
 */
@Component
public class RecordPdf {

	private static final Logger log = LoggerFactory.getLogger(RecordPdf.class);

	static final String TEMPLATE = "record/record";

	static final String STYLESHEET = "static/record/record.css";

	/** Where Debian keeps DejaVu ({@code fonts-dejavu-core}). */
	static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts/truetype/dejavu");

	/** The family name the style sheet asks for first. */
	static final String FONT_FAMILY = "DejaVu Sans";

	/** The narrower family of the table of decisions. */
	static final String CONDENSED_FONT_FAMILY = "DejaVu Sans Condensed";

	/** Characters XML 1.0 does not allow, also halves of surrogate pairs. */
	private static final Pattern NOT_IN_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]"
			+ "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");

	private final ITemplateEngine templates;

	private final String styles;

	RecordPdf(ITemplateEngine templates) {
		this.templates = templates;
		try {
			this.styles = new ClassPathResource(STYLESHEET).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The style sheet " + STYLESHEET + " is missing", ex);
		}
	}

	/** The record as PDF. */
	public byte[] render(DecisionRecord record) {
		return render(record, SYSTEM_FONTS);
	}

	/**
	 * The record as a PDF answer to show in the browser or save: "Aktenvermerk-KEY.pdf".
	 */
	public ResponseEntity<byte[]> response(DecisionRecord record) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("Aktenvermerk-" + record.businessKey() + ".pdf")
						.build()
						.toString())
			.body(render(record));
	}

	/** The record as PDF, with DejaVu Sans from that folder if it is there. */
	byte[] render(DecisionRecord record, Path fontFolder) {
		String html = html(record);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withProducer("Ratsweg");
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withDiagnosticConsumer(RecordPdf::log);
		font(builder, fontFolder.resolve("DejaVuSans.ttf"), FONT_FAMILY, 400);
		font(builder, fontFolder.resolve("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700);
		font(builder, fontFolder.resolve("DejaVuSansCondensed.ttf"), CONDENSED_FONT_FAMILY, 400);
		font(builder, fontFolder.resolve("DejaVuSansCondensed-Bold.ttf"), CONDENSED_FONT_FAMILY, 700);
		builder.withHtmlContent(html, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The decision record of " + record.businessKey() + " was not rendered", ex);
		}
		return pdf.toByteArray();
	}

	/**
	 * The page as the PDF renderer reads it: well-formed XHTML with the styles inside.
	 * Control characters that XML does not allow (a vertical tab pasted from a word
	 * processor) become spaces.
	 */
	String html(DecisionRecord record) {
		Context context = new Context(Locale.GERMANY);
		context.setVariable("record", record);
		context.setVariable("inlineStyles", this.styles);
		context.setVariable("asOf", EngineClock.now().toInstant().atZone(Dates.ZONE));
		return NOT_IN_XML.matcher(this.templates.process(TEMPLATE, context)).replaceAll(" ");
	}

	private static void font(PdfRendererBuilder builder, Path file, String family, int weight) {
		if (Files.isReadable(file)) {
			builder.useFont(file.toFile(), family, weight, FontStyle.NORMAL, true);
		}
	}

	private static void log(Diagnostic diagnostic) {
		if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
			log.warn("PDF rendering: {}", diagnostic.getFormattedMessage());
		}
		else if (log.isTraceEnabled()) {
			log.trace("PDF rendering: {}", diagnostic.getFormattedMessage());
		}
	}

}
