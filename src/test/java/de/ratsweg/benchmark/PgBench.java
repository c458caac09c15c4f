package de.ratsweg.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own ceiling on the machine the benchmark runs on, for context:
 * {@code pgbench} with a transaction of one insert into a scratch table of a scratch
 * database.
 */
final class PgBench {

	record Result(String command, double tps, double latencyMillis) {
	}

	private final int seconds;

	PgBench(int seconds) {
		this.seconds = seconds;
	}

	Result run() throws IOException, InterruptedException {
		String database = Databases.PREFIX + "pgbench";
		String url = Databases.fresh(database);
		try {
			Databases.execute(url,
					"CREATE TABLE scratch (id bigserial PRIMARY KEY, created timestamptz NOT NULL DEFAULT now(), payload text)");
			Path script = Path.of("target", "benchmark", "insert.sql");
			Files.createDirectories(script.getParent());
			Files.writeString(script, "INSERT INTO scratch (payload) VALUES ('Ratsweg');\n");
			String host = url.replaceFirst("jdbc:postgresql://", "").replaceFirst("[:/].*", "");
			String port = url.matches("jdbc:postgresql://[^/]+:(\\d+)/.*")
					? url.replaceFirst("jdbc:postgresql://[^/]+:(\\d+)/.*", "$1") : "5432";
			List<String> command = List.of("pgbench", "-h", host, "-p", port, "-U", Databases.USER, "-n", "-f",
					script.toString(), "-c", "4", "-j", "2", "-T", Integer.toString(this.seconds), database);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException("pgbench failed:\n" + output);
			}
			Benchmark.log("pgbench: %s",
					output.lines().filter((line) -> line.startsWith("tps") || line.startsWith("latency")).toList());
			return new Result(String.join(" ", command).replace(script.toString(), "insert.sql"),
					number(output, "tps = ([0-9.]+)"), number(output, "latency average = ([0-9.]+) ms"));
		}
		finally {
			Databases.drop(database);
		}
	}

	private static double number(String output, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(output);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

}
