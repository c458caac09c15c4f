package de.ratsweg.committee;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server that serves the OParl 1.1 fixtures of
 * {@code src/test/resources/oparl/} below {@code http://127.0.0.1:<port>/oparl}, with
 * {@code {{base}}} in a fixture replaced by that address. A test chooses which fixture
 * answers at a path, stops the server (down) and starts it again on the same port (back),
 * and reads which requests arrived.
 */
final class OParlFixtureServer {

	private final Map<String, String> routes = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private int port;

	OParlFixtureServer() {
		start();
		serveTheSoestPaper();
	}

	/** The address of the OParl System object (the municipality's configured address). */
	String systemUrl() {
		return base() + "/system";
	}

	String base() {
		return "http://127.0.0.1:" + this.port + "/oparl";
	}

	/**
	 * Soest's body with the paper 2026/0815 on the second page of its paper list, its
	 * consultation in the Ausschuss für Digitalisierung, and no result yet.
	 */
	void serveTheSoestPaper() {
		this.routes.clear();
		this.requests.clear();
		serve("/system", "system");
		serve("/bodies", "bodies");
		serve("/body/soest/papers", "papers-page-1");
		serve("/body/soest/papers/page/2", "papers-page-2");
		serve("/paper/0815", "paper-0815");
		serve("/organization/digital", "organization-digital");
		serve("/organization/council", "organization-council");
		serve("/meeting/101", "meeting-101");
		serve("/agendaitem/1001", "agendaitem-1001-open");
	}

	/** The fixture (file name without .json) that answers at the path below /oparl. */
	void serve(String path, String fixture) {
		this.routes.put(path, fixture);
	}

	/** Any text at the path, e.g. malformed JSON; null: nothing there (404). */
	void serveRaw(String path, String body) {
		if (body == null) {
			this.routes.remove(path);
		}
		else {
			this.routes.put(path, "raw:" + body);
		}
	}

	/** Paths and queries asked for, in order. */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.port = this.server.getAddress().getPort();
		this.server.createContext("/oparl", this::answer);
		this.server.start();
	}

	void stop() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/oparl".length());
		String query = exchange.getRequestURI().getRawQuery();
		this.requests.add(path + ((query != null) ? "?" + query : ""));
		String route = this.routes.get(path);
		byte[] body;
		int status = 200;
		if (route == null) {
			status = 404;
			body = "{}".getBytes(StandardCharsets.UTF_8);
		}
		else if (route.startsWith("raw:")) {
			body = route.substring(4).getBytes(StandardCharsets.UTF_8);
		}
		else {
			body = fixture(route).getBytes(StandardCharsets.UTF_8);
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** A fixture with its addresses pointing at this server. */
	String fixture(String name) {
		try (InputStream in = OParlFixtureServer.class.getResourceAsStream("/oparl/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
