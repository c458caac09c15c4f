package de.ratsweg.forms;

/**
 * Text that Ratsweg puts into a form's text view ({@code {{...}}}): form-js renders text
 * views as Markdown and HTML, and would turn an address into a link, {@code [a](b)} into
 * a link and {@code <img>} into an image. Whatever people or other systems wrote (a
 * department's statement, a council information system's result) goes in through
 * {@link #plain(String)}; text they typed themselves is shown in read-only fields, never
 * in text views ({@code FormTextViewsTest}).
 */
public final class FormText {

	private FormText() {
	}

	/**
	 * The text on one line, shown exactly as written: no markup, no HTML, no link.
	 */
	public static String plain(String text) {
		StringBuilder escaped = new StringBuilder();
		// a zero-width space keeps the renderer from turning an address into a link
		String unlinked = text.replaceAll("\\s+", " ")
			.strip()
			.replace("://", ":/\u200B/")
			.replace("www.", "www\u200B.")
			.replace("@", "@\u200B");
		for (char c : unlinked.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '\\', '*', '_', '[', ']', '(', ')', '#', '`', '!', '|', '~', '{', '}' ->
					escaped.append('\\').append(c);
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
