package de.ratsweg.committee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads OParl 1.1 objects and lists of one council information system over HTTP(S). Any
 * failure (no connection, no complete answer in time, an error status, an answer that is
 * too big or not a JSON object, an address on another server, a redirect, a list whose
 * pages go round in a circle) is an {@link OParlException}: the caller's job fails and is
 * tried again later.
 *
 * <p>
 * Only addresses of the configured system's server (scheme, host and port) are read: the
 * addresses come from the server's own answers, and Ratsweg must not be sent elsewhere.
 * Redirects are not followed; the configured address must be the final one.
 */
class OParlClient {

	/** No OParl page of a paper list or object comes near this. */
	static final int MAX_ANSWER_BYTES = 5 * 1024 * 1024;

	private final HttpClient http;

	private final ObjectMapper json;

	private final String linksWritten;

	private final String linksRead;

	private final Duration timeout;

	private final int maxPages;

	private final URI origin;

	/**
	 * @param system the configured address of the System object; its server is the only
	 * one read
	 * @param timeout the longest wait for one complete answer
	 */
	OParlClient(HttpClient http, ObjectMapper json, String system, Duration timeout, int maxPages) {
		this(http, json, system, timeout, maxPages, null, null);
	}

	/**
	 * @param linksWritten the beginning of the server's links as it writes them, or null
	 * @param linksRead what replaces it before a link is read (a server whose links say
	 * {@code /oparl/} while it answers under {@code /ris/oparl/})
	 */
	OParlClient(HttpClient http, ObjectMapper json, String system, Duration timeout, int maxPages, String linksWritten,
			String linksRead) {
		this.linksWritten = (linksWritten != null && !linksWritten.isBlank()) ? linksWritten : null;
		this.linksRead = linksRead;
		this.http = http;
		this.json = json;
		this.timeout = timeout;
		this.maxPages = maxPages;
		this.origin = origin(uri(system));
	}

	static HttpClient httpClient(Duration timeout) {
		return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The object at the address. */
	JsonNode object(String url) {
		return objectUnlessGone(url).orElseThrow(() -> new OParlException("OParl object " + url + " is gone (410)"));
	}

	/**
	 * The object at the address; empty when the server says it is gone for good (410).
	 * OParl marks deleted objects with {@code deleted: true}; a 404 is an error (a server
	 * in maintenance may answer 404 for everything).
	 */
	Optional<JsonNode> objectUnlessGone(String url) {
		Answer answer = get(url);
		if (answer.status() == 410) {
			return Optional.empty();
		}
		if (answer.status() != 200) {
			throw new OParlException("OParl server answered " + answer.status() + " for " + url);
		}
		return Optional.of(parse(url, answer.body()));
	}

	/**
	 * The first element of a paged list that matches, following {@code links.next} from
	 * page to page; a list longer than {@code max-pages} is an error.
	 */
	Optional<JsonNode> find(String firstPage, Predicate<JsonNode> match) {
		Search search = search(firstPage, match);
		if (!search.complete()) {
			throw new OParlException("OParl list " + firstPage + " has more than " + this.maxPages
					+ " pages (ratsweg.committee.oparl.max-pages)");
		}
		return search.found();
	}

	/**
	 * A search through a paged list.
	 *
	 * @param found the first element that matched
	 * @param complete whether the list was read to its end (or to the match); false when
	 * it has more than {@code max-pages} pages
	 */
	record Search(Optional<JsonNode> found, boolean complete) {
	}

	/**
	 * The first element of a paged list that matches, reading at most {@code max-pages}
	 * pages: a server that ignores {@code modified_since} and pages ten papers at a time
	 * makes an endless list, which is searched another way then.
	 */
	Search search(String firstPage, Predicate<JsonNode> match) {
		Set<String> read = new HashSet<>();
		String page = firstPage;
		while (page != null && !page.isBlank()) {
			if (!read.add(page)) {
				throw new OParlException("OParl list " + firstPage + " leads back to page " + page);
			}
			if (read.size() > this.maxPages) {
				return new Search(Optional.empty(), false);
			}
			JsonNode list = object(page);
			JsonNode data = list.get("data");
			if (data == null || !data.isArray()) {
				throw new OParlException("OParl list " + page + " has no 'data' array");
			}
			for (JsonNode element : data) {
				if (match.test(element)) {
					return new Search(Optional.of(element), true);
				}
			}
			page = list.path("links").path("next").asText(null);
		}
		return new Search(Optional.empty(), true);
	}

	/** An embedded object as it is, an address read. */
	JsonNode embeddedOrRead(JsonNode entry) {
		return entry.isTextual() ? object(entry.asText()) : entry;
	}

	private record Answer(int status, String body) {
	}

	private Answer get(String link) {
		String url = (this.linksWritten != null && link != null && link.startsWith(this.linksWritten))
				? this.linksRead + link.substring(this.linksWritten.length()) : link;
		URI uri = uri(url);
		if (!this.origin.equals(origin(uri))) {
			throw new OParlException("OParl server refers to " + url + ", which is not on the configured server "
					+ this.origin + "; not read");
		}
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		CompletableFuture<HttpResponse<byte[]>> answer = this.http.sendAsync(request,
				(info) -> new BoundedBody(MAX_ANSWER_BYTES));
		try {
			// the request's own timeout ends with the headers; this one includes the body
			HttpResponse<byte[]> response = answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (response.statusCode() / 100 == 3) {
				throw new OParlException(
						"OParl server redirects " + url + " to " + response.headers().firstValue("Location").orElse("?")
								+ "; configure the final address of the System object");
			}
			return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new OParlException("OParl server gave no complete answer for " + url + " within " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			throw new OParlException("OParl server not reachable at " + url + ": " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OParlException("Interrupted while reading " + url, ex);
		}
	}

	private JsonNode parse(String url, String body) {
		try {
			// ALLRIS sends control characters unescaped inside strings, some servers a
			// byte
			// order mark: both are read, not refused
			JsonNode node = this.json.reader()
				.with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
				.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
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

	private static URI uri(String url) {
		try {
			URI uri = URI.create(Objects.requireNonNull(url));
			if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
				throw new IllegalArgumentException("not http(s)");
			}
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("no host");
			}
			return uri;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new OParlException("Not an OParl address: " + url, ex);
		}
	}

	private static URI origin(URI uri) {
		int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
		return URI.create(uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + port);
	}

	/** Collects an answer's body, and fails as soon as it grows beyond the limit. */
	private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final int limit;

		private Flow.Subscription subscription;

		BoundedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + buffer.remaining() > this.limit) {
					this.subscription.cancel();
					this.result.completeExceptionally(
							new IOException("answer larger than " + this.limit + " bytes, not read"));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, chunk.length);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

}
