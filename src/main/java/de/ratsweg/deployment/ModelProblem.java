package de.ratsweg.deployment;

/**
 * One reason why a model in the processes folder cannot be deployed.
 *
 * @param resource the file name relative to the processes folder
 * @param elementId the id of the element the problem is about, or {@code null} when
 * unknown
 * @param line the line in the file, or {@code 0} when unknown
 * @param reason what is wrong, as the parser or the engine said it
 */
record ModelProblem(String resource, String elementId, int line, String reason) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.resource != null ? this.resource : "(whole deployment)");
		if (this.elementId != null) {
			text.append(", element '").append(this.elementId).append('\'');
		}
		if (this.line > 0) {
			text.append(", line ").append(this.line);
		}
		return text.append(": ").append(this.reason).toString();
	}

}
