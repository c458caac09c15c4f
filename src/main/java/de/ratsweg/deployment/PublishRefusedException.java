package de.ratsweg.deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * Publishing a model was refused; the folder and the engine are unchanged. The message is
 * German, for the administrator.
 */
public class PublishRefusedException extends RuntimeException {

	/** Why publishing was refused. */
	public enum Reason {

		/** The folder cannot be written (e.g. mounted read-only). */
		READ_ONLY,
		/** Somebody else published the file since it was opened. */
		CONFLICT,
		/** The model has findings. */
		FINDINGS,
		/** No such model in the folder. */
		UNKNOWN

	}

	private final Reason reason;

	private final transient List<ModelFinding> findings;

	private final String currentVersion;

	private PublishRefusedException(Reason reason, String message, List<ModelFinding> findings, String currentVersion) {
		super(message);
		this.reason = reason;
		this.findings = List.copyOf(findings);
		this.currentVersion = currentVersion;
	}

	static PublishRefusedException readOnly(Path folder) {
		return new PublishRefusedException(Reason.READ_ONLY, "Veröffentlichen ist hier nicht möglich: Der Ordner "
				+ folder + " ist schreibgeschützt (oder das Veröffentlichen ist abgeschaltet). Das Modell wurde weder "
				+ "gespeichert noch bereitgestellt. Ändern Sie es im Git-Repository des Ordners oder bitten Sie den "
				+ "Betrieb, den Ordner beschreibbar einzubinden.", List.of(), null);
	}

	static PublishRefusedException conflict(String name, String currentVersion) {
		return new PublishRefusedException(Reason.CONFLICT, "„" + name
				+ "“ wurde inzwischen von jemand anderem veröffentlicht. Ihre Änderung wurde nicht gespeichert, "
				+ "damit nichts überschrieben wird. Laden Sie das Modell neu und tragen Sie Ihre Änderung erneut ein.",
				List.of(), currentVersion);
	}

	static PublishRefusedException findings(String name, List<ModelFinding> findings) {
		return new PublishRefusedException(Reason.FINDINGS,
				"„" + name + "“ wurde nicht veröffentlicht: Die Prüfung hat " + findings.size()
						+ (findings.size() == 1 ? " Mangel" : " Mängel") + " gefunden.",
				findings, null);
	}

	static PublishRefusedException unknown(String name) {
		return new PublishRefusedException(Reason.UNKNOWN, "Ein Modell „" + name + "“ gibt es im Ordner nicht.",
				List.of(), null);
	}

	public Reason reason() {
		return this.reason;
	}

	public List<ModelFinding> findings() {
		return this.findings;
	}

	/** For a conflict: the version the folder holds now. */
	public String currentVersion() {
		return this.currentVersion;
	}

}
