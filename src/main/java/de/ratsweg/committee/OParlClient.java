package de.ratsweg.committee;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads OParl 1.1 objects and lists over HTTP(S). Any failure (no connection, timeout, an
 * error status, an answer that is not a JSON object) is an {@link OParlException}: the
 * caller's job fails and is tried again later.
 */
class OParlClient {

	private final HttpClient http;

	private final ObjectMapper json;

	private final Duration timeout;

	private final int maxPages;

	OParlClient(ObjectMapper json, Duration timeout, int maxPages) {
		this.json = json;
		this.timeout = timeout;
		this.maxPages = maxPages;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/** The object at the address. */
	JsonNode object(String url) {
		return objectUnlessGone(url)
			.orElseThrow(() -> new OParlException("OParl object " + url + " does not exist (404/410)"));
	}

	/** The object at the address; empty when the server says it is gone (404, 410). */
	Optional<JsonNode> objectUnlessGone(String url) {
		HttpResponse<String> response = get(url);
		if (response.statusCode() == 404 || response.statusCode() == 410) {
			return Optional.empty();
		}
		if (response.statusCode() != 200) {
			throw new OParlException("OParl server answered " + response.statusCode() + " for " + url);
		}
		return Optional.of(parse(url, response.body()));
	}

	/**
	 * The first element of a paged list that matches, following {@code links.next} from
	 * page to page.
	 */
	Optional<JsonNode> find(String firstPage, Predicate<JsonNode> match) {
		String page = firstPage;
		for (int read = 0; page != null && !page.isBlank(); read++) {
			if (read == this.maxPages) {
				throw new OParlException("OParl list " + firstPage + " has more than " + this.maxPages
						+ " pages (ratsweg.committee.oparl.max-pages)");
			}
			JsonNode list = object(page);
			JsonNode data = list.get("data");
			if (data == null || !data.isArray()) {
				throw new OParlException("OParl list " + page + " has no 'data' array");
			}
			for (JsonNode element : data) {
				if (match.test(element)) {
					return Optional.of(element);
				}
			}
			page = list.path("links").path("next").asText(null);
		}
		return Optional.empty();
	}

	private HttpResponse<String> get(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new OParlException("Not an OParl address: " + url, ex);
		}
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new OParlException("OParl server not reachable at " + url + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OParlException("Interrupted while reading " + url, ex);
		}
	}

	private JsonNode parse(String url, String body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw new OParlException("OParl server sent no JSON object for " + url);
			}
			return node;
		}
		catch (JsonProcessingException ex) {
			throw new OParlException("OParl server sent malformed JSON for " + url + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

}
