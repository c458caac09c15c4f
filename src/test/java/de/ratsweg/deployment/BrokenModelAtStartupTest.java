package de.ratsweg.deployment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import de.ratsweg.SeparateApplication;
import de.ratsweg.TestProfiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A broken model stops start-up with one message that names file, element and reason;
 * nothing of the folder is deployed.
 */
@Tag(TestProfiles.DATABASE_TAG)
@ExtendWith(OutputCaptureExtension.class)
class BrokenModelAtStartupTest {

	@TempDir
	Path temporaryFolder;

	@Test
	void brokenModelStopsStartUpWithOneClearMessage(CapturedOutput output) {
		ModelFolder folder = ModelFolder.copyOfFixtures(this.temporaryFolder);
		folder.renameProcess("beim Start kaputt");
		folder.replace(ModelFolder.PROCESS_FILE,
				"sourceRef=\"Task_ReviewRequest\" targetRef=\"EndEvent_RequestReviewed\"",
				"sourceRef=\"Task_ReviewRequest\" targetRef=\"Task_Missing\"");
		SeparateApplication application = SeparateApplication.withTestProfiles();
		long deploymentsBefore = countDeploymentsOfBrokenFolder(application);

		Throwable failure = catchThrowable(
				() -> application.property("ratsweg.processes.location", folder.root().toString()).run().close());

		assertThat(failure).as("start-up must fail").isNotNull();
		assertThat(failure).hasRootCauseInstanceOf(ProcessesDeploymentException.class);
		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("ReviewRequestProcess.bpmn, element 'SequenceFlow_ToRequestReviewed'")
			.contains("Task_Missing")
			.contains("nothing of it was deployed");
		assertThat(countDeploymentsOfBrokenFolder(application)).isEqualTo(deploymentsBefore);
	}

	/**
	 * Counts process versions of the broken folder, straight from the engine's tables.
	 */
	private long countDeploymentsOfBrokenFolder(SeparateApplication application) {
		String url = TestProfiles.onPostgres() ? System.getenv("RATSWEG_DB_URL") : application.h2Url();
		String user = TestProfiles.onPostgres() ? System.getenv("RATSWEG_DB_USER") : "sa";
		String password = TestProfiles.onPostgres() ? System.getenv("RATSWEG_DB_PASSWORD") : "";
		try (Connection connection = DriverManager.getConnection(url, user, password);
				PreparedStatement query = connection
					.prepareStatement("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE NAME_ LIKE '%beim Start kaputt%'")) {
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			if (Set.of("42S02", "42S04", "42P01").contains(ex.getSQLState())) {
				// No engine tables yet: nothing was ever deployed into this database.
				return 0;
			}
			throw new IllegalStateException("cannot count deployments", ex);
		}
	}

}
